// The analyst's workbench in headless chromium against the real server (`npm start -- DIR`): documents dropped on
// an empty corpus become events without a reload; an event is moved to another candidate, one re-dated, one
// rejected, one added from a sentence in the reader; after a restart every correction holds and no id changed; a
// document edited on disk turns its correction into an orphan the page lists; a stale page gets the conflict answer.
// FLANKLINE_SHOTS=DIR saves a screenshot of each step there (the closing walk-through of issue 14).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { startWorkbench, type RunningWorkbench } from '../workbench/run-server.ts';
import { crashPdf, DRONES_TXT, MINISTERS_HTML } from '../workbench/fixtures.ts';

const appDir = inject('appDir');
const shots = process.env.FLANKLINE_SHOTS;
let browser: Browser;
let server: RunningWorkbench;
let page: Page;
let corpus: string;
const errors: string[] = [];

type Feature = { id: string; properties: { title: string; start: string; end: string; precision: string; place: { name: string; country: string | null }; review?: { state: string; by: string } } };
const outputs = (): Feature[] => JSON.parse(readFileSync(join(corpus, '.flankline/events.geojson'), 'utf8')).features;
const byTitle = (re: RegExp) => outputs().find((f) => re.test(f.properties.title))!;

async function shot(name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

async function open(url: string): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  p.on('console', (m) => { if (m.type() === 'error' && !/events\.bin/.test(m.location().url)) errors.push(m.text()); });
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(url);
  await p.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 90_000 });
  await p.evaluate(() => { (window as unknown as { __samePage: boolean }).__samePage = true; });
  // Each page opens in a fresh browser context (no saved name): say who reviews, as a person does once.
  await p.fill('.wb-name', 'Ana');
  await p.locator('.wb-name').dispatchEvent('change');
  return p;
}
const samePage = () => page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage === true);
const listItem = (text: string) => page.locator('#list .list-item', { hasText: text });
const review = () => page.locator('#panel .wb-review');

async function select(text: string): Promise<void> {
  await listItem(text).first().click();
  await review().waitFor();
}

/** Runs an action that writes a correction, then waits until the page shows the data with it (the next revision). */
async function act(action: () => Promise<void>): Promise<void> {
  const before = Number(await page.evaluate(() => document.body.dataset.revision));
  await action();
  await page.waitForFunction((r) => Number(document.body.dataset.revision) > r, before, { timeout: 60_000 });
}

