import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eventRange, lowerBound, upperBound } from '../../src/scale/sorted-days.ts';

const sortedStarts = fc.array(fc.integer({ min: -50, max: 400 }), { maxLength: 300 })
  .map((xs) => Int32Array.from(xs.sort((a, b) => a - b)));
const window = fc.tuple(fc.integer({ min: -80, max: 450 }), fc.integer({ min: -80, max: 450 }));

describe('sorted days', () => {
  it('lowerBound() and upperBound() split a sorted column where a scan does', () => {
    fc.assert(fc.property(sortedStarts, fc.integer({ min: -80, max: 450 }), (start, x) => {
      expect(lowerBound(start, x)).toBe([...start].filter((s) => s < x).length);
      expect(upperBound(start, x)).toBe([...start].filter((s) => s <= x).length);
    }));
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

  it('eventRange() of a window that ends before it starts is empty', () => {
    const out = new Int32Array(2);
    expect(eventRange(Int32Array.from([1, 2, 3, 4]), 3, 2, out)).toBe(0);
  });
});
