// Joins event words, places and dates into the events one document reports: for each predicate of a content
// sentence, the place it is about (choose-place.ts), its own time (dating.ts), the states acting in it
// (actors.ts), a headline (titles.ts), and a confidence with its reason (confidence.ts).
import { isIsoDate, type Category, type DateSource, type Highlight, type Precision, type Source, type Status } from '../../model/event.ts';
import { journeyOf, subjectBefore, type SentenceGrammar, type VerbGroup } from '../language/clauses.ts';
import type { GrammarSource } from '../language/grammars.ts';
import { pluralReferent } from '../language/reference.ts';
import type { Token } from '../language/tagger.ts';
import type { EventLexicon } from '../lexicon/event-lexicon.ts';
import { COUNTING_ORDINAL, DESTINATION_PREPOSITIONS, ELECTORAL, ELECTORATE, FREQUENCY, LOCATIVE_PREPOSITIONS, LOOKING_BACK, MANY, MOTION_VERBS, NAME_TITLES, OFFICES, PER, PERSON_NOUNS, RESPONDERS, TIME_UNIT, VICTIMS } from '../lexicon/words.ts';
import type { DateMention, GazetteerEntry, IngestedDocument, ResolvedMention, Sentence } from '../types.ts';
import { actorsOf, contributorsIn, COOPERATIVE } from './actors.ts';
import { choosePlaces, type ChosenPlace, type PlaceLookup } from './choose-place.ts';
import { confidenceOf, reasonOf } from './confidence.ts';
import { dateOf, ledeDate, sameParagraph, toldAsHistory, type DatingContext, type EventDate } from './dating.ts';
import { readDateline, type Dateline } from './dateline.ts';
import { baseRole, placesInSentence, type PlaceInSentence } from './place-roles.ts';
import { findPredicates, JOURNEYS, NEEDS_EVENT_OBJECT, PERSISTING, type Predicate } from './predicates.ts';
import { makeTitle } from './titles.ts';

export const EVENTS_DEFAULTS = {
  /** Resolved places the resolver is less sure of than this are not placed on the map. */
  minPlaceConfidence: 0.2,
  /** Content sentences at the top (the lede) whose events may take the dateline's place. */
  ledeSentences: 3,
  /** An event noun told this many times is the document's topic: dated by the document where a phrase mentions it. */
  topicMentions: 3,
};

/** One event as one document tells it, before merging. */
export interface EventCandidate {
  category: Category;
  persists: boolean;
  status: Status;
  title: string;
  titleQuality: number;
  entry: GazetteerEntry;
  start: string;
  end: string;
  precision: Precision;
  dateSource: DateSource;
  /** 3 own clause or sentence, 2 paragraph, 1 lede, 0 dateline or published date: merge prefers the better. */
  dateQuality: 0 | 1 | 2 | 3;
  /** False when the place was inferred (a dateline, "there"), not named in the event's sentence. */
  placeNamed: boolean;
  actors: string[];
  confidence: number;
  reason: string;
  /** What the event moves or delivers, when the text says ("forces", "aid", "system"): two different things are two events. */
  what: string | null;
  /** Names of people in the event's sentence (lower case), so that merge keeps two meetings with different guests apart. */
  people: string[];
  /** How well the excerpt states the event (predicate, place and date in one sentence rank highest): merge puts the best source first. */
  evidence: number;
  source: Source;
}

/** An event word with a place but no date it may use: not on the timeline, but counted in the report. */
export interface UndatedEvent {
  category: Category;
  trigger: string;
  place: string;
  sentenceStart: number;
}

export interface DocumentEvents {
  events: EventCandidate[];
  undated: UndatedEvent[];
  /** Event words found in the content, placed or not (the report counts them). */
  predicates: number;
}

export interface EventsInput {
  doc: IngestedDocument;
  sentences: readonly Sentence[];
  /** The grammar of each content sentence (null for the others): language/grammars.ts, or an array of them. */
  grammars: GrammarSource;
  mentions: readonly ResolvedMention[];
  dates: readonly DateMention[];
  lexicon: EventLexicon;
  places?: PlaceLookup;
}

const DATE_QUALITY: Record<DateSource, 0 | 1 | 2 | 3> = { clause: 3, sentence: 3, paragraph: 2, lede: 1, dateline: 0, published: 0 };

function bySentence<T extends { start: number; end: number }>(sentences: readonly Sentence[], items: readonly T[]): T[][] {
  const out: T[][] = sentences.map(() => []);
  let k = 0;
  const sorted = [...items].sort((a, b) => a.start - b.start);
  for (const item of sorted) {
    while (k < sentences.length && sentences[k].end <= item.start) k++;
    if (k < sentences.length && sentences[k].start <= item.start && item.end <= sentences[k].end) out[k].push(item);
  }
  return out;
}

