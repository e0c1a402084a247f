// Bad and hostile input in the browser: broken datasets get a banner over a working page, hostile text from the
// real pipeline shows as text, the Content-Security-Policy holds with the map drawing, the bundle has no eval, and
// an embed obeys only the origins it allows. docs/hardening.md lists the same inputs and answers.
// (A corrupt events file, ?data= on another site and an HTML title in a hand-made file: data-problems.test.ts.)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, waitForDrawn } from './browser.ts';

let browser: Browser;
const url = inject('appUrl');
const dir = inject('appDir');
const FIXTURE = JSON.parse(readFileSync('tests/fixtures/fixture-events.geojson', 'utf8'));
const HOSTILE_MANIFEST = JSON.parse(readFileSync('tests/fixtures/hostile/manifest.json', 'utf8'));
const HOSTILE_TITLE: string = HOSTILE_MANIFEST.documents[0].title;

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

/** Opens the app in a context of its own that records every CSP violation from the page's first byte. */
async function open(path: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const opened = await openApp(context as unknown as Browser, `${url}${path}`);
  return { ...opened, close: () => context.close() };
}

/** The page is still a working app: the timeline moves and the map has drawn. */
async function expectUsable(page: Page) {
  expect(await page.locator('#map canvas.maplibregl-canvas').isVisible()).toBe(true);
  const slider = page.locator('[role="slider"]');
  await slider.focus();
  await page.keyboard.press('Home');
  const home = await slider.getAttribute('aria-valuenow');
  await page.keyboard.press('ArrowRight');
  expect(Number(await slider.getAttribute('aria-valuenow'))).toBe(Number(home) + 1);
}

const feature = (id: string, overrides: Record<string, unknown>, coordinates = [24, 54]) => {
  const base = FIXTURE.features[0];
  return { ...base, id, geometry: { type: 'Point', coordinates }, properties: { ...base.properties, ...overrides } };
};

beforeAll(async () => {
  browser = await launch();
  const put = (sub: string, name: string, text: string) => {
    mkdirSync(join(dir, 'hardening', sub), { recursive: true });
    writeFileSync(join(dir, 'hardening', sub, name), text);
  };
  put('broken', 'events.geojson', JSON.stringify({ type: 'FeatureCollection', features: [
    feature('off-the-globe', {}, [200, 95]),
    feature('backwards', { start: '2025-03-02', end: '2025-03-01' }),
    feature('unknown-category', { category: 'party' }),
  ] }));
  put('broken', 'documents.json', '[]');
  // About 20 MB, every feature with the same mistake: the banner lists a few and says there may be more.
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 20_000_000; i++) {
    const text = JSON.stringify(feature(`raid-${i}`, { category: 'raid', title: `Raid ${i} ${'x'.repeat(600)}` }));
    parts.push(text);
    size += text.length + 1;
  }
  put('huge', 'events.geojson', `{"type":"FeatureCollection","features":[${parts.join(',')}]}`);
  put('huge', 'documents.json', '[]');
  // The real pipeline over a document written to attack the app; then the file is passed on and someone puts the
  // same payload in the event's own title (the tooltip, list and panel heading show it).
  const out = join(dir, 'hardening/hostile');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/geocode.ts', '--input', 'tests/fixtures/hostile',
    '--output', join(out, 'events.geojson'), '--documents', join(out, 'documents.json')], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`geocode failed on the hostile fixture: ${run.stderr}`);
  const events = JSON.parse(readFileSync(join(out, 'events.geojson'), 'utf8'));
  events.features[0].properties.title = HOSTILE_TITLE;
  writeFileSync(join(out, 'events.geojson'), JSON.stringify(events));
  // The GeoJSON is passed on alone: without the bin and tables the pipeline wrote beside it (which the app would read
  // first, with the title as the pipeline wrote it).
  for (const name of ['events.bin', 'events.posture.bin', 'events.text.bin', 'events.parts']) rmSync(join(out, name), { recursive: true, force: true });
});
afterAll(async () => { await browser?.close(); });

