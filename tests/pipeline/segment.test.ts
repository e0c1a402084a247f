import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ingest } from '../../src/pipeline/ingest.ts';
import { SEGMENT_DEFAULTS, segment } from '../../src/pipeline/segment.ts';

const sentencesOf = (text: string) => segment(ingest('a.txt', new TextEncoder().encode(text))).map((s) => s.text);

describe('segment', () => {
  it('segment() splits prose into sentences with exact offsets', () => {
    const doc = ingest('a.txt', new TextEncoder().encode('  Ministers met.  Russia has yet to reply!\tWill it? '));
    const sentences = segment(doc);
    expect(sentences.map((s) => s.text)).toEqual(['Ministers met.', 'Russia has yet to reply!', 'Will it?']);
    for (const s of sentences) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('segment() breaks at line ends, so headlines without a full stop stand alone', () => {
    expect(sentencesOf('NATO-Japan security cooperation\nJapan and NATO agreed to deepen cooperation.\r\n\r\nSupport for Ukraine\nNext.'))
      .toEqual(['NATO-Japan security cooperation', 'Japan and NATO agreed to deepen cooperation.', 'Support for Ukraine', 'Next.']);
  });

  it('segment() does not split after titles and common abbreviations', () => {
    expect(sentencesOf('U.S. Secretary of Defense Lloyd Austin met Gen. Smith and Mr. Jones, e.g. in Brussels. The talks ended.'))
      .toEqual(['U.S. Secretary of Defense Lloyd Austin met Gen. Smith and Mr. Jones, e.g. in Brussels.', 'The talks ended.']);
  });

  it('segment() does not split after "a.m.", "No." or an initial', () => {
    expect(sentencesOf('They convene at 9 a.m. Tuesday in Hall No. 5 with John F. Kennedy’s papers. Then they leave.'))
      .toEqual(['They convene at 9 a.m. Tuesday in Hall No. 5 with John F. Kennedy’s papers.', 'Then they leave.']);
  });

  it('segment() keeps "U.S." and "U.K." with the institution or title that follows', () => {
    expect(sentencesOf('The U.S. European Command and U.K. Defence Secretary met U.S. Sen. Smith and Lt. Col. Jones at St. Petersburg docks. Next.'))
      .toEqual(['The U.S. European Command and U.K. Defence Secretary met U.S. Sen. Smith and Lt. Col. Jones at St. Petersburg docks.', 'Next.']);
  });

  it('segment() still splits after an initialism that ends a sentence', () => {
    expect(sentencesOf('Talks were held with the U.S. The deal was signed on Friday.'))
      .toEqual(['Talks were held with the U.S.', 'The deal was signed on Friday.']);
  });

  it('segment() keeps a quotation and its attribution together', () => {
    expect(sentencesOf('“Stop!” he said. Next.')).toEqual(['“Stop!” he said.', 'Next.']);
  });

  it('segment() marks sentences inside boilerplate as not content', () => {
    const doc = ingest('a.txt', new TextEncoder().encode('Jets violated the airspace.\nShare on Facebook\nDiese Website verwendet Cookies. Akzeptieren'));
    expect(segment(doc).map((s) => [s.text, s.isContent])).toEqual([
      ['Jets violated the airspace.', true],
      ['Share on Facebook', false],
      ['Diese Website verwendet Cookies.', false],
      ['Akzeptieren', false],
    ]);
  });

  it('segment() cuts boilerplate at a sentence end into a sentence of its own', () => {
    const doc = ingest('a.txt', new TextEncoder().encode('We tackle our shared challenges together. pic.twitter.com/TQfu4MLv0M\nWhy?'));
    expect(segment(doc).map((s) => [s.text, s.isContent])).toEqual([
      ['We tackle our shared challenges together.', true],
      ['pic.twitter.com/TQfu4MLv0M', false],
      ['Why?', true],
    ]);
  });

  it('segment() keeps a sentence with a photo credit inside it as content', () => {
    const doc = ingest('a.txt', new TextEncoder().encode('Allies met (Photo: Jane Doe/AFP) again.'));
    expect(segment(doc).map((s) => [s.text, s.isContent])).toEqual([['Allies met (Photo: Jane Doe/AFP) again.', true]]);
  });

  it('segment() splits a long line across chunk edges without losing or duplicating text', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `Sentence number ${i} ends here.`).join(' ');
    const sentences = sentencesOf(text);
    expect(sentences.length).toBe(3000);
    expect(sentences.join(' ')).toBe(text);
  });

  it('segment() cuts a sentence longer than a chunk at a space, never inside a word', () => {
    const words = 'alliance '.repeat(2000).trim();
    for (const s of sentencesOf(words)) expect(s.split(' ').every((w) => w === 'alliance')).toBe(true);
  });

  // A quadratic split would not finish within these tests' timeout; no time is asserted.
  it('segment() handles a 1 MB line without spaces, in pieces of bounded size', { timeout: 20_000 }, () => {
    const text = 'x'.repeat(1_000_000);
    const sentences = sentencesOf(text);
    expect(sentences.join('')).toBe(text);
    expect(Math.max(...sentences.map((s) => s.length))).toBeLessThanOrEqual(4096);
  });

  it('segment() handles a 1 MB line without punctuation', { timeout: 20_000 }, () => {
    const text = 'word '.repeat(200_000);
    const sentences = sentencesOf(text);
    expect(sentences.join(' ').replace(/\s+/g, ' ')).toBe(text.trim());
  });
});

