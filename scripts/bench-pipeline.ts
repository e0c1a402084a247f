// npm run bench:pipeline -- [--sizes 10000,100000|none] [--workers N] [--worker-documents 2000] [--no-queue] [--keep] [--one-core-only]
// Prints figures, asserts nothing. On generated, seeded corpora (scripts/bench-corpus.ts):
//   1. one core, in memory: gazetteer load, each stage, documents/s (runPipeline; the dense 1,000-document corpus)
//   2. the geocode command in this thread, on 1 and on N worker processes, on the same corpus (2,000 dense documents):
//      documents/s, CPU, load, same bytes; and N separate commands of this thread at once, the ceiling of processes here
//   3. cold runs of each size (news density, a folder; and the smallest as one JSON Lines file): time, peak memory;
//      a warm re-run of the smallest after adding 10 documents, as a user runs it (no --workers), with its phases
//   4. queue mode: a local redis-server, two workers of one worker process each, against a local run on two: same bytes, and
//      the overhead per document
// The machine is shared: every figure is printed beside its baseline from the same run (docs/scale.md, "Measures").
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { GAZETTEER_PATH, loadGazetteer } from './gazetteer-load.ts';
import { loadLexicon } from './lexicon-load.ts';
import type { GazetteerData } from '../src/pipeline/gazetteer.ts';
import { runPipeline } from '../src/pipeline/index.ts';
import { write } from '../src/pipeline/write.ts';
import { CORPUS_DEFAULTS, generatedCorpus, writeCorpusFolder, writeCorpusJsonl } from './bench-corpus.ts';
import { hasRedisServer, startRedis } from './run/local-redis.ts';

const BENCH = {
  ...CORPUS_DEFAULTS,
  /** Runs of the whole pipeline in memory; the best is printed (per stage and in total). */
  repeats: 3,
  /** Documents of the dense corpus the command runs in this thread and on N workers, and on the queue. */
  workerDocuments: 2000,
  /** Cold runs, news density (docs/scale.md): sizes in documents. */
  sizes: [10_000, 100_000],
  /** News density: about 4 event reports a document, as the seed corpus. */
  newsEventShare: 0.12,
  /** Documents added before the warm re-run. */
  added: 10,
};

const { values } = parseArgs({
  options: { sizes: { type: 'string' }, workers: { type: 'string' }, 'worker-documents': { type: 'string' }, 'no-queue': { type: 'boolean' }, keep: { type: 'boolean' }, 'one-core-only': { type: 'boolean' } },
});
if (values['worker-documents']) BENCH.workerDocuments = Number(values['worker-documents']);
// --sizes none: no cold runs (only the thread and worker figures, and the queue's).
const sizes = values.sizes === 'none' ? [] : values.sizes ? values.sizes.split(',').map(Number) : BENCH.sizes;
const workers = values.workers ? Number(values.workers) : availableParallelism();
const work = mkdtempSync(join(tmpdir(), 'flankline-bench-'));
const table: [string, string, string][] = [];
const row = (what: string, figure: string, baseline: string) => {
  table.push([what, figure, baseline]);
  console.log(`${what}: ${figure}${baseline ? ` (${baseline})` : ''}`);
};

// 1. One core, in memory.
const t0 = performance.now();
const gazetteer = loadGazetteer();
const lexicon = loadLexicon();
console.log(`gazetteer load: ${(performance.now() - t0).toFixed(0)} ms (${gazetteer.size} entries; aim < 1000 ms)`);
const data = JSON.parse(readFileSync(GAZETTEER_PATH, 'utf8')) as GazetteerData;
const inputs = [...generatedCorpus(data, BENCH)];
const chars = inputs.reduce((n, i) => n + i.bytes.length, 0);
console.log(`corpus: ${inputs.length} documents, ${(chars / inputs.length).toFixed(0)} bytes each on average (seed ${BENCH.seed})`);
interface Run {
  total: number;
  timings: { stage: string; ms: number; detail: string }[];
  writeMs: number;
  /** CPU time of the process over the run (user + system, GC threads included): what a shared machine's load does not stretch. */
  cpuMs: number;
  mb: number;
}
const runs: Run[] = [];
for (let run = 0; run < BENCH.repeats; run++) {
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const result = runPipeline(inputs, { gazetteer, lexicon }, { now: () => performance.now() });
  const t2 = performance.now();
  const files = write(result.events, result.documents, result.mentions);
  const t3 = performance.now();
  const cpu = process.cpuUsage(c1);
  runs.push({ total: t3 - t1, timings: result.timings, writeMs: t3 - t2, cpuMs: (cpu.user + cpu.system) / 1000, mb: files.events.length / 1e6 });
}
const best: Run = {
  total: Math.min(...runs.map((r) => r.total)),
  timings: runs[0].timings.map((t, i) => ({ ...t, ms: Math.min(...runs.map((r) => r.timings[i].ms)) })),
  writeMs: Math.min(...runs.map((r) => r.writeMs)),
  cpuMs: Math.min(...runs.map((r) => r.cpuMs)),
  mb: runs[0].mb,
};
for (const t of best.timings) {
  console.log(`  ${t.stage.padEnd(9)} ${t.ms.toFixed(0).padStart(6)} ms  ${(t.ms / inputs.length).toFixed(2).padStart(6)} ms/doc  ${t.detail}`);
}
console.log(`  ${'write'.padEnd(9)} ${best.writeMs.toFixed(0).padStart(6)} ms  ${best.mb.toFixed(1)} MB of GeoJSON`);
row('one core, in memory (runPipeline + write, 1,000 dense documents)', `${(inputs.length / (best.total / 1000)).toFixed(0)} documents/s`,
  `best of ${BENCH.repeats}; aim >= 150/s`);
