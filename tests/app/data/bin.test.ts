import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventFeature } from '../../../src/model/index.ts';
import { binUrlOf, BIN_DEFAULTS, createDetailsSource, partUrlOf, peekBin, tableUrlOf } from '../../../src/app/data/bin.ts';
import { decodeColumnar, encodeFeatures, eventAt, type ColumnarEvents } from '../../../src/model/columnar.ts';
import { partsOfFeatures } from '../../../src/model/parts.ts';
import { synthesize } from '../../../scripts/synth-events.ts';

const EVENTS_URL = 'https://flankline.test/data/events.geojson';

function dataset(n: number, seed = 5, partSize = 1000): { features: EventFeature[]; columns: ColumnarEvents; parts: Map<string, string> } {
  const data = synthesize({ events: n, seed });
  const features = Array.from({ length: n }, (_, i) => data.featureAt(i));
  const parts = new Map([...partsOfFeatures(features, partSize)].map((p) => [`https://flankline.test/data/events.parts/${p.name}`, p.json]));
  return { features, columns: decodeColumnar(encodeFeatures(features)), parts };
}

/** A fetch that serves `files` by URL and 404s the rest; counts requests. */
function serve(files: ReadonlyMap<string, string>) {
  const requests: string[] = [];
  const fetch = vi.fn(async (url: string) => {
    requests.push(url);
    const body = files.get(url);
    return body === undefined
      ? new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } })
      : new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return requests;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the files beside the events URL', () => {
  it('binUrlOf() swaps .geojson for .bin, keeps a .bin URL and a query, drops a hash', () => {
    expect(binUrlOf(EVENTS_URL)).toBe('https://flankline.test/data/events.bin');
    expect(binUrlOf('data/events.geojson')).toBe('data/events.bin');
    expect(binUrlOf('https://x.test/corpora/acled-2024.geojson')).toBe('https://x.test/corpora/acled-2024.bin');
    expect(binUrlOf('https://x.test/data/events.bin')).toBe('https://x.test/data/events.bin');
    expect(binUrlOf('https://x.test/data/events.geojson?v=3#top')).toBe('https://x.test/data/events.bin?v=3');
    expect(binUrlOf('https://x.test/a.geojson.d/events.json')).toBe('https://x.test/a.geojson.d/events.bin');
  });

  it('tableUrlOf() names the posture and text tables beside the events file, keeping a query', () => {
    expect(tableUrlOf(EVENTS_URL, 'posture')).toBe('https://flankline.test/data/events.posture.bin');
    expect(tableUrlOf('https://x.test/data/events.bin?v=3#top', 'text')).toBe('https://x.test/data/events.text.bin?v=3');
  });

  it('partUrlOf() names the part file in the parts folder beside the events file', () => {
    expect(partUrlOf(EVENTS_URL, 3)).toBe('https://flankline.test/data/events.parts/00003.json');
    expect(partUrlOf('https://x.test/data/events.bin?v=3', 12)).toBe('https://x.test/data/events.parts/00012.json?v=3');
  });
});

describe('peekBin() reads the header alone', () => {
  const binOf = (n: number) => new Uint8Array(encodeFeatures(dataset(n).features)) as Uint8Array<ArrayBuffer>;
  const answer = (status: number, body: Uint8Array<ArrayBuffer> | string, type = 'application/octet-stream') =>
    vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status, headers: { 'content-type': type } })));

  it('peekBin() asks for the first 32 bytes and gives the count, whether the server honours the range or not', async () => {
    answer(200, binOf(30));
    expect(await peekBin('https://flankline.test/data/events.bin', 'events.bin')).toEqual({ missing: false, count: 30 });
    expect(fetch).toHaveBeenCalledWith('https://flankline.test/data/events.bin', { headers: { Range: 'bytes=0-31' } });
    answer(206, binOf(30).slice(0, 32));
    expect(await peekBin('https://flankline.test/data/events.bin', 'events.bin')).toEqual({ missing: false, count: 30 });
  });

  it('peekBin(): no bin is a 404 or the HTML page a dev server answers with; an unknown header is left to the worker', async () => {
    answer(404, 'not found', 'text/plain');
    expect(await peekBin('https://flankline.test/data/events.bin', 'events.bin')).toEqual({ missing: true });
    answer(200, '<!doctype html><html></html>', 'text/html');
    expect(await peekBin('https://flankline.test/data/events.bin', 'events.bin')).toEqual({ missing: true });
    answer(200, new Uint8Array(64));
    expect(await peekBin('https://flankline.test/data/events.bin', 'events.bin')).toEqual({ missing: false, count: null });
  });

  it('peekBin(): a bin that cannot be fetched (403 from object storage, 500, no network) is no bin, said quietly in the console', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    for (const status of [403, 500, 503]) {
      answer(status, 'Forbidden', 'application/xml');
      expect(await peekBin('https://flankline.test/data/events.bin', 'events.bin')).toEqual({ missing: true });
      expect(info).toHaveBeenLastCalledWith(`events.bin is not available (HTTP ${status}); reading the GeoJSON instead.`);
    }
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    expect(await peekBin('https://flankline.test/data/events.bin', 'events.bin')).toEqual({ missing: true });
    expect(info).toHaveBeenLastCalledWith('events.bin could not be fetched (Failed to fetch); reading the GeoJSON instead.');
    info.mockRestore();
  });
});

