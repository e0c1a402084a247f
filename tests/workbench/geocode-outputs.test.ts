// `npm run geocode` with its output elsewhere touches nothing else: it used to write the bundled app's
// public/data/documents.json whatever --output said, and the seed map lost every "Read the document" link.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every file under `dir` with the SHA-256 of its bytes (null when the folder does not exist). */
function snapshot(dir: string): Record<string, string> | null {
  if (!existsSync(dir)) return null;
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[path.slice(dir.length + 1)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('npm run geocode', { timeout: 120_000 }, () => {
  it('geocode with --output elsewhere leaves public/data byte for byte as it was and writes documents.json beside its output', () => {
    const before = snapshot('public/data');
    const out = mkdtempSync(join(tmpdir(), 'geocode-elsewhere-'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/geocode.ts', '--input', 'seeds', '--output', join(out, 'mine.geojson')], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(snapshot('public/data')).toEqual(before);
    expect(readdirSync(out).filter((n) => !n.startsWith('.')).sort()).toEqual(['corpus.json', 'documents.json', 'mine.bin', 'mine.geojson', 'mine.parts', 'mine.posture.bin', 'mine.text.bin']);
    expect(JSON.parse(readFileSync(join(out, 'documents.json'), 'utf8')).map((d: { file: string }) => d.file)).toContain('001_27f6953c3e6e08f0.txt');
    expect(run.stdout).toContain(`${join(out, 'documents.json')}`);
  });

  it('geocode exits 2 naming corrections.json and where it breaks, and writes nothing', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'geocode-bad-corrections-'));
    cpSync('seeds', corpus, { recursive: true });
    writeFileSync(join(corpus, 'corrections.json'), JSON.stringify({ revision: 1, corrections: [{ id: 'c1', action: 'accept', event: 'x', by: 'Ana', at: 'now',
      anchor: { doc: 'a.txt', sha256: 'abc', start: 0, end: 1, quote: 'x' } }] }));
    const out = mkdtempSync(join(tmpdir(), 'geocode-bad-out-'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/geocode.ts', '--input', corpus, '--output', join(out, 'events.geojson')], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^geocode: \S+corrections\.json: corrections\[0\]\.anchor\.sha256: must be the SHA-256 of the document text, 64 hex digits; nothing was applied/m);
    expect(readdirSync(out)).toEqual([]);
  });
});
