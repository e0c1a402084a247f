// Main-thread side of the columnar worker: one call, one worker, ended when the data arrives.
import type { ColumnarWorkerReply, ColumnarWorkerRequest } from './columnar-worker.ts';
import type { PreparedEvents } from './prepared-events.ts';

/** Why a columnar file did not load: `problem` is the worker's sentence, `missing` that there is no such file. */
export class ColumnarLoadError extends Error {
  override name = 'ColumnarLoadError';
  constructor(message: string, readonly problem: string, readonly missing: boolean) {
    super(message);
  }
}

/**
 * Loads a columnar events file (a URL, or bytes already in hand) through a worker; rejects with a ColumnarLoadError
 * naming the file's problem ("events file: columnar: truncated: …").
 */
export function loadColumnar(source: string | ArrayBuffer): Promise<PreparedEvents> {
  const worker = new Worker(new URL('./columnar-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<PreparedEvents>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ColumnarWorkerReply>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.events);
      else reject(new ColumnarLoadError(`events file: ${e.data.error}`, e.data.error, e.data.missing));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new ColumnarLoadError(`events worker failed: ${e.message}`, `the events worker failed (${e.message})`, false));
    };
    const request: ColumnarWorkerRequest = typeof source === 'string' ? { url: new URL(source, location.href).href } : { buffer: source };
    worker.postMessage(request, typeof source === 'string' ? [] : [source]);
  });
}
