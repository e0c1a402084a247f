// The one place that launches Debian chromium for the browser tests (WebGL2 through SwiftShader), and opens the app.
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.ts';

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface OpenedApp {
  page: Page;
  /** Every URL the page requested, in order, from before the first byte of the app. */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/**
 * The app asks for events.bin (src/app/data/bin.ts) and corpus.json (src/app/data/corpus.ts) beside every events file;
 * for a dataset without them they are not there, and that 404 is how the app learns so, not an error. Chromium still
 * logs it (events.bin's from the worker, when the worker's console is attached in time).
 */
export function isProbeOfOptionalFile(m: ConsoleMessage): boolean {
  return /Failed to load resource: .* 404/.test(m.text()) && /\/(events\.bin|corpus\.json)(\?|$)/.test(m.location().url);
}

/**
 * One browser and one app page for a test file, opened before its tests and closed after them; the tests read
 * `suite.browser` and `suite.app` (set by then).
 */
export function appForSuite(url: string): { browser: Browser; app: OpenedApp } {
  const suite = {} as { browser: Browser; app: OpenedApp };
  beforeAll(async () => {
    suite.browser = await launch();
    suite.app = await openApp(suite.browser, url);
  });
  afterAll(async () => { await suite.browser?.close(); });
  return suite;
}

/** Opens the app at `url` and waits until the map has drawn once (the app sets body[data-ready]). */
export async function openApp(browser: Browser, url: string, viewport = { width: 1280, height: 800 }): Promise<OpenedApp> {
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error' && !isProbeOfOptionalFile(m)) errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 90_000 });
  return { page, requests, errors };
}

/** Waits until deck.gl draws exactly `n` markers (it renders on the next frames after a change). */
export async function waitForDrawn(page: Page, n: number): Promise<string[]> {
  await page.waitForFunction((want) => window.__flankline?.drawnMarkerIds().length === want, n, { timeout: 30_000, polling: 250 })
    .catch(() => undefined);
  return page.evaluate(() => window.__flankline.drawnMarkerIds());
}

/** Opens the legend (folded to a chip by default) and waits until the map has made room for it. */
export async function openLegend(page: Page, root = '#legend'): Promise<void> {
  if (!(await page.locator(`${root}.legend-open`).count())) await page.locator(`${root} summary`).click();
  await page.locator(`${root}.legend-open`).waitFor();
  await page.waitForTimeout(300); // MapLibre follows its container's new size on the next frames
}

declare global {
  interface Window { __flankline: import('../../src/app/test-hook.ts').FlanklineHook }
}
