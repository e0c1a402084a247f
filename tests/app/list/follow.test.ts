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
