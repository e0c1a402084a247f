// npm run geocode -- --input DIR --output FILE.geojson [--documents FILE.json] [--mentions FILE.json] [--report FILE]
//   [--corrections FILE.json]
// Reads a folder of news documents, runs the pipeline, writes the event GeoJSON and the documents the app shows, and
// beside the GeoJSON its columnar form (events.bin) and detail parts (events.parts/) for the app's large mode.
// documents.json goes beside the GeoJSON unless --documents says otherwise; the corpus's corrections.json (written by
// the workbench, docs/workbench.md) is applied, and a correction that no longer fits its document is named, never dropped.
// Exit codes: 0 all fine, 1 written but some documents were not read (each named on stderr), 2 nothing written
// (bad arguments or input), 3 internal error. docs/hardening.md lists every bad input and what it gets.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGazetteer } from '../src/pipeline/gazetteer-load.ts';
import { PipelineInputError } from '../src/pipeline/manifest.ts';
import { count, runPipeline } from '../src/pipeline/index.ts';
import { applyCorrections } from '../src/pipeline/corrections.ts';
import { CORRECTIONS_NAME, readCorpus, readCorrections, UsageError } from './corpus.ts';
import { orphanLine, orphansSection } from './corrections-report.ts';
import { write } from '../src/pipeline/write.ts';
import { binPathOf, partsDirOf } from '../src/scale/parts.ts';
import { markupSpans } from '../src/pipeline/boilerplate.ts';
import { report, summarise, summaryLine, whyNothing } from '../src/pipeline/report.ts';

const USAGE =
  'usage: npm run geocode -- [--input DIR] [--output FILE.geojson] [--documents FILE.json] [--mentions FILE.json] [--report FILE.md] [--corrections FILE.json] [--max-document-mb N] [--debug]';

export const GEOCODE_DEFAULTS = {
  /**
   * Largest document read, in MB. A news article is tens of kB; measured on this machine, one 5 MB document (44,000
   * sentences) takes about 10 s and 570 MB of memory, and both grow linearly, so 50 MB would need minutes and
   * gigabytes. A bigger file is named and skipped, never read into memory, and the other documents go on.
   */
  maxDocumentMb: 5,
};

interface Args {
  input: string;
  output: string;
  /** null: documents.json beside the output. */
  documents: string | null;
  mentions: string | null;
  /** null: corrections.json in the input folder, when there is one. */
  corrections: string | null;
  report: string | null;
  debug: boolean;
  maxDocumentMb: number;
}


function parseArgs(argv: readonly string[]): Args {
  const args: Args = { input: 'seeds', output: 'public/data/events.geojson', documents: null, mentions: null, corrections: null, report: null, debug: false, maxDocumentMb: GEOCODE_DEFAULTS.maxDocumentMb };
  const valued: Record<string, keyof Args> = { '--input': 'input', '--output': 'output', '--documents': 'documents', '--mentions': 'mentions', '--report': 'report', '--corrections': 'corrections' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    if (flag === '--debug') args.debug = true;
    else if (flag === '--help' || flag === '-h') throw new UsageError('help');
    else if (flag === '--max-document-mb') {
      const value = inline ?? argv[++i];
      if (value === undefined || !(Number(value) > 0)) throw new UsageError('--max-document-mb needs a number of megabytes above 0');
      args.maxDocumentMb = Number(value);
    }
    else if (flag in valued) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      (args as unknown as Record<string, unknown>)[valued[flag]] = value;
    } else throw new UsageError(flag.startsWith('-') ? `unknown option ${flag}` : `unexpected argument ${flag}`);
  }
  return args;
}

const tempPath = (path: string, pid: number) => join(dirname(resolvePath(path)), `.${basename(path)}.${pid}.tmp`);

/** Removes temp files (and folders) a killed run left beside `path` (their pid no longer runs); a live run's are left alone. */
function sweepStaleTemps(path: string): void {
  const dir = dirname(resolvePath(path));
  if (!existsSync(dir)) return;
  const prefix = `.${basename(path)}.`;
  for (const name of readdirSync(dir)) {
    const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? Number(name.slice(prefix.length, -4)) : NaN;
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(dir, name), { force: true, recursive: true });
    }
  }
}

/** A file's content, or a folder's files by name (the folder is replaced whole: no file of an earlier run stays). */
type Output = string | Uint8Array | { folder: readonly { name: string; content: string }[] };

/** Where a folder being replaced is moved while the new one is renamed into place. */
const previousPath = (path: string, pid: number) => tempPath(`${path}.previous`, pid);

/**
 * Writes every file (or folder) to a temp path beside its target, and only when all are written renames them into
 * place, so a failed or interrupted run leaves the previous files whole and matching each other (a rename is atomic
 * on one file system; a folder is swapped by two renames, the old one moved aside first because rename cannot
 * replace a folder that has files). On failure the temp files are removed; a run killed outright leaves its temp
 * file, which the next run removes.
 */
