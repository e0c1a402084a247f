// A compact columnar binary form of the events (docs/columnar-format.md): typed-array views straight onto one
// ArrayBuffer, so a million events decode in milliseconds and go to the GPU without per-event objects.
// Pure and platform-neutral (TextEncoder/TextDecoder, DataView), usable in Node, the browser and a Web Worker.
//
//   header (32 bytes, little-endian)                      sections, in this order, no padding needed:
//   0  magic     u32  'FLKC'                               start     Int32[n]    days since originDay
//   4  version   u16  3                                    end       Int32[n]    days since originDay
//   6  header    u16  32 (header bytes)                    until     Int32[n]    days since originDay, NO_UNTIL
//   8  count     u32  n events                             position  Float32[2n] lon, lat interleaved
//   12 origin    i32  day number of day 0                  title     Uint32[n]   string table index
//   16 strings   u32  s strings in the table               id        Uint32[n]   string table index
//   20 textBytes u32  b UTF-8 bytes of the table           place     Uint32[n]   string table index (v2)
//                                                          offsets   Uint32[s+1] string i = text[offsets[i]..offsets[i+1])
//   24 total     u32  byte length of the whole file        country   Uint16[n]   the place's country, codeOfAlpha2 (v3)
//                                                          category, precision, flags, sources  Uint8[n] each
//   28 reserved  u32  0                                    text      Uint8[b]    UTF-8
import { CATEGORIES, PRECISIONS, type Category, type Precision, type Status } from './terms.ts';
import type { EventFeature } from './index.ts';
import { dayOf, isoOf } from './day.ts';
import { alpha2OfCode, codeOfAlpha2, COUNTRY_CODES } from './country-code.ts';

export const COLUMNAR_MAGIC = 0x434b4c46; // 'FLKC' read as a little-endian u32
export const COLUMNAR_VERSION = 3;
/** The version before the country column: still read, its rows then have NO_COUNTRY. */
const COLUMNAR_VERSION_WITHOUT_COUNTRY = 2;
export const COLUMNAR_HEADER_BYTES = 32;
/** `until` of an event that does not persist, or persists and still holds. */
export const NO_UNTIL = 0x7fffffff;
/** Bit of `flags`: the event is a state that holds from `start` on. */
export const FLAG_PERSISTS = 1;
/** Bits of `flags` (added without a version bump: older files have them 0, and read as they always did). */
export const FLAG_PLANNED = 2;
export const FLAG_ONGOING = 4;
/** The date is the report's publication date (`dateSource: 'published'`): the text gave none. */
export const FLAG_DATED_BY_PUBLICATION = 8;
/**
 * The place is a whole country or region (`place.kind`), whose point is only a convention: the map draws it as an area.
 * Bit 5, not 4: the app's prepared flags use bit 4 for its own style (src/app/data/prepared-events.ts).
 */
export const FLAG_AREA_PLACE = 32;
const KNOWN_FLAGS = FLAG_PERSISTS | FLAG_PLANNED | FLAG_ONGOING | FLAG_DATED_BY_PUBLICATION | FLAG_AREA_PLACE;
/** `country` of an event whose place has none (a region, the sea) or of a version 2 file. */
export const NO_COUNTRY = 0xffff;
/** Bytes per event in the fixed-width sections: 3 Int32 + 2 Float32 + 3 Uint32 + 1 Uint16 + 4 Uint8 (version 2: no Uint16). */
const BYTES_PER_EVENT = 42;
const bytesPerEvent = (version: number) => (version === COLUMNAR_VERSION_WITHOUT_COUNTRY ? 40 : BYTES_PER_EVENT);
/** What to do with a file this reader cannot read: both writers always write the current version. */
const REGENERATE = 'regenerate it with the pipeline (npm run geocode) or npm run synth';

export class ColumnarFormatError extends Error {
  override name = 'ColumnarFormatError';
}

/** The decoded file: views onto its buffer, sorted by start (then id). */
export interface ColumnarEvents {
  readonly buffer: ArrayBuffer;
  readonly count: number;
  readonly originDay: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly until: Int32Array;
  readonly position: Float32Array;
  readonly title: Uint32Array;
  readonly id: Uint32Array;
  /** The place's name (`properties.place.name`), an index into the string table. */
  readonly place: Uint32Array;
  readonly stringOffsets: Uint32Array;
  /** The place's country (`properties.place.country`) as codeOfAlpha2, or NO_COUNTRY; the search finds events by it. */
  readonly country: Uint16Array;
  readonly category: Uint8Array;
  readonly precision: Uint8Array;
  readonly flags: Uint8Array;
  readonly sourceCount: Uint8Array;
  readonly text: Uint8Array;
}

