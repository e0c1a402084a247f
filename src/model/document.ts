// documents.json and mentions.json, the other two files of the contract (docs/event-data.md).
import { z } from 'zod';
import { IsoDate } from './event.ts';

export const DocumentSchema = z.object({
  file: z.string().min(1),
  title: z.string(),
  credit: z.string().nullable(),
  published: IsoDate.nullable(),
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
});

export const MentionListSchema = z.array(z.object({ doc: z.string(), mentions: z.array(MentionSchema) }));

export type SourceDocument = z.infer<typeof DocumentSchema>;
export type MentionRecord = z.infer<typeof MentionSchema>;
