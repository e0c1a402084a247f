// npx tsx scripts/bench-search.ts [EVENTS]: the search over events.bin's columns for one word, with and without the
// country names (issue 15: "Poland" finds the events placed in Polish towns), on N synthetic events (default 1M), and
// the file's size. Median of 7 runs; a baseline beside each figure, measured in the same run.
import { synthesize } from './synth-events.ts';
import { decodeColumnar, encodeColumnar } from '../src/model/columnar.ts';
import { countryNameIndex, matchRows, titlePlaceIndex } from '../src/app/state/search.ts';

const n = Number(process.argv[2] ?? 1_000_000);
const buffer = encodeColumnar(synthesize({ events: n, seed: 1 }).columns());
const columns = decodeColumnar(buffer);
console.log(`events.bin, ${n.toLocaleString('en')} synthetic events: ${(buffer.byteLength / 1e6).toFixed(1)} MB`);
const titlesPlaces = titlePlaceIndex(columns);
const countries = countryNameIndex(columns);
const out = new Uint8Array(n);

function median(label: string, names: readonly (string | null)[]): void {
  const ms: number[] = [];
  let found = 0;
  for (let k = 0; k < 7; k++) {
    const started = performance.now();
    found = matchRows(columns, titlesPlaces, null, 'poland', out, names);
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  console.log(`search "poland", ${label}: median ${ms[3].toFixed(1)} ms, ${found.toLocaleString('en')} found`);
}

median('titles and places only (baseline)', new Array<string | null>(countries.length).fill(null));
median('with the country column', countries);
