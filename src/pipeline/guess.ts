// The pipeline's best guess for an event an analyst adds by selecting text in a document: the place, date and kind
// of event the stages find inside the selection, to fill the workbench's form. Pure: the resources are passed in.
import type { Category, Precision } from '../model/event.ts';
import type { SourceDocument } from '../model/document.ts';
import type { GazetteerEntry } from './types.ts';
import { findBoilerplate } from './boilerplate.ts';
import { segment } from './segment.ts';
import { findDates } from './date.ts';
import { recognise } from './recognise.ts';
import { resolve } from './resolve.ts';
import { processDocument, type PipelineResources } from './index.ts';

export interface EventGuess {
  /** The selection widened to whole sentences: what the event's excerpt will quote. */
  start: number;
  end: number;
  place: GazetteerEntry | null;
  /** The words that named it ("in Vilnius"), when found in the selection. */
  placeText: string | null;
  date: { start: string; end: string; precision: Precision } | null;
  dateText: string | null;
  category: Category;
  persists: boolean;
  /** The selection's first sentence, cut to a title's length. */
  title: string;
}

const PLACE_RANK: Record<GazetteerEntry['kind'], number> = { site: 3, city: 2, region: 1, country: 0 };
const TITLE_CHARS = 90;

/** Best guess for an event in `doc.text[start, end)`. Dates before the selection in its paragraph count when it has none. */
export function guessEvent(doc: SourceDocument, start: number, end: number, resources: PipelineResources): EventGuess {
  const { gazetteer } = resources;
  const ingested = { ...doc, boilerplate: findBoilerplate(doc.text) };
  const sentences = segment(ingested);
  const inside = sentences.filter((s) => s.end > start && s.start < end);
  const from = inside.length ? Math.min(start, inside[0].start) : start;
  const to = inside.length ? Math.max(end, inside[inside.length - 1].end) : end;
  const within = <T extends { start: number; end: number }>(x: T) => x.start >= from && x.end <= to;

  const resolved = resolve(recognise(ingested, sentences, gazetteer), ingested, gazetteer).filter((m) => m.entry && within(m));
  const best = [...resolved].sort((a, b) => PLACE_RANK[b.entry!.kind] - PLACE_RANK[a.entry!.kind] || b.confidence - a.confidence)[0];
  const dates = findDates(sentences, doc.published).filter((d) => d.interval);
  const date = dates.filter(within)[0] ?? dates.filter((d) => d.end <= from).at(-1);
  // The event the pipeline itself finds in the selection, if any: its kind, and its place and date first
  const meta = { file: doc.file, title: doc.title, credit: doc.credit, published: doc.published };
  const found = processDocument({ file: doc.file, bytes: new TextEncoder().encode(doc.text), meta }, resources).outcome.events
    .find((e) => e.source.start < to && e.source.end > from);
  const first = (inside[0]?.text ?? doc.text.slice(start, end)).replace(/\s+/g, ' ').trim();
  return {
    start: from,
    end: to,
    place: found?.entry ?? best?.entry ?? null,
    placeText: best?.text ?? null,
    date: found ? { start: found.start, end: found.end, precision: found.precision }
      : date?.interval ? { ...date.interval } : doc.published ? { start: doc.published, end: doc.published, precision: 'day' } : null,
    dateText: date?.text ?? null,
    category: found?.category ?? 'other',
    persists: found?.persists ?? false,
    title: first.length <= TITLE_CHARS ? first.replace(/[.!?]$/, '') : `${first.slice(0, TITLE_CHARS - 1).replace(/\s+\S*$/, '')}…`,
  };
}
