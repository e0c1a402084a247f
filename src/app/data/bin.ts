// The app's large mode data: above a threshold the map draws from events.bin (docs/columnar-format.md) beside the
// events file, loaded once by the columnar worker, and fetches an event's full feature (sources with excerpts) from
// its detail part in events.parts/ only when a reader opens it. Every failure is a sentence naming the file.
import { validateEvents, type EventFeature } from '../../model/index.ts';
import { COLUMNAR_HEADER_BYTES, headerCount, stringAt, type ColumnarEvents } from '../../scale/columnar.ts';
import { loadScaleEvents, ScaleEventsLoadError } from '../../scale/load-scale-events.ts';
import { binPathOf, isMissingResponse, partFileName, partOfRow, partsDirOf, PARTS_DEFAULTS } from '../../scale/parts.ts';
import type { Rgb, ScaleEvents, ScaleEventsOptions } from '../../scale/scale-events.ts';
import { inlinedFile } from '../export/inlined.ts';

export const LARGE_DEFAULTS = {
  /** Above this many events the app draws from events.bin; at or under it, from the GeoJSON as before. */
  threshold: 20_000,
  /** Rows per detail part; must match what wrote events.parts (PARTS_DEFAULTS). */
  partSize: PARTS_DEFAULTS.partSize,
  /** Detail parts kept in memory (about 700 KB each): a reader going back and forth between nearby events refetches nothing. */
  cachedParts: 8,
};

const REGENERATE = 'regenerate both with the pipeline (npm run geocode) or npm run synth';

