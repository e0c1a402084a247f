import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventFeature, SourceDocument } from '../../../src/model/index.ts';
import { decodeColumnar, encodeFeatures } from '../../../src/model/columnar.ts';
import { featuresInRowOrder } from '../../../src/model/parts.ts';
import { encodePosture, postureOfFeatures } from '../../../src/model/posture-table.ts';
import { encodeTexts, textCount, textsOfFeatures } from '../../../src/model/text-table.ts';
import { loadEvents } from '../../../src/app/data/load-events.ts';
import { ColumnarLoadError } from '../../../src/app/data/load-columnar.ts';
import { prepareEvents } from '../../../src/app/data/prepared-events.ts';
import { synthesize } from '../../../scripts/synth-events.ts';

const BASE = 'https://flankline.test/data/';
const EVENTS_URL = `${BASE}events.geojson`;

function corpus(n: number, seed = 3) {
  const data = synthesize({ events: n, seed });
  const features: EventFeature[] = Array.from({ length: n }, (_, i) => data.featureAt(i));
  const bin = encodeFeatures(features);
  const rows = featuresInRowOrder(features);
  const identity = { count: n, totalBytes: bin.byteLength };
  return {
    features,
    bin,
    documents: data.documents as SourceDocument[],
    posture: encodePosture(postureOfFeatures(rows), identity),
    texts: encodeTexts(textsOfFeatures(rows), identity),
  };
}

/** A fetch that serves `files` (by name beside the events file) and 404s the rest; records what was asked for. */
function serve(files: Record<string, string | ArrayBuffer>) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const name = url.slice(BASE.length);
      asked.push(name);
      const body = files[name];
      if (body === undefined) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
      const type = typeof body === 'string' ? 'application/json' : 'application/octet-stream';
      return new Response(body, { status: 200, headers: { 'content-type': type } });
    }),
  );
  return asked;
}

