// The pipeline in two parts: processDocument, every per-document stage for one document (a pure map whose result is
// plain data), and the corpus step, the merge over all documents' results (a deterministic reduce). runPipeline runs
// both in memory; scripts/run/ runs the map on worker threads, other machines or from a cache, then the same reduce.
// Pure: the caller reads the files and the gazetteer; this returns everything the CLI writes and reports.
import type { MentionRecord } from '../model/document.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { ManifestEntry } from './manifest.ts';
import type { DateMention, IngestedDocument, PlaceMention, ResolvedMention, Sentence } from './types.ts';
import { PipelineInputError } from './errors.ts';
import { ingest } from './ingest.ts';
import { segment } from './segment.ts';
import { findDates, fullDatesOf } from './date.ts';
import { datelineDay } from './dates/dateline-day.ts';
import { recognise, type RecogniseOptions } from './recognise.ts';
import { resolve, type ResolveOptions } from './resolve.ts';
import { tenseAt } from './language/clauses.ts';
import { DocumentGrammars, type GrammarSource } from './language/grammars.ts';
import { releaseTagger, tagSentences } from './language/tagger.ts';
import { releaseChrono } from './dates/chrono-dates.ts';
import type { EventLexicon } from './lexicon/event-lexicon.ts';
import { extractEvents, type EventCandidate, type UndatedEvent } from './events/extract.ts';
import { merge, type MergedEvent } from './merge.ts';
import type { DocumentMentions } from './write.ts';

export interface PipelineInput {
  file: string;
  bytes: Uint8Array;
  /** The manifest's entry for the file, if the corpus has a manifest that lists it. */
  meta?: ManifestEntry;
}

/** What happened to one document, for the summary and the report. */
export interface DocumentOutcome {
  file: string;
  title: string;
  published: string | null;
  /** The one-line message when the document could not be processed, else null. */
  error: string | null;
  sentences: number;
  contentSentences: number;
  mentionsFound: number;
  mentionsResolved: number;
  dates: number;
  /** Time expressions found, placed in time or not. */
  datesFound: number;
  triggers: number;
  events: EventCandidate[];
  undated: UndatedEvent[];
}

/**
 * One document's share of a run: plain data (no class instances, no shared references needed), so it can cross a
 * worker thread, a queue or a cache file and be merged later. `document` is null when the document was not read.
 */
export interface DocumentResult {
  outcome: DocumentOutcome;
  document: IngestedDocument | null;
  /** Every place mention recognised, resolved or not, for mentions.json; empty when not asked for (withoutMentions). */
  mentions: MentionRecord[];
  /** Set when the document was read without making its mention records (DocumentOptions.mentions false). */
  withoutMentions?: true;
  /** Milliseconds per stage, ingest first, then DOCUMENT_STAGES' order; zeros without a clock. */
  stageMs: number[];
}

export interface StageTiming {
  stage: string;
  ms: number;
  /** A short account of what the stage produced ("412 sentences"). */
  detail: string;
}

export interface PipelineResult {
  /** Documents that were ingested, in input order. */
  documents: IngestedDocument[];
  outcomes: DocumentOutcome[];
  candidates: EventCandidate[];
  events: MergedEvent[];
  mentions: DocumentMentions[];
  timings: StageTiming[];
}

/** What the per-document stages read besides the document, loaded once by the caller (scripts/ reads the files). */
export interface PipelineResources {
  gazetteer: Gazetteer;
  lexicon: EventLexicon;
}

/** How the per-document stages run: plain data, so a worker thread or another machine runs them alike. */
export interface DocumentOptions {
  /** Milliseconds clock for timings; the CLI passes performance.now. Without one, timings are 0. */
  now?: () => number;
  /** Place recognition and resolution options (RECOGNISE_DEFAULTS, RESOLVE_DEFAULTS), e.g. demonyms off. */
  recognise?: RecogniseOptions;
  resolve?: ResolveOptions;
  /**
   * Make the mention records (mentions.json: every place mention with its alternatives); default true. A run that
   * writes no mentions.json says false and saves their memory and time (about a record per sentence in news).
   */
  mentions?: boolean;
  /**
   * Called after each of a document's stages with its length in characters and the stages still to run
   * (scripts/run/memory.ts collects garbage there for a large document: each stage's garbage is then gone before the
   * next one's peak).
   */
  betweenStages?: (textChars: number, stagesLeft: number) => void;
}

