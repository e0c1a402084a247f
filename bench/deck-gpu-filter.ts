// Baseline: one deck.gl ScatterplotLayer over all N GeoJSON features, DataFilterExtension on start (the kepler.gl way).
import { MapboxOverlay } from '@deck.gl/mapbox';
import { ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension } from '@deck.gl/extensions';
import { FadeExtension } from '../src/scale/fade-extension.ts';
import {
  createBenchMap, finishGpu, overlayGl, FADED_ALPHA, fetchJson, initialWindow, install, PALETTE, RADIUS_PX, renderSignal, type DisplayFeature, type DisplayMeta,
} from './common.ts';

const EXTENSIONS = [new DataFilterExtension({ filterSize: 1 }), new FadeExtension()];
const drawn = renderSignal();
let overlay: MapboxOverlay;
let features: DisplayFeature[];

function layer(t0: number, t1: number) {
  return new ScatterplotLayer<DisplayFeature>({
    id: 'events', data: features, pickable: true, radiusUnits: 'pixels', getRadius: RADIUS_PX, stroked: false,
    getPosition: (f) => f.geometry.coordinates,
    getFillColor: (f) => PALETTE[f.properties.c],
    extensions: EXTENSIONS,
    // @ts-expect-error extension props
    getFilterValue: (f: DisplayFeature) => f.properties.s, filterRange: [t0 - 0.5, t1 + 0.5],
    getFreshUntil: (f: DisplayFeature) => f.properties.f, fadeTime: t1, fadedOpacity: FADED_ALPHA,
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
