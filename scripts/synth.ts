// Writes a synthetic dataset of N events for scale tests and benchmarks (src/scale/synth-events.ts):
//   npm run synth -- --events 100000 --out tmp/synth-100k [--seed 1] [--format both|geojson|bin|app]
// geojson: events.geojson + documents.json (the contract); bin: events.bin alone (docs/columnar-format.md);
// app: what the app's large mode reads, events.bin + events.parts/ + documents.json, without the big GeoJSON;
// both (the default): all of them.
import { mkdirSync, openSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeColumnar, rowOrder, type ColumnarInput } from '../src/scale/columnar.ts';
import { partsOfRows } from '../src/scale/parts.ts';
import { synthesize, SYNTH_DEFAULTS, type SynthDataset } from '../src/scale/synth-events.ts';

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

export function writeBinary(data: SynthDataset, dir: string, columns: ColumnarInput = data.columns()): void {
  writeFileSync(join(dir, 'events.bin'), new Uint8Array(encodeColumnar(columns)));
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
    writeBinary(data, out, columns);
    written.push('events.bin');
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
