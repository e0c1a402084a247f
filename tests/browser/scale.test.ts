// The app's large mode in headless chromium: a synthetic dataset of 30,000 events written as the pipeline does
// (events.bin, events.parts/, documents.json; no GeoJSON is read) into the built app's folder, opened with ?data=.
// Pixels are compared with the same view at Home (no events drawn), so the basemap cancels out.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { synthesize, type SynthDataset } from '../../src/scale/synth-events.ts';
import { writeBinary, writeParts } from '../../scripts/synth.ts';
import { rowOrder } from '../../src/scale/columnar.ts';
import { CATEGORY_COLORS } from '../../src/app/categories.ts';
import type { LargeHook } from '../../src/app/large/large-test-hook.ts';
import { launch, openApp, type OpenedApp } from './browser.ts';
import { colourDistance, decodePng, type Pixels } from './pixels.ts';

const N = 30_000;
const SEED = 5;
const dir = inject('appDir');
const url = inject('appUrl');
let data: SynthDataset;
/** order[row]: the synthetic index of the event at that row of events.bin. */
let order: Uint32Array;
let browser: Browser;
let app: OpenedApp;
let home: Pixels;

/** Runs `fn` on the page's test hook (sent as source, like every page.evaluate, so it may use nothing from here). */
const hook = <T>(page: Page, fn: (h: LargeHook) => T) => page.evaluate(`(${fn.toString()})(window.__flankline)`) as Promise<T>;

/** The synthetic feature behind an id (`syn-<seed>-<index in base 36>`), with its sources. */
const featureOf = (id: string) => data.featureAt(parseInt(id.split('-')[2], 36));

beforeAll(async () => {
  data = synthesize({ events: N, seed: SEED });
  const out = join(dir, 'large');
  mkdirSync(out, { recursive: true });
  const columns = data.columns();
  order = rowOrder(columns);
  writeBinary(data, out, columns);
  writeParts(data, out, columns);
  writeFileSync(join(out, 'documents.json'), JSON.stringify(data.documents));
  mkdirSync(join(dir, 'large-cut'), { recursive: true });
  const bin = readFileSync(join(out, 'events.bin'));
  writeFileSync(join(dir, 'large-cut', 'events.bin'), bin.subarray(0, bin.length - 1000));
  browser = await launch();
  app = await openApp(browser, `${url}?data=large/events.geojson`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  rmSync(join(dir, 'large'), { recursive: true, force: true });
  rmSync(join(dir, 'large-cut'), { recursive: true, force: true });
});

const slider = () => app.page.locator('[role="slider"]');

async function press(key: string, times = 1): Promise<void> {
  await slider().focus();
  for (let i = 0; i < times; i++) await app.page.keyboard.press(key);
}

/** Waits until deck.gl has drawn the layers as they are now, then a frame more for the compositor. */
async function settled(): Promise<void> {
  await app.page.waitForFunction(() => (window as unknown as { __flankline: LargeHook }).__flankline.drawn(), undefined, { timeout: 60_000, polling: 100 });
  await app.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function mapShot(): Promise<Pixels> {
  await settled();
  const box = (await app.page.locator('#map').boundingBox())!;
  return decodePng(await app.page.screenshot({ clip: box }));
}

/** Pixels that differ from the Home shot (markers), optionally only those near a colour. */
function markerPixels(shot: Pixels, near?: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < shot.data.length; i += shot.channels) {
    const rgb = [shot.data[i], shot.data[i + 1], shot.data[i + 2]];
    if (colourDistance(rgb, [home.data[i], home.data[i + 1], home.data[i + 2]]) < 16) continue;
    if (near && colourDistance(rgb, near) > 30) continue;
    n++;
  }
  return n;
}

/**
 * A recent event whose marker is on screen and is what the app picks at its pixel and the pixels around it (the
 * synthetic events cluster, and a pointer lands on whole pixels). x, y: page pixels.
 */
async function pickableMarker(category?: string, among = 400): Promise<{ id: string; title: string; x: number; y: number }> {
  const box = (await app.page.locator('#map').boundingBox())!;
  const candidates = await hook(app.page, (h) => h.latest(2000));
  const found = await app.page.evaluate(([list, category, among, box]) => {
    const h = (window as unknown as { __flankline: LargeHook }).__flankline;
    let tried = 0;
    for (const c of list) {
      if (category && c.category !== category) continue;
      if (tried++ >= among) break;
      const p = h.project(c.lon, c.lat);
      const x = Math.round(p.x - box.x);
      const y = Math.round(p.y - box.y);
      if (x < 40 || y < 40 || x > box.width - 40 || y > box.height - 40) continue;
      const around = [[0, 0], [1, 0], [-1, 0], [0, 1], [0, -1]];
      if (around.every(([dx, dy]) => h.eventAt(x + dx, y + dy)?.id === c.id)) return { id: c.id, title: c.title, x: x + box.x, y: y + box.y };
    }
    return null;
  }, [candidates, category ?? null, among, box] as const);
  if (!found) throw new Error(`no pickable ${category ?? ''} marker among the latest events`);
  return found;
}

/** Mean colour distance from the Home shot over the marker pixels: faded markers are paler, so lower. */
function markerStrength(shot: Pixels): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < shot.data.length; i += shot.channels) {
    const d = colourDistance([shot.data[i], shot.data[i + 1], shot.data[i + 2]], [home.data[i], home.data[i + 1], home.data[i + 2]]);
    if (d < 16) continue;
    n++;
    sum += d;
  }
  return sum / Math.max(1, n);
}

