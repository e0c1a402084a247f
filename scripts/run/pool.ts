// Runs documents on a pool of worker processes (tinypool with its child_process runtime: a maintained pool with a
// task queue, so we keep none of our own). Processes, not threads: two worker threads of one process ran the pipeline
// at 1.14x the speed of one where two processes ran it at 1.75x (docs/scale.md, "Two cores"). Each process reads the
// compact gazetteer (about 0.2 s) and the rest of the resources once, on its first batch; processes start only as
// batches need them.
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { Executor } from './executor.ts';
import type { BatchReply } from './pool-worker.ts';
import { WORKER_MALLOC_ENV } from './memory.ts';
import { DEFAULT_SETTINGS, WORKER_ENV, type RunSettings, type WorkerStart } from './resources.ts';

export const POOL_DEFAULTS = {
  /** Documents a task: about 40 ms of work at 200 documents/s, far above the cost of sending them to a process. */
  batchSize: 8,
  /** Batches queued per process: keeps a process busy while the main thread reads the next files. */
  batchesPerThread: 4,
  /**
   * Batches handed to a process before it has answered the first: the next one waits in the process's own channel,
   * so it starts on it at once instead of going idle for a round trip through the main process (which also pauses
   * for its own garbage collection, its heap holding every result) after every batch.
   */
  batchesAhead: 2,
  /**
   * Documents to run (not served by the cache) up to which a run without --workers stays in the main thread: a worker
   * costs about 1-2 s to start (it loads the pipeline's code, the tagger's model and the gazetteer), the time of some
   * 200-400 documents; below this, one thread wins.
   */
  smallCorpus: 200,
  /**
   * Cached documents from which a run without --workers sends its few documents to run to one worker process rather
   * than this thread: it reads the cache (about 0.1 ms of CPU an entry) while the process starts and runs them, and a
   * new process's first documents are slow (its compiler's warm-up, the tagger's model: about 1 s for the first ten).
   */
  readWhileRunning: 2000,
};

/** The longest delay setTimeout keeps (about 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A process's first documents, whose CPU is reported apart from the rest's (its compiler is still warming up). */
const EARLY_DOCUMENTS = 200;

export interface PoolOptions {
  /** Make each document's mention records (only a run that writes mentions.json needs them). */
  mentions?: boolean;
  /** V8 flags for the workers (a memory budget's sooner collections, memory.ts); a thread's flags stay in its process. */
  v8Flags?: string[];
}

export function createPool(workers: number, opts = POOL_DEFAULTS, settings: RunSettings = DEFAULT_SETTINGS, pool: PoolOptions = {}): Executor {
  const tinypool = new Tinypool({
    runtime: 'child_process',
    // The built CLI (build/cli/, scripts/build-cli.ts) runs the built worker; under tsx, the TypeScript one (a forked
    // process inherits this one's tsx loader).
    filename: fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './pool-worker.ts' : './pool-worker.mjs', import.meta.url)),
    // Structured clone over the channel (documents' bytes are typed arrays); JSON would not carry them.
    serialization: 'advanced',
    // What each process runs with, in its environment (a child process has no workerData), and the C library's memory setting.
    env: { ...WORKER_MALLOC_ENV, ...(process.env as Record<string, string>), [WORKER_ENV]: JSON.stringify({ settings, mentions: pool.mentions ?? true } satisfies WorkerStart) },
    execArgv: [...process.execArgv, ...(pool.v8Flags ?? [])],
    minThreads: 0,
    maxThreads: workers,
    // Loading the resources costs a second: a worker waiting for the next batch must not be stopped. Not Infinity:
    // tinypool hands it to setTimeout, which takes a delay over 2^31-1 ms as 1 ms (with a TimeoutOverflowWarning), so
    // every process that went idle for a moment was stopped and the next batch paid for a new one.
    idleTimeout: MAX_TIMER_MS,
    concurrentTasksPerWorker: opts.batchesAhead,
  });
  // Each worker's peak resident memory, in kB, and CPU, by process id.
  const peaks = new Map<number, number>();
  const cpu = new Map<number, { us: number; mainThreadUs: number; startUs: number; documents: number }>();
  const phases = { early: { us: 0, documents: 0 }, later: { us: 0, documents: 0 } };
  return {
    run: async (batch) => {
      const reply = (await tinypool.run(batch)) as BatchReply;
      peaks.set(reply.pid, Math.max(peaks.get(reply.pid) ?? 0, reply.peakKb));
      const seen = cpu.get(reply.pid) ?? { us: 0, mainThreadUs: 0, startUs: reply.startCpuUs, documents: 0 };
      const phase = seen.documents < EARLY_DOCUMENTS ? phases.early : phases.later;
      phase.us += reply.batchCpuUs;
      phase.documents += batch.length;
      // Batches of one process come back in any order: its latest figures are the largest.
      const latest = reply.cpuUs >= seen.us;
      cpu.set(reply.pid, {
        us: latest ? reply.cpuUs : seen.us, mainThreadUs: latest ? reply.mainThreadUs : seen.mainThreadUs, startUs: seen.startUs, documents: seen.documents + batch.length,
      });
      return reply.results;
    },
    workersCpu: () => {
      const all = [...cpu.values()];
      return {
        seconds: all.reduce((n, c) => n + c.us, 0) / 1e6,
        startSeconds: all.reduce((n, c) => n + c.startUs, 0) / 1e6,
        helperSeconds: all.reduce((n, c) => n + c.us - c.mainThreadUs, 0) / 1e6,
        documents: all.reduce((n, c) => n + c.documents, 0),
        earlyMs: phases.early.us / 1000 / Math.max(1, phases.early.documents),
        laterMs: phases.later.us / 1000 / Math.max(1, phases.later.documents),
        early: EARLY_DOCUMENTS,
        processes: cpu.size,
      };
    },
    workersPeakMb: () => Math.round([...peaks.values()].reduce((a, b) => a + b, 0) / 1024),
    capacity: workers * opts.batchesPerThread,
    batchSize: opts.batchSize,
    describe: () => `${workers} worker process${workers === 1 ? '' : 'es'}`,
    close: () => tinypool.destroy(),
  };
}
