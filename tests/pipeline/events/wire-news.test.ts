// What a reader of wire copy outside the security beat expects to find on the map: shootings and killings,
// agreements signed and ratified, borders and airports closed, evacuations, crowds rallying; and what is no event of
// its own ("the third such protest", "a refusal to ratify"). Every sentence is invented for these tests.
import { describe, expect, it } from 'vitest';
import { documentEvents } from './document-events.ts';

const titled = (events: ReturnType<typeof documentEvents>, pattern: RegExp) => events.filter((e) => pattern.test(e.title));

describe('violence against people outside a war', () => {
  it('a named person shot is an incident where it happened', () => {
    const events = documentEvents('ZVOLEN — Deputy Prime Minister Anna Kovacova was shot three times in the town of Zvolen on Thursday after a party rally.', '2026-03-10');
    const shot = events.filter((e) => e.category === 'incident');
    expect(shot).toHaveLength(1);
    expect(shot[0].title).toMatch(/Kovacova shot/);
    expect(shot[0].entry.name).toBe('Zvolen');
    expect(shot[0].start).toBe('2026-03-05');
  });

  it('"a man shot a taxi driver" is read as a verb, though the tagger takes "shot" for a noun', () => {
    const events = documentEvents('KAUNAS — Lithuanian police said on Sunday that a man shot a taxi driver in Kaunas on Saturday night. He was shot again as he ran.', '2026-03-10');
    expect(events).toHaveLength(1);
    expect(events[0].title).toMatch(/^Man shoots taxi driver/);
    expect(events[0].category).toBe('incident');
    expect(events[0].entry.name).toBe('Kaunas');
    expect(events[0].start).toBe('2026-03-07');
  });

  it('a gunman who kills people makes an incident; a disease that kills makes none of its own', () => {
    const attack = documentEvents('TAMPERE — A gunman killed six people at a shopping centre in Tampere on Sunday before police arrested him.', '2026-03-10');
    expect(attack.map((e) => [e.title, e.category, e.entry.name, e.start])).toEqual([['Gunman kills six people in Tampere', 'incident', 'Tampere', '2026-03-08']]);
    const murder = documentEvents('A man murdered his neighbour in Leeds on Friday, police said.', '2026-03-10');
    expect(murder.map((e) => [e.category, e.entry.name])).toEqual([['incident', 'Leeds']]);
    expect(documentEvents('RIGA — Heart disease killed 3,000 people in Latvia last year, the health ministry said on Monday.', '2026-03-10')).toEqual([]);
  });
});

describe('what states agree and close', () => {
  it('an agreement signed is a meeting of its parties where it was signed', () => {
    const events = documentEvents('VILNIUS — Lithuania and Ukraine signed a defence agreement in Vilnius on Tuesday.', '2026-03-12');
    expect(events.map((e) => [e.title, e.category, e.entry.name, e.start])).toEqual([['Lithuania and Ukraine sign defence agreement in Vilnius', 'meeting', 'Vilnius', '2026-03-10']]);
  });

  it("a parliament's ratification is at its state; a refusal to ratify is none", () => {
    const ratified = documentEvents("BUDAPEST — Hungary's parliament ratified Finland's accession to the alliance on Monday.", '2026-03-10');
    expect(ratified.map((e) => [e.category, e.entry.name, e.start])).toEqual([['other', 'Hungary', '2026-03-09']]);
    expect(ratified[0].title).toMatch(/ratifies/);
    // "announced ... to ratify" would be planned; a refusal to ratify is no ratifying at all
    expect(documentEvents('BELGRADE — Serbia announced its refusal to ratify the border treaty on Monday.', '2026-03-10')).toEqual([]);
    // ... and talks a treaty has stalled are not held
    expect(documentEvents("BELGRADE — Belgrade's repeated refusal to ratify the border treaty has stalled the talks, the envoy said on Monday.", '2026-03-10')).toEqual([]);
  });

  it('a border or an airport closed is an event at the place that closed it', () => {
    const border = documentEvents('TALLINN — Estonia closed its last open border checkpoint with Russia on Thursday.', '2026-03-10');
    expect(border.map((e) => [e.category, e.entry.name, e.start])).toEqual([['other', 'Estonia', '2026-03-05']]);
    expect(border[0].title).toMatch(/closes its last open border checkpoint/);
    // the airport is named after its city: the event is in the city and the title keeps the airport
    const airport = documentEvents('VILNIUS — Police shut Vilnius airport for three hours on Saturday after balloons were seen over the runway.', '2026-03-10');
    expect(airport.map((e) => [e.title, e.entry.name, e.start])).toEqual([['Police shut Vilnius airport', 'Vilnius', '2026-03-07']]);
  });
});

