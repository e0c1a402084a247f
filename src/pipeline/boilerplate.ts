// Finds the parts of a scraped page that are not the article: cookie banners, share buttons, bylines, photo
// credits, "More News". Offsets are kept: boilerplate is reported as spans, never cut out.
import type { Span } from './types.ts';

export const BOILERPLATE_DEFAULTS = {
  /** Lines longer than this are article prose even if they match a pattern (a paragraph quoting "Share on X"). */
  maxLineChars: 400,
  /** How many lines after a cookie banner's first line may still belong to it (its text and buttons). */
  maxBannerLines: 8,
  /** A line this short (in words) right after a banner is taken for one of its buttons ("Avslå", "OK"). */
  maxButtonWords: 3,
};

/** One of `alternatives` as whole words (`\\b` does not work beside non-ASCII letters such as "å"). */
function wordsPattern(alternatives: string[]): RegExp {
  return new RegExp(`(?<![\\p{L}])(?:${alternatives.join('|')})(?![\\p{L}])`, 'iu');
}

// Words for "cookie" in the languages of European news sites. `\b` fails next to non-ASCII letters, so the
// patterns use explicit letter classes.
const COOKIE_WORD =
  /(^|[^\p{L}])(cookies?|cookie-?\p{L}*|informasjonskapsler|informationskapslar|kakor|evästeet|evästeitä|sütik|sütiket|ciasteczk\p{L}*|galletas|kolačići|piškotk\p{L}*|küpsised|slapukai|sīkdatnes|biscoitos)(?![\p{L}])/iu;
const COOKIE_CONTEXT_WORDS = [
  // "this site uses", "we use" and the same in other languages
  'site|website|web-?page|webpage|nettsted|nettstad|nettside|webbplats|hjemmeside|webside|webseite|sitio|sito|strona|serwis|webpagina|verkkosivusto|weboldal',
  'we use|vi bruker|vi använder|vi bruger|wir verwenden|wir nutzen|nous utilisons|utilizamos|usamos|utilizziamo|używamy|wij gebruiken|we gebruiken|käytämme',
  'uses|bruker|använder|bruger|verwendet|nutzt|utilise|utiliza|utilizza|używa|gebruikt|käyttää',
  'consent|samtykke|samtycke|einwilligung|zustimmung|consentement|consentimiento|consenso|zgod\\p{L}*|toestemming|suostumus',
  'accept\\p{L}*|godta|aksepter|godkänn|akzept\\p{L}*|acept\\p{L}*|accett\\p{L}*|akcept\\p{L}*',
  'privacy|personvern\\p{L}*|integritet|datenschutz|confidentialit\\p{L}*|privacidad|riservatezza|prywatno\\p{L}*|tietosuoja',
];
const COOKIE_CONTEXT = wordsPattern(COOKIE_CONTEXT_WORDS);
// Privacy wording and buttons that follow a banner's first line.
const BANNER_CONTINUATION = wordsPattern([
  ...COOKIE_CONTEXT_WORDS,
  'reject|decline|refuse|agree|allow|manage|preferences|settings|options|learn more|read more|more information|ok|got it',
  'avslå|avvis|innstillinger|les mer|neka|avvisa|inställningar|afvis|tillad|indstillinger|ablehnen|einstellungen|mehr erfahren',
  'refuser|paramètres|en savoir plus|rechazar|configuración|más información|rifiuta|impostazioni|odrzuć|ustawienia|weigeren|instellingen',
]);

