// Finds the words that say something happens: verbs ("met", "will travel", "deployed") and event nouns ("the
// summit", "his visit", "the attack"), each with its category and whether the text says it happened, is going on,
// or is planned. Denied and supposed ones ("did not meet", "if Russia invades", "any attack") are not predicates.
import type { Category, Status } from '../../model/event.ts';
import type { SentenceGrammar, VerbGroup } from '../language/clauses.ts';
import { aspectLead, subjectBefore, verbOf } from '../language/clauses.ts';
import { referentOf } from '../language/reference.ts';
import { asWritten, type Token } from '../language/tagger.ts';
import { cueHolds, senseIn, warWords } from '../lexicon/cues.ts';
import { DOMAIN_NOUNS, FRAMES, type DomainNoun, type Frame } from '../lexicon/domain.ts';
import type { EventLexicon } from '../lexicon/event-lexicon.ts';
import { AREA_NOUNS, ATTACKERS, DAY_OR_MONTH, isTimeWord, TIME_DEICTIC, TIME_UNIT, FEARING, HOST_VERBS, HYPOTHETICAL_OPENERS, KILLING, MEASURE_NOUNS, MOTION_VERBS, NAME_TITLES, NEGATIVE_VERBS, PERSON_NOUNS, PHRASE_ONLY_PREPOSITIONS, PLANNED_PREMODIFIERS, POSSESSIVE_DETERMINERS, PURPOSE_NOUNS, REFERRING_PREMODIFIERS, RESPONDERS, ROAD_VEHICLES, TRENDS, UNREAL_PREMODIFIERS, VICTIMS } from '../lexicon/words.ts';

/**
 * True when "of" and a noun of something else follow a weather noun: "a flood of orders", "a storm of protest". Not a
 * time ("the floods of 2024", "the storm of the century") nor a place ("the flood of Florence").
 */
function measureOf(tokens: readonly Token[], head: number): boolean {
  if (tokens[head + 1]?.lower !== 'of') return false;
  let k = head + 2;
  while (k < tokens.length && k - head < 6 && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ')) k++;
  const t = tokens[k];
  return !!t && t.pos === 'NOUN' && !isTimeWord(t.lower) && !TIME_UNIT.test(t.lemma) && !/^(century|decade|water|rain|river|sea|mud|snow|ice|lava|ash)$/.test(t.lemma);
}

/** Nouns of how likely something is: what they are "of" is only supposed. */
const CHANCES = /^(probability|probabilities|chance|chances|likelihood|possibility|possibilities|risk|risks|odds|prospect|prospects|danger|threat|fear|fears|forecast|forecasts)$/;

/** Nouns whose plural counts papers, not polls: "ballots", "votes". */
const COUNTED_PAPERS = new Set(['ballot', 'vote']);

/** Categories of states that hold from their start on: a deployment, a mission, a headquarters. */
export const PERSISTING = new Set<Category>(['deployment', 'mission', 'headquarters']);

export interface Predicate {
  /** Token indices of the predicate's words in its sentence, inclusive (several for "air policing"). */
  first: number;
  head: number;
  /** Document offsets of those words. */
  start: number;
  end: number;
  text: string;
  lemma: string;
  category: Category;
  persists: boolean;
  isVerb: boolean;
  status: Status;
  /** Where the word's event sense came from: WordNet's frequent sense, a rarer one the sentence confirmed, the domain list, or a verb with its object. */
  source: 'wordnet' | 'wordnet-cued' | 'domain' | 'frame';
  /** The verb group that carries it: its own for a verb, the clause's for a noun; null when the clause has none. */
  verb: VerbGroup | null;
  /** For a noun: false when it sits inside a prepositional phrase ("in response to the invasion"), true as a subject or object. */
  argument: boolean;
  /** For a verb found through a frame, or a verb whose object names the event: the object phrase's token range. */
  object: [number, number] | null;
  /** "troops were deployed", "engineers deployed there": the subject is what the verb acts on. */
  passive: boolean;
  /** The subject is where the event is ("Norway hosts 2,000 marines", "Norway took in refugees"). */
  hosting: boolean;
  /** The event a verb tells without naming it, for its title: "debris fell on houses" tells a "drone attack". */
  act?: string;
}

const DOMAIN_BY_FIRST = new Map<string, { noun: DomainNoun; words: string[] }[]>();
for (const noun of DOMAIN_NOUNS) {
  for (const lemma of noun.lemmas) {
    const words = lemma.split(' ');
    const list = DOMAIN_BY_FIRST.get(words[0]) ?? [];
    list.push({ noun, words });
    DOMAIN_BY_FIRST.set(words[0], list);
  }
}
const FRAMES_BY_VERB = new Map<string, Frame[]>();
for (const frame of FRAMES) for (const v of frame.verbs) FRAMES_BY_VERB.set(v, [...(FRAMES_BY_VERB.get(v) ?? []), frame]);

const inName = (t: Token | undefined) => !!t && t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text);
const isNominal = (t: Token | undefined) => !!t && (t.pos === 'NOUN' || t.pos === 'PROPN');
const lemmaOf = (t: Token) => (t.pos === 'PROPN' ? t.lower : t.lemma);
/** A plural the tagger's lemmatiser did not know ("airstrikes"): the word without its -s. */
const singular = (t: Token) => (t.lemma === t.lower && /[^s]s$/.test(t.lower) ? t.lower.slice(0, -1) : lemmaOf(t));

/** Token range of the noun phrase that starts after `from` (skipping determiners, numbers and adjectives), or null. */
const TIME_AFTER_VERB = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|tomorrow|january|february|march|april|june|july|august|september|october|november|december|\d{1,2}-\d{1,2})$/;

