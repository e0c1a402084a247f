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

describe('what counts as an incident in local news', () => {
  it('takes a death as the evidence that a crash is an accident', () => {
    const [e] = eventsOf('Three passengers who died in a crash in Idaho on Sunday were from the county.');
    expect([e.category, e.entry.name, e.start]).toEqual(['incident', 'Idaho', '2009-06-14']);
  });

  it('takes a fatal shooting as an incident', () => {
    const [e] = eventsOf('Two men were charged in Sunday\'s fatal shooting of a farmer near Cayce, deputies said.');
    expect([e.category, e.entry.name, e.start]).toEqual(['incident', 'Cayce', '2009-06-14']);
  });
});