// Whole lines that are page furniture. Each is tested against the trimmed line.
const LINE_PATTERNS: RegExp[] = [
  /^(leave a (comment|reply)|post a comment|add a comment|comments?|\d+ comments?|no comments?( yet)?)$/i,
  /\bno comments? on\b/i,
  /\b\d+\s*(-\s*)?(minute|min)s?\.? read\b/i,
  /^(more|related|latest|recommended|top|trending|popular|other) (news|stories|articles|posts|reads|content)\b.{0,40}$/i,
  /^(read more|read next|see also|also read|related:|advertisement|sponsored|subscribe|sign up|skip to (main )?content|back to top|click here)(?!\p{L}).{0,80}$/iu,
  /^related$/i,
  /^(top|bottom) of (the )?page$/i,
  // "Updated: 1 day ago", "Published 17 October 2024 10:32" (not "Posted troops arrive in Estonia")
  /^(updated|published|posted|last updated|first published|modified)(\s*:|\s+((on|at)\s+)?(\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)).{0,60}$/i,
  /^\d+\s+(seconds?|minutes?|hours?|days?|weeks?|months?)\s+ago$/i,
  /^(cover |header |featured |main |lead |top |file )?(image|photo|picture|pic|photograph|illustration|video)s?\s*(source|credit|courtesy|by)?s?\s*:.{0,160}$/i,
  /^(photo|image|picture) (credit|courtesy|by)\b.{0,160}$/i,
  /^(credits?|sources?|source\(s\)|via)\s*:.{0,120}$/i,
  /^(share|tweet|email|print|pin|save)( (this|it|the) (article|story|post|page))?( (on|to|via|with) [\p{L} ]{1,20})?$/iu,
  /^((facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email|e-mail|print|copy link|share)[\s,|·•]*){2,}$/i,
  // bylines name people: "By Jane Doe | Reuters", "by Admin 42 views" (not "By then it was over")
  /^[Bb][Yy]\s+\p{Lu}[\p{L}.'-]*(\s+\p{Lu}[\p{L}.'-]*){0,4}(\s*[|·•,-]\s*[\p{L} ]{1,40})?(\s+\d[\d,.]*k?\s+views?)?$/u,
  /^\d[\d,.]*k?\s+(views?|shares?|reads?)$/i,
  /^[\p{L}.'\s-]{2,60}\s+(staff|staff writer|staff reporter|correspondent|reporter|contributor|editor|news desk)$/iu,
  // author notes: "J. Doe is a Daily Times reporter covering the war"
  /^[\p{L}.'\s-]{2,40} is an? [\p{L} -]{0,40}(reporter|journalist|correspondent|writer|editor|contributor) (covering|who covers|based in|specializing|specialising|focusing)\b.{0,100}$/iu,
  /^(©|\(c\)|copyright\b|all rights reserved\b).{0,160}$/i,
  /^(tags?|topics?|categories|filed under|keywords)\s*:.{0,200}$/i,
  /^(listen to (this|the) (article|story)|click to (share|print|email)|opens in (a )?new window|loading\.*|please enable javascript|javascript is (disabled|required))\b.{0,80}$/i,
  // a credit line alone: "Reuters", "Jane Doe/AFP via Getty Images"
  /^([\p{L}.'\s-]{1,60}\/\s*)?(AFP|Reuters|AP|EPA(-EFE)?|Getty Images|Anadolu( Agency)?|Shutterstock|Alamy|dpa|TASS|Xinhua|Sipa|NurPhoto|Ukrinform)(\s+via\s+Getty Images)?$/u,
  /^(follow us|like us|join us) on\b.{0,80}$/i,
  // embedded tweet attribution: "— Name (@handle) October 17, 2024"
  /^[—–-]\s*.{1,80}\(@\w{1,30}\)\s+.{0,30}\d{4}$/u,
];

// Stretches inside a line: a photo credit tail "/Name Surname/AFP", a tweet's picture link.
const INLINE_PATTERNS: RegExp[] = [
  /\s\/\s?\p{Lu}[\p{L}.'\s-]{1,60}\/\s?[\p{Lu}][\p{L} ]{1,30}\s*$/gu,
  /(https?:\/\/)?pic\.twitter\.com\/\w+/g,
  /\((photo|image|picture|file photo)s?\s*(credit|by|courtesy|source)?\s*:?\s+[^)\n]{1,120}\)/gi,
];

// HTML saved as text (a web page kept with its markup): tags, comments and what <script>, <style>, <noscript> and
// <template> hold are not prose. Only names HTML uses count as tags, so "under <5 km" or "<Reuters>" stays prose.
const HTML_TAGS =
  'html|head|body|title|meta|link|base|script|style|noscript|template|div|span|p|a|b|i|u|s|em|strong|small|big|font|center|br|hr|wbr|img|picture|source|figure|figcaption|header|footer|nav|main|article|section|aside|h[1-6]|ul|ol|li|dl|dt|dd|table|caption|colgroup|col|thead|tbody|tfoot|tr|td|th|blockquote|q|cite|time|iframe|frame|frameset|video|audio|track|canvas|svg|path|g|form|input|button|label|select|option|textarea|fieldset|legend|pre|code|sup|sub|abbr|mark|object|embed|param|details|summary|dialog|address|ins|del';
const MARKUP = new RegExp(`<!--|<!doctype\\b[^<>]{0,200}>|<(/?)(${HTML_TAGS})(?=[\\s/>])[^<>]{0,2000}>`, 'gi');
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/**
 * Spans of HTML markup in `text`, sorted and non-overlapping: each tag, each comment, each doctype, and a script or
 * style element whole (its content is code, not prose). Linear: an element left unclosed ends at its opening tag,
 * and once a closing tag is known to be absent it is not searched for again.
 */
export function markupSpans(text: string): Span[] {
  const spans: Span[] = [];
  if (!text.includes('<')) return spans;
  const absent = new Set<string>();
  const closeAt = (pattern: string, from: number): number => {
    if (absent.has(pattern)) return -1;
    const close = new RegExp(pattern, 'gi');
    close.lastIndex = from;
    const m = close.exec(text);
    if (!m) {
      absent.add(pattern);
      return -1;
    }
    return m.index + m[0].length;
  };
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(text); m; m = MARKUP.exec(text)) {
    let end = m.index + m[0].length;
    if (m[0] === '<!--') {
      end = closeAt('-->', end);
      if (end < 0) continue;
    } else if (m[1] === '' && m[2] && RAW_TEXT.has(m[2].toLowerCase()) && !m[0].endsWith('/>')) {
      const closed = closeAt(`</${m[2].toLowerCase()}\\s*>`, end);
      if (closed >= 0) end = closed;
    }
    spans.push({ start: m.index, end });
    MARKUP.lastIndex = end;
  }
  return spans;
}

function isCookieBannerStart(line: string): boolean {
  return COOKIE_WORD.test(line) && (COOKIE_CONTEXT.test(line) || line.split(/\s+/).length <= 4);
}

function isBannerContinuation(line: string, opts: typeof BOILERPLATE_DEFAULTS): boolean {
  return (
    COOKIE_WORD.test(line) ||
    BANNER_CONTINUATION.test(line) ||
    line.split(/\s+/).length <= opts.maxButtonWords
  );
}

interface Line extends Span {
  text: string;
}

/** The document's lines, each trimmed of surrounding space; blank lines are left out. */
function lines(text: string): Line[] {
  const out: Line[] = [];
  const lineBreak = /\r\n|[\n\r\u2028\u2029\u0085]/g;
  let from = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const to = match ? match.index : text.length;
    let start = from;
    let end = to;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) out.push({ start, end, text: text.slice(start, end) });
    if (!match) return out;
    from = match.index + match[0].length;
  }
}

