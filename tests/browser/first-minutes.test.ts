// What a reader sees in the first minutes (issue 15), at 1280x800 and 360x740: the legend never hides a marker, dates
// are as certain as the data, the panel speaks in names and words, and the selected marker stays in view.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, waitForDrawn } from './browser.ts';

const url = inject('appUrl');
const SIZES = { laptop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } };
const RADIUS = 9; // a marker's disc with its rim, in CSS pixels (7.5 px for the fixture's size)
let browser: Browser;

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

type Rect = { x: number; y: number; width: number; height: number };

/** Page positions of the markers drawn in the viewport (their place, before co-location offsets). */
async function markerPoints(page: Page): Promise<{ id: string; x: number; y: number }[]> {
  return page.evaluate(() => {
    const hook = window.__flankline;
    const drawn = new Set(hook.drawnMarkerIds());
    return hook.latest(1000).filter((e) => drawn.has(e.id)).map((e) => ({ id: e.id, ...hook.project(e.lon, e.lat) }));
  });
}

const overlaps = (r: Rect, p: { x: number; y: number }) =>
  p.x + RADIUS > r.x && p.x - RADIUS < r.x + r.width && p.y + RADIUS > r.y && p.y - RADIUS < r.y + r.height;

for (const [name, viewport] of Object.entries(SIZES)) {
  describe(`on a ${name} (${viewport.width}x${viewport.height})`, () => {
    test('the legend, folded or opened, covers no drawn marker', async () => {
      const { page } = await openApp(browser, url, viewport);
      const points = await markerPoints(page);
      expect(points.length).toBeGreaterThan(3);
      const chip = (await page.locator('#legend').boundingBox())!;
      expect(chip.height).toBeLessThan(40);
      expect(points.filter((p) => overlaps(chip, p))).toEqual([]);

      await page.locator('#legend summary').click();
      // Opened, it is docked: the map gives it room, so the map's box and the legend's do not overlap.
      await page.waitForFunction(() => {
        const legend = document.getElementById('legend')!.getBoundingClientRect();
        const map = document.getElementById('map')!.getBoundingClientRect();
        return legend.right <= map.left + 1 || legend.bottom <= map.top + 1;
      });
      await page.evaluate(() => window.__flankline.whenDrawn());
      const legend = (await page.locator('#legend').boundingBox())!;
      expect(legend.height).toBeGreaterThan(60);
      expect((await markerPoints(page)).filter((p) => overlaps(legend, p))).toEqual([]);
      // Its switches still work.
      await page.locator('.legend-toggle[data-category="incursion"]').click();
      expect(await page.evaluate(() => window.__flankline.state().hiddenCategories)).toEqual(['incursion']);
      await page.close();
    });

    test('an event known only to its month reads uncertain and is not a recent incident before its month ends', async () => {
      const { page } = await openApp(browser, `${url}#time=2025-09-15`, viewport);
      if (name === 'phone') await page.getByRole('button', { name: 'List' }).click();
      const item = page.locator('#list li:has([data-id="incursion-vaindloo-2025-09"])');
      await item.waitFor({ state: 'visible' });
      expect(await item.getAttribute('class')).toContain('uncertain');
      expect(await item.locator('.list-meta').textContent()).toContain('September 2025 (day unknown)');
      // Drones over Poland (10 September) is recent; the violation "in September" may not have happened yet.
      expect(await page.locator('#posture').textContent()).toContain('Incursions in the last 30 days: 1');
      await item.locator('button').click();
      const panel = page.locator('#panel');
      await panel.waitFor({ state: 'visible' });
      expect(await panel.locator('.panel-date').textContent()).toBe('September 2025 (day unknown)');
      expect(await panel.textContent()).toContain("Moderate (65%): date from 'in September 2025'; place from 'near Vaindloo'");
      await page.close();

      const after = await openApp(browser, `${url}#time=2025-10-05`, viewport);
      expect(await after.page.locator('#posture').textContent()).toContain('Incursions in the last 30 days: 2');
      await after.page.close();
    });

    test('the panel names countries, says a country is not an exact place, and keeps the marker in view', async () => {
      const { page } = await openApp(browser, `${url}#time=2025-09-15`, viewport);
      await waitForDrawn(page, await page.evaluate(() => window.__flankline.drawnMarkerIds().length));
      const poland = await page.evaluate(() => window.__flankline.latest(100).find((e) => e.id === 'incursion-poland-2025-09-10')!);
      await page.evaluate(() => window.__flankline.map.jumpTo({ center: [-20, 40], zoom: 4 }));
      if (name === 'phone') await page.getByRole('button', { name: 'List' }).click();
      await page.locator(`#list [data-id="${poland.id}"]`).click();
      const panel = page.locator('#panel');
      await panel.waitFor({ state: 'visible' });
      expect(await panel.textContent()).toContain('Poland (country; exact place not stated)');
      expect(await panel.textContent()).toContain('Russia');
      expect(await panel.textContent()).not.toMatch(/Actors\s*RU/);
      // The best sentence comes before the place details, and on a phone the excerpt shows without scrolling the sheet.
      const sheet = (await panel.boundingBox())!;
      const excerpt = (await panel.locator('.excerpt').first().boundingBox())!;
      expect(excerpt.y + 20).toBeLessThan(sheet.y + sheet.height);
      // The marker, off screen before, is moved into the part of the map the panel leaves clear.
      await page.waitForFunction(() => !window.__flankline.map.isMoving(), undefined, { timeout: 10_000 });
      await page.waitForTimeout(600);
      const p = await page.evaluate(([lon, lat]) => window.__flankline.project(lon, lat), [poland.lon, poland.lat]);
      const map = (await page.locator('#map').boundingBox())!;
      expect(p.x).toBeGreaterThan(map.x);
      expect(p.x).toBeLessThan(map.x + map.width);
      expect(p.y).toBeGreaterThan(map.y);
      const hiddenBelow = name === 'phone' ? sheet.y : map.y + map.height;
      expect(p.y).toBeLessThan(hiddenBelow);
      const panelBox = name === 'laptop' ? sheet : null;
      if (panelBox) expect(p.x).toBeLessThan(panelBox.x);
      await page.close();
    });
  });
}

