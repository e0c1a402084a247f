// Person names found before places are looked for, so that "Lloyd Austin" and "Ben Wallace" are not towns.
import type { Gazetteer } from '../gazetteer.ts';
import type { Span } from '../types.ts';
import { normaliseName } from './normalise.ts';
import { isAllCaps, isCapitalised, joinsName, type Token } from './tokens.ts';
import { CALENDAR_WORDS, CONNECTORS, PLACE_NAME_STARTS, STREET_WORDS, TITLES } from './words.ts';

export interface PersonNames {
  /** The name part of each person reference ("Austin" in "Secretary Austin", "Lloyd Austin" in "Lloyd Austin"). */
  spans: Span[];
  /** Words of those names: "Austin said" later in the same document is the same person. */
  surnames: Set<string>;
}

/** Longest run of capitalised words taken as one person's name after a title or given name. */
const MAX_NAME_WORDS = 4;

/** A given name that is also a country, a subdivision, a capital or a big city starts a place, not a person. */
function isStrongPlace(word: string, gazetteer: Gazetteer, strongPopulation: number): boolean {
  const key = normaliseName(word);
  // A capital counts under its own name only: "Ben" is an old name of Bern, and a given name.
  return gazetteer.lookupName(key).some((e) => e.kind === 'country' || e.kind === 'region' ||
    e.population >= strongPopulation || (e.featureCode === 'PPLC' && normaliseName(e.name) === key));
}

/**
 * "North Carolina", "Velyka Novosilka", "Sri Lankan": words from i on that the gazetteer knows as one multi-word name
 * or adjectival form.
 */
function startsPlaceName(text: string, tokens: readonly Token[], i: number, gazetteer: Gazetteer): boolean {
  for (let j = i + 1; j < tokens.length && j < i + MAX_NAME_WORDS; j++) {
    if (!joinsName(text, tokens[j - 1], tokens[j])) return false;
    const key = normaliseName(text.slice(tokens[i].start, tokens[j].end));
    if (gazetteer.lookupName(key).length || gazetteer.lookupAdjective(key).length) return true;
  }
  return false;
}

/**
 * "Mihai Viteazy": words from i on, of fuzzyMinLetters letters or more, one slip from a multi-word place name
 * (Mihai Viteazu, the Romanian commune named after a prince). Asked only of names already read
 * as a person's, as it costs more than an exact look-up.
 */
function slipsFromPlaceName(text: string, tokens: readonly Token[], i: number, gazetteer: Gazetteer, minLetters: number): boolean {
  for (let j = i + 1; j < tokens.length && j < i + MAX_NAME_WORDS; j++) {
    if (!joinsName(text, tokens[j - 1], tokens[j]) || !isCapitalised(tokens[j]) || isAllCaps(tokens[j])) return false;
    const key = normaliseName(text.slice(tokens[i].start, tokens[j].end));
    if (key.replace(/ /g, '').length >= minLetters && gazetteer.lookupNameNear(key).length) return true;
  }
  return false;
}

/**
 * "Ben Wallace"; but not "Philippine Airlines", whose first word is also a country's adjective, nor "Washington Post",
 * whose second word is a common one.
 */
function isGivenNameStart(t: Token, next: Token, gazetteer: Gazetteer, strongPopulation: number): boolean {
  return gazetteer.isGivenName(t.text) && !PLACE_NAME_STARTS.has(t.text) && !gazetteer.isCommonWord(next.text.toLowerCase()) &&
    !isStrongPlace(t.text, gazetteer, strongPopulation) && !gazetteer.lookupAdjective(normaliseName(t.text)).length;
}

/** An ordinary capitalised word: not a title, acronym, connector or (in lower case) a common English word. */
function isNameWord(t: Token, gazetteer: Gazetteer): boolean {
  return !isAllCaps(t) && !TITLES.has(t.text) && !CONNECTORS.has(t.text) && !CALENDAR_WORDS.has(t.text.toLowerCase()) &&
    !gazetteer.isCommonWord(t.text.toLowerCase()) && !gazetteer.lookupAdjective(normaliseName(t.text)).length;
}

