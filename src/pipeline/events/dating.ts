// When an event happened, by the nearest evidence: a date in its own clause, else in the clause that governs it,
// else earlier in its paragraph, else in the lede, else the dateline, else the day the document was published.
// Which one was used is kept (the contract's `dateSource`) and costs confidence the farther it is.
import type { DateSource, Status } from '../../model/event.ts';
import { aspectLead, journeyOf, type SentenceGrammar } from '../language/clauses.ts';
import type { GrammarSource } from '../language/grammars.ts';
import type { DateInterval, DateMention, Sentence } from '../types.ts';
import { addMonths, dayInterval, dayNumber, isoOf, monthInterval, parseIso, yearInterval } from '../dates/calendar.ts';
import type { Predicate } from './predicates.ts';
import { opensStory } from './dateline.ts';
import { HARMED, HOW_RECENT, isTimeWord, MOTION_VERBS, TELLING_VERBS, WORKS } from '../lexicon/words.ts';

export const DATING_DEFAULTS = {
  /** Sentences looked back through for the paragraph's date; a paragraph rarely runs longer. */
  paragraphLookback: 8,
  /** The lede's date stands for the whole document only when it is this close to publication (days). */
  ledeMaxDays: 14,
  /** An earlier sentence's date stands for a verb in the present only this close to publication (days). */
  presentMaxDays: 31,
};

export interface EventDate {
  interval: DateInterval;
  mention: DateMention | null;
  source: DateSource;
  /** The sentence the date was found in, or null for the dateline or the published date. */
  sentence: number | null;
  /**
   * The words that count the event's time from the mention's, when they do: "the following year" after it, or "two
   * weeks" before it ("comes two weeks after the referendum").
   */
  counted?: { text: string; relation: 'after' | 'before' };
}

/** What dating needs of the document, computed once. */
export interface DatingContext {
  text: string;
  sentences: readonly Sentence[];
  grammars: GrammarSource;
  datesBySentence: readonly DateMention[][];
  /** Each sentence's time expressions that could not be placed ("today" in a document nobody dated). */
  unplacedBySentence: readonly DateMention[][];
  published: string | null;
  /** What the published date is: the manifest's (`published`) or, for a document nobody dated, its dateline's. */
  publishedSource: 'published' | 'dateline';
  /** The date of the document's first dated content sentence when it is near publication, and that sentence. */
  lede: { mention: DateMention; sentence: number } | null;
  dateline: DateInterval | null;
  /**
   * The last sentence of the headline and lede when the document has a dateline ("Warsaw, Poland" above a
   * transcript): their events are the day's, so the publication day dates them; -1 without a dateline.
   */
  datelineLede: number;
  /** The last sentence of the headline and lede, dateline or not. */
  ledeLimit: number;
  /** Event nouns that are the document's topic ("summit" told five times): a phrase mentioning one may take the document's date. */
  topics: Set<string>;
}

const GOVERNED_OPENERS = new Set(['where', 'which', 'who', 'that', 'after', 'when', 'as', 'while', 'because', 'once', 'following', 'whenever']);
// Subordinate clauses that tell history: "since the army began moving tanks", "before the war".
const HISTORY_OPENERS = new Set(['since', 'before', 'until']);
// Phrases that put a noun event just before now: "in the wake of the storm", "after the attack".
const RECENT_BEFORE = /\b(?:in the wake of|after|following|amid|during|since|over|because of|due to)\s+(?:\S+\s+){0,4}$/i;
const RECENT_WORDS = /\b(?:recent|recently|latest|apparent|ongoing|current|continued|continuing|yesterday's|today's|this week's|last week's)\b/i;