describe('Content-Security-Policy', () => {
  test('the built page carries a CSP without inline script, eval or remote origins, and the map draws under it with no violation', async () => {
    const app = await open('');
    const csp = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    await app.page.locator('[role="slider"]').focus();
    await app.page.keyboard.press('End');
    expect((await waitForDrawn(app.page, FIXTURE.features.length)).length).toBe(FIXTURE.features.length);
    await app.page.locator('.list-item').first().click();
    await app.page.getByRole('button', { name: 'Read the document' }).first().click();
    await app.page.locator('.reader-text').waitFor({ state: 'visible' });
    expect(await violations(app.page)).toEqual([]);
    // The policy is in force: an inline script and a handler injected now are blocked, and reported.
    await app.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = "inline"';
      document.body.append(s);
      const img = document.createElement('img');
      img.setAttribute('src', 'data:,x');
      img.setAttribute('onerror', 'window.__pwned = "handler"');
      document.body.append(img);
    });
    await expect.poll(async () => (await violations(app.page)).length).toBeGreaterThanOrEqual(2);
    expect(await pwned(app.page)).toBeUndefined();
    expect(app.errors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
    await app.close();
  });

  test('the built bundle calls no eval or new Function, except the two guarded uses named here', () => {
    // 1. zod probes `Function('')` to choose compiled parsers; src/app/no-eval.ts sets jitless, which skips the
    //    probe (the test above sees no violation). 2. MapLibre's worker evals a plugin script loaded by URL
    //    (loadScript, for the RTL text plugin); the app loads no plugin, and the CSP would block it.
    const allowed = [/[\w$]+\.jitless\|\|typeof navigator<`u`&&navigator\?\.userAgent\?\.includes\(`Cloudflare`\)\)return!1;try\{return Function\(``\)/, /else globalThis\.eval\(\w+\)\}/];
    const assets = join(dir, 'assets');
    const found: string[] = [];
    for (const name of readdirSync(assets).filter((n) => /\.m?js$/.test(n))) {
      const code = readFileSync(join(assets, name), 'utf8');
      const uses = /(?<![\w$.])(?:eval\s*\(|new\s+Function\s*\(|Function\s*\(\s*[`'"])|\.eval\s*\(|setTimeout\s*\(\s*[`'"]|setInterval\s*\(\s*[`'"]/g;
      for (let m = uses.exec(code); m; m = uses.exec(code)) {
        const context = code.slice(Math.max(0, m.index - 120), m.index + 40);
        if (!allowed.some((a) => a.test(context))) found.push(`${name}: …${context}…`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('datasets that break', () => {
  test('?data= pointing at a missing file says so in a banner, and the page still works', async () => {
    const app = await open('?data=hardening/nowhere/events.geojson');
    const banner = app.page.locator('.banner-error[role="alert"]');
    await banner.waitFor({ state: 'visible' });
    expect(await banner.textContent()).toContain('hardening/nowhere/events.geojson is missing (HTTP 404)');
    await expectUsable(app.page);
    await app.close();
  });

  test('GeoJSON with coordinates off the globe, a start after its end and an unknown category: each named in the banner', async () => {
    const app = await open('?data=hardening/broken/events.geojson');
    const banner = app.page.locator('.banner-error[role="alert"]');
    await banner.waitFor({ state: 'visible' });
    const text = (await banner.textContent())!;
    expect(text).toContain('hardening/broken/events.geojson does not follow the event data contract');
    expect(text).toMatch(/features\[0\]\.geometry\.coordinates\[0\]: .*180/);
    expect(text).toMatch(/features\[0\]\.geometry\.coordinates\[1\]: .*90/);
    expect(text).toMatch(/features\[1\]\.properties\.start: start is after end/);
    expect(text).toMatch(/features\[2\]\.properties\.category/);
    await expectUsable(app.page);
    expect(await violations(app.page)).toEqual([]);
    await app.close();
  });

  test('a 20 MB file that breaks the contract in every feature lists the first problems and says there may be more', async () => {
    const app = await open('?data=hardening/huge/events.geojson');
    const banner = app.page.locator('.banner-error[role="alert"]');
    await banner.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await banner.textContent()).toMatch(/features\[0\]\.properties\.category/);
    expect(await banner.locator('li').count()).toBe(11);
    expect(await banner.locator('li').last().textContent()).toContain('only the first 10 problems are listed');
    await expectUsable(app.page);
    await app.close();
  });
});

describe('hostile text from the real pipeline', () => {
  test('tags and scripts in a document and its titles show as text in the list, tooltip, panel and reader, and never run', async () => {
    const app = await open('?data=hardening/hostile/events.geojson');
    const { page } = app;
    const documents = JSON.parse(readFileSync(join(dir, 'hardening/hostile/documents.json'), 'utf8'));
    const events = JSON.parse(readFileSync(join(dir, 'hardening/hostile/events.geojson'), 'utf8'));
    const source = events.features[0].properties.sources[0];
    expect(source.excerpt).toContain('<image src=x onerror=');
    await page.locator('[role="slider"]').focus();
    await page.keyboard.press('End');
    expect(await waitForDrawn(page, 1)).toEqual([events.features[0].id]);
    expect(await page.locator('.list-title').first().textContent()).toBe(HOSTILE_TITLE);
    // tooltip
    const p = await page.evaluate(([lo, la]) => window.__flankline.project(lo, la), events.features[0].geometry.coordinates);
    await page.mouse.move(p.x, p.y);
    const tooltip = page.locator('.tooltip');
    await tooltip.waitFor({ state: 'visible' });
    expect(await tooltip.locator('strong').textContent()).toBe(HOSTILE_TITLE);
    // panel
    await page.mouse.click(p.x, p.y);
    const panel = page.locator('#panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('.panel-title').textContent()).toBe(HOSTILE_TITLE);
    expect(await panel.locator('.excerpt').first().textContent()).toBe(source.excerpt);
    expect(await panel.locator('.source-title').first().textContent()).toBe(HOSTILE_MANIFEST.documents[0].title);
    expect(await panel.locator('.source-meta').first().textContent()).toContain(HOSTILE_MANIFEST.documents[0].credit);
    // reader: the whole document, <script> and all, as characters
    await panel.getByRole('button', { name: 'Read the document' }).first().click();
    const reader = panel.locator('.reader-text');
    await reader.waitFor({ state: 'visible' });
    expect(await reader.textContent()).toBe(documents[0].text);
    expect(await reader.textContent()).toContain("<script>window.__pwned = 'text-script';</script>");
    expect(await page.locator('#panel, #list, .tooltip').locator('img, image, script, style, b').count()).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    // Had any of it become markup, the CSP would have blocked it and reported the attempt.
    expect(await violations(page)).toEqual([]);
    await app.close();
  });
});

describe('embedding', () => {
  test('an embed ignores a command from an origin it does not allow, and obeys the same command from one it does', async () => {
    // Served twice by one server: as localhost (the host page) and as 127.0.0.1 (the embedded app): two origins.
    const port = new URL(url).port;
    const host = `http://localhost:${port}`;
    const appAt = (origins: string) => `${url}index.html?embed=1&origins=${encodeURIComponent(origins)}`;
    mkdirSync(join(dir, 'hardening'), { recursive: true });
    writeFileSync(join(dir, 'hardening/host.html'), `<!doctype html><meta charset="utf-8"><title>host</title>
<iframe name="stranger" src="${appAt('https://allowed.example')}" width="640" height="420"></iframe>
<iframe name="friend" src="${appAt(host)}" width="640" height="420"></iframe>`);
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    await page.goto(`${host}/hardening/host.html`);
    const frames = ['stranger', 'friend'].map((name) => page.frame({ name })!);
    for (const frame of frames) {
      await frame.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 90_000 });
      // Runs after the app's own listener, so once it has seen a message the app has had its chance to obey.
      await frame.evaluate(() => window.addEventListener('message', () => {
        const w = window as unknown as { __seen?: number };
        w.__seen = (w.__seen ?? 0) + 1;
      }));
    }
    const time = (i: number) => frames[i].locator('[role="slider"]').getAttribute('aria-valuetext');
    const before = await time(0);
    expect(before).not.toBe('2019-06-01');
    for (const name of ['stranger', 'friend']) {
      await page.evaluate((n) => (window.frames as unknown as Record<string, Window>)[n].postMessage({ flankline: 1, type: 'setTime', time: '2019-06-01' }, '*'), name);
    }
    for (const frame of frames) await frame.waitForFunction(() => (window as unknown as { __seen?: number }).__seen === 1);
    await expect.poll(() => time(1)).toBe('2019-06-01');
    expect(await time(0)).toBe(before);
    await page.close();
  });
});
