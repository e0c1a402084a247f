// The per-document cache: a document's result is kept under a key made of the document (name, manifest entry, bytes)
// and the pipeline's version (its code, the versions of the packages it uses, the gazetteer index), so a re-run
// processes only new and changed documents. Plain JSON files, two a document (one when the run made no mention
// records: a run that writes mentions.json reads such a document again); safe to delete at any time.
//
//   DIR/<version>/<key[0..2]>/<key>.json            {"format":2,"version":…,"key":…,"file":…,"result":{DocumentResult without mentions}}
//   DIR/<version>/<key[0..2]>/<key>.mentions.json   {"key":…,"mentions":[…]}
//
// The mentions (half of an entry's bytes) are read only by a run that writes mentions.json: a re-run reads half as much.
//
// A version's folder is never changed by another version; folders of other versions are removed after a run.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAGE_NAMES, type DocumentResult, type PipelineInput } from '../../src/pipeline/index.ts';
import { DEFAULT_SETTINGS, RESOURCE_FILES } from './resources.ts';

/** Bump when the entry layout changes (the code hash would change anyway; this says why). */
const CACHE_FORMAT = 2;
/** Characters of an entry gathered into one write (an entry of a news document is one write). */
const CACHE_WRITE_CHARS = 1 << 20;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Every file under these folders is part of the code version: what processDocument runs. */
const CODE_FOLDERS = ['src/pipeline', 'src/model'];
/** The packages the pipeline imports (its runtime dependencies): a new version of one may change a result. */
export const CODE_PACKAGES = ['chrono-node', 'zod', 'wink-nlp', 'wink-eng-lite-web-model'];

export const CACHE_DIR_NAME = '.flankline-cache';

const sha256 = () => createHash('sha256');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * The pipeline's version: a hash of the sources of src/pipeline/ and src/model/, the installed versions of the
 * packages they import, and the bytes of the data files it reads (the gazetteer index, resources.ts). Any change to
 * one of these gives a new version, so no result of an older pipeline is ever used.
 */
