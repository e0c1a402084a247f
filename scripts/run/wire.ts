// Batches and results as they cross a queue: JSON, gzipped, in base64 (a queue stores strings). Bytes travel as
// base64 inside the JSON so a document that is not valid UTF-8 arrives exactly as it was read, to fail as it would here.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DocumentResult, PipelineInput } from '../../src/pipeline/index.ts';

interface WireInput {
  file: string;
  bytes: string;
  meta?: PipelineInput['meta'];
}

const pack = (value: unknown) => gzipSync(JSON.stringify(value)).toString('base64');
const unpack = (text: string): unknown => JSON.parse(gunzipSync(Buffer.from(text, 'base64')).toString('utf8'));

export function encodeBatch(batch: readonly PipelineInput[]): string {
  return pack(batch.map((i): WireInput => ({ file: i.file, bytes: Buffer.from(i.bytes).toString('base64'), ...(i.meta ? { meta: i.meta } : {}) })));
}

export function decodeBatch(text: string): PipelineInput[] {
  return (unpack(text) as WireInput[]).map((w) => ({ file: w.file, bytes: new Uint8Array(Buffer.from(w.bytes, 'base64')), ...(w.meta ? { meta: w.meta } : {}) }));
}

export const encodeResults = (results: readonly DocumentResult[]) => pack(results);
export const decodeResults = (text: string) => unpack(text) as DocumentResult[];
