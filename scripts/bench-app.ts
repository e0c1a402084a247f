// The scale benchmark: the app against three baselines, same data, same window, same run.
//   npm run bench:app -- [--sizes 10000,100000,1000000] [--seconds 4] [--variants ours,ours-layer,deck-gpu-filter,...]
//                        [--keep] [--shared-browser] [--before REF]
// Builds the app and bench/*.html (bench/vite.config.ts) into a temp dir, serves them and the synthetic data on
// 127.0.0.1, drives headless chromium, prints one table, writes JSON to bench/results/ and ends with a SUMMARY line.
// `ours` is the built app itself (basemap, timeline, list and all), opened in bench/ours.html's iframe; `ours-layer`
// is its events layer alone on the baselines' bare map, to tell the layer's cost from the app's. `--before REF` adds
// `ours-before`: the app as it was at a git commit (built from `git archive REF`), in the same run and rounds, so a
// change is measured against the old code under the same load.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { decodeColumnar, FLAG_PERSISTS, NO_UNTIL } from '../src/model/columnar.ts';
import { synthesize } from './synth-events.ts';
import { writeBinary, writeTables } from './synth.ts';
import { firstLoadSizes } from './build-size.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const BENCH_APP_DEFAULTS = {
  sizes: [10_000, 100_000, 1_000_000],
  /** Seconds of scrubbing per page, split over `rounds` (at least one frame a round however slow). */
  seconds: 4,
  /** Scrub rounds per page, taken in turn across the variants (at least one frame each). */
  rounds: 3,
  variants: ['ours', 'ours-layer', 'deck-gpu-filter', 'deck-cpu-filter', 'maplibre-filter'],
  seed: 1,
  viewport: { width: 1024, height: 768 },
  /** A page that has not drawn by then is reported as NA (a baseline may not cope with a million). */
  loadTimeoutMs: 240_000,
  scrubTimeoutMs: 300_000,
};


const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.geojson': 'application/json', '.bin': 'application/octet-stream',
};

interface Row {
  variant: string; n: number; firstRenderMs: number | null; scrubMedianMs: number | null; scrubP95Ms: number | null;
  frames: number | null; rafMedianMs: number | null; heapMb: number | null; pickMs: number | null; error?: string;
  /** Page-reported milestones of the first load (ms since navigation), where a page reports them. */
  stages?: Record<string, number>;
}

/** Days an event stays at full strength after its end, as the app's default "Fade after". */
const FADE_DAYS = 30;

/** "Still holds" in display.geojson: MapLibre's worker stores whole numbers as varints, and FOREVER (3e38) overflows them. */
const DISPLAY_FOREVER = 1e9;

/**
 * events.bin and its posture table for ours (the app, at every size) and ours-layer, with documents.json; meta.json and
 * display.geojson (the properties the baselines filter on) for the others. No text table or parts: nothing searches
 * or opens an event here.
 */
export function writeData(dir: string, n: number, seed: number): void {
  mkdirSync(dir, { recursive: true });
  const synthetic = synthesize({ events: n, seed });
  const columns = synthetic.columns();
  writeTables(synthetic, dir, writeBinary(synthetic, dir, columns), columns, false);
  writeFileSync(join(dir, 'documents.json'), JSON.stringify(synthetic.documents));
  const cols = decodeColumnar(readFileSync(join(dir, 'events.bin')).buffer as ArrayBuffer);
  // The app's fade rule for the baselines: full strength until end + 30 days, or until `until` for a state (for ever
  // while it holds).
  const freshUntil = (i: number) => ((cols.flags[i] & FLAG_PERSISTS) === 0 ? cols.end[i] + FADE_DAYS
    : cols.until[i] === NO_UNTIL ? DISPLAY_FOREVER : cols.until[i]);
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ count: n, originDay: cols.originDay, minStart: n ? cols.start[0] : 0, maxStart: n ? cols.start[n - 1] : 0 }));
  const fd = openSync(join(dir, 'display.geojson'), 'w');
  writeSync(fd, '{"type":"FeatureCollection","features":[');
  const CHUNK = 20_000;
  for (let lo = 0; lo < n; lo += CHUNK) {
    const parts: string[] = [];
    for (let i = lo; i < Math.min(n, lo + CHUNK); i++) {
      parts.push(`{"type":"Feature","geometry":{"type":"Point","coordinates":[${cols.position[2 * i]},${cols.position[2 * i + 1]}]},`
        + `"properties":{"s":${cols.start[i]},"f":${Math.min(freshUntil(i), DISPLAY_FOREVER)},"c":${cols.category[i]}}}`);
    }
    writeSync(fd, (lo > 0 ? ',' : '') + parts.join(','));
  }
  writeSync(fd, ']}');
  closeSync(fd);
}

