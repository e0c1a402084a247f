// The built app with the fixture dataset, driven in headless chromium: one page load, used in order by these tests.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import type { EventCollection, SourceDocument } from '../../src/model/index.ts';
import { CATEGORY_COLORS } from '../../src/app/categories.ts';
import { appForSuite, waitForDrawn } from './browser.ts';
import { colourDistance, colourVariety, decodePng, pixelAt } from './pixels.ts';

const EVENTS = JSON.parse(readFileSync('tests/fixtures/fixture-events.geojson', 'utf8')) as EventCollection;
const DOCUMENTS = JSON.parse(readFileSync('tests/fixtures/fixture-documents.json', 'utf8')) as SourceDocument[];
const ALL_IDS = EVENTS.features.map((f) => f.id).sort();

const url = inject('appUrl');
const suite = appForSuite(url);

const status = () => suite.app.page.locator('[role="status"].status').textContent();
const slider = () => suite.app.page.locator('[role="slider"]');

async function pressOnSlider(key: string): Promise<void> {
  await slider().focus();
  await suite.app.page.keyboard.press(key);
}

describe('keyboard-only use', () => {
  test('Tab reaches the scrubber, arrows move it a day, and Enter on a list item opens its event', async () => {
    // First in this file, so the page is as a reader finds it: nothing focused yet.
    await suite.app.page.keyboard.press('End'); // nothing focused: must not move time
    // The first Tab stop is the skip link to the timeline; from there a few Tabs reach the scrubber.
    await suite.app.page.keyboard.press('Tab');
    expect(await suite.app.page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the timeline');
    await suite.app.page.keyboard.press('Enter');
    let reached = false;
    // Play, previous and next event, speed, play mode, loop, fade window, then the scrubber.
    for (let i = 0; i < 8 && !reached; i++) {
      await suite.app.page.keyboard.press('Tab');
      reached = await suite.app.page.evaluate(() => document.activeElement?.getAttribute('role') === 'slider');
    }
    expect(reached).toBe(true);
    await suite.app.page.keyboard.press('End');
    const end = (await slider().getAttribute('aria-valuetext'))!;
    await suite.app.page.keyboard.press('ArrowLeft');
    const dayBefore = new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(await slider().getAttribute('aria-valuetext')).toBe(dayBefore);
    await suite.app.page.keyboard.press('PageDown');
    expect((await slider().getAttribute('aria-valuetext'))! < dayBefore).toBe(true);

    // Back to the list: Shift+Tab until a list item has focus, then open it.
    let item: string | null = null;
    for (let i = 0; i < 40 && !item; i++) {
      await suite.app.page.keyboard.press('Shift+Tab');
      item = await suite.app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('.list-item')?.getAttribute('data-id') ?? null);
    }
    expect(item).not.toBeNull();
    await suite.app.page.keyboard.press('Enter');
    const panel = suite.app.page.locator('#panel');
    await panel.waitFor({ state: 'visible' });
    const feature = EVENTS.features.find((f) => f.id === item)!;
    expect(await panel.locator('.panel-title').textContent()).toBe(feature.properties.title);
    expect(await suite.app.page.evaluate(() => document.activeElement?.classList.contains('panel-title'))).toBe(true);
    await suite.app.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await suite.app.page.evaluate(() => document.activeElement?.closest('.list-item')?.getAttribute('data-id'))).toBe(item);
  });
});

