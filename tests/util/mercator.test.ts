import { describe, expect, test } from 'vitest';
import { MAX_LATITUDE, worldOf } from '../../src/util/mercator.ts';

describe('Web Mercator common space', () => {
  test("worldOf() puts 0°, 0° at the centre of the 512-unit world and the corners at the map's latitude limit", () => {
    expect(worldOf(0, 0, [0, 0])).toEqual([256, 256]);
    const [x0, y0] = worldOf(-180, -MAX_LATITUDE, [0, 0]);
    const [x1, y1] = worldOf(180, MAX_LATITUDE, [0, 0]);
    expect([x0, x1]).toEqual([0, 512]);
    expect(y0).toBeCloseTo(0, 6);
    expect(y1).toBeCloseTo(512, 6);
  });

  test('worldOf() grows north and clamps the poles', () => {
    expect(worldOf(24, 60, [0, 0])[1]).toBeGreaterThan(worldOf(24, 50, [0, 0])[1]);
    expect(worldOf(24, 90, [0, 0])).toEqual(worldOf(24, MAX_LATITUDE, [0, 0]));
    // Kyiv: 30.52 E, 50.45 N; y = 512 (1 - (1 - ln(tan φ + sec φ) / π) / 2), the tile formula counted from the south.
    const [x, y] = worldOf(30.5238, 50.4547, [0, 0]);
    expect(x).toBeCloseTo(299.41, 2);
    expect(y).toBeCloseTo(339.3687, 3);
  });
});
