import { describe, expect, test } from 'vitest';
import type { EventFeature } from '../../../src/model/index.ts';
import { decodeColumnar, encodeFeatures, stringAt } from '../../../src/model/columnar.ts';
import { featuresInRowOrder } from '../../../src/model/parts.ts';
import { textsOfFeatures } from '../../../src/model/text-table.ts';
import { countryNameIndex, createSearch, excerptIndex, matchRows, titlePlaceIndex } from '../../../src/app/state/search.ts';
import { buildColumnarTable } from '../../../src/app/state/columnar-table.ts';
import { createStore } from '../../../src/app/state/store.ts';
import { event } from '../posture/helpers.ts';

function quoting(f: EventFeature, ...excerpts: string[]): EventFeature {
  f.properties.sources = excerpts.map((excerpt) => ({
    doc: 'd',
    title: 't',
    published: null,
    excerpt,
    start: 0,
    end: excerpt.length,
    highlights: [],
  }));
  return f;
}

const FEATURES = featuresInRowOrder([
  quoting(
    event({ id: 'a', start: '2022-01-01', title: 'Drone strike on Odesa', place: { name: 'Odesa', country: 'UA' }, category: 'strike' }),
    'Missiles hit the port overnight.',
  ),
  quoting(
    event({ id: 'b', start: '2022-01-02', title: 'Ministers meet', place: { name: 'Rzeszów' }, category: 'meeting' }),
    'The ministers agreed on air defence.',
    'Talks ran late.',
  ),
  quoting(
    event({ id: 'c', start: '2022-01-03', title: 'Drone crosses border', place: { name: 'Ādaži', country: 'LV' }, category: 'incursion' }),
    'Fighters were scrambled twice.',
  ),
  quoting(
    event({ id: 'd', start: '2022-01-04', title: 'Drone strike on Odesa', place: { name: 'Odesa', country: 'UA' }, category: 'strike' }),
    'Missiles hit the port overnight.',
  ),
]);
const columns = decodeColumnar(encodeFeatures(FEATURES));
const texts = textsOfFeatures(FEATURES);
const ids = (out: Uint8Array) => Array.from(out).flatMap((m, i) => (m ? [stringAt(columns, columns.id[i])] : []));

describe('the search over titles, places and excerpts', () => {
  const titlesPlaces = titlePlaceIndex(columns);
  const excerpts = { index: excerptIndex(texts), table: texts };
  const out = new Uint8Array(columns.count);
  const search = (q: string, withExcerpts = true) => {
    matchRows(columns, titlesPlaces, withExcerpts ? excerpts : null, q, out);
    return ids(out);
  };

  test('titlePlaceIndex() and excerptIndex() hold each distinct string once, never the ids', () => {
    expect(titlesPlaces.strings.length).toBe(6);
    expect(titlesPlaces.haystack).not.toContain('\u0000a\u0000');
    expect(excerpts.index.strings.length).toBe(4);
  });

  test('matchRows() finds titles and places, any case, every word in either', () => {
    expect(search('drone')).toEqual(['a', 'c', 'd']);
    expect(search('RZESZÓW')).toEqual(['b']);
    expect(search('ādaži')).toEqual(['c']);
    expect(search('drone odesa')).toEqual(['a', 'd']);
    expect(search('crosses odesa')).toEqual([]);
    expect(search('')).toEqual(['a', 'b', 'c', 'd']);
    expect(search('  ')).toEqual(['a', 'b', 'c', 'd']);
  });

  test('matchRows() finds excerpts too, and words may come from the title and an excerpt of the same event', () => {
    expect(search('scrambled')).toEqual(['c']);
    expect(search('port')).toEqual(['a', 'd']);
    expect(search('talks')).toEqual(['b']);
    expect(search('ministers defence')).toEqual(['b']);
    expect(search('drone scrambled')).toEqual(['c']);
    expect(search('scrambled', false)).toEqual([]);
  });

  test('a word does not match across two strings', () => {
    expect(search('odesaministers')).toEqual([]);
    expect(search('overnight.the')).toEqual([]);
    expect(search('e')).toEqual(['a', 'b', 'c', 'd']);
  });

  test("the app's search: answers after the excerpts are in, a new matches array per query, passes() adds the hidden categories", async () => {
    const store = createStore();
    let asked = 0;
    const s = createSearch(store, buildColumnarTable(columns), async () => {
      asked++;
      return texts;
    });
    const changed = () =>
      new Promise<void>((resolve) => {
        const off = s.subscribe(() => {
          off();
          resolve();
        });
      });
    const before = s.matches;
    expect([...before]).toEqual([1, 1, 1, 1]);
    expect(asked).toBe(0);
    let next = changed();
    store.set({ query: 'port' });
    await next;
    expect(s.matches).not.toBe(before);
    expect([...s.matches]).toEqual([1, 0, 0, 1]);
    expect(s.key()).toBe('port');
    next = changed();
    store.set({ query: 'drone', hiddenCategories: ['strike'] });
    await next;
    expect([0, 1, 2, 3].map((i) => s.passes(i))).toEqual([false, false, true, false]);
    expect(asked).toBe(1);
    expect(s.note()).toBeNull();
  });

  test("the app's search without its excerpts says so once and still searches titles and places", async () => {
    const store = createStore();
    const s = createSearch(store, buildColumnarTable(columns), async () => 'events.text.bin is missing (HTTP 404)');
    const changed = new Promise<void>((resolve) => s.subscribe(resolve));
    store.set({ query: 'odesa' });
    await changed;
    expect([...s.matches]).toEqual([1, 0, 0, 1]);
    expect(s.note()).toBe('events.text.bin is missing (HTTP 404): the search covers titles and places, not excerpts.');
  });
});

