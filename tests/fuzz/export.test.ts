// Property test of issue 12: corpora whose titles, credits and texts hold `$` patterns, `</script>`, `<!--`, lone
// surrogates and right-to-left marks go through the pipeline and the single-file export's assembly; the page's data
// element reads back as every event with its excerpt intact. (tests/browser/export-hostile.test.ts opens one such
// export in chromium; this one runs many corpora without a browser.)
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResources } from '../pipeline/resources.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { write } from '../../src/pipeline/write.ts';
import { checkExcerpts, validateDocuments, validateEvents, type EventCollection } from '../../src/model/index.ts';
import type { PipelineResources } from '../../src/pipeline/index.ts';
import type { InlinedBundle } from '../../src/app/export/inlined.ts';
import { assemblePage, scriptElements, verifyExport } from '../../scripts/export-page.ts';
import { FUZZ_RUNS, FUZZ_SEED } from './mutate.ts';
import { hostileCorpus, hostileString } from './hostile-corpus.ts';

let resources: PipelineResources;
beforeAll(() => { resources = loadResources(); }, 60_000);

// The shape of vite's index.html (CSP meta, one module script, one stylesheet), with the real page's policy.
const POLICY = /<meta http-equiv="Content-Security-Policy"[^>]*>/.exec(readFileSync('index.html', 'utf8'))![0];
const BUILT = `<!doctype html><html><head>${POLICY}<title>t</title>`
  + '<script type="module" crossorigin src="./assets/index.js"></script><link rel="stylesheet" crossorigin href="./assets/index.css">'
  + '</head><body><p>app</p></body></html>';

function exportOf(bundle: InlinedBundle, js = 'console.log(1)') {
  const page = assemblePage(BUILT, (href) => (href.endsWith('.js') ? js : 'body{}'), bundle);
  return { page, problems: verifyExport(page.html, page, bundle) };
}

/** The data element of a page, read as the browser reads it. */
function inlinedOf(html: string): InlinedBundle {
  const data = scriptElements(html).find((e) => e.attributes.includes('id="flankline-inlined"'))!;
  return JSON.parse(data.text) as InlinedBundle;
}

describe('the single-file export with hostile text', { timeout: 120_000 }, () => {
  it('assemblePage() puts any string into the page unchanged, `$` patterns and `</script>` included', () => {
    fc.assert(fc.property(hostileString, hostileString, (title, code) => {
      const bundle: InlinedBundle = { files: { 'data/x.json': { title } }, view: 'time=2025-01-01' };
      const { page, problems } = exportOf(bundle, `const s = ${JSON.stringify(code)};`);
      expect(problems).toEqual([]);
      expect(inlinedOf(page.html)).toEqual(bundle);
      expect(scriptElements(page.html)).toHaveLength(2);
    }), { seed: FUZZ_SEED, numRuns: 300 * FUZZ_RUNS });
  });

  it('runPipeline() then the export keep every event with its excerpt intact', () => {
    let events = 0;
    fc.assert(fc.property(hostileCorpus, (docs) => {
      const inputs = docs.map((d) => ({
        file: d.file, bytes: new TextEncoder().encode(d.text), meta: { file: d.file, title: d.title, credit: d.credit, published: d.published },
      }));
      const result = runPipeline(inputs, resources);
      const files = write(result.events, result.documents, result.mentions);
      const bundle: InlinedBundle = { files: { 'data/events.geojson': JSON.parse(files.events), 'data/documents.json': JSON.parse(files.documents) } };
      const { page, problems } = exportOf(bundle);
      expect(problems).toEqual([]);
      const read = inlinedOf(page.html);
      const collection = validateEvents(read.files['data/events.geojson']);
      const documents = validateDocuments(read.files['data/documents.json']);
      expect(collection.ok && documents.ok).toBe(true);
      if (!collection.ok || !documents.ok) return;
      expect(collection.value.features).toHaveLength(files.eventCount);
      expect(checkExcerpts(collection.value, documents.value)).toEqual([]);
      // Titles and credits come back exactly as the manifest gave them.
      expect(documents.value.map((d) => [d.title, d.credit])).toEqual(docs.map((d) => [d.title, d.credit]));
      events += (collection.value as EventCollection).features.length;
    }), { seed: FUZZ_SEED, numRuns: 40 * FUZZ_RUNS });
    expect(events).toBeGreaterThan(20);
  });
});
