// Where a run's documents come from, read one at a time so a corpus of any size streams through: a folder of .txt
// files (with its manifest.json), or one file of articles, JSON Lines (.jsonl, .ndjson) or CSV (.csv), one article a
// line or row with its text, title, published date and url. Nothing here runs the pipeline.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import { isIsoDate } from '../../src/model/event.ts';
import { readManifest, PipelineInputError, type ManifestEntry } from '../../src/pipeline/manifest.ts';
import { printable } from '../../src/util/text.ts';
import { ARTICLE_FILES, isSymbolicLink, listDocuments, otherEntries, readDocument } from '../corpus-files.ts';
import { CORRECTIONS_NAME } from '../corpus.ts';
import type { PipelineInput } from '../../src/pipeline/index.ts';

/** A document to run, or a problem that keeps one from running (named, never dropped in silence). */
export type SourceItem = { input: PipelineInput } | { problem: string };

export interface DocumentSource {
  /** Problems known before any document is read: broken manifest entries, files it lists that are missing. */
  problems: string[];
  /** How many of `problems` are documents that will not be read (an entry to fix, a folder named .txt). */
  unread: number;
  /** Things the reader should know that are not problems (a manifest title cut to length). */
  notes: string[];
  /** Documents the source holds: exact for a folder; for a file, an estimate from the share of its bytes read so far. */
  expected(): number | null;
  /** Whether expected() is a count rather than an estimate. */
  exact: boolean;
  /** The documents (and problems) in input order. */
  items(): AsyncGenerator<SourceItem>;
}

/** A problem with the input as a whole: nothing can be read. */
export class SourceError extends Error {}

export interface SourceOptions {
  /** Largest document read, in MB; a bigger one is named and not read. */
  maxDocumentMb: number;
  /** Read `.txt` symbolic links (and a linked manifest.json) wherever they point; off, each is named and skipped. */
  followSymlinks?: boolean;
}


export function openSource(path: string, opts: SourceOptions): DocumentSource {
  if (!existsSync(path)) throw new SourceError(`${path}: input does not exist`);
  if (statSync(path).isDirectory()) return folderSource(path, opts);
  const format = ARTICLE_FILES[extname(path).toLowerCase()];
  if (!format) throw new SourceError(`${path}: input is not a folder, a .jsonl or a .csv file of articles`);
  return format === 'jsonl' ? jsonlSource(path, opts) : csvSource(path, opts);
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const tooBig = (what: string, bytes: number, opts: SourceOptions) =>
  `${what}: is ${megabytes(bytes)}, over the ${opts.maxDocumentMb} MB limit for one document; not read (split it, or raise --max-document-mb)`;

/** What else the folder holds that a run does not read, and how to read it; nothing is skipped in silence. */
function otherNotes(dir: string): string[] {
  const other = otherEntries(dir, ['manifest.json', CORRECTIONS_NAME]);
  const list = (names: string[]) => (names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', '));
  const notes: string[] = [];
  if (other.convertible.length > 0) notes.push(`not read: ${list(other.convertible)}: documents are read as .txt; \`npm start -- ${dir}\` converts pages, PDFs, Word and Markdown files to text`);
  for (const name of other.articleFiles) notes.push(`not read: ${name}: a file of articles is read on its own (--input ${join(dir, name)})`);
  if (other.folders.length > 0) notes.push(`not read: ${list(other.folders)}: folders inside the input are not read`);
  if (other.unknown.length > 0) notes.push(`not read: ${list(other.unknown)}: not a format Flankline reads`);
  return notes;
}

/**
 * The .txt files of a folder by name, with the titles and dates of its manifest.json. Symbolic links are not followed
 * out of the folder unless asked (corpus-files.ts): a link to /etc/passwd would be published in documents.json.
 */
