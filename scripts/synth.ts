// Writes a synthetic dataset of N events for scale tests and benchmarks (scripts/synth-events.ts):
//   npm run synth -- --events 100000 --out tmp/synth-100k [--seed 1] [--format both|geojson|bin|app]
// geojson: events.geojson + documents.json (the contract); bin: events.bin and its companion tables
// (events.posture.bin, events.text.bin; docs/columnar-format.md); app: what the app reads, the bin, its tables,
// events.parts/ and documents.json, without the big GeoJSON; both (the default): all of them.
import { mkdirSync, openSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeColumnar, rowOrder, type ColumnarInput } from '../src/model/columnar.ts';
import { partsOfRows } from '../src/model/parts.ts';
import { encodePosture, postureOfRows } from '../src/model/posture-table.ts';
import { encodeTexts, textsOfRows } from '../src/model/text-table.ts';
import { synthesize, SYNTH_DEFAULTS, type SynthDataset } from './synth-events.ts';

const FORMATS = ['both', 'geojson', 'bin', 'app'] as const;
type Format = (typeof FORMATS)[number];
const USAGE = `usage: npm run synth -- --events N --out DIR [--seed S] [--format ${FORMATS.join('|')}]`;

/** Features are written in chunks: a million would not fit one JSON string. */
const CHUNK_EVENTS = 5000;

export function writeGeoJson(data: SynthDataset, dir: string): void {
  const fd = openSync(join(dir, 'events.geojson'), 'w');
  try {
    writeSync(fd, '{"type":"FeatureCollection","features":[\n');
    for (let lo = 0; lo < data.count; lo += CHUNK_EVENTS) {
      const parts: string[] = [];
      for (let i = lo; i < Math.min(data.count, lo + CHUNK_EVENTS); i++) parts.push(JSON.stringify(data.featureAt(i)));
      writeSync(fd, (lo > 0 ? ',\n' : '') + parts.join(',\n'));
    }
    writeSync(fd, '\n]}\n');
  } finally {
    closeSync(fd);
  }
  writeDocuments(data, dir);
}

function writeDocuments(data: SynthDataset, dir: string): void {
  writeFileSync(join(dir, 'documents.json'), `${JSON.stringify(data.documents, null, 2)}\n`);
}

/** events.bin; returns its byte length (the companion tables name it). */
export function writeBinary(data: SynthDataset, dir: string, columns: ColumnarInput = data.columns()): number {
  const bin = encodeColumnar(columns);
  writeFileSync(join(dir, 'events.bin'), new Uint8Array(bin));
  return bin.byteLength;
}

/**
 * The companion tables of events.bin: events.posture.bin, and events.text.bin unless `texts` is false. Rows are
 * the bin's (rowOrder), each feature drawn again from its generation index.
 */
export function writeTables(data: SynthDataset, dir: string, binBytes: number, columns: ColumnarInput = data.columns(), texts = true): void {
  const order = rowOrder(columns);
  const featureOfRow = (row: number) => data.featureAt(order[row]);
  const bin = { count: data.count, totalBytes: binBytes };
  writeFileSync(join(dir, 'events.posture.bin'), new Uint8Array(encodePosture(postureOfRows(data.count, featureOfRow), bin)));
  if (texts) writeFileSync(join(dir, 'events.text.bin'), new Uint8Array(encodeTexts(textsOfRows(data.count, featureOfRow), bin)));
}

/**
 * events.parts/: the features in the bin's row order. featureAt(i) takes the generation index, so rowOrder (the
 * encoder's own sort) maps each row to the event drawn for it. The folder is emptied first: a smaller rerun into
 * the same folder must leave no part of the bigger one.
 */
export function writeParts(data: SynthDataset, dir: string, columns: ColumnarInput = data.columns()): number {
  const order = rowOrder(columns);
  const partsDir = join(dir, 'events.parts');
  rmSync(partsDir, { recursive: true, force: true });
  mkdirSync(partsDir);
  let written = 0;
  for (const part of partsOfRows(data.count, (row) => data.featureAt(order[row]))) {
    writeFileSync(join(partsDir, part.name), part.json);
    written++;
  }
  return written;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      events: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, format: { type: 'string' },
    },
  });
  const fail = (message: string): never => {
    console.error(`synth: ${message}\n${USAGE}`);
    process.exit(2);
  };
  const events = Number(values.events ?? fail('--events is required'));
  const seed = Number(values.seed ?? SYNTH_DEFAULTS.seed);
  const out = values.out ?? fail('--out is required');
  const format = (values.format ?? 'both') as Format;
  if (!Number.isInteger(events) || events < 0) fail(`--events must be a whole number, got ${values.events}`);
  if (!Number.isInteger(seed)) fail(`--seed must be a whole number, got ${values.seed}`);
  if (!FORMATS.includes(format)) fail(`--format must be one of ${FORMATS.join(', ')}, got ${format}`);
  mkdirSync(out, { recursive: true });
  const data = synthesize({ events, seed });
  const t = performance.now();
  const written: string[] = [];
  if (format === 'both' || format === 'geojson') {
    writeGeoJson(data, out);
    written.push('events.geojson', 'documents.json');
  }
  if (format !== 'geojson') {
    const columns = data.columns();
    writeTables(data, out, writeBinary(data, out, columns), columns);
    written.push('events.bin', 'events.posture.bin', 'events.text.bin');
    if (format !== 'bin') {
      const parts = writeParts(data, out, columns);
      written.push(`events.parts (${parts} file${parts === 1 ? '' : 's'})`);
      if (format === 'app') {
        writeDocuments(data, out);
        written.push('documents.json');
      }
    }
  }
  console.log(`synth: ${events} events (seed ${seed}) -> ${out}: ${written.join(', ')} in ${Math.round(performance.now() - t)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
