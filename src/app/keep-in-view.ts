// The selected event stays where a reader can see it: when it is selected (from the list, a link, the host page) and
// its marker is off screen or under something laid over the map (the phone's bottom sheet, the component's panel,
// the legend), the map moves it to the middle of the part of the map left clear.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Store } from './state/store.ts';
import type { EventsTable } from './state/events-table.ts';

export const KEEP_IN_VIEW_DEFAULTS = {
  /** A marker closer than this to the clear area's edge counts as hidden (its disc, its ring and a finger). */
  marginPx: 40,
  durationMs: 400,
  /** An element over the map that spans at least this share of its width (or height) takes that band off it. */
  bandShare: 0.6,
};

export interface Box { left: number; top: number; right: number; bottom: number }

/**
 * The part of `map` no cover hides, in the same coordinates: a cover as wide as the map (a bottom sheet, a legend
 * docked on top) takes its band off the top or bottom, one as tall takes it off a side; a small one (a folded
 * legend chip) is left to the margin.
 */
export function clearArea(map: Box, covers: readonly Box[], opts = KEEP_IN_VIEW_DEFAULTS): Box {
  // Copied field by field: a DOMRect's sides are getters, which a spread does not copy.
  const clear = { left: map.left, top: map.top, right: map.right, bottom: map.bottom };
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  for (const c of covers) {
    const w = Math.min(c.right, map.right) - Math.max(c.left, map.left);
    const h = Math.min(c.bottom, map.bottom) - Math.max(c.top, map.top);
    if (w <= 0 || h <= 0) continue;
    if (w >= width * opts.bandShare) {
      if ((c.top + c.bottom) / 2 > (map.top + map.bottom) / 2) clear.bottom = Math.min(clear.bottom, c.top);
      else clear.top = Math.max(clear.top, c.bottom);
    } else if (h >= height * opts.bandShare) {
      if ((c.left + c.right) / 2 > (map.left + map.right) / 2) clear.right = Math.min(clear.right, c.left);
      else clear.left = Math.max(clear.left, c.right);
    }
  }
  return clear;
}

/** Whether a point is inside the box, at least `margin` from its edges. */
export function isWellInside(box: Box, x: number, y: number, margin: number): boolean {
  return x >= box.left + margin && x <= box.right - margin && y >= box.top + margin && y <= box.bottom - margin;
}

/** Moves the map so the selected event sits in the middle of the clear area, if it is not well inside it already. */
export function keepSelectedInView(map: MapLibreMap, store: Store, table: EventsTable, covers: () => (HTMLElement | undefined)[],
  reducedMotion: () => boolean, opts = KEEP_IN_VIEW_DEFAULTS): () => void {
  let frame = 0;
  const bring = (id: string) => {
    const row = table.rowOf(id);
    if (row === undefined) return;
    // The panel has just opened: the map's box may have changed size in this layout.
    map.resize();
    const container = map.getContainer().getBoundingClientRect();
    const shown = covers().filter((el): el is HTMLElement => !!el && !el.hidden).map((el) => el.getBoundingClientRect());
    const clear = clearArea(container, shown, opts);
    const lonLat: [number, number] = [table.columns.position[2 * row], table.columns.position[2 * row + 1]];
    const p = map.project(lonLat);
    const x = container.left + p.x;
    const y = container.top + p.y;
    if (isWellInside(clear, x, y, Math.min(opts.marginPx, (clear.right - clear.left) / 4, (clear.bottom - clear.top) / 4))) return;
    // Shift the centre by how far the marker is from the clear area's middle.
    const dx = x - (clear.left + clear.right) / 2;
    const dy = y - (clear.top + clear.bottom) / 2;
    const centre = map.project(map.getCenter());
    map.easeTo({ center: map.unproject([centre.x + dx, centre.y + dy]), duration: reducedMotion() ? 0 : opts.durationMs });
  };
  const unsubscribe = store.subscribe((s, p) => {
    if (s.selectedId === p.selectedId || s.selectedId === null) return;
    const id = s.selectedId;
    // A camera set in the same turn (a link's map=, the host page) is the author's choice: it wins.
    const before = `${map.getCenter().toArray()}/${map.getZoom()}`;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (store.get().selectedId === id && `${map.getCenter().toArray()}/${map.getZoom()}` === before) bring(id);
    });
  });
  return () => {
    cancelAnimationFrame(frame);
    unsubscribe();
  };
}
