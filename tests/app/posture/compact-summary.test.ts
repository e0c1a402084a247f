import { describe, expect, test } from 'vitest';
import { compactSummary, shorter } from '../../../src/app/posture/compact-summary.ts';
import type { SummaryItem } from '../../../src/app/posture/summary.ts';

const item = (category: SummaryItem['category'], text: string, rows: number[], recent?: true): SummaryItem =>
  ({ category, text, rows, count: rows.length, ...(recent ? { recent } : {}) });

describe('the posture summary in few words (a phone)', () => {
  test('compactSummary() makes one line of the items held of a category, keeping every row to frame', () => {
    const out = compactSummary([
      item('deployment', 'Deployments: 9 host countries', [1, 2, 3]),
      item('mission', 'Mission in Wiesbaden', [4]),
      item('mission', 'Mission: Eastern Sentry (5 contributors)', [5]),
      item('headquarters', 'Headquarters: 1 (Wiesbaden)', [6]),
      item('incursion', 'Incursions in the last 30 days: 2', [7, 8], true),
    ]);
    expect(out.map((o) => o.text)).toEqual(['Deployments: 9 countries', 'Missions: 2', 'Headquarters: 1 (Wiesbaden)', 'Incursions (30 days): 2']);
    expect(out[1].rows).toEqual([4, 5]);
    expect(out[3].recent).toBe(true);
  });

  test('compactSummary() keeps a single item as it is, shorter, and never merges incidents with items held', () => {
    expect(compactSummary([item('mission', 'Mission: Eastern Sentry (5 contributors)', [1])])[0].text).toBe('Mission: Eastern Sentry (5 contributors)');
    expect(compactSummary([item('incursion', 'Incursions: 1 (Narva)', [1]), item('incursion', 'Incursions in the last 30 days: 1', [2], true)]))
      .toHaveLength(2);
    expect(shorter('Deployments: 1 host country')).toBe('Deployments: 1 country');
  });
});
