// Frames several events on the map (a summary line standing for more than one item).
import { LngLatBounds, type Map as MapLibreMap } from 'maplibre-gl';
import type { EventsTable } from '../state/events-table.ts';

export const FRAME_DEFAULTS = { paddingPx: 60, maxZoom: 6, durationMs: 500 };

export function frameEvents(map: MapLibreMap, table: EventsTable, ids: readonly string[], reducedMotion: boolean, opts = FRAME_DEFAULTS): void {
  const bounds = new LngLatBounds();
  for (const id of ids) {
    const i = table.rowOf(id);
    if (i !== undefined) bounds.extend(table.feature(i).geometry.coordinates as [number, number]);
  }
  if (bounds.isEmpty()) return;
  map.fitBounds(bounds, { padding: opts.paddingPx, maxZoom: opts.maxZoom, duration: reducedMotion ? 0 : opts.durationMs });
}