describe('time that fits the data (1280x800)', () => {
  const dayOfIso = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

  test('the page opens at the last event, and Play at the default speed runs from the start to the end in 15-30 s', async () => {
    const { page } = await openApp(browser, url, SIZES.laptop);
    // The fixture's last event ends on 30 September 2025 (a month-precision incident); the axis runs a little beyond.
    expect(await page.evaluate(() => window.__flankline.t())).toBe(dayOfIso('2025-09-30'));
    expect(await page.locator('.current-date').textContent()).toBe('30 September 2025');
    await page.locator('[role="slider"]').focus();
    await page.keyboard.press('Home');
    const started = Date.now();
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => !window.__flankline.state().playing, undefined, { timeout: 60_000, polling: 100 });
    const seconds = (Date.now() - started) / 1000;
    expect(await page.evaluate(() => window.__flankline.t())).toBe(dayOfIso('2025-09-30'));
    expect(seconds).toBeGreaterThanOrEqual(15);
    expect(seconds).toBeLessThanOrEqual(30);
    await page.close();
  });

  test('the next and previous event keys and buttons move the time to the neighbouring event days', async () => {
    const { page } = await openApp(browser, url, SIZES.laptop);
    const t = () => page.evaluate(() => window.__flankline.t());
    await page.locator('[role="slider"]').focus();
    await page.keyboard.press('Home');
    await page.locator('#map').click({ position: { x: 5, y: 300 } }); // focus leaves the slider: the keys work page-wide
    await page.keyboard.press('.');
    expect(await t()).toBe(dayOfIso('2016-11-15'));
    await page.keyboard.press('.');
    expect(await t()).toBe(dayOfIso('2017-04-01'));
    await page.getByRole('button', { name: 'Next event' }).click();
    expect(await t()).toBe(dayOfIso('2017-06-01'));
    await page.keyboard.press(',');
    expect(await t()).toBe(dayOfIso('2017-04-01'));
    await page.getByRole('button', { name: 'Previous event' }).click();
    expect(await t()).toBe(dayOfIso('2016-11-15'));
    expect(await page.getByRole('button', { name: 'Previous event' }).isDisabled()).toBe(true);
    await page.close();
  });
});

