// The MapLibre map, framed on NATO's eastern flank. Its worker comes from the bundle (Vite's ?url), not a CDN.
import { AttributionControl, Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { basemapPalette, basemapStyle } from './basemap-style.ts';
import { inlinedBundle, inlinedWorkerUrl, withInlinedSources } from './export/inlined.ts';

export const MAP_DEFAULTS = {
  /**
   * Brussels to Kyiv and beyond, Helsinki to the Black Sea ([west, south], [east, north]): north of the Gulf of
   * Finland, so markers spread around Estonia's islands stay on screen under a taller timeline.
   */
  bounds: [[3.5, 41.5], [37.5, 62.4]] as [[number, number], [number, number]],
  padding: 36,
  minZoom: 1.5,
  maxZoom: 12,
};

// A single-file export carries the worker inline (a file:// page cannot start one from a file).
setWorkerUrl(inlinedWorkerUrl() ?? workerUrl);

/** `base`: the URL geo/ sits under (the web component passes its script's folder). */
export function createMap(container: HTMLElement, opts = MAP_DEFAULTS, base = document.baseURI): MapLibreMap {
  const map = new MapLibreMap({
    container,
    // A single-file export reads the basemap from its inlined GeoJSON: a file:// page cannot fetch tiles.
    style: withInlinedSources(basemapStyle(base, basemapPalette(), inlinedBundle() === null)),
    bounds: opts.bounds,
    fitBoundsOptions: { padding: opts.padding },
    minZoom: opts.minZoom,
    maxZoom: opts.maxZoom,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    renderWorldCopies: false,
    // Labels appear at once: a fade is a basemap repaint a frame for 300 ms, each 100+ ms in software rendering.
    fadeDuration: 0,
  });
  opening.set(map, cameraOf(map));
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new AttributionControl({ compact: false }), 'bottom-right');
  return map;
}

/** Where each map was opened: refitOpening() leaves a map alone once it has left it. */
const opening = new WeakMap<MapLibreMap, string>();
const cameraOf = (map: MapLibreMap) => `${map.getCenter().toArray().join()},${map.getZoom()}`;

/**
 * After a layout change resized the map (the legend docked above a phone's map), fits the whole opening view into the
 * new frame, instead of keeping its centre and cutting markers at the edges. Does nothing once the map was moved.
 */
export function keepOpeningView(map: MapLibreMap, opts = MAP_DEFAULTS): void {
  if (opening.get(map) !== cameraOf(map)) return;
  map.fitBounds(opts.bounds, { padding: opts.padding, animate: false });
  opening.set(map, cameraOf(map));
}

/**
 * Fits the opening bounds again to the map's size now. The app creates the map before its data (MapLibre sets up
 * while the data loads) and the timeline below it fills once the data is in, which takes height from the map: left
 * alone, the map would resize in a later frame, having drawn and placed labels at the old size, and show a view
 * fitted to a taller map with its top and bottom cut off. Does nothing once a link, a host page or the reader has
 * moved the map, or when the size has not changed.
 */
export function refitOpening(map: MapLibreMap, opts = MAP_DEFAULTS): void {
  const now = map.getContainer().getBoundingClientRect();
  const drawn = map.getCanvas().getBoundingClientRect();
  if (opening.get(map) !== cameraOf(map) || (now.width === drawn.width && now.height === drawn.height)) return;
  map.resize();
  map.fitBounds(opts.bounds, { padding: opts.padding, animate: false });
  opening.set(map, cameraOf(map));
}
