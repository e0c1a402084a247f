// Runs documents on a pool of worker processes (tinypool with its child_process runtime: a maintained pool with a
// task queue, so we keep none of our own). Processes, not threads: two worker threads of one process ran the pipeline
// at 1.14x the speed of one where two processes ran it at 1.75x (docs/scale.md, "Two cores"). Each process reads the
// compact gazetteer (about 0.2 s) and the rest of the resources once, on its first batch; processes start only as
// batches need them.
import type { ChildProcess } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { PipelineInput } from '../../src/pipeline/index.ts';
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
/** How long a worker process that closed its channel has to exit before the closed channel is named as the failure. */
const CHANNEL_GRACE_MS = 1000;
/** A process's first documents, whose CPU is reported apart from the rest's (its compiler is still warming up). */
const EARLY_DOCUMENTS = 200;

/**
 * A worker process died, closed its channel, or could not start or load the pipeline's resources: the run cannot finish
 * and stops, naming the process, how it ended and the batch it held when known. geocode exits with code 4 (nothing written).
 */
export class WorkerFailure extends Error {
  override name = 'WorkerFailure';
}

/** How a process ended, for a person: a signal named with its likely cause, else the exit code. */
export function howItEnded(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal === 'SIGKILL') return 'was killed (SIGKILL: by someone, or by the system when memory ran out)';
  if (signal === 'SIGABRT' || code === 134) return 'aborted (SIGABRT: V8 does so when its heap is out of memory)';
  if (signal !== null) return `was stopped by ${signal}`;
  return `exited with code ${code}`;
}

/** A batch as a message names it: its size and its first document. */
const batchName = (batch: readonly PipelineInput[]) => `a batch of ${batch.length} document${batch.length === 1 ? '' : 's'} from ${batch[0]?.file ?? 'nowhere'}`;

/** A pool's processes are told apart from any other child of this process by this argument (their code ignores it). */
let poolsMade = 0;

export interface PoolOptions {
  /** Make each document's mention records (only a run that writes mentions.json needs them). */
  mentions?: boolean;
  /** V8 flags for the workers (a memory budget's sooner collections, memory.ts); a thread's flags stay in its process. */
  v8Flags?: string[];
}

export function createPool(workers: number, opts = POOL_DEFAULTS, settings: RunSettings = DEFAULT_SETTINGS, pool: PoolOptions = {}): Executor {
  const marker = `--flankline-pool=${process.pid}.${++poolsMade}`;
  // Why the pool broke, once it has: every batch waiting and every later one is refused with it. Tinypool leaves the
  // batches queued for a worker when the last worker dies and starts no other; a run awaiting them then had nothing left
  // to wait on and Node ended it with code 13, writing nothing and saying nothing.
  let broken: WorkerFailure | null = null;
  let closing = false;
  const waiting = new Set<(error: WorkerFailure) => void>();
  // How the pool's last process to die ended, learnt before tinypool hears of it (it only says "Worker exited unexpectedly").
  let lastEnded: string | null = null;
  const breakPool = (failure: WorkerFailure) => {
    if (closing) return;
    broken ??= failure;
    // After the promise callbacks already under way: the batch the dead process held is named by its own rejection first.
    setImmediate(() => {
      for (const reject of waiting) reject(broken!);
      waiting.clear();
    });
  };
  /** A task's error crosses the channel as a plain object: its message. */
  const messageOf = (error: unknown) =>
    error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error) ? String((error as { message: unknown }).message) : String(error);
  /**
   * A rejection from tinypool that means a process is gone or useless, as a failure a person can read; null for a
   * batch's own error (thrown by the pipeline in the process, it arrives as a plain object; the process lives on).
   * Tinypool's own errors (Error objects made here) drop the process from the pool: the pool is broken.
   */
  const failureOf = (error: unknown, batch: readonly PipelineInput[] | null): WorkerFailure | null => {
    if (error instanceof WorkerFailure) return error;
    const line = messageOf(error).split('\n')[0];
    const during = batch ? ` while running ${batchName(batch)}` : '';
    if (/exited unexpectedly/.test(line)) return new WorkerFailure(`${lastEnded ?? 'a worker process exited unexpectedly'}${during}`);
    if (!(error instanceof Error)) return line.startsWith('worker process ') ? new WorkerFailure(`${line}${during}`) : null;
    return new WorkerFailure(`a worker process failed${during}: ${line}`);
  };
  // Node announces every child process this one starts; a pool's own are known by their marker once spawned.
  const onChild = (message: unknown) => {
    const child = (message as { process: ChildProcess }).process;
    const ours = () => child.spawnargs?.includes(marker) === true;
    // First among the child's listeners (tinypool adds its own after fork returns), so the cause is known when tinypool rejects.
    child.once('exit', (code, signal) => {
      if (closing || !ours()) return;
      const how = `worker process ${child.pid} ${howItEnded(code, signal)}`;
      lastEnded = how;
      breakPool(new WorkerFailure(how));
    });
    // A process that dies closes its channel a moment before it exits: the channel alone is named only when no exit follows.
    child.once('disconnect', () => {
      if (closing || !ours()) return;
      setTimeout(() => {
        if (closing || !ours() || child.exitCode !== null || child.signalCode !== null) return;
        lastEnded = `worker process ${child.pid} closed its channel to this process`;
        breakPool(new WorkerFailure(lastEnded));
      }, CHANNEL_GRACE_MS);
    });
  };
  subscribe('child_process', onChild);
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
    argv: [marker],
  });
  // Without this listener a process that dies before it is ready makes tinypool throw from an 'error' event, which
  // ended the whole command with a stack trace; the failure is handled below instead.
  tinypool.on('error', (error: unknown) => breakPool(failureOf(error, null) ?? new WorkerFailure(`a worker process failed: ${messageOf(error).split('\n')[0]}`)));
  // Each worker's peak resident memory, in kB, and CPU, by process id.
  const peaks = new Map<number, number>();
  const cpu = new Map<number, { us: number; mainThreadUs: number; startUs: number; documents: number }>();
  const phases = { early: { us: 0, documents: 0 }, later: { us: 0, documents: 0 } };
  return {
    run: async (batch) => {
      if (broken !== null) throw broken;
      let refuse!: (error: WorkerFailure) => void;
      const refused = new Promise<never>((_, reject) => {
        refuse = reject;
      });
      waiting.add(refuse);
      let reply: BatchReply;
      try {
        const task = tinypool.run(batch) as Promise<BatchReply>;
        // Refused first, the task may still be rejected later (by destroy): that is no news.
        task.catch(() => undefined);
        reply = await Promise.race([task, refused]);
      } catch (error) {
        const failure = failureOf(error, batch);
        // Any other error is the batch's own (a bug, an internal error): the process lives on and the run stops as for any.
        if (failure === null) throw new Error(`a worker process failed while running ${batchName(batch)}: ${messageOf(error).split('\n')[0]}`);
        breakPool(failure);
        throw failure;
      } finally {
        waiting.delete(refuse);
      }
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
    close: async () => {
      closing = true;
      unsubscribe('child_process', onChild);
      // Batches still queued are refused by destroy(); nobody waits for them any more.
      await tinypool.destroy().catch(() => undefined);
    },
  };
}
