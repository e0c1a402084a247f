// Helpers shared by the embedding, permalink and export browser tests.
import type { Page } from 'playwright-core';
import type { Pixels } from './pixels.ts';

declare global {
  interface Window { __flanklineEmbed: import('../../src/app/embed/embedding.ts').EmbedHook }
}

/** Waits until the map has stopped moving and drawn everything, then a little longer for deck.gl's next frame. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => {
    const map = window.__flankline.map;
    const done = () => setTimeout(resolve, 400);
    if (!map.isMoving() && map.loaded() && map.areTilesLoaded()) done();
    else map.once('idle', done);
  }));
}

/** Share of pixels whose colour differs by more than `threshold` (Euclidean RGB) between two same-size images. */
export function differingShare(a: Pixels, b: Pixels, threshold = 40): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.data.length; i += a.channels) {
    const d = Math.hypot(a.data[i] - b.data[i], a.data[i + 1] - b.data[i + 1], a.data[i + 2] - b.data[i + 2]);
    if (d > threshold) differing++;
  }
  return differing / (a.width * a.height);
}

/** Share of differing pixels inside a rectangle (device pixels). */
export function differingShareIn(a: Pixels, b: Pixels, x0: number, y0: number, w: number, h: number, threshold = 40): number {
  let differing = 0;
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const i = (y * a.width + x) * a.channels;
      const j = (y * b.width + x) * b.channels;
      if (Math.hypot(a.data[i] - b.data[j], a.data[i + 1] - b.data[j + 1], a.data[i + 2] - b.data[j + 2]) > threshold) differing++;
    }
  }
  return differing / (w * h);
}
