// npm run geocode -- --input DIR --output FILE.geojson [--documents FILE.json] [--mentions FILE.json] [--report FILE]
// Reads a folder of news documents, runs the pipeline, writes the event GeoJSON and the documents the app shows, and
// beside the GeoJSON its columnar form (events.bin) and detail parts (events.parts/) for the app's large mode.
// Exit codes: 0 all fine, 1 written but some documents were not read (each named on stderr), 2 nothing written
// (bad arguments or input), 3 internal error. docs/hardening.md lists every bad input and what it gets.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGazetteer } from '../src/pipeline/gazetteer-load.ts';
import { readManifest, PipelineInputError, type ManifestEntry } from '../src/pipeline/manifest.ts';
import { count, runPipeline, type PipelineInput } from '../src/pipeline/index.ts';
import { write } from '../src/pipeline/write.ts';
import { binPathOf, partsDirOf } from '../src/scale/parts.ts';
import { markupSpans } from '../src/pipeline/boilerplate.ts';
import { report, summarise, summaryLine, whyNothing } from '../src/pipeline/report.ts';
import { printable } from '../src/util/text.ts';
import { isSymbolicLink, listDocuments, readDocument } from './corpus-files.ts';
import { checkOutputPaths, OutputSetError, writeOutputSet, type OutputContent, type OutputRole, type PlannedOutput } from './output-set.ts';

const USAGE =
  'usage: npm run geocode -- [--input DIR] [--output FILE.geojson] [--documents FILE.json] [--mentions FILE.json] [--report FILE.md] [--max-document-mb N] [--follow-symlinks] [--debug]';

export const GEOCODE_DEFAULTS = {
  /**
   * Largest document read, in MB. A news article is tens of kB; one 4.8 MB document of dense wire sentences peaks at
   * about 520 MB (docs/hardening.md, "Memory"; npm run bench:pipeline), growing linearly, so 50 MB would need minutes
   * and gigabytes. A bigger file is named and skipped, never read into memory, and the other documents go on.
   */
  maxDocumentMb: 5,
};

interface Args {
  input: string;
  output: string;
  documents: string;
  mentions: string | null;
  report: string | null;
  debug: boolean;
  maxDocumentMb: number;
  /** Read `.txt` symbolic links (and a linked manifest.json) wherever they point; off, each is named and skipped. */
  followSymlinks: boolean;
}

/** A problem with the arguments or the corpus as a whole: nothing can be written. */
class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { input: 'seeds', output: 'public/data/events.geojson', documents: '', mentions: null, report: null, debug: false, maxDocumentMb: GEOCODE_DEFAULTS.maxDocumentMb, followSymlinks: false };
  const valued: Record<string, keyof Args> = { '--input': 'input', '--output': 'output', '--documents': 'documents', '--mentions': 'mentions', '--report': 'report' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    if (flag === '--debug') args.debug = true;
    else if (flag === '--follow-symlinks') args.followSymlinks = true;
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
  // The app reads documents.json beside the events file: that is where it goes unless told otherwise.
  args.documents ||= join(dirname(args.output), 'documents.json');
  return args;
}

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

interface Corpus {
  inputs: PipelineInput[];
  /** Problems outside the pipeline: a manifest entry whose file is missing or unreadable, a file too big to read. */
  problems: string[];
  /** Documents in the folder that were not read (the rest of `problems` concern the manifest, not a document). */
  unread: number;
  /** Things the reader should know that are not problems (a manifest title cut to length). */
  notes: string[];
}