describe('disasters named by their own word', () => {
  it('"an earthquake shook Naples" is an incident without a word of damage, and Naples under a Rome dateline is Italy\'s', () => {
    const events = documentEvents('ROME — A magnitude 4.4 earthquake shook Naples on Tuesday, damaging buildings in the Campi Flegrei area.', '2026-03-10');
    expect(events.map((e) => [e.category, e.entry.name, e.entry.country, e.start])).toEqual([['incident', 'Naples', 'IT', '2026-03-10']]);
    const plain = documentEvents('ROME — An earthquake shook Naples on Tuesday.', '2026-03-10');
    expect(plain.map((e) => [e.category, e.entry.name, e.entry.country])).toEqual([['incident', 'Naples', 'IT']]);
  });
});

describe('people moved and crowds in the street', () => {
  it('residents evacuated are evacuated where they live', () => {
    const events = documentEvents('TALSI — Firefighters evacuated 200 residents of the resort town of Jurmala on Sunday as a forest fire spread.', '2026-03-10');
    const evacuated = titled(events, /evacuate/);
    expect(evacuated).toHaveLength(1);
    expect(evacuated[0].category).toBe('incident');
    expect(evacuated[0].entry.name).toBe('Jūrmala');
    expect(evacuated[0].start).toBe('2026-03-08');
  });

  it('titles an evacuation by what was evacuated, across a phrase set off by commas and past "at least"', () => {
    expect(documentEvents('The library, two miles east of central Leeds, was evacuated on Monday after a gas leak was reported.', '2026-03-10').map((e) => e.title))
      .toEqual(['Library evacuated near Leeds']);
    expect(documentEvents('The library, located two miles east of central Leeds, England, was evacuated on Monday.', '2026-03-10').map((e) => e.title))
      .toEqual(['Library evacuated near Leeds']);
    expect(documentEvents('Firefighters had to evacuate at least two schools in Croydon on Monday while engineers repaired the main.', '2026-03-10').map((e) => e.title))
      .toEqual(['Firefighters evacuate two schools in Croydon']);
  });

  it('"they" after a plural speaker is that speaker in the title', () => {
    const events = documentEvents('Port officials blame the storm for the damage to the docks, and say they had evacuated crews from Odesa on Tuesday.', '2026-03-12');
    expect(titled(events, /evacuate/).map((e) => e.title)).toEqual(['Port officials evacuate crews from Odesa']);
  });

  it('a crowd that rallies is an event; stocks that rally are not; "such a protest" is the rally again', () => {
    const rally = documentEvents('SOFIA — Thousands of nurses rallied outside the health ministry in Sofia on Friday, the third such protest since January.', '2026-03-10');
    expect(rally.map((e) => [e.category, e.entry.name, e.start])).toEqual([['other', 'Sofia', '2026-03-06']]);
    expect(rally[0].title).toMatch(/^Nurses rally/);
    // "townspeople" are many, as "people" are
    expect(documentEvents('CUENCA — Hundreds of angry townspeople protested against the landfill last spring.', '2026-03-10').map((e) => e.title))
      .toEqual(['Angry townspeople protest against landfill in Cuenca']);
    expect(documentEvents('NEW YORK — Stocks rallied in New York on Friday after the jobs report.', '2026-03-10')).toEqual([]);
    const march = documentEvents('KATOWICE — Hundreds of miners marched through central Katowice on Saturday demanding higher wages, the second such protest this month.', '2026-03-10');
    expect(march.map((e) => [e.title, e.start])).toEqual([['Miners march through Katowice', '2026-03-07']]);
    const protest = documentEvents('BUCHAREST — Farmers protested in Bucharest on Monday against cheap imports.', '2026-03-10');
    expect(protest.map((e) => [e.title, e.entry.name, e.start])).toEqual([['Farmers protest in Bucharest', 'Bucharest', '2026-03-09']]);
  });
});

