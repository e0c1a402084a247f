// War news as the wires tell it: attacks told through what struck, what was shot down and what fell, shelling, strikes
// on a city's power, interceptions by scrambled jets. Each case is an invented sentence run through every stage (the
// real gazetteer and event lexicon); each fails with its rule switched off.
import { describe, expect, it } from 'vitest';
import { documentEvents } from './document-events.ts';

/** Tuesday 12 March 2024 unless told. */
const eventsOf = (text: string, published: string | null = '2024-03-12') => documentEvents(text, published);
const summary = (text: string, published?: string | null) =>
  eventsOf(text, published).map((e) => [e.category, e.title, e.entry.name, e.start, e.status]);

describe('a plural that opens a sentence is a common noun, not a name', () => {
  it('makes the verb agree with "Drones" in the title', () => {
    expect(summary('Drones struck Kharkiv on Monday, damaging a school.')).toEqual([
      ['strike', 'Drones strike Kharkiv', 'Kharkiv', '2024-03-11', 'happened'],
    ]);
  });
});

describe('an object after a verb heads its compound', () => {
  it('finds a drone hitting an apartment block in a city', () => {
    expect(summary('A drone hit an apartment block in Sumy on Monday, wounding five residents.')).toEqual([
      ['strike', 'Drone hits apartment block in Sumy', 'Sumy', '2024-03-11', 'happened'],
    ]);
  });
});

describe('what a strike hits is the place a phrase names', () => {
  it('puts shelling of "the town of" a place at that place', () => {
    expect(summary('Russian forces shelled the town of Nikopol on Monday, killing two people.')).toEqual([
      ['strike', 'Russian forces shell Nikopol', 'Nikopol', '2024-03-11', 'happened'],
    ]);
  });

  it('puts a strike on a city\'s energy infrastructure at the city', () => {
    expect(summary('A missile strike on Kryvyi Rih\'s energy infrastructure on Sunday left thousands without power.')).toEqual([
      ['strike', 'Missile strike on Kryvyy Rih', 'Kryvyy Rih', '2024-03-10', 'happened'],
    ]);
  });
});

describe('an attack carried out on a place is a strike without a word of weapons', () => {
  it('finds "carried out a massive attack on" a city', () => {
    expect(summary('Russia carried out a massive attack on Kharkiv on Tuesday.')).toEqual([
      ['strike', 'Attack on Kharkiv', 'Kharkiv', '2024-03-12', 'happened'],
    ]);
  });

  it('finds a state attacking a city', () => {
    expect(summary('Russia attacked Kharkiv on Tuesday.')).toEqual([['strike', 'Russia attacks Kharkiv', 'Kharkiv', '2024-03-12', 'happened']]);
  });

  it('finds no strike in a state attacking another in words, or a person', () => {
    expect(eventsOf('China attacked the United States over tariffs on Tuesday. Russia attacked Kharkiv\'s mayor on Tuesday.')).toEqual([]);
  });

  it('finds no strike in an attack by hackers on a state\'s banks', () => {
    expect(eventsOf('Hackers launched an attack on Estonia\'s banks on Monday.').filter((e) => e.category === 'strike')).toEqual([]);
  });

  it('finds no strike in an attack launched on a budget', () => {
    expect(eventsOf('The senator launched an attack on the governor\'s budget in Kyiv on Monday.').filter((e) => e.category === 'strike')).toEqual([]);
  });
});

describe('an attack told by what was shot down and where its debris fell', () => {
  it('puts the attack where the debris fell, dated by "overnight" to the day of the report', () => {
    expect(summary('Ukraine\'s air force said it shot down 31 of 47 drones Russia launched overnight, as wreckage fell on houses in Kyiv and in the Odesa region.')).toEqual([
      ['strike', 'Drone attack in Kyiv', 'Kyiv', '2024-03-12', 'happened'],
      ['strike', 'Drone attack in Odesa region', 'Odesa Oblast', '2024-03-12', 'happened'],
    ]);
  });

  it('reads "the capital" under a wire dateline as the dateline\'s capital', () => {
    const text = 'KYIV, March 12 (Reuters) - Ukraine\'s air force said it shot down 31 of 47 drones Russia launched overnight, as wreckage fell on houses in the capital and in the Odesa region.';
    expect(summary(text)).toEqual([
      ['strike', 'Drone attack in Kyiv', 'Kyiv', '2024-03-12', 'happened'],
      ['strike', 'Drone attack in Odesa region', 'Odesa Oblast', '2024-03-12', 'happened'],
    ]);
  });

  it('finds no attack in debris without a weapon', () => {
    expect(eventsOf('Debris from the collapsed roof fell on cars in Leeds on Monday.')).toEqual([]);
  });
});