beforeAll(async () => {
  corpus = mkdtempSync(join(tmpdir(), 'workbench-browser-'));
  server = await startWorkbench(corpus, appDir);
  browser = await launch();
  page = await open(server.url);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the workbench', () => {
  test('starts on an empty corpus, and dropped documents (.txt, a saved .html page, a .pdf) become events without a reload', async () => {
    await page.locator('.wb-toolbar').waitFor();
    expect(await page.locator('#list .list-more').textContent()).toBe('This dataset has no events.');
    await shot('01-empty-corpus');
    // Drop a text file and a saved page on the map, as a person drags them from a file manager.
    await page.evaluate(([txt, html]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([txt], 'drones.txt', { type: 'text/plain' }));
      dt.items.add(new File([html], 'ministers.html', { type: 'text/html' }));
      document.getElementById('map')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [DRONES_TXT, MINISTERS_HTML]);
    await page.locator('.wb-results li', { hasText: 'ministers.html: added as' }).waitFor();
    // And pick a PDF with the file chooser.
    await page.setInputFiles('.wb-file', { name: 'crash.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await crashPdf()) });
    await page.locator('.wb-results li', { hasText: 'crash.pdf: added as' }).waitFor();
    await shot('02-documents-added');
    for (const title of ['Russian drones violate Polish airspace', 'NATO defence ministers meet in Brussels', 'Vilnius', 'Alexandria']) {
      await listItem(title).first().waitFor({ timeout: 60_000 });
    }
    await page.locator('.wb-intake button', { hasText: 'Close' }).click();
    expect(await samePage()).toBe(true);
    await expect.poll(() => page.locator('.wb-progress').textContent(), { timeout: 30_000 }).toMatch(/^\d+ events from 3 documents/);
    await shot('03-events-appear');
  });

  test('moves an event to another of the resolver\'s candidates, drawn on the map', async () => {
    const before = byTitle(/Alexandria/);
    expect(before.properties.place.country).not.toBe('RO');
    await select('Alexandria');
    await review().getByRole('button', { name: 'Move…' }).click();
    const romania = page.locator('#panel .wb-place', { hasText: ', RO' }).first();
    await romania.waitFor();
    expect(await page.locator('#panel .wb-place').count()).toBeGreaterThan(2);
    await shot('04-move-candidates');
    await act(() => romania.click());
    await expect.poll(() => byTitle(/Alexandria/).properties.place.country).toBe('RO');
    expect(byTitle(/Alexandria/).id).toBe(before.id);
    // the panel shows the event again, on the new data (its country by name)
    await shot('04b-moved');
    await expect.poll(() => page.locator('#panel .panel-place').textContent()).toMatch(/Romania/);
    await expect.poll(() => review().locator('.wb-state').textContent()).toMatch(/^Corrected by Ana/);
    expect(await samePage()).toBe(true);
  });

  test('re-dates an event at a precision, with the sentence\'s date expressions marked', async () => {
    await select('Rzesz');
    await review().getByRole('button', { name: 'Re-date…' }).click();
    expect(await review().locator('.wb-excerpts mark.hl-date').first().textContent()).toBe('March 2025');
    await review().locator('select[aria-label="Precision"]').selectOption('day');
    await review().locator('input[aria-label="Date"]').fill('2025-03-14');
    await shot('05-redate');
    await act(() => review().locator('.wb-form .wb-primary').click());
    await expect.poll(() => { const p = byTitle(/Rzesz/).properties; return [p.start, p.end, p.precision]; }).toEqual(['2025-03-14', '2025-03-14', 'day']);
    await expect.poll(() => listItem('Rzesz').first().textContent()).toMatch(/14 March 2025/);
  });

  test('rejects an event: gone from the map and the list, listed under Rejected', async () => {
    await select('Vilnius');
    await review().getByRole('button', { name: 'Reject…' }).click();
    await review().locator('.wb-reason-input').fill('a civil accident, not a security event');
    await act(() => review().locator('.wb-form .wb-primary').click());
    await expect.poll(() => listItem('Vilnius').count()).toBe(0);
    expect(byTitle(/Vilnius/).properties.review!.state).toBe('rejected');
    await page.locator('.wb-queue-toggle').click();
    await page.locator('.wb-queue .wb-rejected', { hasText: 'Vilnius' }).waitFor();
    await shot('06-rejected-in-queue');
    await page.locator('.wb-queue .wb-close').click();
  });

  test('adds a missed event from a sentence selected in the reader, the pipeline\'s guess filling the form', async () => {
    await select('Russian drones violate Polish airspace');
    await page.locator('#panel button.read').first().click();
    const text = page.locator('#panel .reader-text');
    await text.waitFor();
    await page.evaluate(() => {
      const el = document.querySelector('#panel .reader-text')!;
      const sentence = 'The government in Warsaw called it an unprecedented provocation.';
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(sentence);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + sentence.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error('sentence not found in the reader');
    });
    const add = page.locator('#panel .wb-add-button');
    await expect.poll(() => add.isEnabled()).toBe(true);
    await add.click();
    const form = page.locator('#panel .wb-add');
    await form.locator('h4', { hasText: 'Add an event' }).waitFor();
    expect(await form.locator('.wb-chosen').textContent()).toMatch(/^Place: Warsaw \(city/);
    expect(await form.locator('input[aria-label="Date"]').inputValue()).toBe('2025-09-10');
    await form.locator('input[aria-label="Title"]').fill('Warsaw calls the incursion a provocation');
    await shot('07-add-from-sentence');
    await act(() => form.getByRole('button', { name: 'Add the event' }).click());
    await listItem('Warsaw calls the incursion a provocation').waitFor({ timeout: 30_000 });
    const added = byTitle(/^Warsaw calls/);
    expect([added.properties.place.name, added.properties.start, added.properties.review!.state]).toEqual(['Warsaw', '2025-09-10', 'added']);
  });

  test('after a restart and a new run of the pipeline every correction holds and every id is the same', async () => {
    const before = outputs().map((f) => [f.id, f.properties.title, f.properties.start, f.properties.place.name, f.properties.review?.state ?? null]);
    await page.close();
    await server.stop();
    server = await startWorkbench(corpus, appDir);
    expect(server.output()).toMatch(/workbench: ready: /);
    const after = outputs().map((f) => [f.id, f.properties.title, f.properties.start, f.properties.place.name, f.properties.review?.state ?? null]);
    expect(after).toEqual(before);
    page = await open(server.url);
    await listItem('Warsaw calls the incursion a provocation').waitFor();
    expect(await listItem('Vilnius').count()).toBe(0);
    await shot('08-after-restart');
  });

  test('a document edited on disk turns its correction into an orphan, listed in the page and never applied', async () => {
    const drones = readdirSync(corpus).find((n) => n.startsWith('drones-over-wyryki') && n.endsWith('.txt'))!;
    writeFileSync(join(corpus, drones), readFileSync(join(corpus, drones), 'utf8').replace('unprecedented', 'serious'));
    await page.close();
    await server.stop();
    server = await startWorkbench(corpus, appDir);
    expect(server.output()).toMatch(/workbench: orphaned correction c\d+ \(add of "Warsaw calls the incursion a provocation", by Ana, [\d-]+\): drones-over-wyryki-[0-9a-f]{8}\.txt has changed since/);
    page = await open(server.url);
    await expect.poll(() => page.locator('.wb-queue-toggle').textContent()).toMatch(/1 orphaned/);
    await page.locator('.wb-queue-toggle').click();
    const orphan = page.locator('.wb-queue .wb-orphans li').first();
    await orphan.waitFor();
    expect(await orphan.textContent()).toMatch(/^add of “Warsaw calls the incursion a provocation” by Ana, [\d-]+: drones-over-wyryki-[0-9a-f]{8}\.txt has changed since: its text is not the one this correction was made on\./);
    expect(outputs().some((f) => /^Warsaw calls/.test(f.properties.title))).toBe(false);
    expect(JSON.parse(readFileSync(join(corpus, 'corrections.json'), 'utf8')).corrections.some((c: { action: string }) => c.action === 'add')).toBe(true);
    await shot('09-orphan-listed');
    await page.locator('.wb-queue .wb-close').click();
  });

  test('a page whose corrections are out of date gets the conflict answer and a way to reload', async () => {
    // Another writer (a second server, a colleague's git pull) changed corrections.json since this page loaded.
    const file = JSON.parse(readFileSync(join(corpus, 'corrections.json'), 'utf8'));
    writeFileSync(join(corpus, 'corrections.json'), `${JSON.stringify({ ...file, revision: file.revision + 1 }, null, 2)}\n`);
    await select('NATO defence ministers meet in Brussels');
    await review().getByRole('button', { name: 'Accept' }).click();
    await page.locator('.banner-warning', { hasText: 'Changed elsewhere' }).waitFor();
    expect(await review().locator('.wb-message').textContent()).toMatch(/^This corpus was changed elsewhere .*reload/);
    expect(await page.locator('.banner-warning button', { hasText: 'Reload the page' }).isVisible()).toBe(true);
    await shot('10-conflict');
    // The browser logs the refused write itself ("the server responded with a status of 409"); nothing else failed.
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
  });
});
