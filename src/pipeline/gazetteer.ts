// The in-memory gazetteer: entries kept as columns, names as sorted keys searched by bisection. Built by
// scripts/build-gazetteer.ts as JSON, which runs read as a compact buffer (gazetteer-compact.ts) through
// scripts/gazetteer-load.ts; this module does no I/O.
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
  /**
   * Entries of the names of several words one typing slip away from `key` (a letter missing, added, changed, or two
   * letters swapped), after its first word, never in a word's first letter and never a space: "mihai viteazy"
   * finds Mihai Viteazu. The caller guards which keys are long enough to be worth it.
   */
  lookupNameNear(key: string): GazetteerEntry[];
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

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** A prefix shared by this many keys or fewer is searched key by key; a longer list, by the slips themselves. */
const NEAR_SCAN_LIMIT = 256;

/** A slip may change position `at` of `key`: inside a word, not its first letter, not a space. */
const editable = (key: string, at: number) => at > 0 && at < key.length && key[at - 1] !== ' ' && key[at] !== ' ';

/** The keys one slip from `key` whose slip is at position `at` (so they share its first `at` characters). */
function slipsAt(key: string, at: number): string[] {
  const out: string[] = [];
  const [head, tail] = [key.slice(0, at), key.slice(at)];
  // A letter added at the end of a word or inside it.
  if (at > 0 && key[at - 1] !== ' ') for (const c of LETTERS) if (c !== key[at]) out.push(head + c + tail);
  if (!editable(key, at)) return out;
  out.push(head + tail.slice(1));
  for (const c of LETTERS) if (c !== key[at]) out.push(head + c + tail.slice(1));
  if (at + 1 < key.length && key[at + 1] !== ' ' && key[at + 1] !== key[at]) out.push(head + key[at + 1] + key[at] + tail.slice(2));
  return out;
}

/** `other` is one slip from `key` (as slipsAt makes them), the slip at or after the characters they share. */
function isOneSlip(key: string, other: string): boolean {
  let at = 0;
  while (at < key.length && at < other.length && key[at] === other[at]) at++;
  if (other.length === key.length + 1) return at > 0 && key[at - 1] !== ' ' && LETTERS.includes(other[at]) && other.slice(at + 1) === key.slice(at);
  if (!editable(key, at)) return false;
  if (other.length === key.length - 1) return other.slice(at) === key.slice(at + 1);
  if (other.length !== key.length || at === key.length) return false;
  if (LETTERS.includes(other[at]) && other.slice(at + 1) === key.slice(at + 1)) return true;
  return key[at + 1] !== ' ' && other[at] === key[at + 1] && other[at + 1] === key[at] && other.slice(at + 2) === key.slice(at + 2);
}

/**
 * The name keys one slip from `key`, the slip after its first word (which is taken as written: the search stays
 * among the keys that begin with it). Every slip at position `at` keeps the first `at` characters: once few keys
 * share them, those keys are compared one by one; before that, the slips at each position are looked up.
 */
function keysOneSlipFrom(key: string, columns: GazetteerColumns): string[] {
  const out: string[] = [];
  const space = key.indexOf(' ');
  if (space < 0) return out;
  // The second word's first letter is no slip either: the search starts after it.
  for (let at = space + 2; at <= key.length; at++) {
    const sharing = columns.nameKeysWithPrefix(key.slice(0, at), NEAR_SCAN_LIMIT);
    if (sharing) {
      for (const other of sharing) if (isOneSlip(key, other)) out.push(other);
      return out;
    }
    for (const other of slipsAt(key, at)) if (columns.findName(other).length) out.push(other);
  }
  return out;
}

const KIND_BY_CHAR: Record<string, PlaceKind> = { s: 'site', c: 'city', C: 'country', r: 'region' };

function gazetteerOf(id: string): GazetteerEntry['gazetteer'] {
  if (id.startsWith('gn:')) return 'geonames';
  if (id.startsWith('ne:') || id.startsWith('border:')) return 'naturalearth';
  if (id.startsWith('us:')) return 'census';
  return 'curated';
}

