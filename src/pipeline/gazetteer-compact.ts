// The gazetteer as one flat buffer: every column a typed array, every text column one table of UTF-16 code units.
// Parsed JSON held 208,048 entries as about a million small strings and split buckets (50-60 MB of heap in every
// thread that loaded it, and a 200 MB peak while parsing); this buffer is about 30 MB, outside the heap, read by
// bisection without being unpacked, and on a SharedArrayBuffer one copy serves every worker thread.
// encodeGazetteer builds it from the JSON index (scripts/gazetteer-load.ts saves it beside the JSON); openGazetteer
// reads it. Pure: no I/O.
//
//   bytes 0..4      magic 'FLGZ'
//   bytes 4..8      COMPACT_FORMAT
//   bytes 8..12     length L of the header (UTF-8 JSON: CompactHeader)
//   bytes 12..12+L  the header
//   then            the sections the header lists, each at an offset that is a multiple of 8
//
// A string table is two sections: `<name>.offsets` (Uint32, one more than its strings, in bytes) and `<name>.chars`
// (bytes): each UTF-16 code unit in one to three bytes, as UTF-8 writes a character of the same value (ids and most
// names are ASCII: 9 MB less than two bytes a unit). Units, not characters, so a lone surrogate is kept and the bytes
// compare as the units do. Sorted tables (name keys, common words, given names) are in UTF-16 code unit order, as
// JavaScript compares strings.
import { GAZETTEER_DEFAULTS, gazetteerOver, type Gazetteer, type GazetteerColumns, type GazetteerData, type GazetteerOptions } from './gazetteer.ts';

/** Bump when the layout changes: a saved buffer of another format is rebuilt from the JSON. */
export const COMPACT_FORMAT = 2;
const MAGIC = 0x5a474c46; // 'FLGZ' little-endian

type SectionType = 'u8' | 'u16' | 'u32' | 'f64';
const ARRAY_OF = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, f64: Float64Array } as const;

/** What the header says beside the sections: the small parts of the index, kept as they are in the JSON. */
export interface CompactHeader {
  format: number;
  /** The index's own format (GAZETTEER_FORMAT) and where it was built from, so a stale buffer can be told apart. */
  indexFormat: number;
  source: Record<string, unknown>;
  size: number;
  /** Distinct feature codes and admin1 codes: the columns hold an index into these lists. */
  featureCodes: string[];
  admin1: string[];
  regionCountries: GazetteerData['regionCountries'];
  extents: GazetteerData['extents'];
  abbreviations: GazetteerData['abbreviations'];
  borders: GazetteerData['borders'];
  pointConventions: GazetteerData['pointConventions'];
  /** Section name -> [byte offset, element count, element type]. */
  sections: Record<string, [number, number, SectionType]>;
}

const compareUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A column of strings with few distinct values, as indices into the list of those values. */
function dictionary(values: string[], what: string): { list: string[]; codes: Uint16Array } {
  const list: string[] = [];
  const at = new Map<string, number>();
  const codes = new Uint16Array(values.length);
  values.forEach((v, i) => {
    let k = at.get(v);
    if (k === undefined) at.set(v, (k = list.push(v) - 1));
    if (k > 0xffff) throw new Error(`gazetteer index has more than 65,536 distinct ${what}`);
    codes[i] = k;
  });
  return { list, codes };
}

/** Bytes code unit `u` takes in a string table. */
const unitBytes = (u: number) => (u < 0x80 ? 1 : u < 0x800 ? 2 : 3);

function stringTable(strings: readonly string[]): { offsets: Uint32Array; chars: Uint8Array } {
  const offsets = new Uint32Array(strings.length + 1);
  let total = 0;
  strings.forEach((s, i) => {
    offsets[i] = total;
    for (let c = 0; c < s.length; c++) total += unitBytes(s.charCodeAt(c));
  });
  offsets[strings.length] = total;
  const chars = new Uint8Array(total);
  let at = 0;
  for (const s of strings) {
    for (let c = 0; c < s.length; c++) {
      const u = s.charCodeAt(c);
      if (u < 0x80) chars[at++] = u;
      else if (u < 0x800) {
        chars[at++] = 0xc0 | (u >> 6);
        chars[at++] = 0x80 | (u & 0x3f);
      } else {
        chars[at++] = 0xe0 | (u >> 12);
        chars[at++] = 0x80 | ((u >> 6) & 0x3f);
        chars[at++] = 0x80 | (u & 0x3f);
      }
    }
  }
  return { offsets, chars };
}

