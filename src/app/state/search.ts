// The search of a large dataset: over titles and place names, which the columnar file stores once each in its
// string table. Each distinct string is matched once per query (one native indexOf pass over all of them joined),
// then one typed-array pass over the title and place columns gives the per-row answer. Excerpts are not in
// events.bin, so they are not searched here (the search box says so).
import { stringAt, type ColumnarEvents } from '../../scale/columnar.ts';
import type { Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import type { Search } from '../posture/search.ts';
import { CATEGORIES } from '../../model/index.ts';

/** Every distinct title and place name, lower-cased and joined, with where each begins. */
export interface TitlePlaceIndex {
  /** The strings joined by a separator no query word contains. */
  readonly haystack: string;
  /** starts[k]: offset of the k-th string in the haystack; one more entry for the end. */
  readonly starts: Int32Array;
  /** strings[k]: its index in the columnar string table. */
  readonly strings: Uint32Array;
  /** How many strings the table has (ids included). */
  readonly tableSize: number;
}

const SEPARATOR = '\u0000';

export function buildTitlePlaceIndex(columns: ColumnarEvents): TitlePlaceIndex {
  const tableSize = columns.stringOffsets.length - 1;
  const used = new Uint8Array(tableSize);
  for (let i = 0; i < columns.count; i++) {
    used[columns.title[i]] = 1;
    used[columns.place[i]] = 1;
  }
  const parts: string[] = [];
  const strings: number[] = [];
  const starts: number[] = [];
  let at = 0;
  for (let k = 0; k < tableSize; k++) {
    if (!used[k]) continue;
    const text = stringAt(columns, k).toLowerCase();
    strings.push(k);
    starts.push(at);
    parts.push(text);
    at += text.length + SEPARATOR.length;
  }
  starts.push(at);
  return { haystack: parts.join(SEPARATOR), starts: Int32Array.from(starts), strings: Uint32Array.from(strings), tableSize };
}

/** The last k with starts[k] <= offset. */
function stringAtOffset(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Fills out[row] with 1 where every word of the query is in the row's title or its place name (any order, any case),
 * else 0; returns the match count. An empty query matches every row.
 */
export function matchTitlesAndPlaces(columns: ColumnarEvents, index: TitlePlaceIndex, query: string, out: Uint8Array): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  out.fill(1, 0, columns.count);
  const hit = words.length ? new Uint8Array(index.tableSize) : null;
  for (const word of words) {
    hit!.fill(0);
    for (let at = index.haystack.indexOf(word); at >= 0; ) {
      const k = stringAtOffset(index.starts, at);
      hit![index.strings[k]] = 1;
      at = index.haystack.indexOf(word, index.starts[k + 1]);
    }
    const { title, place } = columns;
    for (let i = 0; i < columns.count; i++) out[i] &= hit![title[i]] | hit![place[i]];
  }
  let n = 0;
  for (let i = 0; i < columns.count; i++) n += out[i];
  return n;
}

/** The app's Search over a large dataset; `matches` is a new array after each query change (the map re-uploads it). */
export function createLargeSearch(store: Store, table: EventsTable, columns: ColumnarEvents): Search {
  let index: TitlePlaceIndex | null = null;
  let matches = new Uint8Array(table.length).fill(1);
  let key = '';
  const hidden = new Uint8Array(CATEGORIES.length);
  const apply = (query: string) => {
    const next = new Uint8Array(table.length);
    // Built on the first search, not at load: a reader who never searches never pays for it.
    if (query.trim()) index ??= buildTitlePlaceIndex(columns);
    if (index) matchTitlesAndPlaces(columns, index, query, next);
    else next.fill(1);
    matches = next;
    key = query.trim().toLowerCase();
  };
  const hide = (categories: readonly string[]) => {
    hidden.fill(0);
    for (const c of categories) {
      const k = CATEGORIES.indexOf(c as never);
      if (k >= 0) hidden[k] = 1;
    }
  };
  apply(store.get().query);
  hide(store.get().hiddenCategories);
  store.subscribe((s, p) => {
    if (s.query !== p.query) apply(s.query);
    if (s.hiddenCategories !== p.hiddenCategories) hide(s.hiddenCategories);
  });
  return {
    get matches() { return matches; },
    key: () => key,
    passes: (i) => matches[i] === 1 && hidden[table.category[i]] === 0,
  };
}
