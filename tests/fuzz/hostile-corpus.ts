// Corpora whose titles, credits and texts hold the strings that break splicing: `$` replacement patterns, `</script>`,
// `<!--`, lone surrogates and right-to-left marks. Shared by the export's property test (tests/fuzz/export.test.ts)
// and its browser test (tests/browser/export-hostile.test.ts).
import fc from 'fast-check';

/** Each of these has broken a page, a JSON file or a message somewhere. */
export const HOSTILE_PIECES = ['$$', '$&', '$`', "$'", '$1', '$<name>', 'US$$2 million', '</script>', '</SCRIPT >', '<!--', '-->',
  '<script>', '\ud800', '\udfff', '\u200f', '\u202e', '\u2067', '\u061c', '"', '\\', '\\u003c', '</head>', '<', '&amp;', '😀'];

const piece = fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 4 }));
/** A short string of hostile pieces and random characters. */
export const hostileString = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('')).filter((s) => s.trim() !== '');
/** The same, for the text of a document: UTF-8 on disk holds no lone surrogate, so none is written there. */
const textPiece = hostileString.map((s) => s.replace(/\p{Cs}/gu, '\ufffd'));

/** Sentences the pipeline turns into events (a place, an event word, a date), for the hostile strings to sit beside. */
const EVENT_SENTENCES = [
  'Russian drones violated Polish airspace near Rzeszow on 10 September 2025.',
  'NATO defence ministers met in Brussels on 15 October 2025.',
  'Troops deployed to Latvia on 3 May 2025.',
  'A cargo plane crashed near Vilnius on 25 November 2024.',
  'Fighter jets were scrambled over Estonia on 19 September 2025.',
];

export interface HostileDocument {
  file: string;
  title: string;
  credit: string;
  published: string;
  text: string;
}

/** One to four documents, each an event sentence with hostile strings around it and hostile title and credit. */
export const hostileCorpus = fc.uniqueArray(fc.integer({ min: 0, max: EVENT_SENTENCES.length - 1 }), { minLength: 1, maxLength: 4 })
  .chain((picks) => fc.tuple(...picks.map((k, i) => fc.record({
    title: hostileString, credit: hostileString, before: textPiece, after: textPiece,
  }).map(({ title, credit, before, after }): HostileDocument => ({
    file: `doc-${i}.txt`,
    title,
    credit,
    published: '2025-12-01',
    // Sentences end with a full stop and a line break, so the hostile text is its own sentence beside the event's.
    text: `${before}\n${EVENT_SENTENCES[k]}\n${after}\n`,
  })))));
