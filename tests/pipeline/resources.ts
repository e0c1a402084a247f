// The pipeline's resources for tests, read once per test file: the built gazetteer and event lexicon.
import { loadGazetteer } from '../../scripts/gazetteer-load.ts';
import type { PipelineResources } from '../../src/pipeline/index.ts';
import { loadLexicon } from '../../scripts/lexicon-load.ts';

let cached: PipelineResources | null = null;

export function loadResources(): PipelineResources {
  cached ??= { gazetteer: loadGazetteer(), lexicon: loadLexicon() };
  return cached;
}
