// The app at 30,000 events in headless chromium: a synthetic dataset written as the pipeline does (events.bin, its
// posture and text tables, events.parts/, documents.json; no GeoJSON is read) into the built app's folder, opened
// with ?data=. The same path as the seeds': markers, posture, excerpt search. Pixels are compared with the same view
// at Home (no events drawn), so the basemap cancels out.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { synthesize, type SynthDataset } from '../../scripts/synth-events.ts';
import { writeBinary, writeParts, writeTables } from '../../scripts/synth.ts';
import { rowOrder } from '../../src/model/columnar.ts';
import { countriesOf } from '../../src/model/place.ts';
import { CATEGORY_COLORS } from '../../src/app/categories.ts';
import type { FlanklineHook as Hook } from '../../src/app/test-hook.ts';
import { launch, openApp, openLegend, type OpenedApp } from './browser.ts';
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

/** Runs `fn` on the page's test hook (sent as source, like every page.evaluate, so it may use nothing from here). */
const hook = <T>(page: Page, fn: (h: Hook) => T) => page.evaluate(`(${fn.toString()})(window.__flankline)`) as Promise<T>;

/** The synthetic feature behind an id (`syn-<seed>-<index in base 36>`), with its sources. */
const featureOf = (id: string) => data.featureAt(parseInt(id.split('-')[2], 36));

beforeAll(async () => {
  data = synthesize({ events: N, seed: SEED });
  const out = join(dir, 'thirty');
  mkdirSync(out, { recursive: true });
  const columns = data.columns();
  order = rowOrder(columns);
  writeTables(data, out, writeBinary(data, out, columns), columns);
  writeParts(data, out, columns);
  writeFileSync(join(out, 'documents.json'), JSON.stringify(data.documents));
  mkdirSync(join(dir, 'thirty-cut'), { recursive: true });
  const bin = readFileSync(join(out, 'events.bin'));
  writeFileSync(join(dir, 'thirty-cut', 'events.bin'), bin.subarray(0, bin.length - 1000));
  browser = await launch();
  app = await openApp(browser, `${url}?data=thirty/events.geojson`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  rmSync(join(dir, 'thirty'), { recursive: true, force: true });
  rmSync(join(dir, 'thirty-cut'), { recursive: true, force: true });
});

const slider = () => app.page.locator('[role="slider"]');

async function press(key: string, times = 1): Promise<void> {
  await slider().focus();
  for (let i = 0; i < times; i++) await app.page.keyboard.press(key);
}

/** Waits until deck.gl has drawn the layers as they are now, then a frame more for the compositor. */
async function settled(): Promise<void> {
  await app.page.waitForFunction(() => (window as unknown as { __flankline: Hook }).__flankline.drawn(), undefined, { timeout: 60_000, polling: 100 });
  await app.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function mapShot(): Promise<Pixels> {
  // Host tints ease in over 450 ms of wall time.
  await app.page.waitForTimeout(600);
  await settled();
  const box = (await app.page.locator('#map').boundingBox())!;
  return decodePng(await app.page.screenshot({ clip: box }));
}

/**
 * The map as it is, and as it is without its markers (a search nothing matches hides them, and the rings and squares,
 * but not the basemap or its host tints): their difference is what the markers draw.
 */
async function shots(): Promise<{ shot: Pixels; reference: Pixels }> {
  const shot = await mapShot();
  const search = app.page.locator('input.search');
  await search.fill('zzqqxx');
  await app.page.waitForFunction(() => (window as unknown as { __flankline: Hook }).__flankline.layer().matches === 0, undefined, { timeout: 20_000 });
  const reference = await mapShot();
  await search.fill('');
  await app.page.waitForFunction(() => (window as unknown as { __flankline: Hook }).__flankline.layer().matches === null, undefined, { timeout: 20_000 });
  return { shot, reference };
}

/**
 * Categories whose events draw markers and nothing else (no pulse ring, no state, no square in the synthetic data), so
 * their pixels measure the markers alone.
 */
const MARKER_ONLY = (['meeting', 'aid', 'other'] as const).map((c) => CATEGORY_COLORS[c]);

/**
 * How much of a marker of `colour` pixel i shows over the reference: the opacity α with shot = reference + α
 * (colour - reference), or 0 when the change is not that (another colour, or none).
 */
function coverage(shot: Pixels, reference: Pixels, i: number, colour: readonly number[]): number {
  const d = [0, 1, 2].map((c) => shot.data[i + c] - reference.data[i + c]);
  const m = [0, 1, 2].map((c) => colour[c] - reference.data[i + c]);
  const mm = m[0] * m[0] + m[1] * m[1] + m[2] * m[2];
  if (mm < 900 || Math.hypot(d[0], d[1], d[2]) < 16) return 0;
  const alpha = (d[0] * m[0] + d[1] * m[1] + d[2] * m[2]) / mm;
  const residual = Math.hypot(d[0] - alpha * m[0], d[1] - alpha * m[1], d[2] - alpha * m[2]);
  return alpha > 0.15 && residual < 20 ? Math.min(1, alpha) : 0;
}

/** Pixels that differ from the reference and are near `colour`: markers of that colour at full strength. */
function nearColour({ shot, reference }: { shot: Pixels; reference: Pixels }, colour: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < shot.data.length; i += shot.channels) {
    const rgb = [shot.data[i], shot.data[i + 1], shot.data[i + 2]];
    if (colourDistance(rgb, [reference.data[i], reference.data[i + 1], reference.data[i + 2]]) >= 16 && colourDistance(rgb, colour) <= 30) n++;
  }
  return n;
}

/**
 * One of the synthetic data's clusters (Tallinn) close up: its markers drawn apart, so what they cover on screen grows
 * with how many are shown. The whole map's clusters are solid blots at a million events and at thirty thousand.
 */
async function closeUp(): Promise<void> {
  await app.page.evaluate(() => (window as unknown as { __flankline: Hook }).__flankline.map.jumpTo({ center: [24.754, 59.437], zoom: 9 }));
}

async function wholeMap(): Promise<void> {
  await app.page.evaluate(() => {
    const { map } = (window as unknown as { __flankline: Hook }).__flankline;
    map.fitBounds([[3.5, 41.5], [37.5, 62.4]], { padding: 36, duration: 0 });
  });
}

/** Pixels where a marker of one of `colours` is drawn over the reference shot, at any opacity. */
function markerPixels({ shot, reference }: { shot: Pixels; reference: Pixels }, colours: readonly (readonly number[])[] = MARKER_ONLY): number {
  let n = 0;
  for (let i = 0; i < shot.data.length; i += shot.channels) if (colours.some((c) => coverage(shot, reference, i, c) > 0)) n++;
  return n;
}

/** Mean opacity of the marker pixels: faded markers are paler, so lower. */
function markerStrength({ shot, reference }: { shot: Pixels; reference: Pixels }): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < shot.data.length; i += shot.channels) {
    const alpha = Math.max(...MARKER_ONLY.map((c) => coverage(shot, reference, i, c)));
    if (alpha === 0) continue;
    n++;
    sum += alpha;
  }
  return sum / Math.max(1, n);
}

