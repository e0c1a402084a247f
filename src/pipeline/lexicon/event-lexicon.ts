// The event lexicon: which lemmas name events of which category, built from WordNet by scripts/build-lexicon.ts
// and passed to the pipeline by its caller (the pipeline reads no files).
import type { Category } from '../../model/event.ts';

/**
 * [category, 1 when the event sense is one of the word's two most frequent senses, else 0 (the category's cue words
 * must be in the sentence)], then the same for a later sense of the word in another category, if it has one.
 */
export type LexiconEntry = [Category, 0 | 1] | [Category, 0 | 1, Category, 0 | 1];

/** lexicon/build/events.json as written. */
export interface LexiconFile {
  source: string;
  nouns: Record<string, LexiconEntry>;
  verbs: Record<string, LexiconEntry>;
  /** Noun -> the verb it names the act of ("establishment" -> "establish"), from WordNet's derivational links. */
  nominals: Record<string, string>;
  /** Verbs whose most frequent sense is one of saying (WordNet's verb.communication): "urge", "endorse", "tell". */
  saying: string[];
}

export interface EventSense {
  category: Category;
  /** False when the word names this kind of event only in a rarer sense: the sentence must confirm it. */
  frequent: boolean;
  /** A later sense of the word in another category ("strike": a walkout, then an attack), which the sentence may choose. */
  also?: EventSense;
}

export interface EventLexicon {
  noun(lemma: string): EventSense | null;
  verb(lemma: string): EventSense | null;
  /** The verb a noun is the act of, or null. */
  nominal(lemma: string): string | null;
  /** The event noun that is the act of a verb ("crash" -> "crash", "meet" -> "meeting"), or null. */
  actOf(verb: string): string | null;
  /** True for a verb of saying ("urged a meeting"): its subject says something of an event, it does not do it. */
  says(verb: string): boolean;
}

export function eventLexicon(file: LexiconFile): EventLexicon {
  const nouns = new Map(Object.entries(file.nouns));
  const verbs = new Map(Object.entries(file.verbs));
  const nominals = new Map(Object.entries(file.nominals ?? {}));
  const saying = new Set(file.saying ?? []);
  const sense = (e: LexiconEntry | undefined): EventSense | null =>
    (e ? { category: e[0], frequent: e[1] === 1, ...(e.length === 4 ? { also: { category: e[2], frequent: e[3] === 1 } } : {}) } : null);
  // Of the nouns that are a verb's act, the event noun the lexicon files, the shortest ("meeting" before "meeting house")
  const acts = new Map<string, string>();
  for (const [noun, verb] of nominals) {
    const known = acts.get(verb);
    if (nouns.has(noun) && (known === undefined || noun.length < known.length)) acts.set(verb, noun);
  }
  return {
    noun: (lemma) => sense(nouns.get(lemma)), verb: (lemma) => sense(verbs.get(lemma)), nominal: (lemma) => nominals.get(lemma) ?? null,
    actOf: (verb) => acts.get(verb) ?? null, says: (verb) => saying.has(verb),
  };
}