/** The verb group a date stands beside (fewest words between), or null when its clause has none. */
function nearestVerb(grammar: SentenceGrammar, d: DateMention): SentenceGrammar['verbs'][number] | null {
  const k = tokenIndexAt(grammar, d.start);
  const clause = grammar.clauseOf[k];
  // "Soldiers deployed to Lithuania in 2017 returned home": a date in a participle's phrase, before the verb it leads to, is the participle's
  const described = grammar.verbs.find((g) => g.form === 'participle' && g.head < k && !grammar.verbs.some((o) => o.head > g.head && o.first <= k)
    && grammar.verbs.some((o) => o.first > k));
  if (described) return described;
  let best: SentenceGrammar['verbs'][number] | null = null;
  let bestGap = Infinity;
  for (const g of grammar.verbs) {
    if (g.clause !== clause) continue;
    // a date mostly follows its verb ("struck a building on Tuesday, killing three"): one before a verb counts double
    // and a finite verb before a gerund tacked on after it ("..., killing three"); an infinitive has the dates after it ("is scheduled to meet on Friday")
    // and a comma between a date and a verb after it ends the date's phrase ("... coast on Friday, describing it as ...")
    // ... and so does a conjunction ("moved to Canada in 2011 but his visa was refused three years later")
    const comma = k < g.first && grammar.tokens.slice(k + 1, g.first).some((t) => t.text === ',' || t.pos === 'CCONJ');
    // ... and a date before a participle is the main verb's ("Last year, troops stationed in Iraq sought treatment"),
    // as is one before an infinitive of purpose ("gathered outside the parliament on Thursday to pay tribute")
    const gap = (k < g.first ? 2 * (g.first - k) + (comma ? 10 : 0) + (g.form === 'participle' || g.form === 'infinitive' ? 100 : 0) : k - g.head) +
      (g.form === 'finite' || (g.form === 'infinitive' && k > g.head) ? 0 : 3);
    if (gap < bestGap) [best, bestGap] = [g, gap];
  }
  return best;
}

/** True when verb group `next` follows `verb` joined by "and" with nothing else between them that is a verb. */
function joinedAfter(grammar: SentenceGrammar, verb: SentenceGrammar['verbs'][number], next: SentenceGrammar['verbs'][number] | null): boolean {
  if (!next || next.head <= verb.head || grammar.tokens[next.first - 1]?.lower !== 'and') return false;
  return !grammar.verbs.some((g) => g.head > verb.head && g.head < next.first);
}

/** Document offsets of a noun predicate's phrase: from its preposition to a few words after it, within its clause. */
function phraseSpan(grammar: SentenceGrammar, p: Predicate): [number, number] {
  const { tokens, clauseOf } = grammar;
  let a = p.first;
  while (a > 0 && tokens[a - 1].pos !== 'ADP' && tokens[a - 1].pos !== 'VERB' && clauseOf[a - 1] === clauseOf[p.first]) a--;
  let b = p.head;
  // "During his tour of Porto, Portugal, today, the minister announced": a place's qualifier and a day set off by commas
  // still belong to the phrase
  const day = (t: SentenceGrammar['tokens'][number] | undefined) => !!t && isTimeWord(t.lower);
  const setOff = (k: number) => tokens[k].text === ',' && (tokens[k + 1]?.pos === 'PROPN' || day(tokens[k + 1]) || (tokens[k + 1]?.lower === 'on' && day(tokens[k + 2])));
  while (b + 1 < tokens.length && b - p.head < 14 && tokens[b + 1].pos !== 'VERB' && (tokens[b + 1].text !== ',' || setOff(b + 1)) && clauseOf[b + 1] === clauseOf[p.head]) b++;
  return [tokens[a].start, tokens[b].end];
}

function tokenIndexAt(grammar: SentenceGrammar, offset: number): number {
  const { tokens } = grammar;
  for (let i = 0; i < tokens.length; i++) if (tokens[i].end > offset) return i;
  return tokens.length - 1;
}

function fits(interval: DateInterval, status: Status, published: string | null): boolean {
  if (published === null) return true;
  // A past event is not dated after it was written about; a planned one not before.
  if (status === 'happened' && interval.start > published) return false;
  if (status === 'planned' && interval.end < published) return false;
  return true;
}

