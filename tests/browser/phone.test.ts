// A 360 px wide phone: the timeline stays on screen and draggable, the list opens as a drawer, the panel as a sheet.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp, type OpenedApp } from './browser.ts';

let browser: Browser;
let app: OpenedApp;
const PHONE = { width: 360, height: 740 };

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, inject('appUrl'), PHONE);
});
afterAll(async () => { await browser?.close(); });

describe('on a 360 px phone', () => {
  test('the page does not scroll sideways and the scrubber is on screen', async () => {
    const page = app.page;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const strip = (await page.locator('.scrubber-strip').boundingBox())!;
    expect(strip.width).toBeGreaterThan(300);
    expect(strip.y + strip.height).toBeLessThanOrEqual(PHONE.height);
  });

  test('dragging along the scrubber moves the time', async () => {
    const page = app.page;
    const strip = (await page.locator('.scrubber-strip').boundingBox())!;
    const y = strip.y + strip.height / 2;
    await page.mouse.move(strip.x + strip.width - 10, y);
    await page.mouse.down();
    await page.mouse.move(strip.x + strip.width / 2, y, { steps: 4 });
    await page.mouse.move(strip.x + 20, y, { steps: 4 });
    await page.mouse.up();
    const handle = page.locator('[role="slider"]');
    const valueAfter = (await handle.getAttribute('aria-valuetext'))!;
    expect(valueAfter < '2017-07-01').toBe(true);
    expect(await page.locator('[role="status"].status').textContent()).toMatch(/^[0-3] events? up to /);
    await handle.focus();
    await page.keyboard.press('End');
  });

  test('the list opens as a drawer and an item opens the panel as a bottom sheet', async () => {
    const page = app.page;
    expect(await page.locator('#list').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'List' }).click();
    await page.locator('#list .list-item').first().click();
    const panel = page.locator('#panel');
    await panel.waitFor({ state: 'visible' });
    const box = (await panel.boundingBox())!;
    const timeline = (await page.locator('.timeline').boundingBox())!;
    expect(box.width).toBeGreaterThan(340);
    expect(box.y).toBeGreaterThan(PHONE.height * 0.2);
    // The sheet ends above the timeline, which stays visible.
    expect(box.y + box.height).toBeLessThanOrEqual(timeline.y + 1);
    expect(await page.locator('.scrubber-strip').isVisible()).toBe(true);
  });
});
