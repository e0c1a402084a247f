// A worker thread of the pool (scripts/run/pool.ts): loads the pipeline's resources once, then runs batches of documents.
import { performance } from 'node:perf_hooks';
import { workerData } from 'node:worker_threads';
import { processDocument, type DocumentResult, type PipelineInput } from '../../src/pipeline/index.ts';
import { DEFAULT_SETTINGS, documentOptions, loadResources, type RunSettings } from './resources.ts';

// The run's settings come with the thread (createPool's workerData).
const settings = (workerData as RunSettings | undefined) ?? DEFAULT_SETTINGS;
const resources = loadResources(settings);
const options = documentOptions(settings, () => performance.now());

export default function processBatch(batch: PipelineInput[]): DocumentResult[] {
  return batch.map((input) => processDocument(input, resources, options));
}