export function pipelineVersion({ root = ROOT, dataFiles = RESOURCE_FILES, settings = DEFAULT_SETTINGS } = {}): string {
  const hash = sha256().update(`flankline-cache ${CACHE_FORMAT}\n`).update(`${JSON.stringify(settings)}\n`);
  for (const folder of CODE_FOLDERS) {
    for (const file of filesUnder(join(root, folder))) hash.update(`${relative(root, file)}\0`).update(readFileSync(file)).update('\0');
  }
  for (const name of CODE_PACKAGES) hash.update(`${name}@${JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version}\0`);
  for (const file of dataFiles) hash.update(`${file}\0`).update(existsSync(file) ? readFileSync(file) : 'missing').update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** A document's content hash: what finds a repeated document and, with its name and entry, its cache entry. */
export const contentHash = (bytes: Uint8Array) => sha256().update(bytes).digest('hex');

/** What makes a document's result: its name, its manifest entry and its bytes (by their hash). */
export function documentKey(input: PipelineInput, bytesHash: string): string {
  const meta = input.meta ? [input.meta.file, input.meta.title, input.meta.credit, input.meta.published] : null;
  return sha256().update(JSON.stringify([input.file, meta, bytesHash])).digest('hex');
}

/**
 * Where the cache goes by default: beside the outputs. When they are inside the project's public/ folder (the
 * default outputs), Vite would publish the cache with the app, so it goes to the project folder instead.
 */
export function defaultCacheDir(output: string, cwd = process.cwd()): string {
  const outDir = dirname(resolve(cwd, output));
  const publicDir = resolve(cwd, 'public');
  const insidePublic = outDir === publicDir || !relative(publicDir, outDir).startsWith('..');
  return insidePublic ? join(cwd, CACHE_DIR_NAME) : join(outDir, CACHE_DIR_NAME);
}

interface Entry {
  format: number;
  version: string;
  key: string;
  file: string;
  /** The result with an empty mention list: the mentions are in the entry's side file. */
  result: DocumentResult;
}

interface MentionsEntry {
  key: string;
  mentions: DocumentResult['mentions'];
}

/** The shape a cached result must have to be used; anything else is a corrupt entry. */
function isResult(value: unknown, file: string): value is DocumentResult {
  const r = value as DocumentResult;
  return typeof r === 'object' && r !== null && typeof r.outcome === 'object' && r.outcome !== null && r.outcome.file === file &&
    Array.isArray(r.outcome.events) && Array.isArray(r.outcome.undated) && Array.isArray(r.mentions) && Array.isArray(r.stageMs) &&
    (r.outcome.error === null) === (r.document !== null) && (r.document === null || (typeof r.document.text === 'string' && r.document.file === file));
}

export class DocumentCache {
  readonly dir: string;
  readonly version: string;
  /** Called with one line for each entry that cannot be used (corrupt, foreign) and for a cache that cannot be written. */
  private readonly warn: (message: string) => void;
  private writable = true;
  /** Shard folders this process has made (or found) already: a cold run would otherwise ask for each on every entry. */
  private readonly folders = new Set<string>();

  constructor(dir: string, version: string, warn: (message: string) => void) {
    this.dir = dir;
    this.version = version;
    this.warn = warn;
  }

  /** The key of a document: its name, its manifest entry and its bytes (by their hash). */
  key(input: PipelineInput, bytesHash: string): string {
    return documentKey(input, bytesHash);
  }

  private pathOf(key: string): string {
    return join(this.dir, this.version, key.slice(0, 2), `${key}.json`);
  }

  private mentionsPathOf(key: string): string {
    return join(this.dir, this.version, key.slice(0, 2), `${key}.mentions.json`);
  }

  /** Whether an entry is kept for this key (not yet whether it can be used: get() says that). */
  has(key: string): boolean {
    return existsSync(this.pathOf(key));
  }

  /**
   * The cached result, or null. Its mentions are read only when asked for (otherwise the list is empty). A corrupt or
   * foreign entry is named in a warning, deleted, and counts as a miss.
   */
  get(key: string, file: string, withMentions = true): DocumentResult | null {
    const entry = this.read<Entry>(this.pathOf(key));
    if (entry === undefined) return null;
    const ok = entry?.format === CACHE_FORMAT && entry.version === this.version && entry.key === key && entry.file === file && isResult(entry.result, file);
    if (!ok) return this.reject(this.pathOf(key), file, entry);
    // The time was spent by an earlier run.
    const result = { ...entry.result, stageMs: STAGE_NAMES.slice(0, -1).map(() => 0) };
    if (!withMentions) return result;
    // Read by a run that made no mention records: a miss for a run that wants them (nothing is wrong with it).
    if (entry.result.withoutMentions) return null;
    const side = this.read<MentionsEntry>(this.mentionsPathOf(key));
    if (side?.key === key && Array.isArray(side.mentions)) return { ...result, mentions: side.mentions };
    return this.reject(this.mentionsPathOf(key), file, side === undefined ? { missing: true } : side);
  }

  /** A file's JSON; null when it is not JSON; undefined when it cannot be read (a miss, not a fault). */
  private read<T>(path: string): T | null | undefined {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      return null;
    }
  }

  private reject(path: string, file: string, found: unknown): null {
    const why = found === null ? 'corrupt (not JSON)' : (found as { missing?: boolean }).missing ? 'missing its mentions' : 'not this document\'s or not this version\'s';
    this.warn(`${path}: cache entry for ${file} is ${why}; the document is read again`);
    removeQuietly(path);
    return null;
  }

  /**
   * Keeps a result: its mentions first, then the entry, each written to a temp file and renamed, so a reader never sees
   * half a file nor an entry without its mentions.
   */
  put(key: string, file: string, result: DocumentResult): void {
    if (!this.writable) return;
    const path = this.pathOf(key);
    let temp = '';
    // Made in pieces (jsonChunks): a large document's result is never one string and its UTF-8 copy at once. The pieces
    // are gathered into writes of up to CACHE_WRITE_CHARS: one system call per piece (dozens an entry) cost the main
    // process more CPU than the rest of a cold run's bookkeeping.
    const writeWhole = (target: string, value: unknown) => {
      temp = `${target}.${process.pid}.tmp`;
      const fd = openSync(temp, 'w');
      try {
        let pending: string[] = [];
        let length = 0;
        for (const chunk of jsonChunks(value, 4)) {
          pending.push(chunk);
          length += chunk.length;
          if (length < CACHE_WRITE_CHARS) continue;
          writeFileSync(fd, pending.join(''));
          pending = [];
          length = 0;
        }
        if (length > 0) writeFileSync(fd, pending.join(''));
      } finally {
        closeSync(fd);
      }
      renameSync(temp, target);
    };
    const folder = dirname(path);
    const writeEntry = () => {
      if (!this.folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.folders.add(folder);
      }
      if (!result.withoutMentions) writeWhole(this.mentionsPathOf(key), { key, mentions: result.mentions } satisfies MentionsEntry);
      writeWhole(path, { format: CACHE_FORMAT, version: this.version, key, file, result: { ...result, mentions: [] } } satisfies Entry);
    };
    try {
      try {
        writeEntry();
      } catch (error) {
        // The cache may be deleted at any time, its folders with it: made again once.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        this.folders.delete(folder);
        writeEntry();
      }
    } catch (error) {
      this.writable = false;
      removeQuietly(temp);
      this.warn(`${this.dir}: cannot write the cache (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); this run goes on without keeping results`);
    }
  }

  /** Removes the folders of other pipeline versions: their entries can never be used again. Returns how many. */
  pruneOtherVersions(): number {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return 0;
    }
    const old = names.filter((name) => name !== this.version && /^[0-9a-f]{16}$/.test(name));
    for (const name of old) removeQuietly(join(this.dir, name));
    return old.length;
  }
}

/**
 * JSON.stringify(value) in pieces: objects down to `depth` levels and long arrays are written a part at a time, so the
 * result of a 5 MB document (its text, tens of thousands of mentions) is never one string, nor one UTF-8 copy of it.
 * The pieces joined parse to what JSON.stringify gives (plain data: no toJSON, no cycles).
 */
export function* jsonChunks(value: unknown, depth: number, arrayChunk = 1000): Generator<string> {
  if (Array.isArray(value) && value.length > arrayChunk) {
    yield '[';
    for (let i = 0; i < value.length; i += arrayChunk) {
      const part = value.slice(i, i + arrayChunk).map((x) => JSON.stringify(x) ?? 'null').join(',');
      yield i === 0 ? part : `,${part}`;
    }
    yield ']';
  } else if (depth > 0 && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    yield '{';
    let first = true;
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      yield `${first ? '' : ','}${JSON.stringify(k)}:`;
      first = false;
      yield* jsonChunks(v, depth - 1, arrayChunk);
    }
    yield '}';
  } else {
    yield JSON.stringify(value) ?? 'null';
  }
}

/** A cache that cannot be tidied is no reason to fail a run: what is left is found and replaced next time. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // left for the next run
  }
}
