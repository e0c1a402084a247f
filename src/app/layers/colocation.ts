// Events at the same spot (one city, many reports) would hide each other. Each group keeps its earliest event at the
// true position and places the rest on a sunflower spiral around it, in screen pixels, so every one stays pickable
// at any zoom. Deterministic: the order is the table's (start, id) order.
import type { EventsTable } from '../state/events-table.ts';

export const COLOCATION_DEFAULTS = {
  /** Spacing of the spiral, in pixels: a little more than a marker's radius. */
  spacingPx: 11,
  /** Coordinates equal to this many decimals (~1 m) count as the same spot. */
  decimals: 5,
};

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Pixel offsets, stride 2 ([dx, dy] per event), zero for events alone at their spot. */
export function colocationOffsets(table: EventsTable, opts = COLOCATION_DEFAULTS): Float32Array {
  const out = new Float32Array(table.length * 2);
  const seen = new Map<string, number>();
  for (let i = 0; i < table.length; i++) {
    const [lon, lat] = table.feature(i).geometry.coordinates;
    const key = `${lon.toFixed(opts.decimals)},${lat.toFixed(opts.decimals)}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    if (k === 0) continue;
    const r = opts.spacingPx * Math.sqrt(k);
    out[i * 2] = r * Math.cos(k * GOLDEN_ANGLE);
    out[i * 2 + 1] = r * Math.sin(k * GOLDEN_ANGLE);
  }
  return out;
}
