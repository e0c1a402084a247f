// npm run geocode -- --input DIR --output FILE.geojson [--documents FILE.json] [--mentions FILE.json] [--report FILE]
// Reads a folder of news documents (or a .jsonl/.csv file of articles), runs the pipeline on every core (or on a
// queue's workers), writes the event GeoJSON and the documents the app shows, and beside the GeoJSON the form the app
// reads: events.bin (columns), events.posture.bin and events.text.bin (compact tables for the posture and the search)
// and events.parts/ (the full features, a thousand a file). Results are cached per document (scripts/run/,
// docs/scale.md), so a re-run reads only new and changed documents. The corpus's corrections.json (written by the
// workbench, docs/workbench.md; or --corrections FILE) is applied, and a correction that no longer fits its document
// is named, never dropped.
// Exit codes: 0 all fine, 1 written but some documents were not read (each named on stderr; a document that killed two
// worker processes is one), 2 nothing written (bad arguments or input), 3 internal error, 4 nothing written: worker
// processes could not start, or died on every document (named); one that dies mid-run has its batches run again.
// docs/hardening.md lists every bad input and what it gets.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PipelineInputError } from '../src/pipeline/manifest.ts';
import { assembleRun, count } from '../src/pipeline/index.ts';
import { runArgs, runDocuments, type RunArgs } from './run/cli.ts';
import { WorkerFailure } from './run/pool.ts';
import { DEFAULT_SETTINGS } from './run/resources.ts';
import { applyCorrections } from '../src/pipeline/corrections.ts';
import { CORRECTIONS_NAME, readCorrections, UsageError } from './corpus.ts';
import { orphanLine, orphansSection } from './corrections-report.ts';
import { write } from '../src/pipeline/write.ts';
import { binPathOf, partsDirOf, posturePathOf, textPathOf } from '../src/model/parts.ts';
import { markupSpans } from '../src/pipeline/boilerplate.ts';
import { report, summarise, summaryLine, whyNothing } from '../src/pipeline/report.ts';
import { printable } from '../src/util/text.ts';
import { corpusInfoOfInput, corpusJson } from './corpus-info.ts';
import { runPeakMb, sampleTreePeak } from './run/tree-memory.ts';
import { checkOutputPaths, OutputSetError, writeOutputSet, type OutputContent, type OutputRole, type PlannedOutput } from './output-set.ts';

const USAGE =
  'usage: npm run geocode -- [--input DIR|FILE.jsonl|FILE.csv] [--output FILE.geojson] [--documents FILE.json] [--mentions FILE.json] [--report FILE.md] [--corrections FILE.json] [--min-confidence 0-1] ' +
  '[--max-document-mb N] [--follow-symlinks] [--workers N | --processes N] [--memory-mb N] [--queue redis://HOST:PORT] [--batch-size N] [--cache DIR | --no-cache] [--convention geonames|factbook|centroid] ' +
  '[--no-demonyms] [--debug]';

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
  /** '' until parsed: documents.json beside the output. */
  documents: string;
  mentions: string | null;
  /** null: corrections.json in the input folder, when there is one. */
  corrections: string | null;
  report: string | null;
  /** Events below this confidence (0-1) are left out of the outputs; 0 keeps every event. */
  minConfidence: number;
  debug: boolean;
  maxDocumentMb: number;
  /** Read `.txt` symbolic links (and a linked manifest.json) wherever they point; off, each is named and skipped. */
  followSymlinks: boolean;
  run: RunArgs;
}


function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    input: 'seeds', output: 'public/data/events.geojson', documents: '', mentions: null, corrections: null, report: null, minConfidence: 0, debug: false,
    maxDocumentMb: GEOCODE_DEFAULTS.maxDocumentMb, followSymlinks: false, run: { workers: null, queue: null, cache: undefined, batchSize: null, settings: DEFAULT_SETTINGS },
  };
  const valued: Record<string, keyof Args> = { '--input': 'input', '--output': 'output', '--documents': 'documents', '--mentions': 'mentions', '--report': 'report', '--corrections': 'corrections' };
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
    else if (flag === '--min-confidence') {
      const value = inline ?? argv[++i];
      if (value === undefined || !/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(value)) throw new UsageError(`--min-confidence needs a number from 0 to 1, like 0.5 (got ${value ?? 'nothing'})`);
      args.minConfidence = Number(value);
    }
    else if (runArgs(flag, () => inline ?? argv[++i], args.run, (message) => new UsageError(message))) continue;
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

async function main(argv: readonly string[]): Promise<number> {
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
    return await run(args);
  } catch (error) {
    if (error instanceof UsageError || error instanceof PipelineInputError) {
      console.error(`geocode: ${error.message}`);
      if (error instanceof UsageError) console.error(USAGE);
      return 2;
    }
    if (error instanceof WorkerFailure) {
      console.error(`geocode: nothing written: ${error.message}; the previous output files are unchanged`);
      return 4;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`geocode: internal error: ${message}`);
    if (args.debug && error instanceof Error && error.stack) console.error(error.stack);
    return 3;
  }
}

/** corpus.json beside the events file, where the app looks for it (as for documents.json). */
const corpusPathOf = (output: string) => join(dirname(output), 'corpus.json');