/** The worker's work, done here: what loadColumnar gives the app. */
const loadBinFrom = (bin: ArrayBuffer) => vi.fn(async () => prepareEvents(decodeColumnar(bin.slice(0))));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadEvents(): one way in for every dataset', () => {
  it('loadEvents() reads events.bin and its posture table when they are there, and never downloads the GeoJSON', async () => {
    const c = corpus(300);
    const asked = serve({ 'events.bin': c.bin, 'events.posture.bin': c.posture, 'documents.json': JSON.stringify(c.documents) });
    const loadBin = loadBinFrom(c.bin);
    const result = await loadEvents(EVENTS_URL, { loadBin });
    if (!result.ok) throw new Error(result.errors.join(' '));
    expect(loadBin).toHaveBeenCalledWith(`${BASE}events.bin`);
    expect(result.dataset.table.length).toBe(300);
    expect(result.dataset.posture.rows.length).toBeGreaterThan(0);
    expect(result.documents.size).toBe(c.documents.length);
    expect(result.warnings).toEqual([]);
    expect(asked).not.toContain('events.geojson');
    // The excerpts come on the first search, from events.text.bin.
    expect(asked).not.toContain('events.text.bin');
    serve({ 'events.text.bin': c.texts });
    const texts = await result.dataset.texts();
    expect(typeof texts === 'string' ? texts : textCount(texts)).toBe(textCount(textsOfFeatures(featuresInRowOrder(c.features))));
  });

  it('loadEvents() reads the GeoJSON when there is no bin, into the same columnar form, full features at hand', async () => {
    const c = corpus(40);
    const asked = serve({
      'events.geojson': JSON.stringify({ type: 'FeatureCollection', features: c.features }),
      'documents.json': JSON.stringify(c.documents),
      'corpus.json': JSON.stringify({ title: 'Synthetic flank', subtitle: 'Forty events' }),
    });
    const loadBin = vi.fn();
    const result = await loadEvents(EVENTS_URL, { loadBin });
    if (!result.ok) throw new Error(result.errors.join(' '));
    expect(loadBin).not.toHaveBeenCalled();
    // corpus.json (the title) is asked for beside the events, at the same time; then the bin, then the GeoJSON it falls back to.
    expect(asked).toEqual(['corpus.json', 'events.bin', 'events.geojson', 'documents.json']);
    expect(result.corpus).toEqual({ title: 'Synthetic flank', subtitle: 'Forty events' });
    const { table, details, posture } = result.dataset;
    expect(table.length).toBe(40);
    expect(details.peek(7)?.id).toBe(table.feature(7).id);
    expect(details.peek(7)?.properties.sources.length).toBeGreaterThan(0);
    expect([...posture.rows]).toEqual([...postureOfFeatures(featuresInRowOrder(c.features)).rows]);
  });

  it('loadEvents(): a bin that is there but broken is an error naming it, not a silent fallback to the GeoJSON', async () => {
    const c = corpus(20);
    const asked = serve({ 'events.bin': c.bin, 'events.geojson': '{}' });
    const loadBin = vi.fn(async () => {
      throw new ColumnarLoadError(
        'events file: columnar: truncated: header says 900 bytes, got 450',
        'columnar: truncated: header says 900 bytes, got 450',
        false,
      );
    });
    expect(await loadEvents(EVENTS_URL, { loadBin })).toEqual({
      ok: false,
      errors: ['events.bin cannot be read: truncated: header says 900 bytes, got 450.'],
    });
    expect(asked).not.toContain('events.geojson');
  });

  it('loadEvents(): a bin gone by the time the worker asks for it leaves the GeoJSON to read', async () => {
    const c = corpus(20);
    serve({ 'events.bin': c.bin, 'events.geojson': JSON.stringify({ type: 'FeatureCollection', features: c.features }) });
    const loadBin = vi.fn(async () => {
      throw new ColumnarLoadError('events file: events.bin is missing (HTTP 404)', 'events.bin is missing (HTTP 404)', true);
    });
    const result = await loadEvents(EVENTS_URL, { loadBin });
    expect(result.ok && result.dataset.table.length).toBe(20);
  });

  it('loadEvents(): without its posture table, or with one from another run, the map still loads and a warning says what is off', async () => {
    const c = corpus(200);
    const other = corpus(150, 9);
    serve({ 'events.bin': c.bin, 'documents.json': JSON.stringify(c.documents) });
    const missing = await loadEvents(EVENTS_URL, { loadBin: loadBinFrom(c.bin) });
    expect(missing.ok && missing.dataset.posture.rows.length).toBe(0);
    expect(missing.ok && missing.warnings).toEqual([
      'events.posture.bin is missing (HTTP 404): host-nation tints, contributor arcs, headquarters squares and the posture summary are off; ' +
        'regenerate it with the pipeline (npm run geocode) or npm run synth.',
    ]);
    serve({ 'events.bin': c.bin, 'events.posture.bin': other.posture, 'documents.json': JSON.stringify(c.documents) });
    const mismatched = await loadEvents(EVENTS_URL, { loadBin: loadBinFrom(c.bin) });
    expect(mismatched.ok && mismatched.warnings[0]).toMatch(
      /^events\.posture\.bin: belongs to another events\.bin \(150 rows, \d+ bytes; events\.bin has 200 rows/,
    );
  });

  it('loadEvents(): a text table that is missing or from another run is a sentence the search shows, not a failure', async () => {
    const c = corpus(60);
    const other = corpus(60, 8);
    serve({ 'events.bin': c.bin, 'events.posture.bin': c.posture });
    const result = await loadEvents(EVENTS_URL, { loadBin: loadBinFrom(c.bin) });
    if (!result.ok) throw new Error(result.errors.join(' '));
    expect(await result.dataset.texts()).toBe('events.text.bin is missing (HTTP 404)');
    serve({ 'events.bin': c.bin, 'events.posture.bin': c.posture, 'events.text.bin': other.texts });
    const again = await loadEvents(EVENTS_URL, { loadBin: loadBinFrom(c.bin) });
    if (!again.ok) throw new Error(again.errors.join(' '));
    expect(await again.dataset.texts()).toMatch(/^events\.text\.bin: belongs to another events\.bin/);
  });
});
