// What the map bench pages share: an empty-ish MapLibre map (a background only, so the events are what is measured)
// and the deck.gl baselines' page setup; the harness side (window.__bench) is harness.ts.
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer } from '@deck.gl/core';

import { dataUrl, finishGpu, initialWindow, install, renderSignal, type DisplayMeta } from './harness.ts';

export * from './harness.ts';

setWorkerUrl(workerUrl);

export function createBenchMap(): Promise<MapLibreMap> {
  const container = document.getElementById('map')!;
  const map = new MapLibreMap({
    container,
    style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef0f2' } }] },
    bounds: [[3.5, 38], [37.5, 62]],
    attributionControl: false,
    fadeDuration: 0,
    renderWorldCopies: false,
  });
  return new Promise((resolve) => map.once('load', () => resolve(map)));
}

/** The WebGL context of a MapboxOverlay's own deck.gl canvas (interleaved: false). */
export function overlayGl(overlay: object): WebGL2RenderingContext {
  return (overlay as { _deck: { device: { gl: WebGL2RenderingContext } } })._deck.device.gl;
}

/** Okabe-Ito based, one per category index (as the app's CATEGORY_COLORS). */
export const PALETTE: [number, number, number][] = [
  [0, 158, 115], [213, 94, 0], [0, 114, 178], [86, 180, 233], [51, 34, 136],
  [230, 159, 0], [190, 30, 45], [136, 34, 85], [117, 112, 179], [110, 110, 110],
];
export const FADED_ALPHA = 0.3;
export const RADIUS_PX = 3;

/** The baselines' data: display.geojson (properties s = start, f = freshUntil, c = category; days from originDay). */
export interface DisplayFeature { type: 'Feature'; geometry: { type: 'Point'; coordinates: [number, number] }; properties: { s: number; f: number; c: number } }

export async function fetchJson<T>(file: string): Promise<T> {
  const response = await fetch(dataUrl(file));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.json() as Promise<T>;
}

/**
 * A bench page for a deck.gl baseline over the display GeoJSON: `layer(features, t0, t1)` builds the one layer for a
 * window; loading, redrawing per window and GPU picking are the same for every such baseline.
 */
export function installDeckBaseline(layer: (features: DisplayFeature[], t0: number, t1: number) => Layer): void {
  const drawn = renderSignal();
  let overlay: MapboxOverlay;
  let features: DisplayFeature[];
  install({
    async load() {
      const [map, meta, geojson] = await Promise.all([createBenchMap(), fetchJson<DisplayMeta>('meta.json'), fetchJson<{ features: DisplayFeature[] }>('display.geojson')]);
      features = geojson.features;
      const [t0, t1] = initialWindow(meta.minStart, meta.maxStart);
      overlay = new MapboxOverlay({ interleaved: false, layers: [layer(features, t0, t1)], onAfterRender: () => { finishGpu(overlayGl(overlay)); drawn.fire(); } });
      const first = drawn.next();
      map.addControl(overlay);
      await first;
      return meta;
    },
    setWindow(t0, t1) {
      const next = drawn.next();
      overlay.setProps({ layers: [layer(features, t0, t1)] });
      return next;
    },
    pick(x, y) {
      const s = performance.now();
      overlay.pickObject({ x, y, radius: 4 });
      return performance.now() - s;
    },
  });
}
