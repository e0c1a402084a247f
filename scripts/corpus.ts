// A corpus folder as the CLI and the workbench read it: its .txt documents with their manifest entries, and its
// corrections.json. Shared by scripts/geocode.ts and scripts/workbench/, so both read one folder the same way.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest, PipelineInputError, type ManifestEntry } from '../src/pipeline/manifest.ts';
import type { PipelineInput } from '../src/pipeline/index.ts';
import { emptyCorrections, parseCorrections, type CorrectionsFile } from '../src/model/correction.ts';

/** A problem with the arguments or the corpus as a whole: nothing can be written. */
export class UsageError extends Error {}

export const CORRECTIONS_NAME = 'corrections.json';

export interface Corpus {
  inputs: PipelineInput[];
  /** Problems outside the pipeline: a manifest entry whose file is missing or unreadable, a file too big to read. */
  problems: string[];
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export function readCorpus(dir: string, maxDocumentMb: number): Corpus {
  if (!existsSync(dir)) throw new UsageError(`${dir}: input folder does not exist`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir}: input is not a folder`);
  const names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.txt') && statSync(join(dir, n)).isFile()).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const manifestPath = join(dir, 'manifest.json');
  let manifest: ManifestEntry[] = [];
  const problems: string[] = [];
  // Documents whose manifest entry is broken: read with a guessed title and no date they would be misplaced in
  // time, so they wait for the manifest to be fixed.
  const badEntries = new Set<string>();
  if (existsSync(manifestPath)) {
    try {
      const reading = readManifest(readFileSync(manifestPath, 'utf8'), manifestPath);
      manifest = reading.entries;
      for (const p of reading.problems) {
        problems.push(p.file ? `${p.message}; ${p.file} is not read until its entry is fixed` : p.message);
        if (p.file) badEntries.add(p.file);
      }
    } catch (error) {
      if (error instanceof PipelineInputError) throw new UsageError(`${error.message}; nothing was read (fix it, or remove it to read the documents without titles and dates)`);
      throw error;
    }
  }
  const byFile = new Map(manifest.map((m) => [m.file, m]));
  const present = new Set(names);
  problems.push(...manifest.filter((m) => !present.has(m.file)).map((m) => `${manifestPath}: lists ${m.file}, which is not in ${dir}`));
  if (names.length === 0) throw new UsageError(`${dir}: no .txt documents to read`);
  const inputs: PipelineInput[] = [];
  for (const file of names) {
    if (badEntries.has(file)) continue;
    const path = join(dir, file);
    const size = statSync(path).size;
    if (size > maxDocumentMb * 1_048_576) {
      problems.push(`${path}: is ${megabytes(size)}, over the ${maxDocumentMb} MB limit for one document; not read (split it, or raise --max-document-mb)`);
      continue;
    }
    try {
      inputs.push({ file, bytes: readFileSync(path), meta: byFile.get(file) });
    } catch (error) {
      problems.push(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  return { inputs, problems };
}

/** The corrections at `path` (none when the file does not exist); a file that cannot be read or parsed throws a UsageError. */
export function readCorrections(path: string): CorrectionsFile {
  if (!existsSync(path)) return emptyCorrections();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const parsed = parseCorrections(text, path);
  if (!parsed.ok) throw new UsageError(`${parsed.error}; nothing was applied (fix it, or move it away to run without corrections)`);
  return parsed.value;
}
