import { describe, expect, it } from 'vitest';
import { extractEvents } from '../../../src/pipeline/events/extract.ts';
import { analyseSentence } from '../../../src/pipeline/language/clauses.ts';
import { tag } from '../../../src/pipeline/language/tagger.ts';
import { segment } from '../../../src/pipeline/segment.ts';
import type { DateMention, GazetteerEntry, IngestedDocument, MentionForm, ResolvedMention } from '../../../src/pipeline/types.ts';
import type { DateInterval } from '../../../src/pipeline/types.ts';
import { loadResources } from '../resources.ts';

function entry(id: string, name: string, kind: GazetteerEntry['kind'], country: string | null, lat: number, lon: number, countries?: string[]): GazetteerEntry {
  return { id, name, kind, country, lat, lon, population: 0, featureCode: kind === 'country' ? 'PCLI' : 'PPL', gazetteer: id.startsWith('gn:') ? 'geonames' : id.startsWith('ne:') ? 'naturalearth' : 'curated', ...(countries ? { countries } : {}) };
}
const PLACES = {
  vilnius: entry('gn:593116', 'Vilnius', 'city', 'LT', 54.69, 25.28),
  lithuania: entry('ne:LT', 'Lithuania', 'country', 'LT', 55.3, 23.9),
  estonia: entry('ne:EE', 'Estonia', 'country', 'EE', 58.6, 25.0),
  russia: entry('ne:RU', 'Russia', 'country', 'RU', 61.5, 105.3),
  poland: entry('ne:PL', 'Poland', 'country', 'PL', 52.1, 19.4),
  germany: entry('ne:DE', 'Germany', 'country', 'DE', 51.2, 10.4),
  france: entry('ne:FR', 'France', 'country', 'FR', 46.6, 2.4),
  uk: entry('ne:GB', 'United Kingdom', 'country', 'GB', 54.0, -2.0),
  czechia: entry('ne:CZ', 'Czechia', 'country', 'CZ', 49.8, 15.5),
  denmark: entry('ne:DK', 'Denmark', 'country', 'DK', 56.0, 10.0),
  ukraine: entry('ne:UA', 'Ukraine', 'country', 'UA', 49.0, 32.0),
  kurakhove: entry('gn:704508', 'Kurakhove', 'city', 'UA', 47.98, 37.28),
  vuhledar: entry('gn:690688', 'Vuhledar', 'city', 'UA', 47.78, 37.25),
  velyka: entry('gn:689588', 'Velyka Novosilka', 'city', 'UA', 47.84, 36.83),
  kharkiv: entry('gn:706483', 'Kharkiv', 'city', 'UA', 49.98, 36.25),
  warsaw: entry('gn:756135', 'Warsaw', 'city', 'PL', 52.23, 21.01),
  westernUkraine: entry('dir:western:UA', 'western Ukraine', 'region', 'UA', 48.8, 26.1),
  romania: entry('ne:RO', 'Romania', 'country', 'RO', 45.9, 24.9),
  bucharest: entry('gn:683506', 'Bucharest', 'city', 'RO', 44.43, 26.1),
  bulgaria: entry('ne:BG', 'Bulgaria', 'country', 'BG', 42.7, 25.5),
  sopot: entry('gn:727221', 'Sopot', 'city', 'BG', 42.65, 24.75),
  lviv: entry('gn:702550', 'Lviv', 'city', 'UA', 49.84, 24.02),
  hague: entry('gn:2747373', 'The Hague', 'city', 'NL', 52.08, 4.3),
  georgia: entry('ne:GE', 'Georgia', 'country', 'GE', 42.3, 43.4),
  moscow: entry('gn:524901', 'Moscow', 'city', 'RU', 55.75, 37.62),
  ternopil: entry('gn:691650', 'Ternopil', 'city', 'UA', 49.55, 25.59),
  kyiv: entry('gn:703448', 'Kyiv', 'city', 'UA', 50.45, 30.52),
  brussels: entry('gn:2800866', 'Brussels', 'city', 'BE', 50.85, 4.35),
  baltics: entry('cur:baltics', 'the Baltics', 'region', null, 56.9, 24.3, ['EE', 'LV', 'LT']),
};

