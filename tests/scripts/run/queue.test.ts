// Queue mode on a real Redis server: geocode --queue enqueues the batches, two `npm run worker` processes take them,
// one is killed mid-batch, and the files are the bytes a local run writes: nothing lost, nothing counted twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
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

function start(script: string, args: string[]): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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

  it('geocode --queue exits 2 and writes nothing when Redis cannot be reached', () => {
    const out = temp();
    const run = geocode(['--input', 'seeds', ...outputsIn(out), '--queue', 'redis://127.0.0.1:1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('geocode: redis://127.0.0.1:1: cannot reach Redis (ECONNREFUSED); is redis-server running there?\n');
    expect(existsSync(join(out, 'events.geojson'))).toBe(false);
  });
});
