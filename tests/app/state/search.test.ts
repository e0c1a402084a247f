import { describe, expect, test } from 'vitest';
import { decodeColumnar, encodeFeatures, stringAt } from '../../../src/scale/columnar.ts';
import { buildTitlePlaceIndex, createLargeSearch, matchTitlesAndPlaces } from '../../../src/app/large/large-search.ts';
import { buildColumnarTable } from '../../../src/app/large/columnar-table.ts';
import { createStore } from '../../../src/app/state/store.ts';
import { event } from '../posture/helpers.ts';

const columns = decodeColumnar(encodeFeatures([
  event({ id: 'a', start: '2022-01-01', title: 'Drone strike on Odesa', place: { name: 'Odesa' }, category: 'strike' }),
  event({ id: 'b', start: '2022-01-02', title: 'Ministers meet', place: { name: 'Rzeszów' }, category: 'meeting' }),
  event({ id: 'c', start: '2022-01-03', title: 'Drone crosses border', place: { name: 'Ādaži' }, category: 'incursion' }),
  event({ id: 'd', start: '2022-01-04', title: 'Drone strike on Odesa', place: { name: 'Odesa' }, category: 'strike' }),
]));
const ids = (out: Uint8Array) => Array.from(out).flatMap((m, i) => (m ? [stringAt(columns, columns.id[i])] : []));

describe('large-mode search over titles and place names', () => {
  const index = buildTitlePlaceIndex(columns);
  const out = new Uint8Array(columns.count);
  const search = (q: string) => { matchTitlesAndPlaces(columns, index, q, out); return ids(out); };

  test('indexes each distinct title and place once, never the ids', () => {
    expect(index.strings.length).toBe(6);
    expect(index.haystack).not.toContain('\u0000a\u0000');
  });

  test('matches titles and places, any case, every word in either', () => {
    expect(search('drone')).toEqual(['a', 'c', 'd']);
    expect(search('RZESZÓW')).toEqual(['b']);
    expect(search('ādaži')).toEqual(['c']);
    expect(search('drone odesa')).toEqual(['a', 'd']);
    expect(search('crosses odesa')).toEqual([]);
    expect(search('')).toEqual(['a', 'b', 'c', 'd']);
    expect(search('  ')).toEqual(['a', 'b', 'c', 'd']);
  });

  test('a word does not match across two strings', () => {
    expect(search('odesaministers')).toEqual([]);
    expect(search('e')).toEqual(['a', 'b', 'c', 'd']);
  });

  test('the app\'s search: a new matches array per query, and passes() adds the hidden categories', () => {
    const store = createStore();
    const s = createLargeSearch(store, buildColumnarTable(columns), columns);
    const before = s.matches;
    expect([...before]).toEqual([1, 1, 1, 1]);
    store.set({ query: 'odesa' });
    expect(s.matches).not.toBe(before);
    expect([...s.matches]).toEqual([1, 0, 0, 1]);
    expect(s.key()).toBe('odesa');
    store.set({ query: 'drone', hiddenCategories: ['strike'] });
    expect([0, 1, 2, 3].map((i) => s.passes(i))).toEqual([false, false, true, false]);
  });
});
