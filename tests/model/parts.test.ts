import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateEvents, type EventFeature } from '../../src/model/index.ts';
import { decodeColumnar, encodeColumnar, encodeFeatures, rowOrder, stringAt, type ColumnarEvents } from '../../src/model/columnar.ts';
import {
  binPathOf, isMissingResponse, partCount, partFileName, partOfRow, partsDirOf, partsOfFeatures, partsOfRows, PARTS_DEFAULTS,
  type DetailPart,
} from '../../src/model/parts.ts';
import { synthesize } from '../../scripts/synth-events.ts';
import { loadResources } from '../pipeline/resources.ts';
import { parseManifest } from '../../src/pipeline/manifest.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { write } from '../../src/pipeline/write.ts';

/** Every row of the bin: its part (partOfRow) holds, at the row's offset, the feature with the bin's id at that row. */
function expectPartsMatchBin(bin: ColumnarEvents, parts: readonly DetailPart[], partSize = PARTS_DEFAULTS.partSize): EventFeature[][] {
  expect(parts.map((p) => p.name)).toEqual(Array.from({ length: partCount(bin.count, partSize) }, (_, k) => partFileName(k)));
  const decoded = parts.map((p) => {
    const checked = validateEvents(JSON.parse(p.json));
    if (!checked.ok) throw new Error(`${p.name}: ${checked.errors[0]}`);
    return checked.value.features;
  });
  for (let row = 0; row < bin.count; row++) {
    const k = partOfRow(row, partSize);
    expect(decoded[k][row - k * partSize]?.id, `row ${row}`).toBe(stringAt(bin, bin.id[row]));
  }
  expect(decoded.reduce((n, f) => n + f.length, 0)).toBe(bin.count);
  return decoded;
}

describe('detail parts', () => {
  it('partOfRow() and partFileName() name the part of a row: 1000 rows a part, five digits', () => {
    expect(PARTS_DEFAULTS.partSize).toBe(1000);
    expect([partOfRow(0), partOfRow(999), partOfRow(1000), partOfRow(2499)]).toEqual([0, 0, 1, 2]);
    expect(partOfRow(7, 3)).toBe(2);
    expect([partFileName(0), partFileName(12), partFileName(123456)]).toEqual(['00000.json', '00012.json', '123456.json']);
    expect([partCount(0), partCount(1), partCount(1000), partCount(2500)]).toEqual([0, 1, 1, 3]);
  });

  it('binPathOf() and partsDirOf() put the files beside the events file, whatever it is called', () => {
    expect([binPathOf('public/data/events.geojson'), partsDirOf('public/data/events.geojson')]).toEqual(['public/data/events.bin', 'public/data/events.parts']);
    expect([binPathOf('out/a.json'), partsDirOf('out/b.GeoJSON'), binPathOf('x/events.bin'), partsDirOf('x/events.bin')])
      .toEqual(['out/a.bin', 'out/b.parts', 'x/events.bin', 'x/events.parts']);
  });

  it('partsOfFeatures() over 2,500 shuffled synthetic events: 3 valid parts, every row where events.bin puts it', () => {
    const data = synthesize({ events: 2500, seed: 7 });
    // generation order is not row order; reversed, it is not even close to it
    const features = Array.from({ length: data.count }, (_, i) => data.featureAt(data.count - 1 - i));
    const bin = decodeColumnar(encodeFeatures(features));
    const parts = [...partsOfFeatures(features)];
    expect(parts).toHaveLength(3);
    const decoded = expectPartsMatchBin(bin, parts);
    expect(decoded.map((f) => f.length)).toEqual([1000, 1000, 500]);
    // the whole feature, not just its id
    const byId = new Map(features.map((f) => [f.id, f]));
    expect(decoded[2][499]).toEqual(byId.get(decoded[2][499].id));
  });

  it('partsOfRows() with the synth\'s rowOrder gives the same parts as partsOfFeatures() (how npm run synth writes them)', () => {
    const data = synthesize({ events: 1200, seed: 3 });
    const columns = data.columns();
    const order = rowOrder(columns);
    const viaRows = [...partsOfRows(data.count, (row) => data.featureAt(order[row]))];
    const viaFeatures = [...partsOfFeatures(Array.from({ length: data.count }, (_, i) => data.featureAt(i)))];
    expect(viaRows).toEqual(viaFeatures);
    expectPartsMatchBin(decodeColumnar(encodeColumnar(columns)), viaRows);
  });

  it('the seeds through the pipeline: write() gives events.bin and one part that line up row by row', () => {
    const manifest = parseManifest(readFileSync('seeds/manifest.json', 'utf8'));
    const inputs = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort().map((file) => ({
      file, bytes: readFileSync(join('seeds', file)), meta: manifest.find((m) => m.file === file),
    }));
    const result = runPipeline(inputs, loadResources());
    const files = write(result.events, result.documents, result.mentions);
    const bin = decodeColumnar(files.bin.buffer.slice(files.bin.byteOffset, files.bin.byteOffset + files.bin.byteLength) as ArrayBuffer);
    expect(bin.count).toBe(files.eventCount);
    expect(bin.count).toBe(JSON.parse(files.events).features.length);
    expect([...files.parts]).toHaveLength(1);
    expect(files.partCount).toBe(1);
    const [part] = expectPartsMatchBin(bin, [...files.parts]);
    // the parts hold exactly the features of events.geojson
    const events = new Map((JSON.parse(files.events).features as EventFeature[]).map((f) => [f.id, f]));
    for (const f of part) expect(f).toEqual(events.get(f.id));
  });

  it('isMissingResponse() treats 404, 410 and an HTML page answered for any path as no file, other failures as failures', () => {
    expect(isMissingResponse(404, 'text/plain')).toBe(true);
    expect(isMissingResponse(410, null)).toBe(true);
    expect(isMissingResponse(200, 'text/html; charset=utf-8')).toBe(true);
    expect(isMissingResponse(200, 'application/octet-stream')).toBe(false);
    expect(isMissingResponse(200, 'application/json')).toBe(false);
    expect(isMissingResponse(500, 'text/html')).toBe(false);
    expect(isMissingResponse(403, null)).toBe(false);
  });
});
