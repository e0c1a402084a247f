// Validation with messages a person can act on: "features[3].properties.start: start is after end".
import type { z } from 'zod';
import { EventCollectionSchema, type EventCollection } from './event.ts';
import { DocumentListSchema, type SourceDocument } from './document.ts';

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** At most this many problems are listed; a broken file usually repeats one mistake. */
const MAX_ERRORS = 10;

function describe(error: z.ZodError): string[] {
  return error.issues.slice(0, MAX_ERRORS).map((issue) => {
    const path = issue.path.reduce<string>(
      (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
      '',
    );
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

export function validateEvents(json: unknown): Validated<EventCollection> {
  const result = EventCollectionSchema.safeParse(json);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: describe(result.error) };
}

export function validateDocuments(json: unknown): Validated<SourceDocument[]> {
  const result = DocumentListSchema.safeParse(json);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: describe(result.error) };
}

/**
 * The promise behind every marker: each source's excerpt is exactly the document text at its offsets.
 * Returns one message per broken source (empty when all hold).
 */
export function checkExcerpts(events: EventCollection, documents: readonly SourceDocument[]): string[] {
  const byFile = new Map(documents.map((d) => [d.file, d]));
  const problems: string[] = [];
  events.features.forEach((feature, i) => {
    feature.properties.sources.forEach((source, j) => {
      const doc = byFile.get(source.doc);
      const where = `features[${i}] (${feature.id}) sources[${j}]`;
      if (!doc) problems.push(`${where}: document ${source.doc} is not in documents.json`);
      else if (doc.text.slice(source.start, source.end) !== source.excerpt) {
        problems.push(`${where}: excerpt differs from ${source.doc} at ${source.start}..${source.end}`);
      }
    });
  });
  return problems;
}