function doc(text: string, published: string | null = '2024-11-26'): IngestedDocument {
  return { file: 'a.txt', title: 'A', credit: null, published, text, boilerplate: [] };
}
/** The n-th occurrence of `phrase` in the text as a resolved mention of `place`. */
function at(text: string, phrase: string, place: GazetteerEntry, form: MentionForm = 'name', n = 0): ResolvedMention {
  let start = -1;
  for (let k = 0; k <= n; k++) start = text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`${phrase} not in text`);
  return { start, end: start + phrase.length, text: phrase, form, candidates: [place.id], entry: place, confidence: 0.9 };
}
function date(text: string, phrase: string, interval: DateInterval): DateMention {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length, text: phrase, interval };
}
function run(d: IngestedDocument, mentions: ResolvedMention[], dates: DateMention[] = []) {
  const sentences = segment(d);
  const grammars = sentences.map((s) => (s.isContent ? analyseSentence(tag(s.text, s.start)) : null));
  return extractEvents({ doc: d, sentences, grammars, mentions, dates, lexicon: loadResources().lexicon });
}

describe('extractEvents', () => {
  it('extractEvents() places a crash at the city it happened near, not the country named after it', () => {
    const text = 'When a DHL cargo plane crashed near Vilnius in Lithuania, there were suspicions it was sabotage.';
    const d = doc(text);
    const { events } = run(d, [at(text, 'Vilnius', PLACES.vilnius), at(text, 'Lithuania', PLACES.lithuania)]);
    expect(events).toHaveLength(1);
    const [e] = events;
    expect([e.category, e.entry.name, e.title]).toEqual(['incident', 'Vilnius', 'DHL cargo plane crashes near Vilnius']);
    // no date in the text: the month of publication, up to the published day
    expect([e.start, e.end, e.precision, e.dateQuality]).toEqual(['2024-11-01', '2024-11-26', 'month', 0]);
    expect(e.source.excerpt).toBe(text.slice(e.source.start, e.source.end));
    const place = e.source.highlights.find((h) => h.kind === 'place')!;
    expect(text.slice(place.start, place.end)).toBe('Vilnius');
  });

  it('extractEvents() takes the country of "Estonian airspace" for an incursion and the attacker as actor', () => {
    const text =
      'The mission was launched in September following incursions into Polish airspace. Subsequently, three Russian MiG-31 jets violated Estonian airspace.';
    const d = doc(text, '2025-10-15');
    const { events } = run(d, [at(text, 'Polish', PLACES.poland, 'adjective'), at(text, 'Russian', PLACES.russia, 'adjective'), at(text, 'Estonian', PLACES.estonia, 'adjective')], [
      date(text, 'September', { start: '2025-09-01', end: '2025-09-30', precision: 'month' }),
    ]);
    const estonia = events.find((e) => e.entry.name === 'Estonia')!;
    expect(estonia.category).toBe('incursion');
    expect(estonia.title).toBe('Three Russian MiG-31 jets violate Estonian airspace');
    expect(estonia.actors).toEqual(['RU']);
    // the date came from the neighbouring sentence, so the excerpt quotes both
    expect([estonia.start, estonia.end]).toEqual(['2025-09-01', '2025-09-30']);
    expect(estonia.source.excerpt).toBe(text);
    expect(estonia.source.highlights.map((h) => text.slice(h.start, h.end))).toEqual(['September', 'violated', 'Estonian']);
  });

  it('extractEvents() quotes every sentence from the paragraph\'s date to the event, with the date highlighted', () => {
    const text =
      'The mission was launched in September after drones crossed the border. Germany is sending four jets. ' +
      'Subsequently, three Russian MiG-31 jets violated Estonian airspace.';
    const d = doc(text, '2025-10-15');
    const { events } = run(d, [at(text, 'Germany', PLACES.germany), at(text, 'Russian', PLACES.russia, 'adjective'), at(text, 'Estonian', PLACES.estonia, 'adjective')], [
      date(text, 'September', { start: '2025-09-01', end: '2025-09-30', precision: 'month' }),
    ]);
    const estonia = events.find((e) => e.entry.name === 'Estonia')!;
    expect([estonia.start, estonia.end]).toEqual(['2025-09-01', '2025-09-30']);
    expect(estonia.source.excerpt).toBe(text);
    expect(estonia.source.highlights.filter((h) => h.kind === 'date').map((h) => text.slice(h.start, h.end))).toEqual(['September']);
  });

  it('extractEvents() gives one event per place of an enumeration', () => {
    const text =
      'Russian troops have moved faster than ever as gains around the key areas of Kurakhove, Vuhledar, and Velyka Novosilka have taken place in eastern Ukraine.';
    const d = doc(text);
    const { events } = run(d, [
      at(text, 'Russian', PLACES.russia, 'adjective'), at(text, 'Kurakhove', PLACES.kurakhove), at(text, 'Vuhledar', PLACES.vuhledar),
      at(text, 'Velyka Novosilka', PLACES.velyka), at(text, 'Ukraine', PLACES.ukraine),
    ]);
    expect(events.map((e) => [e.category, e.entry.name])).toEqual([['advance', 'Kurakhove'], ['advance', 'Vuhledar'], ['advance', 'Velyka Novosilka']]);
    expect(events.every((e) => e.actors.join() === 'RU')).toBe(true);
  });

  it('extractEvents() never places a strike at the city that launched it', () => {
    const text = 'Meanwhile, airstrikes by Moscow continue to hit critical infrastructure, including power grids in Ternopil and Kyiv.';
    const { events } = run(doc(text), [at(text, 'Moscow', PLACES.moscow), at(text, 'Ternopil', PLACES.ternopil), at(text, 'Kyiv', PLACES.kyiv)]);
    expect(events.map((e) => e.entry.name)).toEqual(['Ternopil', 'Kyiv']);
    expect(events[0].actors).toEqual(['RU']);
  });

  it('extractEvents() makes the contributors named next to a mission its actors', () => {
    const text =
      "The 'Eastern Sentry' mission was launched in September following incursions by Russian drones into Polish airspace. Germany is contributing four Eurofighter jets for flights over Poland; other participants include France, the United Kingdom, Czechia, and Denmark.";
    const mentions = [
      at(text, 'Russian', PLACES.russia, 'adjective'), at(text, 'Polish', PLACES.poland, 'adjective'), at(text, 'Germany', PLACES.germany),
      at(text, 'Poland', PLACES.poland), at(text, 'France', PLACES.france), at(text, 'United Kingdom', PLACES.uk),
      at(text, 'Czechia', PLACES.czechia), at(text, 'Denmark', PLACES.denmark),
    ];
    const { events } = run(doc(text, '2025-10-15'), mentions, [date(text, 'September', { start: '2025-09-01', end: '2025-09-30', precision: 'month' })]);
    const mission = events.find((e) => e.category === 'mission')!;
    expect(mission.entry.name).toBe('Poland');
    expect(mission.persists).toBe(true);
    expect(mission.actors).toEqual(['CZ', 'DE', 'DK', 'FR', 'GB']);
    expect(mission.title).toBe('Eastern Sentry mission launched over Poland');
    const incursion = events.find((e) => e.category === 'incursion')!;
    expect(incursion.actors).toEqual(['RU']);
  });

  it('extractEvents() does not count the state an event answers among its actors', () => {
    const text = "Battle groups in Poland were deployed in 2017 in response to Russia's seizure of Crimea.";
    const { events } = run(doc(text, '2022-02-17'), [at(text, 'Poland', PLACES.poland), at(text, 'Russia', PLACES.russia)], [
      date(text, '2017', { start: '2017-01-01', end: '2017-12-31', precision: 'year' }),
    ]);
    const deployment = events.find((e) => e.category === 'deployment')!;
    expect(deployment.entry.name).toBe('Poland');
    expect(deployment.actors).toEqual([]);
  });

  it('extractEvents() reads a headquarters named as a meeting venue as the meeting, dated by the sentence', () => {
    const text = "NATO defense ministers are convening on Wednesday at the alliance's Brussels headquarters to discuss deterrence.";
    const { events } = run(doc(text, '2025-10-15'), [at(text, 'Brussels', PLACES.brussels)], [
      date(text, 'Wednesday', { start: '2025-10-15', end: '2025-10-15', precision: 'day' }),
    ]);
    expect(events.map((e) => [e.category, e.entry.name, e.start, e.precision, e.dateQuality])).toEqual([['meeting', 'Brussels', '2025-10-15', 'day', 3]]);
    expect(events[0].title).toBe('NATO defense ministers convene in Brussels');
  });

  it('extractEvents() marks deployments as persisting states', () => {
    const text = 'NATO is bolstering battle groups already in the Baltics and Poland, which were deployed in 2017.';
    const { events } = run(doc(text, '2022-02-17'), [at(text, 'Baltics', PLACES.baltics, 'region'), at(text, 'Poland', PLACES.poland)], [
      date(text, '2017', { start: '2017-01-01', end: '2017-12-31', precision: 'year' }),
    ]);
    expect(events.map((e) => [e.entry.name, e.category, e.persists, e.start, e.precision])).toEqual([
      ['the Baltics', 'deployment', true, '2017-01-01', 'year'],
      ['Poland', 'deployment', true, '2017-01-01', 'year'],
    ]);
  });

  it('extractEvents() puts nothing on the timeline for an undated document but counts it', () => {
    const text = 'Member states delivered aid to Ukraine after the meetings in Brussels.';
    const { events, undated } = run(doc(text, null), [at(text, 'Ukraine', PLACES.ukraine), at(text, 'Brussels', PLACES.brussels)]);
    expect(events).toEqual([]);
    expect(undated.length).toBeGreaterThan(0);
  });

  it('extractEvents() ignores a trigger with no place it is about', () => {
    const text = 'Zelenskyy praised Ukraine for holding off the attack.';
    expect(run(doc(text), [at(text, 'Ukraine', PLACES.ukraine)]).events).toEqual([]);
  });

  it('extractEvents() places a story with no other place at its wire dateline', () => {
    const text = 'KHARKIV, Ukraine (AP) — Russian missiles struck a residential building on Tuesday, killing three people.';
    const { events } = run(doc(text, '2025-09-10'), [at(text, 'KHARKIV', PLACES.kharkiv), at(text, 'Ukraine', PLACES.ukraine), at(text, 'Russian', PLACES.russia, 'adjective')], [
      date(text, 'Tuesday', { start: '2025-09-09', end: '2025-09-09', precision: 'day' }),
    ]);
    expect(events.map((e) => [e.category, e.entry.name, e.start])).toEqual([['strike', 'Kharkiv', '2025-09-09']]);
    expect(events[0].title).toBe('Russian missiles strike residential building in Kharkiv');
  });

  it('extractEvents() does not take an airspace for the place of a strike named in the same sentence', () => {
    const text = 'WARSAW — Jets were scrambled after Russian drones entered Polish airspace during a massive attack on western Ukraine.';
    const { events } = run(doc(text, '2025-09-10'), [
      at(text, 'WARSAW', PLACES.warsaw), at(text, 'Russian', PLACES.russia, 'adjective'), at(text, 'Polish', PLACES.poland, 'adjective'),
      at(text, 'western Ukraine', PLACES.westernUkraine, 'region'),
    ]);
    expect(events.map((e) => [e.category, e.entry.name])).toEqual([['incursion', 'Poland'], ['strike', 'western Ukraine']]);
    expect(events[1].title).toBe('Russian attack on western Ukraine');
  });

  it('extractEvents() does not date a past meeting by a deadline after the article was written', () => {
    const text = 'The ministers, who met in Vilnius last week, agreed to station a brigade in Lithuania by 2027.';
    const { events } = run(doc(text, '2025-09-10'), [at(text, 'Vilnius', PLACES.vilnius), at(text, 'Lithuania', PLACES.lithuania)], [
      date(text, '2027', { start: '2027-01-01', end: '2027-12-31', precision: 'year' }),
    ]);
    const meeting = events.find((e) => e.category === 'meeting')!;
    expect(meeting.start < '2025-09-11').toBe(true);
  });

  it('extractEvents() gives "its airspace" to the state the sentence is about', () => {
    const text = 'Romania scrambled two F-16 jets on Saturday after a Russian drone entered its airspace, the ministry said.';
    const { events } = run(doc(text, '2025-09-14'), [at(text, 'Romania', PLACES.romania), at(text, 'Russian', PLACES.russia, 'adjective')], [
      date(text, 'Saturday', { start: '2025-09-13', end: '2025-09-13', precision: 'day' }),
    ]);
    expect(events.map((e) => [e.category, e.entry.name, e.start, e.actors.join()])).toEqual([['incursion', 'Romania', '2025-09-13', 'RU']]);
    expect(events[0].title).toBe("Russian drone enters Romania's airspace");
  });

  it('extractEvents() does not take the city where someone spoke for the place of the event', () => {
    const text = 'Defence Minister Ionut Mosteanu told reporters in Bucharest that the incursion was a provocation.';
    expect(run(doc(text, '2025-09-14'), [at(text, 'Bucharest', PLACES.bucharest)]).events).toEqual([]);
  });

  it('extractEvents() reads "in the Bulgarian town of Sopot" as Sopot', () => {
    const text = 'An explosion tore through an ammunition factory in the Bulgarian town of Sopot on Tuesday.';
    const { events } = run(doc(text, '2024-10-09'), [at(text, 'Bulgarian', PLACES.bulgaria, 'adjective'), at(text, 'Sopot', PLACES.sopot)]);
    expect(events.map((e) => [e.category, e.entry.name])).toEqual([['incident', 'Sopot']]);
  });

  it('extractEvents() takes a meeting announced in reported speech and names its subject', () => {
    const text = 'Mark Rutte, speaking at a press conference in Brussels on Monday, said allies would meet in Warsaw next month.';
    const { events } = run(doc(text, '2025-09-14'), [at(text, 'Brussels', PLACES.brussels), at(text, 'Warsaw', PLACES.warsaw)]);
    // announced, so planned: headlines write what is to come with "to"
    expect(events.map((e) => [e.category, e.entry.name, e.title, e.status])).toEqual([['meeting', 'Warsaw', 'Allies to meet in Warsaw', 'planned']]);
  });

  it('extractEvents() titles a report whose place opens the sentence and keeps the struck state out of the actors', () => {
    const text = "In Lviv, a drone struck a residential building, Ukraine's air force said.";
    const { events } = run(doc(text, '2025-07-04'), [at(text, 'Lviv', PLACES.lviv), at(text, 'Ukraine', PLACES.ukraine)]);
    expect(events.map((e) => [e.category, e.entry.name, e.title, e.actors])).toEqual([['strike', 'Lviv', 'Drone strikes residential building in Lviv', []]]);
  });

  it('extractEvents() never moves an event to the city where it was talked about', () => {
    const text = 'Russian missiles hit Ukraine overnight, Zelenskiy said in Kyiv.';
    const { events } = run(doc(text, '2025-07-04'), [at(text, 'Russian', PLACES.russia, 'adjective'), at(text, 'Ukraine', PLACES.ukraine), at(text, 'Kyiv', PLACES.kyiv)]);
    expect(events.map((e) => e.entry.name)).toEqual(['Ukraine']);
  });

  it('extractEvents() names a meeting after the body that holds it', () => {
    const text = 'Nakatani participated in a NATO defense ministers’ meeting in Brussels on October 17.';
    const { events } = run(doc(text, '2024-10-21'), [at(text, 'Brussels', PLACES.brussels)], [
      date(text, 'October 17', { start: '2024-10-17', end: '2024-10-17', precision: 'day' }),
    ]);
    expect(events.map((e) => e.title)).toEqual(['NATO defense ministers meeting in Brussels']);
  });

  it('extractEvents() lets each event word find its own place', () => {
    const text = 'Foreign ministers met in Brussels on Tuesday ahead of the summit in The Hague on 24 June 2025.';
    const { events } = run(doc(text, '2025-06-10'), [at(text, 'Brussels', PLACES.brussels), at(text, 'The Hague', PLACES.hague)], [
      date(text, 'Tuesday', { start: '2025-06-10', end: '2025-06-10', precision: 'day' }),
      date(text, '24 June 2025', { start: '2025-06-24', end: '2025-06-24', precision: 'day' }),
    ]);
    expect(events.map((e) => [e.entry.name, e.start])).toEqual([['Brussels', '2025-06-10'], ['The Hague', '2025-06-24']]);
  });

  it('extractEvents() seats the people who came from a state at the meeting, not the state they complained about', () => {
    const text = 'Ministers are talking in Brussels on Thursday to their counterparts from Georgia and Ukraine about provocations from Moscow.';
    const { events } = run(doc(text, '2022-02-17'), [
      at(text, 'Brussels', PLACES.brussels), at(text, 'Georgia', PLACES.georgia), at(text, 'Ukraine', PLACES.ukraine), at(text, 'Moscow', PLACES.moscow),
    ], [date(text, 'Thursday', { start: '2022-02-17', end: '2022-02-17', precision: 'day' })]);
    expect(events.map((e) => [e.category, e.entry.name, e.actors])).toEqual([['meeting', 'Brussels', ['GE', 'UA']]]);
  });

  it('extractEvents() places a meeting where the traveller went', () => {
    const text = 'During a visit to Kyiv on Monday, the chancellor met President Zelensky.';
    const { events } = run(doc(text, '2025-06-10'), [at(text, 'Kyiv', PLACES.kyiv)], [
      date(text, 'Monday', { start: '2025-06-09', end: '2025-06-09', precision: 'day' }),
    ]);
    expect(events.map((e) => [e.category, e.entry.name, e.start])).toEqual([['meeting', 'Kyiv', '2025-06-09']]);
  });
});
