// The per-document cache: a document's result is kept under a key made of the document (name, manifest entry, bytes)
// and the pipeline's version (its code, the versions of the packages it uses, the gazetteer index), so a re-run
// processes only new and changed documents. Safe to delete at any time.
//
// Entries live in a few *packs* (cache-pack.ts), not a file each: a run appends what it ran to packs of its own, and a
// re-run reads every pack whole, in V8's serialization format (node:v8). Reading 10,000 JSON files and parsing them was
// a fifth of a warm re-run's time; a handful of files read at once and V8's deserializer cost a fraction of that.
//
//   DIR/<version>/<stamp>.pack    header (format, version), then records: key, the result without its mentions, the mentions
//
// The mentions (half of an entry's bytes) are deserialized only by a run that writes mentions.json.
// A version's folder is never changed by another version; folders of other versions are removed after a run.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { STAGE_NAMES, type DocumentResult, type PipelineInput } from '../../src/pipeline/index.ts';
import { DEFAULT_SETTINGS, RESOURCE_FILES } from './resources.ts';
import { PackStore } from './cache-pack.ts';

/** Bump when the entry layout changes (the code hash would change anyway; this says why). */
const CACHE_FORMAT = 3;
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

/** The shape a cached result must have to be used; anything else is a corrupt entry. */
function isResult(value: unknown, file: string): value is DocumentResult {
  const r = value as DocumentResult;
  return typeof r === 'object' && r !== null && typeof r.outcome === 'object' && r.outcome !== null && r.outcome.file === file &&
    Array.isArray(r.outcome.events) && Array.isArray(r.outcome.undated) && Array.isArray(r.mentions) && Array.isArray(r.stageMs) &&
    (r.outcome.error === null) === (r.document !== null) && (r.document === null || (typeof r.document.text === 'string' && r.document.file === file));
}

/** What a pack record's first part holds: whose result it is, and the result with an empty mention list. */
interface Entry {
  key: string;
  file: string;
  result: DocumentResult;
}

export class DocumentCache {
  readonly dir: string;
  readonly version: string;
  /** Called with one line for each entry that cannot be used (corrupt, foreign) and for a cache that cannot be written. */
  private readonly warn: (message: string) => void;
  private readonly packs: PackStore;

  constructor(dir: string, version: string, warn: (message: string) => void) {
    this.dir = dir;
    this.version = version;
    this.warn = warn;
    this.packs = new PackStore(join(dir, version), { format: CACHE_FORMAT, version }, warn);
  }

  /** The key of a document: its name, its manifest entry and its bytes (by their hash). */
  key(input: PipelineInput, bytesHash: string): string {
    return documentKey(input, bytesHash);
  }

  /**
   * The cached result, or null. Its mentions are deserialized only when asked for (otherwise the list is empty). A
   * corrupt or foreign entry is named in a warning, dropped at the next tidy-up, and counts as a miss.
   */
  get(key: string, file: string, withMentions = true): DocumentResult | null {
    const record = this.packs.find(key);
    if (record === null) return null;
    const entry = record.main() as Entry | null;
    if (entry === null) return this.reject(record.pack, file, 'corrupt (not readable)', key);
    if (!(entry?.key === key && entry.file === file && isResult(entry.result, file))) {
      return this.reject(record.pack, file, 'not this document\'s or not this version\'s', key);
    }
    // The time was spent by an earlier run.
    const result = { ...entry.result, stageMs: STAGE_NAMES.slice(0, -1).map(() => 0) };
    if (!withMentions) return result;
    // Kept by a run that made no mention records: a miss for a run that wants them (nothing is wrong with it).
    if (entry.result.withoutMentions) return null;
    const mentions = record.mentions();
    if (Array.isArray(mentions)) return { ...result, mentions: mentions as DocumentResult['mentions'] };
    return this.reject(record.pack, file, 'missing its mentions', key);
  }

  private reject(pack: string, file: string, why: string, key: string): null {
    this.warn(`${pack}: cache entry for ${file} is ${why}; the document is read again`);
    this.packs.drop(key);
    return null;
  }

  /** Keeps a result: appended to this run's pack, which becomes visible to other runs once it is complete. */
  put(key: string, file: string, result: DocumentResult): void {
    const main = serialize({ key, file, result: { ...result, mentions: [] } } satisfies Entry);
    this.packs.put(key, main, result.withoutMentions ? null : serialize(result.mentions));
  }

  /** The document phase is over: this run's last pack is completed and the packs read are let go (their memory). */
  finish(): void {
    this.packs.finish();
  }

  /**
   * Removes the folders of other pipeline versions (their entries can never be used again) and, when this version's
   * packs are many or hold much that is superseded or corrupt, rewrites them as one. Returns how many folders went.
   */
  pruneOtherVersions(): number {
    this.packs.finish();
    this.packs.compactIfWorthIt();
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

/** A cache that cannot be tidied is no reason to fail a run: what is left is found and replaced next time. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // left for the next run
  }
}
