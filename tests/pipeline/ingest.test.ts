import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline/ingest.ts';
import { PipelineInputError } from '../../src/pipeline/errors.ts';
import { findBoilerplate } from '../../src/pipeline/boilerplate.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const boilerplateOf = (text: string) => findBoilerplate(text).map((s) => text.slice(s.start, s.end));

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PipelineInputError);
    return (error as Error).message;
  }
  throw new Error('expected a PipelineInputError');
}

describe('ingest', () => {
  it('ingest() takes title, credit and published from the manifest entry', () => {
    const doc = ingest('a.txt', bytes('Headline\nBody.'), { file: 'a.txt', title: 'T', credit: 'AFP', published: '2025-10-15' });
    expect(doc).toMatchObject({ file: 'a.txt', title: 'T', credit: 'AFP', published: '2025-10-15', text: 'Headline\nBody.' });
  });

  it('ingest() without a manifest entry titles the document with its first non-empty line', () => {
    const doc = ingest('a.txt', bytes('\n\n  NATO ministers meet in Brussels  \nBody text.'));
    expect(doc).toMatchObject({ title: 'NATO ministers meet in Brussels', credit: null, published: null });
  });

  it('ingest() skips page furniture such as "top of page" when choosing a title', () => {
    expect(ingest('a.txt', bytes('top of page\n\nNew mission to support Ukraine\n\nBody.')).title).toBe('New mission to support Ukraine');
  });

  it('ingest() caps a title taken from a long first line', () => {
    const title = ingest('a.txt', bytes(`${'word '.repeat(100)}\nBody.`)).title;
    expect(title.length).toBeLessThanOrEqual(160);
    expect(title.endsWith('…')).toBe(true);
  });

  it('ingest() drops the BOM so that offsets refer to the text without it', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Top of the text.')]);
    const doc = ingest('a.txt', withBom);
    expect(doc.text).toBe('Top of the text.');
    expect(doc.text.indexOf('Top')).toBe(0);
  });

  it('ingest() keeps CRLF line ends and non-ASCII text exactly as decoded', () => {
    const text = 'Første linje\r\nNATO’s “mission” – 🇺🇦\r\n';
    expect(ingest('a.txt', bytes(text)).text).toBe(text);
  });

  it('ingest() names the file and the byte offset of invalid UTF-8', () => {
    const bad = new Uint8Array([...bytes('Valid start '), 0xc3, 0x28, ...bytes(' end')]);
    expect(messageOf(() => ingest('bad.txt', bad))).toBe('bad.txt: is not valid UTF-8 (invalid byte 0xc3 at byte offset 12)');
  });

  it('ingest() rejects a file with NUL bytes as binary', () => {
    expect(messageOf(() => ingest('img.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])))).toBe('img.txt: looks binary, not a text document');
    expect(messageOf(() => ingest('nul.txt', bytes('abc\u0000def')))).toBe('nul.txt: looks binary, not a text document');
  });

  it('ingest() tells a UTF-16 file apart from a binary one', () => {
    expect(messageOf(() => ingest('u16.txt', new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00])))).toBe('u16.txt: is UTF-16 text; save it as UTF-8');
  });

  it('ingest() rejects a file made mostly of control characters as binary', () => {
    expect(messageOf(() => ingest('c.txt', bytes('\u0001\u0002\u0003\u0004ab')))).toBe('c.txt: looks binary, not a text document');
  });

  it('ingest() rejects an empty or whitespace-only file', () => {
    expect(messageOf(() => ingest('e.txt', new Uint8Array()))).toBe('e.txt: is empty');
    expect(messageOf(() => ingest('w.txt', bytes(' \r\n\t\n')))).toBe('w.txt: is empty');
  });

  it('ingest() lists boilerplate spans without changing the text', () => {
    const text = 'Headline\nBody sentence.\nShare on Facebook\n';
    const doc = ingest('a.txt', bytes(text));
    expect(doc.text).toBe(text);
    expect(doc.boilerplate.map((s) => text.slice(s.start, s.end))).toEqual(['Share on Facebook']);
  });
});

