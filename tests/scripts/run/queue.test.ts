// Queue mode on a real Redis server: geocode --queue enqueues the batches, two `npm run worker` processes take them,
// one is killed mid-batch, and the files are the bytes a local run writes: nothing lost, nothing counted twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedFolder, geocode, outputsIn, outputsOf, removeTemps, temp } from './helpers.ts';
import { ensureRedisServer, startRedis, type RedisServer } from '../../../scripts/run/local-redis.ts';

interface Started {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in the output so far or to come. */
  waitFor: (pattern: RegExp) => Promise<RegExpExecArray>;
  exited: Promise<number | null>;
}

/** Runs `script` under tsx; `hooks` preloads the test-only worker hooks (worker-hooks.cjs), which its pool's processes inherit. */
function start(script: string, args: string[], hooks: Record<string, string> | null = null): Started {
  const preload = hooks === null ? [] : ['--require', join(import.meta.dirname, 'worker-hooks.cjs')];
  const child = spawn(process.execPath, ['--import', 'tsx', ...preload, script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...hooks } });
  let text = '';
  const waiting: { pattern: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const w of [...waiting]) {
      const match = w.pattern.exec(text);
      if (match) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(match);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  return {
    child,
    output: () => text,
    waitFor: (pattern) => new Promise((resolve) => {
      const match = pattern.exec(text);
      if (match) resolve(match);
      else waiting.push({ pattern, resolve });
    }),
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
}

let redis: RedisServer;
const started: Started[] = [];
beforeAll(async () => {
  ensureRedisServer();
  redis = await startRedis();
}, 600_000);
afterAll(() => {
  for (const s of started) s.child.kill('SIGKILL');
  redis?.stop();
  removeTemps();
});

describe('geocode --queue with npm run worker', { timeout: 600_000 }, () => {
  it('geocode --queue with two workers, one killed mid-batch, writes the bytes of a local run', async () => {
    const corpus = generatedFolder(48);
    const local = temp();
    const reference = geocode(['--input', corpus, ...outputsIn(local), '--workers', '1', '--no-cache']);
    expect(reference.code).toBe(0);

    const workerArgs = (name: string) => ['--queue', redis.url, '--threads', '1', '--name', name, '--lock-seconds', '3'];
    const a = start('scripts/worker.ts', workerArgs('A'));
    const b = start('scripts/worker.ts', workerArgs('B'));
    started.push(a, b);
    await Promise.all([a.waitFor(/worker A: 1 thread taking batches/), b.waitFor(/worker B: 1 thread taking batches/)]);

    const out = temp();
    const producer = start('scripts/geocode.ts', ['--input', corpus, ...outputsIn(out), '--queue', redis.url, '--batch-size', '4', '--no-cache']);
    started.push(producer);
    const [, batch] = await a.waitFor(/worker A: took batch (\d+)/);
    a.child.kill('SIGKILL');
    expect(await a.exited).toBeNull();

    expect(await producer.exited).toBe(0);
    // A never finished the batch it held; B ran it after A's lock ran out
    expect(a.output()).not.toContain(`done batch ${batch}\n`);
    expect(b.output()).toContain(`worker B: done batch ${batch}\n`);
    expect(producer.output()).toMatch(/48 documents run on the workers of queue flankline-[0-9a-f]{16} \((A: \d+ batch(es)?, )?B: \d+ batches\)/);
    expect(outputsOf(out)).toEqual(outputsOf(local));

    // Ctrl-C (SIGTERM here) stops a worker once it holds no batch
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    expect(b.output()).toContain('worker B: stopping after the batches it holds');
  });

  it('geocode --queue names a document that kills every process running it, writes the rest, and the worker goes on', async () => {
    const corpus = generatedFolder(24);
    const victim = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()[9];
    const worker = start('scripts/worker.ts', ['--queue', redis.url, '--threads', '1', '--name', 'K'], { FLANKLINE_TEST_KILL_ON: victim });
    started.push(worker);
    await worker.waitFor(/worker K: 1 thread taking batches/);

    const out = temp();
    const producer = start('scripts/geocode.ts', ['--input', corpus, ...outputsIn(out), '--queue', redis.url, '--batch-size', '4']);
    started.push(producer);
    expect(await producer.exited).toBe(1);
    const named = new RegExp(`geocode: ${victim.replace('.', '\\.')}: not read: it stopped two worker processes, the second running it alone \\(worker process \\d+ was killed \\(SIGKILL`);
    expect(producer.output()).toMatch(named);
    expect(producer.output()).toMatch(/geocode: 24 documents \(1 failed\)/);
    const documents = readFileSync(join(out, 'documents.json'), 'utf8');
    expect(documents).not.toContain(`"${victim}"`);
    expect(documents).toContain(`"${readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()[10]}"`);
    // The worker answered for the batch and is still taking batches: one such document does not stop every worker in turn
    expect(worker.child.exitCode).toBeNull();
    expect(worker.output()).toMatch(/worker K: done batch \d+\n[\s\S]*worker K: done batch/);

    // The made-up result was not cached: a second run, on a worker without the hook, reads the document
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    const healthy = start('scripts/worker.ts', ['--queue', redis.url, '--threads', '1', '--name', 'H']);
    started.push(healthy);
    await healthy.waitFor(/worker H: 1 thread taking batches/);
    const again = start('scripts/geocode.ts', ['--input', corpus, ...outputsIn(out), '--queue', redis.url, '--batch-size', '4']);
    started.push(again);
    expect(await again.exited).toBe(0);
    expect(readFileSync(join(out, 'documents.json'), 'utf8')).toContain(`"${victim}"`);
    healthy.child.kill('SIGTERM');
    expect(await healthy.exited).toBe(0);
  });

  it('geocode --queue exits 2 and writes nothing when Redis cannot be reached', () => {
    const out = temp();
    const run = geocode(['--input', 'seeds', ...outputsIn(out), '--queue', 'redis://127.0.0.1:1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('geocode: redis://127.0.0.1:1: cannot reach Redis (ECONNREFUSED); is redis-server running there?\n');
    expect(existsSync(join(out, 'events.geojson'))).toBe(false);
  });
});
