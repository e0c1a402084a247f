// Peak memory (and time) of the geocode command as a user runs it: one document of about 5 MB, the size limit, and
// 2,000 news-sized documents, each beside a baseline of one small document in the same run (the gazetteer and the
// runtime alone). Run by npm run bench:pipeline, or alone: npm run bench:memory -- [WORDS] [--baseline DIR], where WORDS
// keeps the corpora whose label holds them and DIR is another checkout's built CLI (its build/cli, beside its src/), run
// on each corpus just before this one, so old and new are measured in the same minutes. Prints figures, asserts
// nothing. docs/hardening.md quotes them.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GAZETTEER_PATH, loadCompactGazetteer } from './gazetteer-load.ts';
import type { GazetteerData } from '../src/pipeline/gazetteer.ts';
import { CORPUS_DEFAULTS, generatedCorpus } from './bench-corpus.ts';
import { buildCli, cliStale } from './build-cli.ts';
import { sampleTreePeak } from './run/tree-memory.ts';

export const MEMORY_BENCH = {
  /** The budget docs/hardening.md states for both corpora, in MB of peak resident memory. */
  budgetMb: 300,
  seed: 20251206,
  minPopulation: 100_000,
};

const CORPORA: { label: string; shape: { documents: number; sentencesPerDocument: number }; args?: string[] }[] = [
  { label: 'baseline: 1 document of 30 sentences', shape: { documents: 1, sentencesPerDocument: 30 } },
  // About 90 bytes a sentence: 54,000 sentences make a document just under the 5 MB limit.
  { label: '1 document of 54,000 sentences', shape: { documents: 1, sentencesPerDocument: 54_000 } },
  { label: 'the same, --memory-mb 300', shape: { documents: 1, sentencesPerDocument: 54_000 }, args: ['--memory-mb', String(MEMORY_BENCH.budgetMb)] },
  // By default in this process: worker processes would not win back their start on so few (scripts/run/memory.ts)...
  { label: '2,000 documents of 30 sentences', shape: { documents: 2000, sentencesPerDocument: 30 } },
  // ...and within the budget, which runs them in this process too.
  { label: '2,000 documents, --memory-mb 300', shape: { documents: 2000, sentencesPerDocument: 30 }, args: ['--memory-mb', String(MEMORY_BENCH.budgetMb)] },
];

/**
 * Runs the geocode command and samples what it and its worker processes hold at once (`atOnceMb`, tree-memory.ts):
 * the "peak" its line prints adds each process's own peak, which need not come together.
 */
function geocode(cli: string, args: string[]): Promise<{ stdout: string; stderr: string; status: number | null; atOnceMb: number }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(cli, 'geocode.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = sampleTreePeak(child.pid!);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (status) => done({ stdout, stderr, status, atOnceMb: sampler.stop() }));
  });
}

const { values, positionals } = parseArgs({ options: { baseline: { type: 'string' } }, allowPositionals: true });
const only = positionals.join(' ');
const builds: [string, string][] = [...(values.baseline ? [['baseline', values.baseline] as [string, string]] : []), ['this build', 'build/cli']];
if (cliStale()) buildCli();
// The compact gazetteer is made from the JSON on its first load after a build: here, not in a measured run.
loadCompactGazetteer();
const data = JSON.parse(readFileSync(GAZETTEER_PATH, 'utf8')) as GazetteerData;
const root = mkdtempSync(join(tmpdir(), 'flankline-bench-memory-'));
try {
  console.log(`geocode peak memory (budget ${MEMORY_BENCH.budgetMb} MB; node build/cli/geocode.mjs as npm run geocode runs it; "peak": ` +
    `its line, what it and its workers held at once; "sampled here": the same, sampled by this bench every 50 ms; ` +
    `load average ${loadavg()[0].toFixed(1)}: the machine may be shared, so times are noisy):`);
  for (const [k, { label, shape, args = [] }] of CORPORA.entries()) {
    // `npm run bench:memory -- 2,000`: the baseline and the corpora whose label holds the words given.
    if (k > 0 && only && !label.includes(only)) continue;
    const input = join(root, `in-${k}`);
    mkdirSync(input);
    const inputs = generatedCorpus(data, { ...CORPUS_DEFAULTS, ...shape, seed: MEMORY_BENCH.seed, minPopulation: MEMORY_BENCH.minPopulation });
    let bytes = 0;
    for (const doc of inputs) {
      writeFileSync(join(input, doc.file), doc.bytes);
      bytes += doc.bytes.length;
    }
    for (const [name, cli] of builds) {
      const started = performance.now();
      const run = await geocode(cli, ['--input', input, '--output', join(root, `out-${k}-${name.replace(' ', '-')}/events.geojson`), ...args]);
      const seconds = (performance.now() - started) / 1000;
      // geocode's own figures: what it and its workers held at once, and (with workers) the sum of each process's own peak
      const line = /peak memory (\d+) MB(?: at once, (\d+) MB adding)?/.exec(run.stdout + run.stderr);
      const peakMb = Number(line?.[1] ?? NaN);
      const summed = line?.[2] ? ` (${line[2]} MB adding each process's peak)` : '';
      const status = run.status === 0 || run.status === 1 ? '' : ` (exit ${run.status}: ${run.stderr.split('\n').find((l) => l.includes('geocode:')) ?? ''})`;
      const ranOn = / run on ([^,:]+)/.exec(run.stdout)?.[1] ?? '?';
      const who = builds.length > 1 ? `${name.padEnd(10)} ` : '';
      console.log(`  ${label.padEnd(34)} ${who}${(bytes / 1_048_576).toFixed(1).padStart(5)} MB of text  peak ${peakMb.toFixed(0).padStart(4)} MB  ` +
        `sampled here ${run.atOnceMb.toFixed(0).padStart(4)} MB  ${seconds.toFixed(1).padStart(5)} s  on ${ranOn}${summed}${status}  (load ${loadavg()[0].toFixed(1)})`);
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
