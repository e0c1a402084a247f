// "eastern Ukraine", "northern Syria": a part of a country named by a compass direction, placed inside the country.
import type { GazetteerEntry } from '../types.ts';

/** Unit steps (east, north) per direction word; the regions' ids carry the canonical word. */
const DIRECTIONS: Record<string, [number, number]> = {
  northern: [0, 1], southern: [0, -1], eastern: [1, 0], western: [-1, 0],
  northeastern: [1, 1], northwestern: [-1, 1], southeastern: [1, -1], southwestern: [-1, -1],
  central: [0, 0],
};

/** How far from the centre towards the edge of the country's extent a direction moves the point (0..0.5). */
const DIRECTION_REACH = 0.28;

/** The canonical direction for a word of text ("North-Eastern" -> "northeastern"), or null. */
export function directionOf(word: string): string | null {
  const w = word.toLowerCase().replace(/[-\s]/g, '');
  return w in DIRECTIONS ? w : null;
}

export function directionalId(direction: string, alpha2: string): string {
  return `dir:${direction}:${alpha2}`;
}

export function parseDirectionalId(id: string): { direction: string; country: string } | null {
  const m = /^dir:([a-z]+):([A-Z]{2})$/.exec(id);
  return m && m[1] in DIRECTIONS ? { direction: m[1], country: m[2] } : null;
}

/**
 * The region "<direction> <country>": the centre of the country's extent moved towards that side, so that
 * "eastern Ukraine" lands in the Donbas rather than in Kyiv. Without an extent, the country's own point.
 */
export function directionalEntry(
  direction: string,
  country: GazetteerEntry,
  extent: readonly [number, number, number, number] | undefined,
): GazetteerEntry {
  const [dx, dy] = DIRECTIONS[direction];
  let { lat, lon } = country;
  if (extent) {
    const [w, s, e, n] = extent;
    // An extent across the antimeridian has east > 180 (Russia); the point is wrapped back.
    lon = (w + e) / 2 + dx * DIRECTION_REACH * (e - w);
    lon = ((((lon + 180) % 360) + 360) % 360) - 180;
    lat = (s + n) / 2 + dy * DIRECTION_REACH * (n - s);
  }
  return {
    id: directionalId(direction, country.country ?? ''),
    name: `${direction} ${country.name}`,
    kind: 'region',
    country: country.country,
    lat: Math.round(lat * 1e4) / 1e4,
    lon: Math.round(lon * 1e4) / 1e4,
    // The country's own: "eastern Congo" weighs what "Congo" does when two countries share the name.
    population: country.population,
    featureCode: 'REGION',
    gazetteer: country.gazetteer,
  };
}
