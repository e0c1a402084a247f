// Review marks on the map, drawn by MapLibre under the event markers: a red ring around each event that needs review
// (once it has started at the timeline's time), and the places an event could be moved to, numbered as in the form.
// Clicking the map can pick a place by hand.
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { EventFeature } from '../../model/index.ts';
import type { Store } from '../state/store.ts';
import { dayOf } from '../../model/day.ts';
import { BASEMAP_DEFAULTS } from '../basemap-style.ts';
import { needsReview } from './needs-review.ts';

export const REVIEW_MAP_DEFAULTS = {
  ringColor: '#c0392b',
  ringRadiusPx: 14,
  candidateColor: '#1d3557',
};

const NEEDS = 'wb-needs-review';
const CANDIDATES = 'wb-candidates';
const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export interface ReviewMap {
  setEvents(features: readonly EventFeature[]): void;
  showCandidates(places: readonly { lon: number; lat: number; label: string }[]): void;
  /** The next click on the map, or null when cancelled (Escape, or cancelPick). */
  pick(): Promise<{ lon: number; lat: number } | null>;
  cancelPick(): void;
}

export function createReviewMap(map: MapLibreMap, store: Store, opts = REVIEW_MAP_DEFAULTS): ReviewMap {
  let needs = empty();
  let candidates = empty();
  let installed = false;
  const install = () => {
    if (installed) return;
    installed = true;
    map.addSource(NEEDS, { type: 'geojson', data: needs });
    map.addSource(CANDIDATES, { type: 'geojson', data: candidates });
    map.addLayer({ id: NEEDS, type: 'circle', source: NEEDS, filter: ['<=', ['get', 'start'], store.get().t],
      paint: { 'circle-radius': opts.ringRadiusPx, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-width': 2.5, 'circle-stroke-color': opts.ringColor } });
    map.addLayer({ id: CANDIDATES, type: 'circle', source: CANDIDATES,
      paint: { 'circle-radius': 7, 'circle-color': '#fff', 'circle-stroke-width': 2.5, 'circle-stroke-color': opts.candidateColor } });
    map.addLayer({ id: `${CANDIDATES}-labels`, type: 'symbol', source: CANDIDATES,
      layout: { 'text-field': ['get', 'label'], 'text-font': [BASEMAP_DEFAULTS.font], 'text-size': 12, 'text-anchor': 'left', 'text-offset': [0.9, 0], 'text-allow-overlap': true },
      paint: { 'text-color': opts.candidateColor, 'text-halo-color': '#fff', 'text-halo-width': 1.5 } });
  };
  if (map.isStyleLoaded()) install();
  else map.once('load', install);
  const source = (id: string) => (installed ? map.getSource(id) as GeoJSONSource | undefined : undefined);
  store.subscribe((s, p) => { if (installed && s.t !== p.t) map.setFilter(NEEDS, ['<=', ['get', 'start'], s.t]); });

  let framedFrom: { center: ReturnType<MapLibreMap['getCenter']>; zoom: number } | null = null;
  let picking: ((at: { lon: number; lat: number } | null) => void) | null = null;
  const onClick = (e: MapMouseEvent) => finishPick({ lon: e.lngLat.lng, lat: e.lngLat.lat });
  const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') finishPick(null); };
  function finishPick(at: { lon: number; lat: number } | null) {
    const done = picking;
    picking = null;
    map.off('click', onClick);
    window.removeEventListener('keydown', onKey);
    map.getCanvas().style.cursor = '';
    done?.(at);
  }

  return {
    setEvents(features) {
      needs = { type: 'FeatureCollection', features: features.filter((f) => needsReview(f)).map((f) => ({
        type: 'Feature', geometry: f.geometry, properties: { id: f.id, start: dayOf(f.properties.start) },
      })) };
      source(NEEDS)?.setData(needs);
    },
    showCandidates(places) {
      candidates = { type: 'FeatureCollection', features: places.map((p) => ({
        type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: { label: p.label },
      })) };
      source(CANDIDATES)?.setData(candidates);
      // Several places to choose from: frame them all, so none is chosen without being seen; the view before comes
      // back once they are cleared.
      if (places.length === 0 && framedFrom) {
        map.jumpTo(framedFrom);
        framedFrom = null;
      }
      if (places.length >= 2) {
        framedFrom ??= { center: map.getCenter(), zoom: map.getZoom() };
        const lons = places.map((p) => p.lon);
        const lats = places.map((p) => p.lat);
        map.fitBounds([[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]], { padding: 70, maxZoom: 7, duration: 0 });
      }
    },
    pick() {
      finishPick(null);
      map.getCanvas().style.cursor = 'crosshair';
      map.on('click', onClick);
      window.addEventListener('keydown', onKey);
      return new Promise((resolve) => { picking = resolve; });
    },
    cancelPick: () => finishPick(null),
  };
}
