// Baseline: deck.gl over a data array filtered on the CPU each frame (only the window's events reach the GPU).
import { MapboxOverlay } from '@deck.gl/mapbox';
import { ScatterplotLayer } from '@deck.gl/layers';
import {
  createBenchMap, finishGpu, overlayGl, FADED_ALPHA, fetchJson, initialWindow, install, PALETTE, RADIUS_PX, renderSignal, type DisplayFeature, type DisplayMeta,
} from './common.ts';

const drawn = renderSignal();
let overlay: MapboxOverlay;
let features: DisplayFeature[];
const FADED = Math.round(255 * FADED_ALPHA);

function layer(t0: number, t1: number) {
  const visible = features.filter((f) => f.properties.s >= t0 && f.properties.s <= t1);
  return new ScatterplotLayer<DisplayFeature>({
    id: 'events', data: visible, pickable: true, radiusUnits: 'pixels', getRadius: RADIUS_PX, stroked: false,
    getPosition: (f) => f.geometry.coordinates,
    getFillColor: (f) => {
      const [r, g, b] = PALETTE[f.properties.c];
      return [r, g, b, t1 > f.properties.f ? FADED : 255];
    },
    updateTriggers: { getFillColor: t1 },
  });
}

install({
  async load() {
    const [map, meta, geojson] = await Promise.all([createBenchMap(), fetchJson<DisplayMeta>('meta.json'), fetchJson<{ features: DisplayFeature[] }>('display.geojson')]);
    features = geojson.features;
    const [t0, t1] = initialWindow(meta.minStart, meta.maxStart);
    overlay = new MapboxOverlay({ interleaved: false, layers: [layer(t0, t1)], onAfterRender: () => { finishGpu(overlayGl(overlay)); drawn.fire(); } });
    const first = drawn.next();
    map.addControl(overlay);
    await first;
    return meta;
  },
  setWindow(t0, t1) {
    const next = drawn.next();
    overlay.setProps({ layers: [layer(t0, t1)] });
    return next;
  },
  pick(x, y) {
    const s = performance.now();
    overlay.pickObject({ x, y, radius: 4 });
    return performance.now() - s;
  },
});
