import { beforeAll, describe, expect, it } from 'vitest';
import { findDates } from '../../src/pipeline/date.ts';
import { ingest } from '../../src/pipeline/ingest.ts';
import { segment } from '../../src/pipeline/segment.ts';

// Guards against quadratic blow-ups, not a benchmark: each input costs under 100 ms on one core; a quadratic scan
// would not finish within the test's timeout. No time is asserted, so a loaded machine cannot fail them.
function run(text: string): { count: number } {
  const doc = ingest('big.txt', new TextEncoder().encode(text));
  return { count: findDates(segment(doc), '2024-10-21').length };
}

describe('findDates: pathological input', { timeout: 20_000 }, () => {
  // V8 compiles chrono's large patterns during their first runs; that one-off cost is not the input's.
  beforeAll(() => {
    for (let i = 0; i < 5; i++) run(`Ministers met on Monday, 5 May 2024, and in May ${'in May '.repeat(20 + i)}.`);
  });

  it('findDates() gets through a 1 MB line without punctuation', () => {
    expect(run('word '.repeat(200_000)).count).toBe(0);
  });

  it('findDates() gets through 50,000 repetitions of "May"', () => {
    const { count } = run('May '.repeat(50_000));
    expect(count).toBe(0);
  });

  it('findDates() caps the dates read from one run-on sentence', () => {
    const { count } = run('in May '.repeat(50_000));
    expect(count).toBeGreaterThan(0);
  });
});
