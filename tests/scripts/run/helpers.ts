// Shared by the tests of the geocode command's running part: a generated corpus on disk, the command as a user runs
// it, and the files one run writes, to compare two runs byte for byte.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GAZETTEER_PATH } from '../../../scripts/gazetteer-load.ts';
import type { GazetteerData } from '../../../src/pipeline/gazetteer.ts';
import { CORPUS_DEFAULTS, writeCorpusFolder } from '../../../scripts/bench-corpus.ts';

const made: string[] = [];
export const temp = (prefix = 'flankline-run-') => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
export const removeTemps = () => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
};

let data: GazetteerData | null = null;
/** A folder of `documents` generated news documents with their manifest (scripts/bench-corpus.ts), news density. */
export function generatedFolder(documents: number, seed = CORPUS_DEFAULTS.seed): string {
  data ??= JSON.parse(readFileSync(GAZETTEER_PATH, 'utf8')) as GazetteerData;
  const dir = join(temp(), 'corpus');
  writeCorpusFolder(dir, data, { ...CORPUS_DEFAULTS, documents, seed, eventShare: 0.2, sentencesPerDocument: 12 });
  return dir;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function geocode(args: string[]): Run {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/geocode.ts', ...args], { encoding: 'utf8', timeout: 240_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The arguments that write every output of a run into `out`. */
export const outputsIn = (out: string) => [
  '--output', join(out, 'events.geojson'), '--documents', join(out, 'documents.json'), '--mentions', join(out, 'mentions.json'),
];

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every file a run wrote into `out` (events, bin, parts, documents, mentions), by name, as the SHA-256 of its bytes. */
export function outputsOf(out: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of ['events.geojson', 'events.bin', 'documents.json', 'mentions.json']) files[name] = sha256(join(out, name));
  const parts = join(out, 'events.parts');
  for (const name of existsSync(parts) ? readdirSync(parts).sort() : []) files[`events.parts/${name}`] = sha256(join(parts, name));
  return files;
}

/** "12 documents run on 2 worker processes, 3 documents from the cache (...)": the line's counts. */
export function countsOf(stdout: string): { run: number; cached: number } {
  const run = /(\d+) documents? run on /.exec(stdout);
  const cached = /(\d+) documents? from the cache/.exec(stdout);
  return { run: run ? Number(run[1]) : 0, cached: cached ? Number(cached[1]) : 0 };
}
