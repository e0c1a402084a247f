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
import { collectBetweenStages } from './memory.ts';

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

/** The environment variable that hands a pool's worker processes what they run with (pool.ts). */
export const WORKER_ENV = 'FLANKLINE_RUN_SETTINGS';

/** What a pool's worker processes are started with: the run's settings, and whether to make mention records. */
export interface WorkerStart {
  settings: RunSettings;
  /** Make each document's mention records (only a run that writes mentions.json needs them). */
  mentions: boolean;
}

/** What a worker process was started with; the defaults when nothing was given. */
export function workerStartFromEnv(env = process.env): WorkerStart {
  const given = env[WORKER_ENV];
  if (!given) return { settings: DEFAULT_SETTINGS, mentions: true };
  const start = JSON.parse(given) as Partial<WorkerStart>;
  return { settings: { ...DEFAULT_SETTINGS, ...start.settings }, mentions: start.mentions ?? true };
}

/** What processDocument is told for these settings, with the clock that times its stages; `mentions`: make mention records. */
export function documentOptions(settings: RunSettings, now: () => number, mentions = true): DocumentOptions {
  return { now, recognise: { ...RECOGNISE_DEFAULTS, demonyms: settings.demonyms }, mentions, betweenStages: collectBetweenStages() };
}
