// The map of a large dataset: one scale layer draws every shown event from the columns (no per-event object), a
// tiny layer rings the hovered and selected ones, and hover and click pick on the CPU (pickEventAt), once per
// animation frame at most, instead of asking deck.gl to redraw a million events for picking.
import { MapboxOverlay } from '@deck.gl/mapbox';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { WindowEventsLayer } from '../../scale/window-events-layer.ts';
import { pickEventAt } from '../../scale/pick.ts';
import type { ScaleEvents } from '../../scale/scale-events.ts';
import type { Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import type { Search } from '../posture/search.ts';
import { createTooltip } from '../tooltip.ts';
import { categoryMaskOf, windowStartOf } from './layer-input.ts';

export const LARGE_MAP_DEFAULTS = {
  // 3 px, as the bench baselines: every pixel of a marker is paid for on every visible event in software rendering.
  radiusPixels: 3,
  fadedOpacity: 0.3,
  /** How far from the pointer a marker may be and still be hovered, in pixels. */
  pickRadiusPx: 6,
  focusRadiusPx: 8,
  focusColor: [20, 24, 31, 255] as [number, number, number, number],
};

export const LARGE_LAYER_ID = 'large-events';

export interface LargeMap {
  overlay: MapboxOverlay;
  /** Row of the shown event under a map pixel (CSS pixels from the map's top left), or -1. */
  rowAt(x: number, y: number): number;
  /** The props the events layer is drawn with now. */
  layerProps(): { time: number; windowStart: number; fadeDays: number; categoryMask: number; matches: Uint8Array | null };
  /** Whether deck.gl has drawn the layers as they are now (a frame finished since the last change). */
  drawn(): boolean;
  /** Resolves in the frame that draws the layers as they are now (at once if it has). */
  whenDrawn(): Promise<void>;
}

export function connectLargeEvents(map: MapLibreMap, store: Store, table: EventsTable, events: ScaleEvents,
  search: Search, tooltipParent: HTMLElement, opts = LARGE_MAP_DEFAULTS): LargeMap {
  const tooltip = createTooltip(tooltipParent);
  const position = events.columns.position;

  const layerProps = () => {
    const s = store.get();
    return {
      time: s.t, windowStart: windowStartOf(s), fadeDays: s.windowDays, categoryMask: categoryMaskOf(s.hiddenCategories),
      matches: search.key() === '' ? null : search.matches,
    };
  };
  const focusRows = () => {
    const s = store.get();
    const rows: number[] = [];
    for (const id of [s.selectedId, s.hoveredId]) {
      const row = id === null ? undefined : table.rowOf(id);
      if (row !== undefined && !rows.includes(row)) rows.push(row);
    }
    return rows;
  };
  const layers = () => {
    const focus = focusRows();
    return [
      new WindowEventsLayer({
        id: LARGE_LAYER_ID, events, fadedOpacity: opts.fadedOpacity, radiusPixels: opts.radiusPixels, ...layerProps(),
      }),
      new ScatterplotLayer<number>({
        id: `${LARGE_LAYER_ID}-focus`,
        data: focus,
        getPosition: (row: number) => [position[2 * row], position[2 * row + 1]],
        getRadius: opts.focusRadiusPx,
        radiusUnits: 'pixels',
        stroked: true,
        filled: false,
        getLineColor: opts.focusColor,
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
        updateTriggers: { getPosition: focus.join() },
      }),
    ];
  };
  let version = 0;
  let drawnVersion = -1;
  let waiting: (() => void)[] = [];
  const afterRender = () => {
    drawnVersion = version;
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  };
  const overlay = new MapboxOverlay({ interleaved: false, layers: layers(), onAfterRender: afterRender });
  map.addControl(overlay);
  store.subscribe((s, p) => {
    if (s.t !== p.t || s.hoveredId !== p.hoveredId || s.selectedId !== p.selectedId || s.hiddenCategories !== p.hiddenCategories
      || s.query !== p.query || s.playMode !== p.playMode || s.playWindowDays !== p.playWindowDays || s.windowDays !== p.windowDays) {
      version++;
      overlay.setProps({ layers: layers() });
    }
  });

  const rowAt = (x: number, y: number): number => {
    const { lng, lat } = map.unproject([x, y]);
    const p = layerProps();
    // The same window, categories and search as the layer draws, so only a drawn marker is ever picked.
    return pickEventAt(events, lng, lat, map.getZoom(), p.windowStart, p.time, opts.pickRadiusPx, true, p.categoryMask, p.matches);
  };

  // At most one pick per animation frame, with the latest pointer position.
  let pending: { x: number; y: number } | null = null;
  let frame = 0;
  const hover = () => {
    frame = 0;
    if (!pending) return;
    const { x, y } = pending;
    pending = null;
    const row = rowAt(x, y);
    const canvas = map.getCanvas();
    if (row < 0) {
      tooltip.hide();
      canvas.style.cursor = '';
      if (store.get().hoveredId !== null) store.set({ hoveredId: null });
      return;
    }
    const f = table.feature(row);
    tooltip.show(f, x, y);
    canvas.style.cursor = 'pointer';
    store.set({ hoveredId: f.id });
  };
  map.on('mousemove', (e: MapMouseEvent) => {
    pending = { x: e.point.x, y: e.point.y };
    if (!frame) frame = requestAnimationFrame(hover);
  });
  map.getCanvas().addEventListener('mouseleave', () => {
    pending = null;
    tooltip.hide();
    if (store.get().hoveredId !== null) store.set({ hoveredId: null });
  });
  map.on('click', (e: MapMouseEvent) => {
    const row = rowAt(e.point.x, e.point.y);
    if (row >= 0) store.set({ selectedId: table.feature(row).id });
  });

  store.subscribe((s, p) => {
    if (s.selectedId === p.selectedId || s.selectedId === null) return;
    const row = table.rowOf(s.selectedId);
    if (row === undefined) return;
    const lonLat: [number, number] = [position[2 * row], position[2 * row + 1]];
    if (!map.getBounds().contains(lonLat)) map.easeTo({ center: lonLat, duration: 400 });
  });
  const whenDrawn = () => (drawnVersion === version ? Promise.resolve() : new Promise<void>((resolve) => { waiting.push(resolve); }));
  return { overlay, rowAt, layerProps, drawn: () => drawnVersion === version, whenDrawn };
}
