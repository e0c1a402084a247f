// Our layer alone, on the same bare map as the baselines (the app without its basemap and views): events.bin parsed
// in a worker, WindowEventsLayer draws the window's run of rows in one call, CPU picking.
import { MapboxOverlay } from '@deck.gl/mapbox';
import { WindowEventsLayer } from '../src/app/layers/window-events-layer.ts';
import { loadColumnar } from '../src/app/data/load-columnar.ts';
import { pickEventAt, SHOW_ALL } from '../src/app/layers/pick.ts';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { PreparedEvents } from '../src/app/data/prepared-events.ts';
import { createBenchMap, finishGpu, overlayGl, dataUrl, FADED_ALPHA, initialWindow, install, PALETTE, RADIUS_PX, renderSignal } from './common.ts';

/** ?held=1: also draw events that began before the window and were still active at its start (the baselines cannot; off for the same picture). */
const HELD = new URL(location.href).searchParams.get('held') === '1';
const drawn = renderSignal();
let overlay: MapboxOverlay;
let events: PreparedEvents;
let map: MapLibreMap;
const shown = { t0: 0, t1: 0 };

function layer(t0: number, t1: number): WindowEventsLayer {
  const origin = events.columns.originDay;
  shown.t0 = origin + t0;
  shown.t1 = origin + t1;
  return new WindowEventsLayer({
    id: 'events', events, palette: PALETTE, windowStart: origin + t0, time: origin + t1, fadedOpacity: FADED_ALPHA, radiusPixels: RADIUS_PX,
    maxRadiusPixels: RADIUS_PX, activeAtStart: HELD,
  });
}

install({
  async load() {
    const stages: Record<string, number> = {};
    const mark = <T>(name: string, p: Promise<T>) => p.then((v) => { stages[name] = performance.now(); return v; });
    const [m, loaded] = await Promise.all([mark('map', createBenchMap()), mark('events', loadColumnar(dataUrl('events.bin')))]);
    events = loaded;
    map = m;
    const { start, count } = events.columns;
    const minStart = count ? start[0] : 0;
    const maxStart = count ? start[count - 1] : 0;
    const [t0, t1] = initialWindow(minStart, maxStart);
    // deck.gl's canvas as the app makes it (src/app/events-map.ts): no multisampling, the layer smooths its own edges.
    overlay = new MapboxOverlay({ interleaved: false, deviceProps: { webgl: { antialias: false } }, layers: [layer(t0, t1)], onAfterRender: () => { finishGpu(overlayGl(overlay)); drawn.fire(); } });
    const first = drawn.next();
    map.addControl(overlay);
    await first;
    stages.drawn = performance.now();
    return { count, minStart, maxStart, stages };
  },
  setWindow(t0, t1) {
    const next = drawn.next();
    overlay.setProps({ layers: [layer(t0, t1)] });
    return next;
  },
  pick(x, y) {
    const s = performance.now();
    // Picking on the CPU (src/app/layers/pick.ts): a scan of the window's rows, not a GPU redraw.
    const { lng, lat } = map.unproject([x, y]);
    const size = { radiusPixels: RADIUS_PX, radiusPerSource: 0, maxRadiusPixels: RADIUS_PX, offsetScale: 1 };
    pickEventAt(events, lng, lat, map.getZoom(), { ...SHOW_ALL, windowStart: shown.t0, time: shown.t1, activeAtStart: HELD }, size);
    return performance.now() - s;
  },
});
