// The read-only test hook (window.__flankline) in large mode: deck.gl picking of every pixel would redraw every
// event, so the hook answers from the same CPU picking the app uses, and says what the events layer is drawn with.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppState, Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import { countStartedBy } from '../state/visible.ts';
import type { LargeMap } from './large-map.ts';

export interface LargeHook {
  map: MapLibreMap;
  large: true;
  /** Events in the dataset. */
  count: number;
  /** Events started by t. */
  visibleCount(): number;
  t(): number;
  state(): AppState;
  /** Page pixel of a lon/lat. */
  project(lon: number, lat: number): { x: number; y: number };
  /** The shown event under a map pixel (CSS pixels from the map's top left): its id and title, or null. */
  eventAt(x: number, y: number): { id: string; title: string } | null;
  /** Started by t, latest first, at most n: id and lon/lat, to find markers on the map. */
  latest(n: number): { id: string; title: string; lon: number; lat: number; category: string }[];
  /** What the events layer is drawn with now (matches: how many rows match the search, or null without one). */
  layer(): { time: number; windowStart: number | null; fadeDays: number; categoryMask: number; matches: number | null };
  /** Whether deck.gl has finished a frame with the layer as it is now. */
  drawn(): boolean;
  /** Resolves in the frame that draws the layer as it is now: a timer's view of a frame, without polling. */
  whenDrawn(): Promise<void>;
}

export function installLargeTestHook(map: MapLibreMap, large: LargeMap, store: Store, table: EventsTable): void {
  const hook: LargeHook = {
    map,
    large: true,
    count: table.length,
    visibleCount: () => countStartedBy(table.start, store.get().t),
    t: () => store.get().t,
    state: () => store.get(),
    project: (lon, lat) => {
      const p = map.project([lon, lat]);
      const r = map.getContainer().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    eventAt: (x, y) => {
      const row = large.rowAt(x, y);
      if (row < 0) return null;
      const f = table.feature(row);
      return { id: f.id, title: f.properties.title };
    },
    latest: (n) => {
      const end = countStartedBy(table.start, store.get().t);
      const out = [];
      for (let i = end - 1; i >= Math.max(0, end - n); i--) {
        const f = table.feature(i);
        const [lon, lat] = f.geometry.coordinates;
        out.push({ id: f.id, title: f.properties.title, lon, lat, category: f.properties.category });
      }
      return out;
    },
    layer: () => {
      const p = large.layerProps();
      let matches: number | null = null;
      if (p.matches) {
        matches = 0;
        for (let i = 0; i < p.matches.length; i++) matches += p.matches[i];
      }
      return { time: p.time, windowStart: Number.isFinite(p.windowStart) ? p.windowStart : null, fadeDays: p.fadeDays, categoryMask: p.categoryMask, matches };
    },
    drawn: () => large.drawn(),
    whenDrawn: () => large.whenDrawn(),
  };
  (window as unknown as { __flankline: LargeHook }).__flankline = hook;
}
