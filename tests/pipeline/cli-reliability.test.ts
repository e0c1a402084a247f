// Issue 12 through the geocode command, in temp dirs: symbolic links in the input folder, a manifest of 200,000
// missing files, the summary's counts, titles and credits too long to copy into every source, and a file name
// with a line break. docs/hardening.md lists the same inputs and answers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const made: string[] = [];
afterAll(() => { for (const dir of made) rmSync(dir, { recursive: true, force: true }); });
const GOOD = 'Drones over Poland\nRussian drones violated Polish airspace near Rzeszow on 10 September 2025.\n';
const SECRET = 'root:x:0:0:root:/root:/bin/bash\nThe secret meeting was held in Vilnius on 3 May 2025.\n';

interface Doc { file: string; title: string; credit: string | null; text: string }
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** A folder `in/` holding `files`, after `prepare` (which may add links) has run; geocode writes into `out/`. */
function geocodeOn(files: Record<string, string>, extra: string[] = [], prepare?: (input: string, dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'geocode-rel-'));
  made.push(dir);
  const input = join(dir, 'in');
  mkdirSync(input);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(input, name), content);
  prepare?.(input, dir);
  const out = { events: join(dir, 'out/events.geojson'), documents: join(dir, 'out/documents.json'), report: join(dir, 'out/report.md') };
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/geocode.ts', '--input', input, '--output', out.events,
    '--documents', out.documents, '--report', out.report, ...extra], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  return { dir, out, code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('geocode and symbolic links in the input folder', { timeout: 120_000 }, () => {
  const withLinks = (extra: string[] = []) => geocodeOn({ 'good.txt': GOOD }, extra, (input, dir) => {
    writeFileSync(join(dir, 'outside.txt'), SECRET);
    symlinkSync(join(dir, 'outside.txt'), join(input, 'passwd.txt'));
    symlinkSync(join(dir, 'gone.txt'), join(input, 'dangling.txt'));
  });

  it('geocode refuses a .txt link by name and never publishes what it points to, and names a dangling one', () => {
    const run = withLinks();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^geocode: .*in\/passwd\.txt: is a symbolic link \(to .*outside\.txt\); not read, links are not followed \(pass --follow-symlinks to read them\)$/m);
    expect(run.stderr).toMatch(/^geocode: .*in\/dangling\.txt: is a symbolic link to .*gone\.txt, which does not exist; skipped$/m);
    expect(run.stderr).not.toMatch(/internal error/);
    const published = readFileSync(run.out.documents, 'utf8') + readFileSync(run.out.events, 'utf8');
    expect(published).not.toContain('root:x:0:0');
    expect(readJson(run.out.documents).map((d: Doc) => d.file)).toEqual(['good.txt']);
  });

  it('geocode --follow-symlinks reads a link, and still names a dangling one', () => {
    const run = withLinks(['--follow-symlinks']);
    expect(run.code).toBe(1);
    expect(readJson(run.out.documents).map((d: Doc) => d.file)).toEqual(['good.txt', 'passwd.txt']);
    expect(run.stderr).toMatch(/dangling\.txt: is a symbolic link to .*gone\.txt, which does not exist; skipped$/m);
  });

  it('geocode refuses a manifest.json that is a link, and writes nothing', () => {
    const run = geocodeOn({ 'good.txt': GOOD }, [], (input, dir) => {
      writeFileSync(join(dir, 'm.json'), JSON.stringify({ documents: [{ file: 'good.txt', title: 'Elsewhere' }] }));
      symlinkSync(join(dir, 'm.json'), join(input, 'manifest.json'));
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/manifest\.json: is a symbolic link; not read, links are not followed \(pass --follow-symlinks to read it\); nothing was read/);
    expect(existsSync(run.out.events)).toBe(false);
  });
});

describe('geocode and very long lists and strings', { timeout: 120_000 }, () => {
  it('geocode names every one of 200,000 manifest entries for missing files without overflowing the stack', () => {
    const documents = [{ file: 'good.txt', title: 'Drones', published: '2025-09-11' },
      ...Array.from({ length: 200_000 }, (_, i) => ({ file: `missing-${i}.txt` }))];
    const run = geocodeOn({ 'good.txt': GOOD, 'manifest.json': JSON.stringify({ documents }) });
    expect(run.stderr).not.toMatch(/internal error|Maximum call stack/);
    expect(run.code).toBe(1);
    expect(run.stderr.match(/which is not in/g)).toHaveLength(200_000);
    expect(run.stdout).toMatch(/geocode: 1 document \(0 failed\), 200000 other problems, /);
  });

  it('geocode counts manifest entries for missing files apart from documents: one file is "1 document"', () => {
    const run = geocodeOn({ 'good.txt': GOOD, 'manifest.json': JSON.stringify({ documents: [
      { file: 'good.txt', title: 'Drones', published: '2025-09-11' }, { file: 'a.txt' }, { file: 'b.txt' },
    ] }) });
    expect(run.stdout).toMatch(/^geocode: 1 document \(0 failed\), 2 other problems, /m);
    expect(readFileSync(run.out.report, 'utf8')).toMatch(/^1 document \(0 failed\), 2 other problems, /m);
  });

  it('geocode cuts a 2 MB title and a long credit, says so, and copies only the cut title into the sources', () => {
    const title = `Drones ${'very '.repeat(400_000)}long 😀`;
    const credit = `Agency ${'x'.repeat(5000)}`;
    const run = geocodeOn({ 'good.txt': GOOD, 'manifest.json': JSON.stringify({ documents: [{ file: 'good.txt', title, credit, published: '2025-09-11' }] }) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/note: .*manifest\.json: documents\[0\] \(good\.txt\): title is 2000014 characters, cut to 300$/m);
    expect(run.stdout).toMatch(/note: .*manifest\.json: documents\[0\] \(good\.txt\): credit is 5007 characters, cut to 120$/m);
    const [doc] = readJson(run.out.documents) as Doc[];
    expect(doc.title.length).toBeLessThanOrEqual(300);
    expect(doc.title.endsWith('…')).toBe(true);
    expect(doc.credit!.length).toBeLessThanOrEqual(120);
    const events = readJson(run.out.events);
    expect(events.features[0].properties.sources[0].title).toBe(doc.title);
    expect(readFileSync(run.out.events, 'utf8').length).toBeLessThan(20_000);
  });

  it('geocode keeps a message about a file whose name holds a line break on one line', () => {
    const run = geocodeOn({ 'good.txt': GOOD, 'bad\nname.txt': '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^geocode: bad\\nname\.txt: is empty$/m);
  });
});

describe('geocode writes its outputs as one unit', { timeout: 120_000 }, () => {
  /** A first run's outputs, then a second run over them with `extra` arguments. */
  function rerun(extra: (out: string) => string[]) {
    const first = geocodeOn({ 'good.txt': GOOD });
    expect(first.code).toBe(0);
    const out = join(first.dir, 'out');
    const before = ['events.geojson', 'events.bin', 'documents.json', 'events.parts/00000.json'].map((f) => readFileSync(join(out, f)));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/geocode.ts', '--input', join(first.dir, 'in'),
      '--output', first.out.events, ...extra(out)], { encoding: 'utf8', timeout: 120_000 });
    const after = ['events.geojson', 'events.bin', 'documents.json', 'events.parts/00000.json'].map((f) => readFileSync(join(out, f)));
    return { code: run.status, stderr: run.stderr, unchanged: after.every((b, i) => b.equals(before[i])) };
  }

  it('geocode refuses --report naming the events file, before reading anything, and leaves every output as it was', () => {
    const run = rerun((out) => ['--report', join(out, 'events.geojson')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^geocode: --output and --report name the same file \(.*events\.geojson\); nothing was written$/m);
    expect(run.unchanged).toBe(true);
  });

  it('geocode refuses --documents naming a folder and leaves the events, bin and parts as they were', () => {
    const run = rerun((out) => ['--documents', join(out, 'events.parts')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^geocode: --documents .*events\.parts is inside --output .*events\.parts|^geocode: --output and --documents name the same file/m);
    expect(run.unchanged).toBe(true);
    const folder = rerun((out) => ['--documents', join(out, '../in')]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/^geocode: --documents .* is a folder; nothing was written$/m);
    expect(folder.unchanged).toBe(true);
  });

  it('geocode writes documents.json beside the events file when --documents is not given', () => {
    const first = geocodeOn({ 'good.txt': GOOD });
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/geocode.ts', '--input', join(first.dir, 'in'),
      '--output', join(first.dir, 'elsewhere/events.geojson')], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    expect(readJson(join(first.dir, 'elsewhere/documents.json')).map((d: Doc) => d.file)).toEqual(['good.txt']);
  });
});
