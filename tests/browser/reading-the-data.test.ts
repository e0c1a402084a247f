// Issue 15's last items, at 1280x800 and 360x740: the map says what data it shows (the corpus's title, else what the
// data is), draws a date known only to its month as uncertain (marker and timeline band), finds the events placed in a
// country by its name at every data size, and keeps the "In place" row and the status line whole.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './browser.ts';
import { colourDistance, decodePng, pixelAt } from './pixels.ts';
import { CATEGORY_COLORS } from '../../src/app/categories.ts';
import { LEGEND_TEXT } from '../../src/app/legend-entries.ts';
import type { EventFeature } from '../../src/model/index.ts';
import { encodeFeatures } from '../../src/model/columnar.ts';
import { featuresInRowOrder } from '../../src/model/parts.ts';
import { encodePosture, postureOfFeatures } from '../../src/model/posture-table.ts';
import { encodeTexts, textsOfFeatures } from '../../src/model/text-table.ts';

const url = inject('appUrl');
const dir = inject('appDir');
const SIZES = { laptop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } };
const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const features = (JSON.parse(readFileSync(join(FIXTURES, 'fixture-events.geojson'), 'utf8')) as { features: EventFeature[] }).features;
const documents = readFileSync(join(FIXTURES, 'fixture-documents.json'), 'utf8');
const DOCUMENTS = (JSON.parse(documents) as unknown[]).length;
const TITLE = 'Baltic watch: a corpus of the fixture';
const SUBTITLE = 'Seventeen events, four reports';
/** The fixture's events placed in Poland (place.country PL), whatever their text says. */
const IN_POLAND = features.filter((f) => f.properties.place.country === 'PL').map((f) => f.id).sort();
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
  const put = (name: string, files: Record<string, string | Uint8Array>) => {
    mkdirSync(join(dir, name), { recursive: true });
    for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, name, file), content);
  };
  const geojson = readFileSync(join(FIXTURES, 'fixture-events.geojson'), 'utf8');
  put('titled', { 'events.geojson': geojson, 'documents.json': documents, 'corpus.json': JSON.stringify({ title: TITLE, subtitle: SUBTITLE }) });
  // Three missions named at length beside the fixture's posture: their full row is wider than a laptop's.
  const sentry = features.find((f) => f.id === 'mission-eastern-flank-2025-09-12')!;
  const missions = [['mission-baltic-shield-2025-09-14', 'NATO launches Enhanced Vigilance Activity Baltic Shield'],
    ['mission-northern-guardian-2025-09-16', 'Allied Maritime Patrol Northern Guardian mission over the Baltic Sea']]
    .map(([id, title], i) => ({ ...sentry, id, properties: { ...sentry.properties, title, start: `2025-09-1${4 + 2 * i}`, end: `2025-09-1${4 + 2 * i}` } }));
  put('crowded', { 'events.geojson': JSON.stringify({ type: 'FeatureCollection', features: [...features, ...missions] }), 'documents.json': documents });
  put('badtitle', { 'events.geojson': geojson, 'documents.json': documents, 'corpus.json': JSON.stringify({ title: 5, subtitle: null }) });
  // The same events as the pipeline writes them for a large corpus: the bin and its tables, no GeoJSON at all.
  const rows = featuresInRowOrder(features);
  const bin = encodeFeatures(features);
  const identity = { count: rows.length, totalBytes: bin.byteLength };
  put('binned', {
    'events.bin': new Uint8Array(bin), 'events.posture.bin': new Uint8Array(encodePosture(postureOfFeatures(rows), identity)),
    'events.text.bin': new Uint8Array(encodeTexts(textsOfFeatures(rows), identity)), 'documents.json': documents,
  });
});
afterAll(async () => { await browser?.close(); });

