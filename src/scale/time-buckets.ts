// Events sorted by start, cut into contiguous buckets, so a time window maps to a run of whole buckets plus at most
// one edge bucket at each end: the renderer draws only that run and filters only the edges on the GPU.
// Every query is a few binary searches over the bucket bounds and writes into a caller-owned Int32Array.
//
//   events (sorted by start)  |--b0--|--b1--|--b2--|--b3--|--b4--|
//   window [t0, t1]                 [=================]
//   queryWindow                 FIRST=b1, INNER=[b2, b3), END=b4: b1 and b3 are edges, b2 is drawn whole
//                                (a bucket is inner when all its starts lie in the window, an edge when only some may)

export interface TimeBucketOptions {
  /** Upper bound on the number of buckets: each is a deck.gl sub-layer, so more buckets cost JavaScript per frame. */
  maxBuckets: number;
  /** Smallest bucket worth its own draw call, in events. */
  minBucketSize: number;
}

export const TIME_BUCKET_DEFAULTS: TimeBucketOptions = {
  maxBuckets: 512,
  minBucketSize: 512,
};

export interface TimeBuckets {
  readonly count: number;
  /** Bucket k holds events bounds[k] .. bounds[k + 1] - 1 (count + 1 entries). */
  readonly bounds: Uint32Array;
  /** Earliest and latest start in each bucket; both non-decreasing because events are sorted. */
  readonly minStart: Int32Array;
  readonly maxStart: Int32Array;
}

/** Slots of the Int32Array that queryWindow fills. */
export const WINDOW_FIRST = 0;
export const WINDOW_INNER_FIRST = 1;
export const WINDOW_INNER_END = 2;
export const WINDOW_END = 3;
export const WINDOW_SLOTS = 4;

/** Cuts the start-sorted column into buckets of equal size (the last may be smaller). */
export function buildTimeBuckets(start: Int32Array, options: TimeBucketOptions = TIME_BUCKET_DEFAULTS): TimeBuckets {
  const n = start.length;
  for (let i = 1; i < n; i++) {
    if (start[i] < start[i - 1]) throw new Error(`buildTimeBuckets: start is not sorted at index ${i}`);
  }
  const size = Math.max(options.minBucketSize, Math.ceil(n / options.maxBuckets), 1);
  const count = Math.ceil(n / size);
  const bounds = new Uint32Array(count + 1);
  const minStart = new Int32Array(count);
  const maxStart = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const lo = k * size;
    const hi = Math.min(n, lo + size);
    bounds[k] = lo;
    minStart[k] = start[lo];
    maxStart[k] = start[hi - 1];
  }
  bounds[count] = n;
  return { count, bounds, minStart, maxStart };
}

/** First index whose value is >= x (values non-decreasing). */
export function lowerBound(values: Int32Array, x: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > x (values non-decreasing). */
export function upperBound(values: Int32Array, x: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Buckets that may hold events starting in [t0, t1], written to `out` (WINDOW_SLOTS entries, bucket indexes):
 * [FIRST, END) is every such bucket, [INNER_FIRST, INNER_END) those whose events all start in the window; the rest,
 * [FIRST, INNER_FIRST) and [INNER_END, END), are edge buckets, at most one at each end. Returns END - FIRST.
 */
export function queryWindow(b: TimeBuckets, t0: number, t1: number, out: Int32Array): number {
  const first = lowerBound(b.maxStart, t0);
  const end = Math.max(first, upperBound(b.minStart, t1));
  const innerFirst = Math.min(end, Math.max(first, lowerBound(b.minStart, t0)));
  const innerEnd = Math.min(end, Math.max(innerFirst, upperBound(b.maxStart, t1)));
  out[WINDOW_FIRST] = first;
  out[WINDOW_INNER_FIRST] = innerFirst;
  out[WINDOW_INNER_END] = innerEnd;
  out[WINDOW_END] = end;
  return end - first;
}

/** The exact events starting in [t0, t1] as [lo, hi) in `out`; returns hi - lo. For picking and counts. */
export function eventRange(start: Int32Array, t0: number, t1: number, out: Int32Array): number {
  const lo = lowerBound(start, t0);
  const hi = Math.max(lo, upperBound(start, t1));
  out[0] = lo;
  out[1] = hi;
  return hi - lo;
}
