// The geocode command as a user runs it: exit codes, one-line messages naming the file, files written or not.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateEvents } from '../../src/model/index.ts';
import { decodeColumnar, eventAt, stringAt } from '../../src/model/columnar.ts';
import { decodePosture } from '../../src/model/posture-table.ts';
import { decodeTexts } from '../../src/model/text-table.ts';

const FIXTURES = 'tests/fixtures/pipeline';

function geocode(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/geocode.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const temp = () => mkdtempSync(join(tmpdir(), 'geocode-'));

describe('npm run geocode', { timeout: 120_000 }, () => {
  it('geocode exits 1, names the binary file and the missing one, and still writes the good documents\' events', () => {
    const out = temp();
    const run = geocode('--input', join(FIXTURES, 'mixed'), '--output', join(out, 'deep/er/events.geojson'), '--documents', join(out, 'documents.json'), '--report', join(out, 'report.md'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^geocode: binary\.txt: looks binary/m);
    expect(run.stderr).toMatch(/manifest\.json: lists missing\.txt/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const events = JSON.parse(readFileSync(join(out, 'deep/er/events.geojson'), 'utf8'));
    expect(events.features.map((f: { properties: { place: { name: string } } }) => f.properties.place.name)).toContain('Romania');
    const documents = JSON.parse(readFileSync(join(out, 'documents.json'), 'utf8'));
    expect(documents.map((d: { file: string }) => d.file)).toEqual(['good.txt', 'unlisted.txt']);
    expect(documents[0].text).toBe(readFileSync(join(FIXTURES, 'mixed/good.txt'), 'utf8'));
    // a document the manifest does not list: its first line is its title, its published date unknown
    expect([documents[1].title, documents[1].published]).toEqual(['Ceasefire talks in Geneva', null]);
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toContain('### binary.txt');
    expect(report).toMatch(/Failed: binary\.txt: looks binary/);
    // no temp files left next to the outputs
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('geocode writes the manifest\'s title and subtitle to corpus.json beside the events, and names the manifest for a bad one', () => {
    const out = temp();
    const input = join(out, 'corpus');
    mkdirSync(input);
    writeFileSync(join(input, 'good.txt'), readFileSync(join(FIXTURES, 'mixed/good.txt')));
    const manifest = (top: object) => writeFileSync(join(input, 'manifest.json'), JSON.stringify({ ...top, documents: [
      { file: 'good.txt', title: 'Drones cross into Romania', credit: null, published: '2025-09-14' }] }));
    manifest({ title: 'Romania watch', subtitle: 'Incidents on the Danube' });
    let run = geocode('--input', input, '--output', join(out, 'data/events.geojson'));
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'data/corpus.json'), 'utf8'))).toEqual({ title: 'Romania watch', subtitle: 'Incidents on the Danube' });
    expect(run.stdout).toContain(join(out, 'data/corpus.json'));

    manifest({ title: { text: 'not text' }, subtitle: 'Incidents on the Danube' });
    run = geocode('--input', input, '--output', join(out, 'data/events.geojson'));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^geocode: .*corpus\/manifest\.json: "title" must be one line of text, 1 to 120 characters \(got an object\); it is left out/m);
    expect(JSON.parse(readFileSync(join(out, 'data/corpus.json'), 'utf8'))).toEqual({ title: null, subtitle: 'Incidents on the Danube' });
  });

  it('geocode exits 2 with a usage line and writes nothing for an empty folder', () => {
    const out = temp();
    const empty = join(out, 'empty');
    mkdirSync(empty);
    const run = geocode('--input', empty, '--output', join(out, 'events.geojson'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/empty: no \.txt documents/);
    expect(run.stderr).toMatch(/^usage: /m);
    expect(existsSync(join(out, 'events.geojson'))).toBe(false);
  });

  it('geocode exits 2 naming the manifest and where its JSON breaks', () => {
    const out = temp();
    const run = geocode('--input', join(FIXTURES, 'bad-manifest'), '--output', join(out, 'events.geojson'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad-manifest\/manifest\.json: is not valid JSON at line 1/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, 'events.geojson'))).toBe(false);
  });

  it('geocode exits 2 with a usage line for an unknown flag or a flag without its value', () => {
    const unknown = geocode('--inptu', 'seeds');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option --inptu\nusage: /);
    expect(geocode('--output').code).toBe(2);
    const convention = geocode('--convention', 'wikipedia');
    expect(convention.code).toBe(2);
    expect(convention.stderr).toMatch(/--convention needs one of geonames, factbook, centroid/);
  });

  it('geocode reads a folder without a manifest: first line as title, no published date, mentions written', () => {
    const out = temp();
    const input = join(out, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'b.txt'), 'Explosion at depot\nAn explosion destroyed an ammunition depot near Toropets on 18 September 2024.\n');
    writeFileSync(join(input, 'a.txt'), 'Talks in Geneva\nDiplomats met in Geneva on Monday.\n');
    const run = geocode('--input', input, '--output', join(out, 'e.geojson'), '--documents', join(out, 'd.json'), '--mentions', join(out, 'm.json'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/geocode: recognise .*place mentions found/);
    expect(run.stdout).toMatch(/2 documents \(0 failed\)/);
    const documents = JSON.parse(readFileSync(join(out, 'd.json'), 'utf8'));
    expect(documents.map((d: { file: string; title: string; published: null }) => [d.file, d.title, d.published])).toEqual([
      ['a.txt', 'Talks in Geneva', null], ['b.txt', 'Explosion at depot', null],
    ]);
    const mentions = JSON.parse(readFileSync(join(out, 'm.json'), 'utf8'));
    expect(mentions.map((m: { doc: string }) => m.doc)).toEqual(['a.txt', 'b.txt']);
    expect(mentions[0].mentions.some((m: { text: string; name: string | null }) => m.text === 'Geneva' && m.name !== null)).toBe(true);
    // "on 18 September 2024" is a full date: an event even without a published date
    const events = JSON.parse(readFileSync(join(out, 'e.geojson'), 'utf8'));
    expect(events.features.map((f: { properties: { category: string; start: string } }) => [f.properties.category, f.properties.start])).toEqual([['incident', '2024-09-18']]);
  });

  it('geocode writes events.bin, its posture and text tables and events.parts beside the GeoJSON, and a rerun with fewer documents leaves no stale part', () => {
    const out = temp();
    const input = join(out, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'a.txt'), 'Talks in Geneva\nDiplomats met in Geneva on 3 March 2025.\n');
    writeFileSync(join(input, 'b.txt'), 'Explosion at depot\nAn explosion destroyed an ammunition depot near Toropets on 18 September 2024.\n');
    const events = join(out, 'data/events.geojson');
    const args = ['--input', input, '--output', events, '--documents', join(out, 'data/documents.json')];
    const check = () => {
      const features = JSON.parse(readFileSync(events, 'utf8')).features as { id: string }[];
      const bytes = readFileSync(join(out, 'data/events.bin'));
      const bin = decodeColumnar(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      expect(bin.count).toBe(features.length);
      expect(readdirSync(join(out, 'data/events.parts'))).toEqual(['00000.json']);
      const part = validateEvents(JSON.parse(readFileSync(join(out, 'data/events.parts/00000.json'), 'utf8')));
      if (!part.ok) throw new Error(part.errors[0]);
      expect(part.value.features.map((f) => f.id)).toEqual(Array.from({ length: bin.count }, (_, row) => stringAt(bin, bin.id[row])));
      expect(readdirSync(join(out, 'data')).filter((f) => f.includes('.tmp')).sort()).toEqual([]);
      // The companion tables belong to this bin: the app refuses them otherwise.
      const identity = { count: bin.count, totalBytes: bytes.byteLength };
      const table = (name: string) => new Uint8Array(readFileSync(join(out, 'data', name))).buffer;
      expect(decodeTexts(table('events.text.bin'), 'events.text.bin', identity).refOffsets).toHaveLength(bin.count + 1);
      expect(decodePosture(table('events.posture.bin'), 'events.posture.bin', identity).rows.length).toBeLessThanOrEqual(bin.count);
      return { features, bin };
    };
    const first = geocode(...args);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/events\.bin \(2 events, \d+ KB\), .*events\.posture\.bin, .*events\.text\.bin, .*events\.parts \(1 file\)/);
    expect(check().bin.count).toBe(2);
    // as an earlier run over a bigger corpus would have left it
    writeFileSync(join(out, 'data/events.parts/00001.json'), '{"type":"FeatureCollection","features":[]}\n');
    rmSync(join(input, 'b.txt'));
    expect(geocode(...args).code).toBe(0);
    const second = check();
    expect(second.features.map((f) => f.id)).toEqual([eventAt(second.bin, 0).id]);
  });

  it('geocode exits 2 and names the path when the output cannot be written', () => {
    const out = temp();
    writeFileSync(join(out, 'file'), 'not a folder');
    const run = geocode('--input', join(FIXTURES, 'mixed'), '--output', join(out, 'file/events.geojson'), '--documents', join(out, 'd.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write .*file\/events\.geojson/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
  it('geocode --min-confidence leaves out the events below it, from every output, and refuses a value outside 0-1', () => {
    const all = temp();
    const some = temp();
    expect(geocode('--input', 'seeds', '--output', join(all, 'events.geojson'), '--no-cache').code).toBe(0);
    const run = geocode('--input', 'seeds', '--output', join(some, 'events.geojson'), '--no-cache', '--min-confidence', '0.8');
    expect(run.code).toBe(0);
    const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'events.geojson'), 'utf8')).features as { properties: { confidence: number } }[];
    const kept = read(some);
    const below = read(all).filter((f) => f.properties.confidence < 0.8).length;
    expect(below).toBeGreaterThan(0);
    expect(kept.length).toBe(read(all).length - below);
    expect(kept.every((f) => f.properties.confidence >= 0.8)).toBe(true);
    expect(decodeColumnar(new Uint8Array(readFileSync(join(some, 'events.bin'))).buffer).count).toBe(kept.length);
    expect(run.stdout).toMatch(new RegExp(`${below} events? below confidence 0.8 left out`));
    const bad = geocode('--input', 'seeds', '--output', join(temp(), 'events.geojson'), '--min-confidence', '80');
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([2, 'geocode: --min-confidence needs a number from 0 to 1, like 0.5 (got 80)']);
  });
});
