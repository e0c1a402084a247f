import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  COLUMNAR_HEADER_BYTES, COLUMNAR_VERSION, ColumnarFormatError, decodeColumnar, encodeColumnar, encodeFeatures, eventAt, NO_COUNTRY, NO_UNTIL,
  stringAt,
} from '../../src/model/columnar.ts';
import { synthesize } from '../../scripts/synth-events.ts';
import type { EventFeature } from '../../src/model/index.ts';

function features(n: number, seed = 3): EventFeature[] {
  const s = synthesize({ events: n, seed });
  return Array.from({ length: n }, (_, i) => s.featureAt(i));
}

function sortedLikeEncoder(list: EventFeature[]): EventFeature[] {
  return [...list].sort((a, b) => (a.properties.start < b.properties.start ? -1 : a.properties.start > b.properties.start ? 1
    : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function expectSameEvents(buffer: ArrayBuffer, list: EventFeature[]): void {
  const decoded = decodeColumnar(buffer);
  const expected = sortedLikeEncoder(list);
  expect(decoded.count).toBe(expected.length);
  expected.forEach((f, i) => {
    const e = eventAt(decoded, i);
    const p = f.properties;
    expect({ ...e, lon: undefined, lat: undefined }).toEqual({
      id: f.id, title: p.title, place: p.place.name, country: p.place.country, category: p.category, start: p.start, end: p.end, precision: p.precision,
      persists: p.persists, until: p.persists ? p.until : null, sourceCount: p.sources.length, lon: undefined, lat: undefined,
      status: p.status ?? 'happened', datedByPublication: p.dateSource === 'published',
      areaPlace: p.place.kind === 'country' || p.place.kind === 'region',
    });
    expect(e.lon).toBeCloseTo(f.geometry.coordinates[0], 4);
    expect(e.lat).toBeCloseTo(f.geometry.coordinates[1], 4);
  });
}

/** 50 encoded events with `edit` applied to the buffer (n = 50). */
function corrupted(edit: (b: ArrayBuffer, n: number) => void): ArrayBuffer {
  const buffer = encodeFeatures(features(50));
  edit(buffer, 50);
  return buffer;
}

describe('columnar format', () => {
  it('encodeFeatures() then decodeColumnar() gives back every event, sorted by start then id', () => {
    const list = features(3000);
    expectSameEvents(encodeFeatures(list), list);
  });

  it('encodeFeatures() round-trips any shuffle of the events, unicode titles and a persisting state that ended', () => {
    const base = features(40, 11);
    base[0].properties.title = 'Drone over Rzeszów — “Ādaži” 東京 🚁';
    Object.assign(base[1].properties, { category: 'deployment', persists: true, until: '2030-01-01' });
    fc.assert(fc.property(fc.shuffledSubarray(base, { minLength: 0, maxLength: base.length }), (subset) => {
      expectSameEvents(encodeFeatures(subset), subset);
    }), { numRuns: 40 });
  });

  it('encodeFeatures() keeps a planned or ongoing status and a date taken from the publication in the flags', () => {
    const list = features(6, 7);
    Object.assign(list[0].properties, { status: 'planned', dateSource: 'sentence' });
    Object.assign(list[1].properties, { status: 'ongoing', dateSource: 'published' });
    Object.assign(list[2].properties, { status: 'happened', dateSource: 'published' });
    for (const f of list.slice(3)) { delete f.properties.status; delete f.properties.dateSource; }
    expectSameEvents(encodeFeatures(list), list);
    const decoded = decodeColumnar(encodeFeatures(list));
    const byId = new Map(Array.from({ length: decoded.count }, (_, i) => [eventAt(decoded, i).id, eventAt(decoded, i)]));
    expect(byId.get(list[0].id)).toMatchObject({ status: 'planned', datedByPublication: false });
    expect(byId.get(list[1].id)).toMatchObject({ status: 'ongoing', datedByPublication: true });
    expect(byId.get(list[3].id)).toMatchObject({ status: 'happened', datedByPublication: false });
  });

  it('encodeFeatures() marks a place that is a whole country or region (drawn as an area), not a city or site', () => {
    const list = features(4, 3);
    const kinds = ['country', 'region', 'city', 'site'] as const;
    list.forEach((f, i) => { f.properties.place = { ...f.properties.place, kind: kinds[i] }; });
    const decoded = decodeColumnar(encodeFeatures(list));
    const area = new Map(Array.from({ length: decoded.count }, (_, i) => [eventAt(decoded, i).id, eventAt(decoded, i).areaPlace]));
    expect(list.map((f) => area.get(f.id))).toEqual([true, true, false, false]);
  });

  it('encodeColumnar() stores days relative to the earliest start and marks open states with NO_UNTIL', () => {
    const list = features(500, 5);
    const decoded = decodeColumnar(encodeFeatures(list));
    expect(decoded.start[0]).toBe(0);
    const open = sortedLikeEncoder(list).findIndex((f) => f.properties.persists && f.properties.until === null);
    expect(open).toBeGreaterThanOrEqual(0);
    expect(decoded.until[open]).toBe(NO_UNTIL);
  });

  it('encodeColumnar() writes the documented header: magic FLKC, version 3, count, total length 32 + 42n + 4(s+1) + b', () => {
    const buffer = encodeFeatures(features(10));
    const view = new DataView(buffer);
    expect(new TextDecoder().decode(new Uint8Array(buffer, 0, 4))).toBe('FLKC');
    expect(COLUMNAR_VERSION).toBe(3);
    expect(view.getUint16(4, true)).toBe(3);
    expect(view.getUint16(6, true)).toBe(COLUMNAR_HEADER_BYTES);
    expect(view.getUint32(8, true)).toBe(10);
    expect(view.getUint32(24, true)).toBe(buffer.byteLength);
    const [s, b] = [view.getUint32(16, true), view.getUint32(20, true)];
    expect(buffer.byteLength).toBe(32 + 42 * 10 + 4 * (s + 1) + b);
  });

  it('encodeFeatures() keeps each place\'s country in the country column of version 3, NO_COUNTRY for a place without one', () => {
    const list = features(30, 8);
    list[0].properties.place = { name: 'the Baltic Sea', kind: 'region', country: null, gazetteer: 'curated' };
    const decoded = decodeColumnar(encodeFeatures(list));
    const byId = new Map(Array.from({ length: decoded.count }, (_, i) => [eventAt(decoded, i).id, i]));
    expect(decoded.country[byId.get(list[0].id)!]).toBe(NO_COUNTRY);
    expect(eventAt(decoded, byId.get(list[0].id)!).country).toBeNull();
    for (const f of list.slice(1)) expect(eventAt(decoded, byId.get(f.id)!).country).toBe(f.properties.place.country);
    // The 2-byte column starts on a multiple of 4, after the 4-byte sections.
    expect(decoded.country.byteOffset % 4).toBe(0);
  });

  it('decodeColumnar() still reads a version 2 file (no country column): every row has NO_COUNTRY', () => {
    const v3 = encodeFeatures(features(12, 9));
    const cols = decodeColumnar(v3);
    const n = cols.count;
    const at = cols.country.byteOffset;
    const v2 = new Uint8Array(v3.byteLength - 2 * n);
    v2.set(new Uint8Array(v3, 0, at));
    v2.set(new Uint8Array(v3, at + 2 * n), at);
    const header = new DataView(v2.buffer);
    header.setUint16(4, 2, true);
    header.setUint32(24, v2.byteLength, true);
    const old = decodeColumnar(v2.buffer);
    expect(Array.from(old.country)).toEqual(new Array(n).fill(NO_COUNTRY));
    for (let i = 0; i < n; i++) expect({ ...eventAt(old, i), country: 'same' }).toEqual({ ...eventAt(cols, i), country: 'same' });
  });

  it('encodeColumnar() stores each place name once and points every row at it (the place column of version 2)', () => {
    const list = features(2000, 4);
    const decoded = decodeColumnar(encodeFeatures(list));
    const places = new Set(list.map((f) => f.properties.place.name));
    expect(new Set(decoded.place).size).toBe(places.size);
    const sorted = sortedLikeEncoder(list);
    for (let i = 0; i < decoded.count; i += 37) expect(stringAt(decoded, decoded.place[i])).toBe(sorted[i].properties.place.name);
    // a place named like another event's title shares that title's string
    const [a, b] = features(2, 4);
    a.properties.place.name = b.properties.title;
    const both = decodeColumnar(encodeFeatures([a, b]));
    const rowOf = (id: string) => [0, 1].find((r) => eventAt(both, r).id === id)!;
    expect(both.place[rowOf(a.id)]).toBe(both.title[rowOf(b.id)]);
  });

  it('encodeColumnar() handles an empty set', () => {
    const buffer = encodeColumnar(synthesize({ events: 0 }).columns());
    expect(decodeColumnar(buffer).count).toBe(0);
  });

  it('decodeColumnar() rejects a file that is not columnar', () => {
    const buffer = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}').buffer as ArrayBuffer;
    expect(() => decodeColumnar(buffer)).toThrow(/not a Flankline columnar file/);
  });

  it('decodeColumnar() rejects a newer version with a message naming both versions and what to do', () => {
    const buffer = encodeFeatures(features(5));
    new DataView(buffer).setUint16(4, 4, true);
    expect(() => decodeColumnar(buffer)).toThrow(/unsupported version 4 \(this reader knows versions 2 and 3\); regenerate it with the pipeline \(npm run geocode\) or npm run synth/);
  });

  it('decodeColumnar() refuses a version 1 file (written before the place column) and says to regenerate it', () => {
    // A version 1 file as its writer laid it out: 36 bytes a row, no place column.
    const list = sortedLikeEncoder(features(3, 2));
    const strings = list.flatMap((f) => [f.properties.title, f.id]);
    const text = new TextEncoder().encode(strings.join(''));
    const n = list.length;
    const total = 32 + 36 * n + 4 * (strings.length + 1) + text.length;
    const v1 = new ArrayBuffer(total);
    const view = new DataView(v1);
    view.setUint32(0, 0x434b4c46, true);
    view.setUint16(4, 1, true);
    view.setUint16(6, 32, true);
    view.setUint32(8, n, true);
    view.setUint32(16, strings.length, true);
    view.setUint32(20, text.length, true);
    view.setUint32(24, total, true);
    new Uint8Array(v1, total - text.length).set(text);
    expect(() => decodeColumnar(v1)).toThrow(ColumnarFormatError);
    expect(() => decodeColumnar(v1)).toThrow(/unsupported version 1 \(this reader knows versions 2 and 3\); regenerate it with the pipeline \(npm run geocode\) or npm run synth/);
  });

  it('decodeColumnar() reports a truncated buffer, whether cut in the header or in the columns', () => {
    const buffer = encodeFeatures(features(50));
    expect(() => decodeColumnar(buffer.slice(0, 20))).toThrow(ColumnarFormatError);
    expect(() => decodeColumnar(buffer.slice(0, 20))).toThrow(/truncated: 20 bytes/);
    expect(() => decodeColumnar(buffer.slice(0, buffer.byteLength - 7))).toThrow(/truncated: header says \d+ bytes, got \d+/);
  });

  it('decodeColumnar() reports a header whose counts do not match its length', () => {
    const buffer = encodeFeatures(features(50));
    new DataView(buffer).setUint32(8, 51, true);
    expect(() => decodeColumnar(buffer)).toThrow(/corrupt header: 51 events/);
  });

  it('decodeColumnar() reports corrupt columns: unsorted starts, unknown categories, string indexes out of range', () => {
    const corrupt = corrupted;
    const h = COLUMNAR_HEADER_BYTES;
    expect(() => decodeColumnar(corrupt((b) => { const start = new Int32Array(b, h, 50); start[0] = start[1] + 1; }))).toThrow(/event 1 starts before event 0/);
    expect(() => decodeColumnar(corrupt((b, n) => {
      const s = new DataView(b).getUint32(16, true);
      new Uint8Array(b, h + 34 * n + 4 * (s + 1), n)[3] = 200;
    }))).toThrow(/event 3 has category 200/);
    expect(() => decodeColumnar(corrupt((b, n) => {
      const s = new DataView(b).getUint32(16, true);
      new Uint16Array(b, h + 32 * n + 4 * (s + 1), n)[5] = 700;
    }))).toThrow(/event 5 has country code 700/);
    expect(() => decodeColumnar(corrupt((b, n) => { new Uint32Array(b, h + 24 * n, n)[7] = 1e9; }))).toThrow(/event 7 points outside the string table/);
    expect(() => decodeColumnar(corrupt((b, n) => { new Uint32Array(b, h + 28 * n, n)[9] = 1e9; }))).toThrow(/event 9 points outside the string table/);
  });

  it('decodeColumnar() refuses dates the app cannot show: days near 2^31, an origin near -2^31, year 12000 (issue 12)', () => {
    const edited = corrupted;
    const h = COLUMNAR_HEADER_BYTES;
    const outside = /has a date outside 0001-01-01\.\.9999-12-31/;
    // The last row's start and end near 2^31: still sorted, still end >= start.
    expect(() => decodeColumnar(edited((b, n) => {
      new Int32Array(b, h, n)[n - 1] = 2 ** 31 - 10;
      new Int32Array(b, h + 4 * n, n)[n - 1] = 2 ** 31 - 2;
    }))).toThrow(outside);
    expect(() => decodeColumnar(edited((b) => { new DataView(b).setInt32(12, -(2 ** 31) + 5, true); }))).toThrow(outside);
    expect(() => decodeColumnar(edited((b) => { new DataView(b).setInt32(12, Date.UTC(12000, 0, 1) / 86_400_000, true); }))).toThrow(outside);
    expect(() => decodeColumnar(edited((b, n) => {
      const flags = new Uint8Array(b, h + 36 * n + 4 * (new DataView(b).getUint32(16, true) + 1), n);
      const row = flags.findIndex((f) => f === 1);
      new Int32Array(b, h + 8 * n, n)[row] = 2 ** 31 - 100;
    }))).toThrow(/until that does not fit/);
  });

  it('stringAt() decodes a bad UTF-8 byte as U+FFFD instead of throwing where the string is shown', () => {
    const buffer = encodeFeatures(features(5));
    const cols = decodeColumnar(buffer);
    cols.text[cols.stringOffsets[cols.title[0]]] = 0xff;
    expect(stringAt(cols, cols.title[0]).startsWith('\ufffd')).toBe(true);
  });
});
