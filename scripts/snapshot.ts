// `npm run snapshot -- [CORPUS_DIR] --time 2025-09-15 --out map.png [--width 1600 --height 1000]`: the map as Export PNG draws
// it, rendered headlessly in Debian chromium, for report pipelines. It builds the app with the data in public/data
// (or --data DIR with events.geojson and documents.json, or a corpus folder run through geocode with its corrections),
// serves it on a free localhost port, and stops both after.
// --app URL skips the build and uses an app already served there.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { serve } from './serve-static.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { geocodeCorpusTo } from './corpus-data.ts';

export const SNAPSHOT_DEFAULTS = {
  width: 1600,
  height: 1000,
  /** Image pixels per CSS pixel: the page is laid out at width/scale, so text is sized for print. */
  scale: 2,
  timeoutMs: 120_000,
};

const ROOT = resolve(import.meta.dirname, '..');

function fail(message: string): never {
  console.error(`snapshot: ${message}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    time: { type: 'string' }, out: { type: 'string' }, width: { type: 'string' }, height: { type: 'string' },
    scale: { type: 'string' }, data: { type: 'string' }, app: { type: 'string' }, event: { type: 'string' },
    bbox: { type: 'string' },
  },
});
if (!values.out) fail('--out FILE.png is required');
if (positionals.length > 1) fail(`one corpus folder at a time (got ${positionals.join(', ')})`);
if (values.time !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.time)) fail(`--time ${values.time} is not a date like 2025-09-15`);
const num = (v: string | undefined, fallback: number, name: string) => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!(n > 0 && n <= 8000)) fail(`--${name} ${v} is not a size in pixels`);
  return n;
};
const width = num(values.width, SNAPSHOT_DEFAULTS.width, 'width');
const height = num(values.height, SNAPSHOT_DEFAULTS.height, 'height');
const scale = num(values.scale, SNAPSHOT_DEFAULTS.scale, 'scale');

async function buildApp(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'flankline-snapshot-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  if (positionals[0]) {
    const problem = geocodeCorpusTo(resolve(positionals[0]), join(dir, 'data'));
    if (problem) fail(problem);
  } else if (values.data) {
    for (const name of ['events.geojson', 'documents.json']) {
      try { cpSync(join(values.data, name), join(dir, 'data', name), { dereference: true }); } catch { if (name === 'events.geojson') fail(`${values.data}/${name} is missing`); }
    }
  }
  return dir;
}

const dir = values.app ? null : await buildApp();
const served = dir ? await serve(dir) : null;
const appUrl = values.app ?? served!.url;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
try {
  const cssWidth = width / scale;
  const cssHeight = height / scale;
  const page = await browser.newPage({ viewport: { width: Math.ceil(cssWidth), height: Math.ceil(cssHeight) } });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const view = new URLSearchParams();
  if (values.time) view.set('time', values.time);
  if (values.event) view.set('event', values.event);
  if (values.bbox) view.set('bbox', values.bbox);
  await page.goto(new URL(`index.html?embed=1&scrubber=0#${view}`, appUrl).href);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: SNAPSHOT_DEFAULTS.timeoutMs })
    .catch(() => fail(`the app did not finish drawing${pageErrors.length ? `: ${pageErrors[0]}` : ''}`));
  const banner = await page.evaluate(() => document.querySelector('.banner-error')?.textContent ?? null);
  if (banner) fail(banner);
  const dataUrl = await page.evaluate(
    (size) => (window as unknown as { __flanklineEmbed: { exportPng(s: object): Promise<string> } }).__flanklineEmbed.exportPng(size),
    { width: cssWidth, height: cssHeight, scale });
  writeFileSync(values.out!, Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  console.log(`snapshot: wrote ${values.out} (${width}x${height}${values.time ? `, ${values.time}` : ''})`);
} finally {
  await browser.close();
  if (served) await new Promise<void>((r) => served.server.close(() => r()));
  if (dir) rmSync(dir, { recursive: true, force: true });
}
