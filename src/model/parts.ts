// The detail parts beside events.bin (docs/columnar-format.md, "Detail parts"): the full contract features in the
// bin's row order, cut into files of a fixed number of rows, so the app fetches one small file when a reader opens
// an event instead of the whole GeoJSON. Pure string work, usable in Node and the browser.
import type { EventFeature } from './index.ts';
import { columnsOfFeatures, rowOrder } from './columnar.ts';

export const PARTS_DEFAULTS = {
  /** Rows per part: about 700 KB of JSON a part for the contract's ~700 bytes an event, one fetch per opened event. */
  partSize: 1000,
};

/** One part file: its number, its file name inside the parts folder, its text. */
export interface DetailPart {
  index: number;
  name: string;
  json: string;
}

/** The part that holds a row of events.bin. */
export function partOfRow(row: number, partSize = PARTS_DEFAULTS.partSize): number {
  return Math.floor(row / partSize);
}

/** Number of parts for `count` rows (0 for an empty dataset). */
export function partCount(count: number, partSize = PARTS_DEFAULTS.partSize): number {
  return Math.ceil(count / partSize);
}

/** `00012.json`: five digits so a folder listing sorts in row order up to 100 million events at 1000 a part. */
export function partFileName(k: number): string {
  return `${String(k).padStart(5, '0')}.json`;
}

/** The events file's name without its extension: `data/events.geojson` -> `data/events`. */
function stemOf(eventsPath: string): string {
  return eventsPath.replace(/\.(geojson|json|bin)$/i, '');
}

/** The columnar file beside an events file: `events.geojson` -> `events.bin` (a `.bin` path stays as it is). */
export function binPathOf(eventsPath: string): string {
  return `${stemOf(eventsPath)}.bin`;
}

/** The posture table beside an events file: `events.geojson` (or `events.bin`) -> `events.posture.bin`. */
export function posturePathOf(eventsPath: string): string {
  return `${stemOf(eventsPath)}.posture.bin`;
}

/** The text table (excerpts) beside an events file: `events.geojson` (or `events.bin`) -> `events.text.bin`. */
export function textPathOf(eventsPath: string): string {
  return `${stemOf(eventsPath)}.text.bin`;
}

/** The parts folder beside an events file: `events.geojson` (or `events.bin`) -> `events.parts`. */
export function partsDirOf(eventsPath: string): string {
  return `${stemOf(eventsPath)}.parts`;
}

/** A part's text: a FeatureCollection, one feature a line, so a diff of two runs stays readable. */
export function partJson(features: readonly EventFeature[]): string {
  if (features.length === 0) return '{"type":"FeatureCollection","features":[]}\n';
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/** The parts of `count` rows, given the feature of each row (built one part at a time, never all at once). */
export function* partsOfRows(count: number, featureOfRow: (row: number) => EventFeature, partSize = PARTS_DEFAULTS.partSize): Generator<DetailPart> {
  for (let k = 0; k < partCount(count, partSize); k++) {
    const features: EventFeature[] = [];
    for (let row = k * partSize; row < Math.min(count, (k + 1) * partSize); row++) features.push(featureOfRow(row));
    yield { index: k, name: partFileName(k), json: partJson(features) };
  }
}

/** The features in the row order of encodeFeatures(features): start, then id. */
export function featuresInRowOrder(features: readonly EventFeature[]): EventFeature[] {
  return Array.from(rowOrder(columnsOfFeatures(features)), (i) => features[i]);
}

/** The parts that go beside encodeFeatures(features). */
export function partsOfFeatures(features: readonly EventFeature[], partSize = PARTS_DEFAULTS.partSize): Generator<DetailPart> {
  const rows = featuresInRowOrder(features);
  return partsOfRows(rows.length, (row) => rows[row], partSize);
}

/**
 * A response that means the file is not there: a status that says so, or the HTML page a single-page-app server
 * (vite dev and preview) answers any unknown path with. Neither events.bin nor a part is ever HTML.
 */
export function isMissingResponse(status: number, contentType: string | null): boolean {
  return status === 404 || status === 410 || (status >= 200 && status < 300 && /^\s*text\/html\b/i.test(contentType ?? ''));
}
