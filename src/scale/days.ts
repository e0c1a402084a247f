// Whole UTC day numbers (days since 1970-01-01): exact in Int32 and Float32, unlike epoch milliseconds.
const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date `YYYY-MM-DD` (UTC). */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

/** ISO date `YYYY-MM-DD` of a day number. */
export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
