import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactPathOf, GAZETTEER_PATH, loadCompactGazetteer, loadGazetteer } from '../../scripts/gazetteer-load.ts';
import { createGazetteer, GAZETTEER_FORMAT, type Gazetteer, type GazetteerData } from '../../src/pipeline/gazetteer.ts';
import { encodeGazetteer, openGazetteer } from '../../src/pipeline/gazetteer-compact.ts';
import { normaliseName } from '../../src/pipeline/places/normalise.ts';

let data: GazetteerData;
let reference: Gazetteer;
let compact: Gazetteer;
beforeAll(() => {
  data = JSON.parse(readFileSync(GAZETTEER_PATH, 'utf8')) as GazetteerData;
  reference = createGazetteer(data);
  compact = loadGazetteer();
}, 60_000);

/** Every `step`-th of `xs`, from a start that differs per step so samples do not line up. */
const sample = <T>(xs: readonly T[], step: number) => xs.filter((_, i) => i % step === step >> 1);

/** A two-entry index: enough to see which file a gazetteer was read from. */
function tinyIndex(name: string): GazetteerData {
  return {
    format: GAZETTEER_FORMAT, ids: 'gn:1\ngn:2', names: `${name}\nPoland`, kinds: 'cC', countries: 'PLPL', regionCountries: {},
    lat: [52.2, 52], lon: [21, 19], population: [1_800_000, 38_000_000], featureCodes: 'PPLC\nPCLI', admin1: '78\n00',
    nameIndex: { [normaliseName(name).slice(0, 2)]: [normaliseName(name), '0'], po: ['poland', '1'] },
    adjectiveIndex: { po: ['polish', '1'] }, extents: { PL: [14, 49, 24, 55] }, commonWords: 'the', givenNames: 'anna',
    abbreviations: {}, borders: {}, pointConventions: { factbook: {}, centroid: {} },
  };
}

