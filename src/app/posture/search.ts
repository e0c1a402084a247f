// The search's current answer, kept in step with the store: a 0/1 mask over the table and a key that changes with it.
import type { Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import { matchQuery, passesFilters, searchTexts } from './filter.ts';

export interface Search {
  readonly matches: Uint8Array;
  /** Changes whenever `matches` does (deck.gl update trigger). */
  key(): string;
  /** Whether event i passes the search and the legend's toggles. */
  passes(i: number): boolean;
}

export function createSearch(store: Store, table: EventsTable): Search {
  const texts = searchTexts(table);
  const matches = new Uint8Array(table.length);
  let key = '';
  matchQuery(texts, key, matches);
  store.subscribe((s, p) => {
    if (s.query === p.query) return;
    matchQuery(texts, s.query, matches);
    key = s.query.trim().toLowerCase();
  });
  return { matches, key: () => key, passes: (i) => passesFilters(table, i, store.get().hiddenCategories, matches) };
}
