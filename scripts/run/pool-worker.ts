// A worker thread of the pool (scripts/run/pool.ts): loads the pipeline's resources once, then runs batches of documents.
import { performance } from 'node:perf_hooks';
import { processDocument, type DocumentResult, type PipelineInput } from '../../src/pipeline/index.ts';
import { loadResources } from './resources.ts';

const resources = loadResources();
const now = () => performance.now();

export default function processBatch(batch: PipelineInput[]): DocumentResult[] {
  return batch.map((input) => processDocument(input, resources, { now }));
}
