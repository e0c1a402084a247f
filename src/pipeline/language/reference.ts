// Which phrase a pronoun subject stands for, across a sentence break: "Some 600 Dutch soldiers left Oldenburg on Monday.
// They will arrive in Kaunas on Thursday" is the troops' arrival (a deployment), and its headline names them. Only
// "they", and only a plural phrase of the sentence just before: its main clause's subject, or else the one plural
// object its verbs have ("The ministry said it will send 100 soldiers. ... they will arrive"). A sentence with two
// plural objects and a singular subject, or none, names no one.
import { PERSON_NOUNS, SINGULAR_IN_S } from '../lexicon/words.ts';
import { subjectBefore, type SentenceGrammar } from './clauses.ts';
import type { Token } from './tagger.ts';

/** Titles before a person's name: "Senator Joan Rivers" is one person, whatever the -s of the surname. */
const PERSONAL_TITLES = /^(president|minister|chancellor|secretary|king|queen|prince|princess|general|premier|mayor|governor|senator|sen\.?|rep\.?|gov\.?|representative|congressman|congresswoman|ambassador|admiral|commander|director|pope|emir|mr\.?|mrs\.?|ms\.?|dr\.?|coach|judge|sheriff|lt\.|col\.|gen\.|adm\.|maj\.|capt\.|sgt\.)$/;

/** True when a phrase's head is a plural noun ("Ministers", "drones"). */
export function isPlural(words: readonly Token[]): boolean {
  const head = words[words.length - 1];
  // "the eight arrived", "the 94 were treated": a count standing for what it counts
  if (head?.pos === 'NUM') return !/^(one|1|a)$/.test(head.lower);
  if (!head || (head.pos !== 'NOUN' && head.pos !== 'PROPN')) return false;
  // "Senator Joan Rivers", "Mayor Ann Walters": a titled person's surname in -s, whatever the lemmatiser made of it
  if (head.pos === 'PROPN' && words.length > 1 && words[words.length - 2].pos === 'PROPN' && words.some((t) => PERSONAL_TITLES.test(t.lower))) return false;
  // "children", "people", "police": plurals without an -s
  // "Officials", "Leaders" open a sentence capitalised and are tagged as names: a plural of a person noun all the same
  return (/[^s]s$/.test(head.lower) && (head.lemma !== head.lower || PERSON_NOUNS.has(head.lower))) || (head.pos === 'NOUN' && head.lemma !== head.lower && !/ing$/.test(head.lower)) ||
    /^(\w*people|police|staff|personnel|military|clergy|cattle|thousands|hundreds|dozens|millions|scores)$/.test(head.lower) ||
    // "gunships", "howitzers": a plural the lemmatiser does not know keeps its -s as its lemma
    (head.pos === 'NOUN' && /[^siu']s$/.test(head.lower) && !SINGULAR_IN_S.test(head.lower)) ||
    // "F-16s", "Su-30s", "MiG-29s": aircraft of a model, counted
    (head.pos === 'PROPN' && /^\p{Lu}[\p{L}-]*-\d+s$/u.test(head.text)) ||
    // "Russians", "Venezuelans": a people named in the plural
    // ... and "Inspectors", "Journalists", "Residents" opening a sentence, tagged as names all the same
    (head.pos === 'PROPN' && /^\p{Lu}\p{Ll}+(?:ans|ians|ers|ors|ists|ents|ants|ives)$/u.test(head.text));
}

/**
 * The plural phrase a "they" opening the next sentence's clause stands for: this sentence's main subject when it is
 * plural (a "they" there carries `carried` on), else the one plural object of its verbs; null when there is none or
 * more than one.
 */
export function pluralReferent(grammar: SentenceGrammar, carried: readonly Token[] | null): Token[] | null {
  const { tokens, clauses, verbs } = grammar;
  const main = verbs.find((g) => g.form === 'finite' && clauses[g.clause].opener === null);
  if (!main) return null;
  const subject = subjectBefore(grammar, main.first - 1);
  if (subject.length === 1 && subject[0].lower === 'they') return carried ? [...carried] : null;
  if (subject.length && subject.every((t) => t.pos !== 'PRON') && isPlural(subject)) return subject;
  if (subject.length && subject.some((t) => t.pos === 'PRON' && t.lower !== 'it')) return null;
  const objects: Token[][] = [];
  for (const g of verbs) {
    const object = objectAfter(tokens, g.head);
    if (object.length && object.every((t) => t.pos !== 'PRON') && isPlural(object)) objects.push(object);
  }
  return objects.length === 1 ? objects[0] : null;
}

/** The noun phrase right after a verb ("sent 100 soldiers to Latvia": "100 soldiers"), or none. */
function objectAfter(tokens: readonly Token[], head: number): Token[] {
  let end = head + 1;
  while (end < tokens.length && /^(DET|NUM|ADJ|NOUN|PROPN)$/.test(tokens[end].pos)) end++;
  const words = tokens.slice(head + 1, end);
  return words.length && /^(NOUN|PROPN|NUM)$/.test(words[words.length - 1].pos) ? words : [];
}

/** The phrase a verb's subject stands for: `they` for a lone "they", else the subject itself. */
export function referentOf(subject: Token[], they: readonly Token[] | null): readonly Token[] {
  return they && subject.length === 1 && subject[0].lower === 'they' ? they : subject;
}
