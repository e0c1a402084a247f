// A worker process of the pool (scripts/run/pool.ts): loads the pipeline's resources once, then runs batches of documents.
import { performance } from 'node:perf_hooks';
import { processDocument, type DocumentResult, type PipelineInput } from '../../src/pipeline/index.ts';
import { documentOptions, loadResources, settingsFromEnv } from './resources.ts';

// The run's settings come in the process's environment (createPool).
const settings = settingsFromEnv();
const resources = loadResources(settings);
const options = documentOptions(settings, () => performance.now());

export default function processBatch(batch: PipelineInput[]): DocumentResult[] {
  return batch.map((input) => processDocument(input, resources, options));
}
