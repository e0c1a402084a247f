// The worker thread that holds the gazetteer and runs the pipeline, so the server keeps answering (and streaming
// progress) while a corpus is read. Messages in: run, search, alternatives, guess; out: progress, then the answer.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { assembleRun, count, documentResults, processDocument, STAGE_NAMES, type DocumentResult, type PipelineInput, type PipelineResources } from '../../src/pipeline/index.ts';
import { contentHash, documentKey } from '../run/cache.ts';
import { documentOptions, loadResources, DEFAULT_SETTINGS } from '../run/resources.ts';
import { whyNothing } from '../../src/pipeline/report.ts';
import { guessEvent } from '../../src/pipeline/guess.ts';
import { placeAlternatives, searchPlaces } from './places.ts';
import type { WorkerRequest, WorkerReply, RunOutcome } from './pipeline-protocol.ts';

const port = parentPort!;
let resources: PipelineResources | null = null;
let loadError: string | null = null;
try {
  resources = loadResources(DEFAULT_SETTINGS);
} catch (error) {
  loadError = error instanceof Error ? error.message : String(error);
}

/**
 * The last run's result of each document, by its name, manifest entry and bytes: adding a document or editing one runs
 * that document only, then the merge (issue 17). Only the current corpus's documents are kept.
 */
let lastRun = new Map<string, DocumentResult>();
const noTime = STAGE_NAMES.slice(0, -1).map(() => 0);

function runChanged(id: number, inputs: PipelineInput[], resources: PipelineResources) {
  const options = {
    ...documentOptions(DEFAULT_SETTINGS, () => performance.now()),
    onStage: (t: { stage: string; detail: string }) => port.postMessage({ id, kind: 'progress', stage: t.stage, detail: t.detail } satisfies WorkerReply),
  };
  const thisRun = new Map<string, DocumentResult>();
  let read = 0;
  let unchanged = 0;
  const results = documentResults(inputs, (input) => {
    const key = documentKey(input, contentHash(input.bytes));
    const earlier = lastRun.get(key);
    const result = earlier ? { ...earlier, stageMs: noTime } : processDocument(input, resources, options);
    if (earlier) unchanged++;
    else read++;
    thisRun.set(key, earlier ?? result);
    return result;
  });
  lastRun = thisRun;
  options.onStage({ stage: 'documents', detail: `${count(read, 'document')} read, ${unchanged} unchanged since the last run` });
  return assembleRun(results, options);
}

function answer(request: WorkerRequest): Extract<WorkerReply, { kind: 'done' }>['value'] {
  if (!resources) throw new Error(loadError ?? 'the gazetteer is not loaded');
  const { gazetteer } = resources;
  if (request.kind === 'run') {
    const result = runChanged(request.id, request.inputs, resources);
    const outcomes: RunOutcome[] = result.outcomes.map((o) => ({
      file: o.file, title: o.title, error: o.error, events: o.events.length, nothing: o.error === null && o.events.length === 0 ? whyNothing(o) : null,
    }));
    return { documents: result.documents.map(({ boilerplate: _, ...d }) => d), outcomes, events: result.events, mentions: result.mentions };
  }
  if (request.kind === 'search') return searchPlaces(request.query, gazetteer);
  if (request.kind === 'alternatives') return placeAlternatives(request.mentions, request.currentId, gazetteer);
  return guessEvent(request.doc, request.start, request.end, resources);
}

port.on('message', (request: WorkerRequest) => {
  try {
    port.postMessage({ id: request.id, kind: 'done', value: answer(request) } satisfies WorkerReply);
  } catch (error) {
    port.postMessage({ id: request.id, kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
});
port.postMessage({ id: 0, kind: loadError ? 'failed' : 'done', ...(loadError ? { message: loadError } : { value: null }) });
