// Frames several events on the map (a summary line standing for more than one item).
import { LngLatBounds, type Map as MapLibreMap } from 'maplibre-gl';
import type { EventsTable } from '../state/events-table.ts';

export const FRAME_DEFAULTS = { paddingPx: 60, maxZoom: 6, durationMs: 500 };

export function frameEvents(map: MapLibreMap, table: EventsTable, rows: readonly number[], reducedMotion: boolean, opts = FRAME_DEFAULTS): void {
  const bounds = new LngLatBounds();
  const { position } = table.columns;
  for (const row of rows) bounds.extend([position[2 * row], position[2 * row + 1]]);
  if (bounds.isEmpty()) return;
  map.fitBounds(bounds, { padding: opts.paddingPx, maxZoom: opts.maxZoom, duration: reducedMotion ? 0 : opts.durationMs });
}
