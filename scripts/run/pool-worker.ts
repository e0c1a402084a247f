// A worker thread of the pool (scripts/run/pool.ts): loads the gazetteer index once, then runs batches of documents.
import { performance } from 'node:perf_hooks';
import { loadGazetteer } from '../../src/pipeline/gazetteer-load.ts';
import { processDocument, type DocumentResult, type PipelineInput } from '../../src/pipeline/index.ts';

const gazetteer = loadGazetteer();
const now = () => performance.now();

export default function processBatch(batch: PipelineInput[]): DocumentResult[] {
  return batch.map((input) => processDocument(input, gazetteer, { now }));
}
