// Scraped pages carry their furniture into the text: cookie banners (in any language), "Top of page", "More News",
// share and subscribe lines, menus. The reader shows such lines dimmed and folded, never as article text, and never
// hides a line that holds the excerpt. A line is furniture when it speaks of cookies, consent or navigation, or when
// it is one of two or more lines in a row that are not prose (a few words without a sentence's end: a menu), so a
// lone headline or subheading stays.

export const BOILERPLATE_DEFAULTS = {
  /** A line of at most this many words, without a sentence's end, is a menu item, a heading of a list, a button. */
  maxShortWords: 5,
  /** A line of more words is prose even when it names cookies or a newsletter. */
  maxPatternWords: 25,
  /** Furniture whatever its length: cookie and consent banners (English, Norwegian, German, French, …), navigation. */
  pattern: new RegExp([
    'cookie', 'informasjonskapsl', 'samtykke', 'datenschutz', 'einwilligung', 'consentement', 'privacy (policy|settings)',
    'accept all', 'godta alle', 'alle akzeptieren', 'top of (the )?page', 'back to top', 'more news', 'read more',
    'share (this|on)', 'subscribe', 'newsletter', 'sign up', 'log ?in', 'all rights reserved', 'advertisement', 'skip to',
  ].join('|'), 'i'),
};

/** [start, end, sure] of each line of `text` that may be furniture (line ends excluded), in order; `sure`: by pattern. */
export function boilerplateLines(text: string, opts = BOILERPLATE_DEFAULTS): [number, number, boolean][] {
  const out: [number, number, boolean][] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    if (line) {
      const words = line.split(/\s+/).length;
      // A paragraph that mentions a newsletter once is still prose: the pattern decides only for short lines.
      const sure = words <= opts.maxPatternWords && opts.pattern.test(line);
      if (sure || (words <= opts.maxShortWords && !/[.!?…:»"”)]$/.test(line))) out.push([start, end, sure]);
    }
    start = end + 1;
  }
  return out;
}

/**
 * Runs of furniture to fold: furniture lines next to each other merged, a short line alone kept (a headline), and
 * any run that touches [keepStart, keepEnd) (the excerpt) left out, so what the event rests on is always shown.
 */
export function foldedRuns(text: string, keepStart: number, keepEnd: number, opts = BOILERPLATE_DEFAULTS): [number, number][] {
  const runs: { start: number; end: number; lines: number; sure: boolean }[] = [];
  for (const [s, e, sure] of boilerplateLines(text, opts)) {
    const last = runs[runs.length - 1];
    // Lines next to each other (no blank line between) are one block: a menu, a footer.
    if (last && text.slice(last.end, s) === '\n') Object.assign(last, { end: e, lines: last.lines + 1, sure: last.sure || sure });
    else runs.push({ start: s, end: e, lines: 1, sure });
  }
  return runs.filter((r) => (r.sure || r.lines >= 2) && (r.end <= keepStart || r.start >= keepEnd)).map((r) => [r.start, r.end]);
}
