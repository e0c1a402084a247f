// Ours: columnar file parsed in a worker, BucketedEventsLayer draws only the buckets in the window.
import { MapboxOverlay } from '@deck.gl/mapbox';
import { BucketedEventsLayer } from '../src/scale/bucketed-events-layer.ts';
import { loadScaleEvents } from '../src/scale/load-scale-events.ts';
import type { ScaleEvents } from '../src/scale/scale-events.ts';
import { createBenchMap, finishGpu, overlayGl, dataUrl, FADED_ALPHA, initialWindow, install, RADIUS_PX, renderSignal } from './common.ts';

const drawn = renderSignal();
let overlay: MapboxOverlay;
let events: ScaleEvents;

function layer(t0: number, t1: number): BucketedEventsLayer {
  const origin = events.columns.originDay;
  return new BucketedEventsLayer({
    id: 'events', events, windowStart: origin + t0, time: origin + t1, fadedOpacity: FADED_ALPHA, radiusPixels: RADIUS_PX, pickable: true,
  });
}

install({
  async load() {
    const [map, loaded] = await Promise.all([createBenchMap(), loadScaleEvents(dataUrl('events.bin'))]);
    events = loaded;
    const { start, count } = events.columns;
    const minStart = count ? start[0] : 0;
    const maxStart = count ? start[count - 1] : 0;
    const [t0, t1] = initialWindow(minStart, maxStart);
    overlay = new MapboxOverlay({ interleaved: false, layers: [layer(t0, t1)], onAfterRender: () => { finishGpu(overlayGl(overlay)); drawn.fire(); } });
    const first = drawn.next();
    map.addControl(overlay);
    await first;
    return { count, minStart, maxStart };
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
