// Reads the built gazetteer index from disk (built by `npm run prepare:data`, see geo/README.md). Only scripts read files:
// the pipeline is handed the parsed index.
import { readBuiltJson } from './built-json.ts';
import { createGazetteer, GAZETTEER_DEFAULTS, type Gazetteer, type GazetteerData, type GazetteerOptions } from '../src/pipeline/gazetteer.ts';

export const GAZETTEER_PATH = 'geo/build/gazetteer.json';

export function loadGazetteer(path: string = GAZETTEER_PATH, opts: GazetteerOptions = GAZETTEER_DEFAULTS): Gazetteer {
  const data = readBuiltJson<GazetteerData>(path, 'gazetteer index');
  return createGazetteer(data, opts);
}
