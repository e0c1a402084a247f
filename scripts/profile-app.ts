// Where a bench page's main-thread time goes, as figures that do not depend on the machine's load as wall-clock
// times do: a CDP CPU profile (self time by function, and by kind: JS, GC, native) of a page's first load and of a
// fixed number of scrub frames.
//   npm run profile:app -- [--n 10000] [--variant ours] [--frames 30] [--top 25] [--timeline MS] [--site DIR --data DIR]
// Builds the pages and data as bench:app does (or reuses a `bench:app -- --keep` folder with --site and --data).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession } from 'playwright-core';
import { BENCH_APP_DEFAULTS, buildApp, buildBenchPages, serve, writeData } from './bench-app.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/**
 * CPU time (ms) used so far by the browser's processes of each type (gpu-process, renderer, ...), from /proc: in
 * software rendering the GPU process's CPU time is the drawing work itself, which a loaded machine stretches in
 * wall-clock time but not in CPU time.
 */
export function cpuByProcessType(browserMark: string): Record<string, number> {
  const tick = 1000 / 100;
  const parent = new Map<number, number>();
  const info = new Map<number, { type: string; ms: number }>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, Number(fields[1]));
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
      info.set(pid, { type, ms: (Number(fields[11]) + Number(fields[12])) * tick });
    } catch {
      // The process ended while we looked.
    }
  }
  let browserPid = -1;
  for (const pid of info.keys()) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(browserMark) && info.get(pid)!.type === 'browser') browserPid = pid;
    } catch {
      // Gone.
    }
  }
  const out: Record<string, number> = {};
  for (const [pid, { type, ms }] of info) {
    let p: number | undefined = pid;
    while (p && p !== browserPid) p = parent.get(p);
    if (p === browserPid) out[type] = (out[type] ?? 0) + ms;
  }
  return out;
}

/** What bench/harness.ts puts on a bench page. */
interface BenchWindow { __bench: { ready: Promise<{ firstRenderMs: number }>; frame(t0: number, t1: number): Promise<number> } }

