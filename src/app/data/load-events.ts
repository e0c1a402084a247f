// Large mode or not, decided before the GeoJSON is fetched: above the threshold the app reads events.bin (through
// the worker), documents.json, and an opened event's part; it never downloads the GeoJSON of a large corpus.
import { CATEGORIES, type SourceDocument } from '../../model/index.ts';
import type { ScaleEvents } from '../../scale/scale-events.ts';
import { createDetailsSource, probeLargeDataset } from '../data/large.ts';
import { loadDocuments } from '../data/load.ts';
import { CATEGORY_COLORS } from '../categories.ts';
import type { EventsTable } from '../state/events-table.ts';
import type { DetailsSource } from '../panel/panel.ts';
import { buildColumnarTable } from './columnar-table.ts';

export interface LargeDataset {
  kind: 'large';
  table: EventsTable;
  events: ScaleEvents;
  details: DetailsSource;
  documents: ReadonlyMap<string, SourceDocument>;
  warnings: string[];
}

export type LargeLoad = LargeDataset | { kind: 'small' } | { kind: 'error'; errors: string[] };

export async function loadLargeDataset(eventsUrl: string): Promise<LargeLoad> {
  const probe = await probeLargeDataset(eventsUrl, { palette: CATEGORIES.map((c) => CATEGORY_COLORS[c]) });
  if (probe.kind !== 'large') return probe;
  const { documents, warnings } = await loadDocuments(eventsUrl);
  const columns = probe.events.columns;
  return {
    kind: 'large', table: buildColumnarTable(columns), events: probe.events,
    details: createDetailsSource(eventsUrl, columns), documents, warnings,
  };
}