describe('compact gazetteer', () => {
  it('openGazetteer() answers sampled names, alternate names and ids exactly as the JSON index does', () => {
    const names = data.names.split('\n');
    const ids = data.ids.split('\n');
    const keys = Object.values(data.nameIndex).flatMap(([k]) => k.split('\n'));
    const probes = [...sample(names, 101).map(normaliseName), ...sample(keys, 83), 'kiev', 'kyiv', 'london', 'springfield', 'no such place', '', 'zz'];
    for (const key of probes) expect(compact.lookupName(key), key).toEqual(reference.lookupName(key));
    for (const id of [...sample(ids, 37), 'gn:0', 'curated:nowhere', 'dir:eastern:UA', 'border:BY-PL']) {
      expect(compact.byId(id), id).toEqual(reference.byId(id));
      expect(compact.admin1Code(id), id).toBe(reference.admin1Code(id));
    }
    expect(probes.length).toBeGreaterThan(5_000);
  });

  it('openGazetteer() keeps names in any script, a lone surrogate included, and finds them as the JSON index does', () => {
    // One, two and three bytes a code unit; a surrogate alone is a unit like any other.
    for (const name of ['Zürich', 'Київ', '東京', 'A\ud800b', 'Ωmega\uffff']) {
      const index = tinyIndex(name);
      const small = openGazetteer(encodeGazetteer(index));
      const whole = createGazetteer(index);
      expect(small.byId('gn:1')?.name).toBe(name);
      for (const key of [normaliseName(name), `${normaliseName(name)}a`, normaliseName(name).slice(0, -1), 'poland', 'zz']) {
        expect(small.lookupName(key), key).toEqual(whole.lookupName(key));
      }
      expect(small.lookupName(normaliseName(name)).length).toBe(1);
    }
  });

  it('openGazetteer() finds the names one slip from a misspelt multi-word name exactly as the JSON index does', () => {
    // Misspelt by one slip each: a letter dropped, added, changed, two swapped; and names no slip reaches.
    const slips = ['mihail kogalniceau', 'port elizabteh', 'san fransisco', 'rio de janiero', 'kuala lumpurr', 'nizhny novgorot'];
    for (const key of [...slips, 'michael keenan', 'village center', 'no such place', 'zz']) {
      expect(compact.lookupNameNear(key).map((e) => e.id).sort(), key).toEqual(reference.lookupNameNear(key).map((e) => e.id).sort());
    }
    for (const key of slips) expect(compact.lookupNameNear(key).length, key).toBeGreaterThan(0);
  });

  it('openGazetteer() gives every country, its extent and population, admin1 codes, adjectives and borders as the JSON index does', () => {
    const codes = [...new Set(data.countries.match(/../g)!.map((c) => c.trim()).filter(Boolean))];
    expect(codes.length).toBeGreaterThan(240);
    for (const code of codes) {
      expect(compact.countryByCode(code), code).toEqual(reference.countryByCode(code));
      expect(compact.extent(code), code).toEqual(reference.extent(code));
    }
    expect(compact.countryByCode('PL')!.population).toBeGreaterThan(20_000_000);
    for (const [country, code] of [['US', 'TX'], ['UA', '13'], ['PL', '78'], ['XX', '01']]) {
      expect(compact.admin1(country, code)).toEqual(reference.admin1(country, code));
    }
    for (const key of Object.values(data.adjectiveIndex).flatMap(([k]) => k.split('\n'))) {
      expect(compact.lookupAdjective(key), key).toEqual(reference.lookupAdjective(key));
    }
    for (const key of Object.keys(data.borders)) expect(compact.border(key.slice(3), key.slice(0, 2))).toEqual(reference.border(key.slice(0, 2), key.slice(3)));
    for (const text of [...Object.keys(data.abbreviations), 'NJ']) expect(compact.abbreviation(text)).toEqual(reference.abbreviation(text));
    expect(compact.size).toBe(reference.size);
  });

  it('openGazetteer() knows the same common words and given names, and countries at each point convention', () => {
    for (const word of [...sample(data.commonWords.split('\n'), 7), 'kyiv', 'warsaw', 'zzzz', '']) {
      expect(compact.isCommonWord(word), word).toBe(reference.isCommonWord(word));
    }
    for (const word of [...sample(data.givenNames.split('\n'), 3), 'Kyiv', 'Warsaw']) expect(compact.isGivenName(word), word).toBe(reference.isGivenName(word));
    const bytes = loadCompactGazetteer();
    for (const convention of ['factbook', 'centroid'] as const) {
      expect(openGazetteer(bytes, { convention }).countryByCode('CA')).toEqual(createGazetteer(data, { convention }).countryByCode('CA'));
    }
  });

  it('loadCompactGazetteer() saves the buffer beside the JSON, reads it next time, and makes it again when the JSON changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazetteer-compact-'));
    const json = join(dir, 'gazetteer.json');
    writeFileSync(json, JSON.stringify(tinyIndex('Warsaw')));
    expect(loadGazetteer(json).lookupName('warsaw')[0]).toMatchObject({ name: 'Warsaw', country: 'PL', population: 1_800_000 });
    expect(existsSync(compactPathOf(json))).toBe(true);
    const saved = statSync(compactPathOf(json)).mtimeMs;
    expect(loadGazetteer(json).lookupAdjective('polish')[0]).toMatchObject({ name: 'Poland', kind: 'country' });
    expect(statSync(compactPathOf(json)).mtimeMs).toBe(saved);
    // A rebuilt index (another name, another time) is read, not the stale buffer.
    writeFileSync(json, JSON.stringify(tinyIndex('Warszawa')));
    utimesSync(json, new Date(), new Date(Date.now() + 5000));
    expect(loadGazetteer(json).lookupName('warszawa')[0]).toMatchObject({ name: 'Warszawa' });
    expect(loadGazetteer(json).lookupName('warsaw')).toEqual([]);
  });

  it('loadCompactGazetteer() makes a damaged saved buffer again instead of reading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazetteer-compact-'));
    const json = join(dir, 'gazetteer.json');
    writeFileSync(json, JSON.stringify(tinyIndex('Warsaw')));
    loadGazetteer(json);
    const whole = readFileSync(compactPathOf(json));
    writeFileSync(compactPathOf(json), whole.subarray(0, whole.length - 64));
    expect(loadGazetteer(json).lookupName('warsaw')[0]).toMatchObject({ name: 'Warsaw' });
    writeFileSync(compactPathOf(json), 'not a gazetteer');
    expect(loadGazetteer(json).countryByCode('PL')).toMatchObject({ name: 'Poland' });
  });

  it('encodeGazetteer() holds the index in well under the memory its JSON takes', () => {
    const bytes = encodeGazetteer(tinyIndex('Warsaw'));
    expect(openGazetteer(bytes).byId('gn:1')).toMatchObject({ name: 'Warsaw', geonameId: 1 });
    expect(loadCompactGazetteer().byteLength).toBeLessThan(40 << 20);
  });

  it('openGazetteer() refuses bytes that are not a compact gazetteer, and an index of another format, saying how to rebuild', () => {
    expect(() => openGazetteer(new Uint8Array(100))).toThrow(/npm run prepare:data/);
    expect(() => openGazetteer(encodeGazetteer({ ...tinyIndex('Warsaw'), format: GAZETTEER_FORMAT - 1 }))).toThrow(/format .*npm run prepare:data/);
  });
});
