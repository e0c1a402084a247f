// Person names found before places are looked for, so that "Lloyd Austin" and "Ben Wallace" are not towns.
import type { Gazetteer } from '../gazetteer.ts';
import type { Span } from '../types.ts';
import { normaliseName } from './normalise.ts';
import { isCapitalised, joinsName, type Token } from './tokens.ts';
import { CONNECTORS, TITLES } from './words.ts';

export interface PersonNames {
  /** The name part of each person reference ("Austin" in "Secretary Austin", "Lloyd Austin" in "Lloyd Austin"). */
  spans: Span[];
  /** Last words of those names: "Austin said" later in the same document is the same person. */
  surnames: Set<string>;
}

/** Longest run of capitalised words taken as one person's name after a title or given name. */
const MAX_NAME_WORDS = 4;

/** A given name that is also a country, a subdivision, a capital or a big city starts a place, not a person. */
function isStrongPlace(word: string, gazetteer: Gazetteer, strongPopulation: number): boolean {
  return gazetteer.lookupName(normaliseName(word)).some((e) =>
    e.kind === 'country' || e.kind === 'region' || e.featureCode === 'PPLC' || e.population >= strongPopulation);
}

/** Capitalised words from `from` on that join as one name (a middle initial "J." joins too). */
function nameRun(text: string, tokens: readonly Token[], from: number): number {
  let j = from;
  while (j < tokens.length && j - from < MAX_NAME_WORDS && isCapitalised(tokens[j]) && !CONNECTORS.has(tokens[j].text)) {
    if (j > from && !joinsName(text, tokens[j - 1], tokens[j])) break;
    j++;
  }
  return j;
}

/** Person names in the sentences' words: after a title ("President X"), or a given name and a surname ("Ben X"). */
export function findPersonNames(
  text: string,
  sentences: readonly (readonly Token[])[],
  gazetteer: Gazetteer,
  strongPopulation: number,
): PersonNames {
  const spans: Span[] = [];
  const surnames = new Set<string>();
  for (const tokens of sentences) {
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i];
      let from = -1;
      if (TITLES.has(t.text)) {
        from = i + 1;
        while (from < tokens.length && TITLES.has(tokens[from].text) && joinsName(text, tokens[from - 1], tokens[from])) from++;
        if (from >= tokens.length || !joinsName(text, tokens[from - 1], tokens[from])) from = -1;
      } else if (
        isCapitalised(t) && gazetteer.isGivenName(t.text) && i + 1 < tokens.length &&
        text.slice(t.end, tokens[i + 1].start) === ' ' && !isStrongPlace(t.text, gazetteer, strongPopulation)
      ) {
        from = i;
      }
      const end = from < 0 ? from : nameRun(text, tokens, from);
      // A given name alone ("Austin") is no person; it needs a surname after it.
      if (end > from && (from > i || end - from >= 2)) {
        spans.push({ start: tokens[from].start, end: tokens[end - 1].end });
        surnames.add(tokens[end - 1].text);
        i = end;
      } else {
        i++;
      }
    }
  }
  return { spans, surnames };
}
