// Dates as whole UTC day numbers (days since 1970-01-01): exact in Int32Array and in 32-bit floats, unlike epoch ms.
const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date `YYYY-MM-DD` (UTC). */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

/** ISO date `YYYY-MM-DD` of a day number. */
export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dateOf(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** Day number of a Date, rounded down to its UTC day. */
export function dayOfDate(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/** The same day of the month `months` later, clamped to the month's last day (31 January + 1 month = 28/29 February). */
export function addMonths(day: number, months: number): number {
  const d = dateOf(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return dayOfDate(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))));
}