/** Columns to encode, one entry per event, in any order; days are absolute day numbers (days since 1970-01-01). */
export interface ColumnarInput {
  count: number;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  /** Absolute day of `until`, or NO_UNTIL when the event does not persist or still holds. */
  until: ArrayLike<number>;
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  category: ArrayLike<number>;
  precision: ArrayLike<number>;
  flags: ArrayLike<number>;
  sourceCount: ArrayLike<number>;
  title: readonly string[];
  id: readonly string[];
  /** `properties.place.name`. */
  place: readonly string[];
  /** `properties.place.country` as codeOfAlpha2, NO_COUNTRY for none; absent, every row has none. */
  country?: ArrayLike<number>;
}

/** One event read back as plain values (for the panel, the list and tests; not for hot loops). */
export interface ColumnarEventRecord {
  id: string;
  title: string;
  place: string;
  /** The place's country, alpha-2, or null. */
  country: string | null;
  category: Category;
  start: string;
  end: string;
  precision: Precision;
  persists: boolean;
  until: string | null;
  lon: number;
  lat: number;
  sourceCount: number;
  /** From the flags: 'planned', 'ongoing', or 'happened' (also for files written before the status existed). */
  status: Status;
  datedByPublication: boolean;
  /** The place is a whole country or region (FLAG_AREA_PLACE). */
  areaPlace: boolean;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The file's row order: `order[row]` is the input index of that row, ordered by start then id (UTF-16 code units).
 * A counting sort on the day (days span a few thousand values), then id within a day. Anything that must line up
 * with the rows of events.bin (the detail parts and companion tables, src/model/parts.ts) takes its order from here.
 */
export function rowOrder(input: Pick<ColumnarInput, 'count' | 'start' | 'id'>): Uint32Array {
  const n = input.count;
  const { start, id } = input;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    min = Math.min(min, start[i]);
    max = Math.max(max, start[i]);
  }
  const order = new Uint32Array(n);
  if (n === 0) return order;
  const span = max - min + 1;
  if (span > 4 * n + 1_000_000) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((a, b) => start[a] - start[b] || (id[a] < id[b] ? -1 : id[a] > id[b] ? 1 : 0));
  }
  const first = new Uint32Array(span + 1);
  for (let i = 0; i < n; i++) first[start[i] - min + 1]++;
  for (let d = 0; d < span; d++) first[d + 1] += first[d];
  const next = first.slice(0, span);
  for (let i = 0; i < n; i++) order[next[start[i] - min]++] = i;
  const byId = (a: number, b: number) => (id[a] < id[b] ? -1 : id[a] > id[b] ? 1 : 0);
  for (let d = 0; d < span; d++) {
    if (first[d + 1] - first[d] > 1) order.subarray(first[d], first[d + 1]).sort(byId);
  }
  return order;
}

