// Binary searches over a column of day numbers sorted ascending (the events' starts): a time window is the run of
// rows [lowerBound(t0), upperBound(t1)). Nothing is allocated; results go to a caller's Int32Array.

/** First index whose value is >= x (values non-decreasing). */
export function lowerBound(values: ArrayLike<number>, x: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > x (values non-decreasing). */
export function upperBound(values: ArrayLike<number>, x: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The exact events starting in [t0, t1] as [lo, hi) in `out`; returns hi - lo. */
export function eventRange(start: Int32Array, t0: number, t1: number, out: Int32Array): number {
  const lo = lowerBound(start, t0);
  const hi = Math.max(lo, upperBound(start, t1));
  out[0] = lo;
  out[1] = hi;
  return hi - lo;
}
