import { describe, expect, test } from 'vitest';
import { datasetOfFeatures } from '../../../src/app/data/features-dataset.ts';
import { buildArcs } from '../../../src/app/posture/arcs.ts';
import { capitalsByCode } from '../../../src/app/posture/capitals.ts';
import { event } from './helpers.ts';

const labels = {
  type: 'FeatureCollection' as const,
  features: [
    { type: 'Feature' as const, properties: { kind: 'capital', name: 'Berlin', country: 'DE' }, geometry: { type: 'Point' as const, coordinates: [13.4, 52.5] } },
    { type: 'Feature' as const, properties: { kind: 'country', name: 'Germany', code: 'DE' }, geometry: { type: 'Point' as const, coordinates: [10, 51] } },
    { type: 'Feature' as const, properties: { kind: 'country', name: 'Denmark', code: 'DK' }, geometry: { type: 'Point' as const, coordinates: [9, 56] } },
    { type: 'Feature' as const, properties: { kind: 'capital', name: 'Warsaw', country: 'PL' }, geometry: { type: 'Point' as const, coordinates: [21, 52.2] } },
  ],
};

describe('contributor arcs', () => {
  const capitals = capitalsByCode(labels);

  test('capitalsByCode() takes the capital, else the country label point', () => {
    expect(capitals.get('DE')).toEqual([13.4, 52.5]);
    expect(capitals.get('DK')).toEqual([9, 56]);
    expect(capitals.has('FR')).toBe(false);
  });

  test('buildArcs() draws one arc per contributor with a known capital, none from the host, an attacker or for hostile acts', () => {
    const { table, posture } = datasetOfFeatures([
      event({ id: 'sentry', category: 'mission', start: '2025-09-12', persists: true, actors: ['DE', 'DK', 'FR', 'PL'], lonlat: [20, 52] }),
      event({ id: 'drones', category: 'incursion', start: '2025-09-10', actors: ['DE'] }),
    ]);
    // PL hosts, DE is seen attacking, FR has no capital in the labels, the incursion is hostile.
    expect(buildArcs(table, posture, capitals).map((a) => `${a.id}:${a.actor}`)).toEqual(['sentry:DK']);
  });

  test('buildArcs() starts each arc at the contributor\'s capital and ends it at the event', () => {
    const { table, posture } = datasetOfFeatures([
      event({ id: 'sentry', category: 'mission', start: '2025-09-12', persists: true, actors: ['DE', 'DK'], lonlat: [20, 52] }),
    ]);
    const arcs = buildArcs(table, posture, capitals);
    expect(arcs.map((a) => a.actor)).toEqual(['DE', 'DK']);
    expect(arcs[0]).toMatchObject({ source: [13.4, 52.5], target: [20, 52] });
  });
});
