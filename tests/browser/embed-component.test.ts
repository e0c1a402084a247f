// The <flankline-map> web component, built with npm run build:lib's config, in a plain HTML page that loads it
// with one script tag: it draws the basemap and the markers, follows its time attribute and announces changes.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CATEGORY_COLORS } from '../../src/app/categories.ts';
import { isProbeOfOptionalFile, launch } from './browser.ts';
import { serve } from '../../scripts/serve-static.ts';
import { colourDistance, colourVariety, decodePng, pixelAt } from './pixels.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE_EVENTS = (JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/fixture-events.geojson'), 'utf8')) as { features: unknown[] }).features.length;
let dir: string;
let server: Server;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flankline-lib-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.lib.config.ts'), logLevel: 'warn', build: { outDir: join(dir, 'lib'), emptyOutDir: true } });
  mkdirSync(join(dir, 'report'));
  cpSync(join(ROOT, 'tests/fixtures/fixture-events.geojson'), join(dir, 'report/events.geojson'));
  cpSync(join(ROOT, 'tests/fixtures/fixture-documents.json'), join(dir, 'report/documents.json'));
  writeFileSync(join(dir, 'report/corpus.json'), JSON.stringify({ title: 'Flank watch, a report\'s corpus', subtitle: 'Fixture events' }));
  writeFileSync(join(dir, 'report/index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A report</title><link rel="icon" href="data:,">
<script type="module" src="../lib/flankline-map.js"></script></head>
<body style="margin:0;font-family:serif">
<h1>Quarterly report</h1><p>The map below is live.</p>
<flankline-map src="events.geojson" time="2022-02-25" style="width:800px;height:500px"></flankline-map>
<script>window.heard = []; for (const t of ['flankline-ready', 'flankline-timechange', 'flankline-select'])
  document.addEventListener(t, (e) => heard.push({ type: t, detail: e.detail }));</script>
</body></html>`);
  const served = await serve(dir);
  server = served.server;
  const url = `${served.url}report/index.html`;
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  page.on('pageerror', (e) => errors.push(String(e)));
  // The component asks for events.bin beside its GeoJSON (there is none here): that 404 is how it learns so.
  page.on('console', (m) => { if (m.type() === 'error' && !isProbeOfOptionalFile(m)) errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('flankline-map')?.getAttribute('data-ready') === 'true', undefined, { timeout: 90_000 });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  if (server) await new Promise<void>((r) => server.close(() => r()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Heard = { type: string; detail: Record<string, unknown> };

/** Page pixel of a lon/lat on the component's map. */
const projectOnComponent = (lon: number, lat: number) => page.evaluate(([x, y]) => {
  const el = document.querySelector('flankline-map') as unknown as { map: { project(p: [number, number]): { x: number; y: number }; getContainer(): HTMLElement } };
  const p = el.map.project([x, y]);
  const r = el.map.getContainer().getBoundingClientRect();
  return { x: r.left + p.x, y: r.top + p.y };
}, [lon, lat]);

/** Sets the component's time and waits until its map has drawn it (the host tints follow once the time rests). */
async function showTime(iso: string): Promise<void> {
  await page.evaluate((t) => document.querySelector('flankline-map')!.setAttribute('time', t), iso);
  await page.waitForTimeout(1200);
  await page.evaluate(() => new Promise<void>((resolve) => {
    const map = (document.querySelector('flankline-map') as unknown as { map: { isMoving(): boolean; loaded(): boolean; once(e: string, f: () => void): void } }).map;
    if (!map.isMoving() && map.loaded()) resolve();
    else map.once('idle', () => resolve());
  }));
}

/** The colour of the component's pixel at a lon/lat. */
async function colourAt(lon: number, lat: number): Promise<[number, number, number]> {
  const p = await projectOnComponent(lon, lat);
  const shot = decodePng(await page.screenshot({ clip: { x: p.x - 2, y: p.y - 2, width: 5, height: 5 } }));
  return pixelAt(shot, 2, 2);
}
const heard = () => page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);
const slider = () => page.locator('flankline-map [role="slider"]'); // playwright pierces the shadow root

describe('<flankline-map>', () => {
  test('renders the basemap and the markers of its date in a plain page', async () => {
    expect((await heard()).find((h) => h.type === 'flankline-ready')?.detail).toEqual({ time: '2022-02-25', events: FIXTURE_EVENTS });
    expect(await slider().getAttribute('aria-valuetext')).toBe('2022-02-25');
    const box = (await page.locator('flankline-map').boundingBox())!;
    expect([box.width, box.height]).toEqual([800, 500]);
    const shot = decodePng(await page.screenshot({ clip: box }));
    const variety = colourVariety(shot);
    expect(variety.distinct).toBeGreaterThan(20);
    expect(variety.commonestShare).toBeLessThan(0.8);
    // The Kyiv strike of 2022-02-24 is drawn in the strike colour where the map puts Kyiv.
    const at = await page.evaluate(() => {
      const el = document.querySelector('flankline-map') as unknown as { map: { project(p: [number, number]): { x: number; y: number }; getContainer(): HTMLElement } };
      const p = el.map.project([30.5238, 50.4547]);
      const r = el.map.getContainer().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    let nearest = Infinity;
    for (let dy = -6; dy <= 6; dy++) {
      for (let dx = -6; dx <= 6; dx++) {
        nearest = Math.min(nearest, colourDistance(pixelAt(shot, at.x - box.x + dx, at.y - box.y + dy), CATEGORY_COLORS.strike));
      }
    }
    expect(nearest).toBeLessThan(60);
    expect(errors).toEqual([]);
  });

  test('says what it shows: the corpus\'s title and subtitle above the map, inside its box; heading="0" leaves them out', async () => {
    const title = page.locator('flankline-map .corpus-title');
    expect(await title.textContent()).toBe('Flank watch, a report\'s corpus');
    expect(await page.locator('flankline-map .corpus-subtitle').textContent()).toBe('Fixture events');
    const box = (await page.locator('flankline-map').boundingBox())!;
    const t = (await title.boundingBox())!;
    const map = (await page.locator('flankline-map .fm-map').boundingBox())!;
    expect(t.y).toBeGreaterThanOrEqual(box.y);
    expect(t.y + t.height).toBeLessThanOrEqual(map.y + 1);
    expect(t.width).toBeGreaterThan(100);
    await page.evaluate(() => document.querySelector('flankline-map')!.setAttribute('heading', '0'));
    expect(await title.isVisible()).toBe(false);
    await page.evaluate(() => document.querySelector('flankline-map')!.removeAttribute('heading'));
    expect(await title.isVisible()).toBe(true);
  });

  test('draws the posture layers its legend lists: host countries tinted, headquarters squares', async () => {
    // The legend lists them (the fixture holds battlegroups and a headquarters)...
    const legend = (await page.locator('flankline-map .fm-legend').textContent())!;
    expect(legend).toContain('Deployment host country');
    expect(legend).toContain('Headquarters site');
    // ...and the map draws them. Western Poland, clear of markers and labels: its battlegroup (2017) tints it.
    const poland = [16.8, 51.4] as const;
    await showTime('2016-12-31');
    const before = await colourAt(...poland);
    await showTime('2018-01-15');
    const tinted = await colourAt(...poland);
    expect(colourDistance(tinted, before)).toBeGreaterThan(25);
    expect(colourDistance(tinted, CATEGORY_COLORS.deployment)).toBeLessThan(colourDistance(before, CATEGORY_COLORS.deployment));
    // Wiesbaden's headquarters (from January 2025): a square around its marker, whose corners lie outside the disc.
    const wiesbaden = [8.2398, 50.0782] as const;
    const corners = async () => {
      const p = await projectOnComponent(...wiesbaden);
      const shot = decodePng(await page.screenshot({ clip: { x: p.x - 20, y: p.y - 20, width: 40, height: 40 } }));
      let nearest = Infinity;
      for (const [sx, sy] of [[1, 1], [1, -1], [-1, 1], [-1, -1]]) {
        for (let d = 11; d <= 16; d++) nearest = Math.min(nearest, colourDistance(pixelAt(shot, 20 + sx * d, 20 + sy * d), CATEGORY_COLORS.headquarters));
      }
      return nearest;
    };
    await showTime('2024-06-01');
    expect(await corners()).toBeGreaterThan(90);
    await showTime('2025-09-15');
    expect(await corners()).toBeLessThan(60);
  });

  test('follows its time and event attributes and announces the changes as DOM events', async () => {
    await page.evaluate(() => document.querySelector('flankline-map')!.setAttribute('time', '2017-06-20'));
    expect(await slider().getAttribute('aria-valuetext')).toBe('2017-06-20');
    expect((await heard()).some((h) => h.type === 'flankline-timechange' && h.detail.time === '2017-06-20')).toBe(true);
    await page.evaluate(() => document.querySelector('flankline-map')!.setAttribute('event', 'deployment-tapa-2017-06'));
    const title = page.locator('flankline-map .panel-title');
    await title.waitFor({ state: 'visible' });
    const selected = (await heard()).find((h) => h.type === 'flankline-select');
    expect(selected?.detail.id).toBe('deployment-tapa-2017-06');
    expect(await title.textContent()).toBe(selected?.detail.title);
    // Styles stay inside the component: the page's own heading is untouched by the app's stylesheet.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontFamily)).toBe('serif');
  });

  test('a place that is a whole country reads so in its panel, without four-decimal coordinates', async () => {
    await showTime('2025-09-15');
    await page.evaluate(() => document.querySelector('flankline-map')!.setAttribute('event', 'incursion-poland-2025-09-10'));
    const place = page.locator('flankline-map .panel-place');
    await expect.poll(() => place.textContent()).toContain('Poland (country; exact place not stated)');
    expect(await place.textContent()).not.toMatch(/\d+\.\d{4}°/);
    await page.evaluate(() => document.querySelector('flankline-map')!.removeAttribute('event'));
  });
});
