// The reader's filters, shared by the list, the strip and the map: categories switched off in the legend and a text
// search over titles and excerpts. The map applies them on the GPU; these give the same answer on the CPU.
import { categoryOf, type EventsTable } from '../state/events-table.ts';

/** The searchable text of each event, lower-cased once per dataset. */
export function searchTexts(table: EventsTable): string[] {
  return Array.from({ length: table.length }, (_, i) => {
    const p = table.feature(i).properties;
    return [p.title, ...p.sources.map((s) => s.excerpt)].join('\n').toLowerCase();
  });
}

/** Fills out[i] with 1 where event i matches every word of the query (any order), else 0; returns the match count. */
export function matchQuery(texts: readonly string[], query: string, out: Uint8Array): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  let n = 0;
  for (let i = 0; i < texts.length; i++) {
    let ok = 1;
    for (const w of words) if (!texts[i].includes(w)) { ok = 0; break; }
    out[i] = ok;
    n += ok;
  }
  return n;
}

/** Whether event i passes both filters. */
export function passesFilters(table: EventsTable, i: number, hidden: readonly string[], matches: Uint8Array): boolean {
  return matches[i] === 1 && (hidden.length === 0 || !hidden.includes(categoryOf(table, i)));
}
