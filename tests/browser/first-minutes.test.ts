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
      await page.screenshot({ path: `/work/briefs/shots-15/after-${name}-open.png` });

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
      await page.screenshot({ path: `/work/briefs/shots-15/after-${name}-legend.png` });
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
      await page.screenshot({ path: `/work/briefs/shots-15/after-${name}-event.png` });
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