describe('large mode (30,000 synthetic events from events.bin)', () => {
  test('is announced with the event count, and says what is off', async () => {
    expect(await hook(app.page, (h) => [h.large, h.count])).toEqual([true, N]);
    expect(await app.page.locator('.banner-info').textContent()).toContain('30,000 events');
    expect(await app.page.locator('#posture').textContent()).toMatch(/Large dataset \(30,000 events\).*arcs.*off/);
    expect(await app.page.locator('input.search').getAttribute('placeholder')).toBe('Titles and places');
    expect(app.errors).toEqual([]);
  });

  test('draws markers, and fewer when the scrubber moves earlier', async () => {
    await press('Home');
    home = await mapShot();
    await press('End');
    const end = markerPixels(await mapShot());
    // Half a year into the data: a small share of the events.
    await press('Home');
    await press('PageUp', 6);
    expect(await hook(app.page, (h) => h.visibleCount())).toBeGreaterThan(0);
    expect(await hook(app.page, (h) => h.visibleCount())).toBeLessThan(N * 0.3);
    const earlier = markerPixels(await mapShot());
    expect(end).toBeGreaterThan(3000);
    expect(earlier).toBeGreaterThan(100);
    expect(earlier).toBeLessThan(end * 0.6);
    await press('End');
  });

  test('"Fade after" sets how long markers stay at full strength, as in small mode: a year leaves them stronger than a week', async () => {
    // Mid-2022, with three years of events behind the cursor: a week leaves most of them faded, a year far fewer.
    await press('Home');
    await press('PageUp', 42);
    const fade = app.page.getByLabel('Fade after');
    expect(await fade.isDisabled()).toBe(false);
    await fade.selectOption({ label: 'a week' });
    expect(await hook(app.page, (h) => h.layer().fadeDays)).toBe(7);
    const week = markerStrength(await mapShot());
    await fade.selectOption({ label: 'a year' });
    expect(await hook(app.page, (h) => h.layer().fadeDays)).toBe(365);
    const year = markerStrength(await mapShot());
    await fade.selectOption({ label: '30 days' });
    expect(year).toBeGreaterThan(week * 1.15);
  });

  test('hovering a marker shows its title in the tooltip', async () => {
    await settled();
    const marker = await pickableMarker();
    await app.page.mouse.move(marker.x, marker.y);
    const tooltip = app.page.locator('.tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await tooltip.locator('strong').textContent()).toBe(marker.title);
    expect(await hook(app.page, (h) => h.state().hoveredId)).toBe(marker.id);
  });

  test('clicking a marker opens the panel, which then shows the excerpts from its part', async () => {
    const marker = await pickableMarker();
    await app.page.mouse.click(marker.x, marker.y);
    const panel = app.page.locator('#panel');
    await panel.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await panel.locator('.panel-title').textContent()).toBe(marker.title);
    const full = featureOf(marker.id);
    await panel.locator('.source').first().waitFor({ state: 'visible', timeout: 30_000 });
    expect(await panel.locator('.source').count()).toBe(full.properties.sources.length);
    expect(await panel.textContent()).toContain(full.properties.sources[0].excerpt);
    expect(await panel.locator('.panel-loading').count()).toBe(0);
    await app.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
  });

  test('the list shows the latest events with their place names', async () => {
    const latest = await hook(app.page, (h) => h.latest(3));
    const items = app.page.locator('.list-item');
    expect(await items.count()).toBe(200);
    for (let k = 0; k < 3; k++) {
      expect(await items.nth(k).getAttribute('data-id')).toBe(latest[k].id);
      expect(await items.nth(k).locator('.list-meta').textContent()).toContain(featureOf(latest[k].id).properties.place.name);
    }
    expect(await app.page.locator('.list-more').textContent()).toMatch(/^and [\d,]+ earlier events$/);
  });

  test('the timeline strip is drawn', async () => {
    const strip = decodePng(await app.page.locator('.scrubber-strip').screenshot());
    const corner = [strip.data[0], strip.data[1], strip.data[2]];
    let drawn = 0;
    for (let i = 0; i < strip.data.length; i += strip.channels) {
      if (colourDistance([strip.data[i], strip.data[i + 1], strip.data[i + 2]], corner) > 30) drawn++;
    }
    expect(drawn).toBeGreaterThan(strip.width * 2);
  });

  test('switching a category off in the legend removes its markers', async () => {
    // Late December 2025: the last month of events is fresh, so incidents show in their own colour.
    await app.page.mouse.move(2, 2);
    await press('End');
    await press('PageDown', 33);
    const colour = CATEGORY_COLORS.incident;
    const marker = await pickableMarker('incident');
    const before = markerPixels(await mapShot(), colour);
    const toggle = app.page.locator('.legend-toggle[data-category="incident"]');
    await toggle.click();
    const after = markerPixels(await mapShot(), colour);
    expect(before).toBeGreaterThan(100);
    expect(after).toBeLessThan(before * 0.1);
    const box = (await app.page.locator('#map').boundingBox())!;
    const picked = await app.page.evaluate(([x, y]) => (window as unknown as { __flankline: LargeHook }).__flankline.eventAt(x, y), [marker.x - box.x, marker.y - box.y]);
    expect(picked?.id).not.toBe(marker.id);
    await toggle.click();
    await press('End');
  });

  test('the search narrows the map and the list to titles and places', async () => {
    await app.page.locator('input.search').fill('Tallinn');
    await app.page.waitForFunction(() => (window as unknown as { __flankline: LargeHook }).__flankline.layer().matches !== null, undefined, { timeout: 20_000 });
    const matches = await hook(app.page, (h) => h.layer().matches!);
    expect(matches).toBeGreaterThan(100);
    expect(matches).toBeLessThan(N / 10);
    const metas = await app.page.locator('.list-meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const m of metas) expect(m).toContain('Tallinn');
    await app.page.locator('input.search').fill('');
  });

  test('a link with a time and an event opens at that time with the event selected, and the URL follows the selection', async () => {
    const linked = data.featureAt(1234);
    const opened = await openApp(browser, `${url}?data=large/events.geojson#time=${linked.properties.start}&event=${linked.id}`);
    try {
      const panel = opened.page.locator('#panel');
      await panel.waitFor({ state: 'visible', timeout: 30_000 });
      expect(await panel.locator('.panel-title').textContent()).toBe(linked.properties.title);
      expect(await hook(opened.page, (h) => h.state().selectedId)).toBe(linked.id);
      expect(await opened.page.locator('[role="slider"]').getAttribute('aria-valuetext')).toBe(linked.properties.start);
      await panel.locator('.source').first().waitFor({ state: 'visible', timeout: 30_000 });
      expect(await panel.textContent()).toContain(linked.properties.sources[0].excerpt);
      const other = (await hook(opened.page, (h) => h.latest(5)))[4];
      await opened.page.locator(`.list-item[data-id="${other.id}"]`).click();
      await opened.page.waitForFunction((id) => location.hash.includes(`event=${id}`), other.id, { timeout: 20_000 });
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.page.close();
    }
  });

  test('an event whose part is missing shows it first from events.bin, then says the sources could not be loaded', async () => {
    const linked = data.featureAt(order[3500]);
    const part = join(dir, 'large', 'events.parts', '00003.json');
    renameSync(part, `${part}.gone`);
    const opened = await openApp(browser, `${url}?data=large/events.geojson#time=${linked.properties.start}&event=${linked.id}`);
    try {
      const panel = opened.page.locator('#panel');
      await panel.waitFor({ state: 'visible', timeout: 30_000 });
      expect(await panel.locator('.panel-title').textContent()).toBe(linked.properties.title);
      await panel.locator('.panel-error').waitFor({ state: 'visible', timeout: 30_000 });
      expect(await panel.locator('.panel-error').textContent()).toMatch(/^The sources could not be loaded: .*00003\.json is missing/);
      expect(await panel.locator('.source').count()).toBe(0);
    } finally {
      await opened.page.close();
      renameSync(`${part}.gone`, part);
    }
  });

  test('the last-N-days play mode draws only the recent window', async () => {
    await app.page.mouse.move(2, 2);
    await press('End');
    await press('PageDown', 33);
    const everything = markerPixels(await mapShot());
    const status = app.page.locator('[role="status"].status');
    const started = Number((await status.textContent())!.match(/^[\d,]+/)![0].replace(/,/g, ''));
    await app.page.getByLabel('Play mode').selectOption({ label: 'Last 30 days' });
    expect(await hook(app.page, (h) => h.layer().windowStart)).toBe(await hook(app.page, (h) => h.t() - 30));
    // The status line counts what the map shows: only the events active in the window.
    const inWindow = (await status.textContent())!;
    expect(inWindow).toMatch(/^[\d,]+ events in the 30 days to /);
    expect(Number(inWindow.match(/^[\d,]+/)![0].replace(/,/g, ''))).toBeLessThan(started * 0.5);
    const recent = markerPixels(await mapShot());
    await app.page.getByLabel('Play mode').selectOption({ label: 'Everything so far' });
    expect(recent).toBeGreaterThan(100);
    expect(recent).toBeLessThan(everything * 0.5);
  });

  test('a truncated events.bin is an error naming the file, not a silent fallback to the GeoJSON', async () => {
    const opened = await openApp(browser, `${url}?data=large-cut/events.geojson`);
    try {
      expect(await opened.page.locator('.banner-error').textContent()).toMatch(/events\.bin cannot be read/);
      expect(opened.requests.some((r) => new URL(r).pathname.endsWith('/events.geojson'))).toBe(false);
    } finally {
      await opened.page.close();
    }
  });
});