/** Encodes events into one ArrayBuffer, sorted by start then id (rowOrder); titles and places are stored once each. */
export function encodeColumnar(input: ColumnarInput): ArrayBuffer {
  const n = input.count;
  const order = rowOrder(input);
  let originDay = 0;
  for (let i = 0; i < n; i++) originDay = i === 0 ? input.start[i] : Math.min(originDay, input.start[i]);

  // Strings go to one growing UTF-8 buffer; titles and places repeat and are stored once, ids are unique by contract.
  const encoder = new TextEncoder();
  let text = new Uint8Array(1 << 16);
  let textBytes = 0;
  const offsets: number[] = [0];
  const append = (str: string): number => {
    if (text.length - textBytes < 3 * str.length) {
      const grown = new Uint8Array(Math.max(2 * text.length, textBytes + 3 * str.length));
      grown.set(text.subarray(0, textBytes));
      text = grown;
    }
    textBytes += encoder.encodeInto(str, text.subarray(textBytes)).written;
    offsets.push(textBytes);
    return offsets.length - 2;
  };
  const shared = new Map<string, number>();
  const appendOnce = (str: string): number => {
    let k = shared.get(str);
    if (k === undefined) shared.set(str, (k = append(str)));
    return k;
  };
  const titleIdx = new Uint32Array(n);
  const idIdx = new Uint32Array(n);
  const placeIdx = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    titleIdx[k] = appendOnce(input.title[order[k]]);
    idIdx[k] = append(input.id[order[k]]);
    placeIdx[k] = appendOnce(input.place[order[k]]);
  }
  const s = offsets.length - 1;
  const total = COLUMNAR_HEADER_BYTES + BYTES_PER_EVENT * n + 4 * (s + 1) + textBytes;
  if (total > 0xffffffff) throw new ColumnarFormatError(`columnar: ${total} bytes exceed the 4 GiB limit of format v${COLUMNAR_VERSION}`);

  const buffer = new ArrayBuffer(total);
  const header = new DataView(buffer, 0, COLUMNAR_HEADER_BYTES);
  header.setUint32(0, COLUMNAR_MAGIC, true);
  header.setUint16(4, COLUMNAR_VERSION, true);
  header.setUint16(6, COLUMNAR_HEADER_BYTES, true);
  header.setUint32(8, n, true);
  header.setInt32(12, originDay, true);
  header.setUint32(16, s, true);
  header.setUint32(20, textBytes, true);
  header.setUint32(24, total, true);

  const cols = views(buffer, n, originDay, s, textBytes);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    cols.start[k] = input.start[i] - originDay;
    cols.end[k] = input.end[i] - originDay;
    cols.until[k] = input.until[i] === NO_UNTIL ? NO_UNTIL : input.until[i] - originDay;
    cols.position[2 * k] = input.lon[i];
    cols.position[2 * k + 1] = input.lat[i];
    cols.category[k] = input.category[i];
    cols.precision[k] = input.precision[i];
    cols.flags[k] = input.flags[i];
    cols.sourceCount[k] = input.sourceCount[i];
    cols.country[k] = input.country ? input.country[i] : NO_COUNTRY;
  }
  cols.title.set(titleIdx);
  cols.id.set(idIdx);
  cols.place.set(placeIdx);
  cols.stringOffsets.set(offsets);
  cols.text.set(text.subarray(0, textBytes));
  return buffer;
}

/** Turns contract features into encoder input. */
export function columnsOfFeatures(features: readonly EventFeature[]): ColumnarInput {
  const n = features.length;
  const country = new Uint16Array(n);
  const input: ColumnarInput = {
    count: n, start: new Int32Array(n), end: new Int32Array(n), until: new Int32Array(n),
    lon: new Float64Array(n), lat: new Float64Array(n), category: new Uint8Array(n), precision: new Uint8Array(n),
    flags: new Uint8Array(n), sourceCount: new Uint8Array(n), title: [], id: [], place: [], country,
  };
  const w = input as { [K in keyof ColumnarInput]: ColumnarInput[K] extends ArrayLike<number> ? number[] : ColumnarInput[K] };
  features.forEach((f, i) => {
    const p = f.properties;
    w.start[i] = dayOf(p.start);
    w.end[i] = dayOf(p.end);
    w.until[i] = p.persists && p.until !== null ? dayOf(p.until) : NO_UNTIL;
    w.lon[i] = f.geometry.coordinates[0];
    w.lat[i] = f.geometry.coordinates[1];
    w.category[i] = CATEGORIES.indexOf(p.category);
    w.precision[i] = PRECISIONS.indexOf(p.precision);
    w.flags[i] = (p.persists ? FLAG_PERSISTS : 0) | (p.status === 'planned' ? FLAG_PLANNED : 0)
      | (p.status === 'ongoing' ? FLAG_ONGOING : 0) | (p.dateSource === 'published' ? FLAG_DATED_BY_PUBLICATION : 0)
      | (p.place.kind === 'country' || p.place.kind === 'region' ? FLAG_AREA_PLACE : 0);
    w.sourceCount[i] = Math.min(255, p.sources.length);
    // The contract's Alpha2 already; checked again because a code out of range would make the whole file unreadable.
    country[i] = p.place.country && /^[A-Z]{2}$/.test(p.place.country) ? codeOfAlpha2(p.place.country) : NO_COUNTRY;
    (input.title as string[]).push(p.title);
    (input.id as string[]).push(f.id);
    (input.place as string[]).push(p.place.name);
  });
  return input;
}

export function encodeFeatures(features: readonly EventFeature[]): ArrayBuffer {
  return encodeColumnar(columnsOfFeatures(features));
}

