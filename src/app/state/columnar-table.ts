// The events table from the columnar form: the day columns the views binary-search are derived once (absolute day
// numbers), and features are built on demand from the columns. No per-event object lives longer than the small LRU
// below: a million events cost their typed arrays only.
import type { EventFeature } from '../../model/index.ts';
import { decodeColumnar, encodeFeatures, eventAt, FLAG_PERSISTS, NO_UNTIL, type ColumnarEvents } from '../../model/columnar.ts';
import { createLru } from '../../util/lru.ts';
import type { EventsTable } from './events-table.ts';

export const COLUMNAR_TABLE_DEFAULTS = {
  /** Light features kept built: more than the list shows (200), so a scrub that keeps most of it decodes few. */
  cachedFeatures: 600,
  /** id → row pairs remembered from features built, so the selection and the hover find their row without a scan. */
  cachedRows: 2000,
};

/**
 * Event `row` as a light feature: what the columns hold (title, dates, category, place name, position). It has no
 * sources, actors or confidence, and of its place only the name is real (isLightFeature tells it apart): the panel
 * fetches the full feature, everything else shows only what is here.
 */
export function lightFeature(columns: ColumnarEvents, row: number): EventFeature {
  const r = eventAt(columns, row);
  return {
    type: 'Feature',
    id: r.id,
    geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
    properties: {
      title: r.title, category: r.category, start: r.start, end: r.end, precision: r.precision,
      persists: r.persists, until: r.until, status: r.status, ...(r.datedByPublication ? { dateSource: 'published' as const } : {}),
      place: { name: r.place, kind: r.areaPlace ? (r.country ? 'country' : 'region') : 'city', country: r.country, gazetteer: 'curated' },
      actors: [], confidence: 0, sources: [],
    },
  };
}

/** The row whose id is `id`, by comparing UTF-8 bytes in the id column: O(n) with no allocation, a few ms a million. */
function scanForId(columns: ColumnarEvents, id: string): number | undefined {
  const want = new TextEncoder().encode(id);
  const { stringOffsets: offsets, text } = columns;
  const ids = columns.id;
  const length = want.length;
  const first = want[0];
  for (let row = 0; row < columns.count; row++) {
    const k = ids[row];
    const at = offsets[k];
    if (offsets[k + 1] - at !== length || text[at] !== first) continue;
    let j = 1;
    while (j < length && text[at + j] === want[j]) j++;
    if (j === length) return row;
  }
  return undefined;
}

export function buildColumnarTable(columns: ColumnarEvents, opts = COLUMNAR_TABLE_DEFAULTS): EventsTable {
  const n = columns.count;
  const origin = columns.originDay;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const persistsUntil = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    start[i] = origin + columns.start[i];
    end[i] = origin + columns.end[i];
    persistsUntil[i] = (columns.flags[i] & FLAG_PERSISTS) === 0 ? -Infinity
      : columns.until[i] === NO_UNTIL ? Infinity : origin + columns.until[i];
  }
  const features = createLru<number, EventFeature>(opts.cachedFeatures);
  const rows = createLru<string, number>(opts.cachedRows);
  return {
    length: n, start, end, persistsUntil, category: columns.category, columns,
    feature(i) {
      let f = features.get(i);
      if (!f) {
        f = lightFeature(columns, i);
        features.set(i, f);
        rows.set(f.id, i);
      }
      return f;
    },
    rowOf(id) {
      const cached = rows.get(id);
      if (cached !== undefined) return cached;
      const row = id === '' ? undefined : scanForId(columns, id);
      if (row !== undefined) rows.set(id, row);
      return row;
    },
  };
}

/** The table of contract features (any order): encoded to the columnar form first, as the app does with a GeoJSON. */
export function tableOfFeatures(features: readonly EventFeature[]): EventsTable {
  return buildColumnarTable(decodeColumnar(encodeFeatures(features)));
}
