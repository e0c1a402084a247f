// The basemap's labels and the markers do not collide (issue 15, "POL●ND"): at 1280x800 and 360x740, at the opening
// view and at 15 September 2025, no drawn marker's disc overlaps a placed country or capital label (MapLibre's
// queryRenderedFeatures answers from the labels' placed boxes), and the labels are still there, moved beside the markers.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './browser.ts';
import { settle } from './embed-helpers.ts';

const url = inject('appUrl');
const SIZES = { laptop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } };
const LABELS = ['country-labels', 'capital-labels'];
let browser: Browser;

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** Each drawn marker with the labels whose placed box meets its disc (a square around it, rim included). */
async function labelsOnMarkers(page: Page): Promise<{ id: string; labels: string[] }[]> {
  return page.evaluate((layers) => {
    const hook = window.__flankline;
    const box = hook.map.getContainer().getBoundingClientRect();
    return hook.drawnDiscs().map((d) => {
      const x = d.x - box.left;
      const y = d.y - box.top;
      const r = d.r + 1;
      const hits = hook.map.queryRenderedFeatures([[x - r, y - r], [x + r, y + r]], { layers });
      return { id: d.id, labels: hits.map((f) => String(f.properties.name)) };
    });
  }, LABELS);
}

const countryLabels = (page: Page) => page.evaluate(() => window.__flankline.map.queryRenderedFeatures({ layers: ['country-labels'] })
  .map((f) => String(f.properties.name)));

/**
 * Waits until the label placement has followed the shown markers: they follow the first picture (in idle time), and
 * the time once it rests.
 */
async function placed(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__flankline.drawn(), undefined, { timeout: 30_000 });
  await page.waitForFunction(() => window.__flankline.labelsPlaced(), undefined, { timeout: 30_000 });
  await settle(page);
}

for (const [name, viewport] of Object.entries(SIZES)) {
  describe(`on a ${name} (${viewport.width}x${viewport.height})`, () => {
    for (const at of ['', '#time=2025-09-15']) {
      test(`no marker sits on a country or capital label ${at ? `at ${at.slice(6)}` : 'at the opening view'}`, async () => {
        const { page } = await openApp(browser, `${url}${at}`, viewport);
        await placed(page);
        const markers = await labelsOnMarkers(page);
        expect(markers.length).toBeGreaterThan(3);
        // Poland's country-level incursion sits where POLAND's label would be: the label moved, or gave way.
        expect(markers.map((m) => m.id)).toContain('incursion-poland-2025-09-10');
        expect(markers.filter((m) => m.labels.length > 0)).toEqual([]);
        // The labels are still drawn (moved beside the markers, not all hidden).
        const countries = await countryLabels(page);
        expect(countries.length).toBeGreaterThan(name === 'phone' ? 2 : 8);
        if (name === 'laptop') expect(countries).toContain('Poland');
        await page.close();
      });
    }
  });
}

test('the labels follow the markers when the time moves: a marker that appears pushes the label off its place', async () => {
  const { page } = await openApp(browser, `${url}#time=2025-09-09`, SIZES.laptop);
  await placed(page);
  expect((await labelsOnMarkers(page)).map((m) => m.id)).not.toContain('incursion-poland-2025-09-10');
  await page.locator('[role="slider"]').focus();
  await page.keyboard.press('ArrowRight');
  await placed(page);
  const markers = await labelsOnMarkers(page);
  expect(markers.map((m) => m.id)).toContain('incursion-poland-2025-09-10');
  expect(markers.filter((m) => m.labels.length > 0)).toEqual([]);
  await page.close();
});
