// The files beside the events file that the app reads instead of the GeoJSON when they are there (docs/columnar-format.md):
// events.bin (the columns, loaded by the columnar worker), its companion tables (events.posture.bin at load,
// events.text.bin on the first search) and events.parts/ (an event's full feature, fetched only when a reader opens
// it). Every failure is a sentence naming the file.
import type { EventFeature } from '../../model/index.ts';
import { COLUMNAR_HEADER_BYTES, headerCount, stringAt, type ColumnarEvents } from '../../model/columnar.ts';
import { binPathOf, isMissingResponse, partFileName, partOfRow, partsDirOf, PARTS_DEFAULTS, posturePathOf, textPathOf } from '../../model/parts.ts';
import { createLru } from '../../util/lru.ts';

export const BIN_DEFAULTS = {
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

/** `…/events.geojson` -> `…/events.posture.bin` or `…/events.text.bin`. */
export function tableUrlOf(eventsUrl: string, kind: 'posture' | 'text'): string {
  const { path, query } = splitUrl(eventsUrl);
  return `${kind === 'posture' ? posturePathOf(path) : textPathOf(path)}${query}`;
}

/** `…/events.geojson`, part 3 -> `…/events.parts/00003.json`. */
export function partUrlOf(eventsUrl: string, k: number): string {
  const { path, query } = splitUrl(eventsUrl);
  return `${partsDirOf(path)}/${partFileName(k)}${query}`;
}

/** A file's name as a reader finds it beside the events file: `events.bin`, `events.parts/00003.json`. */
export function labelOf(url: string, eventsUrl: string): string {
  const folder = splitUrl(eventsUrl).path.replace(/[^/]*$/, '');
  const path = splitUrl(url).path;
  return path.startsWith(folder) ? path.slice(folder.length) : path;
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
 * What events.bin's header says before anything is decoded: unavailable (no such file, or any failure to fetch it:
 * object storage answers 403 for a missing file, a proxy 500), its count, or null (fetched, but not a header this
 * reader knows: the worker then reports the problem in full). Only a bin that can be read switches modes.
 */
export async function peekBin(binUrl: string, label: string): Promise<{ missing: true } | { missing: false; count: number | null }> {
  let response: Response;
  try {
    // A server that honours the range sends the header alone; one that does not starts the whole file, cut short below.
    response = await fetch(binUrl, { headers: { Range: `bytes=0-${COLUMNAR_HEADER_BYTES - 1}` } });
  } catch (e) {
    console.info(`${label} could not be fetched (${(e as Error).message}); reading the GeoJSON instead.`);
    return { missing: true };
  }
  if (isMissingResponse(response.status, response.headers.get('content-type')) || !response.ok) {
    response.body?.cancel().catch(() => undefined);
    if (response.status !== 404) console.info(`${label} is not available (HTTP ${response.status}); reading the GeoJSON instead.`);
    return { missing: true };
  }
  try {
    return { missing: false, count: headerCount(await firstBytes(response, COLUMNAR_HEADER_BYTES)) };
  } catch {
    return { missing: false, count: null };
  }
}

/** A companion table's bytes, or a sentence saying why there are none (`missing`: no such file). */
export async function fetchTable(url: string, label: string): Promise<{ ok: true; buffer: ArrayBuffer } | { ok: false; missing: boolean; error: string }> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    return { ok: false, missing: false, error: `${label} could not be fetched (${(e as Error).message})` };
  }
  if (isMissingResponse(response.status, response.headers.get('content-type'))) {
    response.body?.cancel().catch(() => undefined);
    return { ok: false, missing: true, error: `${label} is missing (HTTP ${response.status}${response.ok ? ', an HTML page' : ''})` };
  }
  if (!response.ok) return { ok: false, missing: false, error: `${label} could not be fetched (HTTP ${response.status})` };
  return { ok: true, buffer: await response.arrayBuffer() };
}

export interface DetailsSource {
  /** The full contract feature of a row when it is at hand now (in memory, or its part already fetched). */
  peek(row: number): EventFeature | undefined;
  /** The full contract feature of a row; rejects with a sentence naming the file. */
  feature(row: number): Promise<EventFeature>;
}

/** Full features already in memory, in row order (a dataset read from its GeoJSON). */
export function detailsInMemory(rows: readonly EventFeature[]): DetailsSource {
  return {
    peek: (row) => rows[row],
    feature: (row) => (rows[row] ? Promise.resolve(rows[row]) : Promise.reject(new Error(`row ${row} is not in the data (${rows.length} events).`))),
  };
}

/**
 * Full features on demand from events.parts/ beside the events file. Each part is checked against the contract and
 * against the bin (the same number of rows, the same id at the row asked for): a part from another run would
 * otherwise open the wrong event's sources without a word.
 */
export function createDetailsSource(eventsUrl: string, columns: ColumnarEvents, partSize: number = BIN_DEFAULTS.partSize): DetailsSource {
  const binLabel = labelOf(binUrlOf(eventsUrl), eventsUrl);
  // A failed fetch is dropped so that opening the event again retries it.
  const cache = createLru<number, Promise<EventFeature[]>>(BIN_DEFAULTS.cachedParts);
  const settled = new Map<number, EventFeature[]>();

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
    const { validateEvents } = await import('../../model/validate.ts');
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
    if (!pending) {
      const fetched = fetchPart(k);
      pending = fetched;
      cache.set(k, fetched);
      fetched.then((features) => {
        if (cache.peek(k) === fetched) settled.set(k, features);
      }, () => {
        if (cache.peek(k) === fetched) cache.delete(k);
      });
    }
    // Only parts still cached count as at hand.
    for (const key of settled.keys()) if (cache.peek(key) === undefined) settled.delete(key);
    return pending;
  }

  const check = (row: number, feature: EventFeature, k: number): EventFeature => {
    const id = stringAt(columns, columns.id[row]);
    if (feature.id !== id) {
      const label = labelOf(partUrlOf(eventsUrl, k), eventsUrl);
      throw new Error(`${label} does not match ${binLabel} (row ${row} is ${id} in ${binLabel}, ${feature.id} in the part); ${REGENERATE}.`);
    }
    return feature;
  };

  return {
    peek(row) {
      const k = partOfRow(row, partSize);
      const features = settled.get(k);
      if (!features) return undefined;
      try {
        return check(row, features[row - k * partSize], k);
      } catch {
        return undefined;
      }
    },
    async feature(row) {
      if (!Number.isInteger(row) || row < 0 || row >= columns.count) {
        throw new Error(`row ${row} is not in ${binLabel} (${columns.count} events).`);
      }
      const k = partOfRow(row, partSize);
      return check(row, (await part(k))[row - k * partSize], k);
    },
  };
}