export function phraseAfter(tokens: readonly Token[], from: number): [number, number] | null {
  let i = from + 1;
  // "sheltering and feeding 40,000 Sudanese": the object comes after the coordinated verb
  if (tokens[i]?.pos === 'CCONJ' && tokens[i + 1]?.pos === 'VERB') i += 2;
  // "the leaders of Norway", "2,000 Dutch marines", "its airspace": a short noun phrase
  while (i < tokens.length && (tokens[i].pos === 'ADV' || tokens[i].pos === 'PART') && i - from < 4) i++;
  // "evacuated at least one building", "more than 200 people": a quantifier before a number is the phrase's
  if (/^(at least|at most|more than|less than|fewer than|up to)$/.test(`${tokens[i]?.lower} ${tokens[i + 1]?.lower}`) && /^(NUM|DET)$/.test(tokens[i + 2]?.pos ?? '')) i += 2;
  const start = i;
  // "voted Monday to approve", "meets today": a time is no object
  if (TIME_AFTER_VERB.test(tokens[i]?.lower ?? '') || (tokens[i]?.pos === 'NUM' && /^(?:[ap]\.?m\.?|o'clock)$/i.test(tokens[i + 1]?.text ?? ''))) return null;
  let end = -1;
  for (; i < tokens.length && i - start < 9; i++) {
    const t = tokens[i];
    // "met Meloni there in July": "there" and "here" say where, they are no part of the object
    if (t.lower === 'there' || t.lower === 'here') break;
    // "marched against the dam last spring": a time after the object is none of it
    if (i > start && TIME_DEICTIC.test(t.lower) && (TIME_UNIT.test(tokens[i + 1]?.lower ?? '') || isTimeWord(tokens[i + 1]?.lower ?? ''))) break;
    // "first-ever": a word glued after a hyphen is part of the compound, whatever its tag
    const glued = tokens[i - 1]?.text === '-' && tokens[i - 1].end === t.start;
    // "its last open border crossing", "the most recent attack": an adverb after the determiner grades the adjective
    const graded = t.pos === 'ADV' && i > start && (tokens[i - 1].pos === 'DET' || POSSESSIVE_DETERMINERS.has(tokens[i - 1].lower)) && /^(ADJ|NOUN)$/.test(tokens[i + 1]?.pos ?? '');
    if (graded) continue;
    if (t.pos === 'DET' || t.pos === 'NUM' || t.pos === 'ADJ' || t.pos === 'PRON' || isNominal(t) || (t.pos === 'PART' && t.lower === "'s") || t.text === '-' || glued) {
      if (isNominal(t) || t.pos === 'PRON' || t.pos === 'NUM') end = i;
      continue;
    }
    break;
  }
  return end >= start ? [start, end] : null;
}

/** Token range of the noun phrase that ends just before `to` (a passive's or a participle's subject), or null. */
function phraseBefore(tokens: readonly Token[], to: number, clauseOf: readonly number[]): [number, number] | null {
  let i = to - 1;
  while (i >= 0 && (tokens[i].pos === 'AUX' || tokens[i].pos === 'ADV' || tokens[i].pos === 'PART')) i--;
  const end = i;
  if (end < 0 || !isNominal(tokens[end]) && tokens[end].pos !== 'PRON') return null;
  while (i >= 0 && clauseOf[i] === clauseOf[to] && (isNominal(tokens[i]) || tokens[i].pos === 'ADJ' || tokens[i].pos === 'NUM' || tokens[i].pos === 'DET')) i--;
  // a pronoun is a phrase of its own ("he was shot")
  return [Math.min(i + 1, end), end];
}

const phraseText = (tokens: readonly Token[], range: [number, number] | null) =>
  range ? tokens.slice(range[0], range[1] + 1).map((t) => t.text).join(' ') : '';

/** The frame a verb's object (or a passive's subject) completes, with that phrase. */
function frameOf(grammar: SentenceGrammar, i: number, passive: boolean): { frame: Frame; object: [number, number] } | null {
  const frames = FRAMES_BY_VERB.get(grammar.tokens[i].lemma)?.filter((f) => !f.subject);
  if (!frames?.length) return null;
  const { tokens, clauseOf } = grammar;
  // "shot down drones": the particle belongs to the verb
  // "shot down drones", "took in 100,000 refugees"
  const particle = tokens[i + 1] && (tokens[i + 1].pos === 'ADP' || tokens[i + 1].pos === 'PART') &&
    (/^(down|up|off|out)$/.test(tokens[i + 1].lower) || (tokens[i + 1].lower === 'in' && /^(take|bring|let)$/.test(tokens[i].lemma)));
  const afterParticle = particle ? i + 1 : i;
  const object = passive ? phraseBefore(tokens, grammar.verbs.find((g) => g.head === i)?.first ?? i, clauseOf) : phraseAfter(tokens, afterParticle);
  // "talking in Brussels on Thursday to their counterparts": a frame's preposition may introduce the object further on
  for (const f of frames.filter((x) => x.via)) {
    for (let k = i + 1; !object && k < Math.min(tokens.length, i + 12) && clauseOf[k] === clauseOf[i]; k++) {
      if (tokens[k].pos === 'ADP' && f.via!.includes(tokens[k].lower)) {
        const after = phraseAfter(tokens, k);
        if (after && f.object.test(phraseText(tokens, after))) return { frame: f, object: after };
      }
    }
  }
  // "a field hospital ..., which Norway will set up in Latvia": the object is what "which" stands for
  const clause = grammar.clauses[clauseOf[i]];
  if ((!object || object[1] < i) && clause.opener !== null && /^(which|that)$/.test(clause.opener)) {
    const before = tokens.slice(Math.max(0, clause.first - 8), clause.first).map((t) => t.text).join(' ');
    const frame = frames.find((f) => f.object.test(before));
    if (frame) return { frame, object: [Math.max(0, clause.first - 8), clause.first - 1] };
  }
  if (!object) return null;
  // The object's own relative clause tells what it is: "40,000 Sudanese and others who have crossed the border"
  const tail = tokens.slice(object[1] + 1, object[1] + 10).map((t) => t.text).join(' ');
  const text = `${phraseText(tokens, object)} ${/^(and|who|which|that)\b/i.test(tail) ? tail : ''}`;
  const frame = frames.find((f) => f.object.test(text));
  if (frame) return { frame, object };
  // "An undersea cable between Finland and Estonia was damaged": a passive's subject with the phrases that follow it
  if (!passive) return null;
  const group = grammar.verbs.find((g) => g.head === i);
  if (!group) return null;
  const first = grammar.clauses[clauseOf[i]].first;
  const subject = tokens.slice(first, group.first);
  if (subject.length === 0 || subject.some((t) => t.pos === 'VERB' || t.text === ',')) return null;
  const framed = frames.find((f) => !f.via && f.object.test(subject.map((t) => t.text).join(' ')));
  return framed ? { frame: framed, object: [first, group.first - 1] } : null;
}

/**
 * The frame an intransitive verb's subject completes: "a crane collapsed", "a bus plunged into a ravine", "nurses
 * walked out", "teachers will strike on Monday". A verb with an object is another sense ("struck a deal", "sank the
 * ship"), and so is a passive. `particle` is true when the frame's lemma takes the next word ("walk out").
 */
function subjectFrameOf(grammar: SentenceGrammar, group: VerbGroup | undefined, i: number, passive: boolean): { frame: Frame; particle: boolean } | null {
  const { tokens } = grammar;
  if (passive || !group) return null;
  const next = tokens[i + 1];
  // "walked out": the tagger may read the particle as an adverb
  const withParticle = next && /^(ADP|PART|ADV)$/.test(next.pos) ? `${tokens[i].lemma} ${next.lower}` : null;
  const particle = withParticle !== null && FRAMES_BY_VERB.has(withParticle);
  const frames = FRAMES_BY_VERB.get(particle ? withParticle! : tokens[i].lemma)?.filter((f) => f.subject);
  if (!frames?.length) return null;
  const objectless = !phraseAfter(tokens, particle ? i + 1 : i);
  const subject = subjectBefore(grammar, (aspectLead(grammar, group) ?? group).first - 1);
  if (subject.length === 0) return null;
  // tested on the phrase as written: its head ends it, and a storm's name keeps its capitals ("Hurricane Delia")
  const frame = frames.find((f) => (objectless || !f.objectless) && f.object.test(asWritten(subject)));
  return frame ? { frame, particle } : null;
}

/** The start of the noun phrase that ends at token `i`. */
function phraseStart(tokens: readonly Token[], i: number): number {
  let j = i;
  const inside = (t: Token, after: Token) =>
    isNominal(t) || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'DET' || (t.pos === 'PART' && t.lower === "'s") || t.text === '-' || POSSESSIVE_DETERMINERS.has(t.lower) ||
    // "Russia's unprovoked and unjustified invasion": adjectives joined by "and" or commas
    ((t.pos === 'CCONJ' || t.text === ',') && after.pos === 'ADJ');
  for (;;) {
    while (j > 0 && inside(tokens[j - 1], tokens[j])) j--;
    // "no new (laboratory-confirmed) measles cases": an aside in brackets is inside the phrase
    if (tokens[j - 1]?.text !== ')') return j;
    let open = j - 2;
    while (open > 0 && j - open < 8 && tokens[open].text !== '(') open--;
    if (tokens[open]?.text !== '(') return j;
    j = open;
  }
}

/** How a noun's event stands, from the words before it and the verb of its clause; null when it is denied or only supposed. */
function nounStatus(grammar: SentenceGrammar, first: number, category: Category): { status: Status; verb: VerbGroup | null; argument: boolean } | null {
  const { tokens } = grammar;
  const start = phraseStart(tokens, first);
  const premodifiers = tokens.slice(start, first).map((t) => t.lower);
  if (premodifiers.some((w) => UNREAL_PREMODIFIERS.has(w))) return null;
  // "the second such protest this month": the event is the one told before it, or many
  if (premodifiers.some((w) => REFERRING_PREMODIFIERS.has(w))) return null;
  const verb = verbOf(grammar, first);
  // The word before the phrase: a preposition makes the noun a modifier, unless it opens a clause ("as gains have taken place")
  const before = start - 1;
  const opensClause = before >= 0 && grammar.clauses[grammar.clauseOf[start]].first === before && grammar.clauses[grammar.clauseOf[start]].opener !== null && !PHRASE_ONLY_PREPOSITIONS.has(tokens[before].lower);
  // ... and so does a conjunction that opens no clause ("Since her appointment in June 2019, the minister has ...")
  const argument = start === 0 || opensClause || !(tokens[before].pos === 'ADP' || tokens[before].pos === 'SCONJ');
  // "met to prepare the summit in Oslo next June": the object of a purpose is only supposed, unless the text
  // gives it a time of its own, which says it is on the calendar
  const calendared = verb !== null && argument && verb.mood === 'hypothetical' && verb.form === 'infinitive' && ownTimeAfter(tokens, first);
  if (verb && argument && (verb.mood === 'negated' || verb.mood === 'hypothetical') && !calendared) return null;
  // "if talks in Geneva collapse next month": a clause opened by "if" or "unless" supposes its subject, whatever the
  // tagger made of its verb ("collapse" read as a noun leaves the clause without one)
  const opener = grammar.clauses[grammar.clauseOf[first]].opener;
  if (argument && opener !== null && HYPOTHETICAL_OPENERS.has(opener) && !calendared) return null;
  const verbLemma = verb ? tokens[verb.head].lemma : '';
  // "all meetings have been banned", "the summit was called off": the noun's event is prevented
  if (verb && argument && (NEGATIVE_VERBS.has(verbLemma) || PREVENTING_VERBS.has(verbLemma))) return null;
  // "officials had feared a Danish epidemic", "the union threatened a strike": what is feared or threatened has not come
  if (verb && argument && verb.head < first && FEARING.has(verbLemma)) return null;
  if (argument && preventedAfter(grammar, first)) return null;
  // "burglaries across the county have fallen", "fires rose 5 percent": many counted as they rise or fall are a statistic
  // (a verb in lower case: "meetings in Wichita Falls" names a town)
  if (verb && argument && verb.head > first && TRENDS.has(verbLemma) && /^\p{Ll}/u.test(tokens[verb.head].text) &&
    tokens[first].lower !== tokens[first].lemma && /s$/.test(tokens[first].lower)) return null;
  // "there will not be real talks", "there were no talks": an event said not to exist
  if (deniedExistence(tokens, start)) return null;
  // "the risk of a cholera outbreak", "a one-in-five chance of a cyclone crossing the coast": a chance, not an event
  if (chanceOf(grammar, start)) return null;
  // "refused a loan for the opening of a depot", "plans for the deployment of troops": the purpose of a thing
  // is still to come, and a purpose refused will not come
  const purpose = tokens[before]?.lower === 'for' && purposeOf(grammar, before);
  if (purpose && verb && (NEGATIVE_VERBS.has(verbLemma) || PREVENTING_VERBS.has(verbLemma))) return null;
  let status: Status = PERSISTING.has(category) ? 'ongoing' : 'happened';
  if (calendared) return { status: 'planned', verb, argument };
  if (premodifiers.some((w) => PLANNED_PREMODIFIERS.has(w)) || purpose) status = 'planned';
  else if (verb && argument && verb.mood === 'planned') status = 'planned';
  // "officials scheduled two meetings", "findings urged a meeting": the object of a verb of arranging is to come
  // (not "set fire to the embassy": a bare noun straight after "set" is its idiom's, nothing arranged)
  else if (verb && argument && verb.head < first && SCHEDULING_VERBS.has(verbLemma) && !/^(ADP|PART)$/.test(tokens[verb.head + 1]?.pos ?? '') && !(verbLemma === 'set' && first === verb.head + 1)) status = 'planned';
  // "will go back to the polls on 9 June for a second round", "arrived on Monday for talks": what one goes for stands as the going
  else if (verb && verb.head < first && tokens[before]?.lower === 'for' && MOTION_VERBS.has(verbLemma) && verb.mood === 'planned') status = 'planned';
  // "union leaders called for a strike on Friday": what is called or pressed for is to come, if it comes
  else if (verb && verb.head === before - 1 && tokens[before]?.lower === 'for' && DEMANDING_FOR.has(verbLemma)) status = 'planned';
  // "the hearing is scheduled for Friday", "the vote was set for May": the subject of a passive of arranging, too
  else if (verb && argument && verb.head > first && SCHEDULING_VERBS.has(verbLemma) && tokens.slice(verb.first, verb.head).some((a) => /^(is|are|was|were|be|been)$/.test(a.lower))) status = 'planned';
  return { status, verb, argument };
}


/** True when a day, a month or a year follows noun `i` inside its phrase: "the summit in Oslo next June". */
function ownTimeAfter(tokens: readonly Token[], i: number): boolean {
  for (let k = i + 1; k < tokens.length && k - i <= 7; k++) {
    const t = tokens[k];
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.text === ',' || t.pos === 'SCONJ') return false;
    if (DAY_OR_MONTH.test(t.lower) || /^(1[89]|20)\d\d$/.test(t.text)) return true;
  }
  return false;
}

/** True when the "for" at `forAt` says what a plan, a grant or a request is for ("a grant of €3 million for the ..."). */
function purposeOf(grammar: SentenceGrammar, forAt: number): boolean {
  const { tokens, clauseOf } = grammar;
  for (let k = forAt - 1; k >= 0 && forAt - k <= 14 && clauseOf[k] === clauseOf[forAt]; k--) {
    if (PURPOSE_NOUNS.has(tokens[k].lower)) return true;
    if (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX' || (tokens[k].pos === 'ADP' && tokens[k].lower !== 'of')) return false;
  }
  return false;
}

/** Participles of those verbs, which the tagger may read as adjectives ("have been forbidden"). */
const PREVENTED = new Set(['forbidden', 'banned', 'prohibited', 'barred', 'suspended', 'scrapped', 'outlawed', 'blocked', 'abandoned',
  'cancelled', 'canceled', 'postponed', 'halted', 'stopped', 'rejected']);

/** "All meetings involving horses have been banned": the noun at `first` is the subject of a passive that stops it. */
function preventedAfter(grammar: SentenceGrammar, first: number): boolean {
  const { tokens, clauseOf } = grammar;
  for (let k = first + 1; k < tokens.length && k - first <= 8 && clauseOf[k] === clauseOf[first]; k++) {
    if (tokens[k].lemma !== 'be') continue;
    let n = k + 1;
    while (tokens[n] && (tokens[n].pos === 'AUX' || tokens[n].pos === 'ADV')) n++;
    return PREVENTED.has(tokens[n]?.lower ?? '');
  }
  return false;
}

/** Verbs that stop the event a noun names: "banned all meetings", "the rally was prohibited". */
const PREVENTING_VERBS = new Set(['forbid', 'ban', 'prohibit', 'bar', 'suspend', 'scrap', 'outlaw', 'block', 'abandon', 'scrub', 'stall', 'derail', 'delay', 'freeze', 'jeopardise', 'jeopardize', 'torpedo', 'wreck']);
/** Verbs that arrange an event to come: "set a special meeting", "urged a meeting", "called for talks". */
/** Verbs that ask for something with "for": "called for a strike", "pressed for talks". */
const DEMANDING_FOR = new Set(['call', 'ask', 'push', 'press', 'appeal', 'campaign', 'lobby', 'clamour', 'clamor']);
const SCHEDULING_VERBS = new Set(['schedule', 'set', 'plan', 'arrange', 'urge', 'propose', 'request', 'seek', 'demand', 'expect', 'anticipate']);

/**
 * True when the phrase at `start` is what a noun of chance is of: "the risk of an outbreak", "a one-in-five chance of a
 * cyclone making landfall near Darwin" (a gerund and its subject may stand between).
 */
function chanceOf(grammar: SentenceGrammar, start: number): boolean {
  const { tokens, clauseOf } = grammar;
  for (let k = start - 1; k >= 1 && start - k <= 10 && clauseOf[k] === clauseOf[start]; k--) {
    const t = tokens[k];
    if (t.lower === 'of') return CHANCES.test(tokens[k - 1].lower);
    if (t.pos === 'AUX' || (t.pos === 'VERB' && !t.lower.endsWith('ing')) || t.pos === 'PUNCT') return false;
  }
  return false;
}

/** True when "there is/will be no", "there will not be" stands right before the phrase starting at `start`. */
function deniedExistence(tokens: readonly Token[], start: number): boolean {
  const before = tokens.slice(Math.max(0, start - 5), start).map((t) => t.lower).join(' ');
  return /\b(?:not|n't|never) be(?:en)?$|\b(?:is|are|was|were|be|been) no$|\bno longer be$/.test(before);
}

/** Things that travel and arrive without meeting anyone: "charter flights arrive at Gatwick". */
const INANIMATE = /^(flight|flights|plane|planes|aircraft|train|trains|ship|ships|vessel|vessels|cargo|goods|shipment|shipments|passenger|passengers|tourist|tourists|visitor|visitors|package|packages|storm|storms|virus|viruses|wave|waves|flu|influenza|disease|diseases|outbreak|strain|strains|case|cases|infection|infections|pathogen|epidemic|pandemic)$/;

/** Anyone at all: "people travel to Greenville", "the man she met" are no one's news meeting. */
const GENERIC_PEOPLE = /^(people|persons|residents|participants|students|fans|families|travell?ers|commuters|migrants|refugees|man|woman|men|women|children|kids|couples?|crowds?|athletes)$/;

/**
 * For a verb of meeting or travel: its subject is someone whose meeting is news (not "flights", "tourists", "people"
 * or a counted crowd: "8,000 Eritreans have arrived", "50,000 people attended").
 */
function animateSubject(grammar: SentenceGrammar, group: VerbGroup, they: readonly Token[] | null): boolean {
  // "Two passengers are thought to have arrived", "the envoy is due to arrive": an infinitive's subject stands
  // before the verb that governs it
  // (the tagger may read the "have" of "to have arrived" as a verb of its own)
  const { tokens } = grammar;
  let to = group.first - 1;
  while (to > group.first - 3 && /^(have|be|been)$/.test(tokens[to]?.lower ?? '')) to--;
  if (tokens[to]?.lower !== 'to') to = tokens.findIndex((t, k) => k >= group.first && k < group.head && t.lower === 'to');
  const governing = to >= 0 && tokens[to].lower === 'to' ? grammar.verbs.filter((g) => g.head < to && g.head >= to - 2).at(-1) : undefined;
  const subject = referentOf(subjectBefore(grammar, (governing ?? group).first - 1), they);
  const head = subject[subject.length - 1];
  if (!head) return true;
  if (INANIMATE.test(head.lower) || GENERIC_PEOPLE.test(head.lower)) return false;
  // "the eight arrived", "eleven of the residents": a count of people, not someone whose journey is news
  if (head.pos === 'NUM' && subject.every((t) => t.pos === 'NUM' || t.pos === 'DET')) return false;
  return !subject.some((t) => t.pos === 'NUM' && /^\d[\d,.]*$/.test(t.text) && Number(t.text.replace(/,/g, '')) >= 100);
}

/** Words that name a body as well as its sitting: capitalised in a name ("Harare City Council") they are the body. */
const BODIES = /^(council|congress|assembly|committee|commission|board|senate|parliament|synod|conclave)$/;

/** Verbs that are a meeting only with an event for object: "attended the summit", not "attended law school". */
export const NEEDS_EVENT_OBJECT = new Set(['attend']);

function eventObject(tokens: readonly Token[], head: number, lexicon: EventLexicon): boolean {
  return objectEventCategory(tokens, head, lexicon) !== null;
}

/** The category of the event a verb's object names ("attended the funeral": other), or null when it names none. */
function objectEventCategory(tokens: readonly Token[], head: number, lexicon: EventLexicon): Category | null {
  const range = phraseAfter(tokens, head);
  if (!range) return null;
  const last = tokens[range[1]];
  return (lexicon.noun(last.lemma) ?? lexicon.noun(last.lower))?.category ?? DOMAIN_BY_FIRST.get(last.lemma)?.[0].noun.category ?? null;
}

/** Verbs that are a meeting only with someone for object: "received the delegation", not "received asylum" or "a report". */
const NEEDS_GUEST_OBJECT = new Set(['receive', 'welcome', 'greet']);
const GUESTS = /^(guests?|visitors?|delegations?|delegates?|envoys?|counterparts?|leaders?|ministers?|president|premier|chancellor|king|queen|pope|ambassadors?|officials?|dignitaries)$/;

function guestObject(tokens: readonly Token[], head: number): boolean {
  const range = phraseAfter(tokens, head);
  if (!range) return false;
  const last = tokens[range[1]];
  // a name is a guest ("received Duda") unless it is followed by a noun it names ("received Pfizer vaccines")
  return GUESTS.test(last.lower) || (last.pos === 'PROPN' && /^\p{Lu}/u.test(last.text));
}

/** Verbs that mean dismissing when a person is their object. */
const DISMISSAL = new Set(['fire', 'sack', 'axe']);

/** Verbs by which what was shot down comes to the ground: "debris fell on houses", "fragments landed in a yard". */
const FALLING = new Set(['fall', 'land', 'rain', 'crash', 'hit', 'damage']);
/** What is left of a drone or a missile shot down. */
const DEBRIS = /^(debris|wreckage|fragments?|shrapnel|remnants|parts|pieces)$/;

/**
 * True when the head of the verb's subject is one of `heads`. "Air defences shot down 40 drones, as debris fell on
 * buildings in the capital": what falls of a weapon shot down is how the wires tell an attack on the place where it
 * fell (the strike's cue, a weapon, must be in the sentence too).
 */
function subjectHead(grammar: SentenceGrammar, group: VerbGroup | undefined, i: number, heads: RegExp): boolean {
  const subject = phraseBefore(grammar.tokens, group?.first ?? i, grammar.clauseOf);
  return subject !== null && (heads.test(grammar.tokens[subject[1]].lower) || heads.test(grammar.tokens[subject[1]].lemma));
}

/** Verbs of a weapon crashing into what it strikes: "slammed into", "smashed into", "ploughed into". */
const IMPACT = new Set(['slam', 'smash', 'plough', 'plow', 'crash', 'tear']);

/** The attack a sentence's weapon names: "shot down 40 drones" -> "drone attack". */
function attackBy(tokens: readonly Token[]): string {
  const weapon = tokens.find((t) => t.pos === 'NOUN' && WEAPONS.test(t.lemma));
  return weapon ? `${weapon.lemma} attack` : 'attack';
}
const WEAPONS = /^(drone|missile|rocket|shell|bomb|shahed)$/;

/** Where the sentence names places, by token: the last token of each country's name, and every token of the other places'. */
export interface SentencePlaces {
  countries: ReadonlySet<number>;
  towns: ReadonlySet<number>;
}
const NO_PLACES: SentencePlaces = { countries: new Set(), towns: new Set() };

/**
 * "Russia attacked Kharkiv on Tuesday": a state that attacks a town attacks it with arms, whatever the sentence says of
 * weapons. Not a state that attacks another state or a person ("China attacked the US over tariffs", "Russia attacked
 * Kharkiv's mayor"): words do that.
 */
function stateStrikesTown(grammar: SentenceGrammar, group: VerbGroup | undefined, i: number, places: SentencePlaces): boolean {
  const subject = phraseBefore(grammar.tokens, group?.first ?? i, grammar.clauseOf);
  const object = phraseAfter(grammar.tokens, i);
  return subject !== null && object !== null && places.countries.has(subject[1]) && places.towns.has(object[1]);
}

/** An attack on networks, which strikes no place: "hackers launched an attack on Estonia's banks". */
const CYBER = /\b(cyber\w*|hack\w*|ddos|ransomware|malware|phishing|websites?|servers?)\b/i;

/** Verbs of carrying out an act: "carried out an attack", "launched a raid", "mounted an assault". */
const PERFORMING = new Set(['carry', 'launch', 'conduct', 'mount', 'stage', 'unleash', 'perpetrate']);

/**
 * "Moscow carried out a massive attack on Dnipro": an attack carried out on a place is one, with no word of weapons in
 * the sentence. Said of a policy or a person ("launched an attack on the budget") it names no place, so no event.
 */
function carriedOutOn(tokens: readonly Token[], first: number, head: number): boolean {
  if (!/^(on|against)$/.test(tokens[head + 1]?.lower ?? '')) return false;
  // what is attacked is named ("on Kharkiv", "on the capital"), not a policy ("on the governor's budget")
  const target = phraseAfter(tokens, head + 1);
  if (!target || !tokens.slice(target[0], target[1] + 1).some((t) => inName(t) || AREA_NOUNS.has(t.lemma))) return false;
  let k = phraseStart(tokens, first) - 1;
  if (tokens[k]?.lower === 'out' && tokens[k - 1]?.lemma === 'carry') k--;
  return tokens[k]?.pos === 'VERB' && PERFORMING.has(tokens[k].lemma) && (tokens[k].lemma !== 'carry' || tokens[k + 1]?.lower === 'out');
}

/** Verbs of pulling back, which forces do: with an object that is not forces, another sense ("withdrew $500"). */
const RETREATS = new Set(['withdraw', 'retreat', 'pull']);

function retreatOfSomethingElse(tokens: readonly Token[], head: number): boolean {
  const object = phraseAfter(tokens, head);
  if (!object) return false;
  const last = tokens[object[1]];
  return !UNITS.test(last.lower) && !/^(personnel|military|army|navy|contingent|presence|staff|diplomats|embassy|mission|observers|peacekeepers)$/.test(last.lower);
}

/** True when a phrase names a person: a title, a person noun, or a name without an event or weapon word. */
function personPhrase(tokens: readonly Token[], range: [number, number] | null): boolean {
  if (!range) return false;
  const words = tokens.slice(range[0], range[1] + 1);
  const head = words[words.length - 1];
  const nouns = words.filter((t) => t.pos !== 'DET' && t.pos !== 'PRON');
  return nouns.some((t) => NAME_TITLES.has(t.lower) || PERSON_NOUNS.has(t.lower) || PERSON_NOUNS.has(t.lemma)) || (head.pos === 'PROPN' && words.every((t) => t.pos === 'PROPN' || t.pos === 'DET')) || (head.pos === 'PRON' && /^(him|her|them|he|she|they)$/.test(head.lower));
}

/** The phrase of the one a verb acts on: a passive's subject, else its object. */
function patient(grammar: SentenceGrammar, group: VerbGroup | undefined, i: number, passive: boolean): [number, number] | null {
  return passive ? phraseBefore(grammar.tokens, group?.first ?? i, grammar.clauseOf) : phraseAfter(grammar.tokens, i);
}

/** The head noun of the one a verb acts on. */
function patientHead(grammar: SentenceGrammar, group: VerbGroup | undefined, i: number, passive: boolean): Token | null {
  const range = patient(grammar, group, i, passive);
  return range ? grammar.tokens[range[1]] : null;
}

/**
 * "A 27-year-old man was shot twice", "shot a store clerk", "Prime Minister Robert Fico was shot": a person is shot
 * (not "shot down a drone").
 */
function shotPerson(grammar: SentenceGrammar, group: VerbGroup | undefined, i: number, passive: boolean): boolean {
  if (grammar.tokens[i].lemma !== 'shoot' || /^(down|up|off)$/.test(grammar.tokens[i + 1]?.lower ?? '')) return false;
  return personHarmed(grammar.tokens, patient(grammar, group, i, passive));
}

/**
 * True when a phrase names a person harmed for the first time: "a 27-year-old man", "Prime Minister Robert Fico"; not
 * "he" ("she was shot once more" tells the same shooting again).
 */
function personHarmed(tokens: readonly Token[], range: [number, number] | null): boolean {
  if (!range) return false;
  const head = tokens[range[1]];
  return VICTIMS.test(head.lower) || (head.pos !== 'PRON' && personPhrase(tokens, range));
}

/**
 * "A gunman killed 14 people at the university", "a man murdered his neighbour": a person who kills people. (The
 * passive "was killed in a crash" is told by its cause, and "strikes killed five" by the strike.)
 */
function killingByPerson(grammar: SentenceGrammar, group: VerbGroup | undefined, i: number, passive: boolean): boolean {
  if (!group || passive || !KILLING.has(grammar.tokens[i].lemma)) return false;
  const subject = subjectBefore(grammar, group.first - 1);
  const killer = subject[subject.length - 1];
  return !!killer && ATTACKERS.test(killer.lower) && personHarmed(grammar.tokens, patient(grammar, group, i, false));
}

/** True when "and" and a verb of voting follow verb `i` in its clause: "turned out at the polls and cast ballots". */
function votedAfter(grammar: SentenceGrammar, i: number): boolean {
  const { tokens, clauseOf } = grammar;
  for (let k = i + 1; k < tokens.length - 1 && k - i <= 8; k++) {
    if (tokens[k].lower === 'and' && tokens[k + 1].pos === 'VERB' && /^(vote|elect|cast)$/.test(tokens[k + 1].lemma)) return true;
    if (clauseOf[k] !== clauseOf[i] && tokens[k].lower !== 'and') return false;
  }
  return false;
}

/** "was struck by a lorry", "a pickup struck a pedestrian": a road vehicle hits someone. */
function runDown(grammar: SentenceGrammar, group: VerbGroup | undefined, i: number, passive: boolean): boolean {
  const { tokens } = grammar;
  if (!/^(hit|strike)$/.test(tokens[i].lemma)) return false;
  // "struck by a lorry", a headline's "Woman, 61, struck, killed by bus": the agent may follow the verbs joined to this one
  let by = i + 1;
  while (by < tokens.length && by - i <= 4 && (tokens[by].text === ',' || tokens[by].pos === 'CCONJ' || tokens[by].pos === 'VERB')) by++;
  const agent = tokens[by]?.lower === 'by' ? phraseAfter(tokens, by) : null;
  if (agent) return ROAD_VEHICLES.test(tokens[agent[1]].lower);
  if (passive) return false;
  const subject = group ? subjectBefore(grammar, group.first - 1) : [];
  const head = subject[subject.length - 1];
  return !!head && ROAD_VEHICLES.test(head.lower) && VICTIMS.test(patientHead(grammar, group, i, false)?.lower ?? '');
}

/** Verbs of people coming together that mean putting things together in the passive. */
const GATHERING = new Set(['assemble', 'gather', 'collect', 'meet']);

/** Kin: a visit to one's family is private life, not news ("visiting her father", "visit relatives"). */
const KIN = /^(father|mother|parents?|relatives?|family|families|son|sons|daughters?|children|grandmother|grandfather|grandparents?|brothers?|sisters?|siblings?|wife|husband|friends?|cousins?|aunt|uncle|home|homes)$/;
/** Verbs of travel that take no object: "arriving fighters" are fighters who arrive, not fighters someone arrives. */
const INTRANSITIVE_ARRIVALS = new Set(['arrive', 'return', 'depart', 'come']);
const TRAVEL_LEMMAS = new Set(['visit', 'travel', 'arrive', 'journey', 'fly', 'come', 'return', 'go']);
/** Clause openers after which a gerund or a perfect only sets the scene: "while visiting Austin", "after arriving from". */
const CIRCUMSTANCE_OPENERS = new Set(['while', 'after', 'before', 'when', 'since', 'once', 'until']);

/**
 * A trip told as someone's circumstance or past, not reported as news: "infected while visiting Lagos", "detected
 * after arriving from abroad", "residents who had travelled to Mexico", "visiting relatives in Texas".
 */
function privateTravel(grammar: SentenceGrammar, group: VerbGroup, head: number): boolean {
  const { tokens } = grammar;
  const opener = grammar.clauses[group.clause].opener;
  if (group.form === 'gerund' && opener !== null && CIRCUMSTANCE_OPENERS.has(opener)) return true;
  if (group.form === 'gerund' && CIRCUMSTANCE_OPENERS.has(tokens[group.first - 1]?.lower ?? '')) return true;
  // "who had travelled", "that had arrived": a person's backstory in a relative clause
  if (opener !== null && /^(who|that|which)$/.test(opener) && tokens.slice(group.first, head).some((t) => t.lower === 'had')) return true;
  const object = phraseAfter(tokens, head);
  // "visiting relatives", "staying with her parents", "visited in his sister's home"
  const after = /^(with|in)$/.test(tokens[head + 1]?.lower ?? '') ? phraseAfter(tokens, head + 1) : null;
  const what = object ? tokens[object[1]] : after ? tokens[after[1]] : undefined;
  return !!what && KIN.test(what.lower);
}

/** "firefighters arrived", "officers arrived at the scene", "the first crews to arrive at the fire". */
function answeringCall(grammar: SentenceGrammar, group: VerbGroup, i: number): boolean {
  const { tokens } = grammar;
  const subject = subjectBefore(grammar, group.first - 1);
  const head = subject[subject.length - 1];
  if (head && RESPONDERS.test(head.lower)) return true;
  // "... crews to arrive at the fire": the infinitive's subject is the noun before "to"
  if (group.form === 'infinitive' && RESPONDERS.test(tokens[group.first - 2]?.lower ?? '')) return true;
  return /^(at|on) (the )?scene\b/i.test(tokens.slice(i + 1, i + 4).map((t) => t.lower).join(' '));
}

/** Sporting fixtures, which sides travel to: "for the cup final", "ahead of Sunday's match" (not "war games"). */
const FIXTURES = /\b(?:match|matches|(?<!war )games?|fixtures?|semi-?finals?|quarter-?finals?|cup finals?|qualifiers?|tournaments?|league|playoffs?|championships?|derby|olympics|grand prix|world cup)\b/i;

/** Military units: when they arrive or travel somewhere, they are deployed there. */
const UNITS = /^(troops|soldiers|servicemembers|forces|marines|paratroopers|brigade|brigades|battalion|battalions|division|divisions|regiment|regiments|company|companies|battlegroup|battlegroups|squadron|squadrons|jets|fighters|warships|frigates|destroyers|tanks|units?)$/;
const ARRIVALS = new Set(['arrive', 'travel', 'journey']);

function unitSubject(grammar: SentenceGrammar, group: VerbGroup, they: readonly Token[] | null): boolean {
  // "troops began arriving": the subject stands before the verb that leads; "they" is the phrase it stands for
  const subject = referentOf(subjectBefore(grammar, (aspectLead(grammar, group) ?? group).first - 1), they);
  const head = subject[subject.length - 1];
  return !!head && UNITS.test(head.lower);
}

export const JOURNEYS = new Set(['trip', 'journey', 'travel', 'tour', 'voyage', 'excursion', 'flight', 'commute', 'journeying']);

/** "her trip", "Biden's journey", "the President's travel": someone's own. */
function possessed(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 4; k--) {
    const t = tokens[k];
    if (t.pos === 'PRON' && /^(his|her|their|its|our|my|your)$/.test(t.lower)) return true;
    if (t.pos === 'PART' && t.lower === "'s") return true;
    if (!(t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM')) return false;
  }
  return false;
}

/** How a verb's event stands; null when denied or supposed. */
function verbStatus(group: VerbGroup | undefined, category: Category): Status | null {
  if (!group) return null;
  if (group.mood === 'negated' || group.mood === 'hypothetical') return null;
  if (group.mood === 'planned') return 'planned';
  if (group.mood === 'ongoing') return 'ongoing';
  // "Norway hosts 2,000 marines", "thanked Estonia for hosting allied troops": a state that holds now
  if (PERSISTING.has(category) && (group.tense === 'present' || group.form === 'gerund')) return 'ongoing';
  return 'happened';
}

function predicate(grammar: SentenceGrammar, first: number, head: number, fields: Omit<Predicate, 'first' | 'head' | 'start' | 'end' | 'text' | 'persists'>): Predicate {
  const { tokens } = grammar;
  return {
    first, head, start: tokens[first].start, end: tokens[head].end,
    text: asWritten(tokens.slice(first, head + 1)),
    persists: PERSISTING.has(fields.category), ...fields,
  };
}

/**
 * The event predicates of one analysed sentence, in text order. `sentence` is its text (for cue words); `they` the
 * plural phrase a "they" subject stands for (language/reference.ts), which says who arrives.
 */
export function findPredicates(grammar: SentenceGrammar, sentence: string, lexicon: EventLexicon, places: SentencePlaces = NO_PLACES, they: readonly Token[] | null = null): Predicate[] {
  const { tokens } = grammar;
  const out: Predicate[] = [];
  let skipUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (i <= skipUntil) continue;
    const t = tokens[i];
    // "President-Elect", "Russian-invaded": a verb inside a hyphenated compound names no event
    const inCompound = tokens[i - 1]?.text === '-' && tokens[i - 1].end === t.start;
    if (t.pos === 'VERB' && !inCompound) {
      const group = grammar.verbs.find((g) => g.head === i);
      // "troops were deployed", "engineers deployed there"; not "is contributing"
      // ... and a headline's "Thief struck by van", "Woman, 61, struck, killed by bus": a past form before its agent
      const headlinePassive = t.lower !== t.lemma && !t.lower.endsWith('ing') && (tokens[i + 1]?.lower === 'by' || (tokens[i + 1]?.text === ',' && tokens[i + 2]?.pos === 'VERB' && tokens[i + 3]?.lower === 'by'));
      // "was fatally stabbed": the adverb before the participle may part it from its auxiliary
      let auxFrom = group?.first ?? i;
      while (auxFrom > 0 && tokens[auxFrom - 1].pos === 'ADV' && auxFrom > i - 3) auxFrom--;
      if (tokens[auxFrom - 1]?.pos === 'AUX') auxFrom--;
      const passive = (!!group && !t.lower.endsWith('ing') && tokens.slice(Math.min(group.first, auxFrom), i).some((a) => /^(is|are|was|were|be|been|being|'s|'re)$/.test(a.lower))) || group?.form === 'participle' || headlinePassive;
      // a frame of the subject first: "Typhoon Lando hit the Philippines" is the typhoon's, whatever it hit
      const bySubject = subjectFrameOf(grammar, group, i, passive);
      const found = bySubject ? { frame: bySubject.frame, object: null } : frameOf(grammar, i, passive);
      const framed = found && (!found.frame.sentenceNeeds || found.frame.sentenceNeeds.test(sentence)) ? found : null;
      // "go to the summit" is a particle verb; "going to face" is the future
      const particleNext = tokens[i + 1] && (tokens[i + 1].pos === 'ADP' || tokens[i + 1].pos === 'PART') && !/^(VERB|AUX)$/.test(tokens[i + 2]?.pos ?? '');
      const particle = bySubject?.particle ? { category: bySubject.frame.category, frequent: true } : particleNext ? lexicon.verb(`${t.lemma} ${tokens[i + 1].lower}`) : null;
      const sense = particle ?? senseIn(lexicon.verb(t.lemma), sentence);
      const fallen = !framed && !sense && FALLING.has(t.lemma) && subjectHead(grammar, group, i, DEBRIS);
      // "a drone slammed into a high-rise": a weapon that crashes into a building strikes it
      const impact = !framed && IMPACT.has(t.lemma) && tokens[i + 1]?.lower === 'into' && subjectHead(grammar, group, i, WEAPONS);
      const killing = !framed && !sense && !fallen && killingByPerson(grammar, group, i, passive);
      const sensed = framed?.frame.category ?? (impact ? 'strike' : sense?.category) ?? (fallen ? 'strike' : killing ? 'incident' : undefined);
      if (!sensed) continue;
      // "shot down 31 of 47 drones": what air defences shoot down is no strike on a place (the frame finds the shootdown)
      if (!framed && sensed === 'strike' && t.lemma === 'shoot' && tokens[i + 1]?.lower === 'down') continue;
      // "a man was shot twice", "was struck by a lorry and killed": a person shot or run down outside a war is a crime's or
      // a road's victim, an incident, whatever casualties the sentence counts; the person is the evidence
      const civilian = sensed === 'strike' && !warWords(sentence) && (shotPerson(grammar, group, i, passive) || runDown(grammar, group, i, passive));
      // "a new brigade arrived in Rzeszów": a unit that travels is deployed, it meets no one
      const unitArrives = sensed === 'meeting' && !framed && ARRIVALS.has(t.lemma) && !!group && unitSubject(grammar, group, they);
      // "thousands attended the funeral": attending is the attended event's kind (a funeral, a summit)
      const attended = NEEDS_EVENT_OBJECT.has(t.lemma) && !framed ? objectEventCategory(tokens, i, lexicon) : null;
      const category = attended ?? (civilian ? 'incident' : unitArrives ? 'deployment' : sensed);
      const frequent = framed || !sense ? true : sense.frequent;
      // A frame's object is its own evidence ("hosting 40,000 refugees" needs no aid words), unless the frame says otherwise;
      // so are the units that arrive ("They will arrive in Kaunas", after "600 Dutch soldiers left Oldenburg")
      if (!civilian && !killing && !unitArrives && (!framed || framed.frame.needsCue) && !cueHolds(category, frequent, sentence) && !(category === 'strike' && frequent && stateStrikesTown(grammar, group, i, places))) continue;
      const status = verbStatus(group, category);
      if (status === null) continue;
      if (category === 'meeting' && !framed && group && !animateSubject(grammar, group, they)) continue;
      if (NEEDS_EVENT_OBJECT.has(t.lemma) && !framed && !eventObject(tokens, i, lexicon)) continue;
      if (category === 'meeting' && !framed && NEEDS_GUEST_OBJECT.has(t.lemma) && (passive || !guestObject(tokens, i))) continue;
      if (category === 'meeting' && !framed && group && TRAVEL_LEMMAS.has(t.lemma) && privateTravel(grammar, group, i)) continue;
      // "The team arrived in Tokyo for the Olympic qualifiers": a side travelling to a fixture meets no one
      if (category === 'meeting' && !framed && TRAVEL_LEMMAS.has(t.lemma) && FIXTURES.test(sentence)) continue;
      // "when crews reached the warehouse", "police arrived at his flat": answering a call is part of its incident
      if (category === 'meeting' && t.lemma === 'arrive' && group && answeringCall(grammar, group, i)) continue;
      // "the stage was assembled", "samples were collected": people gather, things are put together
      if (category === 'meeting' && passive && GATHERING.has(t.lemma)) continue;
      // "gathered evidence in Leeds", "collect samples": with an object these verbs collect things; people gather alone
      if (category === 'meeting' && !framed && GATHERING.has(t.lemma) && t.lemma !== 'meet' && /^(DET|NOUN|PROPN|NUM|ADJ|PRON)$/.test(tokens[i + 1]?.pos ?? '')) continue;
      // "the woman he met at a conference": one person alone meets no one; the one met is the noun the clause describes
      if (t.lemma === 'meet' && group && /^(he|she|i|it)$/.test(tokens[group.first - 1]?.lower ?? '') && !phraseAfter(tokens, i) && tokens[i + 1]?.lower !== 'with') continue;
      // "the club fired its coach", "Jensen was fired": a person fired is dismissed, not shot at
      if (DISMISSAL.has(t.lemma) && !/^(on|upon|at|into)$/.test(tokens[i + 1]?.lower ?? '') && personPhrase(tokens, passive ? phraseBefore(tokens, group?.first ?? i, grammar.clauseOf) : phraseAfter(tokens, i))) continue;
      // "withdrawing his weekly wages", "withdrew the bill": forces pull back; what else is withdrawn is money or a word
      if (RETREATS.has(t.lemma) && !passive && retreatOfSomethingElse(tokens, i)) continue;
      // "a reception for the visiting minister", "the visiting delegation": a participle that describes a person
      // ... and "news of arriving mercenaries": a verb that takes no object, in -ing before a noun, describes it
      const describing = NAME_TITLES.has(tokens[i + 1]?.lower ?? '') || PERSON_NOUNS.has(tokens[i + 1]?.lower ?? '') ||
        (INTRANSITIVE_ARRIVALS.has(t.lemma) && /^(NOUN|ADJ)$/.test(tokens[i + 1]?.pos ?? '') && !isTimeWord(tokens[i + 1].lower) && !TIME_UNIT.test(tokens[i + 1].lower));
      if (t.lower.endsWith('ing') && TRAVEL_LEMMAS.has(t.lemma) && (/^(DET|ADJ|ADP)$/.test(tokens[i - 1]?.pos ?? '') || tokens[i - 1]?.lower === 'for') && !/^(after|before|while|since|upon|on|when)$/.test(tokens[i - 1]?.lower ?? '') && describing) continue;
      // "a second wave of expelled envoys": a participle between an article or a preposition and its noun describes it
      if (framed && /(ed|en)$/.test(t.lower) && /^(DET|ADP|NUM)$/.test(tokens[i - 1]?.pos ?? '') && tokens[i + 1]?.pos === 'NOUN') continue;
      // "based on trust", "based upon the report": a phrase of reasoning, not a base
      if (t.lemma === 'base' && /^(on|upon)$/.test(tokens[i + 1]?.lower ?? '')) continue;
      // "turned out at the polls and cast ballots": one act, told by the voting
      if (framed && /polls/i.test(phraseText(tokens, framed.object)) && votedAfter(grammar, i)) continue;
      const head = particle ? i + 1 : i;
      out.push(predicate(grammar, i, head, {
        lemma: particle ? `${t.lemma} ${tokens[i + 1].lower}` : t.lemma, category, isVerb: true, status,
        source: framed ? 'frame' : frequent ? 'wordnet' : 'wordnet-cued', verb: group ?? null, argument: true,
        object: framed?.object ?? phraseAfter(tokens, impact ? head + 1 : head), passive,
        hosting: framed ? framed.frame.subjectIsPlace === true || HOST_VERBS.has(t.lemma) && framed.frame.category !== 'meeting' : false,
        ...(fallen ? { act: attackBy(tokens) } : framed?.frame.titledBy ? { act: framed.frame.titledBy.exec(sentence)?.[1]?.toLowerCase() } : {}),
      }));
      skipUntil = head;
      continue;
    }
    // A domain term may start with an adjective or be tagged as a verb ("Air Policing", "ministerial")
    if (!isNominal(t) && !(DOMAIN_BY_FIRST.has(t.lower) && (t.pos === 'ADJ' || t.pos === 'VERB'))) continue;
    // Longest match first: "air policing", "press conference", then the single noun.
    let match: { head: number; category: Category; frequent: boolean; lemma: string; source: Predicate['source'] } | null = null;
    for (const { noun, words } of DOMAIN_BY_FIRST.get(lemmaOf(t)) ?? DOMAIN_BY_FIRST.get(t.lower) ?? DOMAIN_BY_FIRST.get(singular(t)) ?? []) {
      const end = i + words.length - 1;
      if (end >= tokens.length || match && end <= match.head) continue;
      // every word after the first is a noun ("air policing" may be tagged a gerund): "missiles struck" is no "missile strike"
      const nounish = (x: Token) => isNominal(x) || (x.pos === 'VERB' && x.lower.endsWith('ing'));
      // ... or, last, an adjective the tagger made of a noun that ends the phrase ("an air raid alert was declared")
      const last = (k: number) => k === words.length - 1 && tokens[i + k].pos === 'ADJ' && !isNominal(tokens[i + k + 1]);
      // ... or "of" inside it ("state of emergency")
      const fits = words.every((w, k) => (k === 0 || nounish(tokens[i + k]) || last(k) || (w === 'of' && tokens[i + k].lower === 'of')) && (lemmaOf(tokens[i + k]) === w || tokens[i + k].lower === w || singular(tokens[i + k]) === w));
      if (!fits || (noun.needs && !noun.needs.test(sentence))) continue;
      const before = `${tokens.slice(Math.max(0, i - 3), i).map((x) => x.lower).join(' ')} `;
      if ((noun.after && !noun.after.test(before)) || noun.notAfter?.test(before)) continue;
      if (noun.followedBy && !noun.followedBy.test(tokens.slice(end + 1, end + 6).map((x) => x.lower).join(' '))) continue;
      match = { head: end, category: noun.category, frequent: true, lemma: words.join(' '), source: 'domain' };
    }
    // a domain term is its own evidence ("air policing"); its `needs` said what else it asks for
    if (!match) {
      for (const n of [3, 2, 1]) {
        const end = i + n - 1;
        if (end >= tokens.length || !isNominal(tokens[end])) continue;
        const words = tokens.slice(i, end + 1).map((x, k) => (k === n - 1 ? lemmaOf(x) : x.lower));
        // "talks" is a word of its own in WordNet (a discussion), not the plural of "talk": the form as written counts too
        const sense = senseIn(lexicon.noun(words.join(' ')) ?? (n === 1 ? lexicon.noun(singular(tokens[i])) : null) ??
          (tokens[end].lower !== words[n - 1] ? lexicon.noun([...words.slice(0, -1), tokens[end].lower].join(' ')) : null), sentence);
        // "Harare City Council", "the Security Council": a rarer sense inside a name is an institution, not an event
        const capital = (x: Token | undefined) => !!x && /^\p{Lu}/u.test(x.text) && (x.pos === 'PROPN' || x.pos === 'NOUN');
        const inName = ((!sense?.frequent || BODIES.test(tokens[end].lower)) && tokens[end].pos === 'PROPN' && /^\p{Lu}/u.test(tokens[end].text) && tokens[i - 1]?.pos === 'PROPN') ||
          // "the Harare City Council", "Dover Town Council" however tagged: capitalised words before a body name it
          (BODIES.test(tokens[end].lower) && capital(tokens[end]) && capital(tokens[i - 1]));
        if (sense && !inName && (cueHolds(sense.category, sense.frequent, sentence) || (sense.category === 'strike' && sense.frequent && !CYBER.test(sentence) && carriedOutOn(tokens, i, end)))) {
          match = { head: end, category: sense.category, frequent: sense.frequent, lemma: words.join(' '), source: sense.frequent ? 'wordnet' : 'wordnet-cued' };
          break;
        }
      }
    }
    let nominalObject: [number, number] | null = null;
    if (!match && tokens[i + 1]?.lower === 'of') {
      // "the creation of two new air wings", "the delivery of radar systems": the act of a framed verb
      const verb = lexicon.nominal(t.lemma) ?? (t.lower.endsWith('ing') ? t.lower.slice(0, -3) : null);
      const object = verb ? phraseAfter(tokens, i + 1) : null;
      const frame = verb && object ? FRAMES_BY_VERB.get(verb)?.find((f) => f.object.test(phraseText(tokens, object))) : undefined;
      if (frame && cueHolds(frame.category, true, sentence)) {
        match = { head: i, category: frame.category, frequent: true, lemma: t.lemma, source: 'frame' };
        nominalObject = object;
      }
    }
    if (!match) continue;
    // "reviewed a billion ballots", "3 million more votes": papers and counts, not the vote held
    if (COUNTED_PAPERS.has(match.lemma) && tokens[match.head].lower !== match.lemma) continue;
    // "expressing a vote of confidence in the cabinet": a vote given, expressed or shown is praise, not a ballot
    const given = tokens.slice(Math.max(0, i - 3), i).some((x) => x.pos === 'VERB' && /^(give|express|offer|show|voice)$/.test(x.lemma));
    if (match.lemma === 'vote' && given && tokens[match.head + 1]?.lower === 'of') continue;
    // "a flood of orders", "a storm of criticism", "an avalanche of lawsuits": weather that measures a quantity
    if (MEASURE_NOUNS.test(match.lemma) && measureOf(tokens, match.head)) continue;
    // "the Northern Shield mission": a domain term naming the kind of mission, exercise or operation it heads
    if (match.source === 'domain' && /^(mission|missions|operation|operations|exercise|exercises)$/.test(tokens[match.head + 1]?.lower ?? '')) match.head += 1;
    // The head of a compound is its last noun: "drone attack" is an attack, "attack drones" are drones.
    if (isNominal(tokens[match.head + 1]) && tokens[match.head + 1].pos === 'NOUN') continue;
    // ... also before a gerund that heads a noun: "flood fighting teams", "fire fighting crews"
    if (tokens[match.head + 1]?.pos === 'VERB' && tokens[match.head + 1].lower.endsWith('ing') && tokens[match.head + 2]?.pos === 'NOUN') continue;
    // ... and inside a name it heads nothing: "the Silver Bell Wedding Chapel", "the Summit Hotel" (not "the Summit Monday")
    if (match.head > 0 && inName(tokens[match.head]) && inName(tokens[match.head + 1]) && !DAY_OR_MONTH.test(tokens[match.head + 1].lower)) continue;
    const standing = nounStatus(grammar, i, match.category);
    if (!standing) continue;
    // "her trip to Warsaw" is news; "a return trip to Madeira" is travel advice
    if (JOURNEYS.has(match.lemma) && !possessed(tokens, i)) continue;
    out.push(predicate(grammar, i, match.head, {
      lemma: match.lemma, category: match.category, isVerb: false, status: standing.status, source: match.source,
      verb: standing.verb, argument: standing.argument, object: nominalObject, passive: false, hosting: false,
    }));
    skipUntil = nominalObject ? nominalObject[1] : match.head;
  }
  const sent = out.length === 0 ? unitsSentWithoutVerb(grammar) : null;
  if (sent) return [sent];
  const told = out.filter((p) => !remembered(grammar, p));
  // "Jets were scrambled after Russian drones entered Polish airspace": a scramble told with the intrusion or the
  // attack it answers is part of that event, not one of its own
  return told.some((p) => p.category === 'incursion' || p.category === 'strike') ? told.filter((p) => p.lemma !== 'scramble') : told;
}

/** Nouns by which a text recalls a past event on its day: "marks the 40th anniversary of the invasion". */
const RECALLING = /^(anniversary|anniversaries|centenary|centennial|bicentenary|jubilee)$/;

/**
 * True when `p` is the past event an anniversary recalls, not news: the noun of its "of" phrase ("the anniversary of
 * the invasion") or the verb of the "when" clause that hangs on it ("the anniversary of the disaster, when a reactor
 * exploded in 1986").
 */
function remembered(grammar: SentenceGrammar, p: Predicate): boolean {
  const { tokens, clauseOf, clauses } = grammar;
  for (let a = 0; a < p.first; a++) {
    if (!RECALLING.test(tokens[a].lower) || tokens[a + 1]?.lower !== 'of') continue;
    const between = tokens.slice(a + 1, p.first);
    const clause = clauses[clauseOf[p.first]];
    if (!p.isVerb && clauseOf[a] === clauseOf[p.first] && !between.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return true;
    if (clause.opener === 'when' && clause.first > a && !tokens.slice(a + 1, clause.first).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return true;
  }
  return false;
}

/**
 * "Three companies of infantry to Latvia.", "More troops to Poland": a fact sheet's line or a headline
 * with no verb, counted units sent to a place, is a deployment to come.
 */
function unitsSentWithoutVerb(grammar: SentenceGrammar): Predicate | null {
  const { tokens } = grammar;
  if (tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return null;
  const unit = tokens.findIndex((t, k) => UNITS.test(t.lower) && tokens.slice(Math.max(0, k - 3), k).some((x) => x.pos === 'NUM' || /^(more|additional|new|extra)$/.test(x.lower)));
  if (unit < 0) return null;
  const to = tokens.findIndex((t, k) => k > unit && t.lower === 'to');
  if (to < 0 || !isNominal(tokens[to + 1]) && tokens[to + 1]?.pos !== 'DET') return null;
  return predicate(grammar, unit, unit, {
    lemma: 'deployment', category: 'deployment', isVerb: false, status: 'planned', source: 'domain',
    verb: null, argument: true, object: null, passive: false, hosting: false,
  });
}
