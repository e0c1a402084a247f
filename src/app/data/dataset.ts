// A dataset as every view reads it, whatever file it came from: the columnar table, the GPU columns, the posture
// table, the excerpts (on the first search) and where an event's full feature comes from. events.bin and its tables
// arrive in that form (datasetOfBin); a GeoJSON is encoded into it on load (features-dataset.ts).
import type { PostureTable } from '../../model/posture-table.ts';
import { decodeTexts, type TextTable } from '../../model/text-table.ts';
import { buildColumnarTable } from '../state/columnar-table.ts';
import type { EventsTable } from '../state/events-table.ts';
import { createDetailsSource, fetchTable, labelOf, tableUrlOf, type DetailsSource } from './bin.ts';
import type { PreparedEvents } from './prepared-events.ts';

export interface Dataset {
  readonly table: EventsTable;
  readonly events: PreparedEvents;
  readonly posture: PostureTable;
  /** Every row's excerpts, for the search: built or fetched on the first call; a sentence when they cannot be had. */
  texts(): Promise<TextTable | string>;
  /** An event's full feature (sources, actors, place details) by row. */
  readonly details: DetailsSource;
}

export const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let made: Promise<T> | null = null;
  return () => (made ??= make());
};

/** The dataset of events.bin beside `eventsUrl`: its parts and text table are fetched when first needed. */
export function datasetOfBin(eventsUrl: string, events: PreparedEvents, posture: PostureTable): Dataset {
  const bin = { count: events.columns.count, totalBytes: events.columns.buffer.byteLength };
  const textUrl = tableUrlOf(eventsUrl, 'text');
  const label = labelOf(textUrl, eventsUrl);
  return {
    table: buildColumnarTable(events.columns),
    events,
    posture,
    texts: once(async () => {
      const fetched = await fetchTable(textUrl, label);
      if (!fetched.ok) return fetched.error;
      try {
        return decodeTexts(fetched.buffer, label, bin);
      } catch (e) {
        return (e as Error).message;
      }
    }),
    details: createDetailsSource(eventsUrl, events.columns),
  };
}
