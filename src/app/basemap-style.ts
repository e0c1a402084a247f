// The offline basemap: every source is a GeoJSON file built into geo/ by scripts/build-basemap.ts, and there is no
// `glyphs` URL, so MapLibre draws labels from a locally installed font (TinySDF). Nothing leaves the origin.
import type { StyleSpecification } from 'maplibre-gl';

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

/** `base` is the URL geo/ sits under; MapLibre's worker needs absolute URLs. */
export function basemapStyle(base: string, opts = BASEMAP_DEFAULTS): StyleSpecification {
  const geo = (name: string) => new URL(`geo/${name}.geojson`, base).href;
  return {
    version: 8,
    sources: {
      land: { type: 'geojson', data: geo('land'), attribution: ATTRIBUTION },
      // promoteId: the posture's states set feature state by alpha-2 code.
      countries: { type: 'geojson', data: geo('countries'), promoteId: 'code' },
      borders: { type: 'geojson', data: geo('borders') },
      labels: { type: 'geojson', data: geo('labels') },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': opts.sea } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': opts.land } },
      {
        id: 'nato', type: 'fill', source: 'countries', filter: ['==', ['get', 'nato'], true],
        paint: { 'fill-color': opts.nato },
      },
      {
        id: 'borders', type: 'line', source: 'borders',
        paint: { 'line-color': opts.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 6, 1.2] },
      },
      {
        id: 'coast', type: 'line', source: 'land',
        paint: { 'line-color': opts.coast, 'line-width': 0.6 },
      },
      {
        id: 'country-labels', type: 'symbol', source: 'labels',
        filter: ['all', ['==', ['get', 'kind'], 'country'], ['>=', ['zoom'], ['-', 6, ['get', 'rank']]]],
        layout: {
          'text-field': ['upcase', ['get', 'name']], 'text-font': [opts.font],
          'text-size': ['interpolate', ['linear'], ['zoom'], 2, 9, 6, 13], 'text-letter-spacing': 0.08,
          'text-max-width': 7, 'text-padding': 4,
        },
        paint: { 'text-color': opts.countryLabel, 'text-halo-color': opts.halo, 'text-halo-width': 1.2 },
      },
      {
        id: 'capital-dots', type: 'circle', source: 'labels', minzoom: 3, filter: ['==', ['get', 'kind'], 'capital'],
        paint: { 'circle-radius': 2.2, 'circle-color': opts.capitalDot, 'circle-stroke-color': opts.label, 'circle-stroke-width': 1 },
      },
      {
        id: 'capital-labels', type: 'symbol', source: 'labels', minzoom: 3, filter: ['==', ['get', 'kind'], 'capital'],
        layout: {
          'text-field': ['get', 'name'], 'text-font': [opts.font], 'text-size': 11,
          'text-anchor': 'left', 'text-offset': [0.5, 0], 'text-padding': 3,
        },
        paint: { 'text-color': opts.label, 'text-halo-color': opts.halo, 'text-halo-width': 1.2 },
      },
    ],
  };
}