/** The person a sentence is about, for "he" and "she" later on: a titled name in its first subject ("President Biden"). */
function personIn(grammar: SentenceGrammar): string | null {
  const { tokens } = grammar;
  // the subject: the words before the sentence's first verb ("the Secretary will meet with President Stubb" is about
  // the Secretary, not Stubb)
  const verb = tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  const end = verb < 0 ? tokens.length - 1 : verb;
  for (let i = 0; i < end; i++) {
    if (!NAME_TITLES.has(tokens[i].lower) || tokens[i].pos === 'DET') continue;
    let j = i;
    while (j + 1 < end && (NAME_TITLES.has(tokens[j + 1].lower) || tokens[j + 1].pos === 'PROPN' || tokens[j + 1].text === ',' && /^jr/i.test(tokens[j + 2]?.text ?? ''))) j++;
    const names = tokens.slice(i, j + 1).filter((t) => t.pos === 'PROPN' && !NAME_TITLES.has(t.lower) && !/^[A-Z]\.$/.test(t.text));
    if (names.length) return names[names.length - 1].text;
    // "the Secretary", "the President": an office named alone and capitalised stands for its holder
    const office = tokens.slice(i, j + 1).filter((t) => /^\p{Lu}/u.test(t.text)).map((t) => t.text).join(' ');
    if (j > i || (tokens[i - 1]?.lower === 'the' && office)) return office || null;
  }
  return null;
}

/**
 * "the mission", "this summit", "the 'Eastern Sentry' mission": a noun that refers to an event told before. Not
 * "the first NATO Summit" or "the 2021 summit": an ordinal, a number or a time word picks out another one.
 */
function definite(grammar: SentenceGrammar, p: Predicate): boolean {
  for (let k = p.first - 1; k >= 0 && p.first - k <= 5; k--) {
    const t = grammar.tokens[k];
    if (t.pos === 'DET') return /^(the|this|that|these|those)$/.test(t.lower);
    if (t.pos === 'PRON') return /^(its|their|his|her|our)$/.test(t.lower);
    if (t.pos === 'NUM' || /^(first|second|third|last|next|previous|earlier|later|extraordinary|annual|future|past|former)$/.test(t.lower)) return false;
    if (!(t.pos === 'ADJ' || t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'PUNCT')) return false;
  }
  return false;
}

interface Inferred {
  entry: GazetteerEntry;
  place: PlaceInSentence | null;
  sentence: number;
  role: 'anaphor' | 'dateline' | 'possessor' | 'area';
}

interface Recent { entry: GazetteerEntry; place: PlaceInSentence; sentence: number; category?: Category }

const DEPLOYING = new Set<Category>(['deployment', 'aid']);
const PERSISTING_KINDS = new Set<Category>(['mission', 'deployment']);
const HOSTILE_KINDS = new Set<Category>(['strike', 'incursion', 'advance', 'incident']);

/**
 * A place for an event word whose sentence names none it may take: "deployed there" (the place just named), "here"
 * or "this country" (the dateline's), "the mission" (where the mission was put before), "the Icelandic people voted"
 * (the voters' state), "sent troops" right after a sentence that named where (an ellipsis), or the dateline for the
 * headline and lede.
 */
function inferPlace(c: {
  grammar: SentenceGrammar; places: readonly PlaceInSentence[]; p: Predicate; i: number; date: EventDate | null;
  recent: Recent | null; earlier: (Recent & { date: EventDate | null }) | undefined; dateline: Dateline | null; ledeLimit: number;
  context: DatingContext; anchors: readonly (PlaceInSentence | null)[]; lastCountry: Recent | null;
}): Inferred | null {
  const { grammar, p, i, recent, dateline, context } = c;
  const clauseOf = grammar.clauseOf;
  // "sent troops there", "met Italian Prime Minister Giorgia Meloni there in July": "there" in the event's clause,
  // not the "there" of "there were"
  const tokens = grammar.tokens;
  let there = false;
  for (let k = p.head + 1; k < tokens.length && k - p.head <= 10 && clauseOf[k] === clauseOf[p.head] && !there; k++) {
    there = tokens[k].lower === 'there' && !/^(AUX|VERB)$/.test(tokens[k + 1]?.pos ?? '');
  }
  if (there && recent && sameParagraph(context, recent.sentence, i)) return { ...recent, role: 'anaphor' };
  // "The first troops arrived in the country in April": the country last named as a place
  if (c.lastCountry && theCountryAfter(grammar, p)) return { ...c.lastCountry, role: 'anaphor' };
  const clause = grammar.tokens.filter((_, k) => clauseOf[k] === clauseOf[p.head]);
  const deictic = clause.some((t, k) => t.lower === 'here' || (t.lower === 'country' && /^(this|our)$/.test(clause[k - 1]?.lower ?? '')));
  if (deictic && dateline?.place) return { entry: dateline.place.entry, place: null, sentence: dateline.sentence, role: 'dateline' };
  if (!p.isVerb && c.earlier && definite(grammar, p) && datesAgree(c.earlier.date, c.date)) return { ...c.earlier, role: 'anaphor' };
  if (p.category === 'other' && p.verb && (p.isVerb || p.argument)) {
    // "the Icelandic people voted", "... turned out at the polls and cast ballots", "the Icelandic people passed a referendum": a
    // state's people vote in that state
    let words = subjectBefore(grammar, p.verb.first - 1, true);
    const index = grammar.verbs.indexOf(p.verb);
    if (words.length === 0 && index > 0 && /^(and|but)$/.test(grammar.clauses[p.verb.clause].opener ?? '')) words = subjectBefore(grammar, grammar.verbs[index - 1].first - 1, true);
    // ... but "Philippines president Ferdinand Marcos gave a speech" names whose president, not where he spoke
    const office = (pl: PlaceInSentence) => pl.headNoun !== null && (NAME_TITLES.has(pl.headNoun) || OFFICES.test(pl.headNoun));
    const subject = c.places.find((pl) => words.some((w) => w.start <= pl.mention.start && pl.mention.end <= w.end + 1 || (pl.first <= grammar.tokens.indexOf(w) && grammar.tokens.indexOf(w) <= pl.last)) && pl.mention.entry.kind === 'country' && !office(pl));
    if (subject) return { entry: subject.mention.entry, place: subject, sentence: i, role: 'possessor' };
  }
  // "Voters in Chile will go back to the polls for a second round", "Danish voters elect ...": a vote is held
  // where its voters are
  if (ELECTORAL.test(p.lemma)) {
    const electorate = c.places.find((pl) => pl.mention.entry.kind === 'country' && electorateOf(grammar, pl));
    if (electorate) return { entry: electorate.mention.entry, place: electorate, sentence: i, role: 'possessor' };
  }
  // "X will fly to Chile. She will also meet the heads of the Pacific Alliance": the ellipsis of a place just named
  const follows = recent && recent.sentence === i - 1 && sameParagraph(context, recent.sentence, i) && c.places.length === 0;
  if (follows && p.isVerb && (DEPLOYING.has(p.category) || (p.category === 'meeting' && recent!.category === 'meeting'))) return { ...recent!, role: 'anaphor' };
  // "Romania scrambled jets after a Russian drone entered its airspace": the state the sentence is about
  const object = p.object ? grammar.tokens.slice(p.object[0], p.object[1] + 1).map((t) => t.lower).join(' ') : '';
  if (/\b(its|their)\s+(air\s?space|territory|waters|skies)\b/.test(object)) {
    const owner = c.places.find((pl) => pl.mention.entry.kind === 'country' && pl.mention.form === 'name' && pl.prep === null);
    if (owner) return { entry: owner.mention.entry, place: owner, sentence: i, role: 'area' };
  }
  // "The mission was launched in September ... Germany is contributing jets for flights over Poland"
  if (PERSISTING_KINDS.has(p.category)) {
    for (const j of [i + 1, i - 1]) {
      const anchor = c.anchors[j];
      if (anchor && j >= 0 && j < context.sentences.length && sameParagraph(context, i, j)) return { entry: anchor.mention.entry, place: anchor, sentence: j, role: 'anaphor' };
    }
  }
  // "travelled to Rukla to attend a ceremony": a journey to a place the gazetteer does not know ends there, not at the
  // dateline
  if (dateline?.place && i <= c.ledeLimit && !toldAsHistory(c.date, context) && !toUnknownPlace(grammar, p)) return { entry: dateline.place.entry, place: null, sentence: dateline.sentence, role: 'dateline' };
  return null;
}

