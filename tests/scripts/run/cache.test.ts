// The per-document cache as a user meets it: a re-run reads only new and changed documents, writes the same bytes as a
// cold run, and a corrupt or foreign entry is named, ignored and rebuilt.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_PACKAGES, DocumentCache, defaultCacheDir, jsonChunks, pipelineVersion } from '../../../scripts/run/cache.ts';
import { processDocument } from '../../../src/pipeline/index.ts';
import { loadResources } from '../../pipeline/resources.ts';
import { countsOf, generatedFolder, geocode, outputsIn, outputsOf, removeTemps, temp } from './helpers.ts';

afterAll(removeTemps);

/** The cache's entry files (not their mentions' side files), by path. */
function entries(cacheDir: string): string[] {
  return readdirSync(cacheDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.endsWith('.mentions.json')).map((e) => join(e.parentPath, e.name));
}

describe('geocode with its per-document cache', { timeout: 600_000 }, () => {
  let corpus: string;
  let out: string;
  let cacheDir: string;
  let cold: Record<string, string>;
  beforeAll(() => {
    corpus = generatedFolder(24);
    out = temp();
    cacheDir = join(out, '.flankline-cache');
    const run = geocode(['--input', corpus, ...outputsIn(out), '--workers', '1']);
    if (run.code !== 0) throw new Error(run.stderr);
    cold = outputsOf(out);
  }, 300_000);

  it('geocode keeps one entry a document beside the outputs, under a folder for the pipeline version', () => {
    expect(readdirSync(cacheDir)).toEqual([pipelineVersion()]);
    expect(entries(cacheDir)).toHaveLength(24);
  });

  it('geocode re-run reads no document and writes byte-identical files', () => {
    const run = geocode(['--input', corpus, ...outputsIn(out), '--workers', '1']);
    expect(run.code).toBe(0);
    expect(countsOf(run.stdout)).toEqual({ run: 0, cached: 24 });
    expect(outputsOf(out)).toEqual(cold);
  });

  it('geocode after adding documents and editing one reads only those, and writes what a cold run of the new corpus writes', () => {
    const grown = join(temp(), 'grown');
    cpSync(corpus, grown, { recursive: true });
    const more = generatedFolder(3, 7);
    const manifest = JSON.parse(readFileSync(join(grown, 'manifest.json'), 'utf8'));
    for (const entry of JSON.parse(readFileSync(join(more, 'manifest.json'), 'utf8')).documents) {
      const file = `new-${entry.file}`;
      cpSync(join(more, entry.file), join(grown, file));
      manifest.documents.push({ ...entry, file });
    }
    // one document's text changes, another's published date in the manifest
    writeFileSync(join(grown, 'bench-0003.txt'), `${readFileSync(join(grown, 'bench-0003.txt'), 'utf8')}Troops advanced toward Lviv on 3 May 2024.\n`);
    manifest.documents.find((d: { file: string }) => d.file === 'bench-0004.txt').published = '2020-01-01';
    writeFileSync(join(grown, 'manifest.json'), JSON.stringify(manifest));

    const warm = geocode(['--input', grown, ...outputsIn(out), '--workers', '1']);
    expect(warm.code).toBe(0);
    expect(countsOf(warm.stdout)).toEqual({ run: 5, cached: 22 });
    const fresh = temp();
    expect(geocode(['--input', grown, ...outputsIn(fresh), '--no-cache', '--workers', '1']).code).toBe(0);
    expect(existsSync(join(fresh, '.flankline-cache'))).toBe(false);
    expect(outputsOf(out)).toEqual(outputsOf(fresh));
  });

  it('geocode names a corrupt and a foreign cache entry, reads those documents again, and still writes the same bytes', () => {
    const out2 = temp();
    cpSync(out, out2, { recursive: true });
    const cache2 = join(out2, '.flankline-cache');
    const files = entries(cache2).sort();
    writeFileSync(files[0], '{"format":1,"version":"trunc');
    // a valid entry of another document under this document's key
    writeFileSync(files[1], readFileSync(files[2]));
    const run = geocode(['--input', corpus, ...outputsIn(out2), '--workers', '1']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${files[0]}: cache entry for`);
    expect(run.stderr).toMatch(/is corrupt \(not JSON\); the document is read again/);
    expect(run.stderr).toMatch(/is not this document's or not this version's; the document is read again/);
    expect(countsOf(run.stdout)).toEqual({ run: 2, cached: 22 });
    expect(outputsOf(out2)).toEqual(cold);
    // rebuilt: the next run takes them from the cache without a word
    const again = geocode(['--input', corpus, ...outputsIn(out2), '--workers', '1']);
    expect(again.stderr).not.toMatch(/cache entry/);
    expect(countsOf(again.stdout)).toEqual({ run: 0, cached: 24 });
  });

  it('geocode keeps mentions beside each entry and reads them only for a run that writes mentions.json', () => {
    const out2 = temp();
    cpSync(out, out2, { recursive: true });
    const cache2 = join(out2, '.flankline-cache');
    const side = entries(cache2).sort()[0].replace(/\.json$/, '.mentions.json');
    expect(JSON.parse(readFileSync(side, 'utf8')).mentions.length).toBeGreaterThan(0);
    rmSync(side);
    // without --mentions the side file is not needed: every document comes from the cache
    const lean = geocode(['--input', corpus, '--output', join(out2, 'events.geojson'), '--documents', join(out2, 'documents.json'), '--workers', '1']);
    expect(lean.code).toBe(0);
    expect(countsOf(lean.stdout)).toEqual({ run: 0, cached: 24 });
    // with it, the document whose mentions are gone is named and read again, and mentions.json is whole
    const full = geocode(['--input', corpus, ...outputsIn(out2), '--workers', '1']);
    expect(full.code).toBe(0);
    expect(full.stderr).toContain(`${side}: cache entry for`);
    expect(full.stderr).toContain('is missing its mentions; the document is read again');
    expect(countsOf(full.stdout)).toEqual({ run: 1, cached: 23 });
    expect(outputsOf(out2)).toEqual(cold);
  });

  it('geocode without --mentions makes no mention records; a later run with --mentions reads those documents again, quietly', () => {
    const out3 = temp();
    const lean = geocode(['--input', corpus, '--output', join(out3, 'events.geojson'), '--documents', join(out3, 'documents.json'), '--workers', '1']);
    expect(lean.code).toBe(0);
    const cache3 = join(out3, '.flankline-cache');
    expect(entries(cache3)).toHaveLength(24);
    expect(entries(cache3).filter((e) => existsSync(e.replace(/\.json$/, '.mentions.json')))).toEqual([]);
    expect(JSON.parse(readFileSync(entries(cache3)[0], 'utf8')).result.withoutMentions).toBe(true);
    // the events and documents are what a run with mentions writes
    const names = ['events.geojson', 'events.bin', 'documents.json'];
    expect(names.map((n) => createHash('sha256').update(readFileSync(join(out3, n))).digest('hex'))).toEqual(names.map((n) => cold[n]));
    const full = geocode(['--input', corpus, ...outputsIn(out3), '--workers', '1']);
    expect(full.code).toBe(0);
    expect(full.stderr).not.toMatch(/cache entry/);
    expect(countsOf(full.stdout)).toEqual({ run: 24, cached: 0 });
    expect(outputsOf(out3)).toEqual(cold);
  });

  it('geocode removes the cache folders of other pipeline versions after it writes', () => {
    const old = join(cacheDir, '0123456789abcdef');
    mkdirSync(join(old, 'ab'), { recursive: true });
    writeFileSync(join(old, 'ab', 'x.json'), '{}');
    expect(geocode(['--input', corpus, ...outputsIn(out), '--workers', '1']).code).toBe(0);
    expect(readdirSync(cacheDir)).toEqual([pipelineVersion()]);
  });
});

describe('the cache key and version', () => {
  it('pipelineVersion() changes when a source of the pipeline, of the model or the gazetteer index changes', () => {
    const root = temp();
    for (const folder of ['src/pipeline', 'src/model']) cpSync(folder, join(root, folder), { recursive: true });
    for (const name of CODE_PACKAGES) cpSync(`node_modules/${name}/package.json`, join(root, 'node_modules', name, 'package.json'));
    const gazetteerPath = join(root, 'gazetteer.json');
    writeFileSync(gazetteerPath, '{"format":4}');
    const base = pipelineVersion({ root, dataFiles: [gazetteerPath] });
    expect(pipelineVersion({ root, dataFiles: [gazetteerPath] })).toBe(base);
    writeFileSync(join(root, 'src/pipeline/events/extract.ts'), `${readFileSync(join(root, 'src/pipeline/events/extract.ts'), 'utf8')}\n// a change\n`);
    const afterCode = pipelineVersion({ root, dataFiles: [gazetteerPath] });
    expect(afterCode).not.toBe(base);
    writeFileSync(join(root, 'src/model/new-schema.ts'), 'export const x = 1;\n');
    const afterModel = pipelineVersion({ root, dataFiles: [gazetteerPath] });
    expect(afterModel).not.toBe(afterCode);
    writeFileSync(gazetteerPath, '{"format":4 }');
    expect(pipelineVersion({ root, dataFiles: [gazetteerPath] })).not.toBe(afterModel);
  });

  it('DocumentCache.key() differs for another name, another manifest entry or other bytes', () => {
    const cache = new DocumentCache(temp(), 'v', () => {});
    const meta = { file: 'a.txt', title: 'A', credit: null, published: '2025-01-01' };
    const base = cache.key({ file: 'a.txt', bytes: new Uint8Array(), meta }, 'h1');
    expect(cache.key({ file: 'a.txt', bytes: new Uint8Array(), meta }, 'h1')).toBe(base);
    expect(cache.key({ file: 'b.txt', bytes: new Uint8Array(), meta }, 'h1')).not.toBe(base);
    expect(cache.key({ file: 'a.txt', bytes: new Uint8Array(), meta: { ...meta, published: '2025-01-02' } }, 'h1')).not.toBe(base);
    expect(cache.key({ file: 'a.txt', bytes: new Uint8Array(), meta }, 'h2')).not.toBe(base);
  });

  it('defaultCacheDir() puts the cache beside the outputs, but not inside the public/ folder Vite publishes', () => {
    expect(defaultCacheDir('/data/maps/events.geojson', '/work/p')).toBe('/data/maps/.flankline-cache');
    expect(defaultCacheDir('out/events.geojson', '/work/p')).toBe('/work/p/out/.flankline-cache');
    expect(defaultCacheDir('public/data/events.geojson', '/work/p')).toBe('/work/p/.flankline-cache');
  });

  it('DocumentCache.put() writes a large result in pieces that get() reads back whole and equal', () => {
    // 3,000 sentences: thousands of mentions and events, written a thousand at a time.
    const text = Array.from({ length: 3000 }, (_, i) => `Troops from Poland arrived in Vilnius, Lithuania, on ${1 + (i % 28)} May 2025 (report ${i}).`).join(' ');
    const input = { file: 'long.txt', bytes: new TextEncoder().encode(text) };
    const result = processDocument(input, loadResources());
    expect(result.mentions.length).toBeGreaterThan(3000);
    const cache = new DocumentCache(temp(), 'v', () => {});
    const key = cache.key(input, 'h');
    cache.put(key, 'long.txt', result);
    expect(cache.get(key, 'long.txt')).toEqual({ ...result, stageMs: result.stageMs.map(() => 0) });
  });

  it('DocumentCache.put() keeps a result after the cache folder was deleted during the run', () => {
    const input = { file: 'a.txt', bytes: new TextEncoder().encode('Troops from Poland arrived in Vilnius, Lithuania, on 3 May 2025.') };
    const result = processDocument(input, loadResources());
    const dir = temp();
    const warnings: string[] = [];
    const cache = new DocumentCache(dir, 'v', (line) => warnings.push(line));
    const key = cache.key(input, 'h');
    cache.put(key, 'a.txt', result);
    rmSync(dir, { recursive: true, force: true });
    cache.put(key, 'a.txt', result);
    expect(warnings).toEqual([]);
    expect(cache.get(key, 'a.txt')).toEqual({ ...result, stageMs: result.stageMs.map(() => 0) });
  });

  it('jsonChunks() joined is JSON.stringify, undefined properties and holes included', () => {
    const value = { a: [1, undefined, { b: undefined, c: 'x"y' }], long: Array.from({ length: 2500 }, (_, i) => ({ i, s: `é${i}` })), d: null, n: { deep: { deeper: [] } } };
    expect([...jsonChunks(value, 3, 1000)].join('')).toBe(JSON.stringify(value));
    expect([...jsonChunks([], 2)].join('')).toBe('[]');
    expect([...jsonChunks('plain', 2)].join('')).toBe('"plain"');
  });
});
