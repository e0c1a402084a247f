// The reader's search, at any size: every word of the query must be in the event's title, its place name, the name of
// its place's country ("Poland" finds the events placed in Polish towns) or one of its excerpts (any order, any case). Titles and places are in events.bin's string table, excerpts in the text table
// (model/text-table.ts), each distinct string stored once: each is matched once per query (one native indexOf pass
// over all of them joined), then one typed-array pass over the rows gives the per-row answer. The excerpts are
// fetched on the first search, so a reader who never searches never pays for them.
import { bisectRight } from 'd3-array';
import { CATEGORIES } from '../../model/terms.ts';
import { NO_COUNTRY, stringAt, type ColumnarEvents } from '../../model/columnar.ts';
import { alpha2OfCode, COUNTRY_CODES } from '../../model/country-code.ts';
import { countryName } from '../format/place.ts';
import { textAt, textCount, type TextTable } from '../../model/text-table.ts';
import type { Store } from './store.ts';
import type { EventsTable } from './events-table.ts';

/** Distinct strings lower-cased and joined, with where each begins: one indexOf pass finds a word in all of them. */
export interface StringIndex {
  /** The strings joined by a separator no query word contains. */
  readonly haystack: string;
  /** starts[k]: offset of the k-th string in the haystack; one more entry for the end. */
  readonly starts: Int32Array;
  /** strings[k]: its index in its own table. */
  readonly strings: Uint32Array;
  /** How many strings that table has (a hit array's length). */
  readonly tableSize: number;
}

const SEPARATOR = '\u0000';

function stringIndex(tableSize: number, used: (k: number) => boolean, text: (k: number) => string): StringIndex {
  const parts: string[] = [];
  const strings: number[] = [];
  const starts: number[] = [];
  let at = 0;
  for (let k = 0; k < tableSize; k++) {
    if (!used(k)) continue;
    const s = text(k).toLowerCase();
    strings.push(k);
    starts.push(at);
    parts.push(s);
    at += s.length + SEPARATOR.length;
  }
  starts.push(at);
  return { haystack: parts.join(SEPARATOR), starts: Int32Array.from(starts), strings: Uint32Array.from(strings), tableSize };
}

/** Every distinct title and place name of the columnar file (ids left out). */
export function titlePlaceIndex(columns: ColumnarEvents): StringIndex {
  const tableSize = columns.stringOffsets.length - 1;
  const used = new Uint8Array(tableSize);
  for (let i = 0; i < columns.count; i++) {
    used[columns.title[i]] = 1;
    used[columns.place[i]] = 1;
  }
  return stringIndex(
    tableSize,
    (k) => used[k] === 1,
    (k) => stringAt(columns, k),
  );
}

/** The English name of every country the rows are placed in, lower-cased, by code (null for codes no row has). */
export function countryNameIndex(columns: ColumnarEvents): (string | null)[] {
  const names: (string | null)[] = new Array(COUNTRY_CODES).fill(null);
  for (let i = 0; i < columns.count; i++) {
    const c = columns.country[i];
    if (c !== NO_COUNTRY && names[c] === null) names[c] = countryName(alpha2OfCode(c)).toLowerCase();
  }
  return names;
}

/** Every distinct excerpt of the text table. */
export function excerptIndex(texts: TextTable): StringIndex {
  return stringIndex(
    textCount(texts),
    () => true,
    (k) => textAt(texts, k),
  );
}

/** Fills `hit` (cleared first) with 1 for each string of the index that contains `word`. */
function markHits(index: StringIndex, word: string, hit: Uint8Array): void {
  hit.fill(0);
  for (let at = index.haystack.indexOf(word); at >= 0; ) {
    const k = bisectRight(index.starts, at) - 1;
    hit[index.strings[k]] = 1;
    at = index.haystack.indexOf(word, index.starts[k + 1]);
  }
}

/**
 * Fills out[row] with 1 where every word of the query is in the row's title, its place name, its country's name
 * (`countries`, countryNameIndex) or (with `excerpts`) one of its excerpts, else 0; returns the match count. An empty
 * query matches every row.
 */
