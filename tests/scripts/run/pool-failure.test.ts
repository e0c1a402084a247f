// A worker process that dies once it runs documents (killed, out of memory) costs a re-run of the batches it held, each
// document alone on a process of its own: the run writes the same bytes. A document that kills that process too is
// named and left out, the rest written; processes that die on every document, or cannot start or load the pipeline's
// resources, end the run at once with one line naming the process, how it ended and the batch it held (no batch is
// left waiting: tinypool once left the queued batches waiting when the last process died, and geocode ended with
// Node's code 13, writing and saying nothing).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { notForCache } from '../../../scripts/run/executor.ts';
import { createPool, WorkerFailure } from '../../../scripts/run/pool.ts';
import type { PointConvention } from '../../../src/pipeline/gazetteer.ts';
import type { DocumentResult } from '../../../src/pipeline/index.ts';
import { generatedFolder, outputsIn, outputsOf, removeTemps, temp } from './helpers.ts';

const text = 'Protesters gathered in Lyon on 3 March 2024. Police arrived in Marseille on 4 March 2024.\n'.repeat(10);
const input = (file: string) => ({ file, bytes: new TextEncoder().encode(text) });
const batches = (count: number, size = 4) => Array.from({ length: count }, (_, b) => Array.from({ length: size }, (_, d) => input(`b${b}-d${d}.txt`)));
// A forked process inherits this one's flags; under vitest the TypeScript worker needs tsx's loader.
const TSX = ['--import', 'tsx'];
/** Test-only hooks for the worker processes (kill on a document, say when working): worker-hooks.cjs. */
const HOOKS = ['--require', join(import.meta.dirname, 'worker-hooks.cjs')];

/** Runs `body` with these environment variables set (a pool's processes inherit them when it is made). */
async function withEnv<T>(vars: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await body();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The pool's worker processes among the children of process `parent` (tinypool's entry script is their program). */
function workerPids(parent: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('tinypool')) pids.push(Number(name));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every promise's outcome, or 'pending' for those still unsettled after `ms`. */
async function outcomes<T>(promises: Promise<T>[], ms: number): Promise<(PromiseSettledResult<T> | 'pending')[]> {
  const marked = promises.map((p) => p.then((value) => ({ status: 'fulfilled' as const, value }), (reason: unknown) => ({ status: 'rejected' as const, reason })));
  const all = Promise.all(marked);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref());
  const done = await Promise.race([all, timeout]);
  if (done !== null) return done;
  const settled = new Set<number>();
  marked.forEach((p, i) => void p.then(() => settled.add(i)));
  await sleep(0);
  return promises.map((_, i) => (settled.has(i) ? { status: 'rejected', reason: 'settled late' } : 'pending'));
}

const reasons = (results: (PromiseSettledResult<unknown> | 'pending')[]) =>
  results.map((r) => (r === 'pending' ? 'pending' : r.status === 'fulfilled' ? 'ok' : r.reason instanceof WorkerFailure ? r.reason.message : `not a WorkerFailure: ${String(r.reason)}`));

afterAll(removeTemps);

