// Events a reader of local news can trust: fires, crashes, shootings, council meetings as small papers write them.
// Each defect was seen on local reporting nobody tuned for and is checked here on invented sentences through every
// stage (the real gazetteer and event lexicon).
import { beforeAll, describe, expect, it } from 'vitest';
import { processDocument, type PipelineResources } from '../../../src/pipeline/index.ts';
import { loadResources } from '../resources.ts';

let resources: PipelineResources;
beforeAll(() => {
  resources = loadResources();
});

/** Monday 15 June 2009 unless told. */
function eventsOf(text: string, published: string | null = '2009-06-15') {
  const meta = { file: 'a.txt', title: 'A', credit: null, published };
  const result = processDocument({ file: 'a.txt', bytes: new TextEncoder().encode(text), meta }, resources);
  expect(result.outcome.error).toBeNull();
  return result.outcome.events;
}

describe('the day a local story gives its event', () => {
  it('reads a weekday and its date after a harm noun as the noun\'s day, commas and all', () => {
    const [e, ...rest] = eventsOf('Two children died in a fire Saturday, March 21, at a trailer park in Springfield, the sheriff said.');
    expect(rest).toEqual([]);
    expect([e.category, e.entry.name, e.start, e.end]).toEqual(['incident', 'Springfield', '2009-03-21', '2009-03-21']);
  });

  it('keeps a date after "a.m." or "p.m." in the sentence of its time', () => {
    const [e] = eventsOf('The Riverside Rotary Club will hold a meeting with city officials at 7 p.m. August 4 at the library in Decatur.');
    expect([e.category, e.entry.name, e.status, e.start]).toEqual(['meeting', 'Decatur', 'planned', '2009-08-04']);
  });
});
