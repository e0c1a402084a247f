import { describe, expect, it } from 'vitest';
import { CorpusInfoSchema, readCorpusInfo } from '../../src/model/corpus.ts';
import { corpusHeading, defaultCorpusTitle, pageTitle } from '../../src/app/format/corpus-title.ts';

describe('the corpus title (corpus.json, from the manifest)', () => {
  it('readCorpusInfo() keeps a title and a subtitle, trimmed, and none when the manifest gives none', () => {
    expect(readCorpusInfo({ title: '  Baltic Sea incidents ', subtitle: 'From wire reports, 2024', documents: [] }, 'm.json'))
      .toEqual({ info: { title: 'Baltic Sea incidents', subtitle: 'From wire reports, 2024' }, problems: [] });
    expect(readCorpusInfo({ documents: [] }, 'm.json')).toEqual({ info: { title: null, subtitle: null }, problems: [] });
    expect(readCorpusInfo({ title: null }, 'm.json').problems).toEqual([]);
    expect(readCorpusInfo([], 'm.json').info).toEqual({ title: null, subtitle: null });
  });

  it('readCorpusInfo() leaves out a bad field with one line naming the file, and keeps the other', () => {
    const bad = readCorpusInfo({ title: 42, subtitle: 'Kept' }, 'corpus/manifest.json');
    expect(bad.info).toEqual({ title: null, subtitle: 'Kept' });
    expect(bad.problems).toEqual(['corpus/manifest.json: "title" must be one line of text, 1 to 120 characters (got a number); '
      + 'it is left out, the map shows a title made from the data']);
    expect(readCorpusInfo({ title: '   ' }, 'm.json').problems[0]).toMatch(/^m\.json: "title" must be .* \(got an empty text\)/);
    expect(readCorpusInfo({ title: 'x'.repeat(121) }, 'm.json').problems[0]).toMatch(/got a text of 121 characters/);
    expect(readCorpusInfo({ subtitle: 'two\nlines' }, 'm.json').problems).toEqual(['m.json: "subtitle" holds a control character (a newline, a tab); it is left out']);
    expect(readCorpusInfo({ title: ['a'] }, 'm.json').problems[0]).toMatch(/got a list/);
    for (const p of readCorpusInfo({ title: {}, subtitle: 7 }, 'm.json').problems) expect(p).not.toContain('\n');
  });

  it('CorpusInfoSchema accepts what readCorpusInfo() gives, in any script', () => {
    expect(CorpusInfoSchema.safeParse({ title: 'Події на східному фланзі НАТО', subtitle: null }).success).toBe(true);
    expect(CorpusInfoSchema.safeParse({ title: '', subtitle: null }).success).toBe(false);
  });

  it('defaultCorpusTitle() says what the data is, in words', () => {
    expect(defaultCorpusTitle(16, 5)).toBe('16 events from 5 documents');
    expect(defaultCorpusTitle(1, 1)).toBe('1 event from 1 document');
    expect(defaultCorpusTitle(1_000_000, 0)).toBe('1,000,000 events');
  });

  it('corpusHeading() uses the corpus\'s title, else the data\'s, never another corpus\'s name', () => {
    expect(corpusHeading({ title: "Events on NATO's eastern flank", subtitle: 'Each traced to its source' }, 20, 5))
      .toEqual({ title: "Events on NATO's eastern flank", subtitle: 'Each traced to its source', fromData: false });
    const made = corpusHeading({ title: null, subtitle: null }, 20, 5);
    expect(made).toEqual({ title: '20 events from 5 documents', subtitle: null, fromData: true });
    expect(pageTitle(made)).toBe('Flankline: 20 events from 5 documents');
  });
});