/**
 * The index's columns, however they are stored: parsed JSON (jsonColumns, below) or the compact buffer every run
 * loads (gazetteer-compact.ts). Entry i's fields, the name searches and the small tables; the Gazetteer's behaviour
 * is built once over them (gazetteerOver).
 */
export interface GazetteerColumns {
  readonly size: number;
  /** The index's GAZETTEER_FORMAT. */
  readonly indexFormat: number;
  id(i: number): string;
  name(i: number): string;
  /** One character: s site, c city, C country, r region. */
  kind(i: number): string;
  /** Alpha-2, '' for none. */
  country(i: number): string;
  lat(i: number): number;
  lon(i: number): number;
  population(i: number): number;
  featureCode(i: number): string;
  admin1(i: number): string;
  indexOf(id: string): number | undefined;
  findName(key: string): number[];
  /** The name keys that start with `prefix`, in order, or null when there are more than `limit`. */
  nameKeysWithPrefix(prefix: string, limit: number): string[] | null;
  findAdjective(key: string): number[];
  isCommonWord(lowerCaseWord: string): boolean;
  isGivenName(word: string): boolean;
  regionCountries: GazetteerData['regionCountries'];
  extents: GazetteerData['extents'];
  abbreviations: GazetteerData['abbreviations'];
  borders: GazetteerData['borders'];
  pointConventions: GazetteerData['pointConventions'];
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

