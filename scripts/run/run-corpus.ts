// Runs a corpus of any size: documents stream from their source, each is found in the cache, recognised as a repeat of
// an earlier one, or sent in a batch to an executor (this thread, worker processes, a queue); results come back in any
// order and are kept in input order, compact, for the merge. Only a bounded number of batches is ever in flight, so
// memory holds the results, not the inputs. Cached results are read last, once every document to run has been handed
// over, so a worker process runs those while this one reads the cache.
import type { DocumentResult, PipelineInput } from '../../src/pipeline/index.ts';
import { duplicateResult } from '../../src/pipeline/index.ts';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';
import { contentHash, type DocumentCache } from './cache.ts';
import { notForCache, type Executor, type WorkersCpu } from './executor.ts';
import type { DocumentSource } from './inputs.ts';

export interface CorpusRunOptions {
  /**
   * Made once the run knows whether it has few documents to run: called with their number when the source ended with
   * at most `fewDocuments` of them not in the cache, or with null (many). Never called when the cache serves them all,
   * so such a run starts no thread or connection. `cached`: how many documents the cache holds so far, whose results
   * this process reads while the executor runs (few documents beside many cached ones may go to a worker process).
   */
  executor: (toRun: number | null, cached: number) => Executor;
  /** Documents to run up to which the run is "few" (held back, then handed to the executor together). */
  fewDocuments: number;
  cache: DocumentCache | null;
  /** Keep each document's mention list (only --mentions writes it; a large corpus saves the memory). */
  keepMentions: boolean;
  /** Called as documents finish: how many so far, how many the source expects, and whether that is an estimate. */
  onProgress?: (done: number, expected: number | null, exact: boolean) => void;
}

export interface CorpusRun {
  /** One result per document, in input order. */
  results: DocumentResult[];
  /** Problems outside the pipeline (manifest entries, unreadable files, bad records), in input order. */
  problems: string[];
  /** How many of the problems are documents not read (the others concern the manifest, not a document). */
  unread: number;
  /** Documents run this time (not from the cache, not repeats). */
  processed: number;
  cached: number;
  duplicates: number;
  /** What ran the documents, for the summary; null when nothing needed running. */
  ranOn: string | null;
  /** Peak memory of the worker processes that ran documents, added up, in MB (0 when none ran). */
  workersPeakMb: number;
  /** CPU time of the worker processes that ran documents; null when none ran. */
  workersCpu: WorkersCpu | null;
}

/**
 * One object per gazetteer entry across the corpus. Results that crossed a thread, a queue or a file each carry
 * their own copy of every place; a hundred thousand documents name the same few thousand places millions of times.
 */
function entryInterner() {
  const entries = new Map<string, GazetteerEntry>();
  return (result: DocumentResult): DocumentResult => {
    for (const event of result.outcome.events) {
      const known = entries.get(event.entry.id);
      if (known) event.entry = known;
      else entries.set(event.entry.id, event.entry);
    }
    return result;
  };
}

export async function runCorpus(source: DocumentSource, opts: CorpusRunOptions): Promise<CorpusRun> {
  const results: DocumentResult[] = [];
  const problems = [...source.problems];
  let unread = source.unread;
  const firstWithBytes = new Map<string, string>();
  const intern = entryInterner();
  const inFlight = new Set<Promise<void>>();
  let executor: Executor | null = null;
  let failure: unknown = null;
  let done = 0;
  let processed = 0;
  let duplicates = 0;
  let batch: { index: number; input: PipelineInput; key: string | null }[] = [];
  // Documents to run, held back until the run knows whether they are few (a warm re-run that adds ten documents to ten
  // thousand should not start a worker process on every core, each loading the gazetteer and the language model, for them).
  let held: typeof batch | null = [];
  // Documents with a cache entry, read once every document to run has been handed over. Each keeps its bytes until its
  // entry is read (a corrupt one, or one without the mentions this run needs, is run after all); its result is larger.
  const fromCache: { index: number; input: PipelineInput | null; key: string }[] = [];
  const release = async (count: number | null) => {
    executor = opts.executor(count, fromCache.length);
    const waiting = held!;
    held = null;
    for (const item of waiting) await enqueue(item);
  };
  /** A document to run: held back while the run cannot yet tell whether they are few, else into the next batch. */
  const toRun = async (item: (typeof batch)[number]) => {
    if (held === null) return enqueue(item);
    held.push(item);
    if (held.length > opts.fewDocuments) await release(null);
  };
  const enqueue = async (item: (typeof batch)[number]) => {
    batch.push(item);
    if (batch.length >= executor!.batchSize) await send();
  };

  const finish = (index: number, result: DocumentResult) => {
    results[index] = intern(opts.keepMentions ? result : { ...result, mentions: [] });
    done++;
    opts.onProgress?.(done, source.expected(), source.exact);
  };
  const send = async () => {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    processed += sent.length;
    const running: Promise<void> = executor!.run(sent.map((s) => s.input)).then(
      (out) => {
        if (out.length !== sent.length) throw new Error(`a batch of ${sent.length} documents came back with ${out.length} results`);
        out.forEach((result, i) => {
          if (sent[i].key !== null && !notForCache.has(result)) opts.cache!.put(sent[i].key!, sent[i].input.file, result);
          finish(sent[i].index, result);
        });
      },
    ).catch((error) => {
      failure ??= error;
    }).finally(() => inFlight.delete(running));
    inFlight.add(running);
    while (inFlight.size >= executor!.capacity) await Promise.race(inFlight);
  };

  try {
    for await (const item of source.items()) {
      if (failure !== null) break;
      if ('problem' in item) {
        problems.push(item.problem);
        unread++;
        continue;
      }
      const { input } = item;
      const index = results.length;
      results.push(undefined as unknown as DocumentResult);
      const hash = contentHash(input.bytes);
      const earlier = firstWithBytes.get(hash);
      if (earlier !== undefined) {
        duplicates++;
        finish(index, duplicateResult(input, earlier));
        continue;
      }
      firstWithBytes.set(hash, input.file);
      const key = opts.cache ? opts.cache.key(input, hash) : null;
      if (key !== null && opts.cache!.has(key)) {
        fromCache.push({ index, input, key });
        continue;
      }
      await toRun({ index, input, key });
    }
    if (held !== null && held.length > 0 && failure === null) await release(held.length);
    if (failure === null) await send();
    for (const item of fromCache) {
      if (failure !== null) break;
      const input = item.input!;
      item.input = null;
      const hit = opts.cache!.get(item.key, input.file, opts.keepMentions);
      if (hit) finish(item.index, hit);
      else await toRun({ index: item.index, input, key: item.key });
    }
    if (held !== null && held.length > 0 && failure === null) await release(held.length);
    if (failure === null) await send();
    await Promise.all(inFlight);
  } finally {
    if (executor) await (executor as Executor).close();
  }
  if (failure !== null) throw failure;
  const cached = results.length - processed - duplicates;
  const ran = executor as Executor | null;
  return { results, problems, unread, processed, cached, duplicates, ranOn: ran?.describe() ?? null, workersPeakMb: ran?.workersPeakMb?.() ?? 0,
    workersCpu: ran?.workersCpu?.() ?? null };
}