export function serve(site: string, data: string): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.startsWith('/data/') ? join(data, normalize(path.slice(6))) : join(site, normalize(path));
    if (!file.startsWith(site) && !file.startsWith(data)) return void res.writeHead(403).end();
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms); })])
    .finally(() => clearTimeout(timer));
}

function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

interface Open { row: Row; context: BrowserContext | null; page: Page | null; cdp: CDPSession | null; frames: number[]; raf: number[] }

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage') as { usedSize: number; backingStorageSize?: number };
  return (usage.usedSize + (usage.backingStorageSize ?? 0)) / 2 ** 20;
}

/**
 * A blank page with a WebGL canvas, drawn and read back, before the measured one: the browser's first WebGL context and
 * first composited frame start the GPU process's own machinery (SwiftShader, the compositor), seconds under load that
 * no page's first render should carry, and that only the first page of a browser would.
 */
async function warmUp(page: Page): Promise<void> {
  await page.setContent('<canvas width="64" height="64"></canvas>');
  await page.evaluate(() => new Promise<void>((resolve) => {
    const gl = document.querySelector('canvas')!.getContext('webgl2');
    gl?.clearColor(0.5, 0.5, 0.5, 1);
    gl?.clear(gl.COLOR_BUFFER_BIT);
    gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
  }));
}

/** Opens a variant's page and waits for its first full render; the page stays open for the scrub rounds. */
async function open(browser: Browser, url: string, variant: string, n: number): Promise<Open> {
  const row: Row = { variant, n, firstRenderMs: null, scrubMedianMs: null, scrubP95Ms: null, frames: null, rafMedianMs: null, heapMb: null, pickMs: null };
  const o: Open = { row, context: null, page: null, cdp: null, frames: [], raf: [] };
  try {
    o.context = await browser.newContext({ viewport: BENCH_APP_DEFAULTS.viewport });
    const page = o.page = await o.context.newPage();
    page.on('pageerror', (e) => { row.error ??= e.message; });
    o.cdp = await o.context.newCDPSession(page);
    await warmUp(page);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => 'ready' in ((window as unknown as { __bench?: object }).__bench ?? {}), null, { timeout: 60_000 });
    const ready = await withTimeout(page.evaluate(() => (window as any).__bench.ready as Promise<{ firstRenderMs: number; stages?: Record<string, number> }>), BENCH_APP_DEFAULTS.loadTimeoutMs, `${variant} ${n} load`);
    row.firstRenderMs = ready.firstRenderMs;
    if (ready.stages) row.stages = ready.stages;
    row.heapMb = await heapMb(o.cdp);
  } catch (e) {
    await fail(o, e);
  }
  return o;
}

async function fail(o: Open, e: unknown): Promise<void> {
  o.row.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
  await o.context?.close().catch(() => undefined);
  o.context = o.page = o.cdp = null;
}

/** One scrub round on an open page: frames are pooled over rounds so that load from other work on the machine falls on every variant alike. */
async function scrubRound(o: Open, seconds: number): Promise<void> {
  if (!o.page) return;
  try {
    const r = await withTimeout(o.page.evaluate(([s, min]) => (window as any).__bench.scrub(s, min), [seconds, 1]),
      BENCH_APP_DEFAULTS.scrubTimeoutMs, `${o.row.variant} ${o.row.n} scrub`) as { frames: number[]; rafDeltas: number[] };
    for (const frame of r.frames) o.frames.push(frame);
    for (const delta of r.rafDeltas) o.raf.push(delta);
  } catch (e) {
    await fail(o, e);
  }
}

async function finish(o: Open): Promise<Row> {
  const { row } = o;
  if (o.frames.length) {
    Object.assign(row, { scrubMedianMs: quantile(o.frames, 0.5), scrubP95Ms: quantile(o.frames, 0.95), frames: o.frames.length, rafMedianMs: quantile(o.raf, 0.5) });
  }
  if (!o.page || !o.cdp) return row;
  try {
    row.heapMb = Math.max(row.heapMb ?? 0, await heapMb(o.cdp));
    const picks: number[] = [];
    const { width, height } = BENCH_APP_DEFAULTS.viewport;
    for (let k = 0; k < 5; k++) {
      picks.push(await o.page.evaluate(([x, y]) => (window as any).__bench.pick(x, y) as number, [width / 2 + 7 * k, height / 2 - 5 * k]));
    }
    row.pickMs = quantile(picks, 0.5);
  } catch (e) {
    row.error ??= e instanceof Error ? e.message.split('\n')[0] : String(e);
  } finally {
    await o.context?.close().catch(() => undefined);
  }
  return row;
}

