import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { EventCollection } from '../../../src/model/index.ts';
import { buildEventsTable } from '../../../src/app/state/events-table.ts';
import { colocationOffsets } from '../../../src/app/layers/colocation.ts';

const FIXTURE = JSON.parse(readFileSync('tests/fixtures/fixture-events.geojson', 'utf8')) as EventCollection;

describe('markers at the same spot', () => {
  test('colocationOffsets() leaves lone events and the first of a group on their coordinates', () => {
    const table = buildEventsTable(FIXTURE.features);
    const offsets = colocationOffsets(table);
    const first = table.rowOf('incursion-vaindloo-2019')!;
    expect([offsets[first * 2], offsets[first * 2 + 1]]).toEqual([0, 0]);
    const kyiv = table.rowOf('strike-kyiv-2022-02-24')!;
    expect([offsets[kyiv * 2], offsets[kyiv * 2 + 1]]).toEqual([0, 0]);
  });

  test('colocationOffsets() spreads fifty events at one spot so no two centres are closer than a marker radius', () => {
    const features = Array.from({ length: 50 }, (_, i) => ({ ...FIXTURE.features[0], id: `e${i}` }));
    const offsets = colocationOffsets(buildEventsTable(features));
    for (let i = 0; i < 50; i++) {
      for (let j = i + 1; j < 50; j++) {
        const d = Math.hypot(offsets[i * 2] - offsets[j * 2], offsets[i * 2 + 1] - offsets[j * 2 + 1]);
        expect(d).toBeGreaterThan(7.5);
      }
    }
  });
});
