// What runs the per-document stage for a run: in this thread, on a pool of worker threads, or on a queue's workers.
import type { DocumentResult, PipelineInput } from '../../src/pipeline/index.ts';

export interface Executor {
  /** Runs processDocument on each document of a batch; resolves with their results in the batch's order. */
  run(batch: PipelineInput[]): Promise<DocumentResult[]>;
  /** Batches worth keeping in flight at once: enough to keep every worker busy, few enough to bound memory. */
  readonly capacity: number;
  /** Documents in one batch: larger batches cost less per document to send, smaller ones balance better. */
  readonly batchSize: number;
  /** A line for the summary: what ran the documents ("2 worker threads"). */
  describe(): string;
  close(): Promise<void>;
  /** Peak resident memory of the executor's own processes added up, in MB (worker processes); absent when it has none. */
  workersPeakMb?(): number;
  /** CPU time the executor's worker processes spent, for the summary and the bench; absent when it has none. */
  workersCpu?(): WorkersCpu;
}

export interface WorkersCpu {
  /** Seconds of CPU of the worker processes, all of it (user and system, their GC and compiler threads included). */
  seconds: number;
  /** Of which starting them (code, the tagger's model, the gazetteer). */
  startSeconds: number;
  /** Of which V8's helper threads (its compiler, its garbage collector), beside the threads that ran the pipeline; NaN unknown. */
  helperSeconds: number;
  documents: number;
  /** CPU per document, in ms, over each process's first `early` documents and over the rest (JIT warm-up shows here). */
  earlyMs: number;
  laterMs: number;
  early: number;
  /** Worker processes that ran batches (a process stopped and started again counts twice). */
  processes: number;
}

/**
 * Results an executor made up rather than computed (a document whose worker processes died under it twice): the next
 * run tries the document again, so no cache keeps them.
 */
export const notForCache = new WeakSet<DocumentResult>();
