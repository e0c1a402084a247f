// The pool keeps its worker processes between batches: a process costs about a second of CPU to start (its code, the
// tagger's model, the gazetteer), so one that waited a moment for its next batch must not have been stopped.
import { describe, expect, it } from 'vitest';
import { createPool } from '../../../scripts/run/pool.ts';

const input = (file: string) => ({ file, bytes: new TextEncoder().encode('Protesters gathered in Lyon on 3 March 2024.\n') });

describe('the worker pool', { timeout: 120_000 }, () => {
  it('runs a batch after an idle moment in the process that ran the first (no process is stopped while the run goes on)', async () => {
    // A forked process inherits this one's flags; under vitest the TypeScript worker needs tsx's loader.
    const pool = createPool(1, undefined, undefined, { v8Flags: ['--import', 'tsx'] });
    try {
      const first = await pool.run([input('a.txt')]);
      expect(first[0].outcome.file).toBe('a.txt');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const second = await pool.run([input('b.txt')]);
      expect(second[0].outcome.file).toBe('b.txt');
      expect(pool.workersCpu!().processes).toBe(1);
    } finally {
      await pool.close();
    }
  });
});
