// An uploaded file -> the plain text the pipeline reads, with the title, date and credit the file itself gives.
// Each format through a library made for it: Mozilla's Readability for saved web pages (the article, without menus
// and footers), unpdf (pdf.js) for PDFs, mammoth for Word documents, marked for Markdown.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import mammoth from 'mammoth';
import { marked } from 'marked';
import { ingest } from '../../src/pipeline/ingest.ts';
import { PipelineInputError } from '../../src/pipeline/errors.ts';
import { isIsoDate } from '../../src/model/event.ts';

export const CONVERT_DEFAULTS = {
  /** Longest title kept, in characters (ingest cuts a first line the same way). */
  maxTitleChars: 160,
};

import type { DocumentFormat as Format } from '../corpus-files.ts';

export interface Converted {
  text: string;
  /** From the file (a page's headline, a PDF's Title), else null: the text's first line serves. */
  title: string | null;
  /** YYYY-MM-DD from the file (a page's article:published_time), else null. */
  published: string | null;
  /** A page's site name or byline, else null. */
  credit: string | null;
}

/** Why a file could not be read, as a sentence without the file's name (the caller puts it first). */
export class ConvertError extends Error {}


const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'FORM']);

/** An element's text as paragraphs: a block element ends one, whitespace inside one collapses to single spaces. */
export function paragraphsOfHtml(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  let buffer = '';
  const flush = () => {
    const line = buffer.replace(/\s+/g, ' ').trim();
    if (line) out.push(line);
    buffer = '';
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) buffer += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        const block = BLOCK.has(tag);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(document.body);
  flush();
  return out;
}

const cap = (line: string, max = CONVERT_DEFAULTS.maxTitleChars) => {
  const one = line.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
};

/** The date part of an ISO timestamp or a PDF date ("D:20250910…"), when it is a real day. */
function dayOf(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const m = /^(?:D:)?(\d{4})-?(\d{2})-?(\d{2})/.exec(value.trim());
  const day = m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  return day && isIsoDate(day) ? day : null;
}

/** Text with the title as its first line, then the paragraphs, a blank line between each (the segmenter's paragraphs). */
function assemble(title: string | null, paragraphs: readonly string[]): string {
  const body = paragraphs.filter(Boolean);
  if (title && body[0]?.replace(/\s+/g, ' ').trim() !== title) body.unshift(title);
  return `${body.join('\n\n')}\n`;
}

function fromHtml(html: string): Converted {
  const { document } = parseHTML(html);
  // Read before Readability, which changes the document: a page's own headline has no " | Site name" after it.
  const headline = (document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? document.querySelector('h1')?.textContent ?? '')
    .replace(/\s+/g, ' ').trim();
  const article = new Readability(document as unknown as Document).parse();
  if (!article?.content) throw new ConvertError('has no article text that Readability could find (is it a saved news page?)');
  const paragraphs = paragraphsOfHtml(article.content);
  if (paragraphs.length === 0) throw new ConvertError('has no article text that Readability could find (is it a saved news page?)');
  const title = headline ? cap(headline) : article.title ? cap(article.title) : null;
  return { text: assemble(title, paragraphs), title, published: dayOf(article.publishedTime), credit: article.siteName || article.byline || null };
}

/**
 * Lines a PDF gives are lines of print: a line that does not end a sentence continues on the next, so it is joined to
 * it with a space; a blank line, a line ending in . ! ? : or a quote, or a line much shorter than the page's longest
 * (a headline, the last line of a paragraph) ends a paragraph.
 */
export function reflowPdfText(text: string, shortLine = 0.7): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const lines = text.split(/\r?\n/).map((raw) => raw.replace(/\s+/g, ' ').trim());
  const longest = Math.max(0, ...lines.map((l) => l.length));
  for (const line of lines) {
    if (!line) {
      if (current) paragraphs.push(current);
      current = '';
      continue;
    }
    current = current ? (current.endsWith('-') && /^[a-z]/.test(line) ? current.slice(0, -1) + line : `${current} ${line}`) : line;
    if (/[.!?:"”’]$/.test(line) || line.length < longest * shortLine) {
      paragraphs.push(current);
      current = '';
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

async function fromPdf(bytes: Uint8Array): Promise<Converted> {
  let pages: string[];
  let info: Record<string, unknown> = {};
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    pages = (await extractText(pdf, { mergePages: false })).text;
    info = ((await getMeta(pdf)).info ?? {}) as Record<string, unknown>;
  } catch (error) {
    throw new ConvertError(`is not a PDF that can be read (${(error as Error).message.split('\n')[0]})`);
  }
  const paragraphs = pages.flatMap((page) => reflowPdfText(page));
  if (paragraphs.join('').trim().length === 0) throw new ConvertError('has no text layer (a scanned image?): run it through OCR first, then add the text');
  const title = typeof info.Title === 'string' && info.Title.trim() ? cap(info.Title) : null;
  return { text: assemble(title, paragraphs), title, published: null, credit: typeof info.Author === 'string' && info.Author.trim() ? info.Author.trim() : null };
}

async function fromDocx(bytes: Uint8Array): Promise<Converted> {
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw new ConvertError(`is not a Word .docx file that can be opened (${(error as Error).message.split('\n')[0]})`);
  }
  const paragraphs = raw.split(/\n\s*\n|\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (paragraphs.length === 0) throw new ConvertError('has no text');
  return { text: assemble(null, paragraphs), title: null, published: null, credit: null };
}

/** Decodes text as the pipeline will (strict UTF-8, not binary, not empty); its message names the upload. */
function checkedText(name: string, bytes: Uint8Array): string {
  try {
    return ingest(name, bytes).text;
  } catch (error) {
    if (error instanceof PipelineInputError) throw new ConvertError(error.message.slice(name.length + 2));
    throw error;
  }
}

/** Reads an uploaded file by its format; throws a ConvertError saying why it cannot be read. */
export async function convertUpload(name: string, format: Format, bytes: Uint8Array): Promise<Converted> {
  if (format === 'pdf') return fromPdf(bytes);
  if (format === 'docx') return fromDocx(bytes);
  const text = checkedText(name, bytes);
  if (format === 'html') return fromHtml(text);
  if (format === 'markdown') {
    const paragraphs = paragraphsOfHtml(await marked.parse(text, { async: true }));
    if (paragraphs.length === 0) throw new ConvertError('has no text');
    return { text: assemble(null, paragraphs), title: null, published: null, credit: null };
  }
  return { text, title: null, published: null, credit: null };
}
