// Embedding: a host page on another local port drives the map in an iframe through postMessage and hears its
// events; a page on a third origin is ignored; embed mode fits a 320 px frame; the URL options take effect.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { isProbeOfOptionalFile, launch, type OpenedApp } from './browser.ts';
import { serve } from '../../scripts/serve-static.ts';

const appUrl = inject('appUrl');
let browser: Browser;
let dir: string;
let host: { url: string; server: Server };
let rogue: { url: string; server: Server };
let page: Page;
let map: Frame;
let rogueFrame: Frame;

type Message = { flankline: number; type: string; [k: string]: unknown };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flankline-host-'));
  host = await serve(dir);
  rogue = await serve(dir);
  const hostOrigin = new URL(host.url).origin;
  const src = `${appUrl}index.html?embed=1&origins=${encodeURIComponent(hostOrigin)}#time=2022-01-01`;
  writeFileSync(join(dir, 'host.html'), `<!doctype html><meta charset="utf-8"><title>Host</title>
<script>window.received = []; addEventListener('message', (e) => { if (e.data && e.data.flankline) received.push({ origin: e.origin, data: e.data }); });</script>
<iframe name="map" src="${src}" width="800" height="500" style="border:0"></iframe>
<iframe name="rogue" src="${rogue.url}rogue.html" width="10" height="10"></iframe>`);
  writeFileSync(join(dir, 'rogue.html'), `<!doctype html><meta charset="utf-8"><title>Rogue</title>
<script>window.received = []; addEventListener('message', (e) => { if (e.data && e.data.flankline) received.push(e.data); });</script>`);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 900, height: 600 } });
  await page.goto(`${host.url}host.html`);
  map = page.frame({ name: 'map' })!;
  await map.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 90_000 });
  rogueFrame = page.frame({ name: 'rogue' })!;
});
afterAll(async () => {
  await browser?.close();
  for (const s of [host?.server, rogue?.server]) if (s) await new Promise<void>((r) => s.close(() => r()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens embed.html, which hands over to index.html in embed mode, and waits for the map. */
async function openEmbed(url: string, viewport: { width: number; height: number }): Promise<OpenedApp> {
  const p = await browser.newPage({ viewport });
  const errors: string[] = [];
  p.on('console', (m) => { if (m.type() === 'error' && !isProbeOfOptionalFile(m)) errors.push(m.text()); });
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(url);
  await p.waitForURL(/index\.html\?/);
  await p.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 90_000 });
  return { page: p, requests: [], errors };
}

const received = () => page.evaluate(() => (window as unknown as { received: { origin: string; data: Message }[] }).received);
const post = (message: unknown) => page.evaluate((m) => (window.frames as unknown as Record<string, Window>).map.postMessage(m, '*'), message);
const mapState = () => map.evaluate(() => {
  const s = window.__flanklineEmbed.state();
  return { t: new Date(s.t * 86_400_000).toISOString().slice(0, 10), playing: s.playing, selectedId: s.selectedId };
});
async function waitForMessage(match: (m: Message) => boolean): Promise<Message> {
  for (let i = 0; i < 100; i++) {
    const hit = (await received()).find((r) => match(r.data));
    if (hit) return hit.data;
    await page.waitForTimeout(100);
  }
  throw new Error(`no matching message; received ${JSON.stringify(await received())}`);
}

describe('the host API', () => {
  test('the map announces itself ready, from its own origin, with the linked time', async () => {
    const ready = await waitForMessage((m) => m.type === 'ready');
    expect(ready).toMatchObject({ flankline: 1, time: '2022-01-01', selected: null, playing: false });
    expect((await received())[0].origin).toBe(new URL(appUrl).origin);
  });

  test('setTime, select, play, pause and fitBounds drive the map, which announces the changes', async () => {
    await post({ flankline: 1, type: 'setTime', time: '2022-02-25' });
    expect(await waitForMessage((m) => m.type === 'timechange' && m.time === '2022-02-25')).toMatchObject({ playing: false });
    expect((await mapState()).t).toBe('2022-02-25');
    expect(await map.locator('[role="slider"]').getAttribute('aria-valuetext')).toBe('2022-02-25');

    await post({ flankline: 1, type: 'select', id: 'meeting-brussels-2022-02-25' });
    const selected = await waitForMessage((m) => m.type === 'select');
    expect(selected.id).toBe('meeting-brussels-2022-02-25');
    expect(typeof selected.title).toBe('string');
    await map.locator('#panel .panel-title').waitFor({ state: 'visible' });
    expect(await map.locator('#panel .panel-title').textContent()).toBe(selected.title);

    await post({ flankline: 1, type: 'play' });
    await waitForMessage((m) => m.type === 'timechange' && m.playing === true && m.time !== '2022-02-25');
    await post({ flankline: 1, type: 'pause' });
    await waitForMessage((m) => m.type === 'timechange' && m.playing === false && m.time !== '2022-02-25');
    expect((await mapState()).playing).toBe(false);

    await post({ flankline: 1, type: 'fitBounds', bbox: [20, 50, 30, 56] });
    await post({ flankline: 1, type: 'getState' });
    const state = await waitForMessage((m) => m.type === 'state');
    const [w, s, e, n] = state.bbox as number[];
    expect(w).toBeLessThanOrEqual(20.01);
    expect(e).toBeGreaterThanOrEqual(29.99);
    expect(s).toBeLessThanOrEqual(50.01);
    expect(n).toBeGreaterThanOrEqual(55.99);
    expect(e - w).toBeLessThan(30); // zoomed in from the whole flank (34 degrees across)
  });

  test('a malformed command is ignored (and reported back), and a select of an unknown id changes nothing', async () => {
    const before = await mapState();
    await post({ flankline: 1, type: 'setTime', time: '2019-13-45' });
    await post({ flankline: 2, type: 'setTime', time: '2019-01-01' });
    await post({ flankline: 1, type: 'select', id: 'no-such-event' });
    await waitForMessage((m) => m.type === 'error' && String(m.message).includes('no-such-event'));
    const errors = (await received()).filter((r) => r.data.type === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(3);
    expect(await mapState()).toEqual(before);
  });

  test('commands from an origin the URL does not allow have no effect, and that origin hears nothing', async () => {
    const before = await mapState();
    const heardBefore = (await received()).length;
    await rogueFrame.evaluate(() => {
      const target = (window.parent.frames as unknown as Record<string, Window>).map;
      target.postMessage({ flankline: 1, type: 'setTime', time: '2017-06-01' }, '*');
      target.postMessage({ flankline: 1, type: 'select', id: 'deployment-tapa-2017-06' }, '*');
      target.postMessage({ flankline: 1, type: 'play' }, '*');
    });
    await page.waitForTimeout(800);
    expect(await mapState()).toEqual(before);
    expect((await received()).length).toBe(heardBefore);
    // The same command from the allowed host works, and only the host hears the answer.
    await post({ flankline: 1, type: 'setTime', time: '2017-06-01' });
    await waitForMessage((m) => m.type === 'timechange' && m.time === '2017-06-01');
    expect(await rogueFrame.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);
  });
});

describe('embed mode', () => {
  test('shows what the map is, the map, the scrubber and the credits, and nothing else of the full app', async () => {
    // Of the header, only the line saying what the data is (issue 15: an embed says what it shows).
    expect(await map.locator('header.top .corpus-title').isVisible()).toBe(true);
    for (const other of ['.brand', '.share-open', '.export-png', '.list-toggle']) expect(await map.locator(`header.top ${other}`).isVisible()).toBe(false);
    expect(await map.locator('#list').isVisible()).toBe(false);
    expect(await map.locator('[role="slider"]').isVisible()).toBe(true);
    const credits = map.locator('.embed-credits');
    expect(await credits.isVisible()).toBe(true);
    expect(await credits.textContent()).toContain('Flankline test fixture');
    expect(await credits.textContent()).toContain('Natural Earth');
  });

  test('fits a 320 px wide frame: map, scrubber and credits inside it, nothing overflowing', async () => {
    const small = await openEmbed(`${appUrl}embed.html#time=2025-09-15`, { width: 320, height: 480 });
    try {
      const p = small.page;
      expect(await p.evaluate(() => document.body.classList.contains('embed'))).toBe(true);
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const mapBox = (await p.locator('#map').boundingBox())!;
      expect(mapBox.width).toBe(320);
      expect(mapBox.height).toBeGreaterThan(200);
      const slider = (await p.locator('[role="slider"]').boundingBox())!;
      expect(slider.x).toBeGreaterThanOrEqual(0);
      expect(slider.x + slider.width).toBeLessThanOrEqual(320 + 11);
      const credits = (await p.locator('.embed-credits').boundingBox())!;
      expect(credits.y + credits.height).toBeLessThanOrEqual(480);
      expect(await p.locator('[role="slider"]').getAttribute('aria-valuetext')).toBe('2025-09-15');
      expect(small.errors).toEqual([]);
    } finally {
      await small.page.close();
    }
  });

  test('scrubber=0 hides the timeline, lock=1 keeps the view still, autoplay=1 plays', async () => {
    const opts = await openEmbed(`${appUrl}embed.html?scrubber=0&lock=1&autoplay=1#time=2017-01-01`, { width: 640, height: 400 });
    try {
      const p = opts.page;
      expect(await p.locator('[role="slider"]').isVisible()).toBe(false);
      expect(await p.locator('.embed-credits').isVisible()).toBe(true);
      await p.waitForFunction(() => window.__flanklineEmbed.state().t > Date.parse('2017-01-10') / 86_400_000, undefined, { timeout: 20_000 });
      const before = await p.evaluate(() => window.__flanklineEmbed.camera());
      const box = (await p.locator('#map').boundingBox())!;
      await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await p.mouse.down();
      await p.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 - 80, { steps: 5 });
      await p.mouse.up();
      await p.mouse.wheel(0, -400);
      await p.waitForTimeout(500);
      expect(await p.evaluate(() => window.__flanklineEmbed.camera())).toEqual(before);
    } finally {
      await opts.page.close();
    }
  });
});
