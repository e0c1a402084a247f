// The outputs of one geocode run as one unit: the events, their bin and parts, the documents, the mentions and the
// report are written whole into a new folder, and one rename makes them all current at once (docs/hardening.md,
// "Outputs as one unit"). Each output path is a symbolic link through a `current` link that the rename replaces:
//
//   D/events.geojson  -> .events.geojson.flankline/current/events.geojson      (made once, never rewritten)
//   D/documents.json  -> .events.geojson.flankline/current/documents.json
//   D/events.bin, D/events.parts, D/corpus.json, and --mentions, --report likewise
//   D/.events.geojson.flankline/current -> 1a2b3c-4567                           (replaced by one rename per run)
//   D/.events.geojson.flankline/1a2b3c-4567/{events.geojson, events.bin, events.parts/, documents.json, …}
//
// So the app still opens data/events.geojson and data/documents.json under the same URLs, a reader never sees the
// events of one run beside the documents of another, and a run killed at any instant leaves the previous set or the
// new one. A lock per folder written makes a second run wait for the first to finish writing.
import {
  closeSync, copyFileSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync,
  rmSync, statSync, symlinkSync, writeFileSync, writeSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

export const OUTPUT_SET_DEFAULTS = {
  /** How long a run waits for another run writing the same folder before it gives up, in ms. */
  lockWaitMs: 120_000,
  /** How often a waiting run looks again, in ms. */
  pollMs: 100,
  /** Characters of a file written in pieces that are gathered into one write. */
  writeChars: 1 << 20,
};

/** What each output is, and its name inside a set. */
export const SET_NAMES = {
  events: 'events.geojson', bin: 'events.bin', posture: 'events.posture.bin', text: 'events.text.bin', parts: 'events.parts', documents: 'documents.json', mentions: 'mentions.json',
  report: 'report.md', corpus: 'corpus.json',
} as const;
export type OutputRole = keyof typeof SET_NAMES;

/** A file's content, or a folder's files by name (written whole: no file of an earlier run stays). */
export type OutputContent = string | Uint8Array | { folder: Iterable<{ name: string; content: string }> }
  | { chunks: Iterable<string> };

export interface PlannedOutput {
  role: OutputRole;
  /** The option that named it, for messages ("--report"). */
  flag: string;
  path: string;
}

/** A problem with the output paths or with writing them; nothing of this run is current. */
export class OutputSetError extends Error {
  override name = 'OutputSetError';
}

/** Where the sets of the outputs anchored at `eventsPath` live: `.events.geojson.flankline/` beside it. */
export const storeOf = (eventsPath: string) => join(dirname(resolve(eventsPath)), `.${basename(eventsPath)}.flankline`);

const inside = (child: string, parent: string) => child.startsWith(parent + sep);

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/**
 * Refuses, before anything is written, output paths that would clash: two options naming one file, one output
 * inside another (or inside the folder of sets), a file output where a folder is, a folder output where a file is.
 */
export function checkOutputPaths(outputs: readonly PlannedOutput[]): void {
  const events = outputs.find((o) => o.role === 'events');
  if (!events) throw new OutputSetError('no events output given');
  const store = storeOf(events.path);
  const absolute = outputs.map((o) => ({ ...o, path: resolve(o.path) }));
  for (const [i, a] of absolute.entries()) {
    for (const b of absolute.slice(i + 1)) {
      if (a.path === b.path) throw new OutputSetError(`${a.flag} and ${b.flag} name the same file (${b.path}); nothing was written`);
      const [outer, inner] = inside(a.path, b.path) ? [b, a] : inside(b.path, a.path) ? [a, b] : [null, null];
      if (outer && inner) throw new OutputSetError(`${inner.flag} ${inner.path} is inside ${outer.flag} ${outer.path}; nothing was written`);
    }
    if (a.path === store || inside(a.path, store)) throw new OutputSetError(`${a.flag} ${a.path} is inside ${store}, where the output sets are kept; nothing was written`);
    const found = lstatOrNull(a.path);
    if (found?.isDirectory() && a.role !== 'parts') throw new OutputSetError(`${a.flag} ${a.path} is a folder; nothing was written`);
    if (found?.isFile() && a.role === 'parts') throw new OutputSetError(`${a.path} (beside ${events.flag}) is a file where a folder of parts goes; nothing was written`);
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const ownerOf = (lock: string) => {
  try {
    return Number(readFileSync(lock, 'utf8').trim()) || null;
  } catch {
    return null;
  }
};

/**
 * Takes the lock of `folder` (a file holding this process's pid), waiting while another live run holds it. A lock
 * whose run has died is taken over; two runs taking one over at the same moment both write their pid, and the one
 * whose pid is not in the file after a pause goes back to waiting.
 */
function acquireLock(folder: string, opts: typeof OUTPUT_SET_DEFAULTS, say: (line: string) => void): () => void {
  const lock = join(folder, '.flankline-output.lock');
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      sleep(Math.min(50, opts.pollMs));
      if (ownerOf(lock) === process.pid) return () => { if (ownerOf(lock) === process.pid) rmSync(lock, { force: true }); };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new OutputSetError(`cannot lock ${folder}: ${(error as Error).message}; nothing was written`);
      const owner = ownerOf(lock);
      if (owner !== null && !isRunning(owner)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() - started > opts.lockWaitMs) {
        throw new OutputSetError(`${folder} is being written by another geocode run (pid ${owner ?? '?'}) for over ${Math.round(opts.lockWaitMs / 1000)} s; nothing was written (if no run is going, remove ${lock})`);
      }
      if (!told) say(`waiting for another geocode run (pid ${owner ?? '?'}) to finish writing ${folder}`);
      told = true;
    }
    sleep(opts.pollMs);
  }
}

function writeContent(path: string, content: OutputContent): void {
  if (typeof content === 'object' && 'folder' in content) {
    mkdirSync(path);
    for (const file of content.folder) writeFileSync(join(path, file.name), file.content);
  } else if (typeof content === 'object' && 'chunks' in content) {
    // Piece by piece, so a large file is never held whole (nor its UTF-8 copy): created empty, then appended to, a
    // megabyte at a time (one write a feature was 30,000 system calls for a corpus of 10,000 documents).
    writeFileSync(path, '');
    const fd = openSync(path, 'a');
    try {
      let pending: string[] = [];
      let length = 0;
      for (const chunk of content.chunks) {
        pending.push(chunk);
        length += chunk.length;
        if (length < OUTPUT_SET_DEFAULTS.writeChars) continue;
        writeFileSync(fd, pending.join(''));
        pending = [];
        length = 0;
      }
      if (pending.length > 0) writeFileSync(fd, pending.join(''));
    } finally {
      closeSync(fd);
    }
  } else writeFileSync(path, content);
}

/** A copy of what a path holds now (a file, or a flat folder), hard-linked where the file system allows. */
function snapshot(from: string, to: string): void {
  const stat = statSync(from);
  const copy = (a: string, b: string) => {
    try {
      linkSync(a, b);
    } catch {
      copyFileSync(a, b);
    }
  };
  if (!stat.isDirectory()) {
    copy(from, to);
    return;
  }
  mkdirSync(to);
  for (const name of readdirSync(from)) if (statSync(join(from, name)).isFile()) copy(join(from, name), join(to, name));
}

/** Points `path` at `target` (relative) by renaming a fresh link over it: a reader sees the old entry or the new. */
function linkInto(path: string, target: string, aside: string): void {
  const existing = lstatOrNull(path);
  if (existing?.isSymbolicLink() && readlinkSync(path) === target) return;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.link`);
  rmSync(temp, { force: true });
  symlinkSync(target, temp);
  // rename cannot replace a folder that holds files: the old parts folder (already in a set) is moved aside first.
  if (existing?.isDirectory()) renameSync(path, aside);
  renameSync(temp, path);
}

const setId = () => `${Date.now().toString(36)}-${process.pid}`;

/**
 * Writes every output into a new set and makes it current with one rename. Before that, paths still holding files
 * of an earlier version are first kept as a set of their own and turned into links, so a reader sees either the
 * old files or the new ones at every instant. Throws OutputSetError (nothing of this run current) on any failure.
 */
export function writeOutputSet(
  outputs: readonly (PlannedOutput & { content: OutputContent })[], say: (line: string) => void = () => undefined,
  opts = OUTPUT_SET_DEFAULTS,
): void {
  checkOutputPaths(outputs);
  const events = outputs.find((o) => o.role === 'events')!;
  const store = storeOf(events.path);
  const folders = [...new Set(outputs.map((o) => dirname(resolve(o.path))))].sort();
  for (const folder of folders) {
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      const first = outputs.find((o) => dirname(resolve(o.path)) === folder)!;
      throw new OutputSetError(`cannot write ${first.path}: ${(error as Error).message}; the previous files are unchanged`);
    }
  }
  const releases: (() => void)[] = [];
  let written: string | null = null;
  try {
    for (const folder of folders) releases.push(acquireLock(folder, opts, say));
    for (const folder of folders) sweepStale(folder);
    mkdirSync(store, { recursive: true });
    const current = join(store, 'current');
    const live = lstatOrNull(current)?.isSymbolicLink() ? readlinkSync(current) : null;
    // Sets no link points to are what killed runs left: nothing reads them, and the lock keeps writers out.
    for (const name of readdirSync(store)) if (name !== 'current' && name !== live) rmSync(join(store, name), { recursive: true, force: true });

    const id = setId();
    const set = join(store, id);
    mkdirSync(set);
    written = set;
    for (const o of outputs) {
      try {
        writeContent(join(set, SET_NAMES[o.role]), o.content);
      } catch (error) {
        throw new OutputSetError(`cannot write ${o.path}: ${(error as Error).message}; the previous files are unchanged`);
      }
    }

    // Files of an earlier version (or of a run before links) become the current set first, then links.
    const targetOf = (o: PlannedOutput) => relative(dirname(resolve(o.path)), join(current, SET_NAMES[o.role]));
    const plain = outputs.filter((o) => { const s = lstatOrNull(o.path); return s !== null && !s.isSymbolicLink(); });
    if (plain.length && live === null) {
      const kept = join(store, `${id}-kept`);
      mkdirSync(kept);
      for (const o of plain) snapshot(o.path, join(kept, SET_NAMES[o.role]));
      switchTo(store, `${id}-kept`);
    }
    for (const o of outputs) linkInto(resolve(o.path), targetOf(o), join(store, `${id}-aside-${o.role}`));

    switchTo(store, id);
    written = null;
    for (const name of readdirSync(store)) if (name !== 'current' && name !== id) rmSync(join(store, name), { recursive: true, force: true });
  } catch (error) {
    // A set that never became current is of no use: its space goes back at once (a full disk, say).
    if (written) rmSync(written, { recursive: true, force: true });
    if (error instanceof OutputSetError) throw error;
    throw new OutputSetError(`cannot write ${events.path}: ${(error as Error).message}; the previous files are unchanged`);
  } finally {
    for (const release of releases.reverse()) release();
  }
}

/** Removes the temp links (and the temp files of runs before output sets) that killed runs left in `folder`. */
function sweepStale(folder: string): void {
  for (const name of readdirSync(folder)) {
    const pid = /^\..+\.(\d+)\.(link|tmp)$/.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !isRunning(Number(pid))) rmSync(join(folder, name), { recursive: true, force: true });
  }
}

/** Makes set `id` current: a new link renamed over `current`, one atomic step. */
function switchTo(store: string, id: string): void {
  const temp = join(store, `.current.${process.pid}.link`);
  rmSync(temp, { force: true });
  symlinkSync(id, temp);
  renameSync(temp, join(store, 'current'));
}

/**
 * A Vite plugin for builds that copy public/: the copy follows the output links (so dist/ gets plain files), and
 * this takes the folders of sets back out, which would otherwise double the data in dist/ for nothing.
 */
export function leaveOutOutputSets(): { name: string; apply: 'build'; writeBundle(options: { dir?: string }): void } {
  const remove = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      if (/^\..+\.flankline$/.test(entry.name)) rmSync(join(dir, entry.name), { recursive: true, force: true });
      else remove(join(dir, entry.name));
    }
  };
  return { name: 'flankline-leave-out-output-sets', apply: 'build', writeBundle: (options) => { if (options.dir) remove(options.dir); } };
}
