import { describe, expect, it } from 'vitest';
import { directionalEntry, directionalId, directionOf, parseDirectionalId } from '../../src/pipeline/places/directions.ts';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';

const syria: GazetteerEntry = {
  id: 'ne:SY', name: 'Syria', kind: 'country', country: 'SY', lat: 35, lon: 38, population: 0, featureCode: 'PCLI', gazetteer: 'naturalearth',
};
const extent = [35.7, 32.3, 42.4, 37.3] as const;

describe('directions', () => {
  it('directionOf() reads direction words in any case and with or without a hyphen', () => {
    expect(directionOf('eastern')).toBe('eastern');
    expect(directionOf('North-Eastern')).toBe('northeastern');
    expect(directionOf('east')).toBeNull();
    expect(directionOf('Easter')).toBeNull();
  });

  it('directionalId() and parseDirectionalId() round-trip, and refuse unknown directions', () => {
    expect(parseDirectionalId(directionalId('northern', 'SY'))).toEqual({ direction: 'northern', country: 'SY' });
    expect(parseDirectionalId('dir:upper:SY')).toBeNull();
    expect(parseDirectionalId('gn:123')).toBeNull();
  });

  it('directionalEntry() moves the point towards the named side and keeps it inside the extent', () => {
    const north = directionalEntry('northern', syria, extent);
    const southWest = directionalEntry('southwestern', syria, extent);
    expect(north).toMatchObject({ kind: 'region', country: 'SY', name: 'northern Syria', id: 'dir:northern:SY' });
    expect(north.lat).toBeGreaterThan((extent[1] + extent[3]) / 2);
    expect(north.lat).toBeLessThan(extent[3]);
    expect(southWest.lat).toBeLessThan((extent[1] + extent[3]) / 2);
    expect(southWest.lon).toBeLessThan((extent[0] + extent[2]) / 2);
    expect(southWest.lon).toBeGreaterThan(extent[0]);
  });

  it('directionalEntry() wraps a point across the antimeridian back into -180..180', () => {
    const russia = { ...syria, id: 'ne:RU', name: 'Russia', country: 'RU' };
    const east = directionalEntry('eastern', russia, [27, 41, 190, 78]);
    expect(east.lon).toBeGreaterThanOrEqual(-180);
    expect(east.lon).toBeLessThanOrEqual(180);
    expect(east.lon).toBeGreaterThan(140);
  });

  it('directionalEntry() falls back to the country point without an extent', () => {
    expect(directionalEntry('central', syria, undefined)).toMatchObject({ lat: 35, lon: 38 });
  });
});
