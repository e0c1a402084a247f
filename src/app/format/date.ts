// Dates written the way a reader says them, at the precision the source gives: "September 2025", not 2025-09-01.
import type { Precision } from '../../model/index.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** Year, month, day of `YYYY-MM-DD`, and of the `+YYYYYY-MM-DD` a Date writes past year 9999. */
function parts(iso: string): [number, number, number] {
  const m = /^([+-]?\d{4,6})-(\d{2})-(\d{2})/.exec(iso);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
}

/** "24 February 2022". */
export function formatDay(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "February 2022". */
export function formatMonth(iso: string): string {
  const [y, m] = parts(iso);
  return `${MONTHS[m - 1]} ${y}`;
}

/**
 * An event's date at its precision: "24 February 2022", "24–25 February 2022", "September 2025", "2019",
 * and spans across months or years written out in full on both sides.
 */
export function formatEventDate(start: string, end: string, precision: Precision): string {
  const [ys, ms, ds] = parts(start);
  const [ye, me, de] = parts(end);
  if (precision === 'year') return ys === ye ? String(ys) : `${ys}–${ye}`;
  if (precision === 'month') {
    if (ys === ye && ms === me) return formatMonth(start);
    return ys === ye ? `${MONTHS[ms - 1]}–${MONTHS[me - 1]} ${ys}` : `${formatMonth(start)} – ${formatMonth(end)}`;
  }
  if (start === end) return formatDay(start);
  if (ys === ye && ms === me) return `${ds}–${de} ${MONTHS[ms - 1]} ${ys}`;
  if (ys === ye) return `${ds} ${MONTHS[ms - 1]} – ${de} ${MONTHS[me - 1]} ${ys}`;
  return `${formatDay(start)} – ${formatDay(end)}`;
}

/** "published 21 June 2017", or a plain admission that the date is unknown. */
export function formatPublished(iso: string | null): string {
  return iso === null ? 'publication date unknown' : `published ${formatDay(iso)}`;
}
