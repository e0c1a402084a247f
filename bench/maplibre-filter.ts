// Baseline: a plain MapLibre GeoJSON source and circle layer, `setFilter` (and the fade as a paint expression) per frame.
import type { ExpressionSpecification, FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { createBenchMap, finishGpu, dataUrl, FADED_ALPHA, fetchJson, initialWindow, install, PALETTE, RADIUS_PX, type DisplayMeta } from './common.ts';

let map: MapLibreMap;

const filter = (t0: number, t1: number): FilterSpecification => ['all', ['>=', ['get', 's'], t0], ['<=', ['get', 's'], t1]];
const opacity = (t1: number): ExpressionSpecification => ['case', ['>=', ['get', 'f'], t1], 1, FADED_ALPHA];
const color = ['match', ['get', 'c'], ...PALETTE.flatMap((rgb, i) => [i, `rgb(${rgb.join(',')})`]), '#666'] as unknown as ExpressionSpecification;

install({
  async load() {
    const [m, meta] = await Promise.all([createBenchMap(), fetchJson<DisplayMeta>('meta.json')]);
    map = m;
    const [t0, t1] = initialWindow(meta.minStart, meta.maxStart);
    map.addSource('events', { type: 'geojson', data: dataUrl('display.geojson') });
    map.addLayer({
      id: 'events', type: 'circle', source: 'events', filter: filter(t0, t1),
      paint: { 'circle-radius': RADIUS_PX, 'circle-color': color, 'circle-opacity': opacity(t1), 'circle-opacity-transition': { duration: 0 } },
    });
    await new Promise<void>((resolve) => {
      const check = () => {
        if (map.isSourceLoaded('events')) resolve();
        else map.once('idle', check);
      };
      map.once('idle', check);
    });
    return meta;
  },
  setWindow(t0, t1) {
    const idle = map.once('idle') as Promise<unknown>;
    map.setFilter('events', filter(t0, t1));
    map.setPaintProperty('events', 'circle-opacity', opacity(t1));
    return idle.then(() => finishGpu((map as unknown as { painter: { context: { gl: WebGL2RenderingContext } } }).painter.context.gl));
  },
  pick(x, y) {
    const s = performance.now();
    map.queryRenderedFeatures([[x - 4, y - 4], [x + 4, y + 4]], { layers: ['events'] });
    return performance.now() - s;
  },
});
