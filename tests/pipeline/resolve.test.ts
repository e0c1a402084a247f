import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../scripts/gazetteer-load.ts';
import type { Gazetteer } from '../../src/pipeline/gazetteer.ts';
import { recognise } from '../../src/pipeline/recognise.ts';
import { resolve, RESOLVE_DEFAULTS } from '../../src/pipeline/resolve.ts';
import { distanceKm } from '../../src/util/geo.ts';
import type { IngestedDocument, ResolvedMention } from '../../src/pipeline/types.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = loadGazetteer();
});

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function resolved(text: string): ResolvedMention[] {
  const doc: IngestedDocument = { file: 'test.txt', title: 'test', credit: null, published: null, text, boilerplate: [] };
  const sentences = [...segmenter.segment(text)].map((s) => ({
    start: s.index, end: s.index + s.segment.length, text: s.segment, isContent: true,
  }));
  return resolve(recognise(doc, sentences, gazetteer), doc, gazetteer);
}

const place = (mentions: ResolvedMention[], text: string) => mentions.find((m) => m.text === text)?.entry;

describe('resolve', () => {
  it('resolve() takes Georgia for the country when the document is about NATO and Ukraine', () => {
    const found = resolved('On day two of the Defence Ministers Meeting NATO members are talking to their counterparts from Georgia and Ukraine.');
    expect(place(found, 'Georgia')).toMatchObject({ kind: 'country', country: 'GE' });
  });

  it('resolve() takes Georgia for the US state when the document is about Atlanta', () => {
    const found = resolved('Storms hit Atlanta overnight. Officials in Georgia said roads near Savannah were closed.');
    expect(place(found, 'Georgia')).toMatchObject({ country: 'US', featureCode: 'ADM1' });
  });

  it('resolve() takes Paris for the French capital when nothing says otherwise', () => {
    expect(place(resolved('The summit opened in Paris.'), 'Paris')).toMatchObject({ country: 'FR', featureCode: 'PPLC' });
  });

  it('resolve() takes the place inside the container named after it ("Paris, Texas")', () => {
    const entry = place(resolved('The festival moved to Paris, Texas, last year.'), 'Paris');
    expect(entry).toMatchObject({ country: 'US' });
    expect(gazetteer.admin1Code(entry!.id)).toBe('TX');
  });

  it('resolve() places Wiesbaden in Germany and Vilnius in Lithuania', () => {
    const found = resolved('NSATU, headquartered in Wiesbaden, Germany, will coordinate aid. A cargo plane crashed near Vilnius in Lithuania.');
    expect(place(found, 'Wiesbaden')).toMatchObject({ country: 'DE' });
    expect(place(found, 'Vilnius')).toMatchObject({ country: 'LT', featureCode: 'PPLC' });
  });

  it('resolve() gives the Baltics and eastern Ukraine region entries with their countries', () => {
    const found = resolved('Battle groups are in the Baltics. Fighting continues in eastern Ukraine.');
    expect(place(found, 'Baltics')).toMatchObject({ kind: 'region', countries: ['EE', 'LV', 'LT'] });
    expect(found.find((m) => m.form === 'region' && m.text === 'Ukraine')?.entry).toMatchObject({ kind: 'region', country: 'UA', id: 'dir:eastern:UA' });
  });

  it('resolve() gives one name one place throughout a document', () => {
    const found = resolved('Flooding hit Portland, Maine. Later, Portland reopened its harbour.').filter((m) => m.text === 'Portland');
    expect(found).toHaveLength(2);
    expect(found[0].entry!.id).toBe(found[1].entry!.id);
    expect(found[0].entry).toMatchObject({ country: 'US' });
  });

  it('resolve() reports a confidence between 0 and 1, higher for a country than for a contested town name', () => {
    const found = resolved('Officials in Poland met the mayor of Springfield.');
    for (const m of found) {
      expect(m.confidence).toBeGreaterThan(0);
      expect(m.confidence).toBeLessThanOrEqual(1);
    }
    expect(found.find((m) => m.text === 'Poland')!.confidence).toBeGreaterThan(found.find((m) => m.text === 'Springfield')!.confidence);
  });

  it('resolve() leaves a small town far from every other place of the document unresolved', () => {
    const found = resolved('Students played in London, Leeds and Bristol, then met at the Guildhall.');
    expect(found.find((m) => m.text === 'Guildhall')).toMatchObject({ entry: null, confidence: 0 });
    expect(place(found, 'Leeds')).toMatchObject({ country: 'GB' });
  });

  it('resolve() leaves a mention without candidates unresolved with confidence 0', () => {
    const doc: IngestedDocument = { file: 't.txt', title: 't', credit: null, published: null, text: 'Atlantis', boilerplate: [] };
    const [m] = resolve([{ start: 0, end: 8, text: 'Atlantis', form: 'name', candidates: ['gn:0'] }], doc, gazetteer);
    expect(m).toMatchObject({ entry: null, confidence: 0 });
  });

  it('resolve() takes a town in a country the document names a few times over its namesake in a country named often', () => {
    const text = 'The US-led coalition said a US soldier from Austin, Texas, died in the blast, American officials said. ' +
      'The British sergeant was born in Manchester and served with his battalion in Colchester.';
    const found = resolved(text);
    expect(place(found, 'Manchester')).toMatchObject({ country: 'GB' });
    expect(place(found, 'Colchester')).toMatchObject({ country: 'GB' });
  });

  it('resolve() places "Nelson" in British Columbia when the document is about BC towns', () => {
    const found = resolved('The new clinic in Nelson joins those in Penticton and Salmon Arm, BC officials said.');
    expect(place(found, 'Nelson')).toMatchObject({ country: 'CA' });
  });

  it('resolve() leaves unresolved a container none of whose namesakes shares a country with the town it contains', () => {
    // The gazetteer lacks the Philippine province Laguna; its namesakes are in Brazil, Mexico and the US.
    const found = resolved('The mayor of Cabuyao, Laguna opened a new school.');
    expect(place(found, 'Cabuyao')).toMatchObject({ country: 'PH' });
    expect(found.find((m) => m.text === 'Laguna')).toMatchObject({ entry: null, confidence: 0 });
  });

  it('resolve() reads "Tunisia, Libya and Egypt" as a list, not as containers', () => {
    const found = resolved('Convoys crossed Tunisia, Libya and Egypt.');
    expect(found.map((m) => m.entry?.country)).toEqual(['TN', 'LY', 'EG']);
  });

  it('resolve() places Heathrow and Schiphol at their airports, not at a town of the name', () => {
    const found = resolved('Flights from Heathrow airport to Schiphol were cancelled.');
    expect(found.map((m) => [m.text, m.entry?.featureCode, m.entry?.country])).toEqual([
      ['Heathrow', 'AIRP', 'GB'], ['Schiphol', 'AIRP', 'NL'],
    ]);
  });

  it('resolve() lets towns that each lean one way speak for each other, leaving a far namesake unresolved', () => {
    const found = resolved('Blackburn beat Ipswich and Swindon. The squad heads to East Yorkshire on Friday.');
    expect(found.filter((m) => m.entry).map((m) => m.entry!.country)).toEqual(['GB', 'GB', 'GB']);
    expect(found.find((m) => m.text === 'Yorkshire')?.entry ?? null).toBeNull();
  });

  it('resolve() leaves unresolved a town followed by a state none of its namesakes lies in', () => {
    const found = resolved('Officials in Smithville, Wash. said the road reopened.');
    expect(found.map((m) => [m.text, m.entry?.name ?? null])).toEqual([['Smithville', null], ['Wash.', 'Washington State']]);
    expect(place(resolved('Shelling hit Kramatorsk, Donetsk Oblast.'), 'Kramatorsk')).toMatchObject({ country: 'UA' });
  });

  it('resolve() places "X County" and "X Parish" at the US county, in the state the story is about', () => {
    const found = resolved('Deputies in Franklin County, Ohio arrested two men near Columbus. In Louisiana, Acadia Parish closed schools.');
    const franklin = place(found, 'Franklin County')!;
    expect(franklin).toMatchObject({ featureCode: 'ADM2', country: 'US' });
    expect(gazetteer.admin1Code(franklin.id)).toBe('OH');
    expect(distanceKm(franklin, { lat: 39.96, lon: -83.0 })).toBeLessThan(40);
    expect(gazetteer.admin1Code(place(found, 'Acadia Parish')!.id)).toBe('LA');
  });

  it('resolve() reads a local paper\'s "Paris" in its own state once other places put the story there', () => {
    const found = resolved('Police in Paris said the fire started after midnight. Firefighters came from Dallas and Texarkana, Texas.');
    expect(place(found, 'Paris')).toMatchObject({ country: 'US' });
    expect(gazetteer.admin1Code(place(found, 'Paris')!.id)).toBe('TX');
    // Without such places, the capital.
    expect(place(resolved('Police in Paris said the fire started after midnight.'), 'Paris')).toMatchObject({ country: 'FR' });
  });

  it('resolve() reads "Athens" in a Georgia story as the Georgia town, and in a Greek one as the capital', () => {
    const georgia = resolved('Students in Athens marched to the capitol in Atlanta. Macon and Augusta sent buses.');
    expect(place(georgia, 'Athens')).toMatchObject({ country: 'US' });
    expect(gazetteer.admin1Code(place(georgia, 'Athens')!.id)).toBe('GA');
    expect(place(resolved('Ferries left Athens for Crete and Rhodes.'), 'Athens')).toMatchObject({ country: 'GR' });
  });

  it('resolve() reads "New York City" as the city, and "New York" listed with states as the state', () => {
    // "New York" alone is the city in GeoWebNews and the state in GeoVirus: the ranker leans to the state, the city
    // stays its first alternative.
    expect(place(resolved('She moved to New York City last year.'), 'New York City')).toMatchObject({ kind: 'city' });
    const [alone] = resolved('She moved to New York last year.');
    expect([alone.entry!.featureCode, ...alone.alternatives!.map((a) => a.entry.kind)]).toEqual(expect.arrayContaining(['ADM1', 'city']));
    const states = resolved('Snow closed schools in New York, Ohio and Vermont.');
    expect(place(states, 'New York')).toMatchObject({ featureCode: 'ADM1', country: 'US' });
  });

  it('resolve() places seas, gulfs, straits and rivers named in the news', () => {
    const found = resolved('Tankers crossed the Bosphorus into the Black Sea; patrols watched the Baltic Sea, the Gulf of Finland and the Danube.');
    expect(found.map((m) => [m.text, m.entry?.featureCode])).toEqual([
      ['Bosphorus', 'STRT'], ['Black Sea', 'SEA'], ['Baltic Sea', 'SEA'], ['Gulf of Finland', 'GULF'], ['Danube', 'STM'],
    ]);
    expect(distanceKm(place(found, 'Bosphorus')!, { lat: 41.12, lon: 29.07 })).toBeLessThan(20);
  });

  it('resolve() reads an ambiguous town and an ambiguous county named in one story as the pair that meets', () => {
    // Neither name alone says which state: Miami County is in three, Troy leads in New York. Together they are Ohio's.
    const found = resolved('Deputies from Miami County searched a farm outside Troy on Tuesday.');
    const county = place(found, 'Miami County')!;
    const town = place(found, 'Troy')!;
    expect(gazetteer.admin1Code(town.id)).toBe(gazetteer.admin1Code(county.id));
    expect(distanceKm(town, county)).toBeLessThan(50);
  });

  it('resolve() leaves a big town found only by another of its names unresolved when the story is elsewhere', () => {
    const found = resolved('Shares of Mediolanum rose as traders in Chicago and Boston bought. Tourists in Turkey visited Constantinople.');
    expect(place(found, 'Mediolanum')).toBeNull();
    expect(place(found, 'Constantinople')).toMatchObject({ country: 'TR', name: 'Istanbul' });
  });

  it('resolve() keeps the runners-up of an ambiguous name with their probabilities, best first', () => {
    const [paris] = resolved('The summit opened in Paris.');
    expect(paris.alternatives!.length).toBeGreaterThan(0);
    const scores = paris.alternatives!.map((a) => a.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 - paris.confidence + 0.01);
    expect(paris.alternatives!.some((a) => a.entry.country === 'US')).toBe(true);
  });

  it('resolve() places "eastern Ukraine" at Ukraine\'s point when directional regions are off', () => {
    const doc: IngestedDocument = { file: 't.txt', title: 't', credit: null, published: null, text: 'Fighting continues in eastern Ukraine.', boilerplate: [] };
    const sentences = [{ start: 0, end: doc.text.length, text: doc.text, isContent: true }];
    const [m] = resolve(recognise(doc, sentences, gazetteer), doc, gazetteer, { ...RESOLVE_DEFAULTS, directionalRegions: false });
    expect(m.entry).toMatchObject({ id: 'ne:UA', kind: 'country' });
  });
});