export function matchRows(
  columns: ColumnarEvents,
  titlesPlaces: StringIndex,
  excerpts: { index: StringIndex; table: TextTable } | null,
  query: string,
  out: Uint8Array,
  countries: readonly (string | null)[] = countryNameIndex(columns),
): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const n = columns.count;
  out.fill(1, 0, n);
  const hitTitlePlace = new Uint8Array(titlesPlaces.tableSize);
  const hitExcerpt = excerpts ? new Uint8Array(excerpts.index.tableSize) : null;
  // One more slot, always 0, for NO_COUNTRY: the row loop then needs no branch.
  const hitCountry = new Uint8Array(NO_COUNTRY + 1);
  const { title, place, country } = columns;
  for (const word of words) {
    markHits(titlesPlaces, word, hitTitlePlace);
    if (excerpts && hitExcerpt) markHits(excerpts.index, word, hitExcerpt);
    for (let c = 0; c < COUNTRY_CODES; c++) hitCountry[c] = countries[c]?.includes(word) ? 1 : 0;
    for (let i = 0; i < n; i++) {
      if (out[i] === 0) continue;
      let hit = hitTitlePlace[title[i]] | hitTitlePlace[place[i]] | hitCountry[country[i]];
      if (!hit && excerpts && hitExcerpt) {
        const { refOffsets, refs } = excerpts.table;
        for (let r = refOffsets[i]; r < refOffsets[i + 1] && !hit; r++) hit = hitExcerpt[refs[r]];
      }
      out[i] = hit;
    }
  }
  let count = 0;
  for (let i = 0; i < n; i++) count += out[i];
  return count;
}

export interface Search {
  /** 1 where row i matches the query (all 1 without one); a new array after each change (the map re-uploads it). */
  readonly matches: Uint8Array;
  /** The query the matches answer, trimmed and lower-cased ('' for none); changes whenever `matches` does. */
  key(): string;
  /** Whether row i passes the search and the legend's toggles. */
  passes(i: number): boolean;
  /** Runs `listener` after the matches change: they follow the query once the excerpts are at hand. */
  subscribe(listener: () => void): () => void;
  /** Why the search covers titles and places only (the excerpts could not be had), or null. */
  note(): string | null;
}

/** The search over a dataset; `texts` gives its excerpts (datasets.ts), or a sentence when they cannot be had. */
export function createSearch(store: Store, table: EventsTable, texts: () => Promise<TextTable | string>): Search {
  const columns = table.columns;
  let titlesPlaces: StringIndex | null = null;
  let countries: (string | null)[] | null = null;
  let excerpts: { index: StringIndex; table: TextTable } | null = null;
  let note: string | null = null;
  let matches = new Uint8Array(table.length).fill(1);
  let key = '';
  let asked = 0;
  const hidden = new Uint8Array(CATEGORIES.length);
  const listeners = new Set<() => void>();

  const apply = async (query: string) => {
    const ask = ++asked;
    const wanted = query.trim().toLowerCase();
    if (wanted === '') {
      matches = new Uint8Array(table.length).fill(1);
    } else {
      // Built on the first search, not at load: a reader who never searches never pays for them.
      titlesPlaces ??= titlePlaceIndex(columns);
      countries ??= countryNameIndex(columns);
      if (!excerpts && note === null) {
        const got = await texts();
        if (typeof got === 'string') note = `${got}: the search covers titles and places, not excerpts.`;
        else excerpts ??= { index: excerptIndex(got), table: got };
      }
      if (ask !== asked) return;
      const next = new Uint8Array(table.length);
      matchRows(columns, titlesPlaces, excerpts, wanted, next, countries);
      matches = next;
    }
    key = wanted;
    for (const listener of listeners) listener();
  };
  const hide = (categories: readonly string[]) => {
    hidden.fill(0);
    for (const c of categories) {
      const k = CATEGORIES.indexOf(c as never);
      if (k >= 0) hidden[k] = 1;
    }
  };
  hide(store.get().hiddenCategories);
  if (store.get().query.trim()) void apply(store.get().query);
  store.subscribe((s, p) => {
    if (s.hiddenCategories !== p.hiddenCategories) hide(s.hiddenCategories);
    if (s.query !== p.query) void apply(s.query);
  });
  return {
    get matches() {
      return matches;
    },
    key: () => key,
    passes: (i) => matches[i] === 1 && hidden[table.category[i]] === 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    note: () => note,
  };
}