/** Splits off `?query#hash` so a file name can be changed; the query is kept for the sibling files, the hash dropped. */
function splitUrl(url: string): { path: string; query: string } {
  const cut = url.search(/[?#]/);
  if (cut < 0) return { path: url, query: '' };
  const query = url.slice(cut).replace(/#.*$/, '');
  return { path: url.slice(0, cut), query };
}

/** `…/events.geojson` -> `…/events.bin`; a URL already naming a `.bin` stays as it is. */
export function binUrlOf(eventsUrl: string): string {
  const { path, query } = splitUrl(eventsUrl);
  return `${binPathOf(path)}${query}`;
}

/** `…/events.geojson`, part 3 -> `…/events.parts/00003.json`. */
export function partUrlOf(eventsUrl: string, k: number): string {
  const { path, query } = splitUrl(eventsUrl);
  return `${partsDirOf(path)}/${partFileName(k)}${query}`;
}

/** A file's name as a reader finds it beside the events file: `events.bin`, `events.parts/00003.json`. */
function labelOf(url: string, eventsUrl: string): string {
  const folder = splitUrl(eventsUrl).path.replace(/[^/]*$/, '');
  const path = splitUrl(url).path;
  return path.startsWith(folder) ? path.slice(folder.length) : path;
}

/** What loading events.bin gave: its event count, no such file, or a file that is there but cannot be read. */
export type BinLoad = { kind: 'loaded'; count: number } | { kind: 'missing' } | { kind: 'broken'; problem: string };

export type LargeDecision = { kind: 'large' } | { kind: 'small' } | { kind: 'error'; errors: string[] };

/**
 * Large mode or not. No bin: the GeoJSON is all there is (small). A bin at or under the threshold: the GeoJSON
 * draws it as before (small). A bin that is there but broken is an error, not a silent fallback: a large corpus
 * would otherwise send the reader a GeoJSON too big to open, or none at all.
 */
export function decideLargeDataset(load: BinLoad, threshold: number, binLabel: string): LargeDecision {
  if (load.kind === 'missing') return { kind: 'small' };
  if (load.kind === 'broken') return { kind: 'error', errors: [`${binLabel} cannot be read: ${load.problem.replace(/^columnar: /, '')}.`] };
  return load.count > threshold ? { kind: 'large' } : { kind: 'small' };
}

export type LargeProbe = { kind: 'large'; events: ScaleEvents } | { kind: 'small' } | { kind: 'error'; errors: string[] };

export interface ProbeOptions {
  /** RGB per category, in CATEGORIES order (the app's CATEGORY_COLORS). */
  palette: readonly Rgb[];
  threshold?: number;
  /** The loader; tests pass a stub, the app the columnar worker (the default). */
  load?: (url: string, options: Partial<ScaleEventsOptions>) => Promise<ScaleEvents>;
}

/**
 * The first bytes of a response body, then the rest is cancelled: a 50 MB file costs one round trip, not a download.
 * A body shorter than `n` gives what there is.
 */
export async function firstBytes(response: Response, n: number): Promise<Uint8Array> {
  const out = new Uint8Array(n);
  let filled = 0;
  const reader = response.body?.getReader();
  if (!reader) return out.subarray(0, 0);
  while (filled < n) {
    const { done, value } = await reader.read();
    if (done) break;
    const take = Math.min(value.length, n - filled);
    out.set(value.subarray(0, take), filled);
    filled += take;
  }
  // Not awaited: tearing down the rest of a large body can take a while, and nothing here needs it.
  reader.cancel().catch(() => undefined);
  return out.subarray(0, filled);
}

/**
 * What events.bin's header says before anything is decoded: missing, its count, or null (not a header this reader
 * knows, or the fetch failed: the worker then reports the problem in full).
 */
async function peekBin(binUrl: string): Promise<{ missing: true } | { missing: false; count: number | null }> {
  try {
    // A server that honours the range sends the header alone; one that does not starts the whole file, cut short below.
    const response = await fetch(binUrl, { headers: { Range: `bytes=0-${COLUMNAR_HEADER_BYTES - 1}` } });
    if (isMissingResponse(response.status, response.headers.get('content-type'))) {
      response.body?.cancel().catch(() => undefined);
      return { missing: true };
    }
    if (!response.ok) return { missing: false, count: null };
    return { missing: false, count: headerCount(await firstBytes(response, COLUMNAR_HEADER_BYTES)) };
  } catch {
    return { missing: false, count: null };
  }
}

/**
 * Decides whether the app runs in large mode from events.bin beside the events file: its 32-byte header first (a
 * small corpus, with or without a bin, goes straight on to its GeoJSON without starting a worker), then, when it is
 * large, the whole file through the worker, whose events come back ready to draw.
 */
export async function probeLargeDataset(eventsUrl: string, options: ProbeOptions): Promise<LargeProbe> {
  // A single-file export carries only the GeoJSON, and a page opened from disk can fetch nothing beside it.
  if (inlinedFile(eventsUrl) !== undefined) return { kind: 'small' };
  const binUrl = binUrlOf(eventsUrl);
  const threshold = options.threshold ?? LARGE_DEFAULTS.threshold;
  const peek = await peekBin(binUrl);
  if (peek.missing || (peek.count !== null && peek.count <= threshold)) return { kind: 'small' };
  const load = options.load ?? loadScaleEvents;
  let events: ScaleEvents | null = null;
  let outcome: BinLoad;
  try {
    events = await load(binUrl, { palette: options.palette });
    outcome = { kind: 'loaded', count: events.columns.count };
  } catch (error) {
    if (error instanceof ScaleEventsLoadError) outcome = error.missing ? { kind: 'missing' } : { kind: 'broken', problem: error.problem };
    else outcome = { kind: 'broken', problem: error instanceof Error ? error.message : String(error) };
  }
  const decision = decideLargeDataset(outcome, threshold, labelOf(binUrl, eventsUrl));
  return decision.kind === 'large' ? { kind: 'large', events: events! } : decision;
}

export interface DetailsSource {
  /** The full contract feature of a row of events.bin; rejects with a sentence naming the part file. */
  feature(row: number): Promise<EventFeature>;
}

/**
 * Full features on demand from events.parts/ beside the events file. Each part is checked against the contract and
 * against the bin (the same number of rows, the same id at the row asked for): a part from another run would
 * otherwise open the wrong event's sources without a word.
 */
export function createDetailsSource(eventsUrl: string, columns: ColumnarEvents, partSize: number = LARGE_DEFAULTS.partSize): DetailsSource {
  const binLabel = labelOf(binUrlOf(eventsUrl), eventsUrl);
  // Most recently used last; a failed fetch is dropped so that opening the event again retries it.
  const cache = new Map<number, Promise<EventFeature[]>>();

  async function fetchPart(k: number): Promise<EventFeature[]> {
    const url = partUrlOf(eventsUrl, k);
    const label = labelOf(url, eventsUrl);
    let response: Response;
    try {
      response = await fetch(url);
    } catch (e) {
      throw new Error(`${label} could not be fetched (${(e as Error).message}).`);
    }
    if (isMissingResponse(response.status, response.headers.get('content-type'))) {
      throw new Error(`${label} is missing (HTTP ${response.status}${response.ok ? ', an HTML page' : ''}); the event's sources cannot be shown. Regenerate ${binLabel} and its parts with the pipeline (npm run geocode) or npm run synth.`);
    }
    if (!response.ok) throw new Error(`${label} could not be fetched (HTTP ${response.status}).`);
    let json: unknown;
    try {
      json = JSON.parse(await response.text());
    } catch (e) {
      throw new Error(`${label} is not valid JSON: ${(e as Error).message}.`);
    }
    const checked = validateEvents(json);
    if (!checked.ok) throw new Error(`${label} does not follow the event data contract: ${checked.errors[0]}.`);
    const expected = Math.max(0, Math.min(partSize, columns.count - k * partSize));
    const features = checked.value.features;
    if (features.length !== expected) {
      throw new Error(`${label} does not match ${binLabel} (it has ${features.length} events, ${binLabel} has ${expected} in that part); ${REGENERATE}.`);
    }
    return features;
  }

  function part(k: number): Promise<EventFeature[]> {
    let pending = cache.get(k);
    if (pending) cache.delete(k);
    else {
      pending = fetchPart(k);
      const settled = pending;
      settled.catch(() => {
        if (cache.get(k) === settled) cache.delete(k);
      });
    }
    cache.set(k, pending);
    while (cache.size > LARGE_DEFAULTS.cachedParts) cache.delete(cache.keys().next().value as number);
    return pending;
  }

  return {
    async feature(row) {
      if (!Number.isInteger(row) || row < 0 || row >= columns.count) {
        throw new Error(`row ${row} is not in ${binLabel} (${columns.count} events).`);
      }
      const k = partOfRow(row, partSize);
      const feature = (await part(k))[row - k * partSize];
      const id = stringAt(columns, columns.id[row]);
      if (feature.id !== id) {
        const label = labelOf(partUrlOf(eventsUrl, k), eventsUrl);
        throw new Error(`${label} does not match ${binLabel} (row ${row} is ${id} in ${binLabel}, ${feature.id} in the part); ${REGENERATE}.`);
      }
      return feature;
    },
  };
}
