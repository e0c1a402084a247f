// The offline basemap, built into geo/ by scripts/build-basemap.ts: land, countries and borders as vector tiles
// (geo/tiles/), labels as a small GeoJSON file, and no `glyphs` URL, so MapLibre draws labels from a locally installed
// font (TinySDF). Nothing leaves the origin. A single-file export cannot fetch tiles from file://, so it reads the same
// layers from their GeoJSON files (inlined in the page).
import type { ExpressionSpecification, Map as MapLibreMap, SourceSpecification, StyleSpecification } from 'maplibre-gl';

export const BASEMAP_DEFAULTS = {
  /** A font most desktops and Debian have; MapLibre falls back to the browser's sans-serif when it is missing. */
  font: 'DejaVu Sans',
  sea: '#bcd2e3',
  land: '#f3f0ea',
  nato: '#fbfbfd',
  border: '#a39e94',
  label: '#4a4e57',
  halo: 'rgba(255,255,255,0.85)',
  coast: '#9fb6c8',
  countryLabel: '#7a7f88',
  capitalDot: '#fff',
};

/** The same map for `prefers-color-scheme: dark`: dark sea and land, NATO members a shade lighter, light labels. */
export const BASEMAP_DARK: typeof BASEMAP_DEFAULTS = {
  ...BASEMAP_DEFAULTS,
  sea: '#0f1a26',
  land: '#262a31',
  nato: '#313742',
  border: '#6b7280',
  label: '#d5d9e0',
  halo: 'rgba(15,18,24,0.85)',
  coast: '#3c5266',
  countryLabel: '#9aa1ad',
  capitalDot: '#16191f',
};

/** The basemap palette the reader's system asks for. */
export function basemapPalette(): typeof BASEMAP_DEFAULTS {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? BASEMAP_DARK : BASEMAP_DEFAULTS;
}

export const ATTRIBUTION = 'Basemap: <a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain) · '
  + 'Places: <a href="https://www.geonames.org/">GeoNames</a> (<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>), '
  + '<a href="https://www.census.gov/geographies/mapping-files.html">US Census Bureau</a> counties, '
  + '<a href="https://ourairports.com/data/">OurAirports</a>, <a href="https://en.wikipedia.org/">Wikipedia</a> (natural features)';

/**
 * The vector source of the tiled layers, and its zoom range (scripts/build-basemap.ts: TILE_LAYERS, tileMaxZoom).
 * `tints`: a second source on the same tiles for the posture's host tints (their feature state, their layers). Those
 * layers are added after the map's first picture; on a source of their own they load its tiles (from the browser's
 * cache) instead of making MapLibre parse the whole basemap again.
 */
export const BASEMAP_TILES = { source: 'basemap', tints: 'tints', maxzoom: 5 };

/** The basemap's label layers: they give way to the markers (marker-footprints.ts). */
export const LABEL_LAYERS = ['country-labels', 'capital-labels'] as const;

/**
 * Layers the style starts hidden, shown once the first picture is drawn (showLabels): the labels and the capitals'
 * dots. Their glyphs, their two shader programs and the label placement were about a third of the app's first render
 * in software rendering; hidden, MapLibre neither lays them out nor compiles their programs.
 */
const LATE_LAYERS = [...LABEL_LAYERS, 'capital-dots'];

/** Shows the labels and the capitals' dots (once the style has loaded; again is a no-op). */
export function showLabels(map: MapLibreMap): void {
  for (const id of LATE_LAYERS) {
    if (map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'visible') map.setLayoutProperty(id, 'visibility', 'visible');
  }
}

/** Where a basemap layer's features come from: a layer of the vector tiles, or (tiles off) a GeoJSON source. */
export interface BasemapFeatures { source: string; 'source-layer'?: string }

/**
 * The countries (feature id: alpha-2 code) in the map's style, for the posture's host tints: they set feature state on
 * them and draw over them.
 */
export function basemapCountries(map: MapLibreMap): BasemapFeatures {
  return map.getSource(BASEMAP_TILES.tints) ? { source: BASEMAP_TILES.tints, 'source-layer': 'countries' } : { source: 'countries' };
}

/**
 * `base` is the URL geo/ sits under; MapLibre's worker needs absolute URLs. `tiled`: land, countries and borders from
 * the vector tiles (false: from their GeoJSON files, as a single-file export must).
 */
