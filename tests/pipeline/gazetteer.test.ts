import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGazetteer } from '../../scripts/gazetteer-load.ts';
import { createGazetteer, type Gazetteer, type GazetteerData } from '../../src/pipeline/gazetteer.ts';
import { RESOLVE_DEFAULTS } from '../../src/pipeline/resolve.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = loadGazetteer();
});

describe('gazetteer', () => {
  it('lookupName() finds an airport by the air base that shares its field, and a misspelt one a slip away', () => {
    for (const key of ['keflavik air base', 'keflavik airbase']) expect(gazetteer.lookupName(key).map((e) => e.id), key).toEqual(['cur:airport:KEF']);
    expect(gazetteer.lookupNameNear('keflavik airbasee').map((e) => e.id)).toEqual(['cur:airport:KEF']);
  });

  it('lookupName() finds no town by a nickname of "The" and common words, but keeps towns so named', () => {
    for (const nickname of ['the city', 'the windy city', 'the big apple', 'the falls']) expect(gazetteer.lookupName(nickname), nickname).toEqual([]);
    expect(gazetteer.lookupName('the villages')[0]).toMatchObject({ name: 'The Villages', country: 'US' });
  });

  it('lookupAdjective() knows the people of a country in the plural, and makes no plural English has not', () => {
    for (const [people, code] of [['russians', 'RU'], ['czechs', 'CZ'], ['greeks', 'GR'], ['iraqis', 'IQ']]) {
      expect(gazetteer.lookupAdjective(people).map((e) => e.country), people).toContain(code);
    }
    for (const none of ['frenchs', 'swisss', 'chineses', 'britishs', 'dutchs']) expect(gazetteer.lookupAdjective(none), none).toEqual([]);
  });

  it('loadGazetteer() reads an index in which Kiev is an alternate name of Kyiv, the capital of Ukraine', () => {
    const kyiv = gazetteer.lookupName('kiev').find((e) => e.featureCode === 'PPLC');
    expect(kyiv).toMatchObject({ name: 'Kyiv', country: 'UA', kind: 'city', gazetteer: 'geonames' });
    expect(gazetteer.lookupName('kyiv').map((e) => e.id)).toContain(kyiv!.id);
    expect(gazetteer.byId(kyiv!.id)).toEqual(kyiv);
  });

  it('loadGazetteer() holds the GeoNames places, every country and the curated regions', () => {
    expect(gazetteer.size).toBeGreaterThan(190_000);
    expect(gazetteer.lookupName('velyka novosilka')[0]).toMatchObject({ country: 'UA', geonameId: expect.any(Number) });
    expect(gazetteer.lookupAdjective('polish').map((e) => e.country)).toEqual(['PL']);
  });

  it('countryByCode() gives a country its alpha-2 code and a point inside the country', () => {
    const poland = gazetteer.countryByCode('PL')!;
    expect(poland).toMatchObject({ kind: 'country', country: 'PL', featureCode: 'PCLI' });
    const [w, s, e, n] = gazetteer.extent('PL')!;
    expect(poland.lon).toBeGreaterThan(w);
    expect(poland.lon).toBeLessThan(e);
    expect(poland.lat).toBeGreaterThan(s);
    expect(poland.lat).toBeLessThan(n);
  });

  it('byId() gives regions their member countries, the Baltics being Estonia, Latvia and Lithuania', () => {
    const baltics = gazetteer.lookupName('baltics')[0];
    expect(baltics).toMatchObject({ kind: 'region', country: null, gazetteer: 'curated' });
    expect(gazetteer.byId(baltics.id)!.countries).toEqual(['EE', 'LV', 'LT']);
  });

  it('byId() places a direction region such as eastern Ukraine east of the country centre and inside it', () => {
    const east = gazetteer.byId('dir:eastern:UA')!;
    const ukraine = gazetteer.countryByCode('UA')!;
    const [, , e] = gazetteer.extent('UA')!;
    expect(east).toMatchObject({ kind: 'region', country: 'UA', name: 'eastern Ukraine' });
    expect(east.lon).toBeGreaterThan(ukraine.lon);
    expect(east.lon).toBeLessThan(e);
  });

  it('admin1() and abbreviation() find first-level subdivisions, Texas by its code and New Jersey by "N.J."', () => {
    expect(gazetteer.admin1('US', 'TX')).toMatchObject({ name: 'Texas', featureCode: 'ADM1', country: 'US' });
    expect(gazetteer.abbreviation('N.J.')).toMatchObject({ name: 'New Jersey' });
    expect(gazetteer.abbreviation('NJ')).toBeUndefined();
  });

  it('lookupName() finds first-level subdivisions of every country, under the ways news writes them', () => {
    expect(gazetteer.lookupName('limpopo')).toEqual([expect.objectContaining({ featureCode: 'ADM1', country: 'ZA' })]);
    for (const key of ['kharkiv oblast', 'kharkiv region', 'kyiv oblast', 'kano state', 'masovian voivodeship']) {
      expect(gazetteer.lookupName(key).map((e) => e.featureCode)).toEqual(['ADM1']);
    }
    expect(gazetteer.lookupName('punjab').filter((e) => e.featureCode === 'ADM1').map((e) => e.country).sort()).toEqual(['IN', 'PK']);
  });

  it('lookupName() leaves a bare name to the town that has it, US states excepted, and generic words to nobody', () => {
    // Kano State's seat is Kano; "North West" and "Northern Region" are everywhere. "New York" is the city and the
    // state: the ranker chooses (resolve.test.ts).
    expect(gazetteer.lookupName('kano').every((e) => e.kind === 'city')).toBe(true);
    expect(gazetteer.lookupName('new york').map((e) => e.featureCode)).toEqual(expect.arrayContaining(['ADM1', 'PPL']));
    expect(gazetteer.lookupName('northern region')).toEqual([]);
    expect(gazetteer.lookupName('north west').some((e) => e.featureCode === 'ADM1')).toBe(false);
  });

  it('lookupName() finds airports by full name, by name without town, and never by a given name alone', () => {
    expect(gazetteer.lookupName('munich airport').map((e) => [e.featureCode, e.country])).toEqual([['AIRP', 'DE']]);
    expect(gazetteer.lookupName('sheremetyevo').map((e) => e.featureCode)).toEqual(['AIRP']);
    expect(gazetteer.lookupName('logan').some((e) => e.featureCode === 'AIRP')).toBe(false);
  });

  it('createGazetteer() refuses an index of another format and says how to rebuild it', () => {
    expect(() => createGazetteer({ format: -1 } as GazetteerData)).toThrow(/npm run prepare:data/);
  });

  it('loadGazetteer() names a missing or broken index file and the command that builds it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazetteer-'));
    expect(() => loadGazetteer(join(dir, 'none.json'))).toThrow(/none\.json.*npm run prepare:data/);
    writeFileSync(join(dir, 'broken.json'), '{"format":');
    expect(() => loadGazetteer(join(dir, 'broken.json'))).toThrow(/broken\.json: gazetteer index is not valid JSON/);
  });

  it('border() gives the border of two neighbouring countries in either order, at the middle of their shared line', () => {
    const border = gazetteer.border('PL', 'BY')!;
    expect(border).toMatchObject({ id: 'border:BY-PL', kind: 'region', name: 'Belarus–Poland border', countries: ['BY', 'PL'] });
    expect(gazetteer.border('by', 'pl')).toEqual(border);
    expect(gazetteer.byId('border:BY-PL')).toEqual(border);
    // The Belarus–Poland boundary runs from about 51.5° N to 54.4° N near 23.5–24° E.
    expect(border.lat).toBeGreaterThan(51.4);
    expect(border.lat).toBeLessThan(54.5);
    expect(border.lon).toBeGreaterThan(23);
    expect(border.lon).toBeLessThan(24.5);
    expect(gazetteer.border('PL', 'US')).toBeUndefined();
    expect(gazetteer.border('PL', 'XX')).toBeUndefined();
  });

  it('lookupName() finds a US county by "<name> County" only, at a point inside its state', () => {
    const licking = gazetteer.lookupName('licking county');
    expect(licking.map((e) => [e.featureCode, e.country, e.gazetteer])).toEqual([['ADM2', 'US', 'census']]);
    expect(gazetteer.admin1Code(licking[0].id)).toBe('OH');
    expect(gazetteer.lookupName('licking').some((e) => e.featureCode === 'ADM2')).toBe(false);
    // Virginia's independent cities are towns, not counties.
    expect(gazetteer.lookupName('norfolk county').filter((e) => e.featureCode === 'ADM2').map((e) => gazetteer.admin1Code(e.id))).toEqual(['MA']);
  });

  it('admin1() places a US state at the middle of its shape, not of the box around its towns', () => {
    const virginia = gazetteer.admin1('US', 'VA')!;
    // Inside Virginia, west of Richmond, east of the Blue Ridge.
    expect(virginia.lat).toBeGreaterThan(37);
    expect(virginia.lat).toBeLessThan(38.2);
    expect(virginia.lon).toBeGreaterThan(-79.6);
    expect(virginia.lon).toBeLessThan(-77.4);
  });

  it('every natural feature in geo/physical.json has a source, a point and a known feature class', () => {
    const physical = JSON.parse(readFileSync('geo/physical.json', 'utf8'));
    expect(physical.places.length).toBeGreaterThan(150);
    for (const p of physical.places) {
      expect(p.source, p.id).toMatch(/^https:\/\/en\.wikipedia\.org\/wiki\//);
      expect(Math.abs(p.lat), p.id).toBeLessThanOrEqual(90);
      expect(Math.abs(p.lon), p.id).toBeLessThanOrEqual(180);
      expect(RESOLVE_DEFAULTS.featureWeight[p.featureCode], p.id).toBeDefined();
    }
    expect(gazetteer.lookupName('gulf of finland')[0]).toMatchObject({ kind: 'region', featureCode: 'GULF', countries: ['FI', 'EE', 'RU'] });
  });

  it('loadGazetteer() places countries at GeoNames\' points by default, and at another convention\'s when asked', () => {
    expect(gazetteer.countryByCode('CA')).toMatchObject({ lat: 60.10867, lon: -113.64258 });
    const factbook = loadGazetteer(undefined, { convention: 'factbook' });
    expect(factbook.countryByCode('CA')).toMatchObject({ lat: 60, lon: -95 });
    const centroid = loadGazetteer(undefined, { convention: 'centroid' }).countryByCode('PL')!;
    const [w, s, e, n] = gazetteer.extent('PL')!;
    expect(centroid.lon).toBeGreaterThan(w);
    expect(centroid.lon).toBeLessThan(e);
    expect(centroid.lat).toBeGreaterThan(s);
    expect(centroid.lat).toBeLessThan(n);
    expect(() => loadGazetteer(undefined, { convention: 'wikipedia' as never })).toThrow(/unknown point convention wikipedia/);
  });
});
