// npm run geocode -- --input DIR --output FILE.geojson [--documents FILE.json] [--mentions FILE.json] [--report FILE]
// Reads a folder of news documents, runs the pipeline, writes the event GeoJSON and the documents the app shows.
// Exit codes: 0 all fine, 1 written but some documents failed, 2 nothing written (bad arguments or input),
// 3 internal error.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGazetteer } from '../src/pipeline/gazetteer-load.ts';
import { parseManifest, PipelineInputError, type ManifestEntry } from '../src/pipeline/manifest.ts';
import { runPipeline, type PipelineInput } from '../src/pipeline/index.ts';
import { write } from '../src/pipeline/write.ts';
import { report, summarise, summaryLine } from '../src/pipeline/report.ts';

const USAGE =
  'usage: npm run geocode -- [--input DIR] [--output FILE.geojson] [--documents FILE.json] [--mentions FILE.json] [--report FILE.md] [--debug]';

interface Args {
  input: string;
  output: string;
  documents: string;
  mentions: string | null;
  report: string | null;
  debug: boolean;
}

/** A problem with the arguments or the corpus as a whole: nothing can be written. */
class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { input: 'seeds', output: 'public/data/events.geojson', documents: 'public/data/documents.json', mentions: null, report: null, debug: false };
  const valued: Record<string, keyof Args> = { '--input': 'input', '--output': 'output', '--documents': 'documents', '--mentions': 'mentions', '--report': 'report' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    if (flag === '--debug') args.debug = true;
    else if (flag === '--help' || flag === '-h') throw new UsageError('help');
    else if (flag in valued) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      (args as unknown as Record<string, unknown>)[valued[flag]] = value;
    } else throw new UsageError(flag.startsWith('-') ? `unknown option ${flag}` : `unexpected argument ${flag}`);
  }
  return args;
}

/** Writes next to the target and renames, so a reader never sees half a file. */
function writeAtomically(path: string, content: string): void {
  mkdirSync(dirname(resolvePath(path)), { recursive: true });
  const temp = join(dirname(resolvePath(path)), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

interface Corpus {
  inputs: PipelineInput[];
  /** Problems that concern no readable document (a manifest entry whose file is missing). */
  problems: string[];
}

function readCorpus(dir: string): Corpus {
  if (!existsSync(dir)) throw new UsageError(`${dir}: input folder does not exist`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir}: input is not a folder`);
  const names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.txt') && statSync(join(dir, n)).isFile()).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const manifestPath = join(dir, 'manifest.json');
  let manifest: ManifestEntry[] = [];
  if (existsSync(manifestPath)) {
    try {
      manifest = parseManifest(readFileSync(manifestPath, 'utf8'), manifestPath);
    } catch (error) {
      if (error instanceof PipelineInputError) throw new UsageError(error.message);
      throw error;
    }
  }
  const byFile = new Map(manifest.map((m) => [m.file, m]));
  const present = new Set(names);
  const problems = manifest.filter((m) => !present.has(m.file)).map((m) => `${manifestPath}: lists ${m.file}, which is not in ${dir}`);
  if (names.length === 0) throw new UsageError(`${dir}: no .txt documents to read`);
  const inputs = names.map((file) => ({ file, bytes: readFileSync(join(dir, file)), meta: byFile.get(file) }));
  return { inputs, problems };
}

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
  const corpus = readCorpus(args.input);
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
    console.error('geocode: nothing written: no document could be read');
    return 2;
  }
  const files = write(result.events, result.documents, result.mentions);
  for (const line of files.dropped) console.error(`geocode: event left out, it breaks the data contract: ${line}`);
  const outputs: [string | null, string][] = [
    [args.output, files.events],
    [args.documents, files.documents],
    [args.mentions, files.mentions],
    [args.report, args.report ? report(result, corpus.problems) : ''],
  ];
  for (const [path, content] of outputs) {
    if (!path) continue;
    try {
      writeAtomically(path, content);
    } catch (error) {
      console.error(`geocode: cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  const summary = summarise(result, corpus.problems.length);
  console.log(`geocode: ${summaryLine(summary)}`);
  console.log(`geocode: wrote ${[args.output, args.documents, args.mentions, args.report].filter(Boolean).join(', ')} in ${Math.round(performance.now() - started)} ms`);
  return failures.length || files.dropped.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
