// Bytes in, document out: strict UTF-8 decoding, a title when the manifest has none, and the boilerplate spans.
import { findBoilerplate, markupSpans } from './boilerplate.ts';
import { PipelineInputError } from './errors.ts';
import type { ManifestEntry } from './manifest.ts';
import type { IngestedDocument } from './types.ts';
import { truncate } from '../util/text.ts';

export const INGEST_DEFAULTS = {
  /** Longest title taken from the text's first line, in characters; longer lines are cut at a word and get "…". */
  maxTitleChars: 160,
  /** Share of control characters (other than tab, newline, carriage return, form feed) above which the file is binary. */
  maxControlShare: 0.1,
};

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Byte offset of the first invalid UTF-8 sequence; only called after the strict decoder failed. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) {
      if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    // overlong 3- and 4-byte forms, UTF-16 surrogates and code points above U+10FFFF
    const second = bytes[i + 1];
    if (b === 0xe0 && second < 0xa0) return i;
    if (b === 0xed && second > 0x9f) return i;
    if (b === 0xf0 && second < 0x90) return i;
    if (b === 0xf4 && second > 0x8f) return i;
    i += length;
  }
  return bytes.length;
}

function decode(file: string, bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    throw new PipelineInputError(file, `is not valid UTF-8 (invalid byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at byte offset ${at})`);
  }
}

function looksBinary(text: string, opts: typeof INGEST_DEFAULTS): boolean {
  if (text.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c < 0xa0)) control++;
  }
  return control > text.length * opts.maxControlShare;
}

/** The first non-empty line that is not boilerplate ("top of page"), else the first non-empty line. */
function titleFrom(text: string, boilerplate: IngestedDocument['boilerplate'], opts: typeof INGEST_DEFAULTS): string {
  let fallback = '';
  const lineBreak = /\r\n|[\n\r\u2028\u2029\u0085]/g;
  let from = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const to = match ? match.index : text.length;
    const line = text.slice(from, to).trim();
    if (line) {
      const start = from + text.slice(from, to).indexOf(line[0]);
      const isBoilerplate = boilerplate.some((s) => s.start <= start && s.end >= start + line.length);
      if (!isBoilerplate) return truncate(line, opts.maxTitleChars);
      fallback ||= line;
    }
    if (!match) return truncate(fallback, opts.maxTitleChars);
    from = match.index + match[0].length;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** The text of a page's <title>, or else of its first line with text outside markup; null when it has no markup. */
function htmlTitle(text: string, opts: typeof INGEST_DEFAULTS): string | null {
  const markup = markupSpans(text);
  if (markup.length === 0) return null;
  const element = /<title\b[^<>]{0,200}>([^<]{1,1000})<\/title\s*>/i.exec(text);
  let prose = element ? element[1] : '';
  if (!prose.trim()) {
    // Text between tags, first line with any: "<h1>Drones over Poland</h1>" gives "Drones over Poland".
    let from = 0;
    for (const span of [...markup, { start: text.length, end: text.length }]) {
      const between = text.slice(from, span.start).split(/\r\n|[\n\r\u2028\u2029\u0085]/).find((line) => line.trim());
      if (between) {
        prose = between;
        break;
      }
      from = span.end;
    }
  }
  const line = prose.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name]).replace(/\s+/g, ' ').trim();
  return line ? truncate(line, opts.maxTitleChars) : null;
}

/**
 * Decodes one document. The text is kept exactly as decoded (the BOM dropped, CRLF kept) because every offset
 * downstream refers to it. Title, credit and published come from the manifest entry when there is one.
 */
export function ingest(file: string, bytes: Uint8Array, meta?: ManifestEntry, opts = INGEST_DEFAULTS): IngestedDocument {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new PipelineInputError(file, 'is UTF-16 text; save it as UTF-8');
  }
  // An image or PDF renamed .txt fails UTF-8 decoding too, but "binary" is the message that helps.
  if (bytes.subarray(0, 8192).includes(0)) throw new PipelineInputError(file, 'looks binary, not a text document');
  const text = decode(file, bytes);
  if (looksBinary(text, opts)) throw new PipelineInputError(file, 'looks binary, not a text document');
  if (text.trim() === '') throw new PipelineInputError(file, 'is empty');
  const boilerplate = findBoilerplate(text);
  return {
    file,
    title: meta?.title?.trim() ? meta.title : htmlTitle(text, opts) ?? titleFrom(text, boilerplate, opts),
    credit: meta?.credit ?? null,
    published: meta?.published ?? null,
    text,
    boilerplate,
  };
}
