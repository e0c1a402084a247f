// The MapLibre map, opened on where the events are (on NATO's eastern flank until they are in). Its worker comes from the bundle (Vite's ?url), not a CDN.
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
  /** Deepest zoom the opening view fits to: a corpus about one town opens on its region. */
  openingMaxZoom: 7,
  /** Room around the events' extent, in pixels: the legend, the zoom buttons and the attribution sit on the map's edges. */
  openingPadding: 64,
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
/** What each map's opening view shows: the events' extent once they are in, the default bounds before. */
const openingBounds = new WeakMap<MapLibreMap, [[number, number], [number, number]]>();
const cameraOf = (map: MapLibreMap) => `${map.getCenter().toArray().join()},${map.getZoom()}`;

/**
 * After a layout change resized the map (the legend docked above a phone's map), fits the whole opening view into the
 * new frame, instead of keeping its centre and cutting markers at the edges. Does nothing once the map was moved.
 */
export function keepOpeningView(map: MapLibreMap, opts = MAP_DEFAULTS): void {
  if (opening.get(map) !== cameraOf(map)) return;
  fitOpening(map, opts);
}

/**
 * Fits the opening view again, to the map's size now and to `bounds` (where the events are) when given. The app
 * creates the map before its data (MapLibre sets up while the data loads) and the timeline below it fills once the
 * data is in, which takes height from the map: left alone, the map would resize in a later frame, having drawn and
 * placed labels at the old size, and show a view fitted to a taller map with its top and bottom cut off. And a corpus
 * about Gaza or Ohio opened on the default bounds would show an empty map. Does nothing once a link, a host page or
 * the reader has moved the map, or when neither the size nor the bounds changed.
 */
export function refitOpening(map: MapLibreMap, bounds: [[number, number], [number, number]] | null = null, opts = MAP_DEFAULTS): void {
  if (opening.get(map) !== cameraOf(map)) return;
  const now = map.getContainer().getBoundingClientRect();
  const drawn = map.getCanvas().getBoundingClientRect();
  const before = openingBounds.get(map);
  const changed = bounds !== null && (before === undefined || bounds.flat().some((v, i) => v !== before.flat()[i]));
  if (!changed && now.width === drawn.width && now.height === drawn.height) return;
  if (bounds !== null) openingBounds.set(map, bounds);
  map.resize();
  fitOpening(map, opts);
}

/** The events' extent with room for the controls on the map's edges, or the default bounds before there are events. */
function fitOpening(map: MapLibreMap, opts: typeof MAP_DEFAULTS): void {
  const bounds = openingBounds.get(map);
  // A small map (an embed, a phone on its side) keeps most of itself for the events.
  const { width, height } = map.getContainer().getBoundingClientRect();
  const padding = Math.min(opts.openingPadding, Math.floor(Math.min(width, height) * 0.12));
  if (bounds) map.fitBounds(bounds, { padding, maxZoom: opts.openingMaxZoom, animate: false });
  else map.fitBounds(opts.bounds, { padding: opts.padding, animate: false });
  opening.set(map, cameraOf(map));
}