export interface PipelineOptions extends DocumentOptions {
  /** Called after each stage, e.g. to print progress. */
  onStage?: (timing: StageTiming) => void;
}

/** What one document carries from stage to stage; each stage reads earlier products and adds its own. */
interface Work {
  doc: IngestedDocument;
  sentences: Sentence[];
  dates: DateMention[];
  recognised: PlaceMention[];
  /** How many place mentions were recognised: counted, as the list goes after the resolve stage in a run without mention records. */
  mentionsFound: number;
  resolved: ResolvedMention[];
  /** The grammar of each content sentence (null for the others), held compactly (language/grammars.ts). */
  grammars: GrammarSource;
  events: EventCandidate[];
  undated: UndatedEvent[];
  /** Event words found in the content, placed or not. */
  predicates: number;
}

/** A step of the per-document pipeline: reads what earlier stages left in the work and adds its own product. */
interface DocumentStage {
  name: string;
  run: (work: Work, resources: PipelineResources, options: DocumentOptions) => void;
}

/**
 * The per-document stages after ingest, in order: the one list to extend. A new stage is one line here (and, if it
 * makes something new, a field of Work); its time is counted and its failure reported like the others'.
 */
export const DOCUMENT_STAGES: readonly DocumentStage[] = [
  { name: 'segment', run: (w) => { w.sentences = segment(w.doc); } },
  { name: 'language', run: (w) => {
    const grammars = new DocumentGrammars(w.sentences.length);
    tagSentences(w.doc.text, w.sentences, w.sentences.map((s) => s.isContent), (i, tokens) => grammars.add(i, tokens));
    w.grammars = grammars.seal();
  } },
  // Dates are read in the tense of their clause, which the grammar gives.
  { name: 'dates', run: (w) => {
    // A document nobody dated (no manifest) is dated by its dateline when it has one, and says so.
    const filed = w.doc.published === null ? datelineDay(w.sentences, (s) => fullDatesOf(s)) : null;
    if (filed) w.doc = { ...w.doc, published: filed, publishedFrom: 'dateline' };
    w.dates = findDates(w.sentences, w.doc.published, undefined, (i, start, end) => {
      const grammar = w.grammars.at(i);
      return grammar ? tenseAt(grammar, start, end) : null;
    });
  } },
  { name: 'recognise', run: (w, r, o) => {
    w.recognised = recognise(w.doc, w.sentences, r.gazetteer, o.recognise);
    w.mentionsFound = w.recognised.length;
  } },
  { name: 'resolve', run: (w, r, o) => {
    const resolved = resolve(w.recognised, w.doc, r.gazetteer, o.resolve);
    // Only the mention records read the runners-up and the mentions as recognised: a run that makes none lets them go
    // before the events stage's peak.
    w.resolved = o.mentions === false ? resolved.map(({ alternatives: _, ...m }) => m) : resolved;
    if (o.mentions === false) w.recognised = [];
  } },
  { name: 'events', run: (w, r) => {
    const found = extractEvents({ doc: w.doc, sentences: w.sentences, grammars: w.grammars, mentions: w.resolved, dates: w.dates, lexicon: r.lexicon, places: r.gazetteer });
    w.events = found.events;
    w.undated = found.undated;
    w.predicates = found.predicates;
  } },
];

/** Every stage a run times and reports, in order: ingest, the per-document stages, then the corpus merge. */
export const STAGE_NAMES: readonly string[] = ['ingest', ...DOCUMENT_STAGES.map((s) => s.name), 'merge'];

/** What the stage lines of a run say each stage produced, from the documents' outcomes. */
const STAGE_DETAILS: Record<string, (sum: (f: (o: DocumentOutcome) => number) => number) => string> = {
  segment: (sum) => count(sum((o) => o.sentences), 'sentence'),
  dates: (sum) => `${count(sum((o) => o.dates), 'date')} placed in time (${sum((o) => o.datesFound)} found)`,
  recognise: (sum) => `${count(sum((o) => o.mentionsFound), 'place mention')} found`,
  resolve: (sum) => `${count(sum((o) => o.mentionsResolved), 'mention')} resolved`,
  language: (sum) => `${count(sum((o) => o.contentSentences), 'sentence')} tagged and parsed`,
  events: (sum) => `${count(sum((o) => o.triggers), 'event word')}, ${count(sum((o) => o.events.length), 'dated event')}, ${sum((o) => o.undated.length)} undated`,
};

