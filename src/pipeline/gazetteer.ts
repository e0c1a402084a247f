// The in-memory gazetteer: entries kept as columns, names as one sorted key list searched by bisection.
// Built by scripts/build-gazetteer.ts, read from disk by gazetteer-load.ts; this module does no I/O.
import type { GazetteerEntry, PlaceKind } from './types.ts';
import { directionalEntry, parseDirectionalId } from './places/directions.ts';

export const GAZETTEER_FORMAT = 3;

/**
 * The built index as stored in geo/build/gazetteer.json. Columns, not objects, so that JSON.parse stays fast:
 *
 *   entry i:  ids[i] names[i] kinds[i] countries[i] lat[i] lon[i] population[i] featureCodes[i] admin1[i]
 *   keys:     normalised names, sorted, joined by '\n'; postings: per key, entry indices (base 36) joined by ','
 *             and the keys' lists joined by ';' (so key k's entries are postings.split(';')[k])
 */
export interface GazetteerData {
  format: number;
  ids: string[];
  names: string[];
  /** One character per entry: s site, c city, C country, r region. */
  kinds: string;
  countries: string[];
  /** Entry index -> member countries, for regions such as the Baltics. */
  regionCountries: Record<string, string[]>;
  lat: number[];
  lon: number[];
  population: number[];
  featureCodes: string[];
  admin1: string[];
  nameKeys: string;
  namePostings: string;
  adjectiveKeys: string;
  adjectivePostings: string;
  /** Country alpha-2 -> [west, south, east, north] of its main landmass, for "eastern Ukraine". */
  extents: Record<string, [number, number, number, number]>;
  /** Common English words, lower case, joined by '\n': capitalised, they are rarely towns. */
  commonWords: string;
  /** English given names joined by '\n': a capitalised word after one is a surname, not a place. */
  givenNames: string;
  /** Abbreviations written as the text writes them ("N.J.", "Calif.") -> entry id; only read after "Town, ". */
  abbreviations: Record<string, string>;
}

export interface Gazetteer {
  byId(id: string): GazetteerEntry | undefined;
  countryByCode(alpha2: string): GazetteerEntry | undefined;
  /** Entries with this normalised name or alternate name (see places/normalise.ts). */
  lookupName(key: string): GazetteerEntry[];
  /** Countries and regions whose adjectival form ("Polish", "Baltic") normalises to `key`. */
  lookupAdjective(key: string): GazetteerEntry[];
  /** The first-level subdivision with this GeoNames admin1 code, if the gazetteer has it. */
  admin1(country: string, code: string): GazetteerEntry | undefined;
  /** The GeoNames admin1 code of a place or subdivision ("TX", "08"), '' when it has none. */
  admin1Code(id: string): string;
  /** [west, south, east, north] of a country's main landmass. */
  extent(alpha2: string): readonly [number, number, number, number] | undefined;
  isCommonWord(lowerCaseWord: string): boolean;
  /** The subdivision an exact abbreviation stands for ("N.J.", "Calif."), if any. */
  abbreviation(text: string): GazetteerEntry | undefined;
  isGivenName(word: string): boolean;
  /** How many entries the index holds. */
  readonly size: number;
}

const KIND_BY_CHAR: Record<string, PlaceKind> = { s: 'site', c: 'city', C: 'country', r: 'region' };

function gazetteerOf(id: string): GazetteerEntry['gazetteer'] {
  if (id.startsWith('gn:')) return 'geonames';
  if (id.startsWith('ne:')) return 'naturalearth';
  return 'curated';
}

/** Sorted keys searched by bisection: loads in one split, no hash map of a million names to build. */
class KeyIndex {
  private readonly keys: string[];
  private readonly postings: string[];

  constructor(keys: string, postings: string) {
    this.keys = keys ? keys.split('\n') : [];
    this.postings = postings ? postings.split(';') : [];
    if (this.keys.length !== this.postings.length) throw new Error('gazetteer index is corrupt: keys and postings differ in length');
  }

  find(key: string): number[] {
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = this.keys[mid];
      if (k === key) return this.postings[mid].split(',').map((s) => parseInt(s, 36));
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return [];
  }
}

export function createGazetteer(data: GazetteerData): Gazetteer {
  if (data.format !== GAZETTEER_FORMAT) {
    throw new Error(`gazetteer index has format ${data.format}, expected ${GAZETTEER_FORMAT}: run npm run prepare:data`);
  }
  const names = new KeyIndex(data.nameKeys, data.namePostings);
  const adjectives = new KeyIndex(data.adjectiveKeys, data.adjectivePostings);
  const common = new Set(data.commonWords.split('\n'));
  const given = new Set(data.givenNames.split('\n'));
  const cache = new Map<number, GazetteerEntry>();
  let indexById: Map<string, number> | null = null;
  const countryIndex = new Map<string, number>();
  const admin1Index = new Map<string, number>();
  for (let i = 0; i < data.ids.length; i++) {
    const fc = data.featureCodes[i];
    if (data.kinds[i] === 'C') countryIndex.set(data.countries[i], i);
    else if (fc === 'ADM1' && data.admin1[i]) admin1Index.set(`${data.countries[i]}.${data.admin1[i]}`, i);
  }

  function entry(i: number): GazetteerEntry {
    let e = cache.get(i);
    if (e) return e;
    const id = data.ids[i];
    e = {
      id,
      name: data.names[i],
      kind: KIND_BY_CHAR[data.kinds[i]],
      country: data.countries[i] || null,
      lat: data.lat[i],
      lon: data.lon[i],
      population: data.population[i],
      featureCode: data.featureCodes[i],
      gazetteer: gazetteerOf(id),
    };
    const members = data.regionCountries[String(i)];
    if (members) e.countries = members;
    if (id.startsWith('gn:')) e.geonameId = Number(id.slice(3));
    cache.set(i, e);
    return e;
  }

  function indexOf(id: string): number | undefined {
    indexById ??= new Map(data.ids.map((x, i) => [x, i]));
    return indexById.get(id);
  }

  const gazetteer: Gazetteer = {
    size: data.ids.length,
    admin1Code(id) {
      const i = indexOf(id);
      return i === undefined ? '' : data.admin1[i];
    },
    byId(id) {
      const directional = parseDirectionalId(id);
      if (directional) {
        const country = gazetteer.countryByCode(directional.country);
        return country && directionalEntry(directional.direction, country, gazetteer.extent(directional.country));
      }
      const i = indexOf(id);
      return i === undefined ? undefined : entry(i);
    },
    countryByCode(alpha2) {
      const i = countryIndex.get(alpha2.toUpperCase());
      return i === undefined ? undefined : entry(i);
    },
    lookupName: (key) => names.find(key).map(entry),
    lookupAdjective: (key) => adjectives.find(key).map(entry),
    admin1(country, code) {
      const i = admin1Index.get(`${country}.${code}`);
      return i === undefined ? undefined : entry(i);
    },
    extent: (alpha2) => data.extents[alpha2],
    isCommonWord: (w) => common.has(w),
    isGivenName: (w) => given.has(w),
    abbreviation: (text) => (Object.hasOwn(data.abbreviations, text) ? gazetteer.byId(data.abbreviations[text]) : undefined),
  };
  return gazetteer;
}
