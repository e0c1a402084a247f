// Web Worker: fetches (or receives) a columnar file, checks it, derives the GPU columns and hands everything back
// by transfer, so a million events cost the main thread neither parsing nor copying.
import { decodeColumnar } from '../../model/columnar.ts';
import { isMissingResponse } from '../../model/parts.ts';
import { prepareEvents, preparedTransferables, type PreparedEvents } from './prepared-events.ts';

export type ColumnarWorkerRequest = { url: string } | { buffer: ArrayBuffer };
export type ColumnarWorkerReply =
  | { ok: true; events: PreparedEvents }
  /** `missing`: there is no such file (HTTP 404 or 410, or a server's HTML page in its place); else it is broken. */
  | { ok: false; error: string; missing: boolean };

class MissingFileError extends Error {}

async function load(request: ColumnarWorkerRequest): Promise<ArrayBuffer> {
  if ('buffer' in request) return request.buffer;
  const response = await fetch(request.url);
  if (isMissingResponse(response.status, response.headers.get('content-type'))) {
    throw new MissingFileError(`${request.url} is missing (HTTP ${response.status}${response.ok ? ', an HTML page' : ''})`);
  }
  if (!response.ok) throw new Error(`could not load ${request.url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<ColumnarWorkerRequest>) => void) | null; postMessage(m: unknown, t?: Transferable[]): void };

scope.onmessage = (e) => {
  load(e.data).then((buffer) => {
    const events = prepareEvents(decodeColumnar(buffer));
    scope.postMessage({ ok: true, events } satisfies ColumnarWorkerReply, preparedTransferables(events));
  }).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ ok: false, error: message, missing: error instanceof MissingFileError } satisfies ColumnarWorkerReply);
  });
};
