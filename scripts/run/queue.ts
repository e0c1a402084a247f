// Queue mode: documents run on any number of machines through BullMQ on Redis. The producer (geocode --queue) adds
// batches as jobs and keeps at most a window of them in Redis; workers (npm run worker, scripts/worker.ts) take them,
// run processDocument and return the results; the producer merges and writes as a local run does. A worker that
// dies mid-batch loses its lock; BullMQ's stalled-job check puts the batch back for another worker. Each batch's result
// is taken once, by its job, so nothing is lost or counted twice. docs/queue.md has the whole story.
import { Job, Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import type { DocumentResult, PipelineInput } from '../../src/pipeline/index.ts';
import { notForCache, type Executor } from './executor.ts';
import { decodeResults, encodeBatch } from './wire.ts';

export const QUEUE_DEFAULTS = {
  /** Documents a job: about a second of work on one core, so a job costs little to send and to redo. */
  batchSize: 32,
  /** Jobs in Redis at once per run: bounds Redis' memory (inputs and results) whatever the corpus' size. */
  window: 32,
  /** Tries per job when a worker fails it (a crash that kills the worker is a stall, not a failure). */
  attempts: 3,
  /** Events kept in the queue's event stream; a completed job's event carries its (compressed) results. */
  eventsMaxLen: 200,
  /** Seconds between checks on jobs whose completion event did not arrive, and on whether any worker is there. */
  checkSeconds: 5,
};

/** One queue per pipeline version: a worker only ever takes documents its own code and gazetteer would give. */
export const queueName = (version: string) => `flankline-${version}`;

export const connectionOf = (url: string) => ({ url, maxRetriesPerRequest: null });

/** What a worker returns for a batch: who ran it and the results, compressed. */
export interface BatchReturn {
  worker: string;
  results: string;
  /** Which results were made up, not computed (a document that killed the worker's processes): never cached. */
  notCached?: number[];
}

/** Throws a one-line message naming `url` when Redis cannot be reached there (within seconds, not forever). */
export async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // The first error says why (ECONNREFUSED, ENOTFOUND); the rejection that follows only says the connection closed.
  let first: NodeJS.ErrnoException | null = null;
  redis.on('error', (error) => {
    first ??= error;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    const why = (first ?? error) as NodeJS.ErrnoException;
    throw new Error(`${url}: cannot reach Redis (${why.code ?? why.message}); is redis-server running there?`);
  } finally {
    redis.disconnect();
  }
}

export function createQueueProducer(url: string, version: string, log: (line: string) => void, opts = QUEUE_DEFAULTS): Executor {
  const name = queueName(version);
  const connection = connectionOf(url);
  const queue = new Queue(name, { connection, streams: { events: { maxLen: opts.eventsMaxLen } } });
  const events = new QueueEvents(name, { connection });
  const byWorker = new Map<string, number>();
  let pending = 0;
  let lastProgress = Date.now();
  let told = false;
  // A run whose batches nobody takes says why (once), instead of waiting in silence.
  const watch = setInterval(async () => {
    if (told || pending === 0 || Date.now() - lastProgress < opts.checkSeconds * 1000) return;
    if ((await queue.getWorkersCount().catch(() => -1)) !== 0) return;
    told = true;
    log(`no worker is taking batches from queue ${name} at ${url}: start \`npm run worker -- --queue ${url}\` with the same code and gazetteer`);
  }, opts.checkSeconds * 1000);
  watch.unref();

  /** The job's return value once it completes: from its event, or read from the job if the event was missed. */
  const finished = (job: Job) => new Promise<BatchReturn>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      fn();
    };
    const poll = setInterval(async () => {
      const state = await job.getState().catch(() => 'unknown');
      if (state === 'completed') {
        const fresh = await Job.fromId(queue, job.id!);
        if (fresh) settle(() => resolve(fresh.returnvalue as BatchReturn));
      } else if (state === 'failed') {
        const fresh = await Job.fromId(queue, job.id!);
        settle(() => reject(new Error(fresh?.failedReason ?? 'failed')));
      }
    }, opts.checkSeconds * 1000);
    job.waitUntilFinished(events).then(
      (value) => settle(() => resolve(value as BatchReturn)),
      (error) => settle(() => reject(error)),
    );
  });

  return {
    async run(batch: PipelineInput[]): Promise<DocumentResult[]> {
      pending++;
      try {
        const job = await queue.add('documents', { documents: encodeBatch(batch) }, {
          attempts: opts.attempts,
          backoff: { type: 'fixed', delay: 1000 },
          // The producer removes a job once it has its result; these only clear what an interrupted run left.
          removeOnComplete: { age: 3600 },
          removeOnFail: { age: 24 * 3600 },
        });
        let value: BatchReturn;
        try {
          value = await finished(job);
        } catch (error) {
          throw new Error(`queue ${name}: a batch of ${batch.length} documents (job ${job.id}, from ${batch[0].file}) failed: ${(error as Error).message}`);
        }
        lastProgress = Date.now();
        told = false;
        byWorker.set(value.worker, (byWorker.get(value.worker) ?? 0) + 1);
        await job.remove().catch(() => {});
        const results = decodeResults(value.results);
        for (const i of value.notCached ?? []) notForCache.add(results[i]);
        return results;
      } finally {
        pending--;
      }
    },
    capacity: opts.window,
    batchSize: opts.batchSize,
    describe: () => `the workers of queue ${name} (${[...byWorker].sort().map(([w, n]) => `${w}: ${n} batch${n === 1 ? '' : 'es'}`).join(', ')})`,
    async close() {
      clearInterval(watch);
      await events.close();
      await queue.close();
    },
  };
}
