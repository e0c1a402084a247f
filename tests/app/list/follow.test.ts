import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followAtMost } from '../../../src/app/list/follow.ts';

describe('followAtMost', () => {
  beforeEach(() => { vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }); });
  afterEach(() => { vi.useRealTimers(); });

  it('followAtMost() runs a lone change at once', () => {
    const fn = vi.fn();
    followAtMost(fn, 150)();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('followAtMost() runs a fast run of changes once per period and once after the last, never dropping the end', () => {
    const calls: number[] = [];
    const change = followAtMost(() => calls.push(performance.now()), 150);
    let lastChange = 0;
    for (let step = 0; step < 30; step++) {
      lastChange = performance.now();
      change();
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(1000);
    // 600 ms of changes every 20 ms: the first at once, then one per 150 ms, the last after the last change.
    expect(calls.length).toBeGreaterThanOrEqual(4);
    expect(calls.length).toBeLessThanOrEqual(6);
    for (let k = 1; k < calls.length; k++) expect(calls[k] - calls[k - 1]).toBeGreaterThanOrEqual(150);
    expect(calls[calls.length - 1]).toBeGreaterThanOrEqual(lastChange);
  });

  it('followAtMost() runs at once again after a quiet period', () => {
    const fn = vi.fn();
    const change = followAtMost(fn, 150);
    change();
    vi.advanceTimersByTime(500);
    change();
    expect(fn).toHaveBeenCalledTimes(2);
  });
});

describe('followAtMost with a deferral', () => {
  it('followAtMost() waits for the deferral, and changes meanwhile add no run: the one waiting reads the latest state', () => {
    const waiting: (() => void)[] = [];
    let state = 0;
    const seen: number[] = [];
    const change = followAtMost(() => seen.push(state), 150, (run) => waiting.push(run));
    state = 1;
    change();
    state = 2;
    change();
    expect(seen).toEqual([]);
    expect(waiting).toHaveLength(1);
    waiting.shift()!();
    expect(seen).toEqual([2]);
  });
});