function views(buffer: ArrayBuffer, n: number, originDay: number, s: number, textBytes: number, version = COLUMNAR_VERSION): ColumnarEvents {
  let at = COLUMNAR_HEADER_BYTES;
  const take = <T>(make: (offset: number) => T, bytes: number): T => {
    const view = make(at);
    at += bytes;
    return view;
  };
  return {
    buffer, count: n, originDay,
    start: take((o) => new Int32Array(buffer, o, n), 4 * n),
    end: take((o) => new Int32Array(buffer, o, n), 4 * n),
    until: take((o) => new Int32Array(buffer, o, n), 4 * n),
    position: take((o) => new Float32Array(buffer, o, 2 * n), 8 * n),
    title: take((o) => new Uint32Array(buffer, o, n), 4 * n),
    id: take((o) => new Uint32Array(buffer, o, n), 4 * n),
    place: take((o) => new Uint32Array(buffer, o, n), 4 * n),
    stringOffsets: take((o) => new Uint32Array(buffer, o, s + 1), 4 * (s + 1)),
    // After the 4-byte sections, so it starts on a multiple of 4 and the 1-byte ones need no alignment.
    country: version === COLUMNAR_VERSION_WITHOUT_COUNTRY ? new Uint16Array(n).fill(NO_COUNTRY) : take((o) => new Uint16Array(buffer, o, n), 2 * n),
    category: take((o) => new Uint8Array(buffer, o, n), n),
    precision: take((o) => new Uint8Array(buffer, o, n), n),
    flags: take((o) => new Uint8Array(buffer, o, n), n),
    sourceCount: take((o) => new Uint8Array(buffer, o, n), n),
    text: take((o) => new Uint8Array(buffer, o, textBytes), textBytes),
  };
}

function fail(message: string): never {
  throw new ColumnarFormatError(`columnar: ${message}`);
}

export interface DecodeOptions {
  /** Check every column (sortedness, enums, string indexes): O(n), a few ms per million; off for a buffer already checked in a worker. */
  validate: boolean;
}
export const DECODE_DEFAULTS: DecodeOptions = { validate: true };

/**
 * The event count in the first COLUMNAR_HEADER_BYTES of a columnar file, or null when they are not a header this
 * reader knows (too short, another magic or version): then decodeColumnar on the whole file says what is wrong.
 */
export function headerCount(bytes: Uint8Array): number | null {
  if (bytes.byteLength < COLUMNAR_HEADER_BYTES) return null;
  const header = new DataView(bytes.buffer, bytes.byteOffset, COLUMNAR_HEADER_BYTES);
  const version = header.getUint16(4, true);
  if (header.getUint32(0, true) !== COLUMNAR_MAGIC || (version !== COLUMNAR_VERSION && version !== COLUMNAR_VERSION_WITHOUT_COUNTRY)) return null;
  return header.getUint32(8, true);
}

/** Reads a buffer written by encodeColumnar; throws ColumnarFormatError naming what is wrong. */
export function decodeColumnar(buffer: ArrayBuffer, options: DecodeOptions = DECODE_DEFAULTS): ColumnarEvents {
  if (!LITTLE_ENDIAN) fail('this reader needs a little-endian platform');
  if (buffer.byteLength < COLUMNAR_HEADER_BYTES) fail(`truncated: ${buffer.byteLength} bytes, less than the ${COLUMNAR_HEADER_BYTES}-byte header`);
  const header = new DataView(buffer, 0, COLUMNAR_HEADER_BYTES);
  if (header.getUint32(0, true) !== COLUMNAR_MAGIC) fail('not a Flankline columnar file (magic FLKC missing)');
  const version = header.getUint16(4, true);
  if (version !== COLUMNAR_VERSION && version !== COLUMNAR_VERSION_WITHOUT_COUNTRY) {
    fail(`unsupported version ${version} (this reader knows versions ${COLUMNAR_VERSION_WITHOUT_COUNTRY} and ${COLUMNAR_VERSION}); ${REGENERATE}`);
  }
  if (header.getUint16(6, true) !== COLUMNAR_HEADER_BYTES) fail(`corrupt header: header size ${header.getUint16(6, true)}, expected ${COLUMNAR_HEADER_BYTES}`);
  const n = header.getUint32(8, true);
  const originDay = header.getInt32(12, true);
  const s = header.getUint32(16, true);
  const textBytes = header.getUint32(20, true);
  const total = header.getUint32(24, true);
  if (buffer.byteLength < total) fail(`truncated: header says ${total} bytes, got ${buffer.byteLength}`);
  if (buffer.byteLength > total) fail(`corrupt: ${buffer.byteLength - total} bytes after the end the header gives (${total})`);
  const expected = COLUMNAR_HEADER_BYTES + bytesPerEvent(version) * n + 4 * (s + 1) + textBytes;
  if (expected !== total) fail(`corrupt header: ${n} events and ${s} strings need ${expected} bytes, header says ${total}`);
  const cols = views(buffer, n, originDay, s, textBytes, version);
  if (options.validate) validate(cols);
  return cols;
}

