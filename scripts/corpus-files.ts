// The documents of an input folder, listed and read without following links out of it: a `.txt` symbolic link
// to /etc/passwd would otherwise be read and published in documents.json (served by the app, inlined by exports).
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { extname, join } from 'node:path';
import { printable } from '../src/util/text.ts';

/** The document formats the workbench converts to text, by the file name's extension (lower case). */
export const DOCUMENT_FORMATS = {
  '.txt': 'text', '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.docx': 'docx',
} as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[keyof typeof DOCUMENT_FORMATS];

/** Files of articles, one a line or row, by extension (scripts/run/inputs.ts reads them). */
export const ARTICLE_FILES: Record<string, 'jsonl' | 'csv'> = { '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv' };

export function formatOf(name: string): DocumentFormat | null {
  const ext = extname(name).toLowerCase();
  return Object.hasOwn(DOCUMENT_FORMATS, ext) ? DOCUMENT_FORMATS[ext as keyof typeof DOCUMENT_FORMATS] : null;
}

/** The stem of a file name: "report.final.pdf" -> "report.final". */
export const stemOf = (name: string) => name.slice(0, name.length - extname(name).length);

/** A folder's entries beside its .txt documents and manifest.json, by what can be done with them. */
export interface OtherEntries {
  /** Documents to convert to text (a page, PDF, Word or Markdown file) that have no .txt of their stem yet. */
  convertible: string[];
  /** Files of articles (.jsonl, .ndjson, .csv). */
  articleFiles: string[];
  /** Folders (documents in them are not read). */
  folders: string[];
  /** Anything else: no format Flankline reads. */
  unknown: string[];
}

/**
 * What else a corpus folder holds, in code-unit order. Hidden entries (the outputs in .flankline, .git) and the files
 * Flankline keeps there (`keep`: manifest.json, corrections.json) are not looked at; an original beside its text (a
 * converted PDF beside its .txt) is read through that text.
 */
export function otherEntries(dir: string, keep: readonly string[]): OtherEntries {
  const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.')).sort((a, b) => byCodeUnit(a.name, b.name));
  const texts = new Set(entries.filter((e) => e.name.toLowerCase().endsWith('.txt')).map((e) => stemOf(e.name)));
  const other: OtherEntries = { convertible: [], articleFiles: [], folders: [], unknown: [] };
  for (const entry of entries) {
    const { name } = entry;
    if (name.toLowerCase().endsWith('.txt') || keep.includes(name)) continue;
    if (entry.isDirectory()) other.folders.push(name);
    else if (ARTICLE_FILES[extname(name).toLowerCase()]) other.articleFiles.push(name);
    else if (formatOf(name) !== null) {
      if (!texts.has(stemOf(name))) other.convertible.push(name);
    } else other.unknown.push(name);
  }
  return other;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface DocumentListing {
  /** `.txt` entries to read (files, and links, which readDocument judges), in code-unit order. */
  names: string[];
  /** `.txt` entries that are not documents (a folder, a device, a pipe), one sentence each. */
  problems: string[];
}

export function listDocuments(dir: string): DocumentListing {
  const names: string[] = [];
  const problems: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.name.toLowerCase().endsWith('.txt')) continue;
    if (entry.isFile() || entry.isSymbolicLink()) names.push(entry.name);
    else problems.push(`${printable(join(dir, entry.name))}: is ${entry.isDirectory() ? 'a folder' : 'not a regular file'}, not a document; skipped`);
  }
  return { names: names.sort(byCodeUnit), problems: problems.sort(byCodeUnit) };
}

export interface ReadOptions {
  /** Read what a symbolic link points to, wherever it is (`--follow-symlinks`). */
  followSymlinks: boolean;
  maxDocumentMb: number;
}

export type DocumentRead = { bytes: Buffer } | { problem: string };

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function linkTarget(path: string): string {
  try {
    return printable(readlinkSync(path));
  } catch {
    return '?';
  }
}

/**
 * One document's bytes, or the sentence saying why it is not read. The file is opened once and judged by what was
 * opened (O_NOFOLLOW, then fstat), so a link swapped in after the folder was listed is refused too.
 */
export function readDocument(dir: string, name: string, opts: ReadOptions): DocumentRead {
  const path = join(dir, name);
  const shown = printable(path);
  let fd: number;
  try {
    fd = openSync(path, opts.followSymlinks ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const isLink = (() => { try { return lstatSync(path).isSymbolicLink(); } catch { return false; } })();
    if (isLink && (code === 'ENOENT' || !existsSync(path))) return { problem: `${shown}: is a symbolic link to ${linkTarget(path)}, which does not exist; skipped` };
    if (isLink && code === 'ELOOP' && !opts.followSymlinks) {
      return { problem: `${shown}: is a symbolic link (to ${linkTarget(path)}); not read, links are not followed (pass --follow-symlinks to read them)` };
    }
    return { problem: `${shown}: cannot be read (${code ?? (error as Error).message})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: `${shown}: is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}, not a document; skipped` };
    if (stat.size > opts.maxDocumentMb * 1_048_576) {
      return { problem: `${shown}: is ${megabytes(stat.size)}, over the ${opts.maxDocumentMb} MB limit for one document; not read (split it, or raise --max-document-mb)` };
    }
    return { bytes: readFileSync(fd) };
  } catch (error) {
    return { problem: `${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  } finally {
    closeSync(fd);
  }
}

/** Whether a path is a symbolic link (false when it does not exist). */
export function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
