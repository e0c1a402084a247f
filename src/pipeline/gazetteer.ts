// The in-memory gazetteer: entries kept as columns, names as one sorted key list searched by bisection.
// Built by scripts/build-gazetteer.ts, read from disk by scripts/gazetteer-load.ts; this module does no I/O.
import type { GazetteerEntry, PlaceKind } from './types.ts';
import { directionalEntry, parseDirectionalId } from './places/directions.ts';

export const GAZETTEER_FORMAT = 6;

/**
 * The built index as stored in geo/build/gazetteer.json. Columns, not objects, and text columns as one string each
 * (one JSON string parses far faster than 200,000 small ones):
 *
 *   entry i:  ids[i] names[i] kinds[i] countries[2i..2i+2] lat[i] lon[i] population[i] featureCodes[i] admin1[i]
 *             (ids, names, featureCodes, admin1: lines of one string; countries: two letters per entry, '  ' = none)
 *   index:    buckets by the keys' first two characters; in each, normalised names sorted and joined by '\n', and
 *             per key its entry indices (base 36) joined by ',', the keys' lists joined by ';'
 */
export interface GazetteerData {
  format: number;
  ids: string;
  names: string;
  /** One character per entry: s site, c city, C country, r region. */
  kinds: string;
  countries: string;
  /** Entry index -> member countries, for regions such as the Baltics. */
  regionCountries: Record<string, string[]>;
  lat: number[];
  lon: number[];
  population: number[];
  featureCodes: string;
  admin1: string;
  /** First two characters of a normalised name -> [keys, postings] of that bucket. */
  nameIndex: Record<string, [string, string]>;
  adjectiveIndex: Record<string, [string, string]>;
  /** Country alpha-2 -> [west, south, east, north] of its main landmass, for "eastern Ukraine". */
  extents: Record<string, [number, number, number, number]>;
  /** Common English words, lower case, joined by '\n': capitalised, they are rarely towns. */
  commonWords: string;
  /** English given names joined by '\n': a capitalised word after one is a surname, not a place. */
  givenNames: string;
  /** Abbreviations written as the text writes them ("N.J.", "Calif.") -> entry id; only read after "Town, ". */
  abbreviations: Record<string, string>;
  /** "<alpha-2>-<alpha-2>" (codes sorted) -> the id of the border entry of two neighbouring countries. */
  borders: Record<string, string>;
  /** Per point convention other than the default (GeoNames'), entry id -> [lat, lon] where that convention differs. */
  pointConventions: Record<Exclude<PointConvention, 'geonames'>, Record<string, [number, number]>>;
}

/**
 * Where a country is placed. 'geonames' (default): GeoNames' point, which GeoWebNews and LGL use; 'factbook': the CIA
 * World Factbook's (world-countries' latlng); 'centroid': the centre of mass of its mainland (Natural Earth).
 * Corpora differ (GeoVirus uses Wikipedia's points): no one convention fits every reader.
 */
export const POINT_CONVENTIONS = ['geonames', 'factbook', 'centroid'] as const;
export type PointConvention = (typeof POINT_CONVENTIONS)[number];

export interface GazetteerOptions {
  /** Which convention places countries (POINT_CONVENTIONS). */
  convention: PointConvention;
}
export const GAZETTEER_DEFAULTS: GazetteerOptions = { convention: 'geonames' };

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
  /**
   * The border of two neighbouring countries, by their alpha-2 codes in either order ("PL", "BY"): a region at the
   * middle of their shared boundary, countries [both]. Undefined when they share no land boundary.
   */
  border(codeA: string, codeB: string): GazetteerEntry | undefined;
  /** How many entries the index holds. */
  readonly size: number;
}

const KIND_BY_CHAR: Record<string, PlaceKind> = { s: 'site', c: 'city', C: 'country', r: 'region' };

function gazetteerOf(id: string): GazetteerEntry['gazetteer'] {
  if (id.startsWith('gn:')) return 'geonames';
  if (id.startsWith('ne:') || id.startsWith('border:')) return 'naturalearth';
  if (id.startsWith('us:')) return 'census';
  return 'curated';
}

/**
 * Keys in buckets by their first two characters, each bucket sorted and searched by bisection. A bucket is split
 * into its keys on its first lookup, so loading costs one JSON.parse and a document only opens the buckets its
 * capitalised words need.
 */
class KeyIndex {
  private readonly buckets: Record<string, [string, string]>;
  private readonly opened = new Map<string, { keys: string[]; postings: string[] }>();

