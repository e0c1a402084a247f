// Runs documents on a pool of worker threads (piscina: a maintained pool with a task queue, so we keep none of our
// own). Each thread loads the gazetteer index once, on its first batch; threads start only as batches need them.
import { Piscina } from 'piscina';
import type { Executor } from './executor.ts';
import { DEFAULT_SETTINGS, type RunSettings } from './resources.ts';

export const POOL_DEFAULTS = {
  /** Documents a task: about 40 ms of work at 200 documents/s, far above the cost of sending them to a thread. */
  batchSize: 8,
  /** Batches queued per thread: keeps a thread busy while the main thread reads the next files. */
  batchesPerThread: 4,
  /**
   * Documents to run (not served by the cache) up to which a run without --workers stays in the main thread: a thread
   * costs about 2 s to start (it compiles the pipeline and loads the gazetteer again), the time of some 400 documents;
   * below this, one thread wins.
   */
  smallCorpus: 200,
};

export function createPool(threads: number, opts = POOL_DEFAULTS, settings: RunSettings = DEFAULT_SETTINGS): Executor {
  const pool = new Piscina({
    // The built CLI (build/cli/, scripts/build-cli.ts) runs the built worker; under tsx, the TypeScript one.
    filename: new URL(import.meta.url.endsWith('.ts') ? './pool-worker.ts' : './pool-worker.mjs', import.meta.url).href,
    workerData: settings,
    minThreads: 0,
    maxThreads: threads,
    // Loading the gazetteer costs about a second: a thread waiting for the next batch must not be stopped.
    idleTimeout: Infinity,
  });
  return {
    run: (batch) => pool.run(batch),
    capacity: threads * opts.batchesPerThread,
    batchSize: opts.batchSize,
    describe: () => `${threads} worker thread${threads === 1 ? '' : 's'}`,
    close: () => pool.destroy(),
  };
}
