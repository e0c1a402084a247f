// A fresh clone's `npm run build` builds the seeds' site with its data (it used to build an app that said
// "data/events.geojson is missing"), and `npm run build -- DIR` builds a corpus's site with its corrections applied.
// The clone is the files a commit of this tree would hold, with this tree's node_modules (no network here).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Server } from 'node:http';
import { launch, openApp } from './browser.ts';
import { serve } from '../../scripts/serve-static.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const clone = mkdtempSync(join(tmpdir(), 'flankline-clone-'));
const servers: Server[] = [];
afterAll(async () => {
  for (const s of servers) await new Promise<void>((done) => s.close(() => done()));
  rmSync(clone, { recursive: true, force: true });
});

function makeClone(): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    try { copyFileSync(join(ROOT, file), join(clone, file)); } catch { /* a file deleted in the tree but not yet in the index */ }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
}

describe('npm run build', () => {
  test('a fresh clone\'s npm run build makes a site that shows the seed events, with no error banner', async () => {
    makeClone();
    const run = spawnSync('npm', ['run', 'build', '--silent'], { cwd: clone, encoding: 'utf8', timeout: 540_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^first load: /m);
    const events = JSON.parse(readFileSync(join(clone, 'dist/data/events.geojson'), 'utf8'));
    expect(events.features.length).toBeGreaterThan(10);
    const { url, server } = await serve(join(clone, 'dist'));
    servers.push(server);
    const browser = await launch();
    try {
      const { page, errors } = await openApp(browser, url);
      expect(await page.locator('.banner-error').count()).toBe(0);
      expect(await page.locator('#list .list-item').count()).toBe(events.features.length);
      expect(await page.evaluate(() => window.__flankline.visibleCount())).toBe(events.features.length);
      // a published site has no review mode
      expect(await page.locator('.wb-toolbar').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 600_000);

  test('npm run build -- DIR publishes a corpus with its corrections: a rejected event stays in the data and is not shown', async () => {
    const corpus = mkdtempSync(join(tmpdir(), 'flankline-corpus-'));
    writeFileSync(join(corpus, 'a.txt'), 'Drones\n\nRussian drones violated Polish airspace on 10 September 2025. NATO defence ministers met in Brussels on 12 September 2025.\n');
    const first = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/geocode.ts', '--input', corpus, '--output', join(corpus, 'out/events.geojson')], { cwd: clone, encoding: 'utf8' });
    expect(first.status).toBe(0);
    const features = JSON.parse(readFileSync(join(corpus, 'out/events.geojson'), 'utf8')).features as { id: string; properties: { title: string; place: { name: string }; category: string; start: string; sources: { start: number; end: number }[] } }[];
    expect(features).toHaveLength(2);
    const meeting = features.find((f) => f.properties.category === 'meeting')!;
    const text = readFileSync(join(corpus, 'a.txt'), 'utf8');
    const { start, end } = meeting.properties.sources[0];
    const sha256 = execFileSync('sha256sum', { input: text, encoding: 'utf8' }).split(' ')[0];
    writeFileSync(join(corpus, 'corrections.json'), JSON.stringify({ revision: 1, corrections: [{
      id: 'c1', action: 'reject', event: meeting.id, anchor: { doc: 'a.txt', sha256, start, end, quote: text.slice(start, end) },
      by: 'Ana', at: '2025-10-20T10:00:00.000Z', reason: 'not about the flank' }] }, null, 2));
    const out = join(clone, 'site');
    const run = spawnSync('npm', ['run', 'build', '--silent', '--', corpus, '--out', out], { cwd: clone, encoding: 'utf8', timeout: 300_000 });
    expect(run.status, run.stderr).toBe(0);
    const published = JSON.parse(readFileSync(join(out, 'data/events.geojson'), 'utf8')).features;
    expect(published.find((f: { id: string }) => f.id === meeting.id).properties.review).toMatchObject({ state: 'rejected', by: 'Ana' });
    const { url, server } = await serve(out);
    servers.push(server);
    const browser = await launch();
    try {
      const { page, errors } = await openApp(browser, url);
      const titles = await page.locator('#list .list-title').allTextContents();
      expect(titles).toEqual([features.find((f) => f.id !== meeting.id)!.properties.title]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 600_000);
});
