// Runs documents on a pool of worker processes (tinypool with its child_process runtime: a maintained pool with a
// task queue, so we keep none of our own). Processes, not threads: two worker threads of one process ran the pipeline
// at 1.14x the speed of one where two processes ran it at 1.75x (docs/scale.md, "Two cores"). Each process reads the
// compact gazetteer (about 0.2 s) and the rest of the resources once, on its first batch; processes start only as
// batches need them. A process that dies mid-run (killed, out of memory) costs only a re-run of what it held: each of
// its documents once more, alone, on a process of their own (a document that kills that one too is named and left out).
import type { ChildProcess } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { STAGE_NAMES, type DocumentResult, type PipelineInput } from '../../src/pipeline/index.ts';
import { notForCache, type Executor } from './executor.ts';
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
  /**
   * Documents run alone after their process died that kill their own process too, one after another, from which the
   * fault is taken to be the processes' (too little memory, the machine, the setup), not the documents': the run stops.
   * A corpus rarely holds one document that kills a process (an enormous one); three in a row would be a strange corpus.
   */
  deathsInARow: 3,
};

/** The longest delay setTimeout keeps (about 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** How long a worker process that closed its channel has to exit before the closed channel is named as the failure. */
const CHANNEL_GRACE_MS = 1000;
/** A process's first documents, whose CPU is reported apart from the rest's (its compiler is still warming up). */
const EARLY_DOCUMENTS = 200;

/**
 * A worker process could not start or load the pipeline's resources, closed its channel, or processes died on
 * POOL_DEFAULTS.deathsInARow documents in a row: the run cannot finish and stops, naming the process, how it ended and
 * the batch it held when known. geocode exits with code 4 (nothing written). A process that dies once it has started
 * is no such failure: what it held is run again (createPool).
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

/** Tinypool's words for a task whose process died under it (it names neither the process nor how it ended). */
const isDeath = (error: unknown) => error instanceof Error && /exited unexpectedly/.test(error.message);

/**
 * The result of a document that killed two worker processes, the second running it alone: not read, and its outcome
 * says so. Made up here, not computed, so no cache keeps it: the next run tries it again.
 */
function killedTwice(input: PipelineInput, how: string): DocumentResult {
  const outcome = {
    file: input.file, title: input.meta?.title ?? input.file, published: input.meta?.published ?? null,
    error: `${input.file}: not read: it stopped two worker processes, the second running it alone (${how}); the other documents are written`,
    sentences: 0, contentSentences: 0, mentionsFound: 0, mentionsResolved: 0, dates: 0, datesFound: 0, triggers: 0, events: [], undated: [],
  };
  const result: DocumentResult = { outcome, document: null, mentions: [], stageMs: STAGE_NAMES.slice(0, -1).map(() => 0) };
  notForCache.add(result);
  return result;
}

/** A pool's processes are told apart from any other child of this process by this argument (their code ignores it). */
let poolsMade = 0;

/** How long the process that runs documents again alone stays once it has none: a second, then its memory is given back. */
const ALONE_IDLE_MS = 1000;

/** A tinypool, the argument that marks its processes, and how its last process to die ended (tinypool only says "exited unexpectedly"). */
interface Watched {
  tinypool: Tinypool;
  marker: string;
  processes: number;
  lastEnded: string | null;
}

/**
 * Tinypool starts a process for queued batches only when another batch arrives: after a death left some queued and a
 * process short, an empty batch is that arrival.
 */
function revive(w: Watched): void {
  if (w.tinypool.queueSize > 0 && w.tinypool.threads.length < w.processes) (w.tinypool.run([]) as Promise<unknown>).catch(() => undefined);
}

export interface PoolOptions {
  /** Make each document's mention records (only a run that writes mentions.json needs them). */
  mentions?: boolean;
  /** V8 flags for the workers (a memory budget's sooner collections, memory.ts); a thread's flags stay in its process. */
  v8Flags?: string[];
}

