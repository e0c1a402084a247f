// The outputs of one run are one unit (issue 12, defect 5): scripts/output-set.ts killed before each of its steps
// leaves every output of the previous run or every output of the new one, never a mix; two runs at once write one
// after the other; paths that clash are refused before anything is written.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { checkOutputPaths, OutputSetError } from '../../scripts/output-set.ts';

const made: string[] = [];
afterAll(() => { for (const dir of made) rmSync(dir, { recursive: true, force: true }); });
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'output-set-'));
  made.push(dir);
  return dir;
};

/** The driver bundled into one plain .mjs (vite's SSR build) once: node starts it in a tenth of tsx's time, and the steps below start it a hundred times. */
let driver: string;
beforeAll(async () => {
  const outDir = temp();
  await build({ configFile: false, publicDir: false, logLevel: 'silent', build: {
    ssr: resolve('tests/scripts/write-set-driver.ts'), outDir, emptyOutDir: true, rollupOptions: { output: { entryFileNames: 'driver.mjs' } },
  } });
  driver = join(outDir, 'driver.mjs');
}, 60_000);
/** Kills the process (SIGKILL, as kill -9) just before its KILL_AT-th change under the output folder, or sleeps SLOW_MS before it switches sets. */
const PRELOAD = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const dir = process.env.OUT_DIR;
let calls = 0;
for (const name of ['writeFileSync', 'mkdirSync', 'renameSync', 'symlinkSync', 'rmSync', 'linkSync', 'copyFileSync']) {
  const original = fs[name];
  fs[name] = (path, ...rest) => {
    if (String(path).startsWith(dir)) {
      calls++;
      if (Number(process.env.KILL_AT) === calls) process.kill(process.pid, 'SIGKILL');
      if (process.env.SLOW_MS && name === 'renameSync' && String(path).includes('.current.')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.env.SLOW_MS));
    }
    return original(path, ...rest);
  };
}
syncBuiltinESMExports();
`;

function preloadFile(): string {
  const dir = temp();
  writeFileSync(join(dir, 'preload.mjs'), PRELOAD);
  return `file://${join(dir, 'preload.mjs')}`;
}

const args = (preload: string, out: string, label: string) => ['--import', preload, driver, out, label];

function write(preload: string, out: string, label: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, args(preload, out, label), { encoding: 'utf8', env: { ...process.env, OUT_DIR: out, ...env }, timeout: 60_000 });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

const OUTPUTS = ['events.geojson', 'events.bin', 'documents.json', 'report.md', 'events.parts/00000.json', 'events.parts/00001.json'];

/** The label every output holds; throws when two outputs come from different runs. `partsMayBeMissing`: see below. */
function labelOf(out: string, partsMayBeMissing = false): string | null {
  const labels = new Set<string>();
  for (const name of OUTPUTS) {
    const path = join(out, name);
    if (!existsSync(path)) {
      if (partsMayBeMissing && name.startsWith('events.parts/')) continue;
      labels.add(`<${name} missing>`);
    } else labels.add(readFileSync(path, 'utf8'));
  }
  if (labels.size !== 1) throw new Error(`outputs from different runs, or missing: ${[...labels].join(', ')}`);
  return [...labels][0];
}

