// The content hash that anchors a correction to the text it was made on (src/model/correction.ts).
import { createHash } from 'node:crypto';

/** SHA-256 of a document's text as UTF-8, in hex. */
export const contentHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