  /** The keys that start with `prefix` (two characters or more), or null when there are more than `limit`. */
  withPrefix(prefix: string, limit: number): string[] | null {
    if (prefix.length < 2) return null;
    const bucket = this.open(prefix.slice(0, 2));
    if (!bucket) return [];
    const lowerBound = (key: string) => {
      let lo = 0;
      let hi = bucket.keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (bucket.keys[mid] < key) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    // No key holds U+FFFF: every key starting with the prefix sorts below prefix + U+FFFF.
    const from = lowerBound(prefix);
    const to = lowerBound(`${prefix}\uffff`);
    return to - from > limit ? null : bucket.keys.slice(from, to);
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

/** The columns of the parsed JSON index: the reference reading of the format, which the compact buffer must match. */
export function jsonColumns(data: GazetteerData): GazetteerColumns {
  const nameIndex = new KeyIndex(data.nameIndex);
  const adjectives = new KeyIndex(data.adjectiveIndex);
  const ids = data.ids.split('\n');
  const names = data.names.split('\n');
  const featureCodes = data.featureCodes.split('\n');
  const admin1 = data.admin1.split('\n');
  const common = new Set(data.commonWords.split('\n'));
  const given = new Set(data.givenNames.split('\n'));
  let indexById: Map<string, number> | null = null;
  return {
    size: ids.length,
    indexFormat: data.format,
    id: (i) => ids[i],
    name: (i) => names[i],
    kind: (i) => data.kinds[i],
    country: (i) => data.countries.slice(2 * i, 2 * i + 2).trim(),
    lat: (i) => data.lat[i],
    lon: (i) => data.lon[i],
    population: (i) => data.population[i],
    featureCode: (i) => featureCodes[i],
    admin1: (i) => admin1[i],
    indexOf(id) {
      indexById ??= new Map(ids.map((x, i) => [x, i]));
      return indexById.get(id);
    },
    findName: (key) => nameIndex.find(key),
    nameKeysWithPrefix: (prefix, limit) => nameIndex.withPrefix(prefix, limit),
    findAdjective: (key) => adjectives.find(key),
    isCommonWord: (w) => common.has(w),
    isGivenName: (w) => given.has(w),
    regionCountries: data.regionCountries,
    extents: data.extents,
    abbreviations: data.abbreviations,
    borders: data.borders,
    pointConventions: data.pointConventions,
  };
}

/** A gazetteer over the parsed JSON index (tests, and the reference the compact buffer is checked against). */
export function createGazetteer(data: GazetteerData, opts: GazetteerOptions = GAZETTEER_DEFAULTS): Gazetteer {
  if (data.format !== GAZETTEER_FORMAT) {
    throw new Error(`gazetteer index has format ${data.format}, expected ${GAZETTEER_FORMAT}: run npm run prepare:data`);
  }
  return gazetteerOver(jsonColumns(data), opts);
}

/** The Gazetteer's behaviour over columns stored either way: entries made on first use and kept. */
export function gazetteerOver(columns: GazetteerColumns, opts: GazetteerOptions = GAZETTEER_DEFAULTS): Gazetteer {
  if (columns.indexFormat !== GAZETTEER_FORMAT) {
    throw new Error(`gazetteer index has format ${columns.indexFormat}, expected ${GAZETTEER_FORMAT}: run npm run prepare:data`);
  }
  const cache = new Map<number, GazetteerEntry>();
  const points = opts.convention === 'geonames' ? {} : columns.pointConventions[opts.convention];
  if (!points) throw new Error(`unknown point convention ${opts.convention}: use one of ${POINT_CONVENTIONS.join(', ')}`);
  const countryIndex = new Map<string, number>();
  const admin1Index = new Map<string, number>();
  for (let i = 0; i < columns.size; i++) {
    if (columns.kind(i) === 'C') countryIndex.set(columns.country(i), i);
    else if (columns.featureCode(i) === 'ADM1' && columns.admin1(i)) admin1Index.set(`${columns.country(i)}.${columns.admin1(i)}`, i);
  }

  function entry(i: number): GazetteerEntry {
    let e = cache.get(i);
    if (e) return e;
    const id = columns.id(i);
    const point = Object.hasOwn(points, id) ? points[id] : undefined;
    e = {
      id,
      name: columns.name(i),
      kind: KIND_BY_CHAR[columns.kind(i)],
      country: columns.country(i) || null,
      lat: point ? point[0] : columns.lat(i),
      lon: point ? point[1] : columns.lon(i),
      population: columns.population(i),
      featureCode: columns.featureCode(i),
      gazetteer: gazetteerOf(id),
    };
    const members = columns.regionCountries[String(i)];
    if (members) e.countries = members;
    if (id.startsWith('gn:')) e.geonameId = Number(id.slice(3));
    cache.set(i, e);
    return e;
  }

  const gazetteer: Gazetteer = {
    size: columns.size,
    admin1Code(id) {
      const i = columns.indexOf(id);
      return i === undefined ? '' : columns.admin1(i);
    },
    byId(id) {
      const directional = parseDirectionalId(id);
      if (directional) {
        const country = gazetteer.countryByCode(directional.country);
        return country && directionalEntry(directional.direction, country, gazetteer.extent(directional.country));
      }
      const i = columns.indexOf(id);
      return i === undefined ? undefined : entry(i);
    },
    countryByCode(alpha2) {
      const i = countryIndex.get(alpha2.toUpperCase());
      return i === undefined ? undefined : entry(i);
    },
    lookupName: (key) => columns.findName(key).map(entry),
    lookupNameNear(key) {
      const found = new Set<number>();
      for (const other of keysOneSlipFrom(key, columns)) for (const i of columns.findName(other)) found.add(i);
      return [...found].map(entry);
    },
    lookupAdjective: (key) => columns.findAdjective(key).map(entry),
    admin1(country, code) {
      const i = admin1Index.get(`${country}.${code}`);
      return i === undefined ? undefined : entry(i);
    },
    extent: (alpha2) => columns.extents[alpha2],
    isCommonWord: (w) => columns.isCommonWord(w),
    isGivenName: (w) => columns.isGivenName(w),
    border(codeA, codeB) {
      const key = [codeA.toUpperCase(), codeB.toUpperCase()].sort().join('-');
      return Object.hasOwn(columns.borders, key) ? gazetteer.byId(columns.borders[key]) : undefined;
    },
    abbreviation: (text) => (Object.hasOwn(columns.abbreviations, text) ? gazetteer.byId(columns.abbreviations[text]) : undefined),
  };
  return gazetteer;
}
