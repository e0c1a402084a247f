import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { EventCollection } from '../../../src/model/index.ts';
import { decodeColumnar, encodeFeatures } from '../../../src/model/columnar.ts';
import { tableOfFeatures } from '../../../src/app/state/columnar-table.ts';
import { colocationOffsets } from '../../../src/app/layers/colocation.ts';

const FIXTURE = JSON.parse(readFileSync('tests/fixtures/fixture-events.geojson', 'utf8')) as EventCollection;

function offsetsOf(features: EventCollection['features']) {
  const columns = decodeColumnar(encodeFeatures(features));
  return { offsets: colocationOffsets(columns.position, columns.count), table: tableOfFeatures(features) };
}

describe('markers at the same spot', () => {
  test('colocationOffsets() leaves lone events and the first of a group on their coordinates', () => {
    const { offsets, table } = offsetsOf(FIXTURE.features);
    const first = table.rowOf('incursion-vaindloo-2019')!;
    expect([offsets[first * 2], offsets[first * 2 + 1]]).toEqual([0, 0]);
    const kyiv = table.rowOf('strike-kyiv-2022-02-24')!;
    expect([offsets[kyiv * 2], offsets[kyiv * 2 + 1]]).toEqual([0, 0]);
    // Every other event at Vaindloo's exact spot moves off it.
    const [lon, lat] = FIXTURE.features.find((f) => f.id === 'incursion-vaindloo-2019')!.geometry.coordinates;
    const same = FIXTURE.features.filter((f) => f.geometry.coordinates[0] === lon && f.geometry.coordinates[1] === lat && f.id !== 'incursion-vaindloo-2019');
    for (const f of same) {
      const row = table.rowOf(f.id)!;
      expect(Math.hypot(offsets[row * 2], offsets[row * 2 + 1]), f.id).toBeGreaterThan(5);
    }
  });

  test('colocationOffsets() spreads fifty events at one spot so no two centres are closer than a marker radius', () => {
    const features = Array.from({ length: 50 }, (_, i) => ({ ...FIXTURE.features[0], id: `e${i}` }));
    const { offsets } = offsetsOf(features);
    for (let i = 0; i < 50; i++) {
      for (let j = i + 1; j < 50; j++) {
        const d = Math.hypot(offsets[i * 2] - offsets[j * 2], offsets[i * 2 + 1] - offsets[j * 2 + 1]);
        expect(d).toBeGreaterThan(7.5);
      }
    }
  });

  test('colocationOffsets() keeps thousands at one spot within the byte range, on the spiral\'s rim', () => {
    const features = Array.from({ length: 3000 }, (_, i) => ({ ...FIXTURE.features[0], id: `e${String(i).padStart(4, '0')}` }));
    const { offsets } = offsetsOf(features);
    let far = 0;
    for (let i = 0; i < offsets.length; i++) far = Math.max(far, Math.abs(offsets[i]));
    expect(far).toBeLessThanOrEqual(127);
    expect(far).toBeGreaterThan(100);
  });
});
