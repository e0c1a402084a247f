import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildTimeBuckets, eventRange, queryWindow, WINDOW_END, WINDOW_FIRST, WINDOW_INNER_END, WINDOW_INNER_FIRST, WINDOW_SLOTS,
} from '../../src/scale/time-buckets.ts';

const sortedStarts = fc.array(fc.integer({ min: -50, max: 400 }), { maxLength: 300 })
  .map((xs) => Int32Array.from(xs.sort((a, b) => a - b)));
const options = fc.record({ maxBuckets: fc.integer({ min: 1, max: 40 }), minBucketSize: fc.integer({ min: 1, max: 20 }) });
const window = fc.tuple(fc.integer({ min: -80, max: 450 }), fc.integer({ min: -80, max: 450 }));

describe('time buckets', () => {
  it('buildTimeBuckets() covers every event once, in order, within maxBuckets', () => {
    fc.assert(fc.property(sortedStarts, options, (start, opts) => {
      const b = buildTimeBuckets(start, opts);
      expect(b.count).toBeLessThanOrEqual(Math.max(opts.maxBuckets, 0));
      expect(b.bounds[0]).toBe(0);
      expect(b.bounds[b.count]).toBe(start.length);
      for (let k = 0; k < b.count; k++) {
        expect(b.bounds[k + 1]).toBeGreaterThan(b.bounds[k]);
        expect(b.minStart[k]).toBe(start[b.bounds[k]]);
        expect(b.maxStart[k]).toBe(start[b.bounds[k + 1] - 1]);
      }
    }));
  });

  it('queryWindow() agrees with a brute-force scan: inner buckets wholly inside, edges partly, the rest untouched', () => {
    const out = new Int32Array(WINDOW_SLOTS);
    fc.assert(fc.property(sortedStarts, options, window, (start, opts, [a, c]) => {
      const [t0, t1] = a <= c ? [a, c] : [c, a];
      const b = buildTimeBuckets(start, opts);
      const touched = queryWindow(b, t0, t1, out);
      const [first, innerFirst, innerEnd, end] = [out[WINDOW_FIRST], out[WINDOW_INNER_FIRST], out[WINDOW_INNER_END], out[WINDOW_END]];
      expect(touched).toBe(end - first);
      expect(first <= innerFirst && innerFirst <= innerEnd && innerEnd <= end).toBe(true);
      expect(innerFirst - first).toBeLessThanOrEqual(1);
      expect(end - innerEnd).toBeLessThanOrEqual(1);
      for (let k = 0; k < b.count; k++) {
        let inside = 0;
        const size = b.bounds[k + 1] - b.bounds[k];
        for (let i = b.bounds[k]; i < b.bounds[k + 1]; i++) if (start[i] >= t0 && start[i] <= t1) inside++;
        if (k >= innerFirst && k < innerEnd) expect(inside).toBe(size);
        else if (k >= first && k < end) expect(inside).toBeLessThan(size);
        else expect(inside).toBe(0);
      }
    }), { numRuns: 500 });
  });

  it('queryWindow() on an empty index returns zero buckets', () => {
    const out = new Int32Array(WINDOW_SLOTS);
    expect(queryWindow(buildTimeBuckets(new Int32Array(0)), 0, 100, out)).toBe(0);
  });

  it('eventRange() returns exactly the events starting in the window', () => {
    const out = new Int32Array(2);
    fc.assert(fc.property(sortedStarts, window, (start, [a, c]) => {
      const [t0, t1] = a <= c ? [a, c] : [c, a];
      const count = eventRange(start, t0, t1, out);
      const expected = [...start.keys()].filter((i) => start[i] >= t0 && start[i] <= t1);
      expect(count).toBe(expected.length);
      if (count > 0) expect([out[0], out[1] - 1]).toEqual([expected[0], expected[expected.length - 1]]);
    }));
  });

  it('buildTimeBuckets() refuses an unsorted column', () => {
    expect(() => buildTimeBuckets(Int32Array.from([3, 1]))).toThrow(/not sorted at index 1/);
  });
});
