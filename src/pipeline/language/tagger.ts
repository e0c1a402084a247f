// Part-of-speech tags and lemmas for a sentence, from wink-nlp's English model: the linguistic layer every later
// stage reads instead of guessing word classes from spelling. Chosen over compromise for speed and accuracy
// (lexicon/README.md has the measurement): on the events development set wink tags about 1.7 MB of text a second,
// compromise about 5 KB.
import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import { ATTACKERS, PERSON_NOUNS, POSSESSIVE_DETERMINERS, RESPONDERS, VICTIMS } from '../lexicon/words.ts';
import type { Span } from '../types.ts';

/** Universal part-of-speech tags (universaldependencies.org/u/pos), as wink's model writes them. */
export type Pos =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT'
  | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

/** A word or punctuation mark; offsets are document offsets. */
export interface Token extends Span {
  text: string;
  /** Lower case of `text`, with curly apostrophes straightened. */
  lower: string;
  lemma: string;
  pos: Pos;
}

let nlp: ReturnType<typeof winkNLP> | null = null;

function model(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(createRequire(import.meta.url)('wink-eng-lite-web-model'), ['pos']);
  return nlp;
}

/** Lets the model go: a run in one process calls it once its documents are tagged, before the merge and the write. */
export function releaseTagger(): void {
  nlp = null;
}

/** The tokens of `text`, which starts at document offset `base`. The model loads on the first call. */
export function tag(text: string, base: number): Token[] {
  // Only part-of-speech tags (lemmas come from the model on demand): sentence breaks are ours, and named entities,
  // negation and sentiment are not read, so the pipe skips them (measured: about twice as fast as the full pipe).
  // The model (27 MB once loaded) is read on the first call, not on import: the main thread of a run on worker threads
  // imports the pipeline for the merge but never tags.
  const nlp = model();
  const its = nlp.its;
  // Windows-1252's en and em dash decoded as Latin-1 are the C1 controls U+0096 and U+0097 ("CINCINNATI\u0097 The
  // school's ..."): read as the dashes they were, one character for one, so every offset holds
  const read = text.replace(/[\u0096\u0097]/g, (c) => (c === '\u0096' ? '–' : '—'));
  const tokens = nlp.readDoc(read).tokens();
  const values = tokens.out(its.value) as string[];
  const tags = tokens.out(its.pos) as Pos[];
  const lemmas = tokens.out(its.lemma as never) as string[];
  const out: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const at = read.indexOf(value, cursor);
    const start = at < 0 ? cursor : at;
    const end = at < 0 ? cursor : at + value.length;
    cursor = end;
    if (tags[i] === 'SPACE') continue;
    const lower = value.toLowerCase().replace(/’/g, "'");
    out.push({ start: base + start, end: base + end, text: value, lower, lemma: lemmas[i].toLowerCase().replace(/’/g, "'"), pos: tags[i] });
  }
  return repairVerbs(out);
}

/**
 * The tagger's commonest error in headline-like news: a present-tense verb after a name read as a plural noun
 * ("Lithuania hosts 1,000 soldiers"). A clause with no verb whose -s noun stands between a name and a number or a
 * determiner is that verb.
 */
function repairVerbs(tokens: Token[]): Token[] {
  openingParticiple(tokens);
  presentAfterSubject(tokens);
  modifyingParticiples(tokens);
  namedGerunds(tokens);
  namesAfterPrepositions(tokens);
  gerundsInNames(tokens);
  compoundHeads(tokens);
  pluralHeads(tokens);
  pastFormsReadAsNouns(tokens);
  adjectivesAfterModals(tokens);
  if (tokens.some((t) => t.pos === 'VERB')) return tokens;
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (t.pos === 'NOUN' && /[^s]s$/.test(t.lower) && tokens[i - 1].pos === 'PROPN' && /^(NUM|DET)$/.test(tokens[i + 1].pos)) {
      tokens[i] = { ...t, pos: 'VERB' };
      break;
    }
    // "Hungarians vote on Sunday", "Poles rally in Warsaw": a bare noun after a people named in the plural, before a
    // preposition, is their verb
    if (t.pos === 'NOUN' && t.lower === t.lemma && !/s$/.test(t.lower) && tokens[i - 1].pos === 'PROPN' && /^\p{Lu}\p{Ll}+s$/u.test(tokens[i - 1].text) && tokens[i + 1].pos === 'ADP') {
      tokens[i] = { ...t, pos: 'VERB' };
      break;
    }
  }
  return tokens;
}

