import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { EventFeature } from '../../../src/model/index.ts';
import { tableOfFeatures } from '../../../src/app/state/columnar-table.ts';
import { countShownAt } from '../../../src/app/state/shown-count.ts';
import { inPlayWindow } from '../../../src/app/posture/play-window.ts';
import { statusText } from '../../../src/app/timeline/controls.ts';
import { dayOf, isoOf } from '../../../src/model/day.ts';

function event(id: string, start: number, end: number, persists: boolean, until: number | null): EventFeature {
  return {
    type: 'Feature', id, geometry: { type: 'Point', coordinates: [24, 54] },
    properties: {
      title: id, category: 'other', start: isoOf(start), end: isoOf(end), precision: 'day', persists,
      until: until === null ? null : isoOf(until),
      place: { name: 'X', kind: 'city', country: 'PL', gazetteer: 'geonames' }, actors: [], confidence: 1,
      sources: [{ doc: 'd', title: 't', published: null, excerpt: 'x', start: 0, end: 1, highlights: [] }],
    },
  };
}

const BASE = dayOf('2024-01-01');
const anEvent = fc.record({
  start: fc.integer({ min: 0, max: 400 }), length: fc.integer({ min: 0, max: 120 }), persists: fc.boolean(),
  holds: fc.boolean(), until: fc.integer({ min: 0, max: 300 }),
});

describe('countShownAt', () => {
  test('countShownAt() counts what inPlayWindow shows, in both play modes, for any events and any time', () => {
    fc.assert(fc.property(fc.array(anEvent, { maxLength: 60 }), fc.integer({ min: -20, max: 900 }), fc.integer({ min: 1, max: 400 }),
      (specs, t, days) => {
        const features = specs.map((e, k) => event(`e${k}`, BASE + e.start, BASE + e.start + e.length, e.persists,
          e.persists && !e.holds ? BASE + e.start + e.until : null));
        const table = tableOfFeatures(features);
        for (const mode of ['cumulative', 'window'] as const) {
          let expected = 0;
          for (let i = 0; i < table.length; i++) {
            const last = table.persistsUntil[i] === -Infinity ? table.end[i] : table.persistsUntil[i];
            if (inPlayWindow(mode, BASE + t, days, table.start[i], last)) expected++;
          }
          expect(countShownAt(table, BASE + t, mode, days)).toBe(expected);
        }
      }), { numRuns: 300 });
  });

  test('statusText() says "up to" a day, and in the moving window how many days it covers', () => {
    const t = dayOf('2023-06-01');
    expect(statusText(1, t)).toBe('1 event up to 1 June 2023');
    expect(statusText(63494, t, true, 90)).toBe('63,494 events in the 90 days to 1 June 2023');
  });
});
