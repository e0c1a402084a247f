// Joins triggers, places and dates into events: the place the trigger is about, the date nearest to it, the
// sentence(s) that say so, and the states that act in it.
import { isIsoDate, type Category, type Highlight, type Precision, type Source } from '../model/event.ts';
import type { DateInterval, DateMention, GazetteerEntry, IngestedDocument, ResolvedMention, Sentence } from './types.ts';
import type { FoundTrigger } from './trigger.ts';
import { makeTitle, type PlaceRole, type TitlePlace } from './title.ts';

export const EVENTS_DEFAULTS = {
  /** Characters of distance between trigger and place that cost one point of place score. */
  charsPerPoint: 50,
  /** Words looked at before a place for the preposition that says how it relates to the event. */
  roleWindowWords: 7,
  /** Resolved places the resolver is less sure of than this are not placed on the map. */
  minPlaceConfidence: 0.2,
  /** A place farther than this (characters) from every trigger of its sentence is about something else. */
  maxTriggerDistance: 120,
  /** Confidence of a venue taken from the organisation that meets ("NATO defence ministers met") rather than the text. */
  venueConfidence: 0.6,
  /** Date confidence by where the date was found; the published-date fallback is the weakest. */
  dateConfidence: { sentence: 1, neighbour: 0.85, paragraph: 0.7, published: 0.5 },
  /** Date confidence by precision: a year says less about when than a day. */
  precisionConfidence: { day: 1, month: 0.9, year: 0.75 } as Record<Precision, number>,
  /** Place confidence by role: "in Brussels" says where; a bare object says it less firmly. */
  roleConfidence: { locative: 1, airspace: 1, object: 0.9, to: 0.85, target: 0.9, premod: 0.85, dateline: 0.7, other: 0.7, speech: 0.3, actor: 0.5 } as Record<PlaceRole, number>,
};

/** How an event got its date: 3 same sentence, 2 neighbour, 1 earlier in the paragraph, 0 the published date. */
export type DateQuality = 0 | 1 | 2 | 3;

/** One event as one document tells it, before merging. */
export interface EventCandidate {
  category: Category;
  persists: boolean;
  title: string;
  titleQuality: number;
  entry: GazetteerEntry;
  start: string;
  end: string;
  precision: Precision;
  dateQuality: DateQuality;
  /** False when the place was inferred (a body's headquarters), not named by the text. */
  placeNamed: boolean;
  actors: string[];
  confidence: number;
  source: Source;
}

/** A trigger with a place but no date: not on the timeline, but counted in the report. */
export interface UndatedEvent {
  category: Category;
  trigger: string;
  place: string;
  sentenceStart: number;
}

export interface DocumentEvents {
  events: EventCandidate[];
  undated: UndatedEvent[];
}