describe('createDetailsSource() with a stubbed fetch', () => {
  it('createDetailsSource() returns the feature of any row from its part, fetching each part once', async () => {
    const { features, columns, parts } = dataset(2500);
    const requests = serve(parts);
    const details = createDetailsSource(EVENTS_URL, columns);
    const byId = new Map(features.map((f) => [f.id, f]));
    for (const row of [0, 999, 1000, 2499, 1500, 3]) {
      const feature = await details.feature(row);
      expect(feature).toEqual(byId.get(feature.id));
      expect(feature.id).toBe(eventAt(columns, row).id);
    }
    expect(requests).toEqual([0, 1, 2].map((k) => `https://flankline.test/data/events.parts/0000${k}.json`));
  });

  it('createDetailsSource() has a row at hand (peek) only once its part has arrived', async () => {
    const { columns, parts } = dataset(2500);
    serve(parts);
    const details = createDetailsSource(EVENTS_URL, columns);
    expect(details.peek(1500)).toBeUndefined();
    const full = await details.feature(1500);
    expect(details.peek(1500)).toBe(full);
    expect(details.peek(1999)?.id).toBe(eventAt(columns, 1999).id);
    expect(details.peek(2000)).toBeUndefined();
  });

  it('createDetailsSource() keeps only the most recently used parts', async () => {
    const { columns, parts } = dataset(100, 5, 10);
    const requests = serve(parts);
    const details = createDetailsSource(EVENTS_URL, columns, 10);
    for (let k = 0; k < BIN_DEFAULTS.cachedParts + 1; k++) await details.feature(10 * k);
    await details.feature(10 * BIN_DEFAULTS.cachedParts); // still cached
    await details.feature(5); // part 0 was the least recently used: fetched again
    expect(requests).toHaveLength(BIN_DEFAULTS.cachedParts + 2);
    expect(requests.at(-1)).toBe('https://flankline.test/data/events.parts/00000.json');
  });

  it('createDetailsSource() names a missing part, and fetches it again on the next try', async () => {
    const { columns, parts } = dataset(2500);
    parts.delete('https://flankline.test/data/events.parts/00002.json');
    const requests = serve(parts);
    const details = createDetailsSource(EVENTS_URL, columns);
    await expect(details.feature(2100)).rejects.toThrow(/^events\.parts\/00002\.json is missing \(HTTP 404\)/);
    await expect(details.feature(2100)).rejects.toThrow(/events\.parts\/00002\.json is missing/);
    expect(requests.filter((u) => u.endsWith('00002.json'))).toHaveLength(2);
    // a dev server (vite) answers an unknown path with its index.html: that is a missing part too, not broken JSON
    vi.stubGlobal('fetch', async () => new Response('<!doctype html><html></html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    await expect(createDetailsSource(EVENTS_URL, columns).feature(2100)).rejects.toThrow(/^events\.parts\/00002\.json is missing \(HTTP 200, an HTML page\)/);
  });

  it('createDetailsSource() names a part from another run: another id at the row, or another number of events', async () => {
    const mine = dataset(2500, 5);
    const other = dataset(2500, 6);
    const part1 = 'https://flankline.test/data/events.parts/00001.json';
    // part 1 of another corpus, in place of this one's
    serve(new Map([...mine.parts, [part1, other.parts.get(part1)!]]));
    const details = createDetailsSource(EVENTS_URL, mine.columns);
    const error = await details.feature(1012).catch((e: Error) => e.message);
    const binId = eventAt(mine.columns, 1012).id;
    const partId = JSON.parse(other.parts.get(part1)!).features[12].id;
    expect(partId).not.toBe(binId);
    expect(error).toBe(`events.parts/00001.json does not match events.bin (row 1012 is ${binId} in events.bin, ${partId} in the part); regenerate both with the pipeline (npm run geocode) or npm run synth.`);
    // a part with fewer events than the bin has rows there
    const short = dataset(1500, 5);
    serve(short.parts);
    const shortDetails = createDetailsSource(EVENTS_URL, mine.columns);
    await expect(shortDetails.feature(1200)).rejects.toThrow(/^events\.parts\/00001\.json does not match events\.bin \(it has 500 events, events\.bin has 1000 in that part\)/);
  });

  it('createDetailsSource() names a part that is not JSON or breaks the contract, and a row outside the bin', async () => {
    const { columns } = dataset(20);
    serve(new Map([['https://flankline.test/data/events.parts/00000.json', '{"type":"FeatureCollection","features":[{"type":"Feature"']]));
    await expect(createDetailsSource(EVENTS_URL, columns).feature(3)).rejects.toThrow(/^events\.parts\/00000\.json is not valid JSON: /);
    serve(new Map([['https://flankline.test/data/events.parts/00000.json', '{"type":"FeatureCollection","features":[{"type":"Feature"}]}']]));
    await expect(createDetailsSource(EVENTS_URL, columns).feature(3)).rejects.toThrow(/^events\.parts\/00000\.json does not follow the event data contract: features\[0\]/);
    await expect(createDetailsSource(EVENTS_URL, columns).feature(20)).rejects.toThrow('row 20 is not in events.bin (20 events).');
  });
});