/** Self time (ms) by function, over a CDP profile. */
export function selfTimes(profile: Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  for (let k = 0; k < profile.samples.length; k++) {
    const node = byId.get(profile.samples[k])!;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url ? url.slice(url.lastIndexOf('/') + 1) : '';
    const key = file ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}` : functionName;
    out.set(key, (out.get(key) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000);
  }
  return out;
}

/** The profile in slices of `sliceMs`: in each, the busiest functions (self time), to see what a load waits on, in order. */
function timeline(profile: Profile, sliceMs: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const slices: Map<string, number>[] = [];
  let t = 0;
  for (let k = 0; k < profile.samples.length; k++) {
    t += (profile.timeDeltas[k] ?? 0) / 1000;
    const node = byId.get(profile.samples[k])!;
    const { functionName, url } = node.callFrame;
    const key = `${functionName || '(anonymous)'}${url ? ` ${url.slice(url.lastIndexOf('/') + 1)}` : ''}`;
    const slice = (slices[Math.floor(t / sliceMs)] ??= new Map());
    slice.set(key, (slice.get(key) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000);
  }
  console.log(`\nfirst load, ${sliceMs} ms at a time (the three largest self times in each):`);
  slices.forEach((slice, k) => {
    const top = [...slice].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([f, v]) => `${f} ${v.toFixed(0)}`);
    console.log(`${String(k * sliceMs).padStart(6)}  ${top.join(' | ')}`);
  });
}

function report(title: string, profile: Profile, top: number, per = 1): void {
  const self = selfTimes(profile);
  const total = (profile.endTime - profile.startTime) / 1000;
  const idle = self.get('(idle)') ?? 0;
  const kinds = ['(program)', '(garbage collector)', '(idle)'];
  const js = [...self].filter(([k]) => !kinds.includes(k)).reduce((s, [, v]) => s + v, 0);
  const unit = per === 1 ? 'ms' : `ms a frame (${per} frames)`;
  console.log(`\n${title}: ${(total / per).toFixed(1)} ${unit} in all; JS ${(js / per).toFixed(1)}, `
    + `(program) ${((self.get('(program)') ?? 0) / per).toFixed(1)}, GC ${((self.get('(garbage collector)') ?? 0) / per).toFixed(1)}, `
    + `idle ${(idle / per).toFixed(1)}`);
  const rows = [...self].filter(([k]) => !kinds.includes(k)).sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [k, v] of rows) console.log(`${(v / per).toFixed(2).padStart(9)}  ${k}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    n: { type: 'string' }, variant: { type: 'string' }, frames: { type: 'string' }, top: { type: 'string' },
    site: { type: 'string' }, data: { type: 'string' }, interval: { type: 'string' }, timeline: { type: 'string' },
  } });
  const n = Number(values.n ?? 10_000);
  const variant = values.variant ?? 'ours';
  const frames = Number(values.frames ?? 30);
  const top = Number(values.top ?? 25);
  const work = values.site ? null : mkdtempSync(join(tmpdir(), 'flankline-profile-'));
  const site = values.site ?? join(work!, 'site');
  const data = values.data ?? join(work!, 'data');
  try {
    if (work) {
      buildBenchPages(site);
      buildApp(join(site, 'app'));
      writeData(join(data, String(n)), n, BENCH_APP_DEFAULTS.seed);
    }
    const { server, port } = await serve(site, data);
    // A flag chromium ignores, to find this browser's processes in /proc.
    const mark = `--flankline-profile=${process.pid}`;
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, mark] });
    try {
      const page = await browser.newPage({ viewport: BENCH_APP_DEFAULTS.viewport });
      // Frames drawn per canvas, in every frame of the page (the app's iframe too): each canvas clears once a frame.
      await page.addInitScript(`(() => {
        const counts = (window.__glFrames = {});
        const clear = WebGL2RenderingContext.prototype.clear;
        WebGL2RenderingContext.prototype.clear = function (mask) {
          const key = this.canvas.classList.contains('maplibregl-canvas') ? 'maplibre' : 'deck';
          counts[key] = (counts[key] || 0) + 1;
          return clear.call(this, mask);
        };
      })()`);
      // As source text: tsx would wrap a named function in a helper the page does not have.
      const glFrames = () => page.evaluate(`({ ...((document.getElementById('app')?.contentWindow ?? window).__glFrames ?? {}) })`) as
        Promise<Record<string, number>>;
      const cdp: CDPSession = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: Number(values.interval ?? 200) });
      await cdp.send('Profiler.start');
      await page.goto(`http://127.0.0.1:${port}/${variant}.html?data=/data/${n}/`, { waitUntil: 'commit' });
      await page.waitForFunction(() => 'ready' in ((window as unknown as { __bench?: object }).__bench ?? {}), null, { timeout: 60_000 });
      const ready = await page.evaluate(() => (window as unknown as BenchWindow).__bench.ready);
      const load = (await cdp.send('Profiler.stop')).profile as Profile;
      const cpuLoaded = cpuByProcessType(mark);
      console.log(`CPU time to the first render by process (ms, browser start included): ${Object.keys(cpuLoaded).sort()
        .map((k) => `${k} ${cpuLoaded[k].toFixed(0)}`).join(', ')}`);
      console.log(`${variant} n=${n}: first render ${Math.round(ready.firstRenderMs)} ms; canvas clears so far ${JSON.stringify(await glFrames())}`);
      report('first load', load, top);
      if (values.timeline) timeline(load, Number(values.timeline));
      // The measured frames: a 10% window stepped evenly across the range (the same windows on every run), after one
      // warm-up frame.
      const meta = JSON.parse(readFileSync(join(data, String(n), 'meta.json'), 'utf8')) as { minStart: number; maxStart: number };
      const width = Math.max(1, Math.round((meta.maxStart - meta.minStart) * 0.1));
      const step = (meta.maxStart - meta.minStart - width) / frames;
      const windows = Array.from({ length: frames + 1 }, (_, k) => Math.round(meta.minStart + k * step));
      const run = (ts: number[]) => page.evaluate(([list, w]) => (async () => {
        const out: number[] = [];
        for (const t0 of list) out.push(await (window as unknown as BenchWindow).__bench.frame(t0, t0 + w));
        return out;
      })(), [ts, width] as const);
      await run(windows.slice(0, 1));
      // Time for what follows a step once the time rests (the host tints' settle and tween) to finish before measuring.
      await page.waitForTimeout(2000);
      // The app's map: how often MapLibre repaints the basemap while only the time moves (ours only).
      const countRenders = () => page.evaluate(() => {
        const app = (document.getElementById('app') as HTMLIFrameElement | null)?.contentWindow as
          (Window & { __flankline?: { map: { on(e: string, f: () => void): void } }; __renders?: number }) | undefined;
        if (!app?.__flankline) return false;
        app.__renders = 0;
        app.__flankline.map.on('render', () => { app.__renders! += 1; });
        return true;
      });
      const counting = await countRenders();
      const clearsBefore = await glFrames();
      const cpuBefore = cpuByProcessType(mark);
      await cdp.send('Profiler.start');
      const wall = await run(windows.slice(1));
      const scrub = (await cdp.send('Profiler.stop')).profile as Profile;
      const clearsAfter = await glFrames();
      const cpuAfter = cpuByProcessType(mark);
      console.log(`\nCPU time a frame by process (ms): ${Object.keys(cpuAfter).sort()
        .map((k) => `${k} ${((cpuAfter[k] - (cpuBefore[k] ?? 0)) / wall.length).toFixed(1)}`).join(', ')}`);
      console.log(`\ncanvas clears during the scrub: ${Object.keys(clearsAfter).map((k) => `${k} ${clearsAfter[k] - (clearsBefore[k] ?? 0)}`).join(', ')} in ${wall.length} frames`);
      if (counting) {
        const renders = await page.evaluate(() =>
          ((document.getElementById('app') as HTMLIFrameElement).contentWindow as Window & { __renders: number }).__renders);
        console.log(`\nMapLibre repaints during the scrub: ${renders} in ${wall.length} frames`);
      }
      const sorted = [...wall].sort((a, b) => a - b);
      console.log(`\nscrub: ${wall.length} frames, wall median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms`);
      report('scrub', scrub, top, wall.length);
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(`profile:app: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
