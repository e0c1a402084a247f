// The read-only test hook (window.__flankline) for the browser tests and the bench: the map, the time, what the
// events layer is drawn with, and which markers it shows, answered from the same CPU picking the app uses (deck.gl
// picking of every pixel would redraw every marker), plus what MapLibre and deck.gl show of the posture.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppState, Store } from './state/store.ts';
import type { EventsTable } from './state/events-table.ts';
import { countStartedBy, freshUntil } from './state/visible.ts';
import type { Dataset } from './data/dataset.ts';
import type { EventsMap } from './events-map.ts';
import { forEachShown, pixelOffsetOf, radiusOf, PICK_DEFAULTS } from './layers/pick.ts';
import type { Arc } from './posture/arcs.ts';
import { POSTURE_LAYER_IDS, pulsingRows } from './posture/deck-layers.ts';
import { basemapCountries } from './basemap-style.ts';
import { worldOf } from '../util/mercator.ts';

export interface FlanklineHook {
  map: MapLibreMap;
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
  /** Ids of every shown marker whose disc holds a map pixel. */
  idsAt(x: number, y: number): string[];
  /** Ids of the markers shown in the viewport, sorted. */
  drawnMarkerIds(): string[];
  /** Ids of the markers shown in the viewport at full strength, sorted. */
  freshMarkerIds(): string[];
  /** The discs of the markers shown in the viewport: page pixel of the centre (co-location offset included), radius. */
  drawnDiscs(): { id: string; x: number; y: number; r: number }[];
  /** Started by t, latest first, at most n: id and lon/lat, to find markers on the map. */
  latest(n: number): { id: string; title: string; lon: number; lat: number; category: string }[];
  /** What the events layer is drawn with now (matches: how many rows match the search, or null without one). */
  layer(): { time: number; windowStart: number | null; fadeDays: number; categoryMask: number; matches: number | null };
  /** Whether deck.gl has finished a frame with the layers as they are now. */
  drawn(): boolean;
  /** Resolves in the frame that draws the layers as they are now: a timer's view of a frame, without polling. */
  whenDrawn(): Promise<void>;
  /** Whether the basemap's labels have made way for the markers shown now (they follow the first picture, and the time once it rests). */
  labelsPlaced(): boolean;
  /** The countries source's feature state of a country (alpha-2), e.g. { deployment: 1 }. */
  countryState(code: string): Record<string, number | undefined>;
  /** "eventId:actor" of every arc deck.gl draws in the viewport, read back by deck.gl picking. */
  drawnArcs(): string[];
  /** Ids of incidents with a pulse ring at t. */
  pulsing(): string[];
}

export function installTestHook(map: MapLibreMap, eventsMap: EventsMap, store: Store, dataset: Dataset): void {
  const table: EventsTable = dataset.table;
  const { events } = dataset;
  const idOf = (row: number) => table.feature(row).id;
  /** Rows shown whose marker centre is within the map's viewport. */
  const inView = (fresh: boolean) => {
    const box = map.getContainer();
    const out: string[] = [];
    const { windowDays, t } = store.get();
    forEachShown(events, eventsMap.layerProps(), (row) => {
      const p = map.project([events.columns.position[2 * row], events.columns.position[2 * row + 1]]);
      const dx = events.offsets[2 * row] * eventsMap.size.offsetScale;
      const dy = events.offsets[2 * row + 1] * eventsMap.size.offsetScale;
      if (p.x + dx < 0 || p.y + dy < 0 || p.x + dx > box.clientWidth || p.y + dy > box.clientHeight) return;
      if (!fresh || t <= freshUntil(table, row, windowDays)) out.push(idOf(row));
    });
    return out.sort();
  };
  const scratch = new Float64Array(2);
  const hook: FlanklineHook = {
    map,
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
      const row = eventsMap.rowAt(x, y);
      if (row < 0) return null;
      const f = table.feature(row);
      return { id: f.id, title: f.properties.title };
    },
    idsAt: (x, y) => {
      const { lng, lat } = map.unproject([x, y]);
      const [cx, cy] = worldOf(lng, lat, new Float64Array(2));
      const scale = 2 ** map.getZoom();
      const ids: string[] = [];
      forEachShown(events, eventsMap.layerProps(), (row) => {
        const [dx, dy] = pixelOffsetOf(events, row, cx, cy, scale, eventsMap.size, scratch);
        const reach = radiusOf(events, row, eventsMap.size) + PICK_DEFAULTS.slackPixels;
        if (dx * dx + dy * dy <= reach * reach) ids.push(idOf(row));
      });
      return [...new Set(ids)].sort();
    },
    drawnMarkerIds: () => inView(false),
    drawnDiscs: () => {
      const box = map.getContainer().getBoundingClientRect();
      const discs: { id: string; x: number; y: number; r: number }[] = [];
      forEachShown(events, eventsMap.layerProps(), (row) => {
        const p = map.project([events.columns.position[2 * row], events.columns.position[2 * row + 1]]);
        const x = p.x + events.offsets[2 * row] * eventsMap.size.offsetScale;
        const y = p.y + events.offsets[2 * row + 1] * eventsMap.size.offsetScale;
        if (x < 0 || y < 0 || x > box.width || y > box.height) return;
        discs.push({ id: idOf(row), x: box.left + x, y: box.top + y, r: radiusOf(events, row, eventsMap.size) });
      });
      return discs;
    },
    freshMarkerIds: () => inView(true),
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
      const p = eventsMap.layerProps();
      let matches: number | null = null;
      if (p.matches) {
        matches = 0;
        for (let i = 0; i < p.matches.length; i++) matches += p.matches[i];
      }
      return { time: p.time, windowStart: Number.isFinite(p.windowStart) ? p.windowStart : null, fadeDays: p.fadeDays, categoryMask: p.categoryMask, matches };
    },
    drawn: () => eventsMap.drawn(),
    whenDrawn: () => eventsMap.whenDrawn(),
    labelsPlaced: () => eventsMap.labelsPlaced(),
    countryState: (code) => {
      const countries = basemapCountries(map);
      return (map.getFeatureState({ source: countries.source, sourceLayer: countries['source-layer'], id: code }) ?? {}) as Record<string, number | undefined>;
    },
    drawnArcs: () => {
      const box = map.getContainer();
      const infos = eventsMap.overlay.pickObjects({ x: 0, y: 0, width: box.clientWidth, height: box.clientHeight, layerIds: [POSTURE_LAYER_IDS.arcs] });
      return [...new Set(infos.map((i) => i.object as Arc | undefined).filter((a): a is Arc => !!a).map((a) => `${a.id}:${a.actor}`))].sort();
    },
    pulsing: () => {
      const input = eventsMap.postureInput();
      return input ? pulsingRows(input).map(idOf) : [];
    },
  };
  (window as unknown as { __flankline: FlanklineHook }).__flankline = hook;
}
