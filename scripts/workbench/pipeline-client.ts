// The server's side of the pipeline worker: one promise per request, progress passed on as it comes.
import { Worker } from 'node:worker_threads';
import type { PipelineInput } from '../../src/pipeline/index.ts';
import type { MentionRecord, SourceDocument } from '../../src/model/document.ts';
import type { EventGuess } from '../../src/pipeline/guess.ts';
import type { PlaceOption } from './places.ts';
import type { RunResult, WorkerReply, WorkerRequest } from './pipeline-protocol.ts';

type Pending = { resolve(value: unknown): void; reject(error: Error): void; progress?: (stage: string, detail: string) => void };
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface PipelineClient {
  /** Resolves once the gazetteer is loaded (rejects with why it could not be). */
  ready: Promise<void>;
  run(inputs: PipelineInput[], progress: (stage: string, detail: string) => void): Promise<RunResult>;
  search(query: string): Promise<PlaceOption[]>;
  alternatives(mentions: MentionRecord[], currentId: string | null): Promise<PlaceOption[]>;
  guess(doc: SourceDocument, start: number, end: number): Promise<EventGuess>;
  close(): Promise<void>;
}

export function startPipelineWorker(): PipelineClient {
  // The worker runs TypeScript through tsx's API (a worker does not inherit the loader the tsx command installs).
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = new URL('./pipeline-worker.ts', import.meta.url).href;
  const worker = new Worker(`import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(script)}, ${JSON.stringify(script)}))`, { eval: true });
  const pending = new Map<number, Pending>();
  let next = 1;
  let readyResolve!: () => void;
  let readyReject!: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => { readyResolve = resolve; readyReject = reject; });
  ready.catch(() => undefined);
  worker.on('message', (reply: WorkerReply) => {
    if (reply.id === 0) {
      if (reply.kind === 'failed') readyReject(new Error(reply.message));
      else readyResolve();
      return;
    }
    const p = pending.get(reply.id);
    if (!p) return;
    if (reply.kind === 'progress') p.progress?.(reply.stage, reply.detail);
    else {
      pending.delete(reply.id);
      if (reply.kind === 'done') p.resolve(reply.value);
      else p.reject(new Error(reply.message));
    }
  });
  worker.on('error', (error: Error) => {
    readyReject(error);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  });
  const ask = <T>(request: Request, progress?: Pending['progress']): Promise<T> => ready.then(() => new Promise<T>((resolve, reject) => {
    const id = next++;
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
    worker.postMessage({ ...request, id });
  }));
  return {
    ready,
    run: (inputs, progress) => ask({ kind: 'run', inputs }, progress),
    search: (query) => ask({ kind: 'search', query }),
    alternatives: (mentions, currentId) => ask({ kind: 'alternatives', mentions, currentId }),
    guess: (doc, start, end) => ask({ kind: 'guess', doc, start, end }),
    close: async () => { await worker.terminate(); },
  };
}