/**
 * Builds the real app into `out` (served at /app/, where the `ours` page opens it) and returns the gzipped JS it loads first,
 * or null if it does not build.
 */
export function buildApp(out: string, root = ROOT): number | null {
  if (!existsSync(join(root, 'index.html')) || !existsSync(join(root, 'vite.config.ts'))) return null;
  const built = spawnSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'pipe', timeout: 300_000 });
  if (built.status !== 0 || !existsSync(join(out, 'index.html'))) return null;
  // The entry, its preloads and MapLibre's worker (scripts/build-size.ts; gzip level 9), as `npm run build` prints.
  const sizes = firstLoadSizes(out);
  return sizes.entry.length ? sizes.firstLoadGzBytes / 1024 : null;
}

/**
 * Builds the app as it was at git commit `ref` into `out`: its tracked files (`git archive`) in `work`, with this
 * checkout's node_modules and generated public/ (the basemap tiles are built, not tracked).
 */
export function buildAppAt(ref: string, work: string, out: string): number | null {
  mkdirSync(work, { recursive: true });
  const archive = spawnSync('sh', ['-c', `git -C "${ROOT}" archive "$0" | tar -x -C "${work}"`, ref], { stdio: 'pipe' });
  if (archive.status !== 0) throw new Error(`--before ${ref}: ${archive.stderr}`);
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
  rmSync(join(work, 'public'), { recursive: true, force: true });
  symlinkSync(join(ROOT, 'public'), join(work, 'public'));
  return buildApp(out, work);
}