export function basemapStyle(base: string, opts = BASEMAP_DEFAULTS, tiled = true): StyleSpecification {
  const geo = (name: string) => new URL(`geo/${name}.geojson`, base).href;
  const from = (layer: string): BasemapFeatures => (tiled ? { source: BASEMAP_TILES.source, 'source-layer': layer } : { source: layer });
  // promoteId: the posture's states set feature state by alpha-2 code.
  // Braces kept out of URL(), which would escape them.
  const tiles = [`${new URL('geo/tiles/', base).href}{z}/{x}/{y}.pbf`];
  const sources: Record<string, SourceSpecification> = tiled
    ? {
        [BASEMAP_TILES.source]: { type: 'vector', tiles, maxzoom: BASEMAP_TILES.maxzoom, attribution: ATTRIBUTION },
        // No layer reads it until the posture adds its tints: MapLibre loads no tiles for it before.
        [BASEMAP_TILES.tints]: { type: 'vector', tiles, maxzoom: BASEMAP_TILES.maxzoom, promoteId: { countries: 'code' } },
      }
    : {
        land: { type: 'geojson', data: geo('land'), attribution: ATTRIBUTION },
        countries: { type: 'geojson', data: geo('countries'), promoteId: 'code' },
        borders: { type: 'geojson', data: geo('borders') },
      };
  // Opacity read per feature (every basemap feature has none, so 1): the fills and lines then use the same shader programs
  // as the host tints (posture/states-map.ts), whose opacity is per country, and not a second pair of their own. MapLibre
  // compiles a program per layer type and kind of paint value, each compile a wait of hundreds of ms in software
  // rendering while the app opens.
  const perFeature: ExpressionSpecification = ['coalesce', ['get', 'opacity'], 1];
  return {
    version: 8,
    sources: { ...sources, labels: { type: 'geojson', data: geo('labels') } },
    // Fills without antialiasing: the coast and border lines drawn over them cover their edges, and in software
    // rendering the antialiased outline is one more shader to compile and one more pass over every edge.
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': opts.sea } },
      { id: 'land', type: 'fill', ...from('land'), paint: { 'fill-color': opts.land, 'fill-antialias': false, 'fill-opacity': perFeature } },
      {
        id: 'nato', type: 'fill', ...from('countries'), filter: ['==', ['get', 'nato'], true],
        paint: { 'fill-color': opts.nato, 'fill-antialias': false, 'fill-opacity': perFeature },
      },
      {
        id: 'borders', type: 'line', ...from('borders'),
        paint: { 'line-color': opts.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 6, 1.2], 'line-opacity': perFeature },
      },
      {
        id: 'coast', type: 'line', ...from('land'),
        paint: { 'line-color': opts.coast, 'line-width': 0.6, 'line-opacity': perFeature },
      },
      {
        id: 'country-labels', type: 'symbol', source: 'labels',
        filter: ['all', ['==', ['get', 'kind'], 'country'], ['>=', ['zoom'], ['-', 6, ['get', 'rank']]]],
        layout: {
          visibility: 'none',
          'text-field': ['upcase', ['get', 'name']], 'text-font': [opts.font],
          'text-size': ['interpolate', ['linear'], ['zoom'], 2, 9, 6, 13], 'text-letter-spacing': 0.08,
          'text-max-width': 7, 'text-padding': 4,
          // Where a marker sits on the label's point (its footprint, marker-footprints.ts), the label moves beside it.
          'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'], 'text-radial-offset': 1.5,
        },
        paint: { 'text-color': opts.countryLabel, 'text-halo-color': opts.halo, 'text-halo-width': 1.2 },
      },
      {
        id: 'capital-dots', type: 'circle', source: 'labels', minzoom: 3, filter: ['==', ['get', 'kind'], 'capital'],
        layout: { visibility: 'none' },
        paint: { 'circle-radius': 2.2, 'circle-color': opts.capitalDot, 'circle-stroke-color': opts.label, 'circle-stroke-width': 1 },
      },
      {
        id: 'capital-labels', type: 'symbol', source: 'labels', minzoom: 3, filter: ['==', ['get', 'kind'], 'capital'],
        layout: {
          visibility: 'none',
          'text-field': ['get', 'name'], 'text-font': [opts.font], 'text-size': 11,
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'], 'text-radial-offset': 0.5, 'text-padding': 3,
        },
        paint: { 'text-color': opts.label, 'text-halo-color': opts.halo, 'text-halo-width': 1.2 },
      },
    ],
  };
}
