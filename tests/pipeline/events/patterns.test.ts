// Whole documents through every stage (the real gazetteer and event lexicon), one pattern of news writing each:
// what an analyst who brings their own articles gets on the map.
import { beforeAll, describe, expect, it } from 'vitest';
import { processDocument, type PipelineResources } from '../../../src/pipeline/index.ts';
import { loadResources } from '../resources.ts';

let resources: PipelineResources;
beforeAll(() => {
  resources = loadResources();
});

/** One document's events as [category, place, start, end, status]; `published` null means no manifest entry. */
function eventsOf(text: string, published: string | null = '2024-03-12') {
  const meta = published ? { file: 'a.txt', title: 'A', credit: null, published } : undefined;
  const result = processDocument({ file: 'a.txt', bytes: new TextEncoder().encode(text), meta }, resources);
  expect(result.outcome.error).toBeNull();
  return {
    result,
    rows: result.outcome.events.map((e) => [e.category, e.entry.name, e.start, e.end, e.status]),
    titles: result.outcome.events.map((e) => e.title),
  };
}

describe('datelines: a document without a manifest', () => {
  it('takes its published date and its place from a dateline, and dates the lede by it', () => {
    const { result, rows } = eventsOf(
      'Allied jets scrambled over the Black Sea\n\nCONSTANTA, Romania, 14 May 2024 — Romanian fighter jets intercepted a Russian drone ' +
        'on Tuesday after it entered Romanian airspace. The defence ministry said the drone crashed in a field.',
      null,
    );
    expect(result.document?.published).toBe('2024-05-14');
    expect(result.document?.publishedFrom).toBe('dateline');
    expect(result.outcome.published).toBe('2024-05-14');
    // "on Tuesday" in a past-tense sentence filed on Tuesday 14 May is that day
    expect(rows).toContainEqual(['incursion', 'Romania', '2024-05-14', '2024-05-14', 'happened']);
  });

  it('reads a labelled date line at the top as the published date, but not an event date further down', () => {
    expect(eventsOf('Exercise ends\nPublished: 3 June 2024\nThe exercise ended in Lithuania on Sunday.', null).result.document?.published).toBe('2024-06-03');
    const undated = eventsOf('Exercise ends\nThe exercise, which ran from 3 June 2024, ended in Lithuania on Sunday.', null);
    expect(undated.result.document?.published).toBeNull();
    expect(undated.result.document?.publishedFrom).toBeUndefined();
  });
});

describe('metonymy and organisations: no event at a seat of power or a headquarters the text does not put it at', () => {
  it('does not place what a capital says, warns or decides in that capital', () => {
    const { rows } = eventsOf('Moscow warned on Monday that the deployment of allied troops to Finland would be met with a response.');
    expect(rows.map((r) => r[1])).not.toContain('Moscow');
  });

  it('does not make NATO\'s headquarters the place of an event NATO merely takes part in', () => {
    const { rows } = eventsOf('NATO said on Monday it would send two more battalions to Slovakia next month.');
    expect(rows.map((r) => r[1])).not.toContain('NATO Headquarters');
  });
});

describe('negation and supposition, end to end', () => {
  it('writes no event for what did not happen or only might', () => {
    expect(eventsOf('The minister denied that any drones had entered Polish airspace on Sunday.').rows).toEqual([]);
    expect(eventsOf('If Russia attacked Lithuania, the alliance would deploy troops to Vilnius within days.').rows).toEqual([]);
  });

  it('keeps an announced visit, marked planned and dated after publication', () => {
    const { rows } = eventsOf('The president will travel to Warsaw on Thursday to meet his Polish counterpart.');
    expect(rows).toContainEqual(['meeting', 'Warsaw', '2024-03-14', '2024-03-14', 'planned']);
  });
});

describe('history is not news', () => {
  it('keeps a state that still holds as ongoing, never as an event at a guessed past date', () => {
    const { rows, titles } = eventsOf('Poland has hosted allied troops since joining NATO, and on Monday a new brigade arrived in Rzeszów.');
    expect(rows).toContainEqual(['deployment', 'Rzeszów', '2024-03-11', '2024-03-11', 'happened']);
    expect(titles).toContain('New brigade arrives in Rzeszów');
    for (const [, , start, , status] of rows) if (start !== '2024-03-11') expect(status).toBe('ongoing');
  });
});

describe('titles say who did what where, in the text\'s words', () => {
  it('builds the title from the subject, the predicate and the place', () => {
    const { titles } = eventsOf('Russian drones violated Latvian airspace on Sunday night, the army said.');
    expect(titles).toEqual(['Russian drones violate Latvian airspace']);
  });

  it('never writes a template title such as "Deployment in X"', () => {
    const { titles } = eventsOf('Germany deployed 800 soldiers to Lithuania on Monday.');
    expect(titles.length).toBe(1);
    expect(titles[0]).not.toMatch(/^(Deployment|Meeting|Strike|Aid) (in|to) /);
    expect(titles[0]).toMatch(/Germany/);
  });
});

describe('the event\'s own words come first', () => {
  it('keeps a date written with its year beside the verb, even when it falls after the manifest\'s date', () => {
    const text = 'Ministers met in Brussels on 12 February 2025.\n\nThe alliance deployed additional air defence systems to Rzeszow in March 2025, officials said.';
    expect(eventsOf(text, '2025-02-13').rows).toContainEqual(['deployment', 'Rzeszów', '2025-03-01', '2025-03-31', 'happened']);
  });

  it('never places an event where whoever reports it sits ("the government in Warsaw said")', () => {
    const { rows, titles } = eventsOf('Russian drones violated Polish airspace on 10 March 2024, the government in Warsaw said.');
    expect(rows.map((r) => r[1])).toEqual(['Poland']);
    expect(titles).toEqual(['Russian drones violate Polish airspace']);
  });

  it('gives each place of a list its own event, named by its own place', () => {
    const { titles } = eventsOf('Russian forces shelled Kharkiv and Sumy on 11 March 2024.');
    expect(titles.sort()).toEqual(['Russian forces shell Kharkiv', 'Russian forces shell Sumy']);
  });
});

describe('no one\'s news is no event', () => {
  it('makes no meeting of attending a school, of people travelling, or of a counted crowd arriving', () => {
    expect(eventsOf('He attended medical school at the University of Glasgow in Glasgow on 3 March 2024.').rows).toEqual([]);
    expect(eventsOf('Thousands of people travel to Greenville on 9 March 2024 for the fair.').rows).toEqual([]);
    expect(eventsOf('Some 8,000 Sudanese arrived in Chad on 10 March 2024.').rows).toEqual([]);
    expect(eventsOf('The minister attended the summit in Brussels on 11 March 2024.').rows).toEqual([['meeting', 'Brussels', '2024-03-11', '2024-03-11', 'happened']]);
  });

  it('reads a capitalised body in a name as the body ("Harare City Council"), and names who a relative pronoun stands for', () => {
    expect(eventsOf('Councillors dominated Harare City Council on 11 March 2024.').rows).toEqual([]);
    expect(eventsOf('The risk is growing, said Kowalski, who is visiting Japan on 11 March 2024.').titles).toEqual(['Kowalski visits Japan']);
  });
});