describe('journeys, arrivals and accessions', () => {
  it('what one travels somewhere to do happens there, on the day of the journey', () => {
    const events = documentEvents('BERLIN — The German defence minister travelled to Vilnius on Monday to attend a ceremony marking the battalion\'s return.', '2026-03-10');
    const attend = titled(events, /attends/);
    expect(attend.map((e) => [e.title, e.entry.name, e.start])).toEqual([['German defence minister attends ceremony in Vilnius', 'Vilnius', '2026-03-09']]);
    // the ceremony is the attending's, not an event of its own at the dateline
    expect(events.filter((e) => e.entry.name === 'Berlin')).toEqual([]);
    const planned = documentEvents('WARSAW — The prime minister will fly to Brussels on Thursday to meet EU leaders.', '2026-03-10');
    expect(planned.map((e) => [e.title, e.start, e.status])).toEqual([['Prime minister to meet EU leaders in Brussels', '2026-03-12', 'planned']]);
  });

  it('a journey to a place the gazetteer does not know is not put at the dateline', () => {
    expect(documentEvents('BERLIN — The German defence minister travelled to Rukla on Monday to attend a ceremony marking the battalion\'s return.', '2026-03-10')).toEqual([]);
  });

  it('troops that begin arriving are deployed, on the day they begin', () => {
    const events = documentEvents('VILNIUS — Dutch troops began arriving in Lithuania on Tuesday for a six-month rotation.', '2026-03-12');
    expect(events.map((e) => [e.category, e.entry.name, e.start])).toEqual([['deployment', 'Lithuania', '2026-03-10']]);
  });

  it('a state joining an alliance is an accession at that state; joining its staff is a job', () => {
    const events = documentEvents("STOCKHOLM — Sweden joined NATO on March 7, becoming the alliance's 32nd member.", '2026-03-10');
    expect(events.map((e) => [e.title, e.entry.name, e.start])).toEqual([['Sweden joins NATO', 'Sweden', '2026-03-07']]);
    expect(documentEvents("He joined the alliance's staff in Brussels in 2019.", '2026-03-10')).toEqual([]);
  });

  it('forces that recapture a village advance there', () => {
    const events = documentEvents('KYIV — Ukrainian troops recaptured the village of Klishchiivka near Bakhmut, the army said on Sunday.', '2026-03-10');
    expect(events.map((e) => [e.category, e.entry.name])).toEqual([['advance', 'Bakhmut']]);
    expect(events[0].title).toMatch(/^Ukrainian troops recapture village/);
  });
});

describe('who and when, as the text says', () => {
  it('two people joined by "and" are both in the title', () => {
    expect(documentEvents('TALLINN — Estonian Prime Minister Kaja Kallas and Finnish President Alexander Stubb met in Tallinn on Friday.', '2026-03-10').map((e) => e.title))
      .toEqual(['Kallas and Stubb meet in Tallinn']);
    expect(documentEvents('TALLINN — Kallas and Stubb held talks in Tallinn on Friday.', '2026-03-10').map((e) => e.title)).toEqual(['Kallas and Stubb hold talks in Tallinn']);
    // "Chinese leader Xi Jinping": a leader is named by the family name, which comes first
    expect(documentEvents('BEIJING — Chinese leader Xi Jinping held talks in Beijing on Friday.', '2026-03-10').map((e) => e.title)).toEqual(['Xi holds talks in Beijing']);
  });

  it('what a minister hopes a parliament would do is not planned', () => {
    expect(documentEvents('VIENNA — A minister said on Wednesday that she hoped that the Slovenian parliament would ratify the border treaty before May.', '2026-03-10')).toEqual([]);
  });

  it('a season after the object dates the event and is no part of the title', () => {
    const events = documentEvents('TARTU — Hundreds of students protested against the tuition rise last fall, demanding a freeze.', '2026-03-10');
    expect(events.map((e) => [e.title, e.entry.name, e.start, e.end])).toEqual([['Students protest against tuition rise in Tartu', 'Tartu', '2025-09-01', '2025-11-30']]);
  });
});