  constructor(buckets: Record<string, [string, string]>) {
    this.buckets = buckets;
  }

  private open(prefix: string): { keys: string[]; postings: string[] } | undefined {
    let bucket = this.opened.get(prefix);
    if (bucket || !Object.hasOwn(this.buckets, prefix)) return bucket;
    const [keys, postings] = this.buckets[prefix];
    bucket = { keys: keys.split('\n'), postings: postings.split(';') };
    if (bucket.keys.length !== bucket.postings.length) throw new Error('gazetteer index is corrupt: keys and postings differ in length');
    this.opened.set(prefix, bucket);
    return bucket;
  }

  find(key: string): number[] {
    const bucket = this.open(key.slice(0, 2));
    if (!bucket) return [];
    let lo = 0;
    let hi = bucket.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = bucket.keys[mid];
      if (k === key) return bucket.postings[mid].split(',').map((x) => parseInt(x, 36));
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return [];
  }
}

export function createGazetteer(data: GazetteerData, opts: GazetteerOptions = GAZETTEER_DEFAULTS): Gazetteer {
  if (data.format !== GAZETTEER_FORMAT) {
    throw new Error(`gazetteer index has format ${data.format}, expected ${GAZETTEER_FORMAT}: run npm run prepare:data`);
  }
  const nameIndex = new KeyIndex(data.nameIndex);
  const adjectives = new KeyIndex(data.adjectiveIndex);
  const ids = data.ids.split('\n');
  const names = data.names.split('\n');
  const featureCodes = data.featureCodes.split('\n');
  const admin1 = data.admin1.split('\n');
  const countryOf = (i: number) => data.countries.slice(2 * i, 2 * i + 2).trim();
  const common = new Set(data.commonWords.split('\n'));
  const given = new Set(data.givenNames.split('\n'));
  const cache = new Map<number, GazetteerEntry>();
  const points = opts.convention === 'geonames' ? {} : data.pointConventions[opts.convention];
  if (!points) throw new Error(`unknown point convention ${opts.convention}: use one of ${POINT_CONVENTIONS.join(', ')}`);
  let indexById: Map<string, number> | null = null;
  const countryIndex = new Map<string, number>();
  const admin1Index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    if (data.kinds[i] === 'C') countryIndex.set(countryOf(i), i);
    else if (featureCodes[i] === 'ADM1' && admin1[i]) admin1Index.set(`${countryOf(i)}.${admin1[i]}`, i);
  }

  function entry(i: number): GazetteerEntry {
    let e = cache.get(i);
    if (e) return e;
    const id = ids[i];
    const point = Object.hasOwn(points, id) ? points[id] : undefined;
    e = {
      id,
      name: names[i],
      kind: KIND_BY_CHAR[data.kinds[i]],
      country: countryOf(i) || null,
      lat: point ? point[0] : data.lat[i],
      lon: point ? point[1] : data.lon[i],
      population: data.population[i],
      featureCode: featureCodes[i],
      gazetteer: gazetteerOf(id),
    };
    const members = data.regionCountries[String(i)];
    if (members) e.countries = members;
    if (id.startsWith('gn:')) e.geonameId = Number(id.slice(3));
    cache.set(i, e);
    return e;
  }

  function indexOf(id: string): number | undefined {
    indexById ??= new Map(ids.map((x, i) => [x, i]));
    return indexById.get(id);
  }

  const gazetteer: Gazetteer = {
    size: ids.length,
    admin1Code(id) {
      const i = indexOf(id);
      return i === undefined ? '' : admin1[i];
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
    lookupName: (key) => nameIndex.find(key).map(entry),
    lookupAdjective: (key) => adjectives.find(key).map(entry),
    admin1(country, code) {
      const i = admin1Index.get(`${country}.${code}`);
      return i === undefined ? undefined : entry(i);
    },
    extent: (alpha2) => data.extents[alpha2],
    isCommonWord: (w) => common.has(w),
    isGivenName: (w) => given.has(w),
    border(codeA, codeB) {
      const key = [codeA.toUpperCase(), codeB.toUpperCase()].sort().join('-');
      return Object.hasOwn(data.borders, key) ? gazetteer.byId(data.borders[key]) : undefined;
    },
    abbreviation: (text) => (Object.hasOwn(data.abbreviations, text) ? gazetteer.byId(data.abbreviations[text]) : undefined),
  };
  return gazetteer;
}
