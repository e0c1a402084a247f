// Runs documents in this thread: one gazetteer, no threads to start; what --workers 1 and the workbench use.
import { performance } from 'node:perf_hooks';
import { processDocument, releaseModels, type PipelineResources } from '../../src/pipeline/index.ts';
import { DEFAULT_SETTINGS, documentOptions, loadResources, type RunSettings } from './resources.ts';
import type { Executor } from './executor.ts';
import { holdYoungGeneration } from './memory.ts';

export function createInProcess(batchSize = 8, settings: RunSettings = DEFAULT_SETTINGS, mentions = true): Executor {
  let resources: PipelineResources | null = null;
  const options = documentOptions(settings, () => performance.now(), mentions);
  return {
    async run(batch) {
      // First, while the young generation is still small: loading the resources grows it.
      holdYoungGeneration(Math.max(...batch.map((input) => input.bytes.length)));
      resources ??= loadResources(settings);
      // Yield to the event loop between batches so progress and reading go on.
      await new Promise((resolve) => setImmediate(resolve));
      return batch.map((input) => processDocument(input, resources!, options));
    },
    capacity: 1,
    batchSize,
    describe: () => 'this thread',
    // The merge and the write that follow need neither the gazetteer nor the language models.
    close: async () => {
      resources = null;
      releaseModels();
    },
  };
}
