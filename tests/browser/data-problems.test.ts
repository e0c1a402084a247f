// Datasets that are broken, empty, or served from elsewhere: the reader gets a banner naming the problem, a working
// map and timeline, never a blank page.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp, waitForDrawn } from './browser.ts';
import { HOSTILE_TITLE } from './build-app.ts';

let browser: Browser;
const url = inject('appUrl');

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('data problems', () => {
  test('a corrupt events file shows the error banner naming the file, over a working map', async () => {
    const { page } = await openApp(browser, `${url}?data=corrupt/events.geojson`);
    const banner = page.locator('.banner-error[role="alert"]');
    await banner.waitFor({ state: 'visible' });
    expect(await banner.textContent()).toMatch(/corrupt\/events\.geojson is not valid JSON/);
    expect(await page.locator('#map canvas.maplibregl-canvas').isVisible()).toBe(true);
    expect(await page.locator('[role="status"].status').textContent()).toMatch(/^0 events up to /);
    expect(await page.locator('.list-more').textContent()).toContain('could not be loaded');
    await page.close();
  });

  test('an events file that breaks the contract lists the broken fields', async () => {
    const { page } = await openApp(browser, `${url}?data=invalid/events.geojson`);
    const banner = page.locator('.banner-error[role="alert"]');
    await banner.waitFor({ state: 'visible' });
    const text = (await banner.textContent())!;
    expect(text).toContain('invalid/events.geojson does not follow the event data contract');
    expect(text).toMatch(/features\[0\]\.properties\.category/);
    await page.close();
  });

  test('an empty collection loads without an error and says there are no events', async () => {
    const { page } = await openApp(browser, `${url}?data=empty/events.geojson`);
    expect(await page.locator('.banner-error').count()).toBe(0);
    expect(await page.locator('.list-more').textContent()).toBe('This dataset has no events.');
    await page.locator('[role="slider"]').focus();
    await page.keyboard.press('End');
    expect(await page.locator('[role="status"].status').textContent()).toMatch(/^0 events up to /);
    expect(await waitForDrawn(page, 0)).toEqual([]);
    await page.close();
  });

  test('one year-precision event without its documents is drawn, dated by its year, and its excerpt shown with a note', async () => {
    const { page, requests } = await openApp(browser, `${url}?data=single/events.geojson`);
    expect(await page.locator('.banner-warning').textContent()).toContain('single/documents.json is missing');
    await page.locator('[role="slider"]').focus();
    await page.keyboard.press('End');
    expect(await page.locator('[role="status"].status').textContent()).toMatch(/^1 event up to /);
    expect(await waitForDrawn(page, 1)).toEqual(['incursion-vaindloo-2019']);
    await page.locator('.list-item').first().click();
    const panel = page.locator('#panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('.panel-date').textContent()).toBe('2019 (month and day unknown)');
    expect(await panel.locator('.excerpt').textContent()).toBe('A similar violation near Vaindloo was reported in 2019.');
    expect(await panel.locator('.note').textContent()).toContain('is not in this dataset');
    expect(await panel.getByRole('button', { name: 'Read the document' }).count()).toBe(0);
    // Its title is HTML: shown as text in the list and the panel, never parsed, never run.
    expect(await panel.locator('.panel-title').textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator('.list-title').first().textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator('#panel img, #list img, #panel b, #list b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(requests.filter((r) => r.includes('not-loaded.png'))).toEqual([]);
    await page.close();
  });

  test('a ?data= URL on another origin is refused with a banner and not fetched', async () => {
    const { page, requests } = await openApp(browser, `${url}?data=${encodeURIComponent('https://example.org/events.geojson')}`);
    const banner = page.locator('.banner-error[role="alert"]');
    await banner.waitFor({ state: 'visible' });
    expect(await banner.textContent()).toContain('points to another site');
    expect(requests.filter((r) => new URL(r).origin !== new URL(url).origin)).toEqual([]);
    await page.close();
  });
});
