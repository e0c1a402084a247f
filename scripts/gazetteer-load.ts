// Reads the built gazetteer index from disk (built by `npm run prepare:data`, see geo/README.md). Only scripts read files:
// the pipeline is handed the index. Runs read it as a compact buffer (src/pipeline/gazetteer-compact.ts), saved beside
// the JSON the first time the JSON is loaded after a build and read directly from then on.
import { closeSync, existsSync, fstatSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { readBuiltJson } from './built-json.ts';
import { GAZETTEER_DEFAULTS, type Gazetteer, type GazetteerData, type GazetteerOptions } from '../src/pipeline/gazetteer.ts';
import { COMPACT_FORMAT, compactHeader, encodeGazetteer, openGazetteer } from '../src/pipeline/gazetteer-compact.ts';

export const GAZETTEER_PATH = 'geo/build/gazetteer.json';

/**
 * Where the compact buffer of a JSON index is saved: beside it, `.<format>.bin` for `.json`. The layout's number in the
 * name lets checkouts of two layouts (a branch and main, built side by side) each keep theirs instead of making it
 * again from the JSON on every run, which takes seconds and a few hundred MB.
 */
export const compactPathOf = (jsonPath: string) => `${jsonPath.replace(/\.json$/, '')}.${COMPACT_FORMAT}.bin`;

/** The file, whole, in one buffer. */
function readWhole(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = new Uint8Array(size);
    for (let at = 0; at < size;) {
      const read = readSync(fd, bytes, at, size - at, at);
      if (read === 0) throw new Error(`${path}: ended after ${at} of ${size} bytes`);
      at += read;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/**
 * The compact gazetteer for the JSON index at `path`: the saved buffer when it was made from this very file (same
 * size and modification time, same layout), else made from the JSON now and saved for the next run (a read-only
 * folder only means the next run makes it again).
 */
export function loadCompactGazetteer(path: string = GAZETTEER_PATH): Uint8Array {
  // A missing JSON index is named by readBuiltJson, whatever was saved beside it.
  const source = existsSync(path) ? { size: statSync(path).size, mtimeMs: statSync(path).mtimeMs } : null;
  const saved = compactPathOf(path);
  if (source !== null && existsSync(saved)) {
    const bytes = readWhole(saved);
    const header = compactHeader(bytes);
    if (header !== null && header.source.size === source.size && header.source.mtimeMs === source.mtimeMs) return bytes;
  }
  const bytes = encodeGazetteer(readBuiltJson<GazetteerData>(path, 'gazetteer index'), source ?? {});
  // Written aside and renamed, so a run (or a thread) reading at the same time sees the old file or the new one.
  const partial = `${saved}.${process.pid}-${threadId}.partial`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, saved);
  } catch {
    rmSync(partial, { force: true });
  }
  return bytes;
}

export function loadGazetteer(path: string = GAZETTEER_PATH, opts: GazetteerOptions = GAZETTEER_DEFAULTS): Gazetteer {
  return openGazetteer(loadCompactGazetteer(path), opts);
}
