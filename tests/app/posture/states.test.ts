import { describe, expect, test } from 'vitest';
import { datasetOfFeatures } from '../../../src/app/data/features-dataset.ts';
import { hostsOf, isHeldAt, slotsHeldAt, stateIntervals, stateStyle } from '../../../src/app/posture/states.ts';
import { dayOf } from '../../../src/model/day.ts';
import { event } from './helpers.ts';

const { table, posture } = datasetOfFeatures([
  event({ id: 'baltics', category: 'deployment', start: '2017-01-01', end: '2017-12-31', precision: 'year', persists: true,
    place: { kind: 'region', country: null, countries: ['EE', 'LV', 'LT'] } }),
  event({ id: 'poland', category: 'deployment', start: '2017-04-01', persists: true, until: '2018-01-31', place: { country: 'PL' } }),
  event({ id: 'sentry', category: 'mission', start: '2025-09-12', persists: true, place: { country: 'PL' } }),
  event({ id: 'hq', category: 'headquarters', start: '2025-01-01', persists: true, place: { country: 'DE' } }),
  event({ id: 'strike', category: 'strike', start: '2022-02-24', place: { country: 'UA' } }),
]);
const states = stateIntervals(table, posture);
const postureRow = (id: string) => posture.rows.indexOf(table.rowOf(id)!);
const held = (iso: string) => {
  const out = new Float32Array(states.slotCode.length);
  slotsHeldAt(states, dayOf(iso), out);
  return states.slotCode.map((code, s) => `${code}:${states.slotCategory[s]}`).filter((_, s) => out[s] === 1).sort();
};

describe('state intervals', () => {
  test('hostsOf() gives each country of a region, else the place country, from the posture table', () => {
    expect(hostsOf(posture, postureRow('baltics'))).toEqual(['EE', 'LV', 'LT']);
    expect(hostsOf(posture, postureRow('poland'))).toEqual(['PL']);
  });

  test('stateStyle() tints deployments, outlines missions and gives headquarters a symbol', () => {
    expect([stateStyle('deployment'), stateStyle('mission'), stateStyle('headquarters'), stateStyle('aid')])
      .toEqual(['fill', 'outline', 'symbol', 'fill']);
  });

  test('stateIntervals() keeps tinted persisting items only, one slot per host and category', () => {
    expect([...states.index].map((i) => table.feature(i).id)).toEqual(['baltics', 'poland', 'sentry']);
    expect(states.slotCode.length).toBe(5);
  });

  test('isHeldAt() holds from start to until inclusive', () => {
    expect([isHeldAt(10, 20, 9), isHeldAt(10, 20, 10), isHeldAt(10, 20, 20), isHeldAt(10, 20, 21), isHeldAt(10, Infinity, 1e6)])
      .toEqual([false, true, true, false, true]);
  });

  test('slotsHeldAt() shows nothing before the first start and each host while its state holds', () => {
    expect(held('2016-12-31')).toEqual([]);
    expect(held('2017-02-01')).toEqual(['EE:deployment', 'LT:deployment', 'LV:deployment']);
    expect(held('2018-01-15')).toEqual(['EE:deployment', 'LT:deployment', 'LV:deployment', 'PL:deployment']);
    expect(held('2018-02-01')).toEqual(['EE:deployment', 'LT:deployment', 'LV:deployment']);
    expect(held('2025-09-20')).toEqual(['EE:deployment', 'LT:deployment', 'LV:deployment', 'PL:mission']);
  });
});