/**
 * The days a row may name: those of the data contract, 0001-01-01 to 9999-12-31. Beyond them a date has no
 * YYYY-MM-DD form, and a value near 2^31 would size arrays and Dates past what the app can make.
 */
export const FIRST_DAY = dayOf('0001-01-01');
export const LAST_DAY = dayOf('9999-12-31');

function validate(c: ColumnarEvents): void {
  const s = c.stringOffsets.length - 1;
  const inRange = (day: number) => day >= FIRST_DAY && day <= LAST_DAY;
  if (c.stringOffsets[0] !== 0 || c.stringOffsets[s] !== c.text.length) fail('corrupt string table: offsets do not span the text');
  for (let k = 0; k < s; k++) {
    if (c.stringOffsets[k] > c.stringOffsets[k + 1]) fail(`corrupt string table: offset ${k + 1} goes backwards`);
  }
  for (let i = 0; i < c.count; i++) {
    if (i > 0 && c.start[i] < c.start[i - 1]) fail(`corrupt: event ${i} starts before event ${i - 1} (events must be sorted by start)`);
    if (c.end[i] < c.start[i]) fail(`corrupt: event ${i} ends before it starts`);
    if (!inRange(c.originDay + c.start[i]) || !inRange(c.originDay + c.end[i])) {
      fail(`corrupt: event ${i} has a date outside 0001-01-01..9999-12-31 (origin day ${c.originDay}, days ${c.start[i]}..${c.end[i]})`);
    }
    if (c.category[i] >= CATEGORIES.length) fail(`corrupt: event ${i} has category ${c.category[i]} (0..${CATEGORIES.length - 1})`);
    if (c.precision[i] >= PRECISIONS.length) fail(`corrupt: event ${i} has precision ${c.precision[i]} (0..${PRECISIONS.length - 1})`);
    if ((c.flags[i] & ~KNOWN_FLAGS) !== 0) fail(`corrupt: event ${i} has unknown flags ${c.flags[i]}`);
    if (c.until[i] !== NO_UNTIL && (!(c.flags[i] & FLAG_PERSISTS) || c.until[i] < c.start[i] || !inRange(c.originDay + c.until[i]))) {
      fail(`corrupt: event ${i} has an until that does not fit (not persisting, before its start, or after 9999-12-31)`);
    }
    if (c.title[i] >= s || c.id[i] >= s || c.place[i] >= s) fail(`corrupt: event ${i} points outside the string table`);
    if (c.country[i] >= COUNTRY_CODES && c.country[i] !== NO_COUNTRY) fail(`corrupt: event ${i} has country code ${c.country[i]} (0..${COUNTRY_CODES - 1} or ${NO_COUNTRY})`);
    const lon = c.position[2 * i];
    const lat = c.position[2 * i + 1];
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) fail(`corrupt: event ${i} has position ${lon}, ${lat}`);
  }
}

// Not fatal: a bad byte in one title shows as U+FFFD in that title, rather than stopping the app where it is shown.
const decoder = new TextDecoder('utf-8');

/** String k of the table (titles and ids), decoded on demand so a million titles cost nothing until shown. */
export function stringAt(c: ColumnarEvents, k: number): string {
  return decoder.decode(c.text.subarray(c.stringOffsets[k], c.stringOffsets[k + 1]));
}

export function eventAt(c: ColumnarEvents, i: number): ColumnarEventRecord {
  const persists = (c.flags[i] & FLAG_PERSISTS) !== 0;
  return {
    id: stringAt(c, c.id[i]),
    title: stringAt(c, c.title[i]),
    place: stringAt(c, c.place[i]),
    country: c.country[i] === NO_COUNTRY ? null : alpha2OfCode(c.country[i]),
    category: CATEGORIES[c.category[i]],
    start: isoOf(c.originDay + c.start[i]),
    end: isoOf(c.originDay + c.end[i]),
    precision: PRECISIONS[c.precision[i]],
    persists,
    until: c.until[i] === NO_UNTIL ? null : isoOf(c.originDay + c.until[i]),
    lon: c.position[2 * i],
    lat: c.position[2 * i + 1],
    sourceCount: c.sourceCount[i],
    status: c.flags[i] & FLAG_PLANNED ? 'planned' : c.flags[i] & FLAG_ONGOING ? 'ongoing' : 'happened',
    datedByPublication: (c.flags[i] & FLAG_DATED_BY_PUBLICATION) !== 0,
    areaPlace: (c.flags[i] & FLAG_AREA_PLACE) !== 0,
  };
}
