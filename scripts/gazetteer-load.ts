// Reads the built gazetteer index from disk (built by `npm run prepare:data`, see geo/README.md). Only scripts read files:
// the pipeline is handed the parsed index.
import { existsSync, readFileSync } from 'node:fs';
import { createGazetteer, GAZETTEER_DEFAULTS, type Gazetteer, type GazetteerData, type GazetteerOptions } from '../src/pipeline/gazetteer.ts';

export const GAZETTEER_PATH = 'geo/build/gazetteer.json';

export function loadGazetteer(path: string = GAZETTEER_PATH, opts: GazetteerOptions = GAZETTEER_DEFAULTS): Gazetteer {
  if (!existsSync(path)) throw new Error(`${path}: gazetteer index missing; run npm run prepare:data to build it`);
  let data: GazetteerData;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: gazetteer index is not valid JSON (${(e as Error).message}); delete it and run npm run prepare:data`);
  }
  return createGazetteer(data, opts);
}