/**
 * A recent event whose marker is on screen and is what the app picks at its pixel and the pixels around it (the
 * synthetic events cluster, and a pointer lands on whole pixels). x, y: page pixels.
 */
async function pickableMarker(category?: string, among = 400): Promise<{ id: string; title: string; x: number; y: number }> {
  const box = (await app.page.locator('#map').boundingBox())!;
  const candidates = await hook(app.page, (h) => h.latest(2000));
  const found = await app.page.evaluate(([list, category, among, box]) => {
    const h = (window as unknown as { __flankline: Hook }).__flankline;
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

describe('30,000 synthetic events from events.bin', () => {
  test('loads from events.bin with nothing off: the count, no GeoJSON, no error', async () => {
    expect(await hook(app.page, (h) => h.count)).toBe(N);
    expect(app.requests.some((r) => new URL(r).pathname.endsWith('/events.geojson'))).toBe(false);
    expect(await app.page.locator('.banner-info, .banner-warning, .banner-error').count()).toBe(0);
    expect(await app.page.locator('input.search').getAttribute('placeholder')).toBe('Search events');
    expect(app.errors).toEqual([]);
  });

  test('shows the posture: the summary counts what the synthetic data holds at a date, and host countries are tinted', async () => {
    const features = Array.from({ length: N }, (_, i) => data.featureAt(i));
    const iso = '2023-06-15';
    const held = features.filter((f) => f.properties.persists && f.properties.start <= iso && (f.properties.until === null || iso <= f.properties.until));
    const hosts = new Set(held.filter((f) => f.properties.category === 'deployment').flatMap((f) => countriesOf(f.properties.place)));
    const headquarters = held.filter((f) => f.properties.category === 'headquarters').length;
    expect(hosts.size).toBeGreaterThan(3);
    await slider().focus();
    for (let i = 0; i < 400; i++) {
      const gap = Math.round((Date.parse(iso) - Date.parse((await slider().getAttribute('aria-valuetext'))!)) / 86_400_000);
      if (gap === 0) break;
      await app.page.keyboard.press(gap > 40 ? 'PageUp' : gap < -40 ? 'PageDown' : gap > 0 ? 'ArrowRight' : 'ArrowLeft');
    }
    expect(await slider().getAttribute('aria-valuetext')).toBe(iso);
    const count = (category: string) => app.page.locator(`.posture-item[data-category="${category}"]`).getAttribute('data-count');
    await expect.poll(async () => [await count('deployment'), await count('headquarters')], { timeout: 20_000 })
      .toEqual([String(hosts.size), String(headquarters)]);
    const code = [...hosts][0];
    const tint = () => app.page.evaluate((c) => (window as unknown as { __flankline: Hook }).__flankline.countryState(c).deployment, code);
    await expect.poll(tint, { timeout: 20_000 }).toBe(1);
    await press('End');
  });

  test('draws markers, and fewer when the scrubber moves earlier', async () => {
    await closeUp();
    await press('End');
    const end = markerPixels(await shots());
    // Half a year into the data: a small share of the events.
    await press('Home');
    await press('PageUp', 6);
    expect(await hook(app.page, (h) => h.visibleCount())).toBeGreaterThan(0);
    expect(await hook(app.page, (h) => h.visibleCount())).toBeLessThan(N * 0.3);
    const earlier = markerPixels(await shots());
    expect(end).toBeGreaterThan(1000);
    expect(earlier).toBeGreaterThan(100);
    expect(earlier).toBeLessThan(end * 0.6);
    await wholeMap();
    await press('End');
  });

  test('"Fade after" sets how long markers stay at full strength, as in small mode: a year leaves them stronger than a week', async () => {
    // Mid-2022, with three years of events behind the cursor: a week leaves most of them faded, a year far fewer.
    await closeUp();
    await press('Home');
    await press('PageUp', 42);
    const fade = app.page.getByLabel('Fade after');
    expect(await fade.isDisabled()).toBe(false);
    await fade.selectOption({ label: 'a week' });
    expect(await hook(app.page, (h) => h.layer().fadeDays)).toBe(7);
    const week = markerStrength(await shots());
    await fade.selectOption({ label: 'a year' });
    expect(await hook(app.page, (h) => h.layer().fadeDays)).toBe(365);
    const year = markerStrength(await shots());
    await fade.selectOption({ label: '30 days' });
    await wholeMap();
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
    await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(200);
    for (let k = 0; k < 3; k++) {
      expect(await items.nth(k).getAttribute('data-id')).toBe(latest[k].id);
      expect(await items.nth(k).locator('.list-meta').textContent()).toContain(featureOf(latest[k].id).properties.place.name);
    }
    expect(await app.page.locator('.list-more').textContent()).toMatch(/^and [\d,]+ earlier events$/);
  });

  test('after the time moves the list is whole once the page is idle: the latest 200 events, newest first', async () => {
    // While the time moves a new list builds its first items at once and the rest in idle time (event-list.ts).
    const ids = () => app.page.locator('#list .list-item').evaluateAll((b) => b.map((x) => (x as HTMLElement).dataset.id!));
    for (const [key, times] of [['PageUp', 3], ['End', 1]] as const) {
      await press(key, times);
      const latest = (await hook(app.page, (h) => h.latest(200))).map((e) => e.id);
      expect(latest).toHaveLength(200);
      await expect.poll(ids, { timeout: 20_000 }).toEqual(latest);
      expect(await app.page.locator('.list-more').textContent()).toMatch(/^and [\d,]+ earlier events$/);
    }
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
    await openLegend(app.page);
    const colour = CATEGORY_COLORS.incident;
    const marker = await pickableMarker('incident');
    const before = nearColour(await shots(), colour);
    const toggle = app.page.locator('.legend-toggle[data-category="incident"]');
    await toggle.click();
    const after = nearColour({ shot: await mapShot(), reference: (await shots()).reference }, colour);
    expect(before).toBeGreaterThan(100);
    expect(after).toBeLessThan(before * 0.1);
    const box = (await app.page.locator('#map').boundingBox())!;
    const picked = await app.page.evaluate(([x, y]) => (window as unknown as { __flankline: Hook }).__flankline.eventAt(x, y), [marker.x - box.x, marker.y - box.y]);
    expect(picked?.id).not.toBe(marker.id);
    await toggle.click();
    await press('End');
  });

  test('the search finds words of the excerpts, and narrows the map and the list to them', async () => {
    // A word in one sentence of the synthetic documents, in no title or place name.
    const word = 'scrambled';
    const quoted = new Set<string>();
    for (let i = 0; i < N; i++) {
      const f = data.featureAt(i);
      if (f.properties.sources.some((s) => s.excerpt.toLowerCase().includes(word))) quoted.add(f.id);
    }
    expect(quoted.size).toBeGreaterThan(100);
    expect(quoted.size).toBeLessThan(N / 2);
    await app.page.locator('input.search').fill('Scrambled');
    await app.page.waitForFunction(() => (window as unknown as { __flankline: Hook }).__flankline.layer().matches !== null, undefined, { timeout: 30_000 });
    expect(await hook(app.page, (h) => h.layer().matches)).toBe(quoted.size);
    const listed = await app.page.locator('#list .list-item').evaluateAll((b) => b.map((x) => (x as HTMLElement).dataset.id!));
    expect(listed.length).toBeGreaterThan(0);
    for (const id of listed) expect(quoted.has(id), id).toBe(true);
    expect(app.requests.some((r) => new URL(r).pathname.endsWith('/events.text.bin'))).toBe(true);
    // Titles and places as well: Tallinn is a place name.
    await app.page.locator('input.search').fill('Tallinn');
    await expect.poll(async () => (await app.page.locator('.list-meta').allTextContents()).every((m) => m.includes('Tallinn')), { timeout: 20_000 }).toBe(true);
    await app.page.locator('input.search').fill('');
    await app.page.waitForFunction(() => (window as unknown as { __flankline: Hook }).__flankline.layer().matches === null, undefined, { timeout: 20_000 });
  });

  test('a link with a time and an event opens at that time with the event selected, and the URL follows the selection', async () => {
    const linked = data.featureAt(1234);
    const opened = await openApp(browser, `${url}?data=thirty/events.geojson#time=${linked.properties.start}&event=${linked.id}`);
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
    const part = join(dir, 'thirty', 'events.parts', '00003.json');
    renameSync(part, `${part}.gone`);
    const opened = await openApp(browser, `${url}?data=thirty/events.geojson#time=${linked.properties.start}&event=${linked.id}`);
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
    await closeUp();
    await press('End');
    await press('PageDown', 33);
    const everything = markerPixels(await shots());
    const status = app.page.locator('[role="status"].status');
    const started = Number((await status.textContent())!.match(/^[\d,]+/)![0].replace(/,/g, ''));
    await app.page.getByLabel('Play mode').selectOption({ label: 'Last 30 days' });
    expect(await hook(app.page, (h) => h.layer().windowStart)).toBe(await hook(app.page, (h) => h.t() - 30));
    // The status line counts what the map shows: only the events active in the window.
    const inWindow = (await status.textContent())!;
    expect(inWindow).toMatch(/^[\d,]+ events in the 30 days to /);
    expect(Number(inWindow.match(/^[\d,]+/)![0].replace(/,/g, ''))).toBeLessThan(started * 0.5);
    const recent = markerPixels(await shots());
    await app.page.getByLabel('Play mode').selectOption({ label: 'Everything so far' });
    await wholeMap();
    expect(recent).toBeGreaterThan(100);
    expect(recent).toBeLessThan(everything * 0.5);
  });

  test('a truncated events.bin is an error naming the file, not a silent fallback to the GeoJSON', async () => {
    const opened = await openApp(browser, `${url}?data=thirty-cut/events.geojson`);
    try {
      expect(await opened.page.locator('.banner-error').textContent()).toMatch(/events\.bin cannot be read/);
      expect(opened.requests.some((r) => new URL(r).pathname.endsWith('/events.geojson'))).toBe(false);
    } finally {
      await opened.page.close();
    }
  });
});