const distance = (a: number, b: number) => Math.abs(a - b);

// A time counted from the one just told: "the following year", "two months later", "the next day"; and back from it:
// "the previous day", "a day earlier", "the day before." (not "the day before the vote", counted from the vote).
const LATER = /\b(?:the (?:following|next) (year|month|week|day)|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (years?|months?|weeks?|days?) later)\b/i;
const EARLIER = /\b(?:the (?:previous|preceding) (year|month|week|day)|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (years?|months?|weeks?|days?) (?:earlier|before(?=\s*[,.;:)]|$))|the (day|week|month|year) before(?=\s*[,.;:)]|$))/i;
const COUNT: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** The interval `n` units after `base` (before it for a negative `n`), no more precise than both ("the following year" of 12 May 2014 is 2015). */
export function later(base: DateInterval, unit: string, n: number): DateInterval {
  const b = parseIso(base.start);
  if (unit.startsWith('year')) return yearInterval(b.year + n);
  if (unit.startsWith('month') || base.precision !== 'day') {
    if (base.precision === 'year') return yearInterval(b.year + (unit.startsWith('month') ? Math.floor((b.month - 1 + n) / 12) : 0));
    const m = addMonths(b.year, b.month, unit.startsWith('month') ? n : 0);
    return monthInterval(m.year, m.month);
  }
  return dayInterval(b.dayNum + n * (unit.startsWith('week') ? 7 : 1));
}

/** The shift a sentence counts from the time told before it ("two years later": +2 years, "a day earlier": -1 day), or null. */
function laterIn(sentence: string): { unit: string; n: number; text: string; relation: 'after' | 'before' } | null {
  const m = LATER.exec(sentence);
  if (m) return m[1] ? { unit: m[1].toLowerCase(), n: 1, text: m[0], relation: 'after' } : { unit: m[3].toLowerCase(), n: COUNT[m[2].toLowerCase()] ?? Number(m[2]), text: m[0], relation: 'after' };
  const e = EARLIER.exec(sentence);
  if (!e) return null;
  const unit = (e[1] ?? e[4] ?? e[3]).toLowerCase();
  const n = e[2] ? COUNT[e[2].toLowerCase()] ?? Number(e[2]) : 1;
  return { unit, n: -n, text: e[0], relation: 'before' };
}

