// Which rows the list shows: the latest events started by t, newest first, at most `maxItems`. With a filter on, it
// scans back from the latest row for matches, at most `maxScan` rows, so a change costs O(maxScan) at any data size.

export const LIST_WINDOW_DEFAULTS = {
  maxItems: 200,
  /** Rows looked at for matches when a search or a category filter is on. */
  maxScan: 5000,
};

export interface ListWindow {
  /** Rows shown, newest first. */
  rows: number[];
  /** Rows before the scanned range (not shown, not looked at). */
  earlier: number;
  /** Rows in the scanned range the filter left out. */
  filtered: number;
}

/** `count`: how many events started by t (rows 0..count-1); `passes` absent means no filter. */
export function listWindow(count: number, passes?: (row: number) => boolean, opts = LIST_WINDOW_DEFAULTS): ListWindow {
  const rows: number[] = [];
  if (!passes) {
    const first = Math.max(0, count - opts.maxItems);
    for (let i = count - 1; i >= first; i--) rows.push(i);
    return { rows, earlier: first, filtered: 0 };
  }
  const stop = Math.max(0, count - opts.maxScan);
  let i = count - 1;
  for (; i >= stop && rows.length < opts.maxItems; i--) if (passes(i)) rows.push(i);
  const earlier = i + 1;
  return { rows, earlier, filtered: count - earlier - rows.length };
}
