import { describe, expect, test } from 'vitest';
import { featuresInRowOrder } from '../../src/model/parts.ts';
import { decodeTexts, encodeTexts, textAt, textCount, textsOfFeatures, type TextTable } from '../../src/model/text-table.ts';
import { synthesize } from '../../scripts/synth-events.ts';

const data = synthesize({ events: 500, seed: 4 });
const FEATURES = featuresInRowOrder(Array.from({ length: data.count }, (_, i) => data.featureAt(i)));
const table = textsOfFeatures(FEATURES);
const excerptsOf = (t: TextTable, row: number) => [...t.refs.subarray(t.refOffsets[row], t.refOffsets[row + 1])].map((k) => textAt(t, k));

describe('the text table', () => {
  test('textsOfFeatures() stores each distinct excerpt once and gives every row its own, in order', () => {
    const distinct = new Set(FEATURES.flatMap((f) => f.properties.sources.map((s) => s.excerpt)));
    expect(textCount(table)).toBe(distinct.size);
    FEATURES.forEach((f, row) => {
      expect(excerptsOf(table, row)).toEqual([...new Set(f.properties.sources.map((s) => s.excerpt))]);
    });
  });

  test('encodeTexts() then decodeTexts() gives the table back; a table of another bin, or a broken one, is named', () => {
    const identity = { count: FEATURES.length, totalBytes: 12345 };
    const bytes = encodeTexts(table, identity);
    const back = decodeTexts(bytes, 'events.text.bin', identity);
    for (let row = 0; row < FEATURES.length; row += 37) expect(excerptsOf(back, row)).toEqual(excerptsOf(table, row));
    expect(() => decodeTexts(bytes, 'events.text.bin', { count: 499, totalBytes: 12345 })).toThrow(
      /^events\.text\.bin: belongs to another events\.bin/,
    );
    const broken = new Uint8Array(bytes.slice(0));
    const lengths = new DataView(broken.buffer);
    // The first reference points past the string table.
    const refsAt = 32 + 4 * 4 + ((lengths.getUint32(32, true) + 3) & ~3);
    lengths.setUint32(refsAt, 1_000_000, true);
    expect(() => decodeTexts(broken.buffer, 'events.text.bin')).toThrow(
      'events.text.bin: corrupt: reference 0 points outside the string table',
    );
  });
});