describe('sharing and embedding', () => {
  test('Share offers Copy buttons that copy the link, and says a local link needs a published build', async () => {
    const context = await browser.newContext({ viewport: SIZES.laptop });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 90_000 });
    await page.locator('.share-open').click();
    const dialog = page.locator('.share-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.locator('.share-local').isVisible()).toBe(true);
    expect(await dialog.locator('.share-local').textContent()).toContain('published on a web server');
    await dialog.getByRole('button', { name: 'Copy the link to this view' }).click();
    await expect.poll(() => dialog.locator('.share-status').textContent()).toBe('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await dialog.locator('.share-link').inputValue());
    await dialog.getByRole('button', { name: 'Copy the embed code' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^<iframe src="/);
    await context.close();
  });

  test('an embed at 640x480 shows the date, with and without its scrubber', async () => {
    for (const query of ['embed=1', 'embed=1&scrubber=0']) {
      const { page } = await openApp(browser, `${url}index.html?${query}#time=2025-09-15`, { width: 640, height: 480 });
      const date = page.locator('.current-date');
      expect(await date.isVisible()).toBe(true);
      expect(await date.textContent()).toBe('15 September 2025');
      await page.close();
    }
  });
});

describe('export from the list', () => {
  test('CSV export has one row per visible event, and GeoJSON one feature each', async () => {
    const { page } = await openApp(browser, `${url}#time=2025-09-12`, SIZES.laptop);
    const shown = await page.evaluate(() => window.__flankline.visibleCount());
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('.list-export-csv').click()]);
    const text = await (await import('node:fs/promises')).readFile((await csv.path())!, 'utf8');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0].startsWith('id,title,category,start,end,precision,status')).toBe(true);
    expect(lines.length - 1).toBe(shown);
    expect(text).toContain('mission-eastern-flank-2025-09-12');
    expect(text).not.toContain('deployment-malbork-2025-09-15');
    const [geo] = await Promise.all([page.waitForEvent('download'), page.locator('.list-export-geojson').click()]);
    const fc = JSON.parse(await (await import('node:fs/promises')).readFile((await geo.path())!, 'utf8'));
    expect(fc.features).toHaveLength(shown);
    await page.close();
  });
});

describe('dark mode', () => {
  test('with prefers-color-scheme: dark the page and the basemap are dark', async () => {
    const context = await browser.newContext({ viewport: SIZES.laptop, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 90_000 });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 25, 31)');
    const sea = await page.evaluate(() => window.__flankline.map.getPaintProperty('sea', 'background-color'));
    expect(sea).toBe('#0f1a26');
    // A pixel of open sea (the North Atlantic, west of Ireland) is dark on screen, not the light style's blue.
    const p = await page.evaluate(() => window.__flankline.project(-12, 56));
    const shot = await page.screenshot({ clip: { x: Math.max(0, p.x - 2), y: p.y - 2, width: 4, height: 4 } });
    const { decodePng } = await import('./pixels.ts');
    const img = decodePng(shot);
    const [r, g, b] = [img.data[0], img.data[1], img.data[2]];
    expect(r + g + b).toBeLessThan(150);
    await context.close();
  });
});

describe('the reader', () => {
  test('scraped page furniture is folded, the text stays the document\'s, and Back to the event stays in view', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const sentence = 'Russian drones crossed into Polish airspace on 10 September 2025.';
    const text = 'Vi bruker informasjonskapsler for å gi deg en bedre opplevelse. Godta alle\n\nHome\nWorld\nPolitics\n\n'
      + `Drones over Poland\n\n${'The alliance said it was studying the flight paths of each drone in detail. '.repeat(40)}\n\n${sentence}\n\n`
      + 'Top of page\nMore News\n';
    const start = text.indexOf(sentence);
    const doc = { file: 'furniture.txt', title: 'Drones over Poland', credit: 'Test', published: '2025-09-11', text };
    const event = {
      type: 'Feature', id: 'incursion-furniture', geometry: { type: 'Point', coordinates: [19.4, 52.1] },
      properties: {
        title: 'Russian drones cross into Polish airspace', category: 'incursion', start: '2025-09-10', end: '2025-09-10',
        precision: 'day', persists: false, until: null, place: { name: 'Poland', kind: 'country', country: 'PL', gazetteer: 'naturalearth' },
        actors: ['RU'], confidence: 0.8,
        sources: [{ doc: doc.file, title: doc.title, published: doc.published, excerpt: sentence, start, end: start + sentence.length,
          highlights: [{ start: start + 28, end: start + 34, kind: 'place' }] }],
      },
    };
    const out = join(inject('appDir'), 'furniture');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'events.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [event] }));
    writeFileSync(join(out, 'documents.json'), JSON.stringify([doc]));
    const { page } = await openApp(browser, `${url}?data=furniture/events.geojson#event=incursion-furniture`, SIZES.laptop);
    const panel = page.locator('#panel');
    await panel.getByRole('button', { name: 'Read the document' }).click();
    const reader = panel.locator('.reader-text');
    await reader.waitFor({ state: 'visible' });
    expect(await reader.textContent()).toBe(text);
    const folds = panel.locator('.reader-furniture');
    expect(await folds.evaluateAll((d) => d.map((x) => x.textContent))).toEqual([
      'Vi bruker informasjonskapsler for å gi deg en bedre opplevelse. Godta alle', 'Home\nWorld\nPolitics', 'Top of page\nMore News',
    ]);
    expect(await folds.evaluateAll((d) => d.every((x) => !(x as HTMLDetailsElement).open))).toBe(true);
    // The excerpt is scrolled into view far down the text; the Back button is still on screen, clear of the ×.
    await expect.poll(() => panel.locator('.reader-excerpt').isVisible()).toBe(true);
    const back = (await panel.locator('.reader-back').boundingBox())!;
    const box = (await panel.boundingBox())!;
    expect(back.y).toBeGreaterThanOrEqual(box.y - 1);
    expect(back.y + back.height).toBeLessThan(box.y + 60);
    const close = (await panel.locator('.panel-close').boundingBox())!;
    expect(back.x + back.width).toBeLessThan(close.x);
    // The × is on top, not under the bar: the point at its middle is the button.
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.className, [close.x + close.width / 2, close.y + close.height / 2]))
      .toBe('panel-close');
    await page.close();
  });
});