function folderSource(dir: string, opts: SourceOptions): DocumentSource {
  const followSymlinks = opts.followSymlinks ?? false;
  const listing = listDocuments(dir);
  const names = listing.names;
  const manifestPath = join(dir, 'manifest.json');
  let manifest: ManifestEntry[] = [];
  const problems: string[] = [...listing.problems];
  const notes: string[] = [];
  // Documents whose manifest entry is broken: read with a guessed title and no date they would be misplaced in
  // time, so they wait for the manifest to be fixed.
  const badEntries = new Set<string>();
  if (!followSymlinks && isSymbolicLink(manifestPath)) {
    throw new SourceError(`${manifestPath}: is a symbolic link; not read, links are not followed (pass --follow-symlinks to read it); nothing was read`);
  }
  if (existsSync(manifestPath)) {
    try {
      const reading = readManifest(readFileSync(manifestPath, 'utf8'), manifestPath);
      manifest = reading.entries;
      for (const note of reading.notes) notes.push(note);
      for (const p of reading.problems) {
        problems.push(p.file ? `${p.message}; ${printable(p.file)} is not read until its entry is fixed` : p.message);
        if (p.file) badEntries.add(p.file);
      }
    } catch (error) {
      if (error instanceof PipelineInputError) throw new SourceError(`${error.message}; nothing was read (fix it, or remove it to read the documents without titles and dates)`);
      throw error;
    }
  }
  const byFile = new Map(manifest.map((m) => [m.file, m]));
  const present = new Set(names);
  // One push per entry: a spread of a list this long (a manifest of 200,000 missing files) overflows the stack.
  for (const m of manifest) if (!present.has(m.file)) problems.push(`${manifestPath}: lists ${printable(m.file)}, which is not in ${dir}`);
  const others = otherNotes(dir);
  if (names.length === 0) throw new SourceError(`${dir}: no .txt documents to read${others.length > 0 ? ` (${others.join('; ')})` : ''}`);
  notes.push(...others);
  const files = names.filter((n) => !badEntries.has(n));
  return {
    problems,
    unread: listing.problems.length + (names.length - files.length),
    notes,
    expected: () => files.length,
    exact: true,
    async *items() {
      for (const file of files) {
        const read = readDocument(dir, file, { followSymlinks, maxDocumentMb: opts.maxDocumentMb });
        if ('problem' in read) yield { problem: read.problem };
        else yield { input: { file, bytes: read.bytes, meta: byFile.get(file) } };
      }
    },
  };
}

/** One article as a file of articles gives it, before it is checked. */
interface ArticleFields {
  text?: unknown;
  title?: unknown;
  published?: unknown;
  url?: unknown;
  credit?: unknown;
}

/**
 * `published` as the contract's YYYY-MM-DD: a date, the date part of an ISO date-time ("2025-06-03T10:15:00Z"; as
 * written, not moved to another time zone), or GDELT's YYYYMMDD[hhmmss]. Empty or absent is null; anything else throws.
 */
export function publishedDate(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new Error('"published" must be a date written YYYY-MM-DD');
  const trimmed = value.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(trimmed);
  const compact = /^(\d{4})(\d{2})(\d{2})(?:\d{6})?$/.exec(trimmed);
  const date = iso ? iso[1] : compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : null;
  if (date === null || !isIsoDate(date)) throw new Error(`published "${value}" is not a real date written YYYY-MM-DD`);
  return date;
}

function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new Error(`"${field}" must be text`);
  return value;
}

/**
 * Reads the articles of one file in order. `where(n)` says where record n is ("line 12"). Each article is named by its
 * url, which stays the same when the file grows or is re-exported; without one (or when an earlier article has the
 * same url), by the file's name and its record number, "wire.jsonl#12".
 */
function articleReader(path: string, opts: SourceOptions) {
  const fileName = basename(path);
  const names = new Set<string>();
  const encoder = new TextEncoder();
  return (fields: ArticleFields, n: number, where: string): SourceItem => {
    try {
      const text = fields.text;
      if (typeof text !== 'string' || text.trim() === '') throw new Error('has no "text"');
      const url = optionalText(fields.url, 'url');
      const file = url !== null && !names.has(url) ? url : `${fileName}#${n}`;
      names.add(file);
      const meta: ManifestEntry = {
        file,
        title: optionalText(fields.title, 'title') ?? '',
        credit: optionalText(fields.credit, 'credit'),
        published: publishedDate(fields.published),
      };
      const bytes = encoder.encode(text);
      if (bytes.length > opts.maxDocumentMb * 1_048_576) return { problem: tooBig(`${path}: ${where}`, bytes.length, opts) };
      return { input: { file, bytes, meta } };
    } catch (error) {
      return { problem: `${path}: ${where}: ${(error as Error).message}; the article is not read` };
    }
  };
}

