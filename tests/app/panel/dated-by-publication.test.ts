import { describe, expect, test } from 'vitest';
import { isDatedByPublication } from '../../../src/app/panel/panel.ts';
import type { EventFeature, Highlight } from '../../../src/model/index.ts';

function eventWith(...highlightSets: Highlight[][]): EventFeature {
  return {
    type: 'Feature', id: 'strike-kyiv-2024-11-01', geometry: { type: 'Point', coordinates: [30.5, 50.45] },
    properties: {
      title: 'Airstrikes in Kyiv', category: 'strike', start: '2024-11-01', end: '2024-11-26', precision: 'month',
      persists: false, until: null, place: { name: 'Kyiv', kind: 'city', country: 'UA', gazetteer: 'geonames' },
      actors: [], confidence: 0.4,
      sources: highlightSets.map((highlights) => ({
        doc: 'a.txt', title: 'A', published: '2024-11-26', excerpt: 'Airstrikes hit Kyiv.', start: 0, end: 20, highlights,
      })),
    },
  };
}

describe('the panel date note', () => {
  test('isDatedByPublication() is true when no source quotes a date', () => {
    expect(isDatedByPublication(eventWith([{ start: 0, end: 10, kind: 'trigger' }, { start: 15, end: 19, kind: 'place' }]))).toBe(true);
  });

  test('isDatedByPublication() is false as soon as one source quotes a date', () => {
    expect(isDatedByPublication(eventWith([{ start: 15, end: 19, kind: 'place' }], [{ start: 0, end: 4, kind: 'date' }]))).toBe(false);
  });
});