const LOCATIVE = new Set(['in', 'at', 'near', 'around', 'into', 'over', 'outside', 'inside', 'across', 'along', 'off', 'within', 'throughout', 'above', 'toward', 'towards', 'to', 'nearby', 'beyond', 'through']);
const AGENT = new Set(['by', 'from']);
// Words that may stand between a preposition and its place: "around the key areas of Kurakhove", "in eastern Ukraine".
const SKIPPABLE = new Set([
  'the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'of', 'key', 'area', 'areas', 'outskirts', 'city', 'cities',
  'town', 'towns', 'village', 'villages', 'region', 'regions', 'province', 'district', 'capital', 'centre', 'center',
  'suburbs', 'suburb', 'part', 'parts', 'vicinity', 'heart', 'port', 'border', 'coast', 'north', 'south', 'east',
  'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern',
  'southwestern', 'northeast', 'northwest', 'southeast', 'southwest', 'occupied', 'frontline', 'front-line', 'nearby',
  'neighbouring', 'neighboring', 'besieged', 'strategic', 'embattled', 'entire', 'whole', 'rest', 'direction',
]);
// "aid for Ukraine": "for" names a recipient only after words for help.
const RECIPIENT_BEFORE = /\b(?:aid|assistance|support|package|funding|funds|loans?|grants?|weapons|ammunition|supplies|help|relief)\s+$/i;
const WORD_CHAR = /[\p{L}\p{N}'’.-]/u;
const PUNCTUATION = ',;:()"“”—–';

/**
 * The last `count` tokens of text[from, to) — words and clause punctuation — as [token] tuples with `index`, the
 * token's document offset, oldest first. Scans backwards so that only the words looked at are made.
 */
function tokensBefore(text: string, from: number, to: number, count: number): { 0: string; index: number }[] {
  const out: { 0: string; index: number }[] = [];
  let i = to - 1;
  while (i >= from && out.length < count) {
    const c = text[i];
    if (PUNCTUATION.includes(c)) {
      out.push({ 0: c, index: i });
      i--;
    } else if (WORD_CHAR.test(c)) {
      const end = i + 1;
      while (i >= from && WORD_CHAR.test(text[i])) i--;
      out.push({ 0: text.slice(i + 1, end), index: i + 1 });
    } else i--;
  }
  return out.reverse();
}
const DATELINE_AFTER = /^(?:,\s*[\p{L}. ]{2,30})?\s*(?:\([\p{L} .]{1,30}\))?\s*(?:[—–]|--?)\s/u;
const POSSESSIVE_AIRSPACE = /\b(?:its|their)\s+air\s?space\b/i;
// Roles that never make a place the event's, even as the city inside a country the text named.
const NOT_THE_PLACE = new Set<PlaceRole>(['actor', 'speech', 'dateline']);
const SPEECH_SETTING = /\b(?:reporters|journalists|press|news conference|briefing|statement|interview|broadcaster|television|radio)\b/;
const SPEECH_VERB = /^(?:told|tells|said|says|saying|speaking|spoke|speaks|briefed|addressed|addressing|announced|wrote)$/i;
const JOURNEY = new Set(['visit', 'visits', 'trip', 'trips', 'travelled', 'traveled', 'travels', 'flew', 'flies', 'came', 'went', 'headed', 'journey', 'returned']);
// After "to" these words make it something else than a destination: "in response to Russia".
const NOT_DESTINATION = new Set(['response', 'according', 'due', 'addition', 'close', 'next', 'compared', 'contrary', 'prior', 'thanks', 'owing', 'threat', 'threats', 'support', 'commitment', 'invitation', 'proposals', 'challenge']);
const LOCATION_NOUN_AFTER = /^[\s-]+(?:border|borders|coast|coastline|capital|cities|city|towns?|villages?|regions?|provinces?|oblasts?|soil|side|frontline|front line|front|positions?|bases?|ports?|skies)\b/i;
const AIRSPACE_AFTER = /^(?:['’]s)?[\s-]+(?:air\s?space|territor(?:y|ial waters)|waters)\b/i;
const CONTRIBUTOR_VERB = /\b(?:contribut\w*|participat\w*|participants?|join(?:s|ed|ing)?|send(?:s|ing)?|sent|provid\w*|pledg\w*)\b/i;
const ENUMERATION_GAP = /^\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+|\s*\/\s*)(?:the\s+)?$/i;

const ROLE_WEIGHT: Record<PlaceRole, number> = { airspace: 5, locative: 4, object: 3, to: 3, target: 3, premod: 2, dateline: 1, other: 0, speech: -10, actor: -10 };
const KIND_WEIGHT: Record<GazetteerEntry['kind'], number> = { site: 2, city: 1.5, region: 0.5, country: 0 };

interface Placed {
  mention: ResolvedMention & { entry: GazetteerEntry };
  role: PlaceRole;
  prep: string | null;
  airspacePhrase: string | null;
  sentence: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

const INCURSION_PREP = new Set(['into', 'over', 'across', 'above', 'in', 'inside', 'within']);
// Categories where states act together: those who contribute or join are its actors.
const COOPERATIVE = new Set<Category>(['meeting', 'mission', 'deployment', 'aid', 'headquarters', 'other']);
const HOSTILE = new Set<Category>(['strike', 'incursion', 'incident']);
// Bodies that meet at their own headquarters unless the text names another venue: "NATO defence ministers met".
const MEETING_VENUES: { body: RegExp; id: string }[] = [{ body: /\bNATO\b/, id: 'cur:nato-hq' }];
/** How far before a meeting word the body may be named ("NATO defence ministers are meeting"). */
const VENUE_WINDOW_CHARS = 40;
// An adjective names an acting state when it qualifies people or forces ("Russian troops", "German Defence Minister").
const OFFICIAL_NOUN = /^[\s-]+(?:[\p{L}\p{N}-]+\s+){0,2}?(?:minister|ministers|president|prime|premier|chancellor|leaders?|officials?|delegations?|counterparts?|chiefs?|diplomats?|envoys?|ambassadors?|government|foreign|defen[cs]e|secretary|representatives?)\b/iu;
// The people who come "from" the place, then perhaps the places enumerated before it ("from Georgia and Ukraine").
const PEOPLE_BEFORE_FROM =
  /\b(?:chiefs?|ministers?|officials?|leaders?|delegates?|delegations?|representatives?|counterparts?|envoys?|diplomats?|troops|soldiers|forces|experts?|teams?|heads?|members?|partners?|allies)\s+from\s+(?:the\s+)?(?:\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?)*$/u;
const FORCE_NOUN = /^[\s-]+(?:[\p{L}\p{N}-]+\s+){0,2}?(?:troops|forces|soldiers|army|navy|military|jets?|drones?|aircraft|warplanes?|fighters?|bombers?|missiles?|ships?|vessels?|submarines?|helicopters?|tanks?|units?|artillery|strikes?|attacks?|airstrikes?|incursions?|offensive|advances?|gains?|assault)\b/iu;

function acceptable(category: Category, p: Placed): boolean {
  if (category === 'incursion') return p.role === 'airspace' || p.role === 'object' || (p.role === 'locative' && INCURSION_PREP.has(p.prep ?? ''));
  switch (p.role) {
    case 'airspace': return category === 'mission' || category === 'deployment';
    case 'locative': case 'object': return true;
    case 'to': return category === 'aid' || category === 'deployment';
    case 'target': return category === 'strike' || category === 'advance';
    case 'premod': case 'dateline': return true;
    default: return category === 'meeting' && p.mention.entry.kind === 'site';
  }
}

/** How the sentence relates a place to what happens: by the preposition before it or the word after it. */
function roleOf(text: string, sentence: Sentence, m: ResolvedMention, triggers: readonly FoundTrigger[], adjectives: readonly ResolvedMention[], opts: typeof EVENTS_DEFAULTS): Omit<Placed, 'mention' | 'sentence'> {
  const after = text.slice(m.end, sentence.end);
  const airspace = AIRSPACE_AFTER.exec(after);
  if (/\bair\s?space\b/i.test(m.text)) return { role: 'airspace', prep: prepBefore(text, sentence, m, opts), airspacePhrase: m.text };
  if (airspace) return { role: 'airspace', prep: prepBefore(text, sentence, m, opts), airspacePhrase: text.slice(m.start, m.end + airspace[0].length).replace(/\s+/g, ' ') };
  if (m.form === 'adjective') {
    return LOCATION_NOUN_AFTER.test(after) ? { role: 'locative', prep: prepBefore(text, sentence, m, opts), airspacePhrase: null } : { role: 'actor', prep: null, airspacePhrase: null };
  }
  if (/^['’]s\b/.test(after)) return { role: 'actor', prep: null, airspacePhrase: null };
  // A wire dateline, "KYIV, Ukraine (AP) — ...": where the story was filed, usually where it happened.
  if (/^\s*$/.test(text.slice(sentence.start, m.start)) && DATELINE_AFTER.test(after)) return { role: 'dateline', prep: 'in', airspacePhrase: null };
  const next = triggers.find((t) => t.start >= m.end && t.start - m.end <= 2);
  const windowStart = Math.max(sentence.start, m.start - 80);
  const tokens = tokensBefore(text, windowStart, m.start, opts.roleWindowWords + 3);
  for (let i = tokens.length - 1, seen = 0; i >= 0 && seen < opts.roleWindowWords; i--, seen++) {
    const token = tokens[i][0];
    if (/^[,;:()"“”—–]$/.test(token)) {
      // "in Kananaskis, Canada": a country after a place the gazetteer may not know stands where that place stands.
      const prev = tokens[i - 1]?.[0] ?? '';
      const prep = (tokens[i - 2]?.[0] ?? '').toLowerCase();
      if (token === ',' && m.form === 'name' && /^\p{Lu}/u.test(prev) && LOCATIVE.has(prep)) return { role: 'locative', prep, airspacePhrase: null };
      break;
    }
    const word = token.toLowerCase().replace(/’/g, "'");
    const tokenEnd = tokens[i].index + token.length;
    const trigger = triggers.find((t) => t.end === tokenEnd);
    if (trigger) return { role: trigger.isVerb ? 'object' : 'other', prep: null, airspacePhrase: null };
    if (word === 'against' || word === 'on') return { role: 'target', prep: word, airspacePhrase: null };
    if (word === 'for') return { role: RECIPIENT_BEFORE.test(text.slice(windowStart, tokens[i].index)) ? 'to' : 'other', prep: 'to', airspacePhrase: null };
    if (word === 'to' || word === 'toward' || word === 'towards') {
      const previous = (tokens[i - 1]?.[0] ?? '').toLowerCase();
      // "a visit to Kyiv", "flew to Washington": the traveller is then there.
      if (JOURNEY.has(previous)) return { role: 'locative', prep: 'in', airspacePhrase: null };
      return NOT_DESTINATION.has(previous) ? { role: 'other', prep: null, airspacePhrase: null } : { role: 'to', prep: word, airspacePhrase: null };
    }
    if (LOCATIVE.has(word)) {
      // "told reporters in Bucharest", "speaking at a press conference in Brussels": where words were said.
      const lead = tokens.slice(Math.max(0, i - 3), i).map((t) => t[0].toLowerCase()).join(' ');
      if (SPEECH_SETTING.test(lead) || SPEECH_VERB.test(tokens[i - 1]?.[0] ?? '')) return { role: 'speech', prep: null, airspacePhrase: null };
      return { role: 'locative', prep: word, airspacePhrase: null };
    }
    if (AGENT.has(word)) return { role: 'actor', prep: word, airspacePhrase: null };
    if (SKIPPABLE.has(word) || word.endsWith("'s") || /^\p{Ll}+-\p{Ll}+$/u.test(word)) continue;
    // "in the Bulgarian town of Sopot"
    const tokenStart = tokenEnd - token.length;
    if (adjectives.some((a) => a.start <= tokenStart && a.end >= tokenEnd)) continue;
    break;
  }
  if (next) return { role: 'premod', prep: null, airspacePhrase: null };
  return { role: 'other', prep: null, airspacePhrase: null };
}

function prepBefore(text: string, sentence: Sentence, m: ResolvedMention, opts: typeof EVENTS_DEFAULTS): string | null {
  const words = text.slice(Math.max(sentence.start, m.start - 60), m.start).toLowerCase().split(/[^\p{L}'’-]+/u).filter(Boolean);
  for (let i = words.length - 1, seen = 0; i >= 0 && seen < opts.roleWindowWords; i--, seen++) {
    if (LOCATIVE.has(words[i])) return words[i];
    if (!SKIPPABLE.has(words[i])) return null;
  }
  return null;
}

/** Places joined to `first` by commas and "and" ("Kurakhove, Vuhledar, and Velyka Novosilka"), `first` included. */
function enumeration(text: string, placed: readonly Placed[], first: Placed): Placed[] {
  const inSentence = placed.filter((p) => p.sentence === first.sentence).sort((a, b) => a.mention.start - b.mention.start);
  const at = inSentence.indexOf(first);
  const chain = [first];
  if (at < 0) return chain;
  const contains = (a: Placed, b: Placed) =>
    (a.mention.entry.kind === 'country' || a.mention.entry.kind === 'region') &&
    (a.mention.entry.country === b.mention.entry.country || (a.mention.entry.countries ?? []).includes(b.mention.entry.country ?? ''));
  const sibling = (a: Placed, b: Placed) =>
    ENUMERATION_GAP.test(text.slice(Math.min(a.mention.end, b.mention.end), Math.max(a.mention.start, b.mention.start))) &&
    !contains(a, b) && !contains(b, a) && a.mention.entry.id !== b.mention.entry.id;
  for (let i = at + 1; i < inSentence.length && sibling(inSentence[i - 1], inSentence[i]); i++) chain.push(inSentence[i]);
  for (let i = at - 1; i >= 0 && sibling(inSentence[i], inSentence[i + 1]); i--) chain.unshift(inSentence[i]);
  return chain;
}

function distance(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0;
}

interface Dated {
  interval: DateInterval;
  mention: DateMention | null;
  quality: DateQuality;
  sentence: number | null;
}

function monthOf(published: string): DateInterval {
  return { start: `${published.slice(0, 7)}-01`, end: published, precision: 'month' };
}

// Where an event's date comes from: the same sentence, then a neighbour, then earlier in the paragraph, then the
// published date.
/** Sentences looked back through for the paragraph's last date ("Subsequently, ..."): a paragraph rarely runs longer. */
const PARAGRAPH_LOOKBACK = 8;
const IRREGULAR_PAST = new Set(['met', 'struck', 'sent', 'retook', 'began', 'took', 'hit']);

/** A verb in the past tense reports what happened: a date after the article was written is about something else. */
function isPast(trigger: FoundTrigger): boolean {
  // A state's participle ("headquartered in Wiesbaden", "deployed from January") may describe what is planned.
  return trigger.isVerb && !trigger.persists && (/ed$/i.test(trigger.text) || IRREGULAR_PAST.has(trigger.text.toLowerCase()));
}

/** The date nearest the stretch from trigger to place ("the summit in The Hague on 24 June"), by the rules above. */
function dateFor(doc: IngestedDocument, sentences: readonly Sentence[], datesBySentence: DateMention[][], i: number, trigger: FoundTrigger, place: { start: number; end: number }): Dated | null {
  const anchor = { start: Math.min(trigger.start, place.start), end: Math.max(trigger.end, place.end) };
  const past = doc.published !== null && isPast(trigger);
  const nearest = (ds: DateMention[]) =>
    ds.reduce<DateMention | null>(
      (best, d) => (past && d.interval!.start > doc.published! ? best : !best || distance(d, anchor) < distance(best, anchor) ? d : best),
      null,
    );
  const own = nearest(datesBySentence[i]);
  if (own) return { interval: own.interval!, mention: own, quality: 3, sentence: i };
  const neighbours = [i - 1, i + 1].filter((j) => j >= 0 && j < sentences.length && sentences[j].isContent && sameParagraph(doc.text, sentences, Math.min(i, j), Math.max(i, j)));
  const near = nearest(neighbours.flatMap((j) => datesBySentence[j]));
  if (near) return { interval: near.interval!, mention: near, quality: 2, sentence: neighbours.find((j) => datesBySentence[j].includes(near))! };
  for (let j = i - 2; j >= 0 && i - j <= PARAGRAPH_LOOKBACK && sameParagraph(doc.text, sentences, j, i); j--) {
    const last = datesBySentence[j][datesBySentence[j].length - 1];
    if (last) return { interval: last.interval!, mention: last, quality: 1, sentence: j };
  }
  if (doc.published) return { interval: monthOf(doc.published), mention: null, quality: 0, sentence: null };
  return null;
}

/** True when no line break separates sentences a..b (a <= b). */
function sameParagraph(text: string, sentences: readonly Sentence[], a: number, b: number): boolean {
  return !/[\n\r\u2028\u2029]/.test(text.slice(sentences[a].end, sentences[b].start));
}

function contributors(text: string, sentence: Sentence, placed: readonly Placed[]): string[] {
  if (!CONTRIBUTOR_VERB.test(sentence.text)) return [];
  return placed
    .filter((p) => p.mention.entry.kind === 'country' && (p.role === 'other' || p.role === 'actor' || p.role === 'premod'))
    .map((p) => p.mention.entry.country!)
    .filter(Boolean);
}

/** The headquarters of the body that meets, when the sentence names one near the meeting word. */
function venueFor(text: string, triggers: readonly FoundTrigger[], sentence: Sentence, places: { byId(id: string): GazetteerEntry | undefined }, opts: typeof EVENTS_DEFAULTS): Placed | null {
  for (const { body, id } of MEETING_VENUES) {
    const entry = places.byId(id);
    if (!entry) continue;
    for (const t of triggers) {
      const from = Math.max(sentence.start, t.start - VENUE_WINDOW_CHARS);
      const near = text.slice(from, t.start);
      const m = body.exec(near);
      if (!m || /[;:.!?]/.test(near.slice(m.index))) continue;
      const start = from + m.index;
      return {
        mention: { start, end: start + m[0].length, text: entry.name, form: 'name', candidates: [id], entry, confidence: opts.venueConfidence },
        role: 'other', prep: 'at', airspacePhrase: null, sentence: -1,
      };
    }
  }
  return null;
}

/** A state that acts in the event: an agent ("by Russia", "from Japan"), a possessor, a state's forces or officials. */
const CAUSE_BEFORE = /\b(?:in (?:response|reaction|answer) to|because of|due to|to (?:deter|counter|confront|contain)|against|amid) (?:the |a |an )?$/i;

function isActor(text: string, category: Category, p: Placed): boolean {
  if (p.role !== 'actor' || p.mention.entry.kind === 'region') return false;
  // What an event answers is its cause, not its actor: "deployed in response to Russia's seizure of Crimea".
  if (CAUSE_BEFORE.test(text.slice(Math.max(0, p.mention.start - 40), p.mention.start))) return false;
  const after = text.slice(p.mention.end, p.mention.end + 60);
  const cooperative = COOPERATIVE.has(category);
  if (p.mention.form === 'adjective') return OFFICIAL_NOUN.test(after) || (!cooperative && FORCE_NOUN.test(after));
  // A state's minister speaking about a crash or a strike comments on it; at a meeting, they take part.
  if (/^['’]s/.test(after) && OFFICIAL_NOUN.test(after.slice(2))) return cooperative;
  // Who caused a meeting ("violations by Russian jets") is not at the table.
  if (cooperative && p.prep === 'by') return false;
  // "defence chiefs from Australia" sit at the table; "provocations from Moscow" do not.
  if (cooperative && p.prep === 'from') return PEOPLE_BEFORE_FROM.test(text.slice(Math.max(0, p.mention.start - 100), p.mention.start));
  return true;
}

const isAlpha2 = (code: string | null | undefined): code is string => !!code && /^[A-Z]{2}$/.test(code);

interface Context {
  text: string;
  sentences: readonly Sentence[];
  placedBySentence: Placed[][];
  triggersBySentence: FoundTrigger[][];
  places?: { byId(id: string): GazetteerEntry | undefined };
  opts: typeof EVENTS_DEFAULTS;
}

/**
 * The places the triggers of one category in sentence i are about: the best-scored place (a city over the country
 * it lies in) and the places enumerated with it. Empty when the sentence names none the category accepts.
 */
function placesFor(category: Category, ofCategory: readonly FoundTrigger[], i: number, context: Context): Placed[] {
  const { text, sentences, placedBySentence, triggersBySentence, places, opts } = context;
  const sentence = sentences[i];
  const gap = (p: Placed) => {
    let nearest = Infinity;
    for (const t of ofCategory) nearest = Math.min(nearest, distance(t, p.mention));
    return nearest;
  };
  // Aid is placed where it goes, not where it was promised.
  const recipientBonus = category === 'aid' ? 3 : 0;
  // "Polish airspace" is where an incursion happens; for anything else it is one more place named nearby.
  const airspaceWeight = category === 'incursion' ? 0 : -3;
  const score = (p: Placed) =>
    ROLE_WEIGHT[p.role] + (p.role === 'to' ? recipientBonus : 0) + (p.role === 'airspace' ? airspaceWeight : 0) +
    KIND_WEIGHT[p.mention.entry.kind] + p.mention.confidence - gap(p) / opts.charsPerPoint - (p.sentence === i ? 0 : 1);
  let candidates = placedBySentence[i].filter((p) => acceptable(category, p) && gap(p) <= opts.maxTriggerDistance);
  if (candidates.length === 0) {
    // The place may be in a neighbour that reports nothing itself ("... in Brussels. They met on ..."); only a
    // precise one, a country named next door is too often about something else.
    candidates = [i - 1, i + 1]
      .filter((j) => j >= 0 && j < sentences.length && triggersBySentence[j].length === 0 && sentences[j].isContent && sameParagraph(text, sentences, Math.min(i, j), Math.max(i, j)))
      .flatMap((j) => placedBySentence[j].filter((p) => p.role === 'airspace' || (p.role === 'locative' && (p.mention.entry.kind === 'city' || p.mention.entry.kind === 'site'))));
  }
  if (candidates.length === 0 && category === 'incursion' && POSSESSIVE_AIRSPACE.test(sentence.text)) {
    // "Romania scrambled jets after a drone entered its airspace": the state the sentence is about.
    const owner = placedBySentence[i].find((p) => p.mention.entry.kind === 'country' && p.mention.form === 'name' && p.role !== 'locative');
    if (owner) candidates = [{ ...owner, role: 'airspace', airspacePhrase: `${owner.mention.entry.name}'s airspace` }];
  }
  if (candidates.length === 0 && category === 'meeting' && places) {
    const venue = venueFor(text, ofCategory, sentence, places, opts);
    if (venue) candidates = [venue];
  }
  if (candidates.length === 0) return [];
  const bestOf = (ps: Placed[]) => {
    let top = ps[0];
    let topScore = score(top);
    for (let k = 1; k < ps.length; k++) {
      const sk = score(ps[k]);
      if (sk > topScore) [top, topScore] = [ps[k], sk];
    }
    return top;
  };
  let best = bestOf(candidates);
  // "in eastern Ukraine ... around Kurakhove": the city says more than the country it lies in.
  if (category !== 'incursion' && (best.mention.entry.kind === 'country' || best.mention.entry.kind === 'region')) {
    const codes = best.mention.entry.countries ?? [best.mention.entry.country];
    const inside = placedBySentence[best.sentence].filter(
      (p) =>
        (p.mention.entry.kind === 'city' || p.mention.entry.kind === 'site') && !NOT_THE_PLACE.has(p.role) && p.sentence === best.sentence &&
        codes.includes(p.mention.entry.country) && gap(p) <= opts.maxTriggerDistance,
    );
    if (inside.length) best = bestOf(inside);
  }
  return best.sentence < 0 ? [best] : enumeration(text, placedBySentence[best.sentence], best);
}

/** The events one document reports. Pure: everything it needs is passed in. */
export function extractEvents(
  doc: IngestedDocument,
  sentences: readonly Sentence[],
  mentions: readonly ResolvedMention[],
  dates: readonly DateMention[],
  triggers: readonly FoundTrigger[],
  places?: { byId(id: string): GazetteerEntry | undefined },
  opts = EVENTS_DEFAULTS,
): DocumentEvents {
  const text = doc.text;
  const sentenceOf = (span: { start: number; end: number }) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].end <= span.start) lo = mid + 1;
      else if (sentences[mid].start > span.start) hi = mid - 1;
      else return span.end <= sentences[mid].end ? mid : -1;
    }
    return -1;
  };
  const triggersBySentence: FoundTrigger[][] = sentences.map(() => []);
  for (const t of triggers) {
    const i = sentenceOf(t);
    if (i >= 0 && sentences[i].isContent) triggersBySentence[i].push(t);
  }
  const datesBySentence: DateMention[][] = sentences.map(() => []);
  for (const d of dates) {
    const i = sentenceOf(d);
    // An interval the contract would reject (2025-02-30, end before start) dates nothing.
    const valid = d.interval && isIsoDate(d.interval.start) && isIsoDate(d.interval.end) && d.interval.start <= d.interval.end;
    if (i >= 0 && sentences[i].isContent && valid) datesBySentence[i].push(d);
  }
  const adjectivesBySentence: ResolvedMention[][] = sentences.map(() => []);
  for (const m of mentions) {
    if (m.form !== 'adjective') continue;
    const i = sentenceOf(m);
    if (i >= 0) adjectivesBySentence[i].push(m);
  }
  const placedBySentence: Placed[][] = sentences.map(() => []);
  for (const m of mentions) {
    if (!m.entry || !(m.confidence >= opts.minPlaceConfidence)) continue;
    const i = sentenceOf(m);
    if (i < 0 || !sentences[i].isContent) continue;
    placedBySentence[i].push({ mention: m as Placed['mention'], sentence: i, ...roleOf(text, sentences[i], m, triggersBySentence[i], adjectivesBySentence[i], opts) });
  }
  // A place in an enumeration takes the role of the enumeration's first place ("in Ternopil and Kyiv").
  for (const placed of placedBySentence) {
    placed.sort((a, b) => a.mention.start - b.mention.start);
    for (let k = 1; k < placed.length; k++) {
      const gap = text.slice(placed[k - 1].mention.end, placed[k].mention.start);
      if (ENUMERATION_GAP.test(gap) && placed[k].role === 'other') {
        placed[k].role = placed[k - 1].role;
        placed[k].prep = placed[k - 1].prep;
      }
    }
  }
  const contributorsBySentence = sentences.map((s, i) => contributors(text, s, placedBySentence[i]));
  const context: Context = { text, sentences, placedBySentence, triggersBySentence, places, opts };

  const events: EventCandidate[] = [];
  const undated: UndatedEvent[] = [];
  sentences.forEach((sentence, i) => {
    const own = triggersBySentence[i];
    if (own.length === 0) return;
    const chosen = new Map<string, { category: Category; place: Placed; trigger: FoundTrigger; triggers: FoundTrigger[] }>();
    for (const category of new Set(own.map((t) => t.category))) {
      const ofCategory = own.filter((t) => t.category === category);
      // Each trigger finds its own place: "met in Brussels ahead of a summit in The Hague" is two meetings.
      const found = new Map<string, { place: Placed; by: FoundTrigger[] }>();
      for (const t of ofCategory) {
        for (const p of placesFor(category, [t], i, context)) {
          const known = found.get(p.mention.entry.id);
          if (known) known.by.push(t);
          else found.set(p.mention.entry.id, { place: p, by: [t] });
        }
      }
      // "crashed near Vilnius in Lithuania ... the crash": one trigger's city makes another's country redundant.
      for (const [id, { place: p }] of found) {
        const area = p.mention.entry;
        if (area.kind !== 'country' && area.kind !== 'region') continue;
        const codes = area.countries?.length ? area.countries : [area.country];
        if ([...found.values()].some(({ place: o }) => o !== p && (o.mention.entry.kind === 'city' || o.mention.entry.kind === 'site') && codes.includes(o.mention.entry.country))) found.delete(id);
      }
      for (const { place, by } of found.values()) {
        if (place.role === 'actor') continue;
        // The headline verb is the one before the place ("convened for a two-day meeting in Brussels").
        const before = by.filter((t) => t.end <= place.mention.start && t.isVerb);
        const pool = before.length ? before : by;
        const trigger = pool.reduce((a, b) => (distance(b, place.mention) < distance(a, place.mention) ? b : a));
        chosen.set(`${category}|${place.mention.entry.id}`, { category, place, trigger, triggers: by });
      }
    }
    // A headquarters at the place of a meeting or mission is its venue, not news of a headquarters.
    for (const [key, c] of chosen) {
      if (c.category === 'headquarters' && [...chosen.values()].some((o) => o !== c && o.place.mention.entry.id === c.place.mention.entry.id)) chosen.delete(key);
    }
    for (const { category, place, trigger, triggers: categoryTriggers } of chosen.values()) {
      const dated = dateFor(doc, sentences, datesBySentence, i, trigger, place.sentence === i ? place.mention : trigger);
      if (!dated) {
        undated.push({ category, trigger: trigger.text, place: place.mention.entry.name, sentenceStart: sentence.start });
        continue;
      }
      // The excerpt runs from the first to the last sentence that placed or dated the event, so a reader sees why.
      const used = [i, place.sentence < 0 ? i : place.sentence, ...(dated.sentence !== null ? [dated.sentence] : [])];
      const first = sentences[Math.min(...used)];
      const last = sentences[Math.max(...used)];
      const highlights: Highlight[] = [
        { start: place.mention.start, end: place.mention.end, kind: 'place' as const },
        ...(dated.mention ? [{ start: dated.mention.start, end: dated.mention.end, kind: 'date' as const }] : []),
        ...categoryTriggers.map((t) => ({ start: t.start, end: t.end, kind: 'trigger' as const })),
      ].sort((a, b) => a.start - b.start || a.end - b.end);
      const sameSentence = placedBySentence[i];
      const actorPlaces = sameSentence.filter((p) => isActor(text, category, p));
      const actors = new Set<string>(actorPlaces.map((p) => p.mention.entry.country).filter(isAlpha2));
      // A state struck or entered is the target, not an actor: "Ukraine's air force said" in a report of a strike on Kyiv.
      if (HOSTILE.has(category) && place.mention.entry.kind !== 'region') actors.delete(place.mention.entry.country ?? '');
      if (COOPERATIVE.has(category)) for (const j of [i - 1, i, i + 1]) for (const code of contributorsBySentence[j] ?? []) actors.add(code);
      const adjective = actorPlaces
        .filter((p) => p.mention.form === 'adjective')
        .reduce<Placed | null>((a, b) => (!a || distance(b.mention, trigger) < distance(a.mention, trigger) ? b : a), null);
      const titlePlace: TitlePlace = {
        start: place.mention.start, end: place.mention.end, text: place.mention.text, entry: place.mention.entry,
        form: place.mention.form, role: place.role, prep: place.prep, airspacePhrase: place.airspacePhrase,
      };
      const title = makeTitle({ text, sentence, category, trigger, place: titlePlace, actorAdjective: adjective ? adjective.mention.text : null });
      const confidence =
        place.mention.confidence *
        opts.roleConfidence[place.role] *
        opts.precisionConfidence[dated.interval.precision] *
        opts.dateConfidence[(['published', 'paragraph', 'neighbour', 'sentence'] as const)[dated.quality]];
      events.push({
        category,
        persists: trigger.persists,
        title: title.title,
        titleQuality: title.quality,
        entry: place.mention.entry,
        start: dated.interval.start,
        end: dated.interval.end,
        precision: dated.interval.precision,
        dateQuality: dated.quality,
        placeNamed: place.sentence >= 0,
        actors: [...actors].sort(),
        confidence: Number.isFinite(confidence) ? round2(Math.min(1, Math.max(0, confidence))) : 0,
        source: {
          doc: doc.file,
          title: doc.title,
          published: doc.published,
          excerpt: text.slice(first.start, last.end),
          start: first.start,
          end: last.end,
          highlights,
        },
      });
    }
  });
  return { events, undated };
}
