import { describe, expect, test } from 'vitest';
import { datasetOfFeatures } from '../../../src/app/data/features-dataset.ts';
import { postureSummary } from '../../../src/app/posture/summary.ts';
import { missionName } from '../../../src/app/posture/mission-name.ts';
import { dayOf } from '../../../src/model/day.ts';
import { event } from './helpers.ts';

const { table, posture } = datasetOfFeatures([
  event({ id: 'baltics', category: 'deployment', start: '2017-01-01', persists: true, place: { kind: 'region', country: null, countries: ['EE', 'LV', 'LT'] } }),
  event({ id: 'poland', category: 'deployment', start: '2017-04-01', persists: true, place: { country: 'PL' } }),
  event({ id: 'sentry', category: 'mission', start: '2025-09-12', persists: true, title: 'Eastern Sentry mission launched over Poland',
    actors: ['CZ', 'DE', 'DK', 'FR', 'GB'] }),
  event({ id: 'hq', category: 'headquarters', start: '2025-01-01', persists: true, place: { name: 'Wiesbaden', country: 'DE' } }),
  event({ id: 'i1', category: 'incursion', start: '2025-09-10' }),
  event({ id: 'i2', category: 'incursion', start: '2025-08-01', end: '2025-08-31', precision: 'month' }),
  event({ id: 'i-old', category: 'incursion', start: '2025-01-10' }),
  event({ id: 'meet', category: 'meeting', start: '2025-09-15' }),
]);
const at = (iso: string, recent = 90) => postureSummary(table, posture, dayOf(iso), recent)
  .map((item) => ({ ...item, ids: item.rows.map((row) => table.feature(row).id) }));

describe('the posture summary', () => {
  test('postureSummary() is empty before anything starts', () => {
    expect(at('2016-06-01')).toEqual([]);
  });

  test('postureSummary() counts host countries of deployments', () => {
    expect(at('2018-01-01').map((i) => i.text)).toEqual(['Deployments: 4 host countries']);
    expect(at('2018-01-01')[0].ids.sort()).toEqual(['baltics', 'poland']);
  });

  test('postureSummary() names each mission with its contributors, lists headquarters and counts recent incidents', () => {
    expect(at('2025-09-20').map((i) => i.text)).toEqual([
      'Deployments: 4 host countries',
      'Mission: Eastern Sentry (5 contributors)',
      'Headquarters: 1 (Wiesbaden)',
      'Incursions in the last 90 days: 2',
    ]);
    expect(at('2025-09-20', 30).at(-1)).toMatchObject({ text: 'Incursions in the last 30 days: 2', ids: ['i2', 'i1'] });
    expect(at('2025-09-20', 7).some((i) => i.category === 'incursion')).toBe(false);
    expect(at('2025-09-16', 7).find((i) => i.category === 'incursion')?.ids).toEqual(['i1']);
    expect(at('2025-12-31', 30).some((i) => i.category === 'incursion')).toBe(false);
  });

  test('postureSummary() does not count an incident known only to its month as recent before the month is over', () => {
    expect(at('2025-08-20', 30).some((i) => i.category === 'incursion')).toBe(false);
    expect(at('2025-08-31', 30).find((i) => i.category === 'incursion')?.ids).toEqual(['i2']);
  });

  test('missionName() takes the name from the title, never a fixed string', () => {
    expect(missionName('Eastern Sentry mission launched over Poland')).toBe('Eastern Sentry');
    expect(missionName('NATO launches Eastern Sentry')).toBe('Eastern Sentry');
    expect(missionName('NATO launched Baltic Sentry mission')).toBe('Baltic Sentry');
    expect(missionName('Operation Atlantic Resolve begins in Poland')).toBe('Atlantic Resolve');
    expect(missionName('The Baltic Air Policing mission over Lithuania')).toBe('Baltic Air Policing');
  });

  test('missionName() gives no name when the title holds none: no generic word, no fragment of a description', () => {
    for (const title of ['New mission in Wiesbaden', 'New alliance mission along eastern flank', 'NATO mission in Kosovo',
      'Air policing over Iceland', 'A new EU training mission', 'Stronger NATO presence along the eastern flank']) {
      expect(missionName(title), title).toBeNull();
    }
  });

  test('postureSummary() says a mission without a name by its type and place, never by a word of its title', () => {
    const data = datasetOfFeatures([
      event({ id: 'new', category: 'mission', start: '2025-01-01', persists: true, title: 'New mission in Wiesbaden',
        place: { name: 'Wiesbaden', country: 'DE' }, actors: ['DE', 'US'] }),
    ]);
    const texts = postureSummary(data.table, data.posture, dayOf('2025-02-01'), 30).map((i) => i.text);
    expect(texts).toEqual(['Mission in Wiesbaden (2 contributors)']);
  });
});
