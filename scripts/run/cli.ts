// The geocode command's running part: its flags (--workers, --memory-mb, --queue, --cache, --no-cache), and a run of the
// per-document stage over the input with the cache, the executor they choose, and progress. geocode.ts keeps the
// rest (arguments, the merge, the files).
import { availableParallelism } from 'node:os';
import { PipelineInputError } from '../../src/pipeline/errors.ts';
import { DocumentCache, defaultCacheDir, pipelineVersion } from './cache.ts';
import type { Executor } from './executor.ts';
import { createInProcess } from './in-process.ts';
import { openSource, SourceError } from './inputs.ts';
import { createPool, POOL_DEFAULTS } from './pool.ts';
import { createProgress } from './progress.ts';
import { defaultBudgetMb, favourMemory, favourMemoryFlag, processesFor } from './memory.ts';
import { missingResource, type RunSettings } from './resources.ts';
import { POINT_CONVENTIONS, type PointConvention } from '../../src/pipeline/gazetteer.ts';
import { runCorpus, type CorpusRun } from './run-corpus.ts';
import { mainThreadCpuUs } from './thread-cpu.ts';
import { count } from '../../src/pipeline/index.ts';

export interface RunArgs {
  /** Worker processes; 1 runs in this thread; null: the cores that pay for themselves and fit in memory (memory.ts processesFor). */
  workers: number | null;
  /** --processes N: run on N worker processes even when N is 1 or the documents are few (to measure the pool against this thread). */
  processes?: boolean;
  /** redis://HOST:PORT: run the documents on the queue's workers instead of this machine's workers. */
  queue: string | null;
  /** The cache folder; undefined: the default beside the outputs; null: no cache (--no-cache). */
  cache: string | null | undefined;
  /** Documents sent to a worker at once; null: the pool's or the queue's default. */
  batchSize: number | null;
  /** Memory the run may take, in MB: workers are started only as far as they fit (memory.ts); null: half the free memory. */
  memoryMb?: number | null;
  /** What the per-document stages are told (--convention, --no-demonyms); part of the pipeline's version. */
  settings: RunSettings;
}

/** Reads one of the run's flags into `args`; false when the flag is not one of them. */
export function runArgs(flag: string, value: () => string | undefined, args: RunArgs, usage: (message: string) => Error): boolean {
  const needed = (what: string) => {
    const v = value();
    if (v === undefined || v === '' || v.startsWith('--')) throw usage(`${flag} needs ${what}`);
    return v;
  };
  if (flag === '--workers') {
    const v = needed('a number of workers, 1 or more');
    if (!/^\d+$/.test(v) || Number(v) < 1) throw usage(`--workers needs a whole number of workers, 1 or more (got ${v})`);
    args.workers = Number(v);
  } else if (flag === '--processes') {
    const v = needed('a number of worker processes, 1 or more');
    if (!/^\d+$/.test(v) || Number(v) < 1) throw usage(`--processes needs a whole number of worker processes, 1 or more (got ${v})`);
    args.workers = Number(v);
    args.processes = true;
  } else if (flag === '--queue') {
    const v = needed('a Redis address, redis://HOST:PORT');
    if (!/^rediss?:\/\/[^\s/]+/.test(v)) throw usage(`--queue needs a Redis address such as redis://127.0.0.1:6379 (got ${v})`);
    args.queue = v;
  } else if (flag === '--batch-size') {
    const v = needed('a number of documents, 1 or more');
    if (!/^\d+$/.test(v) || Number(v) < 1) throw usage(`--batch-size needs a whole number of documents, 1 or more (got ${v})`);
    args.batchSize = Number(v);
  } else if (flag === '--memory-mb') {
    const v = needed('a number of megabytes');
    if (!/^\d+$/.test(v) || Number(v) < 1) throw usage(`--memory-mb needs a whole number of megabytes (got ${v})`);
    args.memoryMb = Number(v);
  } else if (flag === '--convention') {
    const v = needed(`one of ${POINT_CONVENTIONS.join(', ')}`);
    if (!POINT_CONVENTIONS.includes(v as PointConvention)) throw usage(`--convention needs one of ${POINT_CONVENTIONS.join(', ')} (got ${v})`);
    args.settings = { ...args.settings, convention: v as PointConvention };
  } else if (flag === '--no-demonyms') args.settings = { ...args.settings, demonyms: false };
  else if (flag === '--cache') args.cache = needed('a folder');
  else if (flag === '--no-cache') args.cache = null;
  else return false;
  return true;
}

