// A worker process that dies, cannot start or cannot load the pipeline's resources ends the run at once with one line
// naming the process, how it ended and the batch it held; no batch is left waiting. Before, tinypool left the queued
// batches waiting for a worker when the last one died, and geocode ended with Node's code 13, writing and saying nothing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool, WorkerFailure } from '../../../scripts/run/pool.ts';
import type { PointConvention } from '../../../src/pipeline/gazetteer.ts';
import { generatedFolder, outputsIn, removeTemps, temp } from './helpers.ts';

const text = 'Protesters gathered in Lyon on 3 March 2024. Police arrived in Marseille on 4 March 2024.\n'.repeat(10);
const input = (file: string) => ({ file, bytes: new TextEncoder().encode(text) });
const batches = (count: number, size = 4) => Array.from({ length: count }, (_, b) => Array.from({ length: size }, (_, d) => input(`b${b}-d${d}.txt`)));
// A forked process inherits this one's flags; under vitest the TypeScript worker needs tsx's loader.
const TSX = ['--import', 'tsx'];

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
  it('createPool() refuses every batch with the cause when each of its processes is killed mid-run (none is left waiting)', async () => {
    const pool = createPool(2, undefined, undefined, { v8Flags: TSX });
    try {
      let answered = 0;
      let killed: number[] = [];
      const runs = batches(40).map((batch) => pool.run(batch).then((results) => {
        // Both processes are up and working once a few batches have come back: kill them all.
        if (++answered === 3) {
          killed = workerPids(process.pid);
          for (const pid of killed) process.kill(pid, 'SIGKILL');
        }
        return results;
      }));
      const result = reasons(await outcomes(runs, 90_000));
      expect(killed.length).toBeGreaterThan(0);
      expect(result).not.toContain('pending');
      const failed = result.filter((r) => r !== 'ok');
      expect(failed.length).toBeGreaterThan(0);
      for (const message of failed) expect(message).toMatch(new RegExp(`^worker process (${killed.join('|')}) was killed \\(SIGKILL`));
      // The batch the process was running is named by its first document.
      expect(failed.some((m) => / while running a batch of 4 documents from b\d+-d0\.txt$/.test(m))).toBe(true);
      // A broken pool refuses new batches at once, with the same cause.
      await expect(pool.run(batches(1)[0])).rejects.toThrow(/was killed \(SIGKILL/);
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

  it('createPool() names a worker process that runs out of memory (V8 aborts it)', async () => {
    // A heap too small for the pipeline's resources: the process aborts on its first batch.
    const pool = createPool(1, undefined, undefined, { v8Flags: [...TSX, '--max-old-space-size=24'] });
    try {
      const result = reasons(await outcomes(batches(3).map((batch) => pool.run(batch)), 90_000));
      expect(result).not.toContain('pending');
      for (const message of result) expect(message).toMatch(/^worker process \d+ aborted \(SIGABRT: V8 does so when its heap is out of memory\)/);
      expect(result[0]).toMatch(/ while running a batch of 4 documents from b0-d0\.txt$/);
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

describe('geocode when its worker processes are killed', { timeout: 240_000 }, () => {
  it('geocode --workers 2 exits with code 4 and one line naming the killed process, and writes nothing', async () => {
    const input = generatedFolder(600);
    const out = temp();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/geocode.ts', '--input', input, ...outputsIn(out), '--no-cache', '--workers', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Both processes started (and loading or running their first batches): kill them.
    let pids: number[] = [];
    for (let waited = 0; pids.length < 2 && waited < 60_000 && child.exitCode === null; waited += 100) {
      await sleep(100);
      pids = workerPids(child.pid!);
    }
    expect(pids.length).toBe(2);
    await sleep(1500);
    for (const pid of pids) spawnSync('kill', ['-KILL', String(pid)]);
    const code = await exited;
    expect(code).toBe(4);
    const lines = stderr.trim().split('\n').filter((l) => l.startsWith('geocode:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^geocode: nothing written: worker process (${pids.join('|')}) was killed \\(SIGKILL.*; the previous output files are unchanged$`));
    expect(existsSync(join(out, 'events.geojson'))).toBe(false);
  });
});
