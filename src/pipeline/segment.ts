// Splits a document into sentences: ICU's sentence breaks, plus a break at every line end (headlines, list items
// and captions have no full stop), minus the false breaks ICU makes after abbreviations ("Gen. Smith", "U.S. troops").
import { markupSpans } from './boilerplate.ts';
import type { IngestedDocument, Sentence, Span } from './types.ts';

export const SEGMENT_DEFAULTS = {
  /**
   * ICU is fed at most this many characters at a time. V8 copies the whole input string into every segment it
   * returns, so one huge line with many sentences would cost length x sentences; chunking bounds that.
   */
  chunkChars: 4096,
  /**
   * Lines with sentence punctuation are fed to ICU in runs of up to this many characters, one call a run (see
   * icuBreaks); 0 feeds each line alone. Like chunkChars, a run much longer costs more than it saves (measured: the
   * 5 MB document's lines alone 2.0 s, runs of 4,096 characters 0.8 s, of 65,536 7.3 s).
   */
  runChars: 4096,
  /**
   * Letters a sentence that touches boilerplate needs outside it to be content. Boilerplate at a sentence's ends is
   * cut off first, so this decides sentences with a credit inside: "Allies met (Photo: Jane Doe/AFP) again." is.
   */
  minContentLetters: 10,
};

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// A break after these is never a sentence end ("Gen. Smith", "e.g. Norway", "vs. Russia").
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'cpl', 'pvt', 'brig',
  'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'amb', 'st', 'mt', 'ft', 'vs', 'v', 'e.g', 'i.e', 'cf', 'approx',
  'est', 'incl', 'dept', 'gov\'t', 'fig', 'al',
]);
// A break after these is false only before a number ("No. 5", "Oct. 17", "p. 12").
const BEFORE_NUMBER = new Set([
  'no', 'nos', 'nr', 'vol', 'p', 'pp', 'art', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec',
]);
// Words that continue a sentence after an initialism ("U.S. Secretary", "U.N. Security Council", "9 a.m. Tuesday").
const AFTER_INITIALISM =
  /^(secretary|president|vice|ambassador|embassy|envoy|agency|officials?|forces?|troops|army|navy|air|marines?|military|defen[cs]e|state|department|government|administration|congress|senate|house|senator|representative|general|command|central|special|national|security|intelligence|treasury|justice|federal|sanctions|policy|election|allies|ally|partners?|counterpart|delegation|mission|peacekeepers?|european|pacific|indo|africa|northern|southern|space|cyber|coast|border|capitol|sen|rep|gen|gov|lt|col|adm|maj|brig|monday|tuesday|wednesday|thursday|friday|saturday|sunday|gmt|utc|cet|cest|bst|et|est|edt|pt|pst|pdt|local|time)\b/i;

// A month and its day continue a time before them ("at 7 p.m. May 12 at the library").
const MONTH_DAY = /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d{1,2}\b/i;

const lineBreak = /\r\n|[\n\r\u2028\u2029\u0085]/g;
const LETTER = /\p{L}/u;
const SENTENCE_PUNCTUATION = /[.!?…‼⁇⁈⁉;։۔।。！？]/;