/**
 * A headline's or a caption's present tense read as a noun after the sentence's subject: as a plural after a name
 * ("Weber visits Tartu", "Coach Lena Berg talks to reporters"), as a bare noun after a plural
 * ("drones strike fuel depot", "Police arrest two suspects", "Polish troops train with US Marines"). The word
 * right after the opening noun phrase is its verb when it agrees with the phrase's head as a verb would, the model reads
 * that form as a verb between two pronouns ("it visits it"; not "it aides it"), a phrase follows it, and its clause has
 * no verb of its own ("Senator Maria Holm visit to Erie drew crowds" keeps the noun).
 */
function presentAfterSubject(tokens: Token[]): void {
  const from = openingOf(tokens);
  // "Members of the Polish parliament visit": the verb agrees with the noun before "of"
  let of = -1;
  for (let k = from + 1; k < tokens.length - 1 && k - from <= 10; k++) {
    const t = tokens[k];
    if (of < 0 && tokens[k - 1].lower === 'of' && k - 1 > from && /^(NOUN|PROPN)$/.test(tokens[k - 2].pos)) {
      of = k - 1;
      continue;
    }
    if (!inOpeningPhrase(tokens, k - 1, from)) return;
    if (t.pos !== 'NOUN' || !/^\p{Ll}/u.test(t.text) || !/^(DET|NUM|PROPN|PRON|ADP|NOUN|ADJ)$/.test(tokens[k + 1].pos)) continue;
    if (of >= 0 && !/^(NOUN|PROPN)$/.test(tokens[k - 1].pos)) continue;
    const at = of >= 0 ? of - 1 : k - 1;
    const head = tokens[at];
    const plural = pluralHead(tokens, at, from);
    // a name: "Ukraine talks in Geneva", "NATO strikes on Libya" are compounds; a person's name ("Coach Lena Berg",
    // two words or more) may go on with a phrase, a single word only with an object ("Weber visits Tartu")
    const singular = !plural && head.pos === 'PROPN' && (tokens[k + 1].pos !== 'ADP' || (at > from && tokens[at - 1].pos === 'PROPN'));
    const form = singular && /[^s]s$/.test(t.lower) && t.lemma !== t.lower ? t.lower : plural && t.lemma === t.lower && !t.lower.endsWith('s') ? thirdPersonOf(t.lower) : null;
    if (form === null || !readAsVerb(form) || verbLater(tokens, k + 1)) continue;
    tokens[k] = { ...t, pos: 'VERB', lemma: singular ? t.lemma : t.lower };
    return;
  }
}

/** Where a sentence's own words start: after its dateline ("KYIV (Reuters) - Drones struck Odesa") and opening punctuation. */
function openingOf(tokens: readonly Token[]): number {
  const dash = tokens.findIndex((t, k) => k < 12 && /^(?:-|--|—|–)$/.test(t.text) && (tokens[k - 1]?.text === ')' || /^\p{Lu}{2,}$/u.test(tokens[k - 1]?.text ?? '')));
  let i = dash + 1;
  while (i < tokens.length && tokens[i].pos === 'PUNCT') i++;
  return i;
}

