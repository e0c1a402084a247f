import { describe, expect, test } from 'vitest';
import type { Position } from 'geojson';
import { buildBasemap, unwrapRing } from '../../scripts/build-basemap.ts';

function lonSpan(ring: Position[]): number {
  const lons = ring.map(([lon]) => lon);
  return Math.max(...lons) - Math.min(...lons);
}

describe('the offline basemap', () => {
  test('unwrapRing() moves the part of a ring past the antimeridian east of 180 and keeps the rest', () => {
    const ring = [[170, 60], [179.5, 65], [-179.5, 66], [-175, 62], [179, 60], [170, 60]];
    expect(unwrapRing(ring)).toEqual([[170, 60], [179.5, 65], [180.5, 66], [185, 62], [179, 60], [170, 60]]);
  });

  test('unwrapRing() keeps Europe west of Greenwich in a ring that also crosses the antimeridian', () => {
    const ring = [[-9, 40], [30, 60], [179, 66], [-178, 67], [-175, 64], [178, 62], [30, 45], [-9, 40]];
    const out = unwrapRing(ring);
    expect(out[0]).toEqual([-9, 40]);
    expect(out[3]).toEqual([182, 67]);
    expect(lonSpan(out)).toBeLessThan(200);
  });

  test('buildBasemap() gives every polygon ring outside Antarctica a continuous span, with Russia whole', () => {
    const { countries, land, labels } = buildBasemap();
    for (const fc of [countries, land]) {
      for (const f of fc.features) {
        const g = f.geometry;
        const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
        for (const ring of polys.flat()) {
          if (ring.some(([, lat]) => lat < -60)) continue;
          for (let i = 1; i < ring.length; i++) expect(Math.abs(ring[i][0] - ring[i - 1][0])).toBeLessThan(180);
        }
      }
    }
    const nato = countries.features.filter((f) => f.properties?.nato).map((f) => f.properties?.code).sort();
    expect(nato).toHaveLength(32);
    expect(nato).toContain('FI');
    expect(nato).not.toContain('UA');
    const capitals = labels.features.filter((f) => f.properties?.kind === 'capital').map((f) => f.properties?.name);
    expect(capitals).toEqual(expect.arrayContaining(['Kyiv', 'Tallinn', 'Brussels', 'Warsaw']));
  });
});