/** Spans of `text` that are not article content, sorted and non-overlapping. */
export function findBoilerplate(text: string, opts = BOILERPLATE_DEFAULTS): Span[] {
  const spans: Span[] = [];
  const all = lines(text);
  for (let i = 0; i < all.length; i++) {
    const line = all[i];
    if (line.text.length > opts.maxLineChars) {
      addInline(line, spans);
      continue;
    }
    if (isCookieBannerStart(line.text)) {
      let last = i;
      while (
        last + 1 < all.length &&
        last - i < opts.maxBannerLines &&
        all[last + 1].text.length <= opts.maxLineChars &&
        isBannerContinuation(all[last + 1].text, opts)
      ) {
        last++;
      }
      spans.push({ start: line.start, end: all[last].end });
      i = last;
    } else if (LINE_PATTERNS.some((p) => p.test(line.text))) {
      spans.push({ start: line.start, end: line.end });
    } else {
      addInline(line, spans);
    }
  }
  // One push per span: a page with more tags than the engine takes arguments would overflow the stack with a spread.
  for (const span of markupSpans(text)) spans.push(span);
  return normalised(spans);
}

function addInline(line: Line, spans: Span[]): void {
  for (const pattern of INLINE_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(line.text); m; m = pattern.exec(line.text)) {
      let start = m.index;
      while (/\s/.test(line.text[start])) start++;
      spans.push({ start: line.start + start, end: line.start + m.index + m[0].trimEnd().length });
    }
  }
}

/** Sorted, with overlapping spans joined (two inline patterns may cover the same credit). */
function normalised(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}