row('the same, per second of CPU time', `${(inputs.length / (best.cpuMs / 1000)).toFixed(0)} documents/s`,
  `wall time stretches with other processes on the machine (load average ${loadavg()[0].toFixed(1)}); CPU time much less`);
if (values['one-core-only']) {
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

// The geocode command, as a user runs it.
interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
  wallSeconds: number;
  /** Seconds and documents/s of the document phase, from its line ("… run on …: 12.3 s, 162 documents/s"). */
  runSeconds: number;
  rate: number;
  peakMb: number;
  /** The document phase's CPU per document run, in ms (worker processes without their start-up, or this process), and its line. */
  cpuMsPerDocument: number;
  cpuLine: string;
  /** CPU seconds of the document phase, all its processes; the load average (1 minute) when it ended. */
  cpuSeconds: number;
  load: number;
}
/** A finished command's figures, from its output lines. */
function commandRun(args: string[], status: number | null, stdout: string, stderr: string, wallSeconds: number): CommandRun {
  const phase = /: ([\d.]+) s, ([\d.]+) documents\/s$/m.exec(stdout);
  const peak = /\(peak memory (\d+) MB(?: at once[^)]*)?\)/.exec(stdout);
  const cpuLine = /^geocode: (CPU: .*)$/m.exec(stdout)?.[1] ?? '';
  const cpuMs = /(?:s starting; |, )([\d.]+) ms a document/.exec(cpuLine);
  // The document phase's CPU, every process counted: the workers' (start-up included) and this process's.
  const cpuSeconds = [...cpuLine.matchAll(/(?:worker process(?:es)?|this process) ([\d.]+) s/g)].reduce((n, m) => n + Number(m[1]), 0);
  if (status !== 0) console.error(`  geocode ${args.join(' ')} exited ${status}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return {
    code: status, stdout, stderr, wallSeconds,
    runSeconds: phase ? Number(phase[1]) : NaN, rate: phase ? Number(phase[2]) : NaN, peakMb: peak ? Number(peak[1]) : NaN,
    cpuMsPerDocument: cpuMs ? Number(cpuMs[1]) : NaN, cpuLine, cpuSeconds: cpuLine ? cpuSeconds : NaN, load: loadavg()[0],
  };
}
// As `npm run geocode` runs it: the built command (scripts/build-cli.ts; bench:pipeline's prepare:data builds it).
const COMMAND = ['--enable-source-maps', 'build/cli/geocode.mjs'];
function geocode(args: string[]): CommandRun {
  const t = performance.now();
  const run = spawnSync(process.execPath, [...COMMAND, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return commandRun(args, run.status, run.stdout, run.stderr, (performance.now() - t) / 1000);
}
/** The same, without waiting: several at once. */
function geocodeAsync(args: string[]): Promise<CommandRun> {
  const t = performance.now();
  const child = spawn(process.execPath, [...COMMAND, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve(commandRun(args, code, stdout, stderr, (performance.now() - t) / 1000))));
}
const outputs = (out: string) => ['--output', join(out, 'events.geojson'), '--documents', join(out, 'documents.json')];
function digest(out: string): string {
  const hash = createHash('sha256');
  for (const name of ['events.geojson', 'events.bin', 'documents.json']) hash.update(readFileSync(join(out, name)));
  for (const name of readdirSync(join(out, 'events.parts')).sort()) hash.update(readFileSync(join(out, 'events.parts', name)));
  return hash.digest('hex');
}
const s = (x: number) => `${x.toFixed(1)} s`;

// 2. This thread and N worker processes.
const dense = join(work, 'dense');
writeCorpusFolder(dense, data, { ...BENCH, documents: BENCH.workerDocuments });
// Each arrangement alternately, twice, so a change in the machine's load falls on all of them; the better of each pair.
const better = (a: CommandRun, b: CommandRun) => (a.rate >= b.rate ? a : b);
const arrangements = {
  one: () => geocode(['--input', dense, ...outputs(join(work, 'one')), '--workers', '1', '--no-cache']),
  process: () => geocode(['--input', dense, ...outputs(join(work, 'process')), '--processes', '1', '--no-cache']),
  many: () => geocode(['--input', dense, ...outputs(join(work, 'many')), '--processes', String(workers), '--no-cache']),
  // The ceiling of processes on this machine: N independent commands of this thread at once, each on the whole corpus.
  apart: async () => {
    const all = await Promise.all(Array.from({ length: workers }, (_, i) => geocodeAsync(['--input', dense, ...outputs(join(work, `apart-${i}`)), '--workers', '1', '--no-cache'])));
    return { ...all[0], rate: all.reduce((n, r) => n + r.rate, 0), cpuSeconds: all.reduce((n, r) => n + r.cpuSeconds, 0), wallSeconds: Math.max(...all.map((r) => r.wallSeconds)) };
  },
};
const firsts = { one: arrangements.one(), process: arrangements.process(), many: arrangements.many(), apart: await arrangements.apart() };
const one = better(firsts.one, arrangements.one());
const process1 = better(firsts.process, arrangements.process());
const many = better(firsts.many, arrangements.many());
const apart = better(firsts.apart, await arrangements.apart());
const same = digest(join(work, 'one')) === digest(join(work, 'many')) && digest(join(work, 'one')) === digest(join(work, 'process'));
const figures = (r: CommandRun) => `document phase ${s(r.runSeconds)} (CPU ${s(r.cpuSeconds)}), whole command ${s(r.wallSeconds)}, load ${r.load.toFixed(1)}`;
row(`geocode, ${BENCH.workerDocuments} dense documents, this thread (--workers 1)`, `${one.rate} documents/s, CPU ${one.cpuMsPerDocument} ms/document`,
  `${figures(one)}; ${one.cpuLine}`);
row(`geocode, ${BENCH.workerDocuments} dense documents, 1 worker process (--processes 1)`, `${process1.rate} documents/s, ${(process1.rate / one.rate).toFixed(2)}x this thread`,
  `${figures(process1)}; ${process1.cpuLine}`);
// Two ratios: the document phase (what the workers run) and the whole command (with the merge and the write, which
// stay in one process): the second is what a user waits for.
row(`geocode, ${BENCH.workerDocuments} dense documents, ${workers} worker processes`,
  `${many.rate} documents/s, ${(many.rate / process1.rate).toFixed(2)}x 1 worker process, ${(many.rate / one.rate).toFixed(2)}x this thread (whole command ${(one.wallSeconds / many.wallSeconds).toFixed(2)}x), ` +
    `CPU ${many.cpuMsPerDocument} ms/document (${(many.cpuMsPerDocument / one.cpuMsPerDocument).toFixed(2)}x)`,
  `${figures(many)}; ${same ? 'same bytes' : 'DIFFERENT BYTES'}; ${many.cpuLine}`);
row(`ceiling: ${workers} separate commands of this thread at once, each on the ${BENCH.workerDocuments}`,
  `${apart.rate.toFixed(0)} documents/s together, ${(apart.rate / one.rate).toFixed(2)}x one`,
  `CPU ${s(apart.cpuSeconds)} for ${workers}x the documents, slowest whole command ${s(apart.wallSeconds)}, load ${apart.load.toFixed(1)}; ${workers} worker processes reach ${((many.rate / apart.rate) * 100).toFixed(0)}% of it`);

// 3. Cold runs of each size, a warm re-run.
for (const size of sizes) {
  const folder = join(work, `news-${size}`);
  const t = performance.now();
  writeCorpusFolder(folder, data, { ...BENCH, documents: size, eventShare: BENCH.newsEventShare });
  console.log(`  wrote ${size} documents to ${folder} in ${s((performance.now() - t) / 1000)}`);
  const out = join(work, `out-${size}`);
  const cold = geocode(['--input', folder, ...outputs(out), '--workers', String(workers)]);
  const events = /\((\d+) events?, /.exec(cold.stdout)?.[1] ?? '?';
  row(`cold, ${size} documents (folder, news density), ${workers} workers`, `${s(cold.wallSeconds)}, peak memory ${cold.peakMb} MB`,
    `${cold.rate} documents/s in the document phase (${s(cold.runSeconds)}); ${events} events; load ${cold.load.toFixed(1)}`);
  if (size === Math.min(...sizes)) {
    const jsonl = join(work, `news-${size}.jsonl`);
    writeCorpusJsonl(jsonl, data, { ...BENCH, documents: size, eventShare: BENCH.newsEventShare });
    const fromFile = geocode(['--input', jsonl, ...outputs(join(work, `jsonl-${size}`)), '--workers', String(workers), '--no-cache']);
    row(`cold, ${size} articles (one JSON Lines file), ${workers} workers`, `${s(fromFile.wallSeconds)}, peak memory ${fromFile.peakMb} MB`,
      `${fromFile.rate} documents/s; baseline the folder: ${cold.rate}/s; load ${fromFile.load.toFixed(1)}`);
    const added = join(work, 'added');
    writeCorpusFolder(added, data, { ...BENCH, documents: BENCH.added, seed: BENCH.seed + 1, eventShare: BENCH.newsEventShare });
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    for (const entry of JSON.parse(readFileSync(join(added, 'manifest.json'), 'utf8')).documents) {
      cpSync(join(added, entry.file), join(folder, `added-${entry.file}`));
      manifest.documents.push({ ...entry, file: `added-${entry.file}` });
    }
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
    // As a user re-runs it: without --workers, so the few new documents run on one worker process while this one reads
    // the cache (POOL_DEFAULTS.readWhileRunning).
    const warm = geocode(['--input', folder, ...outputs(out)]);
    const ran = /(\d+) documents? run on/.exec(warm.stdout)?.[1] ?? '0';
    const mergeSeconds = Number(/geocode: merge\s+(\d+) ms/.exec(warm.stdout)?.[1] ?? NaN) / 1000;
    row(`warm, ${size} + ${BENCH.added} documents (${ran} run, the rest from the cache)`, s(warm.wallSeconds),
      `document phase ${s(warm.runSeconds)}, merge ${s(mergeSeconds)}, start-up and writing ${s(warm.wallSeconds - warm.runSeconds - mergeSeconds)}; ` +
      `baseline the cold run: ${s(cold.wallSeconds)}; CPU ${s(warm.cpuSeconds)} in the document phase; load ${warm.load.toFixed(1)}`);
  }
  rmSync(folder, { recursive: true, force: true });
}

// 4. Queue mode.
if (values['no-queue']) console.log('queue: skipped (--no-queue)');
else if (!hasRedisServer()) console.log('queue: skipped: redis-server is not installed (apt-get install redis-server)');
else {
  const redis = await startRedis();
  const names = ['A', 'B'];
  const children = names.map((name) => spawn(process.execPath, ['build/cli/worker.mjs', '--queue', redis.url, '--threads', '1', '--name', name], { stdio: ['ignore', 'pipe', 'inherit'] }));
  await Promise.all(children.map((child) => new Promise<void>((resolve) => {
    let seen = '';
    child.stdout!.on('data', (chunk) => {
      seen += chunk.toString();
      if (seen.includes('taking batches')) resolve();
    });
  })));
  try {
    const local = many;
    const queued = geocode(['--input', dense, ...outputs(join(work, 'queue')), '--queue', redis.url, '--no-cache']);
    const sameBytes = digest(join(work, 'queue')) === digest(join(work, 'many'));
    const overheadMs = ((queued.runSeconds - local.runSeconds) * 1000) / BENCH.workerDocuments;
    row(`queue, ${BENCH.workerDocuments} dense documents, 2 workers of 1 thread`, `${queued.rate} documents/s, ${overheadMs.toFixed(2)} ms/document overhead`,
      `baseline local ${workers} workers: ${local.rate}/s; ${sameBytes ? 'same bytes' : 'DIFFERENT BYTES'}`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    redis.stop();
  }
}

console.log('\n| measure | figure | beside it |\n|---|---|---|');
for (const [what, figure, baseline] of table) console.log(`| ${what} | ${figure} | ${baseline} |`);
if (values.keep) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });

// Peak memory of the geocode command itself, on a 5 MB document and on 2,000 small ones (docs/hardening.md).
spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-memory.ts'], { stdio: 'inherit' });
