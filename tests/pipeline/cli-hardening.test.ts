// Every kind of bad input through the geocode command as a user runs it, in temp dirs: a one-line message naming
// the file and the problem, an exit code that says whether output was written, and the good documents' events
// always written. docs/hardening.md lists the same inputs and answers.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readlinkSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const made: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'geocode-hard-'));
  made.push(dir);
  return dir;
};
// The 50 MB document and every other generated corpus go with the run.
afterAll(() => { for (const dir of made) rmSync(dir, { recursive: true, force: true }); });
const GOOD = 'Drones over Poland\nRussian drones violated Polish airspace near Rzeszow on 10 September 2025.\n';
const OTHER = 'Ministers meet\nNATO defence ministers met in Brussels on 15 October 2025.\n';

function geocode(args: string[], preload?: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', ...(preload ? ['--import', preload] : []), 'scripts/geocode.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

interface Feature { id: string; properties: { sources: { doc: string; excerpt: string; title: string }[]; place: { name: string } } }
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const docsOf = (events: { features: Feature[] }) => [...new Set(events.features.flatMap((f) => f.properties.sources.map((s) => s.doc)))].sort();

/** Runs geocode over `files` (name -> content) in a fresh folder; returns the run and where it wrote. */
function runOn(files: Record<string, string | Uint8Array>, extra: string[] = []) {
  const dir = temp();
  mkdirSync(join(dir, 'in'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'in', name), content);
  const out = { events: join(dir, 'out/events.geojson'), documents: join(dir, 'out/documents.json'), report: join(dir, 'out/report.md') };
  const run = geocode(['--input', join(dir, 'in'), '--output', out.events, '--documents', out.documents, '--report', out.report, ...extra]);
  return { dir, out, run };
}

describe('geocode over a corpus of bad documents beside good ones', { timeout: 120_000 }, () => {
  let corpus: ReturnType<typeof runOn>;
  beforeAll(() => {
    const manifest = { documents: [
      { file: 'good.txt', title: 'Drones over Poland', published: '2025-09-11' },
      { file: 'copy-of-good.txt', title: 'Drones (copy)', published: '2025-09-11' },
      { file: 'other.txt', title: 'Ministers meet', published: '2025-10-15' },
    ] };
    corpus = runOn({
      'manifest.json': JSON.stringify(manifest),
      'good.txt': GOOD,
      'copy-of-good.txt': GOOD,
      'other.txt': OTHER,
      'latin1.txt': new Uint8Array([...Buffer.from('Troops met in Riga on 3 May 2025, caf'), 0xe9, ...Buffer.from('.\n')]),
      'empty.txt': '',
      'photo.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 2000 }, (_, i) => (i * 37) % 256)]),
      'page.txt': '<!doctype html><html><head><title>Talks in Vilnius</title><script>var city = "Kyiv"; window.__pwned = 1;</script>' +
        '<style>p { color: red }</style></head><body><p>NATO ministers met in Vilnius on 3 June 2025.</p>' +
        '<img src=x onerror="alert(1)"><!-- Troops deployed to Kyiv on 1 May 2025. --></body></html>\n',
      'no-places.txt': 'A quiet day\nNothing was reported on 4 May 2025 and ministers met nowhere in particular.\n',
      'no-dates.txt': 'Deployment\nTroops deployed to Latvia.\n',
    });
  }, 120_000);

  it('geocode exits 1: output written, and some documents not read', () => {
    expect(corpus.run.code).toBe(1);
    expect(corpus.run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(corpus.out.events) && existsSync(corpus.out.documents)).toBe(true);
    expect(readdirSync(join(corpus.dir, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('geocode names a non-UTF-8 file and the byte where decoding fails, and leaves it out', () => {
    expect(corpus.run.stderr).toMatch(/^geocode: latin1\.txt: is not valid UTF-8 \(invalid byte 0xe9 at byte offset 37\)$/m);
    expect(readJson(corpus.out.documents).map((d: { file: string }) => d.file)).not.toContain('latin1.txt');
  });

  it('geocode names an empty file', () => {
    expect(corpus.run.stderr).toMatch(/^geocode: empty\.txt: is empty$/m);
  });

  it('geocode names a binary file with a .txt name', () => {
    expect(corpus.run.stderr).toMatch(/^geocode: photo\.txt: looks binary, not a text document$/m);
  });

  it('geocode reads a document that is an HTML page: the prose between tags, never the script, style or comments', () => {
    expect(corpus.run.stdout).toMatch(/note: page\.txt: holds HTML markup; its tags, scripts and styles are skipped/);
    const events = readJson(corpus.out.events) as { features: Feature[] };
    const fromPage = events.features.filter((f) => f.properties.sources.some((s) => s.doc === 'page.txt'));
    expect(fromPage.map((f) => f.properties.place.name)).toEqual(['Vilnius']);
    expect(fromPage[0].properties.sources[0].excerpt).toBe('NATO ministers met in Vilnius on 3 June 2025.');
    // Kyiv is named only in the script and in a comment: no event there, no mention either.
    expect(JSON.stringify(events)).not.toContain('Kyiv');
    const page = readJson(corpus.out.documents).find((d: { file: string }) => d.file === 'page.txt');
    expect(page.title).toBe('Talks in Vilnius');
    // the text is kept exactly as read: offsets refer to it, and the app shows it as text
    expect(page.text).toBe(readFileSync(join(corpus.dir, 'in/page.txt'), 'utf8'));
  });

  it('geocode says why a document with no places or no dates put nothing on the timeline, and exits as written', () => {
    expect(corpus.run.stdout).toMatch(/^geocode: note: no-places\.txt: nothing on the timeline: /m);
    expect(corpus.run.stdout).toMatch(/^geocode: note: no-dates\.txt: nothing on the timeline: events found but undated/m);
    expect(readJson(corpus.out.documents).map((d: { file: string }) => d.file)).toEqual(expect.arrayContaining(['no-places.txt', 'no-dates.txt']));
  });

  it('geocode reads a document saved twice under two names once, and names the copy', () => {
    expect(corpus.run.stderr).toMatch(/^geocode: good\.txt: same content as copy-of-good\.txt, which is read instead \(a duplicate counts once\)$/m);
    const events = readJson(corpus.out.events) as { features: Feature[] };
    const poland = events.features.filter((f) => f.properties.sources.some((s) => s.excerpt.includes('Rzeszow')));
    expect(poland).toHaveLength(1);
    expect(poland[0].properties.sources.map((s) => s.doc)).toEqual(['copy-of-good.txt']);
  });

  it('geocode keeps the good documents\' events whatever else is in the folder', () => {
    const events = readJson(corpus.out.events) as { features: Feature[] };
    expect(docsOf(events)).toEqual(['copy-of-good.txt', 'other.txt', 'page.txt']);
    expect(readFileSync(corpus.out.report, 'utf8')).toMatch(/### latin1\.txt[\s\S]*Failed: latin1\.txt: is not valid UTF-8/);
  });
});

describe('geocode and a broken manifest.json', { timeout: 120_000 }, () => {
  it('geocode skips only the documents whose manifest entries are wrong, names each entry, and reads the rest', () => {
    const { run, out } = runOn({
      'manifest.json': JSON.stringify({ documents: [
        { file: 'good.txt', title: 'Drones over Poland', published: '2025-09-11' },
        { file: 'slashes.txt', title: 'Wrong format', published: '11/09/2025' },
        { file: 'leap.txt', title: 'No such day', published: '2025-02-30' },
        { file: 'ghost.txt', title: 'Not in the folder', published: '2025-09-11' },
      ] }),
      'good.txt': GOOD,
      'slashes.txt': OTHER,
      'leap.txt': OTHER.replace('Brussels', 'Vilnius'),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/manifest\.json: documents\[1\] \(slashes\.txt\): published "11\/09\/2025" is not a real date written YYYY-MM-DD; slashes\.txt is not read until its entry is fixed/);
    expect(run.stderr).toMatch(/manifest\.json: documents\[2\] \(leap\.txt\): published "2025-02-30" is not a real date written YYYY-MM-DD; leap\.txt is not read/);
    expect(run.stderr).toMatch(/manifest\.json: lists ghost\.txt, which is not in /);
    expect(readJson(out.documents).map((d: { file: string }) => d.file)).toEqual(['good.txt']);
    expect(docsOf(readJson(out.events))).toEqual(['good.txt']);
  });

  it('geocode writes nothing when manifest.json is not JSON and names where it breaks', () => {
    const { run, out } = runOn({ 'manifest.json': '{"documents": [ {"file": "good.txt", }', 'good.txt': GOOD });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/manifest\.json: is not valid JSON at line 1, column \d+ .*; nothing was read/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out.events)).toBe(false);
  });

  it('geocode reads a folder without manifest.json, titles from first lines and dates from the text', () => {
    const { run, out } = runOn({ 'good.txt': GOOD });
    expect(run.code).toBe(0);
    expect(readJson(out.documents)[0]).toMatchObject({ file: 'good.txt', title: 'Drones over Poland', published: null });
  });
});

describe('geocode and a 50 MB document', { timeout: 120_000 }, () => {
  it('geocode skips a document over the size limit without reading it, names it and its size, and keeps the others', () => {
    const dir = temp();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in/good.txt'), GOOD);
    // 50 MB of prose, written in 1 MB blocks: never committed, never held twice in memory.
    const block = Buffer.from(OTHER.repeat(Math.ceil(1_048_576 / OTHER.length)).slice(0, 1_048_576));
    const fd = openSync(join(dir, 'in/huge.txt'), 'w');
    for (let i = 0; i < 50; i++) writeSync(fd, block);
    closeSync(fd);
    const run = geocode(['--input', join(dir, 'in'), '--output', join(dir, 'e.geojson'), '--documents', join(dir, 'd.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/huge\.txt: is 50\.0 MB, over the 5 MB limit for one document; not read \(split it, or raise --max-document-mb\)/);
    expect(docsOf(readJson(join(dir, 'e.geojson')))).toEqual(['good.txt']);
    expect(readJson(join(dir, 'd.json')).map((d: { file: string }) => d.file)).toEqual(['good.txt']);
  });

  it('geocode exits 2 and keeps the previous output when the only document is over the limit', () => {
    const dir = temp();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in/big.txt'), OTHER.repeat(40));
    writeFileSync(join(dir, 'e.geojson'), 'previous');
    const run = geocode(['--input', join(dir, 'in'), '--output', join(dir, 'e.geojson'), '--documents', join(dir, 'd.json'), '--max-document-mb', '0.001']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/big\.txt: is 0\.0 MB, over the 0\.001 MB limit/);
    expect(run.stderr).toMatch(/nothing written: no document could be read; the previous output files are unchanged/);
    expect(readFileSync(join(dir, 'e.geojson'), 'utf8')).toBe('previous');
  });
});

describe('geocode writes its files atomically', { timeout: 120_000 }, () => {
  /** A corpus with output from an earlier run, and a preload that breaks writing in the way `mode` says. */
  function previousRun(mode: 'fail' | 'kill') {
    const dir = temp();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in/good.txt'), GOOD);
    const events = join(dir, 'out/events.geojson');
    const documents = join(dir, 'out/documents.json');
    mkdirSync(join(dir, 'out'));
    writeFileSync(events, '{"previous": "events"}\n');
    writeFileSync(documents, '{"previous": "documents"}\n');
    // Writes half of the temp file, then fails the way a full disk does, or dies the way `kill -9` kills.
    const preload = join(dir, 'break-writes.mjs');
    writeFileSync(preload, `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const original = fs.writeFileSync;
fs.writeFileSync = (path, data, ...rest) => {
  // A file of the run's output set (scripts/output-set.ts): .events.geojson.flankline/<set>/<name>.
  if (String(path).includes('.flankline/') && String(path).endsWith(${JSON.stringify(mode === 'fail' ? '/documents.json' : '/events.geojson')})) {
    original(path, String(data).slice(0, String(data).length >> 1));
    ${mode === 'fail' ? "throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });" : "process.kill(process.pid, 'SIGKILL');"}
  }
  return original(path, data, ...rest);
};
syncBuiltinESMExports();
`);
    const args = ['--input', join(dir, 'in'), '--output', events, '--documents', documents];
    return { dir, events, documents, preload, args };
  }
  const temps = (dir: string) => readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.tmp'));
  /** The sets in the output's store (scripts/output-set.ts); a killed run leaves one that nothing points to. */
  const orphanSets = (dir: string) => {
    const store = join(dir, 'out/.events.geojson.flankline');
    return existsSync(store) ? readdirSync(store).filter((f) => f !== 'current') : [];
  };

  it('geocode keeps the previous files whole and removes its temp files when a write fails midway', () => {
    const { dir, events, documents, preload, args } = previousRun('fail');
    const run = geocode(args, pathToPreload(preload));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write .*documents\.json: ENOSPC: no space left on device, write; the previous files are unchanged/);
    // events.geojson was written into the new set first, but nothing becomes current until every file is written
    expect(readFileSync(events, 'utf8')).toBe('{"previous": "events"}\n');
    expect(readFileSync(documents, 'utf8')).toBe('{"previous": "documents"}\n');
    expect(temps(dir)).toEqual([]);
    expect(orphanSets(dir)).toEqual([]);
  });

  it('geocode killed while writing leaves the previous files whole, and the next run clears the set it left', () => {
    const { dir, events, documents, preload, args } = previousRun('kill');
    const killed = geocode(args, pathToPreload(preload));
    expect(killed.signal).toBe('SIGKILL');
    expect(readFileSync(events, 'utf8')).toBe('{"previous": "events"}\n');
    expect(readFileSync(documents, 'utf8')).toBe('{"previous": "documents"}\n');
    const left = orphanSets(dir);
    expect(left).toHaveLength(1);
    const next = geocode(args);
    expect(next.code).toBe(0);
    // One set remains, the new current one: the killed run's is gone.
    expect(orphanSets(dir)).toEqual([readlinkSync(join(dir, 'out/.events.geojson.flankline/current'))]);
    expect(orphanSets(dir)).not.toEqual(left);
    expect(docsOf(readJson(events))).toEqual(['good.txt']);
  });
});

describe('geocode is deterministic', { timeout: 120_000 }, () => {
  it('geocode writes byte-identical files on a second run, and an unrelated document sorted first changes no existing event', () => {
    const dir = temp();
    cpSync('seeds', join(dir, 'in'), { recursive: true });
    const outA = join(dir, 'a.geojson');
    const outB = join(dir, 'b.geojson');
    expect(geocode(['--input', join(dir, 'in'), '--output', outA, '--documents', join(dir, 'da.json')]).code).toBe(0);
    expect(geocode(['--input', join(dir, 'in'), '--output', outB, '--documents', join(dir, 'db.json')]).code).toBe(0);
    expect(readFileSync(outB, 'utf8')).toBe(readFileSync(outA, 'utf8'));
    expect(readFileSync(join(dir, 'db.json'), 'utf8')).toBe(readFileSync(join(dir, 'da.json'), 'utf8'));
    expect(readFileSync(join(dir, 'b.bin')).equals(readFileSync(join(dir, 'a.bin')))).toBe(true);
    expect(readdirSync(join(dir, 'b.parts'))).toEqual(readdirSync(join(dir, 'a.parts')));
    for (const name of readdirSync(join(dir, 'a.parts'))) expect(readFileSync(join(dir, 'b.parts', name), 'utf8')).toBe(readFileSync(join(dir, 'a.parts', name), 'utf8'));
    // Before every seed in file order, so any id or order that leaked from input position would shift.
    writeFileSync(join(dir, 'in/000_unrelated.txt'), 'Water talks\nSpanish and Portuguese ministers met in Lisbon on 3 March 2025 to discuss the Tagus.\n');
    const outC = join(dir, 'c.geojson');
    expect(geocode(['--input', join(dir, 'in'), '--output', outC, '--documents', join(dir, 'dc.json')]).code).toBe(0);
    const before = readJson(outA).features as Feature[];
    const after = new Map((readJson(outC).features as Feature[]).map((f) => [f.id, f]));
    for (const f of before) expect(after.get(f.id), f.id).toEqual(f);
    expect(after.size).toBeGreaterThan(before.length);
  });
});

function pathToPreload(path: string): string {
  return `file://${resolve(path)}`;
}
