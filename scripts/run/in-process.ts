// Runs documents in this thread: one gazetteer, no threads to start; what --workers 1 and the workbench use.
import { performance } from 'node:perf_hooks';
import { loadGazetteer } from '../../src/pipeline/gazetteer-load.ts';
import type { Gazetteer } from '../../src/pipeline/gazetteer.ts';
import { processDocument } from '../../src/pipeline/index.ts';
import type { Executor } from './executor.ts';

export function createInProcess(batchSize = 8): Executor {
  let gazetteer: Gazetteer | null = null;
  const now = () => performance.now();
  return {
    async run(batch) {
      gazetteer ??= loadGazetteer();
      // Yield to the event loop between batches so progress and reading go on.
      await new Promise((resolve) => setImmediate(resolve));
      return batch.map((input) => processDocument(input, gazetteer!, { now }));
    },
    capacity: 1,
    batchSize,
    describe: () => 'this thread',
    close: async () => {},
  };
}
