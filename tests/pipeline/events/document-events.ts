// One invented document through every stage (the real gazetteer and event lexicon): the events it yields, for the
// tests of what a reader can trust.
import { expect } from 'vitest';
import { processDocument } from '../../../src/pipeline/index.ts';
import { loadResources } from '../resources.ts';

/** The events of `text` as a document published on `published`; the test fails if the document does. */
export function documentEvents(text: string, published: string | null) {
  const meta = { file: 'a.txt', title: 'A', credit: null, published };
  const result = processDocument({ file: 'a.txt', bytes: new TextEncoder().encode(text), meta }, loadResources());
  expect(result.outcome.error).toBeNull();
  return result.outcome.events;
}