/** How many records a file holds, estimated from those read so far and the share of its bytes they took. */
function estimate(read: { records: number; bytes: number }, totalBytes: number): () => number | null {
  return () => (read.bytes > 0 ? Math.max(read.records, Math.round((read.records * totalBytes) / read.bytes)) : null);
}

type Article = ReturnType<typeof articleReader>;
interface Read {
  records: number;
  bytes: number;
}

/** A file of articles whose records `read` yields, counting what it read in `progress` for the estimate. */
function articleFile(path: string, opts: SourceOptions, read: (article: Article, progress: Read) => AsyncGenerator<SourceItem>): DocumentSource {
  const progress: Read = { records: 0, bytes: 0 };
  return {
    problems: [],
    unread: 0,
    notes: [],
    expected: estimate(progress, statSync(path).size),
    exact: false,
    async *items() {
      yield* read(articleReader(path, opts), progress);
      if (progress.records === 0) throw new SourceError(`${path}: no articles to read`);
    },
  };
}

/** One JSON object a line: {"text": ..., "title": ..., "published": ..., "url": ...}; blank lines are skipped. */
function jsonlSource(path: string, opts: SourceOptions): DocumentSource {
  return articleFile(path, opts, async function* (article, progress) {
    const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
    let line = 0;
    for await (const text of lines) {
      line++;
      progress.bytes += Buffer.byteLength(text) + 1;
      if (text.trim() === '') continue;
      progress.records++;
      let fields: unknown;
      try {
        fields = JSON.parse(text);
      } catch (error) {
        yield { problem: `${path}: line ${line}: is not valid JSON (${(error as Error).message.split('\n')[0]}); the article is not read` };
        continue;
      }
      if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
        yield { problem: `${path}: line ${line}: is not a JSON object with a "text"; the article is not read` };
        continue;
      }
      yield article(fields as ArticleFields, line, `line ${line}`);
    }
  });
}

const CSV_COLUMNS = ['text', 'title', 'published', 'url', 'credit'] as const;

/** A header row naming its columns (text is required; title, published, url, credit optional), then one article a row. */
function csvSource(path: string, opts: SourceOptions): DocumentSource {
  return articleFile(path, opts, async function* (article, progress) {
    const input = createReadStream(path);
    const parser = input.pipe(parseCsv({
      bom: true, relax_column_count: true, skip_empty_lines: true, info: true,
      // csv-parse stops at 128,000 characters a field by default; an article may be as long as a document may be.
      max_record_size: (opts.maxDocumentMb + 1) * 1_048_576,
    }));
    let columns: Map<string, number> | null = null;
    try {
      for await (const { record: row, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
        progress.bytes = info.bytes;
        if (columns === null) {
          columns = new Map(row.map((name, i) => [name.trim().toLowerCase(), i]));
          if (!columns.has('text')) {
            throw new SourceError(`${path}: the first row must name the columns, one of them "text" (found: ${row.slice(0, 8).join(', ')})`);
          }
          continue;
        }
        const record = ++progress.records;
        const fields: ArticleFields = {};
        for (const name of CSV_COLUMNS) if (columns.has(name)) fields[name] = row[columns.get(name)!];
        yield article(fields, record + 1, `row ${record + 1} (line ${info.lines})`);
      }
    } catch (error) {
      if (error instanceof SourceError) throw error;
      // csv-parse names the line where the file stops being CSV; the articles before it were read.
      yield { problem: `${path}: ${(error as Error).message}; the rest of the file is not read` };
    } finally {
      input.destroy();
    }
  });
}