export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Lets the language models go (the tagger's, chrono): a run in one process calls it once its documents are done, so
 * the merge and the write do not hold them. They load again on the next document's first use.
 */
export function releaseModels(): void {
  releaseTagger();
  releaseChrono();
}

/** The message a person reads for a document that failed: the file, then the problem, on one line. */
function failure(file: string, stage: string, error: unknown): string {
  if (error instanceof PipelineInputError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `${file}: internal error in ${stage}: ${message.split('\n')[0]}`;
}

function mentionRecords(work: Work): MentionRecord[] {
  const resolvedAt = new Map(work.resolved.map((m) => [`${m.start}:${m.end}`, m]));
  return work.recognised.map((m) => {
    const resolved = resolvedAt.get(`${m.start}:${m.end}`);
    const entry = resolved?.entry ?? null;
    return {
      start: m.start,
      end: m.end,
      text: m.text,
      name: entry ? entry.name : null,
      lat: entry ? entry.lat : null,
      lon: entry ? entry.lon : null,
      country: entry ? entry.country : null,
      id: entry ? entry.id : null,
      confidence: resolved?.confidence ?? 0,
      alternatives: (resolved?.alternatives ?? []).map(({ entry: e, score }) => ({
        id: e.id, name: e.name, lat: e.lat, lon: e.lon, country: e.country, score,
      })),
    };
  });
}

/**
 * One document through every stage. Pure (the clock, if any, is passed in) and self-contained: the result is plain
 * data that survives structured cloning and JSON, so it can be computed in a worker thread or on another machine,
 * cached, and merged later with the corpus. A document that fails is reported in its outcome, never thrown.
 */
export function processDocument(input: PipelineInput, resources: PipelineResources, options: DocumentOptions = {}): DocumentResult {
  const now = options.now ?? (() => 0);
  const outcome = emptyOutcome(input);
  const stageMs = STAGE_NAMES.slice(0, -1).map(() => 0);
  let t0 = now();
  let work: Work;
  try {
    const doc = ingest(input.file, input.bytes, input.meta);
    outcome.title = doc.title;
    work = emptyWork(doc);
  } catch (error) {
    outcome.error = failure(input.file, 'ingest', error);
    return { outcome, document: null, mentions: [], stageMs };
  } finally {
    stageMs[0] = now() - t0;
  }
  for (let i = 0; i < DOCUMENT_STAGES.length; i++) {
    t0 = now();
    try {
      DOCUMENT_STAGES[i].run(work, resources, options);
    } catch (error) {
      outcome.error = failure(input.file, DOCUMENT_STAGES[i].name, error);
      return { outcome, document: null, mentions: [], stageMs };
    } finally {
      stageMs[i + 1] = now() - t0;
    }
    // After the last stage the call waits until the document's working data is let go (below).
    if (i < DOCUMENT_STAGES.length - 1) options.betweenStages?.(work.doc.text.length, DOCUMENT_STAGES.length - 1 - i);
  }
  // The grammars (compact, but still about 25 bytes a token) are read by no later step.
  work.grammars = [];
  Object.assign(outcome, {
    sentences: work.sentences.length,
    contentSentences: work.sentences.filter((s) => s.isContent).length,
    mentionsFound: work.mentionsFound,
    mentionsResolved: work.resolved.filter((m) => m.entry !== null).length,
    dates: work.dates.filter((d) => d.interval !== null).length,
    datesFound: work.dates.length,
    triggers: work.predicates,
    events: work.events,
    undated: work.undated,
    published: work.doc.published,
  });
  const mentions = options.mentions === false ? [] : mentionRecords(work);
  // The working data (sentences, dates, mentions) is garbage from here: the call after the last stage collects it
  // then, so what the caller does next (the merge, the write, the next document) reuses its room.
  const { doc } = work;
  work = emptyWork(doc);
  options.betweenStages?.(doc.text.length, 0);
  if (options.mentions === false) return { outcome, document: doc, mentions, withoutMentions: true, stageMs };
  return { outcome, document: doc, mentions, stageMs };
}

const emptyWork = (doc: IngestedDocument): Work => ({ doc, sentences: [], dates: [], recognised: [], mentionsFound: 0, resolved: [], grammars: [], events: [], undated: [], predicates: 0 });

function emptyOutcome(input: PipelineInput): DocumentOutcome {
  return {
    file: input.file, title: input.meta?.title ?? input.file, published: input.meta?.published ?? null, error: null,
    sentences: 0, contentSentences: 0, mentionsFound: 0, mentionsResolved: 0, dates: 0, datesFound: 0, triggers: 0, events: [], undated: [],
  };
}

/** The result for a document with the same bytes as an earlier one: not read, and its outcome says which it repeats. */
export function duplicateResult(input: PipelineInput, earlierFile: string): DocumentResult {
  const outcome = emptyOutcome(input);
  outcome.error = `${input.file}: same content as ${earlierFile}, which is read instead (a duplicate counts once)`;
  return { outcome, document: null, mentions: [], stageMs: STAGE_NAMES.slice(0, -1).map(() => 0) };
}

/** The event reports of the documents that were read, in input order: what the merge joins. */
export function candidatesOf(results: readonly DocumentResult[]): EventCandidate[] {
  const candidates: EventCandidate[] = [];
  for (const r of results) if (r.outcome.error === null) for (const e of r.outcome.events) candidates.push(e);
  return candidates;
}

/** The corpus step: joins the documents' event reports into events. Deterministic for results in the same order. */
export function mergeDocuments(results: readonly DocumentResult[]): MergedEvent[] {
  return merge(candidatesOf(results));
}

/** FNV-1a over bytes: a cheap key to find candidate duplicates, confirmed byte by byte. */
function bytesKey(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return `${bytes.length}:${h >>> 0}`;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * For each input, the earlier input with exactly the same bytes, if any. A document saved twice under two names
 * is one report: read twice, it would count as two independent sources and raise its events' confidence.
 */
function duplicatesOf(inputs: readonly PipelineInput[]): (string | null)[] {
  const seen = new Map<string, PipelineInput[]>();
  return inputs.map((input) => {
    const key = bytesKey(input.bytes);
    const earlier = seen.get(key)?.find((other) => sameBytes(other.bytes, input.bytes));
    if (earlier) return earlier.file;
    seen.set(key, [...(seen.get(key) ?? []), input]);
    return null;
  });
}

/**
 * The run's result from every document's result (in input order): the merge, the files' inputs and, per stage, the
 * time summed over documents. Each stage's line goes to onStage in order. Every way of running a corpus (here, a
 * worker pool, a queue, a cache) ends here, so they all write the same bytes.
 */
export function assembleRun(results: readonly DocumentResult[], options: PipelineOptions = {}): PipelineResult {
  const now = options.now ?? (() => 0);
  const ok = results.filter((r) => r.outcome.error === null && r.document !== null);
  const sum = (f: (o: DocumentOutcome) => number) => ok.reduce((n, r) => n + f(r.outcome), 0);
  const timings: StageTiming[] = [];
  const report = (timing: StageTiming) => {
    timings.push(timing);
    options.onStage?.(timing);
  };
  const msOf = (i: number) => results.reduce((n, r) => n + (r.stageMs[i] ?? 0), 0);
  report({ stage: 'ingest', ms: msOf(0), detail: `${ok.length} of ${results.length} documents read` });
  for (const [i, stage] of DOCUMENT_STAGES.entries()) report({ stage: stage.name, ms: msOf(i + 1), detail: STAGE_DETAILS[stage.name]?.(sum) ?? '' });
  const candidates = candidatesOf(results);
  const t0 = now();
  const events = merge(candidates);
  report({ stage: 'merge', ms: now() - t0, detail: `${count(events.length, 'event')} after merging ${candidates.length}` });
  return {
    documents: ok.map((r) => r.document!),
    outcomes: results.map((r) => r.outcome),
    candidates,
    events,
    mentions: ok.map((r) => ({ doc: r.outcome.file, mentions: r.mentions })),
    timings,
  };
}

/**
 * Runs every stage over the corpus in memory: each document through processDocument, then the merge. A document that
 * fails is reported in its outcome; the others go on. A document with the same bytes as an earlier one (in input
 * order) is not read, and its outcome says which one it repeats.
 */
export function runPipeline(inputs: readonly PipelineInput[], resources: PipelineResources, options: PipelineOptions = {}): PipelineResult {
  return assembleRun(documentResults(inputs, (input) => processDocument(input, resources, options)), options);
}

/**
 * Each input's result from `run` (processDocument, or a caller's store of earlier results), except a document with the
 * same bytes as an earlier one (in input order), which is not read: its outcome says which one it repeats.
 */
export function documentResults(inputs: readonly PipelineInput[], run: (input: PipelineInput) => DocumentResult): DocumentResult[] {
  const duplicates = duplicatesOf(inputs);
  return inputs.map((input, i) => (duplicates[i] !== null ? duplicateResult(input, duplicates[i]!) : run(input)));
}
