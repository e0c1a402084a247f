// Writes a synthetic dataset of N events for scale tests and benchmarks (src/scale/synth-events.ts):
//   npm run synth -- --events 100000 --out tmp/synth-100k [--seed 1] [--format both|geojson|bin]
// geojson: events.geojson + documents.json (the contract); bin: events.bin (docs/columnar-format.md).
import { mkdirSync, openSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeColumnar } from '../src/scale/columnar.ts';
import { synthesize, SYNTH_DEFAULTS, type SynthDataset } from '../src/scale/synth-events.ts';

const FORMATS = ['both', 'geojson', 'bin'] as const;
type Format = (typeof FORMATS)[number];

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
  writeFileSync(join(dir, 'documents.json'), `${JSON.stringify(data.documents, null, 2)}\n`);
}

export function writeBinary(data: SynthDataset, dir: string): void {
  writeFileSync(join(dir, 'events.bin'), new Uint8Array(encodeColumnar(data.columns())));
}

function main(): void {
  const { values } = parseArgs({
    options: {
      events: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, format: { type: 'string' },
    },
  });
  const fail = (message: string): never => {
    console.error(`synth: ${message}\nusage: npm run synth -- --events N --out DIR [--seed S] [--format ${FORMATS.join('|')}]`);
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
  if (format !== 'bin') writeGeoJson(data, out);
  if (format !== 'geojson') writeBinary(data, out);
  console.log(`synth: ${events} events (seed ${seed}) -> ${out} [${format}] in ${Math.round(performance.now() - t)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
