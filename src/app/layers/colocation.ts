// Events at the same spot (one city, many reports) would hide each other. Each group keeps its earliest event at the
// true position and places the rest on a sunflower spiral around it, in screen pixels, so every one stays pickable
// at any zoom. Deterministic: the order is the rows' (start, id) order. Spots are found by exact Float32 position in
// a small open-addressing table of typed arrays, so a million rows cost no string or object each.

export const COLOCATION_DEFAULTS = {
  /** Spacing of the spiral, in pixels: a little more than a full-size marker's radius. */
  spacingPx: 11,
};

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Offsets are bytes (-127..127 px): the spiral stops growing there, past ~130 events at one spot. */
const MAX_OFFSET_PX = 127;

/**
 * Pixel offsets, stride 2 ([dx, dy] per row, y down), zero for rows alone at their spot. `position` is the columnar
 * file's lon, lat interleaved.
 */
export function colocationOffsets(position: Float32Array, count: number, opts = COLOCATION_DEFAULTS): Int8Array {
  const out = new Int8Array(2 * count);
  const bits = new Uint32Array(position.buffer, position.byteOffset, 2 * count);
  let capacity = 16;
  while (capacity < 2 * count) capacity *= 2;
  const keys = new Uint32Array(2 * capacity);
  const seen = new Uint32Array(capacity); // rows seen at the slot's spot; 0: empty slot
  const mask = capacity - 1;
  const maxK = Math.floor((MAX_OFFSET_PX / opts.spacingPx) ** 2);
  for (let i = 0; i < count; i++) {
    const lon = bits[2 * i];
    const lat = bits[2 * i + 1];
    let slot = (Math.imul(lon, 0x9e3779b1) ^ Math.imul(lat ^ (lat >>> 15), 0x85ebca77)) & mask;
    while (seen[slot] !== 0 && (keys[2 * slot] !== lon || keys[2 * slot + 1] !== lat)) slot = (slot + 1) & mask;
    const k = seen[slot];
    keys[2 * slot] = lon;
    keys[2 * slot + 1] = lat;
    seen[slot] = k + 1;
    if (k === 0) continue;
    const along = Math.min(k, maxK);
    const r = opts.spacingPx * Math.sqrt(along);
    out[2 * i] = Math.round(r * Math.cos(along * GOLDEN_ANGLE));
    out[2 * i + 1] = Math.round(r * Math.sin(along * GOLDEN_ANGLE));
  }
  return out;
}
