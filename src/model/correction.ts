// corrections.json: every decision an analyst made in the workbench, kept in the corpus beside its documents
// (docs/workbench.md). One human-readable, diffable file; applied by src/pipeline/corrections.ts for the CLI and the
// workbench alike.
import { z } from 'zod';
import { CATEGORIES, IsoDate, PlaceSchema, PRECISIONS } from './event.ts';

export const CORRECTION_ACTIONS = ['accept', 'reject', 'move', 'redate', 'retitle', 'recategorise', 'merge', 'split', 'add'] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

/**
 * Where an event is in its document, independent of its id: the document's content hash (SHA-256 of its text), the
 * excerpt's offsets and the quoted text. A document edited since no longer matches its hash: the correction is then
 * reported as orphaned, never applied to whatever now sits at those offsets.
 */
export const AnchorSchema = z.object({
  doc: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be the SHA-256 of the document text, 64 hex digits' }),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string().min(1),
}).refine((a) => a.end - a.start === a.quote.length, { message: 'the quote does not have the length of its offsets' });

/** A place as a correction sets it: complete, so applying it needs no gazetteer (and a new gazetteer changes nothing). */
export const CorrectionPlaceSchema = PlaceSchema.extend({
  /** The gazetteer entry's id ("gn:756135"), absent for a place set by a map click. */
  id: z.string().min(1).optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export const CorrectionDateSchema = z.object({
  start: IsoDate,
  end: IsoDate,
  precision: z.enum(PRECISIONS),
}).refine((d) => d.start <= d.end, { message: 'start is after end' });

/** The values a correction reads or sets; which ones depends on its action. */
export const CorrectionValuesSchema = z.object({
  place: CorrectionPlaceSchema.optional(),
  date: CorrectionDateSchema.optional(),
  title: z.string().trim().min(1).max(300).optional(),
  category: z.enum(CATEGORIES).optional(),
  /** Whether the event is a state that holds from its start on (a deployment); set by an added event. */
  persists: z.boolean().optional(),
});

/** What the event looked like when the correction was made: for a person reading the file, and to tell apart events
 * that share one sentence ("around Kurakhove, Vuhledar, and Velyka Novosilka"). */
export const EventSummarySchema = z.object({
  title: z.string(),
  category: z.enum(CATEGORIES),
  place: z.string(),
  start: IsoDate,
});

const base = {
  /** The correction's own id, unique in the file ("c12"). */
  id: z.string().min(1),
  /** The event's id when the correction was made: kept by the event ever after (permalinks), and a tie-break only. */
  event: z.string().min(1),
  anchor: AnchorSchema,
  was: EventSummarySchema.optional(),
  by: z.string().trim().min(1).max(100),
  /** When, as an ISO timestamp. */
  at: z.string().min(1),
  reason: z.string().max(2000).optional(),
};

export const CorrectionSchema = z.discriminatedUnion('action', [
  z.object({ ...base, action: z.literal('accept') }),
  z.object({ ...base, action: z.literal('reject') }),
  z.object({ ...base, action: z.literal('move'), from: CorrectionValuesSchema, to: CorrectionValuesSchema.required({ place: true }) }),
  z.object({ ...base, action: z.literal('redate'), from: CorrectionValuesSchema, to: CorrectionValuesSchema.required({ date: true }) }),
  z.object({ ...base, action: z.literal('retitle'), from: CorrectionValuesSchema, to: CorrectionValuesSchema.required({ title: true }) }),
  z.object({ ...base, action: z.literal('recategorise'), from: CorrectionValuesSchema, to: CorrectionValuesSchema.required({ category: true }) }),
  /** The event at `other` is the same real event as this one: its sources join this one, and it is gone. */
  z.object({ ...base, action: z.literal('merge'), other: AnchorSchema, otherEvent: z.string().min(1) }),
  /** The sources at `sources` are another event: they leave this one for a new event with the id `newEvent`. */
  z.object({ ...base, action: z.literal('split'), sources: z.array(AnchorSchema).min(1), newEvent: z.string().min(1) }),
  /** An event the pipeline missed, at the sentence `anchor`; `event` is the id it is given. */
  z.object({ ...base, action: z.literal('add'), to: CorrectionValuesSchema.required({ place: true, date: true, title: true, category: true }) }),
]);

export const CorrectionsFileSchema = z.object({
  about: z.string().optional(),
  /** Raised by one on every write: a write based on an older revision is refused (two tabs, one corpus). */
  revision: z.number().int().nonnegative(),
  corrections: z.array(CorrectionSchema),
}).refine((f) => new Set(f.corrections.map((c) => c.id)).size === f.corrections.length, { message: 'two corrections share an id' });

export type Anchor = z.infer<typeof AnchorSchema>;
export type CorrectionPlace = z.infer<typeof CorrectionPlaceSchema>;
export type CorrectionDate = z.infer<typeof CorrectionDateSchema>;
export type EventSummary = z.infer<typeof EventSummarySchema>;
export type Correction = z.infer<typeof CorrectionSchema>;
export type CorrectionsFile = z.infer<typeof CorrectionsFileSchema>;

export const CORRECTIONS_ABOUT = 'Corrections made in the Flankline workbench, applied in this order on every run of the pipeline '
  + '(npm start -- DIR, npm run geocode, npm run build -- DIR). Each is anchored to its document by the SHA-256 of its '
  + 'text, the excerpt\'s offsets and the quoted text; one whose anchor no longer matches is reported as orphaned and kept.';

export const emptyCorrections = (): CorrectionsFile => ({ about: CORRECTIONS_ABOUT, revision: 0, corrections: [] });

/** The file's text: two-space JSON with a final newline, one correction after another, so diffs stay readable. */
export const correctionsText = (file: CorrectionsFile) => `${JSON.stringify({ about: file.about ?? CORRECTIONS_ABOUT, revision: file.revision, corrections: file.corrections }, null, 2)}\n`;

/** Parses the file's text; every problem is a sentence naming the file and where. */
export function parseCorrections(text: string, fileName = 'corrections.json'): { ok: true; value: CorrectionsFile } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, error: `${fileName} is not valid JSON (${(error as Error).message.split('\n')[0]})` };
  }
  const parsed = CorrectionsFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : 'the file';
  return { ok: false, error: `${fileName}: ${where}: ${issue.message}` };
}
