// Issue 12, defect 1 and its property test in the browser: documents whose text, titles and credits hold `$`
// replacement patterns ("US$$2 million", "$`"), `</script>`, `<!--`, lone surrogates and right-to-left marks go
// through the real commands (geocode, then export:html); the exported file, opened from disk, lists every event
// and opens each with its excerpt exactly as written. Before the fix the export exited 0 with no events, or with the
// app's script inserted many times over.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { EventCollection } from '../../src/model/index.ts';
import { launch } from './browser.ts';
import { hostileCorpus, type HostileDocument } from '../fuzz/hostile-corpus.ts';
import { FUZZ_SEED } from '../fuzz/mutate.ts';

const run = promisify(execFile);
let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flankline-hostile-export-'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The issue's own cases, then one random hostile corpus (fixed seed) renamed so the files do not clash. */
function corpus(): HostileDocument[] {
  const fixed: HostileDocument[] = [
    { file: 'dollars.txt', title: 'Damage put at US$$2 million', credit: 'Wire $& Co', published: '2025-10-01',
      text: 'Damage\nA cargo plane crashed near Vilnius on 25 November 2024; damage was put at US$$2 million, or $` and $\'.\n' },
    { file: 'backtick.txt', title: 'Talks $` in Brussels </script><!--', credit: 'Agency \u200f$\'', published: '2025-10-16',
      text: 'Talks\nNATO defence ministers met in Brussels on 15 October 2025 </script><!-- and $$ more.\n' },
  ];
  const [random] = fc.sample(hostileCorpus, { seed: FUZZ_SEED, numRuns: 1 });
  return [...fixed, ...random.map((d, i) => ({ ...d, file: `random-${i}.txt` }))];
}

test('export:html of hostile text: every event listed, each excerpt intact, no error', async () => {
  const docs = corpus();
  mkdirSync(join(dir, 'in'));
  for (const d of docs) writeFileSync(join(dir, 'in', d.file), d.text);
  writeFileSync(join(dir, 'in/manifest.json'), JSON.stringify({ documents: docs.map(({ file, title, credit, published }) => ({ file, title, credit, published })) }));
  const out = join(dir, 'out');
  await run(process.execPath, ['--import', 'tsx', 'scripts/geocode.ts', '--input', join(dir, 'in'), '--output', join(out, 'events.geojson'),
    '--documents', join(out, 'documents.json')], { timeout: 120_000 });
  const events = JSON.parse(readFileSync(join(out, 'events.geojson'), 'utf8')) as EventCollection;
  expect(events.features.length).toBeGreaterThanOrEqual(2);
  const html = join(dir, 'hostile.html');
  const exported = await run(process.execPath, ['--import', 'tsx', 'scripts/export-html.ts', '--out', html, '--data', out], { timeout: 200_000 });
  expect(exported.stdout).toMatch(/wrote .*hostile\.html \(\d+\.\d MB\)/);
  expect(readFileSync(html, 'utf8').split('<script type="module">')).toHaveLength(2);

  const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try {
    await page.goto(pathToFileURL(html).href);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 90_000 });
    expect(await page.locator('.banner').count()).toBe(0);
    const listed = await page.locator('.list-item').evaluateAll((items) => items.map((b) => (b as HTMLElement).dataset.id));
    expect(listed.sort()).toEqual(events.features.map((f) => f.id).sort());
    for (const f of events.features) {
      await page.locator(`.list-item[data-id="${f.id}"]`).click();
      await page.locator('#panel .excerpt').first().waitFor({ state: 'visible' });
      const shown = await page.locator('#panel .excerpt').allTextContents();
      expect(shown).toEqual(f.properties.sources.map((s) => s.excerpt));
      await page.keyboard.press('Escape');
    }
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}, 400_000);