/**
 * "KYIV - ... debris fell on houses in the capital": under a capital's dateline, "the capital" after a preposition is
 * that city (not "the capital of Moldova", nor "the capital's mayor").
 */
function capitalAt(grammar: SentenceGrammar, place: ResolvedMention & { entry: GazetteerEntry }): (ResolvedMention & { entry: GazetteerEntry }) | null {
  if (place.entry.featureCode !== 'PPLC') return null;
  const { tokens } = grammar;
  const k = tokens.findIndex((t, j) => t.lower === 'capital' && tokens[j - 1]?.lower === 'the' && tokens[j - 2]?.pos === 'ADP');
  // ... nor "the capital, Nairobi", whose own name follows it
  if (k < 0 || /^(of|'s|city)$/.test(tokens[k + 1]?.lower ?? '') || (tokens[k + 1]?.text === ',' && tokens[k + 2]?.pos === 'PROPN')) return null;
  return { ...place, start: tokens[k - 1].start, end: tokens[k].end, text: 'the capital', alternatives: undefined };
}

/**
 * True when a verb of going, or what one goes there to do, has a destination written as a name ("to Rukla") that
 * no mention of the sentence resolved: its place is that unknown one.
 */
function toUnknownPlace(grammar: SentenceGrammar, p: Predicate): boolean {
  if (!p.isVerb || !p.verb) return false;
  const journey = journeyOf(grammar, p.verb);
  const going = journey ?? (MOTION_VERBS.has(p.lemma.split(' ')[0]) ? p.verb : null);
  if (!going) return false;
  const { tokens, clauseOf } = grammar;
  for (let k = going.head + 1; k < tokens.length && k - going.head <= 4 && clauseOf[k] === going.clause; k++) {
    if (DESTINATION_PREPOSITIONS.has(tokens[k].lower)) return tokens[k + 1]?.pos === 'PROPN' && /^\p{Lu}/u.test(tokens[k + 1].text);
  }
  return false;
}

/** True when place `pl` says whose voters: "voters in Romania", "Romanian voters", "Romania's electorate". */
function electorateOf(grammar: SentenceGrammar, pl: PlaceInSentence): boolean {
  const { tokens } = grammar;
  if (pl.headNoun !== null && ELECTORATE.test(pl.headNoun)) return true;
  return pl.prep === 'in' && ELECTORATE.test(tokens[pl.first - 2]?.lower ?? '');
}

/** True when "in the country", "to the country", "across the country" follows event word `p` in its clause. */
function theCountryAfter(grammar: SentenceGrammar, p: Predicate): boolean {
  const { tokens, clauseOf } = grammar;
  for (let k = p.head + 1; k + 2 < tokens.length && k - p.head <= 6 && clauseOf[k] === clauseOf[p.head]; k++) {
    if ((LOCATIVE_PREPOSITIONS.has(tokens[k].lower) || DESTINATION_PREPOSITIONS.has(tokens[k].lower)) && tokens[k + 1].lower === 'the' && tokens[k + 2].lower === 'country') return true;
  }
  return false;
}

/**
 * "Defence ministers convene in Brussels on Thursday", "the leaders are meeting in Vienna today": a meeting told in the
 * news present is an occasion, not a state that holds. Its own date says whether it is happening (on or before the
 * report) or scheduled (after it); without one it is happening at the report's date.
 */
function datedInNewsPresent(p: Predicate, i: number, context: DatingContext): { p: Predicate; date: EventDate | null } {
  // ... and an event noun its present verb holds ("Hungary holds an election on Sunday")
  const present = (p.isVerb || p.argument) && (p.category === 'meeting' || p.category === 'other') && p.verb?.form === 'finite' && p.verb.tense === 'present' && (p.status === 'happened' || p.status === 'ongoing');
  if (!present) return { p, date: dateOf(p, i, context) };
  const own = (d: EventDate | null) => d !== null && (d.source === 'clause' || d.source === 'sentence');
  const happening = { ...p, status: 'happened' as const };
  const past = dateOf(happening, i, context);
  if (own(past)) return { p: happening, date: past };
  const scheduled = { ...p, status: 'planned' as const };
  const future = dateOf(scheduled, i, context);
  if (own(future)) return { p: scheduled, date: future };
  return { p: happening, date: past };
}

/**
 * "invited parents to attend an award evening earlier this month": an event to come, as the verbs tell it, whose own
 * time the text says is past ("earlier", "ago", "last week", "yesterday") has been held by the day of writing.
 */
function toldAsDone(dated: { p: Predicate; date: EventDate | null }): { p: Predicate; date: EventDate | null } {
  const { p, date } = dated;
  const own = date?.mention && (date.source === 'clause' || date.source === 'sentence');
  return p.status === 'planned' && own && PAST_TIME.test(date.mention!.text) ? { p: { ...p, status: 'happened' }, date } : dated;
}

const PAST_TIME = /\b(?:earlier|ago|last|yesterday|previous|past)\b/i;

/**
 * "The trucks carry 40-tonne loads": a happening told in the simple present below the headline, with no time of its
 * own, says what is done or can be done, not what happened when; a state ("Poland hosts troops") still holds now.
 */
function habitual(grammar: SentenceGrammar, p: Predicate, date: EventDate | null, headline: boolean): boolean {
  if (date === null || date.source === 'clause' || date.source === 'sentence' || PERSISTING.has(p.category)) return false;
  // "has visited the food bank weekly", "regularly violates the airspace": a habit in any tense
  const clause = grammar.clauseOf[p.head];
  if (p.isVerb && grammar.tokens.some((t, k) => grammar.clauseOf[k] === clause && FREQUENCY.test(t.lower))) return true;
  // "two fires each day", "three times a week": a count per unit of time is a rate, whatever the tense
  const tokens = grammar.tokens;
  if (tokens.some((t, k) => grammar.clauseOf[k] === clause && PER.test(t.lower) && TIME_UNIT.test(tokens[k + 1]?.lower ?? '') && !/^(after|before|later|earlier|ago)$/.test(tokens[k + 2]?.lower ?? ''))) return true;
  // "for all the trips by the trade commissioner", "frequent visits": an event noun counted as many, with no time of its own
  const word = tokens[p.head].lower;
  const counted = tokens.slice(Math.max(0, p.first - 3), p.first).some((t) => MANY.test(t.lower));
  if (!p.isVerb && counted && word !== p.lemma && word.endsWith('s')) return true;
  // "chaired the board's meetings during her nine years as a trustee": events in the plural over a span of years
  const span = tokens.some((t, k) => grammar.clauseOf[k] === clause && /^(during|over|for|throughout)$/.test(t.lower) &&
    tokens.slice(k + 1, k + 4).some((x, j) => x.pos === 'NUM' && /^(days|weeks|months|years|decades)$/.test(tokens[k + 2 + j]?.lower ?? '')));
  if (!p.isVerb && span && word !== p.lemma && word.endsWith('s')) return true;
  const simplePresent = p.isVerb && p.verb?.form === 'finite' && p.verb.tense === 'present' && !p.verb.progressive && p.verb.first === p.verb.head;
  return simplePresent && !headline && p.status === 'happened' && p.category !== 'meeting';
}

/** True when the verb group is a perfect: "has received", "had visited". */
const perfectIn = (grammar: SentenceGrammar, verb: VerbGroup) =>
  grammar.tokens.slice(verb.first, verb.head).some((t) => /^(has|have|had|'ve|'d)$/.test(t.lower));

/** Prepositions that make a noun the scene of another clause's event: "during their trip", "after her journey". */
const SETTING = /^(during|on|after|before|since|from)$/;

/** The first token of the noun phrase that event noun `p` heads: "their" in "during their school trip". */
function nounPhraseStart(grammar: SentenceGrammar, p: Predicate): number {
  let k = p.first;
  // (the tagger may read an ordinal as an adverb: "the third/ADV deadly attack")
  while (k > 0 && (/^(DET|ADJ|NOUN|PROPN|NUM|PRON)$/.test(grammar.tokens[k - 1].pos) || grammar.tokens[k - 1].lower === "'s" || COUNTING_ORDINAL.test(grammar.tokens[k - 1].lower))) k--;
  return k;
}

/** True when an ordinal after the first premodifies event noun `p`: "the third deadly attack", "its 5th strike". */
function ordinalBefore(grammar: SentenceGrammar, p: Predicate): boolean {
  for (let k = p.first - 1; k >= 0 && p.first - k <= 4; k--) {
    const t = grammar.tokens[k];
    if (COUNTING_ORDINAL.test(t.lower)) return true;
    if (!(t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'NOUN' || t.pos === 'PROPN')) return false;
  }
  return false;
}

/** True when a word of looking back premodifies event noun `p`: "previous outbreaks", "the earlier attacks". */
function lookedBack(grammar: SentenceGrammar, p: Predicate): boolean {
  for (let k = p.first - 1; k >= 0 && p.first - k <= 4; k--) {
    const t = grammar.tokens[k];
    if (LOOKING_BACK.test(t.lower)) return true;
    if (!(t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || t.pos === 'DET' || t.lower === "'s")) return false;
  }
  return false;
}

/** Two dates that may be one event's: either is unknown or only the publication date, or they overlap. */
function datesAgree(a: EventDate | null, b: EventDate | null): boolean {
  if (!a || !b || a.source === 'published' || b.source === 'published') return true;
  return a.interval.start <= b.interval.end && b.interval.start <= a.interval.end;
}

/** True when noun predicate `noun` heads the object of verb predicate `verb` ("attended a ceremony"). */
const objectOf = (verb: Predicate, noun: Predicate) => verb.object !== null && verb.object[0] <= noun.head && noun.head <= verb.object[1];

/** The events one document reports. Pure: everything it needs is passed in. */
export function extractEvents(input: EventsInput, opts = EVENTS_DEFAULTS): DocumentEvents {
  const { doc, sentences, grammars, lexicon } = input;
  const text = doc.text;
  const placed = input.mentions.filter((m): m is ResolvedMention & { entry: GazetteerEntry } => m.entry !== null && m.confidence >= opts.minPlaceConfidence);
  const mentionsBySentence = bySentence(sentences, placed);
  const datesBySentence = bySentence(sentences, input.dates.filter((d) => d.interval && isIsoDate(d.interval.start) && isIsoDate(d.interval.end) && d.interval.start <= d.interval.end))
    .map((ds, i) => (sentences[i].isContent ? ds : []));
  const unplacedBySentence = bySentence(sentences, input.dates.filter((d) => d.interval === null)).map((ds, i) => (sentences[i].isContent ? ds : []));
  const dateline: Dateline | null = readDateline(text, sentences, placed, input.dates);
  const contentIndex = sentences.map((s, i) => (s.isContent ? i : -1)).filter((i) => i >= 0);
  const ledeLimit = contentIndex[Math.min(contentIndex.length - 1, opts.ledeSentences)] ?? -1;
  const context: DatingContext = {
    text, sentences, grammars, datesBySentence, unplacedBySentence, published: doc.published, publishedSource: doc.publishedFrom === 'dateline' ? 'dateline' : 'published',
    lede: ledeDate(sentences, datesBySentence, doc.published),
    dateline: dateline?.day ? { start: dateline.day, end: dateline.day, precision: 'day' } : null,
    datelineLede: dateline?.place ? ledeLimit : -1,
    ledeLimit,
    topics: new Set(),
  };

  const events: EventCandidate[] = [];
  const undated: UndatedEvent[] = [];
  let predicateCount = 0;
  let antecedent: string | null = null;
  let recent: Recent | null = null;
  // The country last named where something is ("in Lithuania", "to Poland"), for "in the country" later on.
  let lastCountry: Recent | null = null;
  // The place each kind of event was last given: "the mission along the eastern flank ... The mission was launched in September".
  const placeOfKind = new Map<string, Recent & { date: EventDate | null }>();
  // The sentence where each event noun was last left undated: "the invasion" after it is that one again.
  const undatedNoun = new Map<string, number>();

  // First pass: each content sentence's places and event words; nouns told three times or more are the
  // document's topic ("the NATO summit"), which may be dated by the document even where a phrase mentions it. A
  // sentence's grammar is read again in the second pass rather than kept: all of them at once were most of a large
  // document's memory (language/grammars.ts).
  // The plural phrase a "they" opening the next sentence stands for (language/reference.ts), within a paragraph.
  let referent: { sentence: number; words: Token[] } | null = null;
  const analysed = sentences.map((sentence, i) => {
    const grammar = grammars.at(i);
    if (!sentence.isContent || !grammar || grammar.tokens.length === 0) return null;
    const they = referent && referent.sentence === i - 1 && sameParagraph(context, i - 1, i) ? referent.words : null;
    const words = pluralReferent(grammar, they);
    referent = words ? { sentence: i, words } : null;
    const capital = dateline?.place ? capitalAt(grammar, dateline.place) : null;
    const places = placesInSentence(grammar, capital ? [...mentionsBySentence[i], capital].sort((a, b) => a.start - b.start) : mentionsBySentence[i], sentence.text, sentence.start)
      .map((pl) => (pl.mention === capital ? { ...pl, phrase: capital.entry.name } : pl));
    // "HURRICANE, W.Va. -": a word of a place's name is no event
    const named = places.filter((pl) => pl.mention.form === 'name');
    const where = {
      countries: new Set(named.filter((pl) => pl.mention.entry.kind === 'country').map((pl) => pl.last)),
      towns: new Set(named.filter((pl) => pl.mention.entry.kind === 'city' || pl.mention.entry.kind === 'site').flatMap((pl) => Array.from({ length: pl.last - pl.first + 1 }, (_, k) => pl.first + k))),
    };
    const predicates = findPredicates(grammar, sentence.text, lexicon, where, they).filter((p) => !places.some((pl) => pl.first <= p.head && p.head <= pl.last));
    // Where a sentence puts its forces ("jets for flights over Poland"): the place a neighbouring mission is about.
    const anchor = places.find((pl) => !pl.qualifier && pl.prep !== null && ['over', 'in', 'along', 'across'].includes(pl.prep) &&
      baseRole(grammar, pl) === 'locative' && predicates.some((q) => COOPERATIVE.has(q.category))) ?? null;
    return { places, predicates, anchor, they };
  });
  const contributors = analysed.map((a, i) => (a ? contributorsIn(sentences[i].text, a.places) : []));
  const anchors = analysed.map((a) => a?.anchor ?? null);
  const nounCounts = new Map<string, number>();
  for (const a of analysed) for (const p of a?.predicates ?? []) if (!p.isVerb) nounCounts.set(p.lemma, (nounCounts.get(p.lemma) ?? 0) + 1);
  context.topics = new Set([...nounCounts].filter(([, n]) => n >= opts.topicMentions).map(([lemma]) => lemma));

  sentences.forEach((sentence, i) => {
    const a = analysed[i];
    if (!a) return;
    const { places, predicates, they } = a;
    const grammar = grammars.at(i)!;
    predicateCount += predicates.length;
    const placed = new Map(predicates.map((p) => [p, choosePlaces(grammar, p, places, predicates, text, input.places ?? {})]));
    // "Battle groups in Poland were deployed in 2017": the verb tells its subject's event, at the subject's place
    for (const q of predicates) {
      if (!q.isVerb || placed.get(q)!.length) continue;
      const subject = predicates.find((p) => !p.isVerb && p.argument && p.category === q.category && p.verb === q.verb && placed.get(p)!.length);
      // ... and "invited to attend the reception at the town hall": what is attended is where the attending is
      const attended = NEEDS_EVENT_OBJECT.has(q.lemma) ? predicates.find((p) => !p.isVerb && objectOf(q, p) && placed.get(p)!.length) : undefined;
      if (subject ?? attended) placed.set(q, placed.get((subject ?? attended)!)!);
    }
    const toldHere = new Set<string>();
    for (const said of predicates) {
      const chosen: ChosenPlace[] = placed.get(said)!;
      // "battle groups in the Baltics, which were deployed in 2017": the verb tells the noun's event, with its date
      // "the mission was launched": the noun is the verb's own subject or object
      const restated = !said.isVerb && predicates.some((q) => q.isVerb && q.category === said.category &&
        ((said.verb !== null && said.verb === q.verb && said.argument) || (placed.get(q) ?? []).some((c) => chosen.some((d) => d.entry.id === c.entry.id))))
        // "attended a ceremony": the verb's object is the event the verb tells, whatever its category
        || (!said.isVerb && predicates.some((q) => q.isVerb && NEEDS_EVENT_OBJECT.has(q.lemma) && objectOf(q, said)))
        // "placed the town under quarantine": a framed verb tells the noun of its own clause's phrase
        || (!said.isVerb && predicates.some((q) => q.isVerb && q.source === 'frame' && q.category === said.category && said.verb === q.verb && q.act === said.lemma));
      // "During Turkey's invasion of Cyprus, Greece tried to halt the invasion": the same event named again
      // ... or, with no place of its own, in a later sentence of its paragraph that left it undated ("The invasion ...")
      const undatedAt = undatedNoun.get(said.lemma);
      const againUndated = undatedAt !== undefined && chosen.length === 0 && sameParagraph(context, undatedAt, i);
      const repeated = !said.isVerb && /^(the|this|that)$/.test(grammar.tokens[said.first - 1]?.lower ?? '') && (toldHere.has(said.lemma) || againUndated);
      if (restated || repeated) continue;
      // "A bomb exploded in Kandahar on Tuesday, in the third deadly attack in Afghanistan this week": an ordinal counts
      // the event the sentence has told already among others, it tells no new one ("their fourth attack on the base
      // on Sunday", alone in its sentence, is news)
      // (in apposition or "in the ...": "after the third attack" is another event)
      const apposed = /^(in|,)$/.test(grammar.tokens[nounPhraseStart(grammar, said) - 1]?.lower ?? '');
      if (!said.isVerb && apposed && ordinalBefore(grammar, said) && predicates.some((q) => q !== said && q.first < said.first && (placed.get(q) ?? []).length > 0)) continue;
      const { p, date: told } = toldAsDone(datedInNewsPresent(said, i, context));
      // "60 sailors based in Oman needed treatment": a participle describes its noun; it reports an event only
      // with a time of its own ("soldiers deployed to Lithuania in 2017 returned")
      if (p.isVerb && p.verb?.form === 'participle' && told?.source !== 'clause') continue;
      // "Previous outbreaks of the strain include one in the Netherlands", "past floods in the valley": events looked
      // back on are history told in passing, news only with a time of their own ("earlier strikes on Kirkuk in 2019")
      if (!p.isVerb && lookedBack(grammar, p) && told?.source !== 'clause') continue;
      // "caught measles during their trip to Morocco": a trip that sets the scene for what befell someone is no news
      // of its own, unless it has a time of its own ("announced on her trip to Warsaw today")
      if (!p.isVerb && JOURNEYS.has(p.lemma) && SETTING.test(grammar.tokens[nounPhraseStart(grammar, p) - 1]?.lower ?? '') && told?.source !== 'clause') continue;
      // "Okafor, who has received asylum in Ghana, was sentenced": a perfect in a relative clause about a person tells
      // that person's past, not the news, unless it has a time of its own ("who have arrived in Poland this week")
      if (p.isVerb && p.verb && grammar.clauses[p.verb.clause].opener === 'who' && perfectIn(grammar, p.verb) && told?.source !== 'clause') continue;
      // "the pianist, who first met Okafor when they were studying in Lyon": how two people met is their history,
      // news only with a time of its own ("Biden and Xi first met in person in Bali in November 2022")
      if (p.isVerb && p.lemma === 'meet' && grammar.tokens[p.first - 1]?.lower === 'first' && told?.source !== 'clause') continue;
      const date = habitual(grammar, p, told, i === contentIndex[0]) ? null : told;
      const kind = `${p.category}|${p.lemma}`;
      let role: string | null = chosen[0]?.role ?? null;
      let inferred: Inferred | null = null;
      if (chosen.length === 0) {
        inferred = inferPlace({ grammar, places, p, i, date, recent, earlier: placeOfKind.get(kind), dateline, ledeLimit, context, anchors, lastCountry });
        if (!inferred) continue;
        role = inferred.role;
      } else {
        if (!p.isVerb) placeOfKind.set(kind, { entry: chosen[0].entry, place: chosen[0].place, sentence: i, date });
        recent = { entry: chosen[0].entry, place: chosen[0].place, sentence: i, category: p.category };
      }
      const targets = inferred ? [{ entry: inferred.entry, place: inferred.place, sentence: inferred.sentence }] : chosen.map((c) => ({ entry: c.entry, place: c.place, sentence: i }));
      for (const target of targets) {
        if (!date) {
          undated.push({ category: p.category, trigger: p.text, place: target.entry.name, sentenceStart: sentence.start });
          toldHere.add(p.lemma); // "roll back the invasion" names the undated one again, not another
          if (!p.isVerb) undatedNoun.set(p.lemma, i);
          continue;
        }
        // contributors named beside a mission or a meeting take part in it ("other participants include France")
        const nearby = COOPERATIVE.has(p.category)
          ? [i - 1, i, i + 1].filter((j) => j >= 0 && j < sentences.length && sameParagraph(context, i, j)).flatMap((j) => contributors[j])
          : [];
        events.push(candidate({ doc, sentences, grammar, places, p, i, date, role: role!, target, inferred: inferred !== null, antecedent, they, recentName: target.entry.name, contributors: nearby, act: p.isVerb ? lexicon.actOf(p.lemma) : null, says: lexicon.says }));
        toldHere.add(p.lemma);
      }
    }
    // What later sentences may refer back to: the person spoken of, the place last put an event at or named after "in".
    antecedent = personIn(grammar) ?? antecedent;
    // ... or where a journey went ("flew to Kyiv on Monday. He met Zelensky there": there is Kyiv)
    const named = places.filter((pl) => !pl.qualifier && pl.prep !== null && (['in', 'at', 'near'].includes(pl.prep) || (pl.prep === 'to' && baseRole(grammar, pl) === 'destination')));
    if (named.length && (!recent || recent.sentence !== i)) recent = { entry: named[named.length - 1].mention.entry, place: named[named.length - 1], sentence: i };
    const country = places.filter((pl) => pl.mention.entry.kind === 'country' && pl.mention.form === 'name' && pl.prep !== null && (LOCATIVE_PREPOSITIONS.has(pl.prep) || DESTINATION_PREPOSITIONS.has(pl.prep))).at(-1);
    if (country) lastCountry = { entry: country.mention.entry, place: country, sentence: i };
  });
  return { events, undated, predicates: predicateCount };
}

/** People an adjective of a state may name who do not strike: its officials, its rescuers, its residents. */
const bystander = (noun: string | null) => !!noun && ((PERSON_NOUNS.has(noun) && !FORCES_WORDS.test(noun)) || RESPONDERS.test(noun) || VICTIMS.test(noun));

const FORCES_WORDS = /^(troop|troops|force|forces|soldier|soldiers|servicemember|servicemembers|personnel|military|army|unit|units|battalion|brigade|contingent)$/;

/** The head of a verb's object, in classes: "2,000 Dutch marines" and "800 troops" are both forces. */
function whatOf(grammar: SentenceGrammar, p: Predicate): string | null {
  if (!p.isVerb || !p.object) return null;
  const heads = grammar.tokens.slice(p.object[0], p.object[1] + 1).filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  const head = heads[heads.length - 1];
  if (!head) return null;
  return FORCES_WORDS.test(head.lemma) || FORCES_WORDS.test(head.lower) ? 'forces' : head.lemma;
}

/** Capitalised names in a sentence that are neither places nor titles: "Biden", "Duda". */
function peopleIn(grammar: SentenceGrammar, places: readonly PlaceInSentence[]): string[] {
  const names = new Set<string>();
  grammar.tokens.forEach((t, k) => {
    if (t.pos !== 'PROPN' || !/^\p{Lu}\p{Ll}/u.test(t.text) || NAME_TITLES.has(t.lower)) return;
    if (places.some((p) => p.first <= k && k <= p.last)) return;
    // a name is a person's when a title or another name stands next to it ("President Duda", "Maia Sandu")
    const prev = grammar.tokens[k - 1];
    const next = grammar.tokens[k + 1];
    if ((prev && (NAME_TITLES.has(prev.lower) || prev.pos === 'PROPN')) || (next && next.pos === 'PROPN')) names.add(t.lower);
  });
  return [...names].sort();
}

interface CandidateInput {
  doc: IngestedDocument;
  sentences: readonly Sentence[];
  grammar: SentenceGrammar;
  places: readonly PlaceInSentence[];
  p: Predicate;
  i: number;
  date: EventDate;
  role: string;
  target: { entry: GazetteerEntry; place: PlaceInSentence | null; sentence: number };
  inferred: boolean;
  antecedent: string | null;
  /** The plural phrase a "they" subject stands for, from the sentence before. */
  they: readonly Token[] | null;
  recentName: string;
  contributors: string[];
  /** The event noun that is the verb's act ("crash"), for a title with no one to name. */
  act: string | null;
  /** True for a verb of saying (the event lexicon's): "findings urged a meeting" does not name who met. */
  says: (verb: string) => boolean;
}

function candidate(c: CandidateInput): EventCandidate {
  const { doc, sentences, grammar, i, date, target } = c;
  let p = c.p;
  // A noun event dated after publication is planned ("the July 9-11 summit" in a June statement).
  if (!p.isVerb && p.status === 'happened' && doc.published && date.interval.start > doc.published) p = { ...p, status: 'planned' };
  const text = doc.text;
  const placeHere = target.sentence === i ? target.place : null;
  // "Russian drones launched a massive attack": the acting state is told before the attack, in its clause ("the
  // Allied invasion of Italy ... to push back the German lines" is no German invasion)
  // ... by the word that does it: "Polish officials said a drone attack", "Ukrainian rescuers searched ... after a missile
  // strike" name who spoke or helped, not who struck
  const actorAdjective = !HOSTILE_KINDS.has(p.category) ? null : c.places.find((pl) => pl.mention.form === 'adjective' && baseRole(grammar, pl) === 'agent' &&
    pl.mention.entry.id !== target.entry.id && pl.first < p.first && grammar.clauseOf[pl.first] === grammar.clauseOf[p.first] && !bystander(pl.headNoun))?.mention.text ?? null;
  const title = makeTitle({
    grammar, predicate: p, place: placeHere, role: c.role as never, placeName: target.entry.name, antecedent: c.antecedent, they: c.they, actorAdjective,
    inferredPrep: target.sentence !== i ? target.place?.prep ?? null : null, act: c.act, says: c.says,
  });
  const used = [i, target.sentence, ...(date.sentence !== null ? [date.sentence] : [])];
  const first = sentences[Math.min(...used)];
  const last = sentences[Math.max(...used)];
  const highlights: Highlight[] = [
    ...(target.place ? [{ start: target.place.mention.start, end: target.place.mention.end, kind: 'place' as const }] : []),
    ...(date.mention ? [{ start: date.mention.start, end: date.mention.end, kind: 'date' as const }] : []),
    { start: p.start, end: p.end, kind: 'trigger' as const },
  ].filter((h) => h.start >= first.start && h.end <= last.end).sort((a, b) => a.start - b.start || a.end - b.end);
  const evidence = {
    predicate: p, dateSource: date.source, dateText: date.mention ? (date.counted ? `${date.counted.text}' ${date.counted.relation} '${date.mention.text}` : date.mention.text) : null, precision: date.interval.precision,
    placeRole: c.role, placeText: target.place ? `${target.place.prep ? `${target.place.prep} ` : ''}${target.place.phrase}` : target.entry.name,
    placeConfidence: target.place?.mention.confidence ?? 0.7, published: doc.published, wordOnly: title.quality <= 0.5,
  };
  // The excerpt states the event best when its own sentence has the word, the place and the date.
  const rank = (date.source === 'clause' || date.source === 'sentence' ? 2 : 0) + (c.inferred ? 0 : 2) + (p.isVerb ? 1 : 0) + (used.every((u) => u === i) ? 1 : 0);
  return {
    category: p.category,
    persists: p.persists,
    status: p.status,
    title: title.title,
    titleQuality: title.quality,
    entry: target.entry,
    start: date.interval.start,
    end: date.interval.end,
    precision: date.interval.precision,
    dateSource: date.source,
    dateQuality: DATE_QUALITY[date.source],
    placeNamed: !c.inferred,
    actors: [...new Set([...actorsOf(grammar, c.places, p.category, target.entry, sentences[i].text, sentences[i].start), ...c.contributors])].sort(),
    confidence: confidenceOf(evidence),
    reason: reasonOf(evidence),
    evidence: rank,
    // what a meeting's verb takes is whom or where ("met her counterpart", "visiting Chile"), not a thing sent: the
    // people in the sentence tell two meetings apart
    what: p.category === 'meeting' || p.category === 'other' ? null : whatOf(grammar, p),
    people: peopleIn(grammar, c.places),
    source: {
      doc: doc.file,
      title: doc.title,
      published: doc.published,
      excerpt: text.slice(first.start, last.end),
      start: first.start,
      end: last.end,
      highlights,
    },
  };
}
