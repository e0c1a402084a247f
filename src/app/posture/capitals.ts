// Where a country's arcs start: its capital from the basemap's labels (GeoNames PPLC), else its label point.
import type { FeatureCollection, Point } from 'geojson';

export type LonLat = [number, number];

/** Alpha-2 code to a point: capitals (kind "capital", property `country`) win over country label points (`code`). */
export function capitalsByCode(labels: FeatureCollection): Map<string, LonLat> {
  const capitals = new Map<string, LonLat>();
  const fallback = new Map<string, LonLat>();
  for (const f of labels.features) {
    if (f.geometry?.type !== 'Point') continue;
    const p = f.properties ?? {};
    const at = (f.geometry as Point).coordinates as LonLat;
    if (p.kind === 'capital' && typeof p.country === 'string' && !capitals.has(p.country)) capitals.set(p.country, at);
    if (p.kind === 'country' && typeof p.code === 'string' && !fallback.has(p.code)) fallback.set(p.code, at);
  }
  for (const [code, at] of fallback) if (!capitals.has(code)) capitals.set(code, at);
  return capitals;
}

/** Fetches the basemap's labels beside the page; an empty map (no arcs) when they cannot be read. */
export async function loadCapitals(base: string): Promise<Map<string, LonLat>> {
  try {
    const res = await fetch(new URL('geo/labels.geojson', base));
    if (!res.ok) return new Map();
    return capitalsByCode(await res.json() as FeatureCollection);
  } catch {
    return new Map();
  }
}
