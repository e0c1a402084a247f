// Main-thread side of the columnar worker: one call, one worker, ended when the data arrives.
import type { ColumnarWorkerReply, ColumnarWorkerRequest } from './columnar-worker.ts';
import type { ScaleEvents, ScaleEventsOptions } from './scale-events.ts';

/** Loads a columnar events file (a URL, or bytes already in hand) through a worker; rejects with the file's problem. */
export function loadScaleEvents(source: string | ArrayBuffer, options?: Partial<ScaleEventsOptions>): Promise<ScaleEvents> {
  const worker = new Worker(new URL('./columnar-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ScaleEvents>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ColumnarWorkerReply>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.events);
      else reject(new Error(`events file: ${e.data.error}`));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(`events worker failed: ${e.message}`));
    };
    const request: ColumnarWorkerRequest = typeof source === 'string'
      ? { url: new URL(source, location.href).href, options }
      : { buffer: source, options };
    worker.postMessage(request, typeof source === 'string' ? [] : [source]);
  });
}
