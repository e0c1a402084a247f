// The one way the app loads events, at any size. events.bin beside the events file when it is there (its 32-byte
// header is read first, then the columnar worker loads it while the map sets up; the GeoJSON is never downloaded),
// with its posture table; otherwise the GeoJSON, checked against the contract and encoded into the same columnar form.
// A bin that is there but broken is an error, not a silent fallback: a large corpus would otherwise send the reader
// a GeoJSON too big to open, or none at all.
import type { CorpusInfo, SourceDocument } from '../../model/index.ts';
import { loadCorpusInfo } from './corpus.ts';
import { decodePosture, EMPTY_POSTURE, type PostureTable } from '../../model/posture-table.ts';
import { inlinedFile } from '../export/inlined.ts';
import { binUrlOf, fetchTable, labelOf, peekBin, tableUrlOf } from './bin.ts';
import { datasetOfBin, type Dataset } from './dataset.ts';
import { datasetOfFeatures } from './features-dataset.ts';
import { ColumnarLoadError, loadColumnar } from './load-columnar.ts';
import { loadDataset, loadDocuments } from './load.ts';
import type { PreparedEvents } from './prepared-events.ts';

export type EventsLoad =
  | { ok: true; dataset: Dataset; documents: ReadonlyMap<string, SourceDocument>; corpus: CorpusInfo; warnings: string[] }
  | { ok: false; errors: string[] };

export interface LoadEventsOptions {
  /** Loads and prepares events.bin; tests pass a stub, the app the columnar worker (the default). */
  loadBin?: (url: string) => Promise<PreparedEvents>;
}

const POSTURE_OFF = 'host-nation tints, contributor arcs, headquarters squares and the posture summary are off';

/** The posture table beside the bin, or why there is none (the map still works without it). */
async function postureOf(
  eventsUrl: string,
  events: PreparedEvents,
  pending: ReturnType<typeof fetchTable>,
): Promise<{ posture: PostureTable; warning?: string }> {
  const label = labelOf(tableUrlOf(eventsUrl, 'posture'), eventsUrl);
  const fetched = await pending;
  const regenerate = 'regenerate it with the pipeline (npm run geocode) or npm run synth';
  if (!fetched.ok) return { posture: EMPTY_POSTURE, warning: `${fetched.error}: ${POSTURE_OFF}; ${regenerate}.` };
  try {
    return { posture: decodePosture(fetched.buffer, label, { count: events.columns.count, totalBytes: events.columns.buffer.byteLength }) };
  } catch (e) {
    return { posture: EMPTY_POSTURE, warning: `${(e as Error).message}: ${POSTURE_OFF}; ${regenerate}.` };
  }
}

export async function loadEvents(eventsUrl: string, opts: LoadEventsOptions = {}): Promise<EventsLoad> {
  // Asked for beside the events: the header's title is there as soon as they are.
  const corpus = loadCorpusInfo(eventsUrl);
  const loaded = await loadEventsAlone(eventsUrl, opts);
  if (!loaded.ok) return loaded;
  const { info, warnings } = await corpus;
  return { ...loaded, corpus: info, warnings: [...loaded.warnings, ...warnings] };
}

type EventsAlone = Omit<Extract<EventsLoad, { ok: true }>, 'corpus'> | Extract<EventsLoad, { ok: false }>;

async function loadEventsAlone(eventsUrl: string, opts: LoadEventsOptions): Promise<EventsAlone> {
  // A single-file export carries only the GeoJSON, and a page opened from disk can fetch nothing beside it.
  if (inlinedFile(eventsUrl) === undefined) {
    const binUrl = binUrlOf(eventsUrl);
    const peek = await peekBin(binUrl, labelOf(binUrl, eventsUrl));
    if (!peek.missing) {
      const posturePending = fetchTable(tableUrlOf(eventsUrl, 'posture'), labelOf(tableUrlOf(eventsUrl, 'posture'), eventsUrl));
      const documentsPending = loadDocuments(eventsUrl);
      let events: PreparedEvents | null = null;
      try {
        events = await (opts.loadBin ?? loadColumnar)(binUrl);
      } catch (error) {
        const missing = error instanceof ColumnarLoadError && error.missing;
        if (!missing) {
          const problem = error instanceof ColumnarLoadError ? error.problem : error instanceof Error ? error.message : String(error);
          return { ok: false, errors: [`${labelOf(binUrl, eventsUrl)} cannot be read: ${problem.replace(/^columnar: /, '')}.`] };
        }
      }
      if (events) {
        const [{ posture, warning }, { documents, warnings }] = await Promise.all([
          postureOf(eventsUrl, events, posturePending),
          documentsPending,
        ]);
        return {
          ok: true,
          dataset: datasetOfBin(eventsUrl, events, posture),
          documents,
          warnings: warning ? [warning, ...warnings] : warnings,
        };
      }
    }
  }
  const result = await loadDataset(eventsUrl);
  if (!result.ok) return result;
  const { events, documents, warnings } = result.dataset;
  const { publishedFeatures } = await import('../../model/event.ts');
  return { ok: true, dataset: datasetOfFeatures(publishedFeatures(events.features)), documents, warnings };
}
