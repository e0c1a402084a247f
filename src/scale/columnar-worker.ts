// Web Worker: fetches (or receives) a columnar file, checks it, derives the GPU columns and hands everything back
// by transfer, so a million events cost the main thread neither parsing nor copying.
import { decodeColumnar } from './columnar.ts';
import { prepareScaleEvents, scaleEventsTransferables, SCALE_EVENTS_DEFAULTS, type ScaleEventsOptions } from './scale-events.ts';

export type ColumnarWorkerRequest = ({ url: string } | { buffer: ArrayBuffer }) & { options?: Partial<ScaleEventsOptions> };
export type ColumnarWorkerReply =
  | { ok: true; events: import('./scale-events.ts').ScaleEvents }
  | { ok: false; error: string };

async function load(request: ColumnarWorkerRequest): Promise<ArrayBuffer> {
  if ('buffer' in request) return request.buffer;
  const response = await fetch(request.url);
  if (!response.ok) throw new Error(`could not load ${request.url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<ColumnarWorkerRequest>) => void) | null; postMessage(m: unknown, t?: Transferable[]): void };

scope.onmessage = (e) => {
  load(e.data).then((buffer) => {
    const events = prepareScaleEvents(decodeColumnar(buffer), { ...SCALE_EVENTS_DEFAULTS, ...e.data.options });
    scope.postMessage({ ok: true, events } satisfies ColumnarWorkerReply, scaleEventsTransferables(events));
  }).catch((error: unknown) => {
    scope.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies ColumnarWorkerReply);
  });
};
