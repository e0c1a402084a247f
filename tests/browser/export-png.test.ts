// Image export: the snapshot CLI writes a PNG of the requested size that is not blank and carries the date (read
// from the pixels: the date box differs between two dates and not between two renders of one date); the Export PNG
// button downloads the same picture at twice the map's size on screen.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp } from './browser.ts';
import { colourVariety, decodePng, type Pixels } from './pixels.ts';
import { differingShareIn } from './embed-helpers.ts';

const run = promisify(execFile);
const appUrl = inject('appUrl');
let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flankline-png-'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function snapshot(time: string, name: string, width = 1000, height = 640): Promise<Pixels> {
  const out = join(dir, name);
  await run(process.execPath, ['--import', 'tsx', 'scripts/snapshot.ts', '--app', appUrl, '--time', time, '--out', out,
    '--width', String(width), '--height', String(height)], { timeout: 110_000 });
  return decodePng(readFileSync(out));
}

/** Dark, text-coloured pixels in a rectangle of the image. */
function inkPixels(p: Pixels, x0: number, y0: number, w: number, h: number): number {
  let n = 0;
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const i = (y * p.width + x) * p.channels;
      if (p.data[i] < 80 && p.data[i + 1] < 80 && p.data[i + 2] < 90) n++;
    }
  }
  return n;
}

// The date box sits at the top left, 10 CSS px in, at scale 2: the corpus's title line, then the date below it.
const DATE_BOX = [24, 24, 360, 110] as const;

describe('npm run snapshot', () => {
  test('writes PNGs of the requested sizes, not blank, each showing the date asked for', async () => {
    const september = await snapshot('2025-09-15', 'a.png', 1000, 640);
    const june = await snapshot('2017-06-20', 'b.png', 640, 480);
    expect([september.width, september.height]).toEqual([1000, 640]);
    expect([june.width, june.height]).toEqual([640, 480]);
    for (const p of [september, june]) {
      const variety = colourVariety(p);
      expect(variety.distinct).toBeGreaterThan(40);
      // Not blank: a blank image is one colour (share ~1). At 320x240 CSS px (the 640x480 print) the map still shows:
      // the legend and the strip give way to it (overlay-draw.ts, FURNITURE), so no colour takes most of the frame.
      expect(variety.commonestShare).toBeLessThan(0.6);
      // The date is drawn: dark text in its box...
      expect(inkPixels(p, ...DATE_BOX)).toBeGreaterThan(1500);
    }
    // ...and it is the date asked for: the box (same place at any size) differs between the two dates.
    expect(differingShareIn(september, june, ...DATE_BOX)).toBeGreaterThan(0.05);
  }, 300_000);
});

describe('the Export PNG button', () => {
  test('downloads the view at twice the size of the map on screen', async () => {
    const app = await openApp(browser, `${appUrl}#time=2022-02-25`, { width: 1100, height: 700 });
    try {
      const box = (await app.page.locator('#map').boundingBox())!;
      const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.locator('.export-png').click()]);
      expect(download.suggestedFilename()).toBe('flankline-2022-02-25.png');
      const png = decodePng(readFileSync((await download.path())!));
      expect(Math.abs(png.width - box.width * 2)).toBeLessThanOrEqual(1);
      expect(Math.abs(png.height - box.height * 2)).toBeLessThanOrEqual(1);
      expect(colourVariety(png).distinct).toBeGreaterThan(40);
      expect(inkPixels(png, ...DATE_BOX)).toBeGreaterThan(1500);
      // The page is as it was: the map back at its size on screen, the button ready again.
      expect(await app.page.locator('#map').boundingBox()).toEqual(box);
      await app.page.locator('.export-png:not([disabled])').waitFor();
    } finally {
      await app.page.close();
    }
  });
});
