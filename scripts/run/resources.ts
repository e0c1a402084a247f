// What every thread that runs documents loads once: the pipeline's resources, read from disk (built by
// `npm run prepare:data`), and the settings a run passes to every document. The files listed here and the settings
// are part of the cache's pipeline version (cache.ts), so results of another gazetteer, lexicon or setting are never used.
import { existsSync } from 'node:fs';
import type { PointConvention } from '../../src/pipeline/gazetteer.ts';
import type { DocumentOptions, PipelineResources } from '../../src/pipeline/index.ts';
import { RECOGNISE_DEFAULTS } from '../../src/pipeline/recognise.ts';
import { openGazetteer } from '../../src/pipeline/gazetteer-compact.ts';
import { GAZETTEER_PATH, loadCompactGazetteer } from '../gazetteer-load.ts';
import { LEXICON_PATH, loadLexicon } from '../lexicon-load.ts';

/** The built data files the pipeline reads: a change to one is a new pipeline version. */
export const RESOURCE_FILES = [GAZETTEER_PATH, LEXICON_PATH];

/** A run's settings that change what the per-document stages produce (plain data: they cross threads and machines). */
export interface RunSettings {
  /** Where countries are placed (src/pipeline/gazetteer.ts POINT_CONVENTIONS; geo/README.md). */
  convention: PointConvention;
  /** Adjectival forms ("French engineer") as mentions of their country; --no-demonyms turns them off. */
  demonyms: boolean;
}

export const DEFAULT_SETTINGS: RunSettings = { convention: 'geonames', demonyms: true };

/** The first resource file that is not there, as a one-line message, or null. */
export function missingResource(): string | null {
  const missing = RESOURCE_FILES.find((file) => !existsSync(file));
  return missing === undefined ? null : `${missing}: missing; run npm run prepare:data to build it`;
}

/** The resources for these settings. `gazetteer`: the compact gazetteer already loaded; else it is read here. */
export function loadResources(settings: RunSettings = DEFAULT_SETTINGS, gazetteer: Uint8Array = loadCompactGazetteer()): PipelineResources {
  return { gazetteer: openGazetteer(gazetteer, { convention: settings.convention }), lexicon: loadLexicon() };
}

/** The environment variable that hands a pool's worker processes the run's settings (pool.ts). */
export const SETTINGS_ENV = 'FLANKLINE_RUN_SETTINGS';

/** The settings a worker process was started with; the defaults when there are none. */
export function settingsFromEnv(env = process.env): RunSettings {
  const given = env[SETTINGS_ENV];
  return given ? { ...DEFAULT_SETTINGS, ...(JSON.parse(given) as Partial<RunSettings>) } : DEFAULT_SETTINGS;
}

/** What processDocument is told for these settings, with the clock that times its stages. */
export function documentOptions(settings: RunSettings, now: () => number): DocumentOptions {
  return { now, recognise: { ...RECOGNISE_DEFAULTS, demonyms: settings.demonyms } };
}
