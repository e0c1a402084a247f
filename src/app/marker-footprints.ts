// Keeps the basemap's labels off the markers ("POL●ND"). deck.gl draws the markers on its own canvas, where MapLibre's
// label placement cannot see them, so each shown marker also gets an invisible footprint in MapLibre: a symbol of
// its disc's size at its place (co-location offset included) that always shows (icon-allow-overlap) and takes part
// in placement (icon-ignore-placement: false). The footprints' layer is above the labels', so MapLibre places them
// first and moves each label to a free anchor (basemap-style.ts: text-variable-anchor), or leaves it out.
// A new set of footprints re-lays out the labels and repaints the basemap (150-200 ms in software rendering), so they
// follow the time once it has rested, and only when the shown markers changed. They start after the map's first
// picture, with the labels themselves (app.ts): their symbol layer, its shader and the label placement around up to
// 3,000 icons cost the first render at 10,000 events about 1.2 s of CPU in the GPU process and as much in the page
// (issue 16). Started in the task that shows the labels, they are placed once, already beside the markers.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { PreparedEvents } from './data/prepared-events.ts';
import { LABEL_LAYERS } from './basemap-style.ts';
import { forEachShown, radiusOf, type MarkerSize, type ShownFilter } from './layers/pick.ts';

export const FOOTPRINT_DEFAULTS = {
  source: 'marker-footprints',
  layer: 'marker-footprints',
  image: 'marker-footprint',
  /** Side of the (transparent) image in pixels; each footprint scales it to its disc. */
  imagePx: 32,
  /** Pixels kept clear around a disc (its white rim and a little air). */
  marginPx: 2,
  /** Outside play, the footprints follow the time once it has not moved for this long. */
  settleMs: 300,
  /**
   * At most this many footprints (the last drawn, on top): beyond, markers are small and dense, and footprints
   * would only hide every label and make each re-layout slow.
   */
  maxFootprints: 3000,
};

export interface MarkerFootprints {
  /** The labels are shown: the footprints are added now (once the style's layers exist). */
  start(): void;
  /** The shown markers may have changed (time, categories, search): follows once they have rested. */
  changed(): void;
  /** A change is on its way to the screen: nothing follows until changed() says it is shown. */
  hold(): void;
  /** Whether the footprints are those of the markers shown now, and MapLibre has them (for the tests). */
  placed(): boolean;
  dispose(): void;
}

export function connectMarkerFootprints(
  map: MapLibreMap,
  events: PreparedEvents,
  size: MarkerSize,
  shown: () => ShownFilter,
  opts = FOOTPRINT_DEFAULTS,
): MarkerFootprints {
  const { position, count } = events.columns;
  const rows = new Uint32Array(Math.min(count, opts.maxFootprints));
  let written = '';
  let installed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let held = false;

  const collect = (): number => {
    let n = 0;
    forEachShown(events, shown(), (row) => {
      rows[n % rows.length] = row;
      n++;
    });
    return Math.min(n, rows.length);
  };
  const update = () => {
    timer = undefined;
    const source = map.getSource<GeoJSONSource>(opts.source);
    if (!installed || !source) return;
    const n = collect();
    const picked = Array.from(rows.subarray(0, n)).sort((a, b) => a - b);
    const key = picked.join();
    if (key === written) return;
    written = key;
    const features = picked.map((row) => {
      const scale = (2 * (radiusOf(events, row, size) + opts.marginPx)) / opts.imagePx;
      return {
        type: 'Feature' as const,
        properties: {
          size: scale,
          // icon-offset is in the image's pixels (scaled by icon-size); the co-location offset is in screen pixels.
          offset: [(events.offsets[2 * row] * size.offsetScale) / scale, (events.offsets[2 * row + 1] * size.offsetScale) / scale],
        },
        geometry: { type: 'Point' as const, coordinates: [position[2 * row], position[2 * row + 1]] },
      };
    });
    source.setData({ type: 'FeatureCollection', features });
  };
  const install = () => {
    if (!map.hasImage(opts.image)) {
      const side = opts.imagePx;
      map.addImage(opts.image, { width: side, height: side, data: new Uint8Array(side * side * 4) });
    }
    if (!map.getSource(opts.source)) map.addSource(opts.source, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    if (!map.getLayer(opts.layer)) {
      map.addLayer({
        id: opts.layer, type: 'symbol', source: opts.source,
        layout: {
          'icon-image': opts.image, 'icon-size': ['get', 'size'], 'icon-offset': ['get', 'offset'],
          'icon-allow-overlap': true, 'icon-ignore-placement': false, 'icon-padding': 0,
        },
      });
    }
    installed = true;
    update();
  };
  let started = false;
  let disposed = false;

  return {
    start() {
      if (started) return;
      started = true;
      if (disposed) return;
      // Once the style's layers exist (at 'style.load', or already: isStyleLoaded() is false again while tiles load).
      if (map.isStyleLoaded() || map.getLayer(LABEL_LAYERS[0])) install();
      else map.once('style.load', install);
    },
    changed() {
      held = false;
      if (!installed) return;
      clearTimeout(timer);
      timer = setTimeout(update, opts.settleMs);
    },
    hold() {
      held = true;
      clearTimeout(timer);
      timer = undefined;
    },
    placed: () => installed && !held && timer === undefined && map.isSourceLoaded(opts.source),
    dispose() {
      disposed = true;
      clearTimeout(timer);
      map.off('style.load', install);
      installed = false;
      const source = map.getSource<GeoJSONSource>(opts.source);
      source?.setData({ type: 'FeatureCollection', features: [] });
      written = '';
    },
  };
}