describe('elections and appearances told in the present of a schedule', () => {
  it("\"Saturday's shooting\" beside a verb in the present is still the Saturday before", () => {
    const events = documentEvents("Police seek a third man over Saturday's fatal shooting of a driver outside a garage in Leeds.", '2026-03-10');
    expect(events.map((e) => [e.entry.name, e.start, e.status])).toEqual([['Leeds', '2026-03-07', 'happened']]);
  });

  it("a caption's present tells yesterday's picture: \"addresses the press Monday\" in Tuesday's paper", () => {
    const events = documentEvents('RIGA — Hockey coach Marta Ozola addresses the press Monday during a news conference at the arena in Riga.', '2026-03-10');
    expect(events.map((e) => [e.entry.name, e.start, e.status])).toEqual([['Riga', '2026-03-09', 'happened']]);
  });

  it('an election a state holds "on Sunday", told on a Tuesday, is the coming Sunday and planned', () => {
    const held = documentEvents('SOFIA — Bulgaria holds a parliamentary election on Sunday.', '2026-03-10');
    expect(held.map((e) => [e.title, e.entry.name, e.start, e.status])).toEqual([['Bulgaria to hold parliamentary election', 'Bulgaria', '2026-03-15', 'planned']]);
    const polls = documentEvents('SOFIA — Bulgarian voters go to the polls on Sunday for the fourth time in two years.', '2026-03-10');
    expect(polls.map((e) => [e.entry.name, e.start, e.status])).toEqual([['Bulgaria', '2026-03-15', 'planned']]);
    // wink reads "vote" after "Bulgarians" as a noun
    const vote = documentEvents('SOFIA — Bulgarians vote on Sunday in a snap election.', '2026-03-10');
    expect(vote.map((e) => [e.entry.name, e.start, e.status])).toEqual([['Bulgaria', '2026-03-15', 'planned']]);
  });

  it('a leader who addresses a parliament appears there; a letter addressed to a council is no appearance', () => {
    const events = documentEvents('STRASBOURG — Moldovan President Maia Sandu addressed the European Parliament in Strasbourg on Wednesday.', '2026-03-10');
    expect(events.map((e) => [e.title, e.category, e.entry.name, e.start])).toEqual([['Sandu addresses European Parliament in Strasbourg', 'meeting', 'Strasbourg', '2026-03-04']]);
    expect(documentEvents('The mayor addressed the letter to the council in Leeds on Monday.', '2026-03-10')).toEqual([]);
  });

  it('aid a state receives is aid at that state', () => {
    const events = documentEvents('KYIV — Ukraine received its first Gripen fighter jets from Sweden on Sunday.', '2026-03-10');
    expect(events.map((e) => [e.category, e.entry.name, e.start])).toEqual([['aid', 'Ukraine', '2026-03-08']]);
  });

  it('"Delegations from Russia and Ukraine" are the delegations, not Ukraine', () => {
    const events = documentEvents('ANKARA — Delegations from Russia and Ukraine will hold peace talks in Istanbul next week, Turkish officials said.', '2026-03-10');
    expect(events.map((e) => e.title)).toEqual(['Delegations to hold peace talks in Istanbul']);
  });
});

describe('blockades, damaged infrastructure, and who is expected to do what', () => {
  it('protesters blocking roads is an event where they block them; a cable damaged is an incident where it lies', () => {
    const blockade = documentEvents('BERLIN — Thousands of farmers blocked roads in Berlin with tractors on Monday in protest against fuel tax rises.', '2026-03-10');
    expect(blockade.map((e) => [e.title, e.category, e.entry.name, e.start])).toEqual([['Farmers block roads in Berlin', 'other', 'Berlin', '2026-03-09']]);
    const cable = documentEvents('TALLINN — An undersea power cable near Helsinki was damaged on Monday.', '2026-03-10');
    expect(cable.map((e) => [e.title, e.category, e.entry.name, e.start])).toEqual([['Undersea power cable damaged', 'incident', 'Helsinki', '2026-03-09']]);
  });

  it('a subject keeps its hyphens while an opening quote is dropped', () => {
    expect(documentEvents('TARTU — "The nine-member council will convene in Tartu on Thursday," the mayor said.', '2026-03-10').map((e) => e.title))
      .toEqual(['Nine-member council to convene in Tartu']);
    // a speaker's "we" is no headline subject, quoted or not
    const quoted = documentEvents('TARTU — "We have attended meetings at the county office in Tartu," the mayor said on Monday.', '2026-03-10');
    expect(quoted.map((e) => e.title).filter((t) => /^We\b/.test(t))).toEqual([]);
  });

  it('"expect the new brigade to arrive": the brigade arrives; "ministers are due to meet": the ministers meet', () => {
    expect(documentEvents('RIGA — Latvian officials said on Monday they expect the new brigade to arrive in Adazi in May.', '2026-03-10').map((e) => e.title))
      .toEqual(['New brigade to arrive in Adazi']);
    expect(documentEvents('BRUSSELS — EU foreign ministers are due to meet in Luxembourg on Monday to discuss sanctions.', '2026-03-10').map((e) => e.title))
      .toEqual(['EU foreign ministers to meet in Luxembourg']);
  });
});