/** A page at `viewport` with reduced motion (no widening pulse rings), opened at `path` and drawn. */
async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport, reducedMotion: 'reduce' });
  await page.goto(`${url}${path}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 90_000 });
  return page;
}

for (const [name, viewport] of Object.entries(SIZES)) {
  describe(`on a ${name} (${viewport.width}x${viewport.height})`, () => {
    test('without a corpus title the header and the tab say what the data is, never another corpus\'s name', async () => {
      const { page } = await openApp(browser, url, viewport);
      const expected = `${features.length} events from ${DOCUMENTS} documents`;
      const title = page.locator('.corpus-title');
      expect(await title.textContent()).toBe(expected);
      expect(await page.title()).toBe(`Flankline: ${expected}`);
      expect(await page.locator('header.top').textContent()).not.toMatch(/eastern flank/i);
      const box = (await title.boundingBox())!;
      expect(box.width).toBeGreaterThan(60);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      // The header never widens the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.close();
    });

    test('the corpus\'s own title and subtitle (corpus.json) are in the header and the tab', async () => {
      const { page } = await openApp(browser, `${url}?data=titled/events.geojson`, viewport);
      expect(await page.locator('.corpus-title').textContent()).toBe(TITLE);
      expect(await page.title()).toBe(`Flankline: ${TITLE}`);
      expect(await page.locator('.corpus-title').isVisible()).toBe(true);
      // A phone keeps the title alone; the subtitle is for wider screens.
      expect(await page.locator('.corpus-subtitle').isVisible()).toBe(name === 'laptop');
      expect(await page.locator('.corpus-subtitle').textContent()).toBe(SUBTITLE);
      await page.screenshot({ path: `/tmp/shots15/test-${name}-titled.png` });
      await page.close();
    });

    test('a date known only to its month is a ring around a translucent inside; a day\'s marker is solid', async () => {
      const page = await open('#time=2022-03-15', viewport);
      // Galați's drone debris (March 2022, month precision) and Kyiv's strike (24 February 2022), both fresh.
      await page.evaluate(() => window.__flankline.map.jumpTo({ center: [30, 48], zoom: 4.6 }));
      await page.waitForFunction(() => !window.__flankline.map.isMoving());
      await page.evaluate(() => window.__flankline.whenDrawn());
      const at = async (id: string) => page.evaluate((want) => {
        const e = window.__flankline.latest(100).find((x) => x.id === want)!;
        return window.__flankline.project(e.lon, e.lat);
      }, id);
      const galati = await at('incident-galati-2022-03');
      const kyiv = await at('strike-kyiv-2022-02-24');
      expect(await page.evaluate(() => window.__flankline.freshMarkerIds())).toEqual(expect.arrayContaining(['incident-galati-2022-03', 'strike-kyiv-2022-02-24']));
      const shot = decodePng(await page.screenshot());
      const incident = CATEGORY_COLORS.incident;
      const centre = pixelAt(shot, galati.x, galati.y);
      const outside = pixelAt(shot, galati.x, galati.y - 18);
      let ring = Infinity;
      for (let dx = 3; dx <= 12; dx++) ring = Math.min(ring, colourDistance(pixelAt(shot, galati.x + dx, galati.y), incident));
      // The ring is the incident colour; the inside is tinted by it but mostly the map beneath.
      expect(ring).toBeLessThan(45);
      expect(colourDistance(centre, incident)).toBeGreaterThan(90);
      expect(colourDistance(centre, outside)).toBeGreaterThan(12);
      // A day's marker is solid at its centre.
      expect(colourDistance(pixelAt(shot, kyiv.x, kyiv.y), CATEGORY_COLORS.strike)).toBeLessThan(45);
      await page.screenshot({ path: `/tmp/shots15/test-${name}-uncertain.png` });

      // The legend says what the ring means.
      await page.locator('#legend summary').click();
      expect(await page.locator('#legend').textContent()).toContain(LEGEND_TEXT.uncertain);
      expect(await page.locator('#legend .swatch-uncertain').count()).toBe(1);
      await page.close();
    });

    test('on the timeline, a month-precision date is a band across its month, stronger as the cursor goes through it', async () => {
      const page = await open('#time=2022-03-15', viewport);
      const handle = page.locator('.scrubber-handle');
      // The column of 15 March 2022, inside Galați's band (1-31 March); nothing else uncertain is drawn there.
      const x = await handle.evaluate((el) => Number(/translateX\((-?\d+)px\)/.exec((el as HTMLElement).style.transform)![1]));
      const fillAlpha = () => page.evaluate((column) => {
        const canvas = document.querySelector<HTMLCanvasElement>('.scrubber-uncertain')!;
        const ratio = canvas.width / canvas.clientWidth;
        const data = canvas.getContext('2d')!.getImageData(Math.round(column * ratio), 0, 1, canvas.height).data;
        // The fill: the faintest painted pixel of the column (its dashed edges are drawn stronger).
        let min = 256;
        for (let y = 0; y < canvas.height; y++) if (data[4 * y + 3] > 0) min = Math.min(min, data[4 * y + 3]);
        return min === 256 ? 0 : min;
      }, x);
      const during = await fillAlpha();
      await handle.focus();
      await page.keyboard.press('PageDown');
      expect(await page.evaluate(() => window.__flankline.t())).toBe(Math.round(Date.parse('2022-02-15') / 86_400_000));
      const before = await fillAlpha();
      await page.keyboard.press('PageUp');
      for (let d = 15; d < 31; d++) await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => window.__flankline.t())).toBe(Math.round(Date.parse('2022-03-31') / 86_400_000));
      const end = await fillAlpha();
      expect(before).toBeGreaterThan(0);
      expect(before).toBeLessThan(during);
      expect(during).toBeLessThan(end);
      expect(end).toBeGreaterThan(120);
      await page.close();
    });

    test('search "Poland" finds the events placed in Poland, whatever their text says, and says why', async () => {
      const { page } = await openApp(browser, url, viewport);
      await page.getByPlaceholder('Search events').fill('Poland');
      await page.waitForFunction((want) => window.__flankline.layer().matches !== null && window.__flankline.layer().matches! >= want, IN_POLAND.length);
      if (name === 'phone') await page.getByRole('button', { name: 'List' }).click();
      const listed = page.locator('#list li [data-id]');
      await expect.poll(async () => (await listed.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!))).filter((id) => IN_POLAND.includes(id)).sort())
        .toEqual(IN_POLAND);
      // Rzeszów's aid package: neither its title nor its place says Poland.
      const rzeszow = page.locator('#list li:has([data-id="aid-rzeszow-2025-09-11"]) .list-why');
      expect(await rzeszow.textContent()).toBe('Placed in Poland');
      await page.close();
    });

    test('the "In place" row neither scrolls sideways nor cuts a word, however many missions are named', async () => {
      for (const data of ['', '?data=crowded/events.geojson']) {
        const { page } = await openApp(browser, `${url}${data}#time=2025-09-20`, viewport);
        // The row shown: the full one where it fits, else the one in few words.
        const row = page.locator('#posture ul:visible');
        await row.locator('button').first().waitFor({ state: 'visible' });
        expect(await row.count()).toBe(1);
        const fits = await row.evaluate((ul) => ({
          full: ul.classList.contains('posture-full'),
          row: ul.scrollWidth <= ul.clientWidth + 1,
          right: Math.max(...[...ul.querySelectorAll('button')].map((b) => b.getBoundingClientRect().right)),
          cut: [...ul.querySelectorAll('button')].filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.textContent),
          texts: [...ul.querySelectorAll('button')].map((b) => b.textContent),
        }));
        expect(fits.row, data).toBe(true);
        expect(fits.right).toBeLessThanOrEqual(viewport.width);
        expect(fits.cut).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        // Three missions are counted in few words; one keeps its name.
        if (data) expect(fits.texts).toContain('Missions: 3');
        else expect(fits.texts).toContain('Mission: Eastern Sentry (5 contributors)');
        await page.screenshot({ path: `/tmp/shots15/test-${name}-in-place${data ? '-crowded' : ''}.png` });
        if (name === 'laptop' && !data) {
          // Beside the search box at 1280 px the full row does not fit, so it is said in few words; a wider window
          // has room for the full one, and shows it.
          expect(fits.full).toBe(false);
          await page.setViewportSize({ width: 1920, height: 800 });
          await expect.poll(() => page.locator('#posture ul:visible').getAttribute('class'), { timeout: 15_000 }).toBe('posture-full');
          expect(await page.locator('#posture .posture-full').evaluate((ul) => ul.scrollWidth <= ul.clientWidth + 1)).toBe(true);
          expect(await page.locator('#posture .posture-full button').allTextContents()).toContain('Incursions in the last 30 days: 1');
        }
        await page.close();
      }
    });

    test('the status line shows the whole count and date, never cut', async () => {
      const { page } = await openApp(browser, `${url}#time=2025-09-15`, viewport);
      const status = page.locator('.timeline .status');
      expect(await status.isVisible()).toBe(true);
      expect(await status.textContent()).toMatch(/^\d+ events up to 15 September 2025$/);
      const whole = await status.evaluate((p) => p.scrollWidth <= p.clientWidth + 1 && p.scrollHeight <= p.clientHeight + 1);
      expect(whole).toBe(true);
      const box = (await status.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      await page.close();
    });
  });
}