describe('the map', () => {
  test('renders a non-blank basemap with land, sea and borders', async () => {
    const box = (await suite.app.page.locator('#map').boundingBox())!;
    const shot = await suite.app.page.screenshot({ clip: box });
    const variety = colourVariety(await decodePng(shot));
    expect(variety.distinct).toBeGreaterThan(20);
    expect(variety.commonestShare).toBeLessThan(0.8);
  });

  test('draws every event at End, each picked at the pixel its lon/lat projects to', async () => {
    await pressOnSlider('End');
    expect(await waitForDrawn(suite.app.page, ALL_IDS.length)).toEqual(ALL_IDS);
    const mapBox = (await suite.app.page.locator('#map').boundingBox())!;
    // Events alone at their spot sit exactly on their coordinates (co-located ones are spread around the first).
    const spots = new Map<string, number>();
    for (const f of EVENTS.features) spots.set(f.geometry.coordinates.join(), (spots.get(f.geometry.coordinates.join()) ?? 0) + 1);
    const alone = EVENTS.features.filter((f) => spots.get(f.geometry.coordinates.join()) === 1);
    expect(alone.length).toBeGreaterThan(5);
    const page = await decodePng(await suite.app.page.screenshot());
    for (const f of alone) {
      const [lon, lat] = f.geometry.coordinates;
      const p = await suite.app.page.evaluate(([lo, la]) => window.__flankline.project(lo, la), [lon, lat]);
      const ids = await suite.app.page.evaluate(([x, y]) => window.__flankline.idsAt(x, y), [p.x - mapBox.x, p.y - mapBox.y]);
      expect(ids, f.id).toContain(f.id);
      if (f.properties.persists && f.properties.until === null) {
        // Still in place at End, so drawn at full strength in its category's colour: the whole disc for a date known
        // to the day, the ring around a pale inside for one known only to its month or year (issue 15).
        const colour = CATEGORY_COLORS[f.properties.category];
        let ring = Infinity;
        for (let dx = 3; dx <= 12; dx++) ring = Math.min(ring, colourDistance(pixelAt(page, p.x + dx, p.y), colour));
        // A place that is a whole country or region: a dashed ring around a pale inside whatever the date (its dashes
        // leave a gap on the horizontal, so the ring is sampled all round).
        const area = f.properties.place.kind === 'country' || f.properties.place.kind === 'region';
        for (let a = 0; area && a < 2 * Math.PI; a += Math.PI / 24) {
          for (const r of [4, 5, 6]) ring = Math.min(ring, colourDistance(pixelAt(page, p.x + r * Math.cos(a), p.y + r * Math.sin(a)), colour));
        }
        if (f.properties.precision === 'day' && !area) expect(colourDistance(pixelAt(page, p.x, p.y), colour), f.id).toBeLessThan(40);
        else expect(ring, f.id).toBeLessThan(40);
      }
    }
  });
});

describe('the time scrubber', () => {
  test('Home shows no events and End shows all, and the status line agrees with the drawn markers', async () => {
    await pressOnSlider('Home');
    expect(await status()).toMatch(/^0 events up to /);
    expect(await waitForDrawn(suite.app.page, 0)).toEqual([]);
    await pressOnSlider('End');
    expect(await status()).toMatch(new RegExp(`^${ALL_IDS.length} events up to `));
    expect(await waitForDrawn(suite.app.page, ALL_IDS.length)).toHaveLength(ALL_IDS.length);
  });

  test('moving to a date in the middle draws exactly the events that started by then', async () => {
    const t = '2022-02-24';
    const expected = EVENTS.features.filter((f) => f.properties.start <= t).map((f) => f.id).sort();
    await pressOnSlider('Home');
    // From Home, a month at a time up to February 2022, then a day at a time.
    for (let i = 0; i < 200 && (await slider().getAttribute('aria-valuetext'))! < '2022-01-24'; i++) await suite.app.page.keyboard.press('PageUp');
    for (let i = 0; i < 60 && (await slider().getAttribute('aria-valuetext'))! < t; i++) await suite.app.page.keyboard.press('ArrowRight');
    expect(await slider().getAttribute('aria-valuetext')).toBe(t);
    expect(await status()).toBe(`${expected.length} events up to 24 February 2022`);
    expect(await waitForDrawn(suite.app.page, expected.length)).toEqual(expected);
  });

  test('the map keeps its size while the time moves: a long date or count never wraps the controls onto a second line', async () => {
    // 1024 px is where "30 September 2021" and a long count used to wrap, resizing (and redrawing) the map every other step.
    await suite.app.page.setViewportSize({ width: 1024, height: 768 });
    const mapHeight = () => suite.app.page.evaluate(() => document.getElementById('map')!.clientHeight);
    const heights = new Set<number>();
    try {
      await pressOnSlider('Home');
      for (let i = 0; i < 40; i++) {
        await suite.app.page.keyboard.press('PageUp');
        heights.add(await mapHeight());
      }
    } finally {
      await suite.app.page.setViewportSize({ width: 1280, height: 800 });
    }
    expect([...heights]).toHaveLength(1);
  });

  test('markers ended more than the chosen window ago are drawn faded, the rest at full strength', async () => {
    await pressOnSlider('End');
    await waitForDrawn(suite.app.page, ALL_IDS.length);
    const end = (await slider().getAttribute('aria-valuetext'))!;
    const freshFor = (windowDays: number) => EVENTS.features.filter((f) => {
      const p = f.properties;
      if (p.persists) return p.until === null || p.until >= end;
      return Date.parse(end) - Date.parse(p.end) <= windowDays * 86_400_000;
    }).map((f) => f.id).sort();
    const fresh = () => suite.app.page.evaluate(() => window.__flankline.freshMarkerIds());
    expect(freshFor(30).length).toBeGreaterThan(0);
    // Whole-viewport picking takes seconds under SwiftShader on a loaded machine: poll longer than the default second.
    const patiently = { timeout: 30_000, interval: 250 };
    await expect.poll(fresh, patiently).toEqual(freshFor(30));
    await suite.app.page.getByLabel('Fade after').selectOption({ label: 'a year' });
    expect(freshFor(365).length).toBeGreaterThan(freshFor(30).length);
    await expect.poll(fresh, patiently).toEqual(freshFor(365));
    await suite.app.page.getByLabel('Fade after').selectOption({ label: '30 days' });
  });

  test('the wheel zooms the time axis to months, and Whole period zooms back out', async () => {
    const ticks = () => suite.app.page.locator('.scrubber-axis .tick text').allTextContents();
    const years = await ticks();
    expect(years.every((t) => /^\d{4}$/.test(t))).toBe(true);
    const strip = (await suite.app.page.locator('.scrubber-strip').boundingBox())!;
    await suite.app.page.mouse.move(strip.x + strip.width * 0.6, strip.y + strip.height / 2);
    for (let i = 0; i < 6; i++) await suite.app.page.mouse.wheel(0, -400);
    await expect.poll(async () => (await ticks()).some((t) => /^[A-Z][a-z]+$/.test(t))).toBe(true);
    const reset = suite.app.page.getByRole('button', { name: 'Whole period' });
    await reset.click();
    await expect.poll(ticks).toEqual(years);
    expect(await reset.isVisible()).toBe(false);
  });

  test('Play advances the time and Pause stops it', async () => {
    await pressOnSlider('Home');
    const before = (await slider().getAttribute('aria-valuetext'))!;
    await suite.app.page.getByLabel('Playback speed').selectOption({ label: '1 year / s' });
    await suite.app.page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => slider().getAttribute('aria-valuetext'), { timeout: 20_000 }).not.toBe(before);
    await suite.app.page.getByRole('button', { name: 'Pause' }).click();
    const paused = await slider().getAttribute('aria-valuetext');
    await suite.app.page.waitForTimeout(600);
    expect(await slider().getAttribute('aria-valuetext')).toBe(paused);
    expect(paused! > before).toBe(true);
  });
});