/** Words that take the time just told as their own: "that's when", "that same year". */
const POINTS_BACK = /\b(?:that[’']s when|that (?:is|was) when|at that time|that (?:same )?year|the same year)\b/i;

// "since 2013", "from 1994 until his retirement": the start of a state
const startsState = (text: string, d: DateMention) => /^(?:since|from)\b/i.test(d.text) || /\b(?:since|from)\s+$/i.test(text.slice(Math.max(0, d.start - 8), d.start));
// ... or a date inside a phrase that starts one: "Since the harbour bombing in April 2018, patrols have ..."
const inStateStart = (text: string, d: DateMention) => startsState(text, d) || /\bsince\s[^,;:.()]{0,60}$/i.test(text.slice(Math.max(0, d.start - 64), d.start));

/** A year written in the date itself ("March 2025", "12 May 2024"), not inferred. */
const WRITTEN_YEAR = /\b(1[89]|20)\d\d\b/;

/**
 * True for an event dated by its own words with a year, long before the report ("the invasion in March 2003" in a
 * 2007 story): history, which the dateline's place does not locate. Without any writing day, a year or month told
 * with its year counts as history.
 */
export function toldAsHistory(date: EventDate | null, context: DatingContext): boolean {
  if (!date?.mention || !WRITTEN_YEAR.test(date.mention.text)) return false;
  const written = context.published ?? context.dateline?.end ?? null;
  if (written === null) return date.interval.precision !== 'day';
  return parseIso(written).dayNum - parseIso(date.interval.end).dayNum > 365;
}

/** The interval a document's publication day stands for: up to that day for what happened, that day for the rest. */
function fromPublished(published: string, status: Status): DateInterval {
  if (status !== 'happened') return { start: published, end: published, precision: 'day' };
  const p = parseIso(published);
  return { start: isoOf(dayNumber(p.year, p.month, 1)), end: published, precision: 'month' };
}

/** Verbs that look back at an event rather than report it: "officials recalled the invasion". */
const MEMORY_VERBS = new Set(['recall', 'remember', 'commemorate', 'mark', 'recount', 'evoke', 'invoke', 'revisit', 'memorialize', 'memorialise']);
/** Prepositions that make an event the setting of what a clause tells: "decided at the summit", "during the visit". */
const SETTING_PREPOSITIONS = new Set(['at', 'during', 'for', 'ahead', 'before', 'after', 'following', 'throughout', 'on']);
/** Nouns that make "of" a setting: "on the sidelines of the summit", "on the eve of the visit". */
const SETTING_NOUNS = new Set(['sidelines', 'sideline', 'margins', 'margin', 'eve', 'opening', 'start', 'end', 'close', 'occasion', 'ahead']);

/** The first word of a noun predicate's phrase: "the" in "the NATO defence ministers' meeting". */
function nounPhraseFirst(grammar: SentenceGrammar, p: Predicate): number {
  let a = p.first;
  while (a > 0 && ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART'].includes(grammar.tokens[a - 1].pos)) a--;
  return a;
}

/** The preposition that governs a noun predicate's phrase ("at" in "at the NATO summit"), or null. */
function governingPreposition(grammar: SentenceGrammar, p: Predicate): { prep: string; before: string } | null {
  const { tokens } = grammar;
  const a = nounPhraseFirst(grammar, p);
  const prep = tokens[a - 1];
  return prep && (prep.pos === 'ADP' || prep.pos === 'SCONJ') ? { prep: prep.lower, before: tokens[a - 2]?.lower ?? '' } : null;
}

/**
 * The document's topic ("the summit" told five times) may date a mention of it where the mention is the setting of
 * its clause ("ministers will agree at the summit"), not where it is background ("civilians affected by the invasion").
 */
function topicSetting(grammar: SentenceGrammar, p: Predicate, context: DatingContext): boolean {
  if (!context.topics.has(p.lemma)) return false;
  const governed = governingPreposition(grammar, p);
  return !!governed && (SETTING_PREPOSITIONS.has(governed.prep) || (governed.prep === 'of' && SETTING_NOUNS.has(governed.before)));
}

/** True when the event may take a date from beyond its own sentence: it is reported, not history or background. */
function mayInherit(grammar: SentenceGrammar, p: Predicate, context: DatingContext): boolean {
  const opener = grammar.clauses[grammar.clauseOf[p.first]].opener;
  if (opener !== null && HISTORY_OPENERS.has(opener)) return false;
  // "Officials recalled the invasion": looked back at, not reported
  const recalled = !p.isVerb && p.argument && p.verb !== null && MEMORY_VERBS.has(grammar.tokens[p.verb.head].lemma);
  if (recalled) return toldAsRecent(grammar, p, context);
  if (toldByWork(grammar, p)) return false;
  if (p.isVerb || p.argument || topicSetting(grammar, p, context)) return true;
  // "two men were wounded in a shooting", "killed in the attack": the harm tells the event as it tells itself
  const governed = governingPreposition(grammar, p);
  if (governed && /^(in|by)$/.test(governed.prep) && HARMED.test(governed.before)) return true;
  // "we are part of the Northern Shield mission": a state said to hold now holds at publication
  if (p.persists && p.status === 'ongoing' && p.verb?.tense === 'present') return true;
  // A noun in a phrase ("in response to Russia's invasion") is background unless the words say it is recent.
  return settingOf(grammar, p, context) || toldAsRecent(grammar, p, context);
}

/** "His film, titled ..., tells a baker's journey": a noun a book, a film or a story tells is its content, not news. */
function toldByWork(grammar: SentenceGrammar, p: Predicate): boolean {
  if (p.isVerb || !p.argument || p.verb === null || p.verb.head > p.first || !TELLING_VERBS.has(grammar.tokens[p.verb.head].lemma)) return false;
  const teller = grammar.tokens.slice(0, p.verb.first).find((t) => t.pos === 'NOUN');
  return !!teller && WORKS.test(teller.lemma);
}

/** A noun in a phrase that sets its clause in time: "during the invasion", "in the wake of the storm". */
function settingOf(grammar: SentenceGrammar, p: Predicate, context: DatingContext): boolean {
  return RECENT_BEFORE.test(context.text.slice(grammar.tokens[0].start, p.start));
}

/** The clause around a noun tells the past: a finite verb in the past ("landed"), or "was"/"were" ("Austria was generous"). */
function toldInPast(grammar: SentenceGrammar, p: Predicate): boolean {
  const clause = grammar.clauseOf[p.first];
  if (grammar.verbs.some((g) => g.clause === clause && g.form === 'finite' && g.tense === 'past')) return true;
  return grammar.tokens.some((t, k) => grammar.clauseOf[k] === clause && (t.lower === 'was' || t.lower === 'were'));
}

/** "the recent attack", "yesterday's blast": words beside a noun that put it near the writing day. */
function toldAsRecent(grammar: SentenceGrammar, p: Predicate, context: DatingContext): boolean {
  // the noun's own phrase, however long its name ("a recent Hill County Planning Board meeting"), or 40 characters
  const from = Math.max(grammar.tokens[0].start, Math.min(grammar.tokens[nounPhraseFirst(grammar, p)].start, p.start - 40));
  return RECENT_WORDS.test(context.text.slice(from, p.end));
}

/**
 * The event's date, or null when the text gives none it may use. "Sandu's reelection comes two weeks after the people
 * passed a referendum": an event in a clause counted after or before the time its sentence takes from elsewhere is
 * that much before or after it.
 */
export function dateOf(p: Predicate, i: number, context: DatingContext, opts = DATING_DEFAULTS): EventDate | null {
  const date = toldDate(p, i, context, opts);
  if (!date || date.source === 'clause' || date.counted) return date;
  const grammar = context.grammars.at(i)!;
  const offset = countedClause(grammar, grammar.clauseOf[p.first]);
  if (!offset) return date;
  const n = offset.relation === 'before' ? -offset.n : offset.n;
  return { ...date, interval: later(date.interval, offset.unit, n), counted: { text: offset.text, relation: offset.relation } };
}

const COUNTED_UNIT = /^(days?|weeks?|months?|years?)$/;

/** "two weeks after the people passed ...": the count and unit before the word that opens clause `c`, and which way. */
function countedClause(grammar: SentenceGrammar, c: number): { unit: string; n: number; text: string; relation: 'after' | 'before' } | null {
  const clause = grammar.clauses[c];
  if (clause.opener !== 'after' && clause.opener !== 'before') return null;
  const { tokens } = grammar;
  const unit = tokens[clause.first - 1];
  const count = tokens[clause.first - 2];
  if (!unit || !count || !COUNTED_UNIT.test(unit.lower)) return null;
  const n = COUNT[count.lower] ?? Number(count.text);
  if (!Number.isInteger(n) || n <= 0) return null;
  // the event in the clause is before the time told when the clause comes "after" it
  return { unit: unit.lower, n, text: `${count.text} ${unit.text}`, relation: clause.opener === 'after' ? 'before' : 'after' };
}

/** The date the text gives the event itself, before any count from another time. */
function toldDate(p: Predicate, i: number, context: DatingContext, opts: typeof DATING_DEFAULTS): EventDate | null {
  const grammar = context.grammars.at(i)!;
  const clause = grammar.clauseOf[p.first];
  // A noun has no tense of its own ("the July 9-11 summit"): its own phrase's date may lie either side of publication.
  const tenseless = !p.isVerb && !(p.argument && p.verb && p.verb.mood !== 'happened');
  // "since 2004" starts a state; it cannot date a single happening ("held since 2004, they arrived today")
  const single = !p.persists && p.status === 'happened';
  const dated = context.datesBySentence[i].filter((d) => (fits(d.interval!, p.status, context.published) || (tenseless && !p.argument))
    && !(single && startsState(context.text, d)));
  // A noun in a phrase ("in response to Russia's invasion of Ukraine") owns only the dates of its phrase ("the 2022
  // invasion", "the invasion in February 2022"), not the clause's ("has provided aid since October 2020").
  // ... except "announced on Monday during a visit to Vilnius": what happens during it dates the visit too
  // ... and "will go back to the polls on 9 June for a second round": what one goes for happens when one goes
  const setting = !p.isVerb && !p.argument ? governingPreposition(grammar, p) : null;
  const during = setting?.prep === 'during' || (setting?.prep === 'for' && p.verb !== null && p.verb.head < p.first && MOTION_VERBS.has(grammar.tokens[p.verb.head].lemma));
  const phrase = p.isVerb || p.argument || during ? null : phraseSpan(grammar, p);
  // A date that starts in the phrase is the phrase's, commas and all: "died in a fire Saturday, March 21, at ...".
  const inScope = (d: DateMention) => phrase ? d.start >= phrase[0] && d.start < phrase[1] : grammar.clauseOf[tokenIndexAt(grammar, d.start)] === clause;
  const own = dated.filter(inScope);
  const nearest = (ds: DateMention[]) => ds.reduce<DateMention | null>((best, d) => (!best || distance(d.start, p.start) < distance(best.start, p.start) ? d : best), null);
  // A clause with two verbs gives each the dates beside it: "Trump today announced a delegation to attend the
  // inauguration on August 6" dates the announcement today and the attendance on August 6.
  // ... and "began arriving in Lithuania on Monday" dates the arriving, not the beginning
  const lead = p.isVerb && p.verb ? aspectLead(grammar, p.verb) : null;
  const mine = p.isVerb && p.verb ? own.filter((d) => nearestVerb(grammar, d) === p.verb || (lead !== null && nearestVerb(grammar, d) === lead)) : own;
  const inClause = nearest(mine.length ? mine : own.filter((d) => !p.isVerb || !p.verb || !nearestVerb(grammar, d)));
  // "landed in Tallinn today" in a document nobody dated: its day is told, relative to a day the text does not give, so
  // no other date may stand in for it ("In jail since 1999, ... arrived today" did not happen in 1999).
  const unplaced = context.unplacedBySentence[i].some((d) => inScope(d) && (phrase !== null || !p.isVerb || !p.verb || nearestVerb(grammar, d) === p.verb));
  if (unplaced) return null;
  if (inClause) return { interval: inClause.interval!, mention: inClause, source: 'clause', sentence: i };
  // "The ministers met in Riga and signed the accord on Monday": verbs joined by "and" share the time told after them
  // ... and the time told before the first ("On Sunday, the town turned out at the polls and cast ballots")
  const toldBefore = (d: DateMention, g: SentenceGrammar['verbs'][number] | null) => !!g && d.end <= grammar.tokens[g.first].start && joinedAfter(grammar, g, p.verb!);
  // ... and "travelled to Vilnius on Monday to attend a ceremony": what one travels to do happens when one arrives
  const journey = p.isVerb && p.verb ? journeyOf(grammar, p.verb) : null;
  const sharedDate = p.isVerb && p.verb && mine.length === 0
    ? nearest(dated.filter((d) => joinedAfter(grammar, p.verb!, nearestVerb(grammar, d)) || toldBefore(d, nearestVerb(grammar, d)) || (journey !== null && nearestVerb(grammar, d) === journey))) : null;
  if (sharedDate) return { interval: sharedDate.interval!, mention: sharedDate, source: 'clause', sentence: i };
  // A date written out with its year beside the verb ("deployed ... in March 2025") is the text's own word even when
  // the tense and the publication date disagree (a wrong manifest date, a late update): never a date from elsewhere.
  const written = p.isVerb && p.verb ? context.datesBySentence[i].filter((d) => d.interval && WRITTEN_YEAR.test(d.text)
    && grammar.clauseOf[tokenIndexAt(grammar, d.start)] === clause && nearestVerb(grammar, d) === p.verb) : [];
  const writtenDate = nearest(written);
  if (writtenDate) return { interval: writtenDate.interval!, mention: writtenDate, source: 'clause', sentence: i };
  // Another clause's date when that clause reports nothing of its own, or when it governs this one ("On Friday, he
  // will travel to Warsaw, where he will meet ..."; "will travel on May 7 to meet ...").
  // A relative or subordinate clause, or a non-finite verb, takes the date of the main clause it depends on ("Romania
  // scrambled jets on Saturday after a drone entered its airspace"); a clause with a verb of its own lends nothing else.
  const opener = grammar.clauses[clause].opener;
  const governed = (opener !== null && GOVERNED_OPENERS.has(opener)) || (p.verb !== null && p.verb.form !== 'finite');
  const others = dated.filter((d) => {
    const c = grammar.clauseOf[tokenIndexAt(grammar, d.start)];
    if (c === clause) return false;
    const hasOwnEvent = grammar.verbs.some((g) => g.clause === c && g.form === 'finite' && g.head !== p.head);
    return governed ? grammar.clauses[c].opener === null || c < clause : !hasOwnEvent;
  });
  // A noun in a phrase owns its phrase's dates only: "civilians affected by Russia's invasion" is not dated "today"
  const inSentence = p.isVerb || p.argument ? nearest(others) : null;
  if (inSentence) return { interval: inSentence.interval!, mention: inSentence, source: 'sentence', sentence: i };
  if (!mayInherit(grammar, p, context)) return null;
  // "The last outbreak was in 1992. Other agencies provide aid": a verb in the present tells the day of writing, which
  // an earlier sentence's date stands for only when it is that close to publication (and never when nobody dated the text).
  // So does a noun told as recent ("during the invasion", "in the wake of the storm"): recent is near the writing
  // day, not near another event's year ("The tank was made in 1943. It rolled ashore during the Allied landing").
  const topic = !p.isVerb && !p.argument && topicSetting(grammar, p, context);
  const recentNoun = !p.isVerb && !p.argument && !topic;
  // "I am alarmed by the growing shortage": a noun argument of a verb in the present is told as now, too.
  // "the deteriorating crisis", "the ongoing talks": a participle in -ing before the noun tells it as going on now.
  const goingOn = !p.isVerb && p.verb !== null && p.verb.head < p.first && p.first - p.verb.head <= 2 && grammar.tokens[p.verb.head].lower.endsWith('ing');
  const now = ((p.isVerb || p.argument) && p.verb?.tense === 'present' && p.verb.mood !== 'planned') || recentNoun || goingOn;
  const nearWriting = (d: DateInterval) => !now || (context.published !== null && parseIso(context.published).dayNum - parseIso(d.end).dayNum <= opts.presentMaxDays);
  const pointsBack = POINTS_BACK.test(context.sentences[i].text);
  const shift = laterIn(context.sentences[i].text);
  // The paragraph's latest date before this sentence.
  // The document's topic takes the document's date, never a date the paragraph gives another event.
  for (let j = i - 1; !topic && j >= 0 && i - j <= opts.paragraphLookback && sameParagraph(context, j, i); j--) {
    // "... rented to agencies since 2013": the start of a state dates nothing else in the paragraph, unless the
    // sentence points back at it ("Since 2014 the kingdom kept a pledge. That's when it first sent soldiers.")
    const told = context.datesBySentence[j].filter((d) => !HOW_RECENT.test(d.text));
    const ds = told.filter((d) => fits(d.interval!, p.status, context.published) && nearWriting(d.interval!)
      && (!inStateStart(context.text, d) || pointsBack));
    const last = ds[ds.length - 1];
    if (last && shift) return { interval: later(last.interval!, shift.unit, shift.n), mention: last, source: 'paragraph', sentence: j, counted: { text: shift.text, relation: shift.relation } };
    if (last) return { interval: last.interval!, mention: last, source: 'paragraph', sentence: j };
    // a date that does not fit this event ends the paragraph's run, and so does a time the text does not place ("last week")
    if (told.length > 0 || context.unplacedBySentence[j].length > 0) break;
  }
  // "The following year ..." with no time told before it in the paragraph: counted from a time the text does not give
  if (shift) return null;
  // "It rolled ashore during the Allied landing": below the lede, the setting of a past clause that tells no
  // time is as old as what the clause tells, which nothing dates; only words that say it is recent put it near the
  // writing day. (In the lede, "jets were scrambled during an attack" is the day's news.)
  if (recentNoun && i > context.ledeLimit && settingOf(grammar, p, context) && toldInPast(grammar, p) && !toldAsRecent(grammar, p, context)) return null;
  // "the drones Russia launched overnight": the night before the writing, which the wires date by the day they file
  const filed = context.dateline?.end ?? context.published;
  if (filed && p.status === 'happened' && OVERNIGHT.test(context.sentences[i].text)) return { interval: { start: filed, end: filed, precision: 'day' }, mention: null, source: 'sentence', sentence: i };
  if (context.lede && context.lede.sentence < i && fits(context.lede.mention.interval!, p.status, context.published) && nearWriting(context.lede.mention.interval!)) {
    return { interval: context.lede.mention.interval!, mention: context.lede.mention, source: 'lede', sentence: context.lede.sentence };
  }
  if (context.dateline && fits(context.dateline, p.status, context.published)) return { interval: context.dateline, mention: null, source: 'dateline', sentence: null };
  if (context.published && i <= context.datelineLede) return { interval: { start: context.published, end: context.published, precision: 'day' }, mention: null, source: 'dateline', sentence: null };
  if (context.published) return { interval: fromPublished(context.published, p.status), mention: null, source: context.publishedSource, sentence: null };
  return null;
}

/** The night before the writing, as the wires say it. */
const OVERNIGHT = /\bovernight\b/i;

/**
 * True when no line break separates sentences a and b, and no story begins between them: a paragraph is a line (news
 * sites and plain text alike), and a wire round-up runs several stories in one ("... since 2013. WASHINGTON (AP) - ...").
 */
export function sameParagraph(context: Pick<DatingContext, 'text' | 'sentences'>, a: number, b: number): boolean {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  if (/[\n\r\u2028\u2029]/.test(context.text.slice(context.sentences[lo].end, context.sentences[hi].start))) return false;
  for (let k = lo + 1; k <= hi; k++) if (opensStory(context.sentences[k].text)) return false;
  return true;
}

/** The lede's date: the first date of the first content paragraph with one, when it lies near publication. */
export function ledeDate(sentences: readonly Sentence[], datesBySentence: readonly DateMention[][], published: string | null, opts = DATING_DEFAULTS): DatingContext['lede'] {
  if (published === null) return null;
  const pub = parseIso(published).dayNum;
  let contentSeen = 0;
  for (let i = 0; i < sentences.length && contentSeen < 3; i++) {
    if (!sentences[i].isContent) continue;
    contentSeen++;
    const first = datesBySentence[i][0];
    if (first?.interval?.precision !== 'day') continue;
    const days = Math.abs(parseIso(first.interval.start).dayNum - pub);
    return days <= opts.ledeMaxDays ? { mention: first, sentence: i } : null;
  }
  return null;
}