describe('findBoilerplate', () => {
  it('findBoilerplate() marks cookie banners in several languages', () => {
    for (const banner of [
      'This website uses cookies to improve your experience.',
      'Dette nettstedet bruker informasjonskapsler',
      'Diese Website verwendet Cookies',
      'Ce site utilise des cookies',
      'Este sitio web utiliza cookies',
      'Questo sito utilizza i cookie',
      'Ta strona używa plików cookie',
      'Deze website gebruikt cookies',
    ]) {
      expect(boilerplateOf(`Article sentence one.\n${banner}`)).toEqual([banner]);
    }
  });

  it('findBoilerplate() takes the banner text and buttons after a banner line into the banner', () => {
    const banner = 'Dette nettstedet bruker informasjonskapsler\n\nVi bruker informasjonskapsler for analyse. Les vår personvernerklæring for mer informasjon.\nAvslå\nGodta alle';
    expect(boilerplateOf(`Russian jets violated Estonian airspace on Friday.\n\n${banner}`)).toEqual([banner]);
  });

  it('findBoilerplate() does not take a sentence into a banner for a word that merely contains a button word', () => {
    expect(boilerplateOf('We use cookies.\nNATO officials were looking at the plans took months')).toEqual(['We use cookies.']);
  });

  it('findBoilerplate() ends a banner at the next article paragraph', () => {
    const article = 'NATO ministers met in Brussels on Wednesday to discuss deterrence along the eastern flank.';
    expect(boilerplateOf(`We use cookies.\nAccept\n${article}`)).toEqual(['We use cookies.\nAccept']);
  });

  it('findBoilerplate() marks comment, navigation and timestamp lines', () => {
    const lines = ['Leave a comment', 'More News', 'top of page', 'bottom of page', 'Updated: 1 day ago', '3 hours ago', '6 minute read', 'Read more: NATO opens new base'];
    expect(boilerplateOf(['Article.', ...lines].join('\n'))).toEqual(lines);
  });

  it('findBoilerplate() marks a metadata line carrying "No Comments on" and a reading time', () => {
    const line = 'Europe, News May 2, 2024 No Comments on Ministers meet in Brussels4 minute read';
    expect(boilerplateOf(`Headline\n${line}\nBody.`)).toEqual([line]);
  });

  it('findBoilerplate() marks image credits and sources', () => {
    const lines = ['Image Source : Jane Doe', 'Cover image: John Smith/Reuters', 'Photo: AP', 'Source(s): AFP', 'Photo credit: EPA'];
    expect(boilerplateOf(['Article.', ...lines].join('\n'))).toEqual(lines);
  });

  it('findBoilerplate() marks only the photo credit tail of a caption line', () => {
    expect(boilerplateOf('The minister spoke to reporters in Riga. /Jane Doe/Reuters\nNext.')).toEqual(['/Jane Doe/Reuters']);
  });

  it('findBoilerplate() marks tag lists, player and script notices, and credit lines on their own', () => {
    const lines = ['Tags: NATO, Ukraine, Baltic', 'Listen to this article', 'Click to share on X (Opens in new window)', 'Please enable JavaScript to view comments', 'Reuters', 'Jane Doe/AFP via Getty Images'];
    expect(boilerplateOf(['Article.', ...lines].join('\n'))).toEqual(lines);
  });

  it('findBoilerplate() marks a photo credit in brackets inside a caption', () => {
    expect(boilerplateOf('Troops arrive in Narva (Photo by Jane Doe/Getty Images) on a cold day.')).toEqual(['(Photo by Jane Doe/Getty Images)']);
  });

    it('findBoilerplate() marks picture links, share lines, bylines and view counts', () => {
    expect(boilerplateOf('We tackle it together. pic.twitter.com/AbC123xyz\nShare on Facebook\nby Admin 42 views\nFacebook Twitter LinkedIn'))
      .toEqual(['pic.twitter.com/AbC123xyz', 'Share on Facebook', 'by Admin 42 views', 'Facebook Twitter LinkedIn']);
  });

  it('findBoilerplate() marks staff bylines and author notes', () => {
    expect(boilerplateOf('Jane Doe\u00a0Daily Times Staff\nJ. Doe is a Daily Times reporter covering the war\nBody.'))
      .toEqual(['Jane Doe\u00a0Daily Times Staff', 'J. Doe is a Daily Times reporter covering the war']);
  });

  // 20,000 lines (1.2 MB): a scan that is quadratic in the lines would not finish within the test's timeout; no
  // timing is asserted, so a loaded machine cannot fail it.
  it('findBoilerplate() returns sorted spans that never overlap, even for many lines', { timeout: 30_000 }, () => {
    const text = 'Allies met (Photo: Jane Doe/AFP) again. pic.twitter.com/Ab12\n'.repeat(20_000);
    const spans = findBoilerplate(text);
    expect(spans.length).toBe(40_000);
    expect(spans.every((s, i) => i === 0 || s.start >= spans[i - 1].end)).toBe(true);
  });

  it('findBoilerplate() leaves article sentences alone', () => {
    const text = [
      'Posted troops arrive in Estonia',
      'Related talks will follow in Brussels next week.',
      'By then the talks were over.',
      'Smith is a journalist who was detained in Russia in 2023.',
      'Published reports say the drones came from Belarus.',
      'NATO defense ministers are meeting on Wednesday to discuss deterrence.',
      'Support for Ukraine',
      'The initiatives involve 26 NATO Allies and cover areas such as artillery munitions.',
      'By sharing insights on adversary tactics, member states can better tailor their support.',
      'Moscow is expected to reply to the proposals on Thursday.',
      'Updated plans for the eastern flank were presented by the Secretary General, who spoke for an hour about the changes.',
    ].join('\n');
    expect(boilerplateOf(text)).toEqual([]);
  });
});