describe('permalinks', () => {
  for (const [name, viewport] of Object.entries(SIZES)) {
    test(`on a ${name}, a link's event is inside the visible map and under no panel or legend`, async () => {
      // Brussels, far west of the opening view's middle: on a phone it starts off screen.
      const id = 'meeting-brussels-2022-02-25';
      const { page } = await openApp(browser, `${url}#time=2022-03-01&event=${id}`, viewport);
      const panel = page.locator('#panel');
      await panel.waitFor({ state: 'visible' });
      await page.waitForTimeout(800);
      await page.waitForFunction(() => !window.__flankline.map.isMoving(), undefined, { timeout: 10_000 });
      const e = await page.evaluate((want) => window.__flankline.latest(100).find((x) => x.id === want)!, id);
      const p = await page.evaluate(([lon, lat]) => window.__flankline.project(lon, lat), [e.lon, e.lat]);
      const map = (await page.locator('#map').boundingBox())!;
      const sheet = (await panel.boundingBox())!;
      const legend = (await page.locator('#legend').boundingBox())!;
      expect(p.x).toBeGreaterThan(map.x + 10);
      expect(p.x).toBeLessThan(Math.min(map.x + map.width, sheet.x > map.x + 10 ? sheet.x : Infinity) - 10);
      expect(p.y).toBeGreaterThan(map.y + 10);
      expect(p.y).toBeLessThan((name === 'phone' ? sheet.y : map.y + map.height) - 10);
      expect(p.x > legend.x + legend.width + 9 || p.y > legend.y + legend.height + 9).toBe(true);
      await page.close();
    });
  }
});

describe('a corpus far from NATO\'s eastern flank', () => {
  for (const [name, viewport] of Object.entries(SIZES)) {
    test(`opens the map on its events, every one in view (${name})`, async () => {
      const { page } = await openApp(browser, `${url}?data=ohio/events.geojson`, viewport);
      await page.locator('[role="slider"]').focus();
      await page.keyboard.press('End');
      expect(await waitForDrawn(page, 5)).toHaveLength(5);
      const map = (await page.locator('#map').boundingBox())!;
      const points = await markerPoints(page);
      expect(points).toHaveLength(5);
      for (const p of points) {
        expect(p.x).toBeGreaterThan(map.x + RADIUS);
        expect(p.x).toBeLessThan(map.x + map.width - RADIUS);
        expect(p.y).toBeGreaterThan(map.y + RADIUS);
        expect(p.y).toBeLessThan(map.y + map.height - RADIUS);
      }
      // Framed on the state, not on the world: Columbus to Cleveland is more than a few pixels
      const [columbus, cleveland] = await page.evaluate(() => [window.__flankline.project(-83.0, 39.96), window.__flankline.project(-81.69, 41.5)]);
      expect(Math.hypot(cleveland.x - columbus.x, cleveland.y - columbus.y)).toBeGreaterThan(viewport.width / 10);
      await page.close();
    });
  }
});

