// What every thread that runs documents loads once: the pipeline's resources, read from disk (built by
// `npm run prepare:data`). The files listed here are part of the cache's pipeline version (cache.ts).
import { existsSync } from 'node:fs';
import { GAZETTEER_PATH, loadGazetteer } from '../../src/pipeline/gazetteer-load.ts';
import type { PipelineResources } from '../../src/pipeline/index.ts';

/** The built data files the pipeline reads: a change to one is a new pipeline version. */
export const RESOURCE_FILES = [GAZETTEER_PATH];

/** The first resource file that is not there, as a one-line message, or null. */
export function missingResource(): string | null {
  const missing = RESOURCE_FILES.find((file) => !existsSync(file));
  return missing === undefined ? null : `${missing}: missing; run npm run prepare:data to build it`;
}

export function loadResources(): PipelineResources {
  return { gazetteer: loadGazetteer() };
}