function readCorpus(dir: string, maxDocumentMb: number, followSymlinks: boolean): Corpus {
  if (!existsSync(dir)) throw new UsageError(`${dir}: input folder does not exist`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir}: input is not a folder`);
  const listing = listDocuments(dir);
  const names = listing.names;
  const manifestPath = join(dir, 'manifest.json');
  let manifest: ManifestEntry[] = [];
  const problems: string[] = [...listing.problems];
  const notes: string[] = [];
  let unread = 0;
  // Documents whose manifest entry is broken: read with a guessed title and no date they would be misplaced in
  // time, so they wait for the manifest to be fixed.
  const badEntries = new Set<string>();
  if (!followSymlinks && isSymbolicLink(manifestPath)) {
    throw new UsageError(`${manifestPath}: is a symbolic link; not read, links are not followed (pass --follow-symlinks to read it); nothing was read`);
  }
  if (existsSync(manifestPath)) {
    try {
      const reading = readManifest(readFileSync(manifestPath, 'utf8'), manifestPath);
      manifest = reading.entries;
      for (const note of reading.notes) notes.push(note);
      for (const p of reading.problems) {
        problems.push(p.file ? `${p.message}; ${printable(p.file)} is not read until its entry is fixed` : p.message);
        if (p.file) badEntries.add(p.file);
      }
    } catch (error) {
      if (error instanceof PipelineInputError) throw new UsageError(`${error.message}; nothing was read (fix it, or remove it to read the documents without titles and dates)`);
      throw error;
    }
  }
  const byFile = new Map(manifest.map((m) => [m.file, m]));
  const present = new Set(names);
  // One push per entry: a spread of a list this long (a manifest of 200,000 missing files) overflows the stack.
  for (const m of manifest) if (!present.has(m.file)) problems.push(`${manifestPath}: lists ${printable(m.file)}, which is not in ${dir}`);
  if (names.length === 0) throw new UsageError(`${dir}: no .txt documents to read`);
  const inputs: PipelineInput[] = [];
  for (const file of names) {
    if (badEntries.has(file)) {
      unread++;
      continue;
    }
    const read = readDocument(dir, file, { followSymlinks, maxDocumentMb });
    if ('problem' in read) {
      problems.push(read.problem);
      unread++;
    } else inputs.push({ file, bytes: read.bytes, meta: byFile.get(file) });
  }
  return { inputs, problems, unread, notes };
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

/** Every file this run writes, and the option that named it (scripts/output-set.ts writes them as one set). */
function plannedOutputs(args: Args): PlannedOutput[] {
  return [
    { role: 'events', flag: '--output', path: args.output },
    { role: 'bin', flag: '--output', path: binPathOf(args.output) },
    { role: 'parts', flag: '--output', path: partsDirOf(args.output) },
    { role: 'documents', flag: '--documents', path: args.documents },
    ...(args.mentions ? [{ role: 'mentions' as const, flag: '--mentions', path: args.mentions }] : []),
    ...(args.report ? [{ role: 'report' as const, flag: '--report', path: args.report }] : []),
  ];
}

function run(args: Args): number {
  const started = performance.now();
  // Before any work: paths that clash are refused now, not after minutes of reading.
  try {
    checkOutputPaths(plannedOutputs(args));
  } catch (error) {
    if (error instanceof OutputSetError) throw new UsageError(error.message);
    throw error;
  }
  const corpus = readCorpus(args.input, args.maxDocumentMb, args.followSymlinks);
  for (const note of corpus.notes) console.log(`geocode: note: ${note}`);
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
    if (markupSpans(doc.text).length > 0) console.log(`geocode: note: ${printable(doc.file)}: holds HTML markup; its tags, scripts and styles are skipped, only the text between them is read`);
  }
  // Read but without events: not an error, but the reader should know why the map is emptier than expected.
  for (const o of result.outcomes) {
    if (o.error === null && o.events.length === 0) console.log(`geocode: note: ${printable(o.file)}: nothing on the timeline: ${whyNothing(o)}`);
  }
  const files = write(result.events, result.documents, result.mentions);
  for (const line of files.dropped) console.error(`geocode: event left out, it breaks the data contract: ${line}`);
  const binPath = binPathOf(args.output);
  const partsPath = partsDirOf(args.output);
  const contents: Record<OutputRole, () => OutputContent> = {
    events: () => ({ chunks: files.eventsChunks() }), bin: () => files.bin, documents: () => files.documents, mentions: () => files.mentions,
    parts: () => ({ folder: (function* () { for (const p of files.parts) yield { name: p.name, content: p.json }; })() }),
    report: () => report(result, corpus.problems, corpus.unread),
  };
  const outputs = plannedOutputs(args).map((o) => ({ ...o, content: contents[o.role]() }));
  try {
    writeOutputSet(outputs, (line) => console.log(`geocode: ${line}`));
  } catch (error) {
    if (!(error instanceof OutputSetError)) throw error;
    console.error(`geocode: ${error.message}`);
    return 2;
  }
  const summary = summarise(result, corpus.unread, corpus.problems.length - corpus.unread);
  console.log(`geocode: ${summaryLine(summary)}`);
  const written = [
    args.output, `${binPath} (${count(files.eventCount, 'event')}, ${kilobytes(files.bin.byteLength)})`, `${partsPath} (${count(files.partCount, 'file')})`,
    args.documents, args.mentions, args.report,
  ];
  console.log(`geocode: wrote ${written.filter(Boolean).join(', ')} in ${Math.round(performance.now() - started)} ms`);
  return failures.length || files.dropped.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
