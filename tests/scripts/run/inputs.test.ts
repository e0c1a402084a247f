// Streaming ingest: a .jsonl or .csv file of articles (text, title, published, url), one a line or row, each checked
// alone so one bad article is named and the others are read; a folder as before.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSource, publishedDate, SourceError, type SourceItem } from '../../../scripts/run/inputs.ts';
import { geocode, removeTemps, temp } from './helpers.ts';

afterAll(removeTemps);
const OPTS = { maxDocumentMb: 5 };
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function itemsOf(path: string): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of openSource(path, OPTS).items()) items.push(item);
  return items;
}

function file(name: string, content: string): string {
  const path = join(temp(), name);
  writeFileSync(path, content);
  return path;
}

describe('a JSON Lines file of articles', () => {
  it('openSource() reads one article a line, named by its url, else by the file and line', async () => {
    const path = file('wire.jsonl', [
      JSON.stringify({ text: 'Ministers met in Vienna on 3 March 2025.', title: 'Talks', published: '2025-03-03', url: 'https://example.org/a' }),
      '',
      JSON.stringify({ text: 'Troops advanced toward Lviv.', published: '2025-03-04T10:15:00Z' }),
      JSON.stringify({ text: 'Same address, another article.', url: 'https://example.org/a', published: '20250305101500' }),
    ].join('\n'));
    const items = await itemsOf(path);
    expect(items.map((i) => ('input' in i ? [i.input.file, i.input.meta?.title, i.input.meta?.published, text(i.input.bytes)] : i.problem))).toEqual([
      ['https://example.org/a', 'Talks', '2025-03-03', 'Ministers met in Vienna on 3 March 2025.'],
      ['wire.jsonl#3', '', '2025-03-04', 'Troops advanced toward Lviv.'],
      ['wire.jsonl#4', '', '2025-03-05', 'Same address, another article.'],
    ]);
  });

  it('openSource() names each bad line and the problem, and reads the lines around it', async () => {
    const path = file('bad.jsonl', [
      '{"text": "Fine article one."}',
      '{"text": "broken',
      '["an", "array"]',
      '{"title": "no text"}',
      '{"text": "Bad date.", "published": "2025-02-30"}',
      '{"text": "A number title.", "title": 7}',
      '{"text": "Fine article two."}',
    ].join('\n'));
    const items = await itemsOf(path);
    const problems = items.filter((i): i is { problem: string } => 'problem' in i).map((i) => i.problem);
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^${path}: line 2: is not valid JSON \\(.+\\); the article is not read$`)),
      `${path}: line 3: is not a JSON object with a "text"; the article is not read`,
      `${path}: line 4: has no "text"; the article is not read`,
      `${path}: line 5: published "2025-02-30" is not a real date written YYYY-MM-DD; the article is not read`,
      `${path}: line 6: "title" must be text; the article is not read`,
    ]);
    expect(items.filter((i) => 'input' in i).map((i) => ('input' in i ? i.input.file : ''))).toEqual(['bad.jsonl#1', 'bad.jsonl#7']);
  });

  it('openSource() refuses a file with no article, and a file that is neither a folder, JSON Lines nor CSV', async () => {
    await expect(itemsOf(file('empty.jsonl', '\n\n'))).rejects.toThrow(SourceError);
    expect(() => openSource(file('notes.txt', 'x'), OPTS)).toThrow(/notes\.txt: input is not a folder, a \.jsonl or a \.csv file of articles/);
    expect(() => openSource('/nonexistent/wire.jsonl', OPTS)).toThrow(/wire\.jsonl: input does not exist/);
  });

  it('openSource() names an article over the size limit and does not read it', async () => {
    const big = 'x'.repeat(1_100_000);
    const items: SourceItem[] = [];
    for await (const item of openSource(file('big.jsonl', `${JSON.stringify({ text: big })}\n{"text":"small"}\n`), { maxDocumentMb: 1 }).items()) items.push(item);
    expect('problem' in items[0] && items[0].problem).toMatch(/big\.jsonl: line 1: is 1\.0 MB, over the 1 MB limit for one document; not read/);
    expect('input' in items[1]).toBe(true);
  });
});

describe('a CSV file of articles', () => {
  it('openSource() reads a header row and one article a row, text with commas, quotes and newlines included', async () => {
    const path = file('archive.csv', '\uFEFFurl,Title,published,text,section\n' +
      'https://example.org/1,Talks,2025-03-03,"Ministers met in Vienna, Austria, on 3 March 2025.\nThey said ""more"" later.",world\n' +
      ',Untitled,,Troops advanced toward Lviv.,world\n');
    const items = await itemsOf(path);
    expect(items.map((i) => ('input' in i ? [i.input.file, i.input.meta?.title, i.input.meta?.published, text(i.input.bytes)] : i.problem))).toEqual([
      ['https://example.org/1', 'Talks', '2025-03-03', 'Ministers met in Vienna, Austria, on 3 March 2025.\nThey said "more" later.'],
      ['archive.csv#3', 'Untitled', null, 'Troops advanced toward Lviv.'],
    ]);
  });

  it('openSource() refuses a CSV without a "text" column, naming the columns it found', async () => {
    await expect(itemsOf(file('no-text.csv', 'title,body\nA,B\n'))).rejects.toThrow(/no-text\.csv: the first row must name the columns, one of them "text" \(found: title, body\)/);
  });

  it('openSource() names the row where the file stops being CSV and keeps the articles before it', async () => {
    const path = file('broken.csv', 'text,title\n"Fine article.",A\n"never closed,B\n');
    const items = await itemsOf(path);
    expect('input' in items[0]).toBe(true);
    expect(items.length).toBe(2);
    expect('problem' in items[1] && items[1].problem).toMatch(/broken\.csv: .*; the rest of the file is not read$/);
  });
});

describe('published dates of articles', () => {
  it('publishedDate() takes a date, the date of an ISO date-time as written, GDELT\'s compact form, and nothing else', () => {
    expect(publishedDate('2025-06-03')).toBe('2025-06-03');
    expect(publishedDate('2025-06-03T23:30:00-05:00')).toBe('2025-06-03');
    expect(publishedDate('20250603')).toBe('2025-06-03');
    expect(publishedDate('20250603101500')).toBe('2025-06-03');
    expect(publishedDate('')).toBeNull();
    expect(publishedDate(null)).toBeNull();
    expect(() => publishedDate('3 June 2025')).toThrow(/not a real date/);
    expect(() => publishedDate('20251332')).toThrow(/not a real date/);
    expect(() => publishedDate(20250603)).toThrow(/must be a date/);
  });
});

describe('geocode over a file of articles', { timeout: 240_000 }, () => {
  it('geocode --input FILE.jsonl writes the events and names documents by their url', () => {
    const dir = temp();
    const input = join(dir, 'wire.jsonl');
    writeFileSync(input, [
      { text: 'Drones over Poland\nRussian drones violated Polish airspace near Rzeszow on 10 September 2025.', title: 'Drones over Poland', published: '2025-09-11', url: 'https://example.org/drones' },
      { text: 'Ministers met\nNATO defence ministers met in Brussels on 15 October 2025.', published: '2025-10-15' },
      { title: 'no text at all' },
    ].map((a) => JSON.stringify(a)).join('\n'));
    const run = geocode(['--input', input, '--output', join(dir, 'out/events.geojson'), '--documents', join(dir, 'out/documents.json'), '--workers', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`geocode: ${input}: line 3: has no "text"; the article is not read`);
    const docs = JSON.parse(readFileSync(join(dir, 'out/documents.json'), 'utf8'));
    expect(docs.map((d: { file: string; published: string }) => [d.file, d.published])).toEqual([['https://example.org/drones', '2025-09-11'], ['wire.jsonl#2', '2025-10-15']]);
    const events = JSON.parse(readFileSync(join(dir, 'out/events.geojson'), 'utf8'));
    expect(events.features.map((f: { properties: { category: string; sources: { doc: string }[] } }) => [f.properties.category, f.properties.sources[0].doc]).sort())
      .toEqual([['incursion', 'https://example.org/drones'], ['meeting', 'wire.jsonl#2']]);
  });
});

describe('a folder with more than .txt documents', () => {
  it('openSource() names what else the folder holds and how to read it; an original beside its text is read through it', () => {
    const dir = temp();
    writeFileSync(join(dir, 'talks.txt'), 'Ministers met in Vienna on 3 March 2025.');
    writeFileSync(join(dir, 'talks.pdf'), '%PDF-1.7');
    writeFileSync(join(dir, 'report.pdf'), '%PDF-1.7');
    writeFileSync(join(dir, 'wire.jsonl'), '{"text": "x"}\n');
    writeFileSync(join(dir, 'photo.png'), 'PNG');
    mkdirSync(join(dir, 'older'));
    mkdirSync(join(dir, '.flankline'));
    expect(openSource(dir, OPTS).notes).toEqual([
      `not read: report.pdf: documents are read as .txt; \`npm start -- ${dir}\` converts pages, PDFs, Word and Markdown files to text`,
      `not read: wire.jsonl: a file of articles is read on its own (--input ${join(dir, 'wire.jsonl')})`,
      'not read: older: folders inside the input are not read',
      'not read: photo.png: not a format Flankline reads',
    ]);
  });

  it('openSource() on a folder of pages and PDFs without a .txt says how to read them', () => {
    const dir = temp();
    writeFileSync(join(dir, 'a.html'), '<p>x</p>');
    writeFileSync(join(dir, 'b.docx'), 'PK');
    expect(() => openSource(dir, OPTS)).toThrow(`${dir}: no .txt documents to read (not read: a.html, b.docx: documents are read as .txt; \`npm start -- ${dir}\` converts pages, PDFs, Word and Markdown files to text)`);
  });
});
