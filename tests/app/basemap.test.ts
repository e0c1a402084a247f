import { describe, expect, test } from 'vitest';
import type { Position } from 'geojson';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { basemapTiles, buildBasemap, TILE_LAYERS, unwrapRing } from '../../scripts/build-basemap.ts';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_TILES, basemapStyle, LABEL_LAYERS, showLabels } from '../../src/app/basemap-style.ts';

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

  test('basemapTiles() cuts every tile of zooms 0-5, with the countries (code, nato), land and borders where there is land', () => {
    const basemap = buildBasemap();
    const tiles = basemapTiles(Object.fromEntries(TILE_LAYERS.map((name) => [name, basemap[name]])));
    expect(tiles.size).toBe([0, 1, 2, 3, 4, 5].reduce((n, z) => n + 4 ** z, 0));
    // Zoom 3, x 4, y 2: central Europe, where the map opens.
    const europe = new VectorTile(new PbfReader(tiles.get('3/4/2')!));
    expect(Object.keys(europe.layers).sort()).toEqual(['borders', 'countries', 'land']);
    const countries = europe.layers.countries;
    const codes = Array.from({ length: countries.length }, (_, i) => countries.feature(i).properties);
    expect(codes).toContainEqual(expect.objectContaining({ code: 'PL', nato: true }));
    expect(codes).toContainEqual(expect.objectContaining({ code: 'UA', nato: false }));
    // The South Pacific at zoom 5 (west of Chile): nothing, written as an empty tile rather than left missing (a 404 in the console).
    expect(tiles.get('5/4/19')).toHaveLength(0);
  });
});

describe('the basemap style', () => {
  test('reads land, countries and borders from one vector tile source, labels from GeoJSON', () => {
    const style = basemapStyle('http://example.org/app/');
    expect(Object.keys(style.sources).sort()).toEqual([BASEMAP_TILES.source, 'labels', BASEMAP_TILES.tints].sort());
    const url = 'http://example.org/app/geo/tiles/{z}/{x}/{y}.pbf';
    expect(style.sources[BASEMAP_TILES.source]).toMatchObject({ type: 'vector', tiles: [url] });
    // The host tints' source: the same tiles, countries by alpha-2 for feature state, and no layer of the style reads it.
    expect(style.sources[BASEMAP_TILES.tints]).toMatchObject({ type: 'vector', tiles: [url], promoteId: { countries: 'code' } });
    expect(style.layers.filter((l) => 'source' in l && l.source === BASEMAP_TILES.tints)).toEqual([]);
    const nato = style.layers.find((l) => l.id === 'nato');
    expect(nato).toMatchObject({ source: BASEMAP_TILES.source, 'source-layer': 'countries' });
  });

  test('fills and lines read their opacity per feature, as the host tints do, so MapLibre compiles one program for each', () => {
    const style = basemapStyle('http://example.org/app/');
    for (const id of ['land', 'nato', 'borders', 'coast']) {
      const layer = style.layers.find((l) => l.id === id) as { type: string; paint: Record<string, unknown> };
      const opacity = layer.paint[`${layer.type}-opacity`];
      // An expression over the feature's properties (a constant or a zoom curve would be a uniform: a second program).
      expect(JSON.stringify(opacity), id).toContain('["get"');
    }
  });

  test('the labels and the capitals\' dots are not in the first picture: hidden in the style until showLabels()', () => {
    const style = basemapStyle('http://example.org/app/');
    const late = [...LABEL_LAYERS, 'capital-dots'];
    const visibility = new Map(style.layers.map((l) => [l.id, (l as { layout?: { visibility?: string } }).layout?.visibility ?? 'visible']));
    for (const id of late) expect(visibility.get(id), id).toBe('none');
    for (const [id, v] of visibility) if (!late.includes(id)) expect(v, id).toBe('visible');
    // A map that holds the style's layers: showLabels() makes the hidden ones visible, and again changes nothing.
    const layout = new Map(style.layers.map((l) => [l.id, visibility.get(l.id)]));
    const calls: string[] = [];
    const map = {
      getLayer: (id: string) => (layout.has(id) ? {} : undefined),
      getLayoutProperty: (id: string) => layout.get(id),
      setLayoutProperty: (id: string, _: string, v: string) => { calls.push(id); layout.set(id, v); },
    } as unknown as MapLibreMap;
    showLabels(map);
    showLabels(map);
    expect(calls.sort()).toEqual([...late].sort());
    expect([...layout.values()].every((v) => v === 'visible')).toBe(true);
  });

  test('reads the same layers from the GeoJSON files when tiles are off (a single-file export)', () => {
    const style = basemapStyle('http://example.org/app/', undefined, false);
    expect(Object.keys(style.sources).sort()).toEqual(['borders', 'countries', 'labels', 'land']);
    expect(style.sources.countries).toMatchObject({ type: 'geojson', data: 'http://example.org/app/geo/countries.geojson', promoteId: 'code' });
    expect(style.layers.find((l) => l.id === 'nato')).toMatchObject({ source: 'countries' });
    expect(style.layers.find((l) => l.id === 'nato')).not.toHaveProperty('source-layer');
    expect(style.layers.map((l) => l.id)).toEqual(basemapStyle('http://example.org/app/').layers.map((l) => l.id));
  });
});

