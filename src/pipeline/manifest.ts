// Parses manifest.json: per document its title, credit and the published date that relative dates resolve against.
import { isIsoDate } from '../model/event.ts';
import { PipelineInputError } from './errors.ts';
import { printable, truncate } from '../util/text.ts';

export { PipelineInputError };

export const MANIFEST_DEFAULTS = {
  /**
   * Longest title and credit kept, in characters. The title is copied into every source of every event of the
   * document and the credit into the credits line: a 2 MB title would make every event 2 MB. Headlines and agency
   * names are far shorter; a longer one is cut with "…" and the run says so.
   */
  maxTitleChars: 300,
  maxCreditChars: 120,
};

export interface ManifestEntry {
  file: string;
  title: string;
  credit: string | null;
  published: string | null;
}

/** Line and column (1-based) of a string index, for messages a person can act on. */
function lineColumn(text: string, index: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${index - lineStart + 1}`;
}

/**
 * Index of the first character where `text` stops being valid JSON. Only run after JSON.parse failed, because
 * Node 20's messages name the bad token but not where it is.
 */
function jsonErrorIndex(text: string): number {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => (text.startsWith(word, i) ? (i += word.length) : fail());
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) return void i++;
      for (;;) {
        if (close === '}') {
          space();
          if (text[i] !== '"') fail();
          string();
          space();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === close) return void i++;
        else fail();
      }
    }
    if (c === '"') {
      string();
      return;
    }
    if (c === 't') return void literal('true');
    if (c === 'f') return void literal('false');
    if (c === 'n') return void literal('null');
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!number) fail();
    i += number![0].length;
  };
  try {
    value();
    space();
    return i;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : text.length;
  }
}

function parseJson(jsonText: string, fileName: string): unknown {
  const text = jsonText.charCodeAt(0) === 0xfeff ? jsonText.slice(1) : jsonText;
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = lineColumn(text, jsonErrorIndex(text));
    throw new PipelineInputError(fileName, `is not valid JSON at ${where} (${message.split('\n')[0]})`);
  }
}

function optionalString(value: unknown, fileName: string, where: string, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new PipelineInputError(fileName, `${where}: "${field}" must be a string or null`);
  return value;
}

function parseEntry(raw: unknown, index: number, fileName: string, notes: string[], opts: typeof MANIFEST_DEFAULTS): ManifestEntry {
  const where = `documents[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PipelineInputError(fileName, `${where} must be an object with at least a "file"`);
  }
  const entry = raw as Record<string, unknown>;
  if (typeof entry.file !== 'string' || entry.file.trim() === '') {
    throw new PipelineInputError(fileName, `${where} has no "file" (the document's file name)`);
  }
  const file = entry.file;
  const at = `${where} (${printable(file)})`;
  const published = optionalString(entry.published, fileName, at, 'published');
  if (published !== null && !isIsoDate(published)) {
    throw new PipelineInputError(
      fileName,
      `${at}: published "${published}" is not a real date written YYYY-MM-DD`,
    );
  }
  const capped = (field: 'title' | 'credit', value: string | null, max: number) => {
    if (value === null || value.length <= max) return value;
    notes.push(`${printable(fileName)}: ${at}: ${field} is ${value.length} characters, cut to ${max}`);
    return truncate(value, max);
  };
  return {
    file,
    title: capped('title', optionalString(entry.title, fileName, at, 'title'), opts.maxTitleChars) ?? '',
    credit: capped('credit', optionalString(entry.credit, fileName, at, 'credit'), opts.maxCreditChars),
    published,
  };
}

/** A manifest entry that could not be read: its message, and the document it names when it names one. */
export interface ManifestProblem {
  file: string | null;
  message: string;
}

export interface ManifestReading {
  entries: ManifestEntry[];
  /** Entries that could not be read, in manifest order. The documents they name are not read either. */
  problems: ManifestProblem[];
  /** Entries read with a change the reader should know of (a title too long, cut), one sentence each. */
  notes: string[];
}

/**
 * Reads manifest.json entry by entry: one bad entry (a date like 2025-02-30, a title that is a number) is a
 * problem for that document alone, so the rest of the corpus still has its titles and published dates. Text that is
 * not JSON, or has no "documents" array, throws: nothing in it can be trusted.
 */
export function readManifest(jsonText: string, fileName = 'manifest.json', opts = MANIFEST_DEFAULTS): ManifestReading {
  const json = parseJson(jsonText, fileName);
  const documents = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).documents : undefined;
  if (!Array.isArray(documents)) {
    throw new PipelineInputError(fileName, 'has no "documents" array');
  }
  const seen = new Set<string>();
  const entries: ManifestEntry[] = [];
  const problems: ManifestProblem[] = [];
  const notes: string[] = [];
  documents.forEach((raw, index) => {
    const named = typeof raw === 'object' && raw !== null && typeof (raw as Record<string, unknown>).file === 'string'
      ? ((raw as Record<string, unknown>).file as string) : null;
    try {
      const entry = parseEntry(raw, index, fileName, notes, opts);
      if (seen.has(entry.file)) {
        throw new PipelineInputError(fileName, `documents[${index}]: "${printable(entry.file)}" is listed twice`);
      }
      seen.add(entry.file);
      entries.push(entry);
    } catch (error) {
      if (!(error instanceof PipelineInputError)) throw error;
      problems.push({ file: named && !seen.has(named) ? named : null, message: error.message });
    }
  });
  return { entries, problems, notes };
}

/** Parses the text of manifest.json. Extra fields (notes, "about") are ignored; any other problem throws. */
export function parseManifest(jsonText: string, fileName = 'manifest.json'): ManifestEntry[] {
  const { entries, problems } = readManifest(jsonText, fileName);
  if (problems.length > 0) throw new PipelineInputError(fileName, problems[0].message);
  return entries;
}
