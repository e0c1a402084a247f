// A worker thread of the pool (scripts/run/pool.ts): loads the pipeline's resources once, then runs batches of documents.
import { performance } from 'node:perf_hooks';
import { workerData } from 'node:worker_threads';
import { processDocument, type DocumentResult, type PipelineInput } from '../../src/pipeline/index.ts';
import { documentOptions, loadResources, type ThreadData } from './resources.ts';

// The run's settings and the shared gazetteer come with the thread (createPool's workerData).
const { settings, gazetteer, mentions } = workerData as ThreadData;
const resources = loadResources(settings, gazetteer);
const options = documentOptions(settings, () => performance.now(), mentions);

export default function processBatch(batch: PipelineInput[]): DocumentResult[] {
  return batch.map((input) => processDocument(input, resources, options));
}
