// The text table beside events.bin (docs/columnar-format.md, "Companion tables"): every event's source excerpts,
// each distinct excerpt stored once, so the app can search excerpts at any size without the full features.
//
//   refOffsets     Uint32[n+1]  excerpts of row i: refs[refOffsets[i] .. refOffsets[i+1])
//   refs           Uint32[r]    string indexes, each once per row
//   stringOffsets  Uint32[s+1]  string k is text[stringOffsets[k] .. stringOffsets[k+1])
//   text           Uint8[b]     UTF-8
import type { EventFeature } from './event.ts';
import { checkOffsets, decodeTable, encodeTable, TableFormatError, type BinIdentity } from './table-file.ts';

export interface TextTable {
  readonly refOffsets: Uint32Array;
  readonly refs: Uint32Array;
  readonly stringOffsets: Uint32Array;
  readonly text: Uint8Array;
}

/** The text table of `count` rows, given the feature of each row in the bin's order (one pass, any size). */
export function textsOfRows(count: number, featureOfRow: (row: number) => EventFeature): TextTable {
  const encoder = new TextEncoder();
  const index = new Map<string, number>();
  const chunks: Uint8Array[] = [];
  const stringOffsets: number[] = [0];
  const refOffsets = new Uint32Array(count + 1);
  const refs: number[] = [];
  for (let row = 0; row < count; row++) {
    const own = new Set<number>();
    for (const source of featureOfRow(row).properties.sources) {
      let k = index.get(source.excerpt);
      if (k === undefined) {
        k = index.size;
        index.set(source.excerpt, k);
        const bytes = encoder.encode(source.excerpt);
        chunks.push(bytes);
        stringOffsets.push(stringOffsets[stringOffsets.length - 1] + bytes.length);
      }
      own.add(k);
    }
    refs.push(...own);
    refOffsets[row + 1] = refs.length;
  }
  const text = new Uint8Array(stringOffsets[stringOffsets.length - 1]);
  let at = 0;
  for (const c of chunks) {
    text.set(c, at);
    at += c.length;
  }
  return { refOffsets, refs: Uint32Array.from(refs), stringOffsets: Uint32Array.from(stringOffsets), text };
}

/** The text table of features already in the bin's row order. */
export function textsOfFeatures(rows: readonly EventFeature[]): TextTable {
  return textsOfRows(rows.length, (row) => rows[row]);
}

export function encodeTexts(table: TextTable, bin: BinIdentity): ArrayBuffer {
  return encodeTable('text', bin, [table.refOffsets, table.refs, table.stringOffsets, table.text]);
}

/** Reads a text file; throws TableFormatError naming `label` and the problem. With `bin` it must belong to it. */
export function decodeTexts(buffer: ArrayBuffer, label: string, bin?: BinIdentity): TextTable {
  const { count, sections } = decodeTable(buffer, 'text', ['u32', 'u32', 'u32', 'u8'], label, bin);
  const [refOffsets, refs, stringOffsets, text] = sections as [Uint32Array, Uint32Array, Uint32Array, Uint8Array];
  const fail = (message: string): never => {
    throw new TableFormatError(`${label}: ${message}`);
  };
  if (refOffsets.length !== count + 1) fail(`corrupt: ${refOffsets.length - 1} rows of excerpts, events.bin has ${count}`);
  checkOffsets(refOffsets, refs.length, 'excerpt references', fail);
  checkOffsets(stringOffsets, text.length, 'string table', fail);
  const strings = stringOffsets.length - 1;
  for (let k = 0; k < refs.length; k++) if (refs[k] >= strings) fail(`corrupt: reference ${k} points outside the string table`);
  return { refOffsets, refs, stringOffsets, text };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The number of distinct excerpts. */
export const textCount = (t: TextTable) => t.stringOffsets.length - 1;

/** Excerpt k, decoded on demand. */
export function textAt(t: TextTable, k: number): string {
  return decoder.decode(t.text.subarray(t.stringOffsets[k], t.stringOffsets[k + 1]));
}