/** A name index (buckets of sorted keys, postings in base 36) as one sorted key table and one postings array. */
function keyIndex(buckets: Record<string, [string, string]>) {
  const rows: [string, number[]][] = [];
  for (const [keys, postings] of Object.values(buckets)) {
    const ks = keys.split('\n');
    const ps = postings.split(';');
    if (ks.length !== ps.length) throw new Error('gazetteer index is corrupt: keys and postings differ in length');
    for (let i = 0; i < ks.length; i++) rows.push([ks[i], ps[i].split(',').map((x) => parseInt(x, 36))]);
  }
  rows.sort((a, b) => compareUnits(a[0], b[0]));
  const starts = new Uint32Array(rows.length + 1);
  let total = 0;
  rows.forEach(([, p], i) => { starts[i] = total; total += p.length; });
  starts[rows.length] = total;
  const postings = new Uint32Array(total);
  for (let i = 0; i < rows.length; i++) postings.set(rows[i][1], starts[i]);
  return { keys: stringTable(rows.map((r) => r[0])), starts, postings };
}

/** The compact buffer for a parsed JSON index. `source` is kept in the header (the loader's staleness check). */
export function encodeGazetteer(data: GazetteerData, source: Record<string, unknown> = {}): Uint8Array {
  const ids = data.ids.split('\n');
  const n = ids.length;
  const featureCodes = dictionary(data.featureCodes.split('\n'), 'feature codes');
  const admin1 = dictionary(data.admin1.split('\n'), 'admin1 codes');
  // byId bisects ids in sorted order; a repeated id answers with its last entry, as a Map built in order would.
  const byId = new Map<string, number>();
  for (let i = 0; i < n; i++) byId.set(ids[i], i);
  const idOrder = Uint32Array.from([...byId.entries()].sort((a, b) => compareUnits(a[0], b[0])).map((e) => e[1]));
  const kinds = new Uint8Array(n);
  const countries = new Uint16Array(2 * n);
  for (let i = 0; i < n; i++) kinds[i] = data.kinds.charCodeAt(i);
  for (let i = 0; i < 2 * n; i++) countries[i] = data.countries.charCodeAt(i);
  const names = keyIndex(data.nameIndex);
  const adjectives = keyIndex(data.adjectiveIndex);
  const sections: Record<string, ArrayBufferView & ArrayLike<number>> = {
    lat: Float64Array.from(data.lat), lon: Float64Array.from(data.lon), population: Float64Array.from(data.population),
    kinds, countries, featureCodes: featureCodes.codes, admin1: admin1.codes, idOrder,
    nameStarts: names.starts, namePostings: names.postings, adjectiveStarts: adjectives.starts, adjectivePostings: adjectives.postings,
  };
  const tables: [string, { offsets: Uint32Array; chars: Uint8Array }][] = [
    ['ids', stringTable(ids)], ['names', stringTable(data.names.split('\n'))], ['nameKeys', names.keys], ['adjectiveKeys', adjectives.keys],
    ['commonWords', stringTable(data.commonWords.split('\n').sort(compareUnits))],
    ['givenNames', stringTable(data.givenNames.split('\n').sort(compareUnits))],
  ];
  for (const [name, table] of tables) {
    sections[`${name}.offsets`] = table.offsets;
    sections[`${name}.chars`] = table.chars;
  }
  const header: CompactHeader = {
    format: COMPACT_FORMAT, indexFormat: data.format, source, size: n, featureCodes: featureCodes.list, admin1: admin1.list,
    regionCountries: data.regionCountries, extents: data.extents, abbreviations: data.abbreviations, borders: data.borders,
    pointConventions: data.pointConventions, sections: {},
  };
  const typeOf = (a: ArrayBufferView): SectionType =>
    a instanceof Float64Array ? 'f64' : a instanceof Uint32Array ? 'u32' : a instanceof Uint16Array ? 'u16' : 'u8';
  // Offsets depend on the header's length, which depends on the offsets' digits: lay out with room to spare.
  const align = (x: number) => Math.ceil(x / 8) * 8;
  const draft = new TextEncoder().encode(JSON.stringify(header)).length + 64 * Object.keys(sections).length;
  let at = align(12 + draft);
  for (const [name, array] of Object.entries(sections)) {
    header.sections[name] = [at, array.length, typeOf(array)];
    at = align(at + array.byteLength);
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  if (12 + headerBytes.length > header.sections.lat[0]) throw new Error('gazetteer header outgrew its room');
  const bytes = new Uint8Array(at);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, COMPACT_FORMAT, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, 12);
  for (const [name, array] of Object.entries(sections)) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), header.sections[name][0]);
  }
  return bytes;
}