describe('the search by country: the events placed in a country, whatever their text says', () => {
  const placed = featuresInRowOrder([
    quoting(
      event({ id: 'rzeszow', start: '2025-09-10', title: 'Drones shot down', place: { name: 'Rzeszów', country: 'PL' } }),
      'Jets scrambled.',
    ),
    quoting(
      event({ id: 'tallinn', start: '2025-09-11', title: 'Ministers meet', place: { name: 'Tallinn', country: 'EE' } }),
      'Poland sent a delegate.',
    ),
    quoting(
      event({ id: 'sea', start: '2025-09-12', title: 'Patrol at sea', place: { name: 'the Baltic Sea', kind: 'region', country: null } }),
      'Ships sailed.',
    ),
    quoting(
      event({ id: 'uk', start: '2025-09-13', title: 'Jets arrive', place: { name: 'Lossiemouth', country: 'GB' } }),
      'Typhoons landed.',
    ),
  ]);
  const cols = decodeColumnar(encodeFeatures(placed));
  const found = (q: string, withExcerpts = true) => {
    const out = new Uint8Array(cols.count);
    const t = textsOfFeatures(placed);
    matchRows(cols, titlePlaceIndex(cols), withExcerpts ? { index: excerptIndex(t), table: t } : null, q, out);
    return Array.from(out).flatMap((m, i) => (m ? [stringAt(cols, cols.id[i])] : []));
  };

  test('matchRows() finds an event placed in a Polish town by "Poland", beside one whose text names Poland', () => {
    expect(found('Poland')).toEqual(['rzeszow', 'tallinn']);
    expect(found('poland', false)).toEqual(['rzeszow']);
    expect(found('estonia')).toEqual(['tallinn']);
  });

  test('matchRows() matches every word of a country of several words, and none for a place without a country', () => {
    expect(found('united kingdom')).toEqual(['uk']);
    expect(found('kingdom jets')).toEqual(['uk']);
    expect(found('baltic')).toEqual(['sea']);
    expect(found('sweden')).toEqual([]);
  });

  test('countryNameIndex() names only the countries the rows are placed in', () => {
    const names = countryNameIndex(cols);
    expect(names.filter((n) => n !== null).sort()).toEqual(['estonia', 'poland', 'united kingdom']);
  });
});
