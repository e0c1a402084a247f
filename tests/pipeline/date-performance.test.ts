import { beforeAll, describe, expect, it } from 'vitest';
import { findDates } from '../../src/pipeline/date.ts';
import { ingest } from '../../src/pipeline/ingest.ts';
import { segment } from '../../src/pipeline/segment.ts';

// Guards against quadratic blow-ups, not a benchmark: the bounds are several times the measured
// cost (under 100 ms each on one core).
function timed(text: string): { ms: number; count: number } {
  const started = performance.now();
  const doc = ingest('big.txt', new TextEncoder().encode(text));
  const count = findDates(segment(doc), '2024-10-21').length;
  return { ms: performance.now() - started, count };
}

describe('findDates: pathological input', () => {
  // V8 compiles chrono's large patterns during their first runs; that one-off cost is not the input's.
  beforeAll(() => {
    for (let i = 0; i < 5; i++) timed(`Ministers met on Monday, 5 May 2024, and in May ${'in May '.repeat(20 + i)}.`);
  });

  it('findDates() gets through a 1 MB line without punctuation in under a second', () => {
    expect(timed('word '.repeat(200_000)).ms).toBeLessThan(1000);
  });

  it('findDates() gets through 50,000 repetitions of "May" in under a second', () => {
    const { ms, count } = timed('May '.repeat(50_000));
    expect(ms).toBeLessThan(1000);
    expect(count).toBe(0);
  });

  it('findDates() caps the dates read from one run-on sentence and stays fast', () => {
    const { ms, count } = timed('in May '.repeat(50_000));
    expect(ms).toBeLessThan(1000);
    expect(count).toBeGreaterThan(0);
  });
});