const fmt = (x: number | null, digits = 0) => (x === null || !Number.isFinite(x) ? 'NA' : x.toFixed(digits));

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    sizes: { type: 'string' }, seconds: { type: 'string' }, variants: { type: 'string' }, keep: { type: 'boolean' }, 'shared-browser': { type: 'boolean' },
    before: { type: 'string' },
  } });
  const sizes = values.sizes ? values.sizes.split(',').map(Number) : BENCH_APP_DEFAULTS.sizes;
  const seconds = values.seconds ? Number(values.seconds) : BENCH_APP_DEFAULTS.seconds;
  const variants = values.variants ? values.variants.split(',') : [...BENCH_APP_DEFAULTS.variants];
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes must be whole numbers, got ${values.sizes}`);
  if (!(seconds > 0)) throw new Error(`--seconds must be positive, got ${values.seconds}`);
  for (const v of variants) if (!BENCH_APP_DEFAULTS.variants.includes(v)) throw new Error(`unknown variant ${v} (${BENCH_APP_DEFAULTS.variants.join(', ')})`);

  const work = mkdtempSync(join(tmpdir(), 'flankline-bench-'));
  let server: Server | null = null;
  // A browser for each page: the GPU process's caches of compiled shader programs are shared by every page of a browser,
  // so in one browser a page opened after another that compiled the same programs (MapLibre's background, deck.gl's
  // layers, the window layer) would start warm, and the first page opened (ours) would pay for them all.
  // --shared-browser: one browser for all pages of a size, as the bench did before 2026-12-06 (to compare with old runs).
  const browsers: Browser[] = [];
  try {
    const site = join(work, 'site');
    buildBenchPages(site);
    const gzKb = buildApp(join(site, 'app'));
    let gzKbBefore: number | null = null;
    if (values.before) {
      gzKbBefore = buildAppAt(values.before, join(work, 'before'), join(site, 'app-before'));
      if (gzKbBefore === null) throw new Error(`--before ${values.before}: the app did not build`);
      variants.splice(variants.indexOf('ours') + 1, 0, 'ours-before');
    }
    const data = join(work, 'data');
    for (const n of sizes) {
      const t = performance.now();
      writeData(join(data, String(n)), n, BENCH_APP_DEFAULTS.seed);
      console.error(`bench: data for ${n} events in ${Math.round(performance.now() - t)} ms`);
    }
    const served = await serve(site, data);
    server = served.server;
    const rows: Row[] = [];
    for (const n of sizes) {
      // First renders one page at a time; then scrub rounds in turn over the open pages.
      const opened: Open[] = [];
      for (const variant of variants) {
        // ours-before: the same page with the app built at --before REF.
        const page = variant === 'ours-before' ? 'ours.html?app=app-before/&' : `${variant}.html?`;
        if (!values['shared-browser'] || browsers.length === 0) {
          browsers.push(await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS }));
        }
        const browser = browsers[browsers.length - 1];
        const o = await open(browser, `http://127.0.0.1:${served.port}/${page}data=/data/${n}/`, variant, n);
        console.error(`bench: ${variant} n=${n} first render ${fmt(o.row.firstRenderMs)} ms${o.row.error ? ` (${o.row.error})` : ''}`);
        opened.push(o);
      }
      for (let round = 0; round < BENCH_APP_DEFAULTS.rounds; round++) {
        for (const o of opened) await scrubRound(o, seconds / BENCH_APP_DEFAULTS.rounds);
      }
      for (const o of opened) {
        const row = await finish(o);
        console.error(`bench: ${row.variant} n=${n} scrub p95 ${fmt(row.scrubP95Ms)} ms over ${row.frames ?? 0} frames${row.error ? ` (${row.error})` : ''}`);
        rows.push(row);
      }
      for (const browser of browsers.splice(0)) await browser.close();
    }
    server.close();
    server = null;

    console.log(`\nFlankline scale bench: ${seconds} s scrub of a 10% window per page, ${BENCH_APP_DEFAULTS.viewport.width}x${BENCH_APP_DEFAULTS.viewport.height}, headless chromium (SwiftShader)`);
    console.log('variant           events     first_render_ms  scrub_median_ms  scrub_p95_ms  frames  raf_median_ms  heap_mb  pick_ms');
    for (const r of rows) {
      console.log(`${r.variant.padEnd(17)} ${String(r.n).padStart(8)} ${fmt(r.firstRenderMs).padStart(17)} ${fmt(r.scrubMedianMs, 1).padStart(16)} `
        + `${fmt(r.scrubP95Ms, 1).padStart(13)} ${fmt(r.frames).padStart(7)} ${fmt(r.rafMedianMs, 1).padStart(14)} ${fmt(r.heapMb, 1).padStart(8)} ${fmt(r.pickMs, 1).padStart(8)}`
        + (r.error ? `  ! ${r.error}` : ''));
    }
    const ours = (n: number) => rows.find((r) => r.variant === 'ours' && r.n === n && r.scrubP95Ms !== null);
    /** Best baseline's figure over ours, same N, same run: p95 (the SUMMARY's) or median. */
    const speedup = (n: number, key: 'scrubP95Ms' | 'scrubMedianMs' = 'scrubP95Ms'): number | null => {
      const o = ours(n);
      const best = rows.filter((r) => !r.variant.startsWith('ours') && r.n === n && r[key] !== null).map((r) => r[key] as number);
      return o && best.length ? Math.min(...best) / (o[key] as number) : null;
    };
    const resultsDir = join(ROOT, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `app-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), seconds, sizes, rows, firstLoadGzKb: gzKb, before: values.before, firstLoadGzKbBefore: gzKbBefore }, null, 2)}\n`);
    console.log(`results: ${file}`);
    console.log(`speedup over the best baseline: median ${sizes.map((n) => `${n}=${fmt(speedup(n, 'scrubMedianMs'), 1)}`).join(' ')}; `
      + `p95 ${sizes.map((n) => `${n}=${fmt(speedup(n), 1)}`).join(' ')}`);
    if (values.before) {
      const mine = (v: string, n: number) => rows.find((r) => r.variant === v && r.n === n && r.scrubP95Ms !== null);
      const against = (key: 'scrubMedianMs' | 'scrubP95Ms') => sizes.map((n) => {
        const [a, b] = [mine('ours-before', n), mine('ours', n)];
        return `${n}=${fmt(a && b ? (a[key] as number) / (b[key] as number) : null, 2)}`;
      }).join(' ');
      console.log(`ours against ours-before (${values.before}): median ${against('scrubMedianMs')}; p95 ${against('scrubP95Ms')}; `
        + `first_load_gz_kb ${fmt(gzKbBefore, 1)} before`);
    }
    const m = ours(1_000_000);
    console.log(`SUMMARY first_render_1m_ms=${fmt(m?.firstRenderMs ?? null)} scrub_p95_1m_ms=${fmt(m?.scrubP95Ms ?? null, 1)} `
      + `speedup_1m=${fmt(speedup(1_000_000), 1)} speedup_100k=${fmt(speedup(100_000), 1)} heap_1m_mb=${fmt(m?.heapMb ?? null, 1)} `
      + `first_load_gz_kb=${fmt(gzKb, 1)}`);
  } finally {
    for (const b of browsers) await b.close().catch(() => undefined);
    server?.close();
    if (!values.keep) rmSync(work, { recursive: true, force: true });
    else console.error(`bench: kept ${work}`);
  }
}

/** Builds the bench pages into `outDir` (also used by tests/browser/scale-layer.test.ts). */
export function buildBenchPages(outDir: string): void {
  const built = spawnSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts', '--outDir', outDir, '--emptyOutDir'], { cwd: ROOT, stdio: 'pipe' });
  if (built.status !== 0) throw new Error(`bench pages did not build:\n${built.stderr}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(`bench:app: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