export interface DocumentRun extends CorpusRun {
  cacheDir: string | null;
  /** Removes the cache's folders of other pipeline versions; called once the outputs are written. */
  pruneCache(): number;
}

export interface RunDocumentsOptions {
  input: string;
  output: string;
  maxDocumentMb: number;
  /** Read symbolic links in an input folder wherever they point (--follow-symlinks). */
  followSymlinks?: boolean;
  keepMentions: boolean;
  run: RunArgs;
  log: (line: string) => void;
  warn: (line: string) => void;
  /** Makes the error for a problem with the input or the setup as a whole (nothing is written). */
  usage: (message: string) => Error;
}

type QueueModule = typeof import('./queue.ts');

/**
 * `mentions`: the run writes mentions.json, so the documents' mention records are made (else they are not).
 * `expected`: the documents the source holds, cached ones included (null: not known), read when the run has many.
 */
function executorFor(run: RunArgs, version: string, log: (line: string) => void, queue: QueueModule | null, mentions: boolean,
  expected: () => number | null): (toRun: number | null, cached: number) => Executor {
  const batch = run.batchSize !== null ? { batchSize: run.batchSize } : {};
  // A queue's workers are started with the same settings: the queue's name carries the version, settings included.
  if (queue !== null) return () => queue.createQueueProducer(run.queue!, version, log, { ...queue.QUEUE_DEFAULTS, ...batch });
  const pool = (workers: number) => createPool(workers, { ...POOL_DEFAULTS, ...batch }, run.settings, { mentions, v8Flags: run.memoryMb != null ? [favourMemoryFlag()] : [] });
  const inProcess = () => {
    // One process holds the models, the gazetteer, the documents' working memory and every result in one heap: it
    // collects sooner (2,000 news-sized documents: 356 -> 252 MB, docs/hardening.md "Memory").
    favourMemory();
    return createInProcess(run.batchSize ?? POOL_DEFAULTS.batchSize, run.settings, mentions);
  };
  return (toRun, cached) => {
    if (run.processes) return pool(run.workers!);
    const budget = () => run.memoryMb ?? defaultBudgetMb();
    // Few documents to run beside many in the cache (a re-run that adds a few): one worker process runs them while
    // this one reads the cache, if a worker fits beside it. Few in a small corpus: this thread, no worker to start.
    if (run.workers === null && toRun !== null) {
      return cached >= POOL_DEFAULTS.readWhileRunning && processesFor(null, availableParallelism(), budget()) > 1 ? pool(1) : inProcess();
    }
    // Otherwise worker processes as far as they pay for themselves on the documents left to run (at most the source's
    // documents less those the cache held so far) and fit in the memory budget (memory.ts); else this process.
    const total = expected();
    const workers = run.workers ?? processesFor(toRun ?? (total === null ? null : total - cached), availableParallelism(), budget());
    return workers > 1 ? pool(workers) : inProcess();
  };
}

