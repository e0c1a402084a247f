// The view in the URL: set through the UI, reloaded from the link, compared as state and as a picture; back and
// forward step through settled views; a link to an event the data no longer has says so.
import { describe, expect, inject, test } from 'vitest';
import { appForSuite, openApp, waitForDrawn, type OpenedApp } from './browser.ts';
import { decodePng } from './pixels.ts';
import { differingShare, settle } from './embed-helpers.ts';

const url = inject('appUrl');
const suite = appForSuite(url);

const state = (o: OpenedApp) => o.page.evaluate(() => {
  const { t, windowDays, playing, speedDaysPerSecond, selectedId } = window.__flanklineEmbed.state();
  return { t, windowDays, playing, speedDaysPerSecond, selectedId };
});
const camera = (o: OpenedApp) => o.page.evaluate(() => window.__flanklineEmbed.camera()!);

describe('permalinks', () => {
  test('a view set through the UI survives a reload of its URL: same state, same picture', async () => {
    const { page } = suite.app;
    // Time: the scrubber's keyboard, back a month from the end.
    await page.locator('[role="slider"]').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('PageDown');
    await page.locator('.window select').selectOption('7');
    await page.locator('.speed select').selectOption('91');
    const first = page.locator('.list-item').first();
    const id = await first.getAttribute('data-id');
    await first.click();
    await page.locator('#panel').waitFor({ state: 'visible' });
    await page.waitForTimeout(900); // the selection settles into its own entry before the zoom (Back test below)
    await page.locator('.maplibregl-ctrl-zoom-in').click();
    await page.mouse.move(5, 5);
    await settle(page);
    await page.waitForTimeout(900); // past the settle delay, so this view has its own history entry

    const link = page.url();
    expect(link).toContain('#');
    expect(link).toContain(`event=${id}`);
    // The Share dialog offers exactly this link.
    await page.locator('.share-open').click();
    expect(await page.locator('.share-link').inputValue()).toBe(link);
    expect(await page.locator('.share-snippet').inputValue()).toMatch(/^<iframe src="[^"]*embed=1[^"]*#time=/);
    await page.keyboard.press('Escape');

    const before = await state(suite.app);
    expect(before).toMatchObject({ windowDays: 7, speedDaysPerSecond: 91, selectedId: id, playing: false });
    const cameraBefore = await camera(suite.app);
    const drawn = await waitForDrawn(page, (await page.evaluate(() => window.__flankline.drawnMarkerIds())).length);
    const box = (await page.locator('#map').boundingBox())!;
    const shotBefore = decodePng(await page.screenshot({ clip: box }));

    const again = await openApp(suite.browser, link);
    try {
      expect(await state(again)).toEqual(before);
      const cameraAfter = await camera(again);
      expect(cameraAfter.zoom).toBeCloseTo(cameraBefore.zoom, 2);
      expect(cameraAfter.center[0]).toBeCloseTo(cameraBefore.center[0], 4);
      expect(cameraAfter.center[1]).toBeCloseTo(cameraBefore.center[1], 4);
      expect(await again.page.locator('#panel .panel-title').isVisible()).toBe(true);
      expect(await waitForDrawn(again.page, drawn.length)).toEqual(drawn);
      await again.page.mouse.move(5, 5);
      await settle(again.page);
      const boxAgain = (await again.page.locator('#map').boundingBox())!;
      expect(boxAgain).toEqual(box);
      const shotAfter = decodePng(await again.page.screenshot({ clip: boxAgain }));
      // Same state, camera and markers (above). Since the basemap became vector tiles the coastlines and borders of a page
      // that zoomed in and of one opened at that zoom can come from different tile zooms: about 3% of pixels, along edges.
      expect(differingShare(shotBefore, shotAfter)).toBeLessThan(0.05);
      expect(again.errors).toEqual([]);
    } finally {
      await again.page.close();
    }
  });

  test('Back and Forward step through settled views, not frames', async () => {
    const { page } = suite.app;
    const zoomed = await camera(suite.app);
    const selected = (await state(suite.app)).selectedId;
    await page.goBack(); // before the zoom: same selection, one step out
    await page.waitForTimeout(300);
    expect((await camera(suite.app)).zoom).toBeCloseTo(zoomed.zoom - 1, 1);
    expect((await state(suite.app)).selectedId).toBe(selected);
    await page.goBack(); // before the selection
    await page.waitForTimeout(300);
    expect((await state(suite.app)).selectedId).toBeNull();
    await page.goForward();
    await page.goForward();
    await page.waitForTimeout(300);
    expect((await state(suite.app)).selectedId).toBe(selected);
    expect((await camera(suite.app)).zoom).toBeCloseTo(zoomed.zoom, 2);
  });

  test('a link shows its own view from the first paint of the list and the timeline, not the default view first', async () => {
    // The views are built on the linked view (issue 16): before, they were built on the defaults and moved to the link's
    // time and window once deck.gl had loaded, so the list and the posture row changed (and the map resized under them).
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __firstPaint: { ids: string[]; date: string | null } | null };
      w.__firstPaint = null;
      new MutationObserver((_, observer) => {
        const items = [...document.querySelectorAll<HTMLElement>('#list .list-item')];
        if (items.length === 0) return;
        observer.disconnect();
        w.__firstPaint = { ids: items.map((b) => b.dataset.id ?? ''), date: document.querySelector('[role="slider"]')?.getAttribute('aria-valuetext') ?? null };
      }).observe(document, { childList: true, subtree: true });
    });
    try {
      await page.goto(`${url}#time=2022-03-01&mode=window&playwindow=30`);
      await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 90_000 });
      await settle(page);
      const first = await page.evaluate(() => (window as unknown as { __firstPaint: { ids: string[]; date: string | null } }).__firstPaint);
      const now = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#list .list-item')].map((b) => b.dataset.id ?? ''));
      expect(first.date).toBe('2022-03-01');
      expect(now.length).toBeGreaterThan(0);
      expect(first.ids).toEqual(now);
      expect(await page.evaluate(() => window.__flanklineEmbed.state().playMode)).toBe('window');
    } finally {
      await page.close();
    }
  });

  test('a link to an event the data no longer has says so, and keeps the rest of the view', async () => {
    const gone = await openApp(suite.browser, `${url}#time=2022-03-01&event=strike-nowhere-1999`);
    try {
      const banner = gone.page.locator('.banner-warning');
      await banner.waitFor({ state: 'visible' });
      expect(await banner.textContent()).toContain('"strike-nowhere-1999" is not in this version of the data');
      expect(await gone.page.locator('[role="slider"]').getAttribute('aria-valuetext')).toBe('2022-03-01');
      expect(await gone.page.locator('#panel').isHidden()).toBe(true);
    } finally {
      await gone.page.close();
    }
  });
});