/** The header of a compact buffer, or null when the bytes are not one of this format (an old or foreign file). */
export function compactHeader(bytes: Uint8Array): CompactHeader | null {
  if (bytes.byteLength < 12) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== COMPACT_FORMAT) return null;
  const length = view.getUint32(8, true);
  if (12 + length > bytes.byteLength) return null;
  let header: CompactHeader;
  try {
    // TextDecoder refuses views of a SharedArrayBuffer: the header is copied out first.
    header = JSON.parse(new TextDecoder().decode(bytes.slice(12, 12 + length))) as CompactHeader;
  } catch {
    return null;
  }
  const size = { u8: 1, u16: 2, u32: 4, f64: 8 };
  const fits = Object.values(header.sections ?? {}).every(([offset, count, type]) => offset % 8 === 0 && offset + count * size[type] <= bytes.byteLength);
  return fits ? header : null;
}

/** Strings stored back to back (stringTable's bytes); `get` makes a JavaScript string only when asked. */
class StringTable {
  constructor(private readonly offsets: Uint32Array, private readonly chars: Uint8Array) {}

  get length(): number {
    return this.offsets.length - 1;
  }

  get(i: number): string {
    const from = this.offsets[i];
    const to = this.offsets[i + 1];
    let ascii = true;
    for (let p = from; p < to && ascii; p++) ascii = this.chars[p] < 0x80;
    // Names are short; fromCharCode takes a typed array's units directly, in chunks for safety with long ones.
    if (ascii && to - from <= 4096) return String.fromCharCode.apply(null, this.chars.subarray(from, to) as unknown as number[]);
    const units: number[] = [];
    for (let p = from; p < to;) {
      const b = this.chars[p++];
      if (b < 0x80) units.push(b);
      else if (b < 0xe0) units.push(((b & 0x1f) << 6) | (this.chars[p++] & 0x3f));
      else units.push(((b & 0x0f) << 12) | ((this.chars[p++] & 0x3f) << 6) | (this.chars[p++] & 0x3f));
    }
    let s = '';
    for (let at = 0; at < units.length; at += 4096) s += String.fromCharCode.apply(null, units.slice(at, at + 4096));
    return s;
  }

  /** String i compared with `key`, in code unit order (JavaScript's < on strings): below 0, 0 or above 0. */
  compare(i: number, key: string): number {
    const chars = this.chars;
    const to = this.offsets[i + 1];
    let p = this.offsets[i];
    let c = 0;
    while (p < to && c < key.length) {
      let u = chars[p++];
      if (u >= 0x80) u = u < 0xe0 ? ((u & 0x1f) << 6) | (chars[p++] & 0x3f) : ((u & 0x0f) << 12) | ((chars[p++] & 0x3f) << 6) | (chars[p++] & 0x3f);
      const d = u - key.charCodeAt(c++);
      if (d !== 0) return d;
    }
    return p < to ? 1 : c < key.length ? -1 : 0;
  }

