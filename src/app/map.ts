// The MapLibre map, framed on NATO's eastern flank. Its worker comes from the bundle (Vite's ?url), not a CDN.
import { AttributionControl, Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { basemapStyle } from './basemap-style.ts';

export const MAP_DEFAULTS = {
  /** Brussels to Kyiv and beyond, Tallinn to the Black Sea ([west, south], [east, north]). */
  bounds: [[3.5, 41.5], [37.5, 61.2]] as [[number, number], [number, number]],
  padding: 36,
  minZoom: 1.5,
  maxZoom: 12,
};

setWorkerUrl(workerUrl);

export function createMap(container: HTMLElement, opts = MAP_DEFAULTS): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: basemapStyle(document.baseURI),
    bounds: opts.bounds,
    fitBoundsOptions: { padding: opts.padding },
    minZoom: opts.minZoom,
    maxZoom: opts.maxZoom,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    renderWorldCopies: false,
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new AttributionControl({ compact: false }), 'bottom-right');
  return map;
}
