// The container of the compact tables that go beside events.bin (docs/columnar-format.md, "Companion tables"):
// a 32-byte header, the byte length of each section, then the sections, each starting on a multiple of 4 so that
// they decode to typed-array views without copying. Which sections a kind has, and their types, is the kind's own
// module (posture-table.ts, text-table.ts); this one only writes and reads the frame and checks it against the bin.
//
//   0  magic     u32  'FLKT'                 16 sections  u32  k
//   4  version   u16  1                      20 total     u32  byte length of the whole file
//   6  kind      u16  1 posture, 2 text      24 reserved  u32  0
//   8  count     u32  rows of events.bin     28 reserved  u32  0
//   12 binBytes  u32  events.bin's length    32 lengths   u32[k], then the sections (zero-padded to 4 bytes)

export const TABLE_MAGIC = 0x544b4c46; // 'FLKT' read as a little-endian u32
export const TABLE_VERSION = 1;
export const TABLE_HEADER_BYTES = 32;
export const TABLE_KINDS = { posture: 1, text: 2 } as const;
export type TableKind = keyof typeof TABLE_KINDS;

export class TableFormatError extends Error {
  override name = 'TableFormatError';
}

/** Which events.bin a table belongs to: its row count and byte length (both in its header). */
export interface BinIdentity {
  count: number;
  totalBytes: number;
}

export type Section = Uint8Array | Uint16Array | Uint32Array;
type SectionType = 'u8' | 'u16' | 'u32';
const BYTES: Record<SectionType, number> = { u8: 1, u16: 2, u32: 4 };

const padded = (bytes: number) => (bytes + 3) & ~3;

/** One file of a kind: the sections in the kind's order. */
export function encodeTable(kind: TableKind, bin: BinIdentity, sections: readonly Section[]): ArrayBuffer {
  const directory = TABLE_HEADER_BYTES + 4 * sections.length;
  const total = sections.reduce((at, s) => at + padded(s.byteLength), directory);
  const buffer = new ArrayBuffer(total);
  const header = new DataView(buffer);
  header.setUint32(0, TABLE_MAGIC, true);
  header.setUint16(4, TABLE_VERSION, true);
  header.setUint16(6, TABLE_KINDS[kind], true);
  header.setUint32(8, bin.count, true);
  header.setUint32(12, bin.totalBytes, true);
  header.setUint32(16, sections.length, true);
  header.setUint32(20, total, true);
  let at = directory;
  sections.forEach((s, k) => {
    header.setUint32(TABLE_HEADER_BYTES + 4 * k, s.byteLength, true);
    new Uint8Array(buffer, at, s.byteLength).set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength));
    at += padded(s.byteLength);
  });
  return buffer;
}

/**
 * The sections of a file of `kind`, as views of the given types; throws TableFormatError naming what is wrong
 * (`label` is the file as a reader knows it, e.g. "events.posture.bin"). With `bin`, the table must belong to it.
 */
export function decodeTable(
  buffer: ArrayBuffer,
  kind: TableKind,
  types: readonly SectionType[],
  label: string,
  bin?: BinIdentity,
): { count: number; sections: Section[] } {
  const fail = (message: string): never => {
    throw new TableFormatError(`${label}: ${message}`);
  };
  if (buffer.byteLength < TABLE_HEADER_BYTES)
    fail(`truncated: ${buffer.byteLength} bytes, less than the ${TABLE_HEADER_BYTES}-byte header`);
  const header = new DataView(buffer);
  if (header.getUint32(0, true) !== TABLE_MAGIC) fail('not a Flankline table (magic FLKT missing)');
  const version = header.getUint16(4, true);
  if (version !== TABLE_VERSION) fail(`unsupported version ${version} (this reader knows version ${TABLE_VERSION})`);
  if (header.getUint16(6, true) !== TABLE_KINDS[kind]) fail(`not a ${kind} table (kind ${header.getUint16(6, true)})`);
  const count = header.getUint32(8, true);
  const total = header.getUint32(20, true);
  if (buffer.byteLength !== total)
    fail(`${buffer.byteLength < total ? 'truncated' : 'corrupt'}: header says ${total} bytes, got ${buffer.byteLength}`);
  if (bin && (count !== bin.count || header.getUint32(12, true) !== bin.totalBytes)) {
    fail(
      `belongs to another events.bin (${count} rows, ${header.getUint32(12, true)} bytes; events.bin has ${bin.count} rows, ${bin.totalBytes} bytes)`,
    );
  }
  if (header.getUint32(16, true) !== types.length) fail(`corrupt header: ${header.getUint32(16, true)} sections, expected ${types.length}`);
  let at = TABLE_HEADER_BYTES + 4 * types.length;
  const sections = types.map((type, k) => {
    const bytes = header.getUint32(TABLE_HEADER_BYTES + 4 * k, true);
    if (bytes % BYTES[type] !== 0 || at + bytes > total) fail(`corrupt: section ${k} (${bytes} bytes) does not fit`);
    const length = bytes / BYTES[type];
    const view =
      type === 'u8'
        ? new Uint8Array(buffer, at, length)
        : type === 'u16'
          ? new Uint16Array(buffer, at, length)
          : new Uint32Array(buffer, at, length);
    at += padded(bytes);
    return view;
  });
  if (at !== total) fail(`corrupt: sections end at byte ${at}, the header says ${total}`);
  return { count, sections };
}

/** Checks that `offsets` (length rows + 1) run from 0 to `length` without going backwards. */
export function checkOffsets(offsets: Uint32Array, length: number, what: string, fail: (message: string) => never): void {
  if (offsets.length === 0 || offsets[0] !== 0 || offsets[offsets.length - 1] !== length)
    fail(`corrupt ${what}: offsets do not span the values`);
  for (let k = 1; k < offsets.length; k++) if (offsets[k] < offsets[k - 1]) fail(`corrupt ${what}: offset ${k} goes backwards`);
}