describe('jets scrambled and interceptions are events at the base or the state that scrambles', () => {
  it('puts a state scrambling its jets in that state', () => {
    expect(summary('Poland scrambled jets on Sunday.')).toEqual([
      ['other', 'Poland scrambles jets', 'Poland', '2024-03-10', 'happened'],
    ]);
  });

  it('makes no event of a scramble told with the incursion it answers', () => {
    expect(eventsOf('Latvia scrambled jets on Sunday after a Russian drone entered its airspace.').map((e) => [e.category, e.entry.name])).toEqual([['incursion', 'Latvia']]);
  });

  it('puts an interception by jets scrambled from an air base at the base', () => {
    const events = summary('Two Russian Su-30 fighters approached Estonian airspace on Monday. Italian F-35s scrambled from Amari air base intercepted them.');
    expect(events).toEqual([['other', 'Italian F-35s intercept from Amari air base', 'Ämari Air Base', '2024-03-11', 'happened']]);
  });

  it('makes the verb agree with a plural of an aircraft model', () => {
    const [e] = eventsOf('Belgian F-16s scrambled from Siauliai air base intercepted two Russian bombers on Monday.');
    expect([e.title, e.entry.name]).toEqual(['Belgian F-16s intercept two Russian bombers from Siauliai air base', 'Šiauliai']);
  });

  it('finds nothing military in scrambled eggs', () => {
    expect(eventsOf('Kitchen staff scrambled eggs in Leeds on Monday.')).toEqual([]);
  });
});

describe('an air raid alert is an event over the region it is declared in', () => {
  it('reads "alerts" before a past verb as the plural noun it is', () => {
    expect(summary('Air raid alerts sounded across Ukraine overnight.')).toEqual([
      ['other', 'Air raid alerts across Ukraine', 'Ukraine', '2024-03-12', 'happened'],
    ]);
  });

  it('finds an air raid alert declared across a region', () => {
    expect(summary('An air raid alert was declared across the Kyiv region on Monday morning.')).toEqual([
      ['other', 'Air raid alert across Kyiv region', 'Kiev Oblast', '2024-03-11', 'happened'],
    ]);
  });
});

describe('a name set after "the capital"', () => {
  it('is the place, not the dateline\'s capital', () => {
    const text = 'WARSAW, March 12 (Reuters) - Ukraine said it shot down 20 drones overnight, as debris fell on houses in the capital, Kyiv.';
    expect(eventsOf(text).filter((e) => e.category === 'strike').map((e) => [e.title, e.entry.name])).toEqual([['Drone attack in Kyiv', 'Kyiv']]);
  });

  it('titles a shootdown with its particle after the participle', () => {
    const text = 'WARSAW, March 12 (Reuters) - Ukraine said it shot down 20 drones overnight, as debris fell on houses in the capital, Kyiv.';
    expect(eventsOf(text).filter((e) => e.category === 'incident').map((e) => e.title)).toEqual(['Ukraine shoots down 20 drones in Warsaw']);
  });
});

describe('a weapon crashing into a building strikes it', () => {
  it('finds a missile that crashed into a shopping centre', () => {
    expect(summary('A missile crashed into a shopping centre in Kremenchuk on Monday.')).toEqual([
      ['strike', 'Missile crashes into shopping centre in Kremenchuk', 'Kremenchuk', '2024-03-11', 'happened'],
    ]);
  });

  it('leaves a plane that crashed an accident', () => {
    expect(eventsOf('A plane crashed into the sea off Odesa on Monday, killing 50.').map((e) => e.category)).toEqual(['incident']);
  });
});

describe('a plural opening a sentence after its dateline', () => {
  it('is a common noun too', () => {
    expect(eventsOf('KYIV (Reuters) - Drones struck Odesa overnight, damaging port infrastructure.').map((e) => e.title)).toEqual(['Drones strike Odesa']);
  });
});

describe('a verb\'s particle stays with the verb in a title', () => {
  it('keeps "shuts down" after its subject', () => {
    expect(eventsOf('Estonia shut down its border with Russia on Monday.').map((e) => e.title)).toEqual(['Estonia shuts down its border']);
  });
});
