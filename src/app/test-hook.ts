// A small read-only hook for the browser tests: the map, the time, and what deck.gl actually drew.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { EventFeature } from '../model/index.ts';
import type { Store } from './state/store.ts';
import type { EventsTable } from './state/events-table.ts';
import { countStartedBy } from './state/visible.ts';
import { EVENT_LAYER_IDS } from './layers/events-layer.ts';

export interface FlanklineHook {
  map: MapLibreMap;
  /** Events shown at t by the app's own reckoning. */
  visibleCount(): number;
  /** Ids of the markers deck.gl draws in the viewport, read back by picking every pixel. */
  drawnMarkerIds(): string[];
  /** Ids of the markers deck.gl draws at full strength (the fresh layer alone). */
  freshMarkerIds(): string[];
  /** Ids deck.gl picks at a point of the map (CSS pixels from the map's top left). */
  idsAt(x: number, y: number): string[];
  /** Page pixel of a lon/lat. */
  project(lon: number, lat: number): { x: number; y: number };
  t(): number;
  /** Whether deck.gl has finished a frame since the time, window or filters last changed (as the large mode's hook). */
  drawn(): boolean;
  /** Resolves in the frame that draws the latest change (at once if drawn): a timer's view of a frame, without polling. */
  whenDrawn(): Promise<void>;
}

export function installTestHook(map: MapLibreMap, overlay: MapboxOverlay, store: Store, table: EventsTable): void {
  // A change the markers follow bumps `changes`; deck's next finished frame catches `drawnAt` up with it.
  let changes = 0;
  let drawnAt = -1;
  store.subscribe((s, p) => {
    if (s.t !== p.t || s.windowDays !== p.windowDays || s.hiddenCategories !== p.hiddenCategories || s.query !== p.query
      || s.playMode !== p.playMode || s.playWindowDays !== p.playWindowDays) changes++;
  });
  let waiting: (() => void)[] = [];
  overlay.setProps({
    onAfterRender: () => {
      drawnAt = changes;
      const done = waiting;
      waiting = [];
      for (const resolve of done) resolve();
    },
  });
  const ids = (infos: { object?: unknown }[]) =>
    [...new Set(infos.map((i) => (i.object as EventFeature | undefined)?.id).filter((id): id is string => !!id))].sort();
  const hook: FlanklineHook = {
    map,
    visibleCount: () => countStartedBy(table.start, store.get().t),
    drawnMarkerIds: () => {
      const box = map.getContainer();
      return ids(overlay.pickObjects({ x: 0, y: 0, width: box.clientWidth, height: box.clientHeight, layerIds: EVENT_LAYER_IDS }));
    },
    freshMarkerIds: () => {
      const box = map.getContainer();
      return ids(overlay.pickObjects({ x: 0, y: 0, width: box.clientWidth, height: box.clientHeight, layerIds: ['events-fresh'] }));
    },
    idsAt: (x, y) => ids(overlay.pickMultipleObjects({ x, y, radius: 2, layerIds: EVENT_LAYER_IDS })),
    project: (lon, lat) => {
      const p = map.project([lon, lat]);
      const r = map.getContainer().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    t: () => store.get().t,
    drawn: () => drawnAt === changes,
    whenDrawn: () => (drawnAt === changes ? Promise.resolve() : new Promise<void>((resolve) => { waiting.push(resolve); })),
  };
  (window as unknown as { __flankline: FlanklineHook }).__flankline = hook;
}