/** True when token `k` may be a word of the noun phrase opening at `from`: "Some 600 Dutch soldiers", "Dutch King Willem-Alexander". */
function inOpeningPhrase(tokens: readonly Token[], k: number, from: number): boolean {
  const t = tokens[k];
  if (/^(NOUN|PROPN|ADJ|NUM)$/.test(t.pos)) return true;
  // ... and an article opening it or its "of" phrase ("Members of the Polish parliament")
  if (t.pos === 'DET' || t.pos === 'ADV') return k === from || (t.pos === 'DET' && tokens[k - 1]?.lower === 'of');
  return (t.text === '-' && tokens[k - 1]?.end === t.start && tokens[k + 1]?.start === t.end) || (t.pos === 'PART' && /^['’]s$/.test(t.lower));
}

/** True when the opening phrase ends in a plural: "drones", "Nurses" opening it, "police". */
function pluralHead(tokens: readonly Token[], k: number, from: number): boolean {
  const t = tokens[k];
  if (/^(police|people)$/.test(t.lower)) return true;
  if (t.pos === 'NOUN') return t.lemma !== t.lower && /s$/.test(t.lower);
  // a people or a plural opening the sentence capitalised ("Hungarians vote", "Students protest"), not a surname ("Joan Rivers")
  return t.pos === 'PROPN' && k === from && /^\p{Lu}\p{Ll}+s$/u.test(t.text);
}

/** True when a verb follows token `k` in its clause (up to a comma, a conjunction or a break): that verb is the clause's. */
function verbLater(tokens: readonly Token[], k: number): boolean {
  for (let j = k; j < tokens.length; j++) {
    const t = tokens[j];
    if (/^[,;:—–]$/.test(t.text) || t.pos === 'SCONJ' || t.pos === 'CCONJ' || /^(as|while|after|before|when)$/.test(t.lower)) return false;
    // ... not a verb inside a compound ("flood-hit areas")
    if (t.pos === 'AUX' || (t.pos === 'VERB' && !t.lower.endsWith('ing') && !gluedAfterHyphen(tokens, j))) return true;
  }
  return false;
}

/** True when token `k` is written against a hyphen after a word: the "hit" of "flood-hit", the "laying" of "wreath-laying". */
const gluedAfterHyphen = (tokens: readonly Token[], k: number) => tokens[k - 1]?.text === '-' && tokens[k - 1].end === tokens[k].start && tokens[k - 2]?.end === tokens[k - 1].start;

/** "visit" -> "visits", "march" -> "marches", "rally" -> "rallies". */
const thirdPersonOf = (verb: string) => (/(s|sh|ch|x|z|o)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`);

/** Whether the model reads a third-person form as a verb between two pronouns ("it visits it"), remembered. */
const VERB_READINGS = new Map<string, boolean>();
function readAsVerb(form: string): boolean {
  let verb = VERB_READINGS.get(form);
  if (verb === undefined) {
    const words = model().readDoc(`it ${form} it`).tokens();
    verb = words.length() === 3 && (words.out(model().its.pos) as Pos[])[1] === 'VERB';
    if (VERB_READINGS.size < 10_000) VERB_READINGS.set(form, verb);
  }
  return verb;
}

/**
 * A capitalised "-ed" word opening a sentence before a noun and another verb is an adjective ("Allied troops held an
 * exercise", "Armed men stormed the building"), not the sentence's verb: the verb is the later one.
 */
function openingParticiple(tokens: Token[]): void {
  let i = 0;
  while (i < tokens.length && tokens[i].pos === 'PUNCT') i++;
  const t = tokens[i];
  if (t?.pos !== 'VERB' || !/ed$/.test(t.lower) || !/^\p{Lu}/u.test(t.text)) return;
  let j = i + 1;
  while (j < tokens.length && (tokens[j].pos === 'NOUN' || tokens[j].pos === 'PROPN' || tokens[j].pos === 'ADJ')) j++;
  if (j > i + 1 && (tokens[j]?.pos === 'VERB' || tokens[j]?.pos === 'AUX')) tokens[i] = { ...t, pos: 'ADJ' };
}

/**
 * A participle inside a noun phrase, before its noun, modifies it: "its last remaining road crossing", "the last
 * remaining shelter", "a wreath-laying ceremony", "flood-hit areas". Read as verbs they cut the phrase in two ("closed
 * its last" and a verb "remaining"), so the closing lost its object. An "-ing" word after a determiner or a possessive
 * (and the adjectives, adverbs and numbers between), or any verb written against a hyphen after a word, before a noun
 * or an adjective, is an adjective.
 */
function modifyingParticiples(tokens: Token[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos !== 'VERB' || !/^(NOUN|ADJ|PROPN)$/.test(tokens[i + 1].pos) && !(tokens[i + 1].pos === 'VERB' && tokens[i + 1].lower.endsWith('ing'))) continue;
    if (gluedAfterHyphen(tokens, i) || (t.lower.endsWith('ing') && determinedBefore(tokens, i))) tokens[i] = { ...t, pos: 'ADJ' };
  }
}

/** True when a determiner or a possessive opens the phrase before token `i`, with only modifiers between ("its two", "the last"). */
function determinedBefore(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && i - k <= 3 && /^(ADJ|ADV|NUM)$/.test(tokens[k].pos)) k--;
  const t = tokens[k];
  return !!t && (t.pos === 'DET' && !/^(that|which|what|whose)$/.test(t.lower) || (t.pos === 'PRON' && /^(its|their|his|her|our|my|your)$/.test(t.lower)) || (t.pos === 'PART' && /^['’]s$/.test(t.lower)));
}

/**
 * An "-ing" word that ends a phrase opened by a preposition or an article and a name is a noun: "one dead in North Side
 * shooting", "after the Monday bombing". Read as a verb, the name became its subject ("North Side shoots"). So is one
 * after a singular noun that is no person ("its last remaining road crossing with Russia", "in a bus bombing"): "the
 * man crossing into Poland" keeps his verb.
 */
function namedGerunds(tokens: Token[]): void {
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i];
    const before = tokens[i - 1];
    const compound = before.pos === 'NOUN' && before.lemma === before.lower && !before.lower.endsWith('s') && !isPerson(before.lower);
    if (t.pos !== 'VERB' || !t.lower.endsWith('ing') || !(before.pos === 'PROPN' || compound)) continue;
    const next = tokens[i + 1];
    if (next && next.pos !== 'PUNCT' && next.pos !== 'ADP' && next.pos !== 'CCONJ') continue;
    let k = i - 1;
    while (k > 0 && (tokens[k - 1].pos === 'PROPN' || tokens[k - 1].pos === 'ADJ' || (compound && /^(NOUN|NUM|ADV)$/.test(tokens[k - 1].pos)))) k--;
    const opener = tokens[k - 1];
    if (opener?.pos === 'ADP' || opener?.pos === 'DET' || (compound && opener?.pos === 'PRON' && POSSESSIVE_DETERMINERS.has(opener.lower))) tokens[i] = { ...t, pos: 'NOUN' };
  }
}

/** Nouns of people, who do what an "-ing" word after them says ("a man crossing"), not name a kind of it. */
const isPerson = (lower: string) => PERSON_NOUNS.has(lower) || VICTIMS.test(lower) || ATTACKERS.test(lower) || RESPONDERS.test(lower);

/**
 * A capitalised word the tagger reads as a verb, right after a lower-case preposition, is a name: "met Manchin in
 * Charleston on Friday", "moved to Reading". A verb does not follow "in" or "to" capitalised outside a title-case
 * headline, and there the preposition is capitalised too.
 */
function namesAfterPrepositions(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const before = tokens[i - 1];
    if (t.pos === 'VERB' && !t.lower.endsWith('ing') && /^\p{Lu}\p{Ll}/u.test(t.text) && before.pos === 'ADP' && /^\p{Ll}/u.test(before.text)) tokens[i] = { ...t, pos: 'PROPN' };
  }
}

/**
 * A capitalised "-ing" word between two capitalised names is a word of one name: "the Tartu Riding Club", "Leeds
 * Sailing Centre". Read as a verb it split the name, and its first half became what the second half does. Not in a
 * headline written in title case ("Russia Sending Troops To Belarus"), which has no lower-case word to tell it by.
 */
function gerundsInNames(tokens: Token[]): void {
  let titleCase: boolean | null = null;
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos !== 'VERB' || !/^\p{Lu}\p{Ll}+ing$/u.test(t.text) || tokens[i - 1].pos !== 'PROPN' || tokens[i + 1].pos !== 'PROPN') continue;
    if (!/^\p{Lu}/u.test(tokens[i - 1].text) || !/^\p{Lu}/u.test(tokens[i + 1].text)) continue;
    titleCase ??= !tokens.some((w) => /^(NOUN|VERB)$/.test(w.pos) && /^\p{Ll}/u.test(w.text));
    if (!titleCase) tokens[i] = { ...t, pos: 'PROPN', lemma: t.lower };
  }
}

/**
 * A verb's bare form right after "the" and a singular noun, with no object, heads their compound: "qualified for the
 * county meet at Ames", "at the bus stop". A singular subject would make it "meets"; a plural one ("the ministers
 * meet") is left a verb.
 */
function compoundHeads(tokens: Token[]): void {
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i];
    const noun = tokens[i - 1];
    const singular = noun.pos === 'NOUN' && noun.lower === noun.lemma && !noun.lower.endsWith('s');
    // ... with no object after it ("the board set a meeting")
    const bare = !tokens[i + 1] || /^(ADP|PUNCT)$/.test(tokens[i + 1].pos);
    // "the May 9 county meet": the article may stand before other words of the phrase
    let k = i - 1;
    while (k > 0 && /^(NOUN|PROPN|NUM|ADJ)$/.test(tokens[k - 1].pos)) k--;
    // ... or a possessive: "Saturday night's championship meet", "their home meet"
    const opener = tokens[k - 1];
    const determined = !!opener && (/^(the|a|an|this|that|his|her|its|their|our)$/.test(opener.lower) || (opener.pos === 'PART' && /^['’]s$/.test(opener.lower)));
    // ... not after "of" ("ministers of the bloc convene") nor a verb that lets or sees its object act ("let the
    // committee meet", "saw her brother leave"); after another verb the phrase is its object ("hit an apartment block")
    const before = tokens[k - 2];
    const article = determined && before?.lower !== 'of' && !(before?.pos === 'VERB' && OBJECT_ACTS.has(before.lemma)) && before?.pos !== 'AUX';
    if (t.pos === 'VERB' && t.lower === t.lemma && singular && bare && article) {
      tokens[i] = { ...t, pos: 'NOUN' };
    }
  }
}

/**
 * An "-s" word read as a verb between a noun and a past-tense verb is the plural head of their compound: "Air raid
 * alerts sounded across Ukraine", "drone attacks resumed". A verb in "-s" is never followed by a past verb of its own.
 */
function pluralHeads(tokens: Token[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.pos === 'VERB' && /[^s]s$/.test(t.lower) && t.lemma !== t.lower && /^(NOUN|PROPN)$/.test(tokens[i - 1].pos) && next.pos === 'VERB' && /ed$/.test(next.lower)) {
      tokens[i] = { ...t, pos: 'NOUN' };
    }
  }
}

/** Past forms the tagger reads as the noun they also spell, with their verbs: "a gunman shot the mayor", "the river burst its banks". */
const PAST_FORMS_OF_NOUNS = new Map([['shot', 'shoot'], ['spread', 'spread'], ['burst', 'burst']]);
/** Of those, the verbs that take no object: "a wildfire spread across 3,000 hectares" (the verb before a preposition). */
const INTRANSITIVE_PAST = new Set(['spread', 'burst']);

/**
 * A past form read as a noun right after a noun or a name and right before the start of another phrase (an article,
 * a number, a possessive, a name, "dead") is the verb between subject and object: "Police shot the suspect", "A sniper
 * shot two soldiers". "a warning shot", "the shot hit" keep the noun: an article or adjective stands before it, or a
 * verb after it.
 */
function pastFormsReadAsNouns(tokens: Token[]): void {
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i];
    const verb = PAST_FORMS_OF_NOUNS.get(t.lower);
    if (!verb || t.pos !== 'NOUN' || !/^(NOUN|PROPN)$/.test(tokens[i - 1].pos)) continue;
    const next = tokens[i + 1];
    // ... or, for a verb without object, a preposition in a sentence with no verb before it ("the spread of" keeps the noun)
    const intransitive = INTRANSITIVE_PAST.has(t.lower) && next.pos === 'ADP' && next.lower !== 'of' && !tokens.slice(0, i).some((x) => x.pos === 'VERB' || x.pos === 'AUX');
    if (/^(DET|NUM|PROPN)$/.test(next.pos) || (next.pos === 'PRON' && /^(his|her|their|its|him|them)$/.test(next.lower)) || next.lower === 'dead' || intransitive) {
      tokens[i] = { ...t, pos: 'VERB', lemma: verb };
    }
  }
}

/**
 * A word read as an adjective right after a modal and before an object is the modal's verb: "it would close its
 * embassy", "will open a new consulate". An adjective after a modal needs "be" ("would be close").
 */
function adjectivesAfterModals(tokens: Token[]): void {
  const modal = (t: Token) => t.pos === 'AUX' && /^(will|would|could|should|can|may|might|must|shall|'ll)$/.test(t.lower);
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    // ... and one joined by "and" to the modal's verb: "would expel 60 diplomats and close the consulate"
    const joined = tokens[i - 1].lower === 'and' && tokens.slice(Math.max(0, i - 12), i - 1).some((x, k, before) => x.pos === 'VERB' && before.slice(0, k).some(modal));
    if (t.pos !== 'ADJ' || !(modal(tokens[i - 1]) || joined)) continue;
    if (next.pos === 'DET' || (next.pos === 'PRON' && /^(his|her|their|its|our|my|your)$/.test(next.lower))) tokens[i] = { ...t, pos: 'VERB' };
  }
}

/** Verbs whose object does what the bare verb after it says: "let the committee meet", "saw her brother leave". */
const OBJECT_ACTS = new Set(['let', 'make', 'have', 'help', 'see', 'watch', 'hear', 'feel', 'notice', 'bid', 'get']);

/** Longest stretch of text tagged in one call: long enough to amortise the call, short enough to bound memory. */
const MAX_RUN_CHARS = 16_384;

/**
 * The tokens of each sentence whose `wanted` flag is set, handed to `visit` in sentence order (the tokens of the
 * whole document are never held at once). Runs of neighbouring wanted sentences are tagged in one call, which costs
 * about half as much as one call per sentence; tokens are handed back to their sentences by offset.
 */
export function tagSentences(text: string, sentences: readonly Span[], wanted: readonly boolean[], visit: (i: number, tokens: Token[]) => void): void {
  // The capitalised plurals the document writes inside a sentence, read once (commonOpener asks for a few)
  let inside: Set<string> | null = null;
  const capitalisedInside = (word: string) => (inside ??= capitalisedPluralsInside(text)).has(word);
  let i = 0;
  while (i < sentences.length) {
    if (!wanted[i]) { i++; continue; }
    let j = i;
    while (j + 1 < sentences.length && wanted[j + 1] && sentences[j + 1].end - sentences[i].start <= MAX_RUN_CHARS) j++;
    const from = sentences[i].start;
    const tokens = tag(text.slice(from, sentences[j].end), from);
    let k = 0;
    for (let s = i; s <= j; s++) {
      const mine: Token[] = [];
      while (k < tokens.length && tokens[k].start < sentences[s].start) k++;
      while (k < tokens.length && tokens[k].end <= sentences[s].end) mine.push(tokens[k++]);
      commonOpener(mine, capitalisedInside);
      const repaired = repairVerbs(mine);
      // ... and again once a repair has found the opener's verb ("Crews fight Fort Mill fire": "fight" was a noun)
      commonOpener(repaired, capitalisedInside);
      visit(s, repaired);
    }
    i = j + 1;
  }
}

/**
 * A plural common noun that opens a sentence before its verb is capitalised there only: "Drones struck Kyiv",
 * "Missiles hit Lviv". The tagger reads it as a name (and a name as singular: "Drones strikes Kyiv"); the model's own
 * lemma of the word in lower case tells a plural noun ("drones" -> "drone"). A word the document also capitalises
 * inside a sentence is a name all the same ("Sanders said", after "Senator Bernie Sanders"). After a dateline the
 * sentence opens after its dash.
 */
function commonOpener(tokens: Token[], capitalisedInside: (word: string) => boolean): void {
  // the sentence opens after its dateline, if it has one ("KYIV (Reuters) - Drones struck Odesa")
  const i = openingOf(tokens);
  const t = tokens[i];
  // ... or before a headline's "to" and its verb ("Efforts to hold talks")
  const verbNext = /^(VERB|AUX)$/.test(tokens[i + 1]?.pos ?? '') || (tokens[i + 1]?.lower === 'to' && tokens[i + 2]?.pos === 'VERB');
  if (t?.pos !== 'PROPN' || !/^\p{Lu}\p{Ll}+s$/u.test(t.text) || !verbNext) return;
  const lemma = pluralLemma(t.lower);
  if (lemma === null || capitalisedInside(t.text)) return;
  tokens[i] = { ...t, pos: 'NOUN', lemma };
}

/** Capitalised words in -s that follow a lower-case word or a comma: names the text writes inside its sentences. */
function capitalisedPluralsInside(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/[\p{Ll},]\s+(\p{Lu}\p{Ll}+s)(?![\p{L}\p{N}_])/gu)) out.add(m[1]);
  return out;
}

/** The singular of a plural common noun as the model reads the word alone ("drones" -> "drone"), else null; remembered. */
const PLURALS = new Map<string, string | null>();
function pluralLemma(lower: string): string | null {
  let lemma = PLURALS.get(lower);
  if (lemma === undefined) {
    const word = model().readDoc(lower).tokens();
    const read = (word.out(model().its.lemma as never) as string[])[0];
    lemma = word.length() === 1 && (word.out(model().its.pos) as Pos[])[0] === 'NOUN' && read !== lower ? read : null;
    if (PLURALS.size < 10_000) PLURALS.set(lower, lemma);
  }
  return lemma;
}

/** Tokens joined as the text writes them: a space only where the text has one ("Lloyd-Webber", "33-year-old"). */
export function asWritten(tokens: readonly Token[]): string {
  return tokens.map((t, k) => (k > 0 && tokens[k - 1].end < t.start ? ` ${t.text}` : t.text)).join('');
}