describe('titles elsewhere, and search at any size (1280x800)', () => {
  test('an embed at 640x480 says what it shows above the map, with the date', async () => {
    const { page } = await openApp(browser, `${url}?embed=1&data=titled/events.geojson#time=2025-09-15`, { width: 640, height: 480 });
    const title = page.locator('.corpus-title');
    expect(await title.isVisible()).toBe(true);
    expect(await title.textContent()).toBe(TITLE);
    const map = (await page.locator('#map').boundingBox())!;
    const t = (await title.boundingBox())!;
    expect(t.y + t.height).toBeLessThanOrEqual(map.y + 1);
    expect(await page.locator('.current-date').isVisible()).toBe(true);
    // Nothing else of the page's header: no brand, no Share button.
    expect(await page.locator('.brand').isVisible()).toBe(false);
    expect(await page.locator('.share-open').isVisible()).toBe(false);
    await page.screenshot({ path: '/tmp/shots15/test-embed-titled.png' });
    await page.close();
  });

  test('a corpus.json with a bad title is a note naming it, and the title comes from the data', async () => {
    const { page } = await openApp(browser, `${url}?data=badtitle/events.geojson`, SIZES.laptop);
    expect(await page.locator('.banner-warning').textContent()).toContain('badtitle/corpus.json: "title" must be one line of text');
    expect(await page.locator('.corpus-title').textContent()).toBe(`${features.length} events from ${DOCUMENTS} documents`);
    await page.close();
  });

  test('search by country at every size: from events.bin (its country column), never the GeoJSON', async () => {
    const { page, requests } = await openApp(browser, `${url}?data=binned/events.geojson`, SIZES.laptop);
    await page.getByPlaceholder('Search events').fill('Poland');
    const listed = page.locator('#list li [data-id]');
    await expect.poll(async () => (await listed.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!))).filter((id) => IN_POLAND.includes(id)).sort())
      .toEqual(IN_POLAND);
    expect(await page.locator('#list li:has([data-id="aid-rzeszow-2025-09-11"]) .list-why').textContent()).toBe('Placed in Poland');
    expect(requests.some((r) => new URL(r).pathname.endsWith('/events.geojson'))).toBe(false);
    await page.close();
  });
});