/** Every document of the input through the per-document stage: from the cache, or run; results in input order. */
export async function runDocuments(opts: RunDocumentsOptions): Promise<DocumentRun> {
  const missing = missingResource();
  if (missing !== null) throw opts.usage(missing);
  let source: ReturnType<typeof openSource>;
  try {
    source = openSource(opts.input, { maxDocumentMb: opts.maxDocumentMb, followSymlinks: opts.followSymlinks });
  } catch (error) {
    throw error instanceof SourceError ? opts.usage(error.message) : error;
  }
  // BullMQ is loaded only for a queue run: it costs a second of start-up that a local run need not pay.
  const queue = opts.run.queue !== null ? await import('./queue.ts') : null;
  if (queue !== null) {
    try {
      await queue.checkRedis(opts.run.queue!);
    } catch (error) {
      // The arguments are fine; the server is not there: no usage line.
      throw new PipelineInputError(opts.run.queue!, (error as Error).message);
    }
  }
  for (const note of source.notes) opts.log(`note: ${note}`);
  if (opts.run.memoryMb != null) {
    favourMemory();
    opts.log(`memory budget ${opts.run.memoryMb} MB: workers only as they fit, garbage collected sooner`);
  }
  const expected = source.expected();
  opts.log(expected !== null ? `${count(expected, 'document')} in ${opts.input}` : `reading the articles of ${opts.input}`);
  const version = pipelineVersion({ settings: opts.run.settings });
  const cacheDir = opts.run.cache === null ? null : opts.run.cache ?? defaultCacheDir(opts.output);
  const cache = cacheDir === null ? null : new DocumentCache(cacheDir, version, opts.warn);
  const progress = createProgress({ label: 'geocode', lines: opts.log });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const mainThreadBefore = mainThreadCpuUs();
  let run: CorpusRun;
  try {
    run = await runCorpus(source, {
      executor: executorFor(opts.run, version, opts.log, queue, opts.keepMentions, () => source.expected()),
      fewDocuments: POOL_DEFAULTS.smallCorpus,
      cache,
      keepMentions: opts.keepMentions,
      onProgress: (done, total, exact) => progress.update(done, total, exact),
    });
  } catch (error) {
    throw error instanceof SourceError ? opts.usage(error.message) : error;
  } finally {
    progress.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const from = [
    run.ranOn !== null ? `${count(run.processed, 'document')} run on ${run.ranOn}` : null,
    cache !== null ? `${count(run.cached, 'document')} from the cache (${cacheDir})` : null,
    run.duplicates > 0 ? `${count(run.duplicates, 'document')} repeating another` : null,
  ].filter(Boolean);
  const rate = run.results.length / seconds;
  opts.log(`${from.join(', ')}: ${seconds.toFixed(1)} s, ${rate < 10 ? rate.toFixed(1) : Math.round(rate)} documents/s`);
  if (run.processed > 0) opts.log(cpuLine(process.cpuUsage(cpuBefore), mainThreadCpuUs() - mainThreadBefore, run));
  return { ...run, cacheDir, pruneCache: () => cache?.pruneOtherVersions() ?? 0 };
}



/**
 * The document phase's CPU time, which a machine shared with other work does not stretch as it does the wall time:
 * this process's (reading, hashing, the cache, and the documents when it ran them) and the worker processes'.
 */
function cpuLine(main: NodeJS.CpuUsage, mainThreadUs: number, run: CorpusRun): string {
  const mainSeconds = (main.user + main.system) / 1e6;
  // What V8's helper threads took beside the thread that ran the pipeline: in one thread they run on another core.
  const helpers = (seconds: number) => (Number.isNaN(seconds) ? '' : `V8's helper threads ${seconds.toFixed(1)} s`);
  const w = run.workersCpu;
  if (w === null || w.documents === 0) {
    const ownHelpers = helpers(mainSeconds - mainThreadUs / 1e6);
    return `CPU: this process ${mainSeconds.toFixed(1)} s, ${((mainSeconds * 1000) / run.processed).toFixed(1)} ms a document run${ownHelpers ? ` (${ownHelpers})` : ''}`;
  }
  const perDocument = ((w.seconds - w.startSeconds) * 1000) / w.documents;
  const phases = w.laterMs > 0 ? `; the first ${w.early} of each ${w.earlyMs.toFixed(1)} ms, later ${w.laterMs.toFixed(1)} ms` : '';
  const workerHelpers = helpers(w.helperSeconds);
  return `CPU: ${w.processes} worker process${w.processes === 1 ? '' : 'es'} ${w.seconds.toFixed(1)} s (${w.startSeconds.toFixed(1)} s starting; ${perDocument.toFixed(1)} ms a document${phases}${workerHelpers ? `; ${workerHelpers}` : ''}), ` +
    `this process ${mainSeconds.toFixed(1)} s`;
}
