// A document's dateline: where (and when) it was filed, written before its first sentence ("BUCHAREST, 7 September
// 2023 —", "KYIV, Ukraine (AP) —") or as short lines above a transcript ("Tartu, Estonia"). The place stands for
// the lede's events that name none; the date for the publication date of a document without a manifest.
import type { DateMention, GazetteerEntry, ResolvedMention, Sentence } from '../types.ts';

export const DATELINE_DEFAULTS = {
  /** Content sentences at the top searched for a dateline. */
  sentences: 4,
  /** Longest line (in words) read as a place line above a transcript. */
  maxPlaceLineWords: 6,
};

// Dashes, with the C1 controls U+0096 and U+0097 that Windows-1252's en and em dash become when a page's text was
// decoded as Latin-1 ("TEGA CAY\u0097 Local fire departments ...").
// After the place: ", Ukraine", "(AP)", a date, then a dash; or, as Reuters writes it, the date before the agency
// ("KYIV, March 12 (Reuters) -").
const AFTER_PLACE = /^(?:,\s*[\p{L}. ]{2,30})?(?:,\s*\p{L}+\.? \d{1,2}(?=\s*\())?\s*(?:\([\p{L} .]{1,30}\))?\s*(?:,\s*[\p{L}\d ,.]{4,30})?\s*(?:[—–\u0096\u0097]|--?)\s/u;

// A wire dateline opening a sentence: "SAN DIEGO (AP) - ", "WASHINGTON, D.C. — ", "BAGHDAD -- ".
const WIRE_DATELINE = /^\p{Lu}[\p{Lu}.'-]+(?:\s+\p{Lu}[\p{Lu}.'-]*){0,3}(?:,\s*[\p{L}. ]{2,20})?\s*(?:\([\p{L} .]{1,30}\))?\s*(?:[—–\u0096\u0097]|--?)\s/u;

/** True when a sentence opens with a wire dateline in capitals: a new story begins there. */
export const opensStory = (sentence: string): boolean => WIRE_DATELINE.test(sentence);

export interface Dateline {
  place: (ResolvedMention & { entry: GazetteerEntry }) | null;
  /** The day the dateline gives (ISO), or null. */
  day: string | null;
  /** The sentence index it was read from. */
  sentence: number;
}

/** The dateline of a document, or null when it has none. */
export function readDateline(text: string, sentences: readonly Sentence[], mentions: readonly ResolvedMention[], dates: readonly DateMention[], opts = DATELINE_DEFAULTS): Dateline | null {
  let seen = 0;
  for (let i = 0; i < sentences.length && seen < opts.sentences; i++) {
    const s = sentences[i];
    if (!s.isContent) continue;
    seen++;
    const inside = mentions.filter((m): m is ResolvedMention & { entry: GazetteerEntry } => m.entry !== null && m.start >= s.start && m.end <= s.end);
    const first = inside[0];
    const lead = first ? text.slice(s.start, first.start).trim() : '';
    // "WARSAW, Poland, 7 September 2023 — ..."
    if (first && lead === '' && AFTER_PLACE.test(text.slice(first.end, s.end))) {
      const dash = text.slice(first.end, s.end).search(/[—–\u0096\u0097]|--?\s/);
      const day = dates.find((d) => d.start >= first.end && d.start < first.end + dash && d.interval?.precision === 'day')?.interval?.start ?? null;
      return { place: mostPrecise(inside.filter((m) => m.start < first.end + dash)), day, sentence: i };
    }
    // A short line that is only places: "Tartu, Estonia" above a transcript
    const words = s.text.split(/\s+/).filter(Boolean);
    if (inside.length && words.length <= opts.maxPlaceLineWords) {
      const rest = inside.reduceRight((t, m) => t.slice(0, m.start - s.start) + t.slice(m.end - s.start), s.text);
      if (/^[\s,.;:–—-]*(?:the\s*)?[\s,.;:–—-]*$/i.test(rest)) return { place: mostPrecise(inside), day: null, sentence: i };
    }
  }
  return null;
}

const RANK: Record<GazetteerEntry['kind'], number> = { site: 3, city: 2, region: 1, country: 0 };

function mostPrecise<T extends { entry: GazetteerEntry }>(ms: readonly T[]): T | null {
  return ms.reduce<T | null>((best, m) => (!best || RANK[m.entry.kind] > RANK[best.entry.kind] ? m : best), null);
}
