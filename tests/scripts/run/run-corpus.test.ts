// How a run chooses what runs its documents: it counts the documents the cache does not hold before it starts workers,
// and tells the executor how many the cache serves; documents to run are handed over before the cache is read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentResult, PipelineInput } from '../../../src/pipeline/index.ts';
import { DocumentCache, contentHash } from '../../../scripts/run/cache.ts';
import { notForCache, type Executor } from '../../../scripts/run/executor.ts';
import type { DocumentSource } from '../../../scripts/run/inputs.ts';
import { runCorpus } from '../../../scripts/run/run-corpus.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const input = (i: number): PipelineInput => ({ file: `d${i}.txt`, bytes: new TextEncoder().encode(`Document ${i}.\n`) });

function resultOf(doc: PipelineInput): DocumentResult {
  const outcome = {
    file: doc.file, title: doc.file, published: null, error: null, sentences: 1, contentSentences: 1, mentionsFound: 0,
    mentionsResolved: 0, dates: 0, datesFound: 0, triggers: 0, events: [], undated: [],
  };
  return { outcome, document: { file: doc.file, title: doc.file, text: 'x' }, mentions: [], stageMs: [] } as unknown as DocumentResult;
}

function sourceOf(inputs: PipelineInput[]): DocumentSource {
  return {
    problems: [], unread: 0, notes: [], exact: true, expected: () => inputs.length,
    async *items() {
      for (const i of inputs) yield { input: i };
    },
  };
}

/** An executor that runs nothing real and records what it was asked to be made for. */
function recording() {
  const made: (number | null)[] = [];
  let ran = 0;
  const factory = (toRun: number | null): Executor => {
    made.push(toRun);
    return { run: async (batch) => { ran += batch.length; return batch.map(resultOf); }, capacity: 2, batchSize: 3, describe: () => 'test', close: async () => {} };
  };
  return { made, factory, ran: () => ran };
}

describe('runCorpus', () => {
  it('tells the executor how many documents it has to run when they are few, after the cache served the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flankline-run-corpus-'));
    dirs.push(dir);
    const cache = new DocumentCache(dir, '0123456789abcdef', (line) => { throw new Error(line); });
    const inputs = Array.from({ length: 12 }, (_, i) => input(i));
    for (const i of inputs.slice(0, 10)) cache.put(cache.key(i, contentHash(i.bytes)), i.file, resultOf(i));
    const rec = recording();
    const run = await runCorpus(sourceOf(inputs), { executor: rec.factory, fewDocuments: 5, cache, keepMentions: false });
    expect(rec.made).toEqual([2]);
    expect(rec.ran()).toBe(2);
    expect(run.cached).toBe(10);
    expect(run.results.map((r) => r.outcome.file)).toEqual(inputs.map((i) => i.file));
  });

  it('asks for an executor for many documents as soon as more than the few are waiting, and runs them all in order', async () => {
    const inputs = Array.from({ length: 20 }, (_, i) => input(i));
    const rec = recording();
    const run = await runCorpus(sourceOf(inputs), { executor: rec.factory, fewDocuments: 5, cache: null, keepMentions: false });
    expect(rec.made).toEqual([null]);
    expect(rec.ran()).toBe(20);
    expect(run.processed).toBe(20);
    expect(run.results.map((r) => r.outcome.file)).toEqual(inputs.map((i) => i.file));
  });

  it('makes no executor when the cache serves every document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flankline-run-corpus-'));
    dirs.push(dir);
    const cache = new DocumentCache(dir, '0123456789abcdef', (line) => { throw new Error(line); });
    const inputs = Array.from({ length: 4 }, (_, i) => input(i));
    for (const i of inputs) cache.put(cache.key(i, contentHash(i.bytes)), i.file, resultOf(i));
    const rec = recording();
    const run = await runCorpus(sourceOf(inputs), { executor: rec.factory, fewDocuments: 5, cache, keepMentions: false });
    expect(rec.made).toEqual([]);
    expect(run.ranOn).toBeNull();
  });

  it('hands every document to run to the executor before it reads a cached result, corrupt entries run after all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flankline-run-corpus-'));
    dirs.push(dir);
    const warnings: string[] = [];
    const cache = new DocumentCache(dir, '0123456789abcdef', (line) => warnings.push(line));
    const inputs = Array.from({ length: 12 }, (_, i) => input(i));
    // The two to run come last, as documents added to a corpus often do; d3's entry is broken.
    for (const i of inputs.slice(0, 10)) cache.put(cache.key(i, contentHash(i.bytes)), i.file, resultOf(i));
    writeFileSync(join(dir, '0123456789abcdef', cache.key(inputs[3], contentHash(inputs[3].bytes)).slice(0, 2), `${cache.key(inputs[3], contentHash(inputs[3].bytes))}.json`), '{');
    let read = 0;
    const get = cache.get.bind(cache);
    cache.get = (...args) => {
      read++;
      return get(...args);
    };
    const asked: { toRun: number | null; cached: number; readBefore: number }[] = [];
    const runs: { files: string[]; readBefore: number }[] = [];
    const factory = (toRun: number | null, cached: number): Executor => {
      asked.push({ toRun, cached, readBefore: read });
      return {
        run: async (batch) => {
          runs.push({ files: batch.map((b) => b.file), readBefore: read });
          return batch.map(resultOf);
        },
        capacity: 2, batchSize: 3, describe: () => 'test', close: async () => {},
      };
    };
    const run = await runCorpus(sourceOf(inputs), { executor: factory, fewDocuments: 5, cache, keepMentions: false });
    expect(asked).toEqual([{ toRun: 2, cached: 10, readBefore: 0 }]);
    expect(runs).toEqual([{ files: ['d10.txt', 'd11.txt'], readBefore: 0 }, { files: ['d3.txt'], readBefore: 10 }]);
    expect(warnings).toHaveLength(1);
    expect(run.cached).toBe(9);
    expect(run.processed).toBe(3);
    expect(run.results.map((r) => r.outcome.file)).toEqual(inputs.map((i) => i.file));
  });

  it('keeps no cache entry for a result the executor made up (a document that killed its worker processes): the next run tries it again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flankline-run-corpus-'));
    dirs.push(dir);
    const cache = new DocumentCache(dir, '0123456789abcdef', (line) => { throw new Error(line); });
    const inputs = Array.from({ length: 4 }, (_, i) => input(i));
    const executor = (): Executor => ({
      run: async (batch) => batch.map((doc) => {
        const result = resultOf(doc);
        if (doc.file === 'd2.txt') notForCache.add(result);
        return result;
      }),
      capacity: 1, batchSize: 2, describe: () => 'test', close: async () => {},
    });
    await runCorpus(sourceOf(inputs), { executor, fewDocuments: 0, cache, keepMentions: false });
    expect(inputs.map((i) => cache.has(cache.key(i, contentHash(i.bytes))))).toEqual([true, true, false, true]);
  });
});