describe('createPool() when a worker process fails', { timeout: 180_000 }, () => {
  it('createPool() answers every batch when each of its processes is killed mid-run: the batches they held run again, one document at a time', async () => {
    const pool = createPool(2, undefined, undefined, { v8Flags: TSX });
    try {
      let answered = 0;
      let killed: number[] = [];
      const sent = batches(40);
      const runs = sent.map((batch) => pool.run(batch).then((results) => {
        // Both processes are up and working once a few batches have come back: kill them all.
        if (++answered === 3) {
          killed = workerPids(process.pid);
          for (const pid of killed) process.kill(pid, 'SIGKILL');
        }
        return results;
      }));
      const result = await outcomes(runs, 150_000);
      expect(killed.length).toBe(2);
      expect(reasons(result).filter((r) => r !== 'ok')).toEqual([]);
      // Each batch's results, in its order, each read.
      result.forEach((r, b) => {
        const results = (r as PromiseFulfilledResult<DocumentResult[]>).value;
        expect(results.map((d) => [d.outcome.file, d.outcome.error, d.outcome.events.length > 0])).toEqual(sent[b].map((i) => [i.file, null, true]));
      });
      expect(pool.describe()).toMatch(/^2 worker processes \(\d+ batch(es)? held by a process that died, \d+ documents?, run again one by one\)$/);
    } finally {
      await pool.close();
    }
  });

  it('createPool() names a document that kills the process running it alone too, and answers every other', async () => {
    const pool = await withEnv({ FLANKLINE_TEST_KILL_ON: 'b2-d1.txt' }, async () => createPool(2, undefined, undefined, { v8Flags: [...TSX, ...HOOKS] }));
    try {
      const sent = batches(6);
      const result = await outcomes(sent.map((batch) => pool.run(batch)), 150_000);
      expect(reasons(result).filter((r) => r !== 'ok')).toEqual([]);
      const all = result.flatMap((r) => (r as PromiseFulfilledResult<DocumentResult[]>).value);
      expect(all.map((d) => d.outcome.file)).toEqual(sent.flat().map((i) => i.file));
      const failed = all.filter((d) => d.outcome.error !== null);
      expect(failed.map((d) => d.outcome.file)).toEqual(['b2-d1.txt']);
      expect(failed[0].outcome.error).toMatch(/^b2-d1\.txt: not read: it stopped two worker processes, the second running it alone \(worker process \d+ was killed \(SIGKILL.*\); the other documents are written$/);
      expect(failed[0].document).toBeNull();
      // Made up, not computed: no cache keeps it, the next run tries the document again.
      expect(notForCache.has(failed[0])).toBe(true);
      expect(all.filter((d) => d.outcome.error === null && d.document !== null)).toHaveLength(23);
    } finally {
      await pool.close();
    }
  });

  it('createPool() names a worker process that cannot load the pipeline\'s resources, on every batch', async () => {
    const pool = createPool(1, undefined, { convention: 'nowhere' as PointConvention, demonyms: true }, { v8Flags: TSX });
    try {
      const result = reasons(await outcomes(batches(5).map((batch) => pool.run(batch)), 90_000));
      expect(result).not.toContain('pending');
      for (const message of result) expect(message).toMatch(/^worker process \d+ could not load the pipeline's resources: unknown point convention nowhere/);
    } finally {
      await pool.close();
    }
  });

  it('createPool() stops, naming how they ended, when its processes run out of memory on every document (V8 aborts them)', async () => {
    // A heap too small for the pipeline's work: every process aborts on its first batch, and again on each document alone.
    const pool = createPool(1, undefined, undefined, { v8Flags: [...TSX, '--max-old-space-size=24'] });
    try {
      const result = reasons(await outcomes(batches(3).map((batch) => pool.run(batch)), 150_000));
      expect(result).not.toContain('pending');
      for (const message of result) {
        expect(message).toMatch(/^worker process \d+ aborted \(SIGABRT: V8 does so when its heap is out of memory\) while running b\d-d\d\.txt alone, as it did for the 2 documents run alone before it: the fault is the processes' \(memory, the machine\), not one document's$/);
      }
    } finally {
      await pool.close();
    }
  });

  it('createPool() names a worker process that exits while starting', async () => {
    const pool = createPool(2, undefined, undefined, { v8Flags: [...TSX, '--require', '/nonexistent/flankline-start.cjs'] });
    try {
      const result = reasons(await outcomes(batches(6).map((batch) => pool.run(batch)), 90_000));
      expect(result).not.toContain('pending');
      for (const message of result) expect(message).toMatch(/^worker process \d+ exited with code 1\b/);
    } finally {
      await pool.close();
    }
  });
});

describe('geocode when its worker processes are killed', { timeout: 300_000 }, () => {
  /** geocode run as a user runs it, with the worker hooks preloaded and these variables; `during` runs while it does. */
  async function geocodeWith(args: string[], env: Record<string, string>, during: (pid: number) => Promise<void> = async () => undefined) {
    const child = spawn(process.execPath, ['--import', 'tsx', ...HOOKS, 'scripts/geocode.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await during(child.pid!);
    return { code: await exited, stdout, stderr };
  }

  it('geocode --workers 2 writes the same bytes as a clean run when both its worker processes are killed mid-run', async () => {
    const input = generatedFolder(600);
    const clean = temp();
    expect((await geocodeWith(['--input', input, ...outputsIn(clean), '--no-cache', '--workers', '2'], {})).code).toBe(0);
    const out = temp();
    const working = temp();
    let killed: string[] = [];
    const run = await geocodeWith(['--input', input, ...outputsIn(out), '--no-cache', '--workers', '2'], { FLANKLINE_TEST_WORKING_DIR: working }, async () => {
      // Both processes are running documents (each wrote its pid on its first batch): kill them.
      for (let waited = 0; killed.length < 2 && waited < 120_000; waited += 100) {
        await sleep(100);
        killed = readdirSync(working);
      }
      await sleep(300);
      for (const pid of killed) spawnSync('kill', ['-KILL', pid]);
    });
    expect(killed).toHaveLength(2);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/600 documents run on 2 worker processes \(\d+ batch(es)? held by a process that died, \d+ documents, run again one by one\)/);
    expect(outputsOf(out)).toEqual(outputsOf(clean));
  });

  it('geocode names the one document that kills every process running it, writes the rest and exits with code 1', async () => {
    const input = generatedFolder(600);
    const victim = readdirSync(input).filter((f) => f.endsWith('.txt')).sort()[123];
    const out = temp();
    const run = await geocodeWith(['--input', input, ...outputsIn(out), '--no-cache', '--workers', '2'], { FLANKLINE_TEST_KILL_ON: victim });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^geocode: ${victim.replace('.', '\\.')}: not read: it stopped two worker processes, the second running it alone \\(worker process \\d+ was killed \\(SIGKILL.*\\); the other documents are written$`));
    expect(run.stdout).toMatch(/geocode: 600 documents \(1 failed\)/);
    const documents = JSON.parse(readFileSync(join(out, 'documents.json'), 'utf8')) as unknown;
    const files = JSON.stringify(documents);
    expect(files).not.toContain(`"${victim}"`);
    expect(existsSync(join(out, 'events.geojson'))).toBe(true);
  });

  it('geocode --workers 2 exits with code 4 and one line naming the process when its processes cannot start, and writes nothing', async () => {
    const input = generatedFolder(600);
    const out = temp();
    const run = await geocodeWith(['--input', input, ...outputsIn(out), '--no-cache', '--workers', '2'], { FLANKLINE_TEST_EXIT_AT_START: '1' });
    expect(run.code).toBe(4);
    const lines = run.stderr.trim().split('\n').filter((l) => l.startsWith('geocode:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^geocode: nothing written: worker process \d+ exited with code 1.*; the previous output files are unchanged$/);
    expect(existsSync(join(out, 'events.geojson'))).toBe(false);
  });
});
