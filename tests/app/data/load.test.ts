import { afterEach, describe, expect, test, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadDataset, resolveEventsUrl } from '../../../src/app/data/load.ts';

const EVENTS = readFileSync('tests/fixtures/fixture-events.geojson', 'utf8');
const DOCUMENTS = readFileSync('tests/fixtures/fixture-documents.json', 'utf8');

/** A stand-in for the web server: path -> body (absent paths answer 404). */
function serve(files: Record<string, string>) {
  vi.stubGlobal('fetch', async (url: string) => {
    const body = files[new URL(url).pathname];
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
  });
}

afterEach(() => { vi.unstubAllGlobals(); });

describe('loading the dataset', () => {
  test('resolveEventsUrl() defaults to data/events.geojson beside the page', () => {
    expect(resolveEventsUrl('https://a.example/app/index.html')).toEqual({ url: 'https://a.example/app/data/events.geojson' });
  });

  test('resolveEventsUrl() follows ?data= on the same origin and refuses another origin', () => {
    expect(resolveEventsUrl('https://a.example/app/?data=other/e.geojson')).toEqual({ url: 'https://a.example/app/other/e.geojson' });
    expect(resolveEventsUrl('https://a.example/?data=https://b.example/e.geojson')).toHaveProperty('error');
  });

  test('loadDataset() loads the fixture with its documents and no warnings', async () => {
    serve({ '/data/events.geojson': EVENTS, '/data/documents.json': DOCUMENTS });
    const result = await loadDataset('https://a.example/data/events.geojson');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.events.features.length).toBe(JSON.parse(EVENTS).features.length);
    expect(result.dataset.documents.get('fixture-02-airspace.txt')?.title).toMatch(/Vaindloo/);
    expect(result.dataset.warnings).toEqual([]);
  });

  test('loadDataset() names a missing events file', async () => {
    serve({});
    expect(await loadDataset('https://a.example/data/events.geojson')).toEqual({ ok: false, errors: ['data/events.geojson is missing (HTTP 404).'] });
  });

  test('loadDataset() names an events file that is not JSON', async () => {
    serve({ '/data/events.geojson': '{"type": "Feat' });
    const result = await loadDataset('https://a.example/data/events.geojson');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^data\/events\.geojson is not valid JSON: /);
  });

  test('loadDataset() lists contract violations with their paths', async () => {
    const broken = JSON.parse(EVENTS);
    broken.features[2].properties.start = '2025-02-30';
    serve({ '/data/events.geojson': JSON.stringify(broken) });
    const result = await loadDataset('https://a.example/data/events.geojson');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain('features[2].properties.start');
  });

  test('loadDataset() still shows events when documents.json is missing, with a warning', async () => {
    serve({ '/data/events.geojson': EVENTS });
    const result = await loadDataset('https://a.example/data/events.geojson');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.documents.size).toBe(0);
    expect(result.dataset.warnings[0]).toMatch(/data\/documents\.json is missing/);
  });

  test('loadDataset() warns when an excerpt differs from its document text', async () => {
    const docs = JSON.parse(DOCUMENTS);
    docs[0].text = docs[0].text.replace('Tapa', 'Tapo');
    serve({ '/data/events.geojson': EVENTS, '/data/documents.json': JSON.stringify(docs) });
    const result = await loadDataset('https://a.example/data/events.geojson');
    expect(result.ok && result.dataset.warnings[0]).toMatch(/excerpt\(s\) do not match/);
  });
});
