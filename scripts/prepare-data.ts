// Builds the generated data (gazetteer index, event lexicon, basemap GeoJSON and tiles) from npm packages when missing or out of
// date, and the command-line tools as JavaScript (scripts/build-cli.ts). Each builder is a script of its own; this one only
// decides which ones need to run.
import { existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { buildCli, cliStale } from './build-cli.ts';

interface Step {
  script: string;
  /** Files the step writes; it runs when any is missing or older than the script or the inputs. */
  outputs: string[];
  inputs: string[];
}

const STEPS: Step[] = [
  { script: 'scripts/build-basemap.ts', outputs: ['public/geo/countries.geojson', 'public/geo/tiles/0/0/0.pbf'], inputs: ['package-lock.json'] },
  { script: 'scripts/build-lexicon.ts', outputs: ['lexicon/build/events.json'], inputs: ['package-lock.json', 'lexicon/senses.json'] },
  { script: 'scripts/build-gazetteer.ts', outputs: ['geo/build/gazetteer.json'], inputs: [
      'package-lock.json', 'geo/curated.json', 'geo/physical.json',
      // the index format and the name normalisation are part of what the build writes
      'src/pipeline/gazetteer.ts', 'src/pipeline/places/normalise.ts',
    ] },
];

const mtime = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : 0);

for (const step of STEPS) {
  if (!existsSync(step.script)) continue;
  const newestInput = Math.max(mtime(step.script), ...step.inputs.map(mtime));
  const stale = step.outputs.some((out) => !existsSync(out) || mtime(out) < newestInput);
  if (!stale) continue;
  console.log(`prepare-data: running ${step.script}`);
  execFileSync(process.execPath, ['--import', 'tsx', step.script], { stdio: 'inherit' });
}

if (cliStale()) {
  console.log('prepare-data: building the command-line tools (scripts/build-cli.ts)');
  buildCli();
}