/**
 * "Marisol Jenkins", "Zhou Ming": two ordinary capitalised words side by side that are not both places are a
 * person's name far more often than a town and a word. A strong place in the pair ("Moscow Mule") keeps it a place.
 */
function isNamePair(a: Token, b: Token, gazetteer: Gazetteer, strongPopulation: number): boolean {
  if (!isNameWord(a, gazetteer) || !isNameWord(b, gazetteer)) return false;
  // A city's name before a word is a team or an organisation ("Denver Broncos", "Liverpool Echo").
  const cityPopulation = strongPopulation / 10;
  if (isStrongPlace(a.text, gazetteer, cityPopulation) || isStrongPlace(b.text, gazetteer, cityPopulation)) return false;
  // Two small towns side by side with nothing between them ("Hughes Morgan") are a person too: places listed
  // are separated by a comma or a word.
  return true;
}

/**
 * "Veteran Halvorsen Wins Bergen Marathon": a headline written in title case, every word of four letters or more
 * capitalised. Two capitalised words side by side say nothing of a person there.
 */
function isTitleCase(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.text.length >= 4 && /^\p{L}+$/u.test(t.text));
  return words.length >= 3 && words.every(isCapitalised);
}

/** "Marion Springfield Road": the name before a street word is the street's, whoever it was named after. */
function isStreetName(text: string, tokens: readonly Token[], end: number): boolean {
  const next = tokens[end];
  return !!next && STREET_WORDS.has(next.text) && text.slice(tokens[end - 1].end, next.start) === ' ';
}

/** Capitalised words from `from` on that join as one name (a middle initial "J." joins too), up to a street word. */
function nameRun(text: string, tokens: readonly Token[], from: number): number {
  let j = from;
  while (j < tokens.length && j - from < MAX_NAME_WORDS && isCapitalised(tokens[j]) && !CONNECTORS.has(tokens[j].text) &&
    !STREET_WORDS.has(tokens[j].text)) {
    if (j > from && !joinsName(text, tokens[j - 1], tokens[j])) break;
    j++;
  }
  return j;
}

/**
 * Person names in the sentences' words: after a title ("President Y"), a given name and a surname ("Ben X"), or
 * two ordinary capitalised words that are not a known place name ("Marisol Jenkins").
 */
export function findPersonNames(
  text: string,
  sentences: readonly (readonly Token[])[],
  gazetteer: Gazetteer,
  strongPopulation: number,
  fuzzyMinLetters = Infinity,
): PersonNames {
  const spans: Span[] = [];
  const surnames = new Set<string>();
  for (const tokens of sentences) {
    const headline = isTitleCase(tokens);
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i];
      let from = -1;
      if (TITLES.has(t.text)) {
        from = i + 1;
        while (from < tokens.length && TITLES.has(tokens[from].text) && joinsName(text, tokens[from - 1], tokens[from])) from++;
        if (from >= tokens.length || !joinsName(text, tokens[from - 1], tokens[from])) from = -1;
      } else if (
        isCapitalised(t) && i + 1 < tokens.length && text.slice(t.end, tokens[i + 1].start) === ' ' &&
        isCapitalised(tokens[i + 1]) && !startsPlaceName(text, tokens, i, gazetteer) &&
        !startsPlaceName(text, tokens, i + 1, gazetteer) &&
        (isGivenNameStart(t, tokens[i + 1], gazetteer, strongPopulation) || (!headline && isNamePair(t, tokens[i + 1], gazetteer, strongPopulation))) &&
        !slipsFromPlaceName(text, tokens, i, gazetteer, fuzzyMinLetters)
      ) {
        from = i;
      }
      const end = from < 0 ? from : nameRun(text, tokens, from);
      // A given name alone ("Austin") is no person; it needs a surname after it.
      if (end > from && (from > i || end - from >= 2) && !isStreetName(text, tokens, end)) {
        spans.push({ start: tokens[from].start, end: tokens[end - 1].end });
        // Every word of the name: "Zhou Ming" is later "Zhou", "Ben Wallace" "Wallace".
        for (let k = from; k < end; k++) surnames.add(tokens[k].text);
        i = end;
      } else {
        i++;
      }
    }
  }
  return { spans, surnames };
}
