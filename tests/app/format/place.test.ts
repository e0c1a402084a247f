import { describe, expect, it } from 'vitest';
import { formatPlacePoint } from '../../../src/app/format/place.ts';

describe('formatPlacePoint', () => {
  it('formatPlacePoint() gives a town its coordinates to 4 decimals', () => {
    expect(formatPlacePoint({ kind: 'city' }, 30.5238, 50.4547)).toBe('50.4547° N, 30.5238° E');
  });

  it('formatPlacePoint() gives a country or region whole degrees, said to be a representative point', () => {
    expect(formatPlacePoint({ kind: 'country' }, -113.64258, 60.10867)).toBe('about 60° N, 114° W (a representative point of the country)');
    expect(formatPlacePoint({ kind: 'region' }, 26, 59.8)).toMatch(/^about 60° N, 26° E/);
  });
});
