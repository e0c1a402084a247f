// Events a reader of local news can trust: fires, crashes, shootings, council meetings as small papers write them.
// Each defect was seen on local reporting nobody tuned for and is checked here on invented sentences through every
// stage (the real gazetteer and event lexicon).
import { describe, expect, it } from 'vitest';
import { merge } from '../../../src/pipeline/merge.ts';
import { documentEvents } from './document-events.ts';

/** Monday 15 June 2009 unless told. */
const eventsOf = (text: string, published: string | null = '2009-06-15') => documentEvents(text, published);

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

describe('a person shot or run down outside a war is a crime\'s or a road\'s victim, not a strike\'s target', () => {
  it('finds a shooting told by its victim', () => {
    const [e, ...rest] = eventsOf('A 19-year-old woman was shot twice late Friday in Tallahassee, police said.');
    expect(rest).toEqual([]);
    expect([e.category, e.entry.name, e.start]).toEqual(['incident', 'Tallahassee', '2009-06-12']);
  });

  it('files a pedestrian hit by a car as an accident, whatever casualties the sentence counts', () => {
    const [e, ...rest] = eventsOf('A man was hit by a car in Summerville on Sunday, and two people were injured.');
    expect(rest).toEqual([]);
    expect([e.category, e.entry.name, e.start]).toEqual(['incident', 'Summerville', '2009-06-14']);
  });

  it('reads a headline\'s "struck, killed by car" as a passive: the accident the story below it tells', () => {
    const events = eventsOf('Cyclist, 52, struck, killed by van. KETTERING — A cyclist was hit by a van and killed late Saturday.');
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((e) => [e.category, e.entry.name])).toEqual(events.map(() => ['incident', 'Kettering']));
  });

  it('reads a headline\'s past form before its agent as a passive: the one struck strikes nothing', () => {
    const titles = eventsOf('Burglary suspect struck by truck. ELKHART - A teenager was struck by a truck on Friday as he ran from the house.').map((e) => e.title);
    expect(titles).toContain('Teenager struck in Elkhart');
    expect(titles.filter((t) => /strikes/.test(t))).toEqual([]);
  });

  it('finds a stabbing told by its victim, and titles it with the participle as written ("stabbed")', () => {
    const [e] = eventsOf('A woman was stabbed Thursday night in Tulsa, police said.');
    expect([e.category, e.entry.name, e.start, e.title]).toEqual(['incident', 'Tulsa', '2009-06-11', 'Woman stabbed in Tulsa']);
  });

  it('reads "was fatally stabbed" as a passive though an adverb parts it from its auxiliary', () => {
    const [e] = eventsOf('A man was fatally stabbed in Lawrence early Sunday.');
    expect([e.category, e.entry.name, e.start]).toEqual(['incident', 'Lawrence', '2009-06-14']);
  });

  it('keeps soldiers shot in a war a strike', () => {
    const [e] = eventsOf('Two soldiers were shot near Donetsk on Friday during an artillery duel.');
    expect([e.category, e.entry.name]).toEqual(['strike', 'Donetsk']);
  });
});

describe('where a local event happened', () => {
  it('gives a passive event the place of the participle joined to it ("was shot and killed in Macon")', () => {
    const [e] = eventsOf('A store clerk was shot and killed in Macon on Thursday.');
    expect([e.category, e.entry.name, e.start]).toEqual(['incident', 'Macon', '2009-06-11']);
  });
});

describe('local fires', () => {
  it('takes a blaze for the fire it is', () => {
    const [e] = eventsOf('A blaze destroyed a house in Hastings on Saturday.');
    expect([e.category, e.entry.name, e.start]).toEqual(['incident', 'Hastings', '2009-06-13']);
  });

  it('reads a dateline whose dash came through as a C1 control (Windows-1252 decoded as Latin-1)', () => {
    const [e] = eventsOf('DAYTON\u0097 City commissioners met Tuesday to discuss the budget.');
    expect([e.category, e.entry.name, e.start]).toEqual(['meeting', 'Dayton', '2009-06-09']);
    expect(e.title).not.toMatch(/DAYTON/);
  });

  it('reads that dash as a dash in the sentence too, not as part of a name', () => {
    const [e] = eventsOf('FALLS CHURCH\u0097 City council members met Tuesday to discuss the budget.');
    expect([e.category, e.entry.name, e.title]).toEqual(['meeting', 'Falls Church', 'City council members meet in Falls Church']);
  });
});

describe('answering a call is part of what it answers', () => {
  it('makes no visit of firefighters or deputies arriving', () => {
    const events = eventsOf('SPRINGFIELD — A fire gutted a barn on Route 4 on Saturday. The roof had collapsed when firefighters arrived at the scene, and deputies arrived soon after.');
    expect(events.map((e) => e.category)).toEqual(events.map(() => 'incident'));
    expect(events.length).toBeGreaterThan(0);
  });

  it('still finds detectives arriving in a city as a visit', () => {
    const [e] = eventsOf('Detectives from London arrived in Islamabad on Friday to help the inquiry.');
    expect([e.category, e.entry.name]).toEqual(['meeting', 'Islamabad']);
  });
});

describe('a count is no event', () => {
  it('makes no attack of attacks said to have fallen', () => {
    const events = eventsOf('KANDAHAR — A car bomb killed three police officers on Monday. The explosion came two days after the army said attacks in the province have dropped.');
    expect(events.map((e) => e.category)).toEqual(['incident']);
  });

  it('still finds attacks that happened', () => {
    const [e] = eventsOf('MOSUL — Attacks on police posts in the province killed four officers on Wednesday, the governor said.');
    expect([e.category, e.entry.name]).toEqual(['strike', 'Mosul']);
  });
});

describe('one incident, one place', () => {
  it('places a fire at the town of what it destroyed ("the garage of a home in Wethersfield")', () => {
    const [e] = eventsOf('A blaze destroyed the garage of a home in Wethersfield on Tuesday.');
    expect([e.category, e.entry.name, e.start]).toEqual(['incident', 'Wethersfield', '2009-06-09']);
  });


  it('keeps a town\'s fire apart from a fire in a town 20 km away told the same day', () => {
    const candidates = eventsOf('DANBURY — A fire destroyed a barn on Mill Street on Tuesday. A brush fire also burned in New Milford on Tuesday.');
    const merged = merge(candidates);
    expect(merged.map((e) => e.entry.name).sort()).toEqual(['Danbury', 'New Milford']);
  });
});

describe('a state capitol is not the U.S. Capitol', () => {
  it('leaves an event at "the state Capitol" at its dateline\'s town', () => {
    const [e] = eventsOf('SPRINGFIELD, Ill. -- The Rotary Club will host a luncheon at noon on August 2 at the state Capitol.');
    expect([e.entry.name, e.start]).toEqual(['Springfield', '2009-08-02']);
  });

  it('still finds the Capitol itself', () => {
    const [e] = eventsOf('Senators met at the Capitol on Monday.');
    expect(e.entry.name).toBe('Capitol Hill');
  });
});
