// A place that is a whole country or region is drawn as an area, not a precise point (issue 15): its marker is a dashed
// ring around a pale inside, where a city's is a solid disc; the panel gives its point in whole degrees, said to be a
// representative point, never four decimals. The same in the embed (the web component: tests/browser/embed-component).
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CATEGORY_COLORS } from '../../src/app/categories.ts';
import { launch, openApp } from './browser.ts';
import { settle } from './embed-helpers.ts';
import { colourDistance, decodePng, pixelAt } from './pixels.ts';

const url = inject('appUrl');
const POLAND = 'incursion-poland-2025-09-10'; // place: Poland (country)
const VAINDLOO = 'incursion-vaindloo-2023-04-13'; // place: Vaindloo (site), the same category, a day's date
const FOUR_DECIMALS = /\d+\.\d{4}°/;
let browser: Browser;

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/**
 * Around a drawn marker: whether its centre has the category's colour, and the share of its rim (sampled on a circle
 * just inside its edge) that has it: a solid disc or ring is coloured all round, a dashed one about half.
 */
async function markerLook(page: Page, id: string): Promise<{ solidCentre: boolean; rimShare: number }> {
  const disc = await page.evaluate((want) => window.__flankline.drawnDiscs().find((d) => d.id === want), id);
  expect(disc, `${id} is drawn`).toBeDefined();
  const { x, y, r } = disc!;
  const shot = decodePng(await page.screenshot({ clip: { x: x - 20, y: y - 20, width: 40, height: 40 } }));
  const colour = CATEGORY_COLORS.incursion;
  const near = (px: number, py: number) => colourDistance(pixelAt(shot, px, py), colour) < 70;
  let onRim = 0;
  const samples = 90;
  for (let k = 0; k < samples; k++) {
    const a = (2 * Math.PI * k) / samples;
    if (near(20 + (r - 1) * Math.cos(a), 20 + (r - 1) * Math.sin(a))) onRim++;
  }
  return { solidCentre: near(20, 20), rimShare: onRim / samples };
}

describe('a place that is a whole country', () => {
  test('is drawn as a dashed ring around a pale inside; a site\'s marker of the same category is a solid disc', async () => {
    const { page } = await openApp(browser, `${url}#time=2025-09-10`);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await settle(page);
    const poland = await markerLook(page, POLAND);
    expect(poland.solidCentre).toBe(false);
    expect(poland.rimShare).toBeGreaterThan(0.25);
    expect(poland.rimShare).toBeLessThan(0.8);
    await page.close();

    const site = await openApp(browser, `${url}#time=2023-04-13`);
    await settle(site.page);
    const vaindloo = await markerLook(site.page, VAINDLOO);
    expect(vaindloo.solidCentre).toBe(true);
    await site.page.close();
  });

  test('the legend says what the dashed ring means', async () => {
    const { page } = await openApp(browser, url);
    await page.locator('#legend summary').click();
    expect(await page.locator('#legend .swatch-place-area').count()).toBe(1);
    expect(await page.locator('#legend').textContent()).toContain('Somewhere in a country or region: exact place not stated');
    await page.close();
  });

  for (const [where, query] of [['app', ''], ['embed', 'index.html?embed=1']] as const) {
    test(`the ${where}'s panel gives no four-decimal coordinates for it, and says the place is not exact`, async () => {
      const { page } = await openApp(browser, `${url}${query}#time=2025-09-15&event=${POLAND}`);
      const panel = page.locator('#panel');
      await panel.locator('.panel-place').waitFor({ state: 'visible' });
      await expect.poll(() => panel.textContent()).toContain('Poland (country; exact place not stated)');
      const text = (await panel.locator('.panel-place').textContent())!;
      expect(text).not.toMatch(FOUR_DECIMALS);
      expect(text).toContain('a representative point of the country');
      await page.close();
    });
  }
});