describe('writeOutputSet killed at each step', { timeout: 240_000 }, () => {
  it('writeOutputSet() killed before any of its steps leaves the previous set whole or the new one, never a mix', () => {
    const preload = preloadFile();
    const out = join(temp(), 'data');
    expect(write(preload, out, 'run-0').code).toBe(0);
    expect(labelOf(out)).toBe('run-0');
    let previous = 'run-0';
    let step = 1;
    for (; step < 100; step++) {
      const run = write(preload, out, `run-${step}`, { KILL_AT: String(step) });
      const now = labelOf(out);
      expect([previous, `run-${step}`], `killed before step ${step}`).toContain(now);
      previous = now!;
      if (run.code === 0) break;
      expect(run.signal).toBe('SIGKILL');
    }
    // Every step was tried, the last run finished, and the next run finds nothing a killed run left behind.
    expect(step).toBeGreaterThan(10);
    expect(write(preload, out, 'final').code).toBe(0);
    expect(labelOf(out)).toBe('final');
    const store = join(out, '.events.geojson.flankline');
    expect(readdirSync(store)).toHaveLength(2);
  });

  it('writeOutputSet() killed while turning the plain files of an earlier version into links leaves them readable', () => {
    const preload = preloadFile();
    let killedAt = '';
    for (let step = 1; step < 100; step++) {
      const out = join(temp(), 'data');
      mkdirSync(join(out, 'events.parts'), { recursive: true });
      for (const name of OUTPUTS) writeFileSync(join(out, name), 'plain');
      const run = write(preload, out, 'linked', { KILL_AT: String(step) });
      // rename cannot replace a folder, so the old events.parts is moved aside for an instant (its files are already
      // in a set): the one window in which a path is missing, once per output folder, on the first run of this version.
      expect(['plain', 'linked'], `killed before step ${step}`).toContain(labelOf(out, true));
      if (run.code === 0) {
        expect(labelOf(out)).toBe('linked');
        // A run after the killed one it followed finds the folder as that one left it, and finishes.
        expect(write(preload, killedAt, 'after').code).toBe(0);
        expect(labelOf(killedAt)).toBe('after');
        return;
      }
      killedAt = out;
    }
    throw new Error('the run never finished');
  });
});

describe('writeOutputSet with two runs at once', { timeout: 120_000 }, () => {
  it('writeOutputSet() makes a second run wait for the first to finish writing, and the last one wins whole', async () => {
    const preload = preloadFile();
    const out = join(temp(), 'data');
    const env = { ...process.env, OUT_DIR: out };
    const started = (label: string, extra: Record<string, string> = {}) => new Promise<{ code: number | null; stdout: string }>((done) => {
      const child = spawn(process.execPath, args(preload, out, label), { env: { ...env, ...extra } });
      let stdout = '';
      child.stdout.on('data', (d) => { stdout += d; });
      child.on('close', (code) => done({ code, stdout }));
    });
    // The first run holds the lock for two seconds before it switches; the second starts once it holds it.
    const first = started('first', { SLOW_MS: '2000' });
    for (let i = 0; i < 200 && !existsSync(join(out, '.flankline-output.lock')); i++) await new Promise((r) => setTimeout(r, 25));
    const second = started('second');
    const [a, b] = await Promise.all([first, second]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(b.stdout).toMatch(/waiting for another geocode run \(pid \d+\) to finish writing /);
    expect(labelOf(out)).toBe('second');
  });
});

describe('checkOutputPaths', () => {
  const plan = (report: string, documents = '/d/data/documents.json') => [
    { role: 'events' as const, flag: '--output', path: '/d/data/events.geojson' },
    { role: 'parts' as const, flag: '--output', path: '/d/data/events.parts' },
    { role: 'documents' as const, flag: '--documents', path: documents },
    { role: 'report' as const, flag: '--report', path: report },
  ];
  it('checkOutputPaths() refuses two options naming one file, and an output inside another', () => {
    expect(() => checkOutputPaths(plan('/d/data/events.geojson'))).toThrow(OutputSetError);
    expect(() => checkOutputPaths(plan('/d/data/events.geojson'))).toThrow('--output and --report name the same file (/d/data/events.geojson); nothing was written');
    expect(() => checkOutputPaths(plan('/d/data/events.parts/r.md'))).toThrow('--report /d/data/events.parts/r.md is inside --output /d/data/events.parts; nothing was written');
    expect(() => checkOutputPaths(plan('/d/data/.events.geojson.flankline/r.md'))).toThrow(/is inside .*\.events\.geojson\.flankline, where the output sets are kept/);
  });
  it('checkOutputPaths() refuses a file output where a folder is', () => {
    const dir = temp();
    expect(() => checkOutputPaths(plan('/elsewhere/r.md', dir))).toThrow(`--documents ${dir} is a folder; nothing was written`);
  });
});
