import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { checkExcerpts, validateDocuments, validateEvents } from '../../src/model/index.ts';
import { synthesize } from '../../scripts/synth-events.ts';
import { decodeColumnar, eventAt } from '../../src/model/columnar.ts';
import { decodePosture } from '../../src/model/posture-table.ts';
import { decodeTexts } from '../../src/model/text-table.ts';

/** These tests start the script in a new process (npx + tsx): seconds on a loaded 2-core machine. */
const SCRIPT_TIMEOUT_MS = 60_000;

describe('synthetic corpus', () => {
  it('synthesize() makes events that pass validateEvents and checkExcerpts', () => {
    const data = synthesize({ events: 4000, seed: 42 });
    const events = validateEvents({ type: 'FeatureCollection', features: Array.from({ length: data.count }, (_, i) => data.featureAt(i)) });
    const documents = validateDocuments(data.documents);
    expect(events.ok && documents.ok).toBe(true);
    if (events.ok && documents.ok) expect(checkExcerpts(events.value, documents.value)).toEqual([]);
  });

  it('synthesize() mixes categories, precisions, persisting states and 1-3 sources over several years in Europe', () => {
    const data = synthesize({ events: 5000, seed: 9 });
    const features = Array.from({ length: data.count }, (_, i) => data.featureAt(i));
    const count = (pick: (p: (typeof features)[number]['properties']) => string) => new Set(features.map((f) => pick(f.properties)));
    expect(count((p) => p.category).size).toBe(10);
    expect(count((p) => p.precision)).toEqual(new Set(['day', 'month', 'year']));
    expect(count((p) => String(p.sources.length))).toEqual(new Set(['1', '2', '3']));
    expect(count((p) => p.start.slice(0, 4)).size).toBeGreaterThanOrEqual(5);
    const persisting = features.filter((f) => f.properties.persists);
    expect(persisting.length).toBeGreaterThan(0);
    expect(persisting.some((f) => f.properties.until === null) && persisting.some((f) => f.properties.until !== null)).toBe(true);
    for (const f of features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon > -12 && lon < 42 && lat > 34 && lat < 72).toBe(true);
    }
  });

  it('synthesize() is deterministic for a seed and differs between seeds', () => {
    const a = synthesize({ events: 300, seed: 5 });
    const b = synthesize({ events: 300, seed: 5 });
    const c = synthesize({ events: 300, seed: 6 });
    expect(a.featureAt(123)).toEqual(b.featureAt(123));
    expect(a.columns()).toEqual(b.columns());
    expect(JSON.stringify(a.featureAt(123).properties)).not.toBe(JSON.stringify(c.featureAt(123).properties));
  });

  it('synthesize() gives the same events as columns and as features', () => {
    const data = synthesize({ events: 200, seed: 8 });
    const cols = data.columns();
    for (let i = 0; i < 200; i += 17) {
      const f = data.featureAt(i);
      expect(cols.id[i]).toBe(f.id);
      expect(cols.title[i]).toBe(f.properties.title);
      expect(cols.sourceCount[i]).toBe(f.properties.sources.length);
      expect([cols.lon[i], cols.lat[i]]).toEqual(f.geometry.coordinates);
    }
  });

  it('npm run synth writes a valid events.geojson, documents.json and a matching events.bin, its tables and events.parts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flankline-synth-'));
    try {
      execFileSync('npx', ['tsx', 'scripts/synth.ts', '--events', '1500', '--out', dir, '--seed', '4'], { stdio: 'pipe' });
      const events = validateEvents(JSON.parse(readFileSync(join(dir, 'events.geojson'), 'utf8')));
      const documents = validateDocuments(JSON.parse(readFileSync(join(dir, 'documents.json'), 'utf8')));
      expect(events.ok && documents.ok).toBe(true);
      if (!events.ok || !documents.ok) return;
      expect(events.value.features).toHaveLength(1500);
      expect(checkExcerpts(events.value, documents.value)).toEqual([]);
      const bytes = readFileSync(join(dir, 'events.bin'));
      const bin = decodeColumnar(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      expect(bin.count).toBe(1500);
      const ids = new Set(events.value.features.map((f) => f.id));
      for (let i = 0; i < bin.count; i += 97) expect(ids.has(eventAt(bin, i).id)).toBe(true);
      // events.parts: the same features in the bin's row order, 1000 a part
      expect(readdirSync(join(dir, 'events.parts'))).toEqual(['00000.json', '00001.json']);
      const parts = ['00000.json', '00001.json'].map((name) => validateEvents(JSON.parse(readFileSync(join(dir, 'events.parts', name), 'utf8'))));
      const rows = parts.flatMap((p) => (p.ok ? p.value.features : []));
      expect(rows.map((f) => f.id)).toEqual(Array.from({ length: bin.count }, (_, row) => eventAt(bin, row).id));
      const byId = new Map(events.value.features.map((f) => [f.id, f]));
      expect(rows[1234]).toEqual(byId.get(rows[1234].id));

      // The companion tables: the posture's states and the excerpts of every row, for this bin.
      const identity = { count: bin.count, totalBytes: bytes.byteLength };
      const table = (name: string) => new Uint8Array(readFileSync(join(dir, name))).buffer;
      const posture = decodePosture(table('events.posture.bin'), 'events.posture.bin', identity);
      const persisting = rows.flatMap((f, row) => (f.properties.persists ? [row] : []));
      expect([...posture.rows].filter((row) => rows[row].properties.persists)).toEqual(persisting);
      const texts = decodeTexts(table('events.text.bin'), 'events.text.bin', identity);
      expect(texts.refOffsets[1500]).toBe(rows.reduce((n, f) => n + new Set(f.properties.sources.map((s) => s.excerpt)).size, 0));

      // --format app: what the app reads, without the GeoJSON; a smaller rerun leaves no part of the bigger one
      rmSync(join(dir, 'events.geojson'));
      execFileSync('npx', ['tsx', 'scripts/synth.ts', '--events', '800', '--out', dir, '--seed', '4', '--format', 'app'], { stdio: 'pipe' });
      expect(readdirSync(dir).sort()).toEqual(['documents.json', 'events.bin', 'events.parts', 'events.posture.bin', 'events.text.bin']);
      expect(readdirSync(join(dir, 'events.parts'))).toEqual(['00000.json']);
      const small = readFileSync(join(dir, 'events.bin'));
      expect(decodeColumnar(small.buffer.slice(small.byteOffset, small.byteOffset + small.byteLength)).count).toBe(800);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, SCRIPT_TIMEOUT_MS);

  it('npm run synth refuses a missing --out with a usage line', () => {
    expect(() => execFileSync('npx', ['tsx', 'scripts/synth.ts', '--events', '10'], { stdio: 'pipe' })).toThrow(/--out is required/);
  }, SCRIPT_TIMEOUT_MS);
});