/** Every file this run writes, and the option that named it (scripts/output-set.ts writes them as one set). */
function plannedOutputs(args: Args): PlannedOutput[] {
  return [
    { role: 'events', flag: '--output', path: args.output },
    { role: 'bin', flag: '--output', path: binPathOf(args.output) },
    { role: 'posture', flag: '--output', path: posturePathOf(args.output) },
    { role: 'text', flag: '--output', path: textPathOf(args.output) },
    { role: 'parts', flag: '--output', path: partsDirOf(args.output) },
    { role: 'documents', flag: '--documents', path: args.documents },
    { role: 'corpus', flag: '--output', path: corpusPathOf(args.output) },
    ...(args.mentions ? [{ role: 'mentions' as const, flag: '--mentions', path: args.mentions }] : []),
    ...(args.report ? [{ role: 'report' as const, flag: '--report', path: args.report }] : []),
  ];
}

async function run(args: Args): Promise<number> {
  const started = performance.now();
  const memory = sampleTreePeak(process.pid, 100);
  const correctionsPath = args.corrections ?? join(args.input, CORRECTIONS_NAME);
  if (args.corrections !== null && !existsSync(correctionsPath)) throw new UsageError(`${correctionsPath}: corrections file does not exist`);
  const corrections = readCorrections(correctionsPath);
  // Before any work: paths that clash are refused now, not after minutes of reading.
  try {
    checkOutputPaths(plannedOutputs(args));
  } catch (error) {
    if (error instanceof OutputSetError) throw new UsageError(error.message);
    throw error;
  }
  const documents = await runDocuments({
    input: args.input, output: args.output, maxDocumentMb: args.maxDocumentMb, followSymlinks: args.followSymlinks, keepMentions: args.mentions !== null, run: args.run,
    log: (line) => console.log(`geocode: ${line}`), warn: (line) => console.error(`geocode: ${line}`), usage: (message) => new UsageError(message),
  });
  const result = assembleRun(documents.results, {
    now: () => performance.now(),
    onStage: (t) => console.log(`geocode: ${t.stage.padEnd(9)} ${String(Math.round(t.ms)).padStart(6)} ms  ${t.detail}`),
  });
  // The corpus's title from its manifest: a bad one is said and left out, the map then makes one from the data.
  const corpus = corpusInfoOfInput(args.input, args.followSymlinks);
  for (const problem of corpus.problems) console.error(`geocode: ${problem}`);
  const failures = [...documents.problems, ...result.outcomes.filter((o) => o.error !== null).map((o) => o.error!)];
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
  const corrected = applyCorrections(result.events, result.documents, corrections.corrections);
  if (corrections.corrections.length) console.log(`geocode: ${count(corrected.applied, 'correction')} applied from ${correctionsPath}`);
  for (const orphan of corrected.orphans) console.error(`geocode: ${orphanLine(orphan)}`);
  // An event a person accepted, added or corrected stays whatever the machine's confidence
  const kept = corrected.events.filter((e) => e.confidence >= args.minConfidence || (e.review !== undefined && e.review.state !== 'rejected'));
  if (kept.length < corrected.events.length) console.log(`geocode: ${count(corrected.events.length - kept.length, 'event')} below confidence ${args.minConfidence} left out (--min-confidence)`);
  const files = write(kept, result.documents, result.mentions);
  for (const line of files.dropped) console.error(`geocode: event left out, it breaks the data contract: ${line}`);
  const binPath = binPathOf(args.output);
  const partsPath = partsDirOf(args.output);
  const contents: Record<OutputRole, () => OutputContent> = {
    events: () => ({ chunks: files.eventsChunks() }), bin: () => files.bin, posture: () => files.posture, text: () => files.text,
    documents: () => files.documents, mentions: () => files.mentions, corpus: () => corpusJson(corpus.info),
    parts: () => ({ folder: (function* () { for (const p of files.parts) yield { name: p.name, content: p.json }; })() }),
    report: () => report(result, documents.problems, documents.unread) + orphansSection(corrected.orphans),
  };
  const outputs = plannedOutputs(args).map((o) => ({ ...o, content: contents[o.role]() }));
  try {
    writeOutputSet(outputs, (line) => console.log(`geocode: ${line}`));
  } catch (error) {
    if (!(error instanceof OutputSetError)) throw error;
    console.error(`geocode: ${error.message}`);
    return 2;
  }
  documents.pruneCache();
  const summary = summarise(result, documents.unread, documents.problems.length - documents.unread);
  console.log(`geocode: ${summaryLine(summary)}`);
  const written = [
    args.output, `${binPath} (${count(files.eventCount, 'event')}, ${kilobytes(files.bin.byteLength)})`, posturePathOf(args.output),
    textPathOf(args.output), `${partsPath} (${count(files.partCount, 'file')})`,
    args.documents, corpusPathOf(args.output), args.mentions, args.report,
  ];
  // What this process and its worker processes held at once (sampled); adding each one's own peak overstates it.
  const peak = runPeakMb(memory.stop(), process.resourceUsage().maxRSS / 1024, documents.workersPeakMb);
  const peakLine = documents.workersPeakMb > 0 ? `${Math.round(peak.atOnce)} MB at once, ${Math.round(peak.summed)} MB adding each process's peak` : `${Math.round(peak.atOnce)} MB`;
  console.log(`geocode: wrote ${written.filter(Boolean).join(', ')} in ${Math.round(performance.now() - started)} ms (peak memory ${peakLine})`);
  return failures.length || files.dropped.length ? 1 : 0;
}

// A run that stops with work still awaited (a promise nothing will settle) would end with Node's code 13 and no word:
// it is named, and counted an internal error, instead.
let settled = false;
process.on('exit', () => {
  if (settled) return;
  console.error('geocode: internal error: the run stopped with work still awaited and nothing left to do it; nothing written');
  process.exitCode = 3;
});
try {
  process.exitCode = await main(process.argv.slice(2));
} finally {
  settled = true;
}
