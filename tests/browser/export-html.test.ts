// The single-file export: written by npm run export:html, opened from file:// with every network request refused,
// it renders the map and its markers and opens an event's excerpt.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { EventCollection } from '../../src/model/index.ts';
import { launch } from './browser.ts';
import { colourVariety, decodePng } from './pixels.ts';

const run = promisify(execFile);
const EVENTS = JSON.parse(readFileSync('tests/fixtures/fixture-events.geojson', 'utf8')) as EventCollection;
let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flankline-html-'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run export:html', () => {
  test('the file opens from disk with the network blocked: map, markers at the chosen date, and an excerpt', async () => {
    const out = join(dir, 'report-map.html');
    await run(process.execPath, ['--import', 'tsx', 'scripts/export-html.ts', '--out', out, '--time', '2022-03-01',
      '--events', 'tests/fixtures/fixture-events.geojson', '--documents', 'tests/fixtures/fixture-documents.json'],
    { timeout: 200_000 });
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<(script|link|img)\b[^>]*\s(src|href)="(?!data:)/); // nothing to fetch, not even beside the file

    const context = await browser.newContext({ viewport: { width: 1200, height: 760 }, offline: true });
    const outside: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    try {
      await page.goto(pathToFileURL(out).href);
      await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 90_000 });
      expect(await page.locator('.banner-error').count()).toBe(0);
      expect(await page.locator('[role="slider"]').getAttribute('aria-valuetext')).toBe('2022-03-01');

      // The basemap drew (land, sea, borders from the inlined GeoJSON), and the markers of that date.
      const box = (await page.locator('#map').boundingBox())!;
      const variety = colourVariety(decodePng(await page.screenshot({ clip: box })));
      expect(variety.distinct).toBeGreaterThan(20);
      expect(variety.commonestShare).toBeLessThan(0.8);
      const shown = EVENTS.features.filter((f) => f.properties.start <= '2022-03-01').length;
      await page.waitForFunction((n) => window.__flankline.drawnMarkerIds().length === n, shown, { timeout: 30_000, polling: 250 });

      // An excerpt opens, with "Read the document" (documents.json was inlined too).
      const item = page.locator('.list-item').first();
      const id = (await item.getAttribute('data-id'))!;
      await item.click();
      const excerpt = page.locator('#panel .excerpt').first();
      await excerpt.waitFor({ state: 'visible' });
      const feature = EVENTS.features.find((f) => f.id === id)!;
      expect(await excerpt.textContent()).toBe(feature.properties.sources[0].excerpt);
      expect(await page.locator('#panel .read').count()).toBeGreaterThan(0);

      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
