// documents.json and mentions.json, the other two files of the contract (docs/event-data.md).
import { z } from 'zod';
import { IsoDate } from './event.ts';

export const DocumentSchema = z.object({
  file: z.string().min(1),
  title: z.string(),
  credit: z.string().nullable(),
  published: IsoDate.nullable(),
  /** Where `published` came from when no manifest gave it: `dateline`, read from the text's dateline. */
  publishedFrom: z.enum(['dateline']).optional(),
  text: z.string(),
});

export const DocumentListSchema = z.array(DocumentSchema)
  .refine((docs) => new Set(docs.map((d) => d.file)).size === docs.length, { message: 'two documents share a file name' });

export const MentionSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  name: z.string().nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  country: z.string().nullable(),
  /** The gazetteer entry chosen ("gn:5128581", "ne:PL", "us:county:39089"), null when unresolved. */
  id: z.string().nullable().optional(),
  /** How sure the choice is, 0..1 (from the ranker's margin over the runner-up). */
  confidence: z.number().min(0).max(1).optional(),
  /** The runners-up, most likely first, with their probabilities: what a reviewer would pick instead. */
  alternatives: z.array(z.object({
    id: z.string(),
    name: z.string(),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    country: z.string().nullable(),
    score: z.number().min(0).max(1),
  })).optional(),
});

export const MentionListSchema = z.array(z.object({ doc: z.string(), mentions: z.array(MentionSchema) }));

export type SourceDocument = z.infer<typeof DocumentSchema>;
export type MentionRecord = z.infer<typeof MentionSchema>;