describe('the event panel', () => {
  test('clicking a marker opens the panel, whose excerpt is a substring of the source document', async () => {
    await pressOnSlider('End');
    await waitForDrawn(suite.app.page, ALL_IDS.length);
    const kyiv = EVENTS.features.find((f) => f.id === 'strike-kyiv-2022-02-24')!;
    const p = await suite.app.page.evaluate(([lo, la]) => window.__flankline.project(lo, la), kyiv.geometry.coordinates);
    await suite.app.page.mouse.click(p.x, p.y);
    const panel = suite.app.page.locator('#panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('.panel-title').textContent()).toBe(kyiv.properties.title);
    expect(await panel.locator('.panel-date').textContent()).toBe('24 February 2022');
    const excerpt = (await panel.locator('.excerpt').first().textContent())!;
    const doc = DOCUMENTS.find((d) => d.file === kyiv.properties.sources[0].doc)!;
    expect(excerpt.length).toBeGreaterThan(10);
    expect(doc.text).toContain(excerpt);
    expect(await panel.locator('.excerpt mark.hl-place').first().textContent()).toBe('Kyiv');
  });

  test('Read the document shows the full text with the excerpt marked and in view', async () => {
    const panel = suite.app.page.locator('#panel');
    await panel.getByRole('button', { name: 'Read the document' }).first().click();
    const text = panel.locator('.reader-text');
    await text.waitFor({ state: 'visible' });
    const doc = DOCUMENTS.find((d) => d.file === 'fixture-03-february.txt')!;
    expect(await text.textContent()).toBe(doc.text);
    expect(await panel.locator('.reader-excerpt').textContent()).toBe('On 24 February 2022 missiles struck Kyiv.');
    await expect.poll(() => panel.locator('.reader-excerpt').isVisible()).toBe(true);
    await suite.app.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
  });
});

describe('offline', () => {
  test('no request leaves the page origin', async () => {
    const origin = new URL(url).origin;
    const web = suite.app.requests.filter((r) => /^(https?|wss?):/.test(r));
    expect(web.some((r) => /\/geo\/tiles\/\d+\/\d+\/\d+\.pbf$/.test(r))).toBe(true);
    expect(web.some((r) => r.endsWith('/data/events.geojson'))).toBe(true);
    expect(web.filter((r) => new URL(r).origin !== origin)).toEqual([]);
    expect(suite.app.requests.filter((r) => !/^(https?|wss?|data|blob):/.test(r))).toEqual([]);
  });

  test('the map credits Natural Earth and GeoNames (CC BY 4.0)', async () => {
    const credit = (await suite.app.page.locator('.maplibregl-ctrl-attrib').textContent())!;
    expect(credit).toContain('Natural Earth');
    expect(credit).toMatch(/GeoNames.*CC BY 4\.0/);
    expect(credit).toContain('US Census Bureau');
  });

  test('the page logged no errors', () => {
    expect(suite.app.errors).toEqual([]);
  });
});