/** The last word of `segment` (with inner dots) if it ends with a full stop: "U.S.", "Gen.", "a.m.". */
function abbreviationAtEnd(segment: string): string | null {
  const m = /(?:^|[\s(“"'‘])([\p{L}][\p{L}.']*)\.\s*$/u.exec(segment);
  return m ? m[1] : null;
}

/** True when ICU's break between `before` and `after` (both within one line) is not a sentence end. */
function isFalseBreak(before: string, after: string): boolean {
  const first = after.trimStart();
  if (!first) return false;
  // A sentence never starts in lower case; ICU breaks there after "!”" or "?”" ("“Stop!” he said").
  if (/^[\p{Ll}]/u.test(first)) return true;
  const word = abbreviationAtEnd(before);
  if (word === null) return false;
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return true;
  if (BEFORE_NUMBER.has(lower)) return /^\d/.test(first);
  // A single capital is an initial ("John F. Kennedy", "I. Kalupahana").
  if (/^\p{Lu}$/u.test(word)) return true;
  // Initialisms: "U.S.", "a.m.", "U.K." before a number or a word that continues the phrase.
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return /^\d/.test(first) || AFTER_INITIALISM.test(first) || MONTH_DAY.test(first);
  return false;
}

/** ICU sentence spans of text[from, to), in chunks so that a huge line stays linear (see chunkChars). */
function icuSentences(
  text: string,
  from: number,
  to: number,
  opts: typeof SEGMENT_DEFAULTS,
  out: Span[],
  forcedCuts: Set<number>,
): void {
  let start = from;
  while (start < to) {
    const chunkEnd = Math.min(to, start + opts.chunkChars);
    const pieces: Span[] = [];
    for (const s of segmenter.segment(text.slice(start, chunkEnd))) {
      pieces.push({ start: start + s.index, end: start + s.index + s.segment.length });
    }
    // The chunk's last piece may be a sentence cut by the chunk edge: start the next chunk at it.
    if (chunkEnd < to && pieces.length > 1) {
      pieces.pop();
      for (const piece of pieces) out.push(piece);
      start = pieces[pieces.length - 1].end;
    } else if (chunkEnd < to) {
      // One sentence longer than a chunk (junk, tables): cut it at a space rather than inside a word.
      let cut = chunkEnd;
      while (cut > start + opts.chunkChars / 2 && text[cut - 1] !== ' ') cut--;
      if (cut <= start + opts.chunkChars / 2) cut = chunkEnd;
      out.push({ start, end: cut });
      forcedCuts.add(cut);
      start = cut;
    } else {
      for (const piece of pieces) out.push(piece);
      start = chunkEnd;
    }
  }
}

/** Joins pieces split at a false break; never across a forced cut, which would rebuild an oversized sentence. */
function mergeFalseBreaks(text: string, pieces: Span[], forcedCuts: Set<number>): Span[] {
  const merged: Span[] = [];
  for (const piece of pieces) {
    const previous = merged[merged.length - 1];
    if (
      previous &&
      previous.end === piece.start &&
      !forcedCuts.has(piece.start) &&
      isFalseBreak(text.slice(Math.max(previous.start, previous.end - 40), previous.end), text.slice(piece.start, piece.start + 40))
    ) {
      previous.end = piece.end;
    } else {
      merged.push({ ...piece });
    }
  }
  return merged;
}

/** Letters of `span` outside boilerplate, up to `enough`; `from` is the first span that may overlap it. */
function lettersOutside(text: string, span: Span, boilerplate: readonly Span[], from: number, enough: number): number {
  let letters = 0;
  let at = span.start;
  for (let i = from; at < span.end && letters < enough; i++) {
    const next = i < boilerplate.length && boilerplate[i].start < span.end ? boilerplate[i] : null;
    const stop = next ? Math.max(at, next.start) : span.end;
    for (let k = at; k < stop && letters < enough; k++) if (LETTER.test(text[k])) letters++;
    if (!next) break;
    at = Math.max(at, next.end);
  }
  return letters;
}

function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * Trimmed, non-empty pieces, with boilerplate at a piece's start or end cut off into a piece of its own: "...
 * together. pic.twitter.com/x" is a content sentence and a link, not one sentence that is mostly link.
 */
function splitAtBoilerplateEdges(text: string, pieces: readonly Span[], boilerplate: readonly Span[]): Span[] {
  const out: Span[] = [];
  let b = 0;
  for (const piece of pieces) {
    let rest = trim(text, piece);
    while (b < boilerplate.length && boilerplate[b].end <= rest.start) b++;
    for (let i = b; i < boilerplate.length && boilerplate[i].start < rest.end && rest.end > rest.start; i++) {
      const bp = boilerplate[i];
      if (bp.start <= rest.start && bp.end < rest.end) {
        out.push(trim(text, { start: rest.start, end: bp.end }));
        rest = trim(text, { start: bp.end, end: rest.end });
      } else if (bp.start > rest.start && bp.end >= rest.end) {
        out.push(trim(text, { start: rest.start, end: bp.start }));
        rest = trim(text, { start: bp.start, end: rest.end });
      }
    }
    out.push(rest);
  }
  return out.filter((span) => span.end > span.start);
}

/**
 * ICU's breaks inside text[from, to), one segment() call for the whole run of lines. Each call leaves a break
 * iterator outside V8's heap until a collection finds its small JS object (about 6 KB each: 18,000 lines of a 5 MB
 * document grew the process by about 100 MB), so a run of lines shares one. Lines end in ICU's paragraph separators,
 * after which its rules start afresh and across which they never look, so a line's breaks are the same as alone.
 */
function icuBreaks(text: string, from: number, to: number): number[] {
  const breaks: number[] = [];
  for (const s of segmenter.segment(text.slice(from, to))) if (s.index > 0) breaks.push(from + s.index);
  return breaks;
}

/** Pieces of text[from, to): a line each, or ICU's sentences of a line that has sentence punctuation. */
function linePieces(text: string, from: number, to: number, opts: typeof SEGMENT_DEFAULTS, pieces: Span[], forcedCuts: Set<number>): void {
  const lines = new RegExp(lineBreak.source, 'g');
  lines.lastIndex = from;
  // ICU's breaks of the run of lines [runFrom, runTo) (at most runChars long), read from breaks[next] on.
  let runTo = from;
  let breaks: number[] = [];
  let next = 0;
  for (;;) {
    const match = lines.exec(text);
    const end = match && match.index < to ? match.index : to;
    // A line without sentence punctuation (a headline, a list item, a share button) is one piece; ICU costs
    // microseconds per call, which add up over pages of short lines.
    if (end - from <= opts.chunkChars && !SENTENCE_PUNCTUATION.test(text.slice(from, end))) {
      if (end > from) pieces.push({ start: from, end });
    } else if (end - from > Math.min(opts.chunkChars, opts.runChars)) {
      // A line longer than a run is fed to ICU alone, in chunks if it is longer than one (icuSentences).
      if (end > from) icuSentences(text, from, end, opts, pieces, forcedCuts);
    } else {
      if (end > runTo) {
        // The run's last line may be cut: its breaks are not read, since it starts a run of its own.
        runTo = Math.min(to, from + opts.runChars);
        breaks = icuBreaks(text, from, runTo);
        next = 0;
      }
      while (next < breaks.length && breaks[next] <= from) next++;
      let start = from;
      for (; next < breaks.length && breaks[next] < end; next++) {
        pieces.push({ start, end: breaks[next] });
        start = breaks[next];
      }
      pieces.push({ start, end });
    }
    if (!match || match.index >= to) return;
    from = Math.min(to, match.index + match[0].length);
  }
}

/** The document's sentences in order; each `text` equals `doc.text.slice(start, end)` and has no outer space. */
export function segment(doc: IngestedDocument, opts = SEGMENT_DEFAULTS): Sentence[] {
  const { text } = doc;
  const pieces: Span[] = [];
  const forcedCuts = new Set<number>();
  // HTML markup breaks sentences as a line end does: "<p>NATO met in Brussels.</p>" is one sentence and two tags,
  // and a tag is never joined to the prose beside it.
  let from = 0;
  for (const tag of markupSpans(text)) {
    linePieces(text, from, tag.start, opts, pieces, forcedCuts);
    pieces.push({ start: tag.start, end: tag.end });
    forcedCuts.add(tag.start);
    forcedCuts.add(tag.end);
    from = tag.end;
  }
  linePieces(text, from, text.length, opts, pieces, forcedCuts);
  const boilerplate = [...doc.boilerplate].sort((a, b) => a.start - b.start);
  const sentences: Sentence[] = [];
  let firstBoilerplate = 0;
  for (const span of splitAtBoilerplateEdges(text, mergeFalseBreaks(text, pieces, forcedCuts), boilerplate)) {
    const { start, end } = span;
    while (firstBoilerplate < boilerplate.length && boilerplate[firstBoilerplate].end <= start) firstBoilerplate++;
    sentences.push({
      start,
      end,
      text: text.slice(start, end),
      isContent:
        firstBoilerplate >= boilerplate.length ||
        boilerplate[firstBoilerplate].start >= end ||
        lettersOutside(text, { start, end }, boilerplate, firstBoilerplate, opts.minContentLetters) >= opts.minContentLetters,
    });
  }
  return sentences;
}
