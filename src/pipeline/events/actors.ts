// The states that act in an event: who comes, sends, strikes or takes part ("President Duda of Poland", "Russian
// drones", "troops from Poland"). A state struck or entered is where the event is, not an actor; a state the
// event only answers ("in response to Russia") is neither.
import type { Category } from '../../model/event.ts';
import type { SentenceGrammar } from '../language/clauses.ts';
import { PERSON_NOUNS } from '../lexicon/words.ts';
import type { GazetteerEntry } from '../types.ts';
import { baseRole, type PlaceInSentence } from './place-roles.ts';

const HOSTILE = new Set<Category>(['strike', 'incursion', 'incident', 'advance']);
const FORCE_HEADS = /^(troops|forces|force|soldiers|army|navy|military|jets?|drones?|aircraft|warplanes?|fighters?|bombers?|missiles?|ships?|vessels?|submarines?|helicopters?|tanks?|units?|artillery|strikes?|attacks?|airstrikes?|incursions?|offensive|advances?|gains?|assault|servicemembers|personnel)$/i;
// The people who come "from" the place, then perhaps the places enumerated before it ("from Georgia and Ukraine").
const PEOPLE_BEFORE_FROM =
  /\b(?:chiefs?|ministers?|officials?|leaders?|delegates?|delegations?|representatives?|counterparts?|envoys?|diplomats?|troops|soldiers|forces|experts?|teams?|heads?|members?|partners?|allies|refugees|visitors)\s+from\s+(?:the\s+)?(?:\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?)*$/u;
const CAUSE_BEFORE = /\b(?:in (?:response|reaction|answer) to|because of|due to|to (?:deter|counter|confront|contain)|against|amid|on)\s+(?:the\s+)?$/i;

const isAlpha2 = (code: string | null | undefined): code is string => !!code && /^[A-Z]{2}$/.test(code);

const CONTRIBUTOR_VERB = /\b(?:contribut\w*|participat\w*|participants?|join(?:s|ed|ing)?|send(?:s|ing)?|sent|provid\w*|pledg\w*)\b/i;
/** Categories in which states act together: those who contribute or join are actors. */
export const COOPERATIVE = new Set<Category>(['meeting', 'mission', 'deployment', 'aid', 'headquarters', 'other']);

/**
 * The states a sentence names as contributors or participants: "Germany is contributing four jets; other
 * participants include France, the United Kingdom, Czechia, and Denmark".
 */
export function contributorsIn(sentence: string, places: readonly PlaceInSentence[]): string[] {
  if (!CONTRIBUTOR_VERB.test(sentence)) return [];
  return places.filter((p) => p.mention.entry.kind === 'country' && p.mention.form === 'name' && (p.prep === null || p.prep === 'from'))
    .map((p) => p.mention.entry.country).filter(isAlpha2);
}

/** ISO alpha-2 codes of the states acting in an event placed at `place` (sorted, no duplicates). */
export function actorsOf(grammar: SentenceGrammar, places: readonly PlaceInSentence[], category: Category, place: GazetteerEntry, text: string, textStart: number): string[] {
  const actors = new Set<string>();
  for (const p of places) {
    if (p.mention.entry.kind === 'region') continue;
    const role = baseRole(grammar, p);
    const before = text.slice(Math.max(0, p.mention.start - textStart - 40), p.mention.start - textStart);
    if (CAUSE_BEFORE.test(before)) continue;
    const head = p.headNoun ?? '';
    const person = PERSON_NOUNS.has(head) || PERSON_NOUNS.has(`${head}s`) || FORCE_HEADS.test(head) || FORCE_HEADS.test(`${head}s`);
    // "counterparts from Georgia and Ukraine" sit at the table; "provocations from Moscow" do not
    if (role === 'agent' && p.prep === 'from' && !PEOPLE_BEFORE_FROM.test(text.slice(Math.max(0, p.mention.start - textStart - 100), p.mention.start - textStart))) continue;
    // who caused a meeting or a mission ("launched after incursions by Russian drones") is not at the table
    const cooperative = COOPERATIVE.has(category);
    if (cooperative && (p.prep === 'by' || (p.mention.form === 'adjective' && !PERSON_NOUNS.has(head) && !PERSON_NOUNS.has(`${head}s`)))) continue;
    if (role === 'agent' && (p.mention.form !== 'adjective' || person)) actors.add(p.mention.entry.country ?? '');
    else if (p.possessive && person) actors.add(p.mention.entry.country ?? '');
  }
  if (HOSTILE.has(category) && place.kind !== 'region') actors.delete(place.country ?? '');
  return [...actors].filter(isAlpha2).sort();
}