  /** The first position whose string is not below `key`, in a sorted table. */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(mid, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The strings of a sorted table that start with `prefix`, or null when there are more than `limit`. */
  withPrefix(prefix: string, limit: number): string[] | null {
    // No key holds U+FFFF: every string starting with the prefix sorts below prefix + U+FFFF.
    const from = this.lowerBound(prefix);
    const to = this.lowerBound(`${prefix}\uffff`);
    if (to - from > limit) return null;
    const out: string[] = [];
    for (let i = from; i < to; i++) out.push(this.get(i));
    return out;
  }

  /** The position of `key` in a sorted table (through `order`, a permutation, when given), or -1. */
  find(key: string, order?: Uint32Array): number {
    let lo = 0;
    let hi = (order ? order.length : this.length) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.compare(order ? order[mid] : mid, key);
      if (c === 0) return order ? order[mid] : mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** The columns of a compact buffer (on an ArrayBuffer or a SharedArrayBuffer), read in place. */
export function compactColumns(bytes: Uint8Array): GazetteerColumns {
  const header = compactHeader(bytes);
  if (header === null) throw new Error('gazetteer buffer is not of this format: run npm run prepare:data');
  function section<T extends SectionType>(name: string): InstanceType<(typeof ARRAY_OF)[T]> {
    const found = header!.sections[name];
    if (!found) throw new Error(`gazetteer buffer is corrupt: no section ${name}`);
    const [offset, count, type] = found;
    return new ARRAY_OF[type](bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, count) as InstanceType<(typeof ARRAY_OF)[T]>;
  }
  const table = (name: string) => new StringTable(section<'u32'>(`${name}.offsets`), section<'u8'>(`${name}.chars`));
  const ids = table('ids');
  const names = table('names');
  const idOrder = section<'u32'>('idOrder');
  const lat = section<'f64'>('lat');
  const lon = section<'f64'>('lon');
  const population = section<'f64'>('population');
  const kinds = section<'u8'>('kinds');
  const countries = section<'u16'>('countries');
  const featureCodes = section<'u16'>('featureCodes');
  const admin1 = section<'u16'>('admin1');
  const common = table('commonWords');
  const given = table('givenNames');
  const nameKeys = table('nameKeys');
  const postingsOf = (prefix: string) => {
    const keys = table(`${prefix}Keys`);
    const starts = section<'u32'>(`${prefix}Starts`);
    const postings = section<'u32'>(`${prefix}Postings`);
    return (key: string): number[] => {
      const k = keys.find(key);
      return k < 0 ? [] : Array.from(postings.subarray(starts[k], starts[k + 1]));
    };
  };
  return {
    size: header.size,
    indexFormat: header.indexFormat,
    id: (i) => ids.get(i),
    name: (i) => names.get(i),
    kind: (i) => String.fromCharCode(kinds[i]),
    country: (i) => String.fromCharCode(countries[2 * i], countries[2 * i + 1]).trim(),
    lat: (i) => lat[i],
    lon: (i) => lon[i],
    population: (i) => population[i],
    featureCode: (i) => header.featureCodes[featureCodes[i]],
    admin1: (i) => header.admin1[admin1[i]],
    indexOf: (id) => {
      const i = ids.find(id, idOrder);
      return i < 0 ? undefined : i;
    },
    findName: postingsOf('name'),
    nameKeysWithPrefix: (prefix, limit) => nameKeys.withPrefix(prefix, limit),
    findAdjective: postingsOf('adjective'),
    isCommonWord: (w) => common.find(w) >= 0,
    isGivenName: (w) => given.find(w) >= 0,
    regionCountries: header.regionCountries,
    extents: header.extents,
    abbreviations: header.abbreviations,
    borders: header.borders,
    pointConventions: header.pointConventions,
  };
}

/** The gazetteer over a compact buffer; the bytes are read in place, never copied. */
export function openGazetteer(bytes: Uint8Array, opts: GazetteerOptions = GAZETTEER_DEFAULTS): Gazetteer {
  return gazetteerOver(compactColumns(bytes), opts);
}