describe('segment: ICU in runs of lines', () => {
  // Paragraphs of a few sentences each, as the 5 MB bench document (scripts/bench-memory.ts) is made.
  const paragraphs = (count: number) =>
    Array.from({ length: count }, (_, i) => `Troops met in Riga on ${i} May. Gen. Smith said “Stop!” he said. Why? U.S. forces left.`).join('\n\n');

  it('segment() calls ICU once a run of lines, not once a line (each call leaves native memory until a collection)', () => {
    const text = paragraphs(2000);
    const calls = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    try {
      segment(ingest('a.txt', new TextEncoder().encode(text)));
      expect(calls.mock.calls.length).toBeLessThanOrEqual(Math.ceil(text.length / SEGMENT_DEFAULTS.runChars) * 2);
      expect(calls.mock.calls.length).toBeLessThan(2000 / 10);
    } finally {
      calls.mockRestore();
    }
  });

  it('segment() splits lines read in runs exactly as it splits each line alone', () => {
    const doc = ingest('a.txt', new TextEncoder().encode(paragraphs(500)));
    expect(segment(doc)).toEqual(segment(doc, { ...SEGMENT_DEFAULTS, runChars: 0 }));
  });

  // Every kind of line end ICU knows, tags, lines longer than a run and than a chunk, abbreviations across line ends.
  const piece = fc.constantFrom(
    'NATO', 'met', 'U.S.', 'Gen.', 'a.m.', 'No.', '5', '“Stop!”', 'he', 'said.', 'Why?', '...', ' ', '\n', '\r\n', '\r',
    '\u2028', '\u2029', '\u0085', '\n\n', '<p>', '</p>', 'Brussels.', 'Share on Facebook', 'x'.repeat(30),
  );
  const lines = fc.array(piece, { minLength: 1, maxLength: 120 }).map((parts) => parts.join(' '));

  it('segment() gives the same sentences in runs of any length as line by line, over lines of any length', () => {
    fc.assert(
      fc.property(lines, fc.integer({ min: 1, max: 300 }), fc.integer({ min: 16, max: 200 }), (t, runChars, chunkChars) => {
        // The text as given (ingest would turn some of these line ends and tags into other things, or refuse it).
        const doc = { ...ingest('p.txt', new TextEncoder().encode('x')), text: t, boilerplate: [] };
        expect(segment(doc, { ...SEGMENT_DEFAULTS, chunkChars, runChars })).toEqual(segment(doc, { ...SEGMENT_DEFAULTS, chunkChars, runChars: 0 }));
      }),
      { numRuns: 300 },
    );
  });
});

describe('segment: properties', () => {
  // Text made of the pieces news pages are made of: words, abbreviations, quotes, line ends, odd spaces.
  const piece = fc.constantFrom(
    'NATO', 'met', 'U.S.', 'Gen.', 'a.m.', 'No.', '5', 'e.g.', '“Stop!”', 'he', 'said.', 'Why?', '...', ' ', '  ', '\n', '\r\n',
    '\n\n', '\t', '\u00a0', '🇺🇦', 'Ukraine’s', 'Brussels.', 'Share on Facebook', 'cookies', 'x',
  );
  const text = fc.array(piece, { minLength: 1, maxLength: 60 }).map((parts) => parts.join(' ')).filter((t) => t.trim() !== '');

  it('segment() returns ordered, trimmed, non-overlapping sentences whose text matches their offsets', () => {
    fc.assert(
      fc.property(text, (t) => {
        const doc = ingest('p.txt', new TextEncoder().encode(t));
        let previousEnd = 0;
        for (const s of segment(doc)) {
          expect(s.text).toBe(t.slice(s.start, s.end));
          expect(s.text.trim()).toBe(s.text);
          expect(s.text).not.toBe('');
          expect(s.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = s.end;
        }
      }),
    );
  });

  it('segment() leaves no visible character outside a sentence', () => {
    fc.assert(
      fc.property(text, (t) => {
        const sentences = segment(ingest('p.txt', new TextEncoder().encode(t)));
        let rest = '';
        let at = 0;
        for (const s of sentences) {
          rest += t.slice(at, s.start);
          at = s.end;
        }
        rest += t.slice(at);
        expect(rest.trim()).toBe('');
      }),
    );
  });
});