function writeAllAtomically(files: readonly [string, Output][]): void {
  const temps: string[] = [];
  try {
    for (const [path, content] of files) {
      const temp = tempPath(path, process.pid);
      try {
        mkdirSync(dirname(resolvePath(path)), { recursive: true });
        sweepStaleTemps(path);
        if (typeof content === 'object' && 'folder' in content) sweepStaleTemps(`${path}.previous`);
        temps.push(temp);
        if (typeof content === 'object' && 'folder' in content) {
          mkdirSync(temp);
          for (const file of content.folder) writeFileSync(join(temp, file.name), file.content);
        } else writeFileSync(temp, content);
      } catch (error) {
        throw new UsageError(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}; the previous files are unchanged`);
      }
    }
    files.forEach(([path, content], i) => {
      try {
        if (typeof content === 'object' && 'folder' in content && existsSync(path)) {
          const previous = previousPath(path, process.pid);
          renameSync(path, previous);
          renameSync(temps[i], path);
          rmSync(previous, { recursive: true, force: true });
        } else renameSync(temps[i], path);
      } catch (error) {
        throw new UsageError(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  } catch (error) {
    for (const temp of temps) rmSync(temp, { force: true, recursive: true });
    throw error;
  }
}

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

function main(argv: readonly string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message === 'help') {
      console.log(USAGE);
      return 0;
    }
    console.error(`geocode: ${error.message}\n${USAGE}`);
    return 2;
  }
  try {
    return run(args);
  } catch (error) {
    if (error instanceof UsageError || error instanceof PipelineInputError) {
      console.error(`geocode: ${error.message}`);
      if (error instanceof UsageError) console.error(USAGE);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`geocode: internal error: ${message}`);
    if (args.debug && error instanceof Error && error.stack) console.error(error.stack);
    return 3;
  }
}

function run(args: Args): number {
  const started = performance.now();
  const corpus = readCorpus(args.input, args.maxDocumentMb);
  const correctionsPath = args.corrections ?? join(args.input, CORRECTIONS_NAME);
  if (args.corrections !== null && !existsSync(correctionsPath)) throw new UsageError(`${correctionsPath}: corrections file does not exist`);
  const corrections = readCorrections(correctionsPath);
  const documentsPath = args.documents ?? join(dirname(args.output), 'documents.json');
  console.log(`geocode: ${corpus.inputs.length} documents in ${args.input}`);
  const t0 = performance.now();
  let gazetteer;
  try {
    gazetteer = loadGazetteer();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  console.log(`geocode: gazetteer loaded in ${Math.round(performance.now() - t0)} ms (${gazetteer.size} entries)`);
  const result = runPipeline(corpus.inputs, gazetteer, {
    now: () => performance.now(),
    onStage: (t) => console.log(`geocode: ${t.stage.padEnd(9)} ${String(Math.round(t.ms)).padStart(6)} ms  ${t.detail}`),
  });
  const failures = [...corpus.problems, ...result.outcomes.filter((o) => o.error !== null).map((o) => o.error!)];
  for (const message of failures) console.error(`geocode: ${message}`);
  if (result.documents.length === 0) {
    console.error('geocode: nothing written: no document could be read; the previous output files are unchanged');
    return 2;
  }
  for (const doc of result.documents) {
    if (markupSpans(doc.text).length > 0) console.log(`geocode: note: ${doc.file}: holds HTML markup; its tags, scripts and styles are skipped, only the text between them is read`);
  }
  // Read but without events: not an error, but the reader should know why the map is emptier than expected.
  for (const o of result.outcomes) {
    if (o.error === null && o.events.length === 0) console.log(`geocode: note: ${o.file}: nothing on the timeline: ${whyNothing(o)}`);
  }
  const corrected = applyCorrections(result.events, result.documents, corrections.corrections);
  if (corrections.corrections.length) console.log(`geocode: ${count(corrected.applied, 'correction')} applied from ${correctionsPath}`);
  for (const orphan of corrected.orphans) console.error(`geocode: ${orphanLine(orphan)}`);
  const files = write(corrected.events, result.documents, result.mentions);
  for (const line of files.dropped) console.error(`geocode: event left out, it breaks the data contract: ${line}`);
  const binPath = binPathOf(args.output);
  const partsPath = partsDirOf(args.output);
  const outputs: [string | null, Output][] = [
    [args.output, files.events],
    [binPath, files.bin],
    [partsPath, { folder: files.parts.map((p) => ({ name: p.name, content: p.json })) }],
    [documentsPath, files.documents],
    [args.mentions, files.mentions],
    [args.report, args.report ? report(result, corpus.problems) + orphansSection(corrected.orphans) : ''],
  ];
  try {
    writeAllAtomically(outputs.filter((o): o is [string, Output] => o[0] !== null));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`geocode: ${error.message}`);
    return 2;
  }
  const summary = summarise(result, corpus.problems.length);
  console.log(`geocode: ${summaryLine(summary)}`);
  const written = [
    args.output, `${binPath} (${count(files.eventCount, 'event')}, ${kilobytes(files.bin.byteLength)})`, `${partsPath} (${count(files.parts.length, 'file')})`,
    documentsPath, args.mentions, args.report,
  ];
  console.log(`geocode: wrote ${written.filter(Boolean).join(', ')} in ${Math.round(performance.now() - started)} ms`);
  return failures.length || files.dropped.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