export function createPool(workers: number, opts = POOL_DEFAULTS, settings: RunSettings = DEFAULT_SETTINGS, pool: PoolOptions = {}): Executor {
  const id = `${process.pid}.${++poolsMade}`;
  // Why the pool broke, once it has: every batch waiting and every later one is refused with it. Tinypool leaves the
  // batches queued for a worker when the last worker dies before it is ready and starts no other; a run awaiting them
  // then had nothing left to wait on and Node ended it with code 13, writing nothing and saying nothing.
  let broken: WorkerFailure | null = null;
  let closing = false;
  const waiting = new Set<(error: WorkerFailure) => void>();
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
   * Tinypool's own errors (Error objects made here) drop the process from the pool.
   */
  const failureOf = (error: unknown, batch: readonly PipelineInput[] | null, w: Watched): WorkerFailure | null => {
    if (error instanceof WorkerFailure) return error;
    const line = messageOf(error).split('\n')[0];
    const during = batch ? ` while running ${batchName(batch)}` : '';
    if (isDeath(error)) return new WorkerFailure(`${w.lastEnded ?? 'a worker process exited unexpectedly'}${during}`);
    if (!(error instanceof Error)) return line.startsWith('worker process ') ? new WorkerFailure(`${line}${during}`) : null;
    return new WorkerFailure(`a worker process failed${during}: ${line}`);
  };
  /** The error a batch's run stops with: the pool's failure (the pool is broken), or the batch's own error. */
  const stopWith = (error: unknown, batch: readonly PipelineInput[], w: Watched): Error => {
    const failure = failureOf(error, batch, w);
    // Any other error is the batch's own (a bug, an internal error): the process lives on and the run stops as for any.
    if (failure === null) return new Error(`a worker process failed while running ${batchName(batch)}: ${messageOf(error).split('\n')[0]}`);
    breakPool(failure);
    return failure;
  };

  const pools: Watched[] = [];
  /** Processes killed while starting since one was last ready. */
  let startsKilled = 0;
  const poolOf = (child: ChildProcess) => pools.find((w) => child.spawnargs?.includes(w.marker));
  // Node announces every child process this one starts; a pool's own are known by their marker once spawned.
  const onChild = (message: unknown) => {
    const child = (message as { process: ChildProcess }).process;
    // Tinypool's process says it is ready once it has loaded pool-worker.ts, which loads the pipeline's resources.
    let ready = false;
    const onMessage = (m: unknown) => {
      if ((m as { ready?: unknown } | null)?.ready === true) {
        ready = true;
        startsKilled = 0;
      }
    };
    child.on('message', onMessage);
    // First among the child's listeners (tinypool adds its own after fork returns), so the cause is known when tinypool rejects.
    child.once('exit', (code, signal) => {
      child.off('message', onMessage);
      const w = poolOf(child);
      if (closing || w === undefined) return;
      w.lastEnded = `worker process ${child.pid} ${howItEnded(code, signal)}`;
      // Before it was ready it held no batch. One that exited or aborted could not start or load the resources, and
      // another would fail the same way; one killed (by someone, or by the system short of memory) is replaced, unless
      // that keeps happening.
      if (!ready && (signal !== 'SIGKILL' || ++startsKilled >= opts.deathsInARow)) breakPool(new WorkerFailure(w.lastEnded));
      // Once tinypool has dropped it: batches queued behind it get a new process (the batches it held are run again below).
      else setImmediate(() => revive(w));
    });
    // A process that dies closes its channel a moment before it exits: the channel alone is named only when no exit follows.
    child.once('disconnect', () => {
      const w = poolOf(child);
      if (closing || w === undefined) return;
      setTimeout(() => {
        if (closing || child.exitCode !== null || child.signalCode !== null) return;
        w.lastEnded = `worker process ${child.pid} closed its channel to this process`;
        breakPool(new WorkerFailure(w.lastEnded));
      }, CHANNEL_GRACE_MS);
    });
  };
  subscribe('child_process', onChild);
  // What each process runs with, in its environment (a child process has no workerData), and the C library's memory
  // setting: taken once, so a process started later for a re-run runs as the first ones did.
  const env = { ...WORKER_MALLOC_ENV, ...(process.env as Record<string, string>), [WORKER_ENV]: JSON.stringify({ settings, mentions: pool.mentions ?? true } satisfies WorkerStart) };
  const watch = (marker: string, processes: number, tasksAtOnce: number, idleMs: number): Watched => {
    const tinypool = new Tinypool({
      runtime: 'child_process',
      // The built CLI (build/cli/, scripts/build-cli.ts) runs the built worker; under tsx, the TypeScript one (a forked
      // process inherits this one's tsx loader).
      filename: fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './pool-worker.ts' : './pool-worker.mjs', import.meta.url)),
      // Structured clone over the channel (documents' bytes are typed arrays); JSON would not carry them.
      serialization: 'advanced',
      env,
      execArgv: [...process.execArgv, ...(pool.v8Flags ?? [])],
      minThreads: 0,
      maxThreads: processes,
      idleTimeout: idleMs,
      concurrentTasksPerWorker: tasksAtOnce,
      argv: [marker],
    });
    const w: Watched = { tinypool, marker, processes, lastEnded: null };
    // Without this listener a process that dies before it is ready makes tinypool throw from an 'error' event, which
    // ended the whole command with a stack trace. A death is handled where its process exits (onChild).
    tinypool.on('error', (error: unknown) => {
      if (!isDeath(error)) breakPool(failureOf(error, null, w) ?? new WorkerFailure(`a worker process failed: ${messageOf(error).split('\n')[0]}`));
    });
    pools.push(w);
    return w;
  };
  // Loading the resources costs a second: a worker waiting for the next batch must not be stopped. Not Infinity:
  // tinypool hands it to setTimeout, which takes a delay over 2^31-1 ms as 1 ms (with a TimeoutOverflowWarning), so
  // every process that went idle for a moment was stopped and the next batch paid for a new one.
  const main = watch(`--flankline-pool=${id}`, workers, opts.batchesAhead, MAX_TIMER_MS);
  // Where the documents of a process that died run again: one process running one document at a time, so a death
  // there is that document's. Started at the first death; it leaves once they are done.
  let alone: Watched | null = null;
  let deathsInARow = 0;
  let died = 0;
  let rerun = 0;

  /** A task's answer, or the pool's failure as soon as it breaks (tinypool may never answer a task queued behind a dead process). */
  const guarded = async <T>(task: Promise<T>): Promise<T> => {
    // Refused first, the task may still be rejected later (by destroy): that is no news.
    task.catch(() => undefined);
    if (broken !== null) throw broken;
    let refuse!: (error: WorkerFailure) => void;
    const refused = new Promise<never>((_, reject) => {
      refuse = reject;
    });
    waiting.add(refuse);
    try {
      return await Promise.race([task, refused]);
    } finally {
      waiting.delete(refuse);
    }
  };

  // Each worker's peak resident memory, in kB, and CPU, by process id.
  const peaks = new Map<number, number>();
  const cpu = new Map<number, { us: number; mainThreadUs: number; startUs: number; documents: number }>();
  const phases = { early: { us: 0, documents: 0 }, later: { us: 0, documents: 0 } };
  const record = (reply: BatchReply, documents: number): DocumentResult[] => {
    peaks.set(reply.pid, Math.max(peaks.get(reply.pid) ?? 0, reply.peakKb));
    const seen = cpu.get(reply.pid) ?? { us: 0, mainThreadUs: 0, startUs: reply.startCpuUs, documents: 0 };
    const phase = seen.documents < EARLY_DOCUMENTS ? phases.early : phases.later;
    phase.us += reply.batchCpuUs;
    phase.documents += documents;
    // Batches of one process come back in any order: its latest figures are the largest.
    const latest = reply.cpuUs >= seen.us;
    cpu.set(reply.pid, {
      us: latest ? reply.cpuUs : seen.us, mainThreadUs: latest ? reply.mainThreadUs : seen.mainThreadUs, startUs: seen.startUs, documents: seen.documents + documents,
    });
    return reply.results;
  };

  /** A document of a batch whose process died, run again alone; a document that kills this process too is not read. */
  const runAlone = async (input: PipelineInput): Promise<DocumentResult> => {
    alone ??= watch(`--flankline-pool=${id}.alone`, 1, 1, ALONE_IDLE_MS);
    const w = alone;
    try {
      const reply = await guarded(w.tinypool.run([input]) as Promise<BatchReply>);
      deathsInARow = 0;
      return record(reply, 1)[0];
    } catch (error) {
      if (!isDeath(error) || broken !== null) throw stopWith(error, [input], w);
      const how = w.lastEnded ?? 'a worker process exited unexpectedly';
      if (++deathsInARow >= opts.deathsInARow) {
        throw stopWith(new WorkerFailure(`${how} while running ${input.file} alone, as it did for the ${deathsInARow - 1} documents run alone before it: ` +
          'the fault is the processes\' (memory, the machine), not one document\'s'), [input], w);
      }
      return killedTwice(input, how);
    }
  };

  return {
    run: async (batch) => {
      try {
        return record(await guarded(main.tinypool.run(batch) as Promise<BatchReply>), batch.length);
      } catch (error) {
        if (!isDeath(error) || broken !== null) throw stopWith(error, batch, main);
      }
      // Its process died under it (killed, out of memory): each document once more, alone, in input order. The
      // results are the same as the first time would have given (processDocument is pure), so the bytes are too.
      died++;
      rerun += batch.length;
      const results: DocumentResult[] = [];
      for (const input of batch) results.push(await runAlone(input));
      return results;
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
    describe: () => `${workers} worker process${workers === 1 ? '' : 'es'}` +
      (died > 0 ? ` (${died} batch${died === 1 ? '' : 'es'} held by a process that died, ${rerun} document${rerun === 1 ? '' : 's'}, run again one by one)` : ''),
    close: async () => {
      closing = true;
      unsubscribe('child_process', onChild);
      // Batches still queued are refused by destroy(); nobody waits for them any more.
      await Promise.all(pools.map((w) => w.tinypool.destroy().catch(() => undefined)));
    },
  };
}
