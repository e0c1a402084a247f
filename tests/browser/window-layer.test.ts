// The scale layer in a real browser: the bench pages (bench/*.html) built into a temp dir with a small synthetic
// dataset, served and opened with the browser tests' own helpers. Pixels, not timings.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { serve } from '../../scripts/serve-static.ts';
import { colourDistance, decodePng, type Pixels } from './pixels.ts';
import { buildBenchPages, writeData } from '../../scripts/bench-app.ts';

const N = 3000;
const BACKGROUND = [238, 240, 242];
let dir: string;
let server: Server;
let url: string;
let browser: Browser;
let meta: { minStart: number; maxStart: number };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flankline-scale-test-'));
  buildBenchPages(dir);
  writeData(join(dir, 'data', String(N)), N, 7);
  meta = JSON.parse(readFileSync(join(dir, 'data', String(N), 'meta.json'), 'utf8'));
  const bin = readFileSync(join(dir, 'data', String(N), 'events.bin'));
  mkdirSync(join(dir, 'data', 'cut'));
  writeFileSync(join(dir, 'data', 'cut', 'events.bin'), bin.subarray(0, bin.length - 100));
  ({ url, server } = await serve(dir));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openPage(page: string): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await p.goto(`${url}${page}data=data/${N}/`);
  await p.waitForFunction(() => 'ready' in ((window as unknown as { __bench?: object }).__bench ?? {}));
  await p.evaluate(() => (window as any).__bench.ready);
  return p;
}

async function shotAt(p: Page, t0: number, t1: number): Promise<Pixels> {
  await p.evaluate(([a, b]) => (window as any).__bench.frame(a, b), [t0, t1]);
  return decodePng(await p.screenshot());
}

/** Pixels that are not the background, their mean colour and mean distance from the background (strength). */
function markers(p: Pixels): { count: number; mean: number[]; strength: number } {
  let count = 0;
  let strength = 0;
  const sum = [0, 0, 0];
  for (let i = 0; i < p.data.length; i += p.channels) {
    const rgb = [p.data[i], p.data[i + 1], p.data[i + 2]];
    const d = colourDistance(rgb, BACKGROUND);
    if (d < 12) continue;
    count++;
    strength += d;
    for (let c = 0; c < 3; c++) sum[c] += rgb[c];
  }
  return { count, mean: sum.map((v) => v / Math.max(1, count)), strength: strength / Math.max(1, count) };
}

describe('WindowEventsLayer in chromium', () => {
  test('WindowEventsLayer draws nothing for a window before the first event and markers for a window with events', async () => {
    const page = await openPage('ours-layer.html?');
    const empty = markers(await shotAt(page, meta.minStart - 500, meta.minStart - 400));
    const full = markers(await shotAt(page, meta.minStart, meta.maxStart));
    await page.close();
    expect(empty.count).toBe(0);
    expect(full.count).toBeGreaterThan(2000);
  });

  test('loadScaleEvents() rejects a truncated events.bin with the format\'s message, read in the worker', async () => {
    const p = await browser.newPage();
    await p.goto(`${url}ours-layer.html?data=data/cut/`);
    await p.waitForFunction(() => (window as any).__bench?.error, null, { timeout: 60_000 });
    const error = await p.evaluate(() => (window as any).__bench.error as string);
    await p.close();
    expect(error).toMatch(/^events file: columnar: truncated: header says \d+ bytes, got \d+$/);
  });

  test('WindowEventsLayer draws the picture a CPU-filtered ScatterplotLayer draws for the same windows, fading included', async () => {
    const ours = await openPage('ours-layer.html?');
    const baseline = await openPage('deck-cpu-filter.html?');
    const span = meta.maxStart - meta.minStart;
    const mid = meta.minStart + Math.round(span * 0.6);
    // 20 days: every event is fresh; 500 days ending on the same day: most are faded; the last 10% of the range.
    const windows: [number, number][] = [[mid - 20, mid], [mid - 500, mid], [meta.maxStart - Math.round(span * 0.1), meta.maxStart]];
    const compared: { ours: number; base: number; shift: number; strength: number }[] = [];
    for (const [t0, t1] of windows) {
      const a = markers(await shotAt(ours, t0, t1));
      const b = markers(await shotAt(baseline, t0, t1));
      compared.push({ ours: a.count, base: b.count, shift: colourDistance(a.mean, b.mean), strength: a.strength });
    }
    await ours.close();
    await baseline.close();
    for (const c of compared) {
      expect(c.base).toBeGreaterThan(30);
      expect(Math.abs(c.ours - c.base) / c.base).toBeLessThan(0.2);
      expect(c.shift).toBeLessThan(20);
    }
    // Fading is visible: the long window's markers are paler on average than the all-fresh short window's.
    expect(compared[1].strength).toBeLessThan(compared[0].strength * 0.8);
  });

  test('WindowEventsLayer also draws events still active at the window start (states, month- and year-long events) when asked', async () => {
    const only = await openPage('ours-layer.html?');
    const active = await openPage('ours-layer.html?held=1&');
    const span = meta.maxStart - meta.minStart;
    const t1 = meta.minStart + Math.round(span * 0.7);
    const started = markers(await shotAt(only, t1 - 10, t1));
    const withActive = markers(await shotAt(active, t1 - 10, t1));
    await only.close();
    await active.close();
    expect(started.count).toBeGreaterThan(0);
    expect(withActive.count).toBeGreaterThan(started.count * 1.5);
  });
});
