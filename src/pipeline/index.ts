// The pipeline as an ordered list of stages, run over a whole corpus one stage at a time so each can be timed.
// Pure: the caller reads the files and the gazetteer; this returns everything the CLI writes and reports.
import type { MentionRecord } from '../model/document.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { ManifestEntry } from './manifest.ts';
import type { DateMention, IngestedDocument, PlaceMention, ResolvedMention, Sentence } from './types.ts';
import { PipelineInputError } from './errors.ts';
import { ingest } from './ingest.ts';
import { segment } from './segment.ts';
import { findDates } from './date.ts';
import { recognise } from './recognise.ts';
import { resolve } from './resolve.ts';
import { findTriggers, type FoundTrigger } from './trigger.ts';
import { extractEvents, type EventCandidate, type UndatedEvent } from './events.ts';
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
  triggers: number;
  events: EventCandidate[];
  undated: UndatedEvent[];
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

export interface PipelineOptions {
  /** Called after each stage, e.g. to print progress. */
  onStage?: (timing: StageTiming) => void;
  /** Milliseconds clock for timings; the CLI passes performance.now. Without one, timings are 0. */
  now?: () => number;
}

interface Work {
  outcome: DocumentOutcome;
  doc?: IngestedDocument;
  sentences: Sentence[];
  dates: DateMention[];
  recognised: PlaceMention[];
  resolved: ResolvedMention[];
  triggers: FoundTrigger[];
}

export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The message a person reads for a document that failed: the file, then the problem, on one line. */
function failure(file: string, stage: string, error: unknown): string {
  if (error instanceof PipelineInputError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `${file}: internal error in ${stage}: ${message.split('\n')[0]}`;
}

function mentionRecords(work: Work): MentionRecord[] {
  const resolvedAt = new Map(work.resolved.map((m) => [`${m.start}:${m.end}`, m]));
  return work.recognised.map((m) => {
    const entry = resolvedAt.get(`${m.start}:${m.end}`)?.entry ?? null;
    return {
      start: m.start,
      end: m.end,
      text: m.text,
      name: entry ? entry.name : null,
      lat: entry ? entry.lat : null,
      lon: entry ? entry.lon : null,
      country: entry ? entry.country : null,
    };
  });
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
 * Runs every stage over the corpus. A document that fails is reported in its outcome; the others go on. A document
 * with the same bytes as an earlier one (in input order) is not read, and its outcome says which one it repeats.
 */
export function runPipeline(inputs: readonly PipelineInput[], gazetteer: Gazetteer, options: PipelineOptions = {}): PipelineResult {
  const now = options.now ?? (() => 0);
  const timings: StageTiming[] = [];
  const works: Work[] = inputs.map((input) => ({
    outcome: {
      file: input.file, title: input.meta?.title ?? input.file, published: input.meta?.published ?? null, error: null,
      sentences: 0, contentSentences: 0, mentionsFound: 0, mentionsResolved: 0, dates: 0, triggers: 0, events: [], undated: [],
    },
    sentences: [], dates: [], recognised: [], resolved: [], triggers: [],
  }));
  const stage = (name: string, step: (w: Work, doc: IngestedDocument) => void, detail: () => string) => {
    const t0 = now();
    for (const w of works) {
      if (w.outcome.error !== null || !w.doc) continue;
      try {
        step(w, w.doc);
      } catch (error) {
        w.outcome.error = failure(w.outcome.file, name, error);
      }
    }
    const timing = { stage: name, ms: now() - t0, detail: detail() };
    timings.push(timing);
    options.onStage?.(timing);
  };
  const ok = () => works.filter((w) => w.outcome.error === null && w.doc);
  const sum = (f: (w: Work) => number) => ok().reduce((n, w) => n + f(w), 0);

  const t0 = now();
  const duplicates = duplicatesOf(inputs);
  inputs.forEach((input, i) => {
    if (duplicates[i] !== null) {
      works[i].outcome.error = `${input.file}: same content as ${duplicates[i]}, which is read instead (a duplicate counts once)`;
      return;
    }
    try {
      works[i].doc = ingest(input.file, input.bytes, input.meta);
      works[i].outcome.title = works[i].doc!.title;
    } catch (error) {
      works[i].outcome.error = failure(input.file, 'ingest', error);
    }
  });
  const ingested = { stage: 'ingest', ms: now() - t0, detail: `${ok().length} of ${inputs.length} documents read` };
  timings.push(ingested);
  options.onStage?.(ingested);

  stage('segment', (w, doc) => {
    w.sentences = segment(doc);
    w.outcome.sentences = w.sentences.length;
    w.outcome.contentSentences = w.sentences.filter((s) => s.isContent).length;
  }, () => count(sum((w) => w.sentences.length), 'sentence'));
  stage('dates', (w, doc) => {
    w.dates = findDates(w.sentences, doc.published);
    w.outcome.dates = w.dates.filter((d) => d.interval !== null).length;
  }, () => `${count(sum((w) => w.outcome.dates), 'date')} placed in time (${sum((w) => w.dates.length)} found)`);
  stage('recognise', (w, doc) => {
    w.recognised = recognise(doc, w.sentences, gazetteer);
    w.outcome.mentionsFound = w.recognised.length;
  }, () => `${count(sum((w) => w.recognised.length), 'place mention')} found`);
  stage('resolve', (w, doc) => {
    w.resolved = resolve(w.recognised, doc, gazetteer);
    w.outcome.mentionsResolved = w.resolved.filter((m) => m.entry !== null).length;
  }, () => `${count(sum((w) => w.outcome.mentionsResolved), 'mention')} resolved`);
  stage('triggers', (w) => {
    w.triggers = findTriggers(w.sentences);
    w.outcome.triggers = w.triggers.length;
  }, () => count(sum((w) => w.triggers.length), 'event word'));
  stage('events', (w, doc) => {
    const found = extractEvents(doc, w.sentences, w.resolved, w.dates, w.triggers, gazetteer);
    w.outcome.events = found.events;
    w.outcome.undated = found.undated;
  }, () => `${count(sum((w) => w.outcome.events.length), 'dated event')}, ${sum((w) => w.outcome.undated.length)} undated`);

  // What the stages passed each other is not needed once the events are found: dropped here, or a large corpus
  // carries every sentence, date and mention of every document into write() (issue 12: 2,000 documents).
  const mentions = ok().map((w) => ({ doc: w.outcome.file, mentions: mentionRecords(w) }));
  for (const w of works) Object.assign(w, { sentences: [], dates: [], recognised: [], resolved: [], triggers: [] });

  const candidates = ok().flatMap((w) => w.outcome.events);
  const t1 = now();
  const events = merge(candidates);
  const merged = { stage: 'merge', ms: now() - t1, detail: `${count(events.length, 'event')} after merging ${candidates.length}` };
  timings.push(merged);
  options.onStage?.(merged);

  return {
    documents: ok().map((w) => w.doc!),
    outcomes: works.map((w) => w.outcome),
    candidates,
    events,
    mentions,
    timings,
  };
}
