// `tsx scripts/build-size.ts [dist]` (run by `npm run build`): what the built app's first load weighs, gzipped.
// The first load is what index.html makes the browser fetch before the first paint: its module script, the chunks it
// preloads (<link rel="modulepreload">), and MapLibre's worker, which the basemap needs before it draws a tile. Chunks
// the code only reaches by a dynamic import() (deck.gl and the markers) are counted apart as lazy.
// Sizes are gzip level 9 (node:zlib), in KB of 1024 bytes.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface SizedFile {
  /** Path relative to the dist dir, '/'-separated. */
  file: string;
  bytes: number;
  gzBytes: number;
}

export interface FirstLoadSizes {
  /** The page's module scripts (<script type="module" src>). */
  entry: SizedFile[];
  /** Chunks the page preloads (<link rel="modulepreload">). */
  preloaded: SizedFile[];
  /** MapLibre's worker script (maplibre-gl-worker-*.mjs) named by the first-load code; null when there is none. Other
   * workers the app starts on demand count as lazy. */
  worker: SizedFile | null;
  /** Entry + preloaded + worker, gzipped. */
  firstLoadGzBytes: number;
  /** JS the first-load code reaches only through other references (dynamic imports), largest first. */
  lazy: SizedFile[];
  lazyGzBytes: number;
}

const JS = /\.m?js$/;
/** A file name a built chunk may mention: another chunk or the worker. */
const FILE_NAME = /[\w.@$~-]+\.m?js\b/g;

function sized(distDir: string, path: string): SizedFile {
  const data = readFileSync(path);
  return { file: relative(distDir, path).split(sep).join('/'), bytes: data.length, gzBytes: gzipSync(data, { level: 9 }).length };
}

/** The files in `dir` a chunk's text names (the bundler writes chunk references relative to the chunk). */
function referencedFiles(path: string): string[] {
  const dir = dirname(path);
  const names = new Set(readFileSync(path, 'utf8').match(FILE_NAME) ?? []);
  return [...names].map((n) => join(dir, n)).filter((p) => p !== path && existsSync(p) && statSync(p).isFile());
}

/** The first-load and lazy JS of a built page (default index.html) in `distDir`. */
export function firstLoadSizes(distDir: string, page = 'index.html'): FirstLoadSizes {
  const root = resolve(distDir);
  const html = readFileSync(join(root, page), 'utf8');
  const local = (href: string) => join(root, dirname(page), href.replace(/^\.?\//, '').split(/[?#]/)[0]);
  const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  const entryPaths: string[] = [];
  const preloadPaths: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attr(tag, 'src');
    if (src && /\stype="module"/.test(tag) && !/^[a-z]+:/i.test(src)) entryPaths.push(local(src));
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const href = attr(tag, 'href');
    if (href && /\srel="modulepreload"/.test(tag) && !/^[a-z]+:/i.test(href)) preloadPaths.push(local(href));
  }
  const first = new Set([...entryPaths, ...preloadPaths]);
  const workerPath = [...first].flatMap(referencedFiles).find((p) => /^maplibre-gl-worker\b.*\.m?js$/.test(p.slice(p.lastIndexOf(sep) + 1))) ?? null;

  // Everything else the first load's code names, and what that names in turn, is loaded later (dynamic imports).
  const seen = new Set([...first, ...(workerPath ? [workerPath] : [])]);
  const queue = [...first];
  const lazyPaths: string[] = [];
  while (queue.length) {
    for (const p of referencedFiles(queue.shift()!)) {
      if (seen.has(p) || !JS.test(p)) continue;
      seen.add(p);
      lazyPaths.push(p);
      queue.push(p);
    }
  }
  const entry = entryPaths.map((p) => sized(root, p));
  const preloaded = preloadPaths.filter((p) => !entryPaths.includes(p)).map((p) => sized(root, p));
  const worker = workerPath ? sized(root, workerPath) : null;
  const lazy = lazyPaths.map((p) => sized(root, p)).sort((a, b) => b.gzBytes - a.gzBytes);
  const sum = (files: SizedFile[]) => files.reduce((s, f) => s + f.gzBytes, 0);
  return {
    entry, preloaded, worker, lazy,
    firstLoadGzBytes: sum(entry) + sum(preloaded) + (worker?.gzBytes ?? 0),
    lazyGzBytes: sum(lazy),
  };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
/** A chunk's name without its content hash: assets/deck-views-DXms0Ckk.js → deck-views. */
const chunkName = (file: string) => file.slice(file.lastIndexOf('/') + 1).replace(/\.m?js$/, '').replace(/-[\w-]{8}$/, '');

/** One line, e.g. "first load: 507.6 KB gzipped JS (entry 360.0, preloaded 0.4, map worker 147.2); lazy: ...". */
export function describeSizes(s: FirstLoadSizes): string {
  const sum = (files: SizedFile[]) => files.reduce((t, f) => t + f.gzBytes, 0);
  const lazy = s.lazy.length
    ? `; lazy: ${kb(s.lazyGzBytes)} KB in ${s.lazy.length} chunk${s.lazy.length === 1 ? '' : 's'}, loaded after first paint (${s.lazy.slice(0, 3).map((f) => `${chunkName(f.file)} ${kb(f.gzBytes)}`).join(', ')}${s.lazy.length > 3 ? ', …' : ''})`
    : '';
  return `first load: ${kb(s.firstLoadGzBytes)} KB gzipped JS (entry ${kb(sum(s.entry))}, preloaded ${kb(sum(s.preloaded))}, `
    + `map worker ${s.worker ? kb(s.worker.gzBytes) : 'none'})${lazy}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dist = process.argv[2] ?? 'dist';
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`build-size: ${join(dist, 'index.html')} is missing (run vite build first)`);
    process.exit(2);
  }
  console.log(describeSizes(firstLoadSizes(dist)));
}
