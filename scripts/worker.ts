// npm run worker -- --queue redis://HOST:PORT [--threads N] [--name NAME] [--lock-seconds N]
// A queue worker for `npm run geocode -- --queue redis://HOST:PORT`: takes batches of documents from the queue of its
// own pipeline version (code and gazetteer, scripts/run/cache.ts), runs them on N worker threads (default: every
// core) and returns the results. Run as many as you like, on any machines that reach the Redis server; stop one with
// Ctrl-C (it finishes its batches first) or kill it (its batches go to another worker). docs/queue.md.
// Exit codes: 0 stopped, 2 bad arguments or Redis unreachable, 3 internal error, 4 one of its worker processes died or
// could not start (named; the batches it held go back to the queue for another worker).
import { availableParallelism, hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'bullmq';
import { pipelineVersion } from './run/cache.ts';
import { DEFAULT_SETTINGS } from './run/resources.ts';
import { POINT_CONVENTIONS, type PointConvention } from '../src/pipeline/gazetteer.ts';
import { missingResource } from './run/resources.ts';
import { notForCache } from './run/executor.ts';
import { createPool, POOL_DEFAULTS, WorkerFailure } from './run/pool.ts';
import { checkRedis, connectionOf, queueName, type BatchReturn } from './run/queue.ts';
import { decodeBatch, encodeResults } from './run/wire.ts';

const USAGE = 'usage: npm run worker -- --queue redis://HOST:PORT [--threads N] [--name NAME] [--lock-seconds N] [--convention geonames|factbook|centroid] [--no-demonyms]';

export const WORKER_DEFAULTS = {
  /**
   * Seconds a batch stays with a worker that stopped answering before another worker may take it. Shorter recovers
   * a dead worker's batch sooner; it must stay well above the longest pause of a live worker's event loop.
   */
  lockSeconds: 30,
};

function fail(message: string, usage = true): never {
  console.error(`worker: ${message}${usage ? `\n${USAGE}` : ''}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const options = { queue: { type: 'string' }, threads: { type: 'string' }, name: { type: 'string' }, 'lock-seconds': { type: 'string' }, convention: { type: 'string' }, 'no-demonyms': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
  let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
  try {
    ({ values } = parseArgs({ options }));
  } catch (error) {
    fail((error as Error).message.split('\n')[0]);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const url = values.queue ?? fail('--queue is required');
  if (!/^rediss?:\/\/[^\s/]+/.test(url)) fail(`--queue needs a Redis address such as redis://127.0.0.1:6379 (got ${url})`);
  const threads = values.threads === undefined ? availableParallelism() : Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1) fail(`--threads needs a whole number, 1 or more (got ${values.threads})`);
  const lockSeconds = values['lock-seconds'] === undefined ? WORKER_DEFAULTS.lockSeconds : Number(values['lock-seconds']);
  if (!(lockSeconds >= 1)) fail(`--lock-seconds needs a number of seconds, 1 or more (got ${values['lock-seconds']})`);
  const name = values.name ?? `${hostname()}:${process.pid}`;
  const missing = missingResource();
  if (missing !== null) fail(missing, false);
  try {
    await checkRedis(url);
  } catch (error) {
    fail((error as Error).message, false);
  }

  // The producer's settings: its queue's name carries them, so a worker started with others never takes its batches.
  const convention = (values.convention ?? DEFAULT_SETTINGS.convention) as PointConvention;
  if (!POINT_CONVENTIONS.includes(convention)) fail(`--convention needs one of ${POINT_CONVENTIONS.join(', ')} (got ${values.convention})`);
  const settings = { convention, demonyms: !values['no-demonyms'] };
  const version = pipelineVersion({ settings });
  const pool = createPool(threads, undefined, settings);
  const queue = queueName(version);
  const worker = new Worker<{ documents: string }, BatchReturn>(queue, async (job) => {
    const batch = decodeBatch(job.data.documents);
    console.log(`worker ${name}: took batch ${job.id} (${batch.length} documents, from ${batch[0]?.file})`);
    // The pool's threads do the work, so this thread stays free to renew the job's lock.
    let results: Awaited<ReturnType<typeof pool.run>>;
    try {
      results = await pool.run(batch);
    } catch (error) {
      // A broken pool would fail every later batch: this worker stops instead, without answering for the batches it
      // holds, so their locks lapse and another worker runs them (a failed answer would spend one of their attempts).
      if (!(error instanceof WorkerFailure)) throw error;
      console.error(`worker ${name}: stopping: ${error.message}`);
      process.exit(4);
    }
    // A document that killed two of this worker's processes comes back as the pool's made-up result, named: its mark
    // crosses the queue with it, so the producer neither caches it nor loses the batch's other documents.
    const notCached = results.flatMap((result, i) => (notForCache.has(result) ? [i] : []));
    for (const i of notCached) console.error(`worker ${name}: ${results[i].outcome.error}`);
    console.log(`worker ${name}: done batch ${job.id}`);
    return { worker: name, results: encodeResults(results), ...(notCached.length > 0 ? { notCached } : {}) };
  }, {
    connection: connectionOf(url),
    // Two jobs a process, as a local pool hands two batches at once: the next waits in the process's channel, so it
    // does not idle for a round trip through Redis and this process after every batch.
    concurrency: threads * POOL_DEFAULTS.batchesAhead,
    lockDuration: lockSeconds * 1000,
    stalledInterval: (lockSeconds * 1000) / 2,
    // A batch whose worker died twice is still run again, a third time, before it fails.
    maxStalledCount: 2,
    name,
  });
  worker.on('error', (error) => console.error(`worker ${name}: ${error.message}`));
  worker.on('failed', (job, error) => console.error(`worker ${name}: batch ${job?.id} failed: ${error.message}`));
  await worker.waitUntilReady();
  console.log(`worker ${name}: ${threads} thread${threads === 1 ? '' : 's'} taking batches from queue ${queue} at ${url}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log(`worker ${name}: stopping after the batches it holds`);
    await worker.close();
    await pool.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`worker: internal error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(3);
});
