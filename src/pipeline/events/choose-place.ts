// Which place an event word is about: each place of the sentence takes a role relative to the word (where it
// happens, where someone goes, what it strikes, who hosts), the roles the event's category accepts compete, and
// places enumerated with the winner ("in Chile, Peru, Bolivia, and Ecuador") each make an event of their own.
import type { Category } from '../../model/event.ts';
import { journeyOf, type SentenceGrammar } from '../language/clauses.ts';
import { AREA_NOUNS, FACILITIES, HITTING, LEAVING, LOCATIVE_PREPOSITIONS, MOTION_VERBS, PERSON_NOUNS } from '../lexicon/words.ts';
import type { GazetteerEntry } from '../types.ts';
import { baseRole, isSeatOfPower, isSupranationalBody, type PlaceInSentence, type PlaceRole } from './place-roles.ts';
import { phraseAfter, type Predicate } from './predicates.ts';

export interface ChosenPlace {
  place: PlaceInSentence;
  role: PlaceRole | 'relative';
  /** The gazetteer entry the event is placed at: the mention's, or a border's between two named states. */
  entry: GazetteerEntry;
}

/** What the events stage may ask of the gazetteer beyond the mentions. */
export interface PlaceLookup {
  /** The shared border of two states (ISO alpha-2), when the gazetteer has one. */
  border?(a: string, b: string): GazetteerEntry | undefined;
}

const ROLE_WEIGHT: Record<string, number> = { locative: 4, area: 3.8, destination: 3.5, undergoer: 3.5, relative: 3.2, host: 3, possessor: 2.5 };
const KIND_WEIGHT: Record<GazetteerEntry['kind'], number> = { site: 2, city: 1.5, region: 0.5, country: 0 };
const TRAVEL_NOUNS = new Set(['visit', 'trip', 'journey', 'travel', 'tour', 'flight', 'deployment', 'redeployment', 'rotation', 'aid', 'delivery', 'incursion', 'withdrawal']);
const RELATIVE_OPENERS = new Set(['where', 'which', 'who', 'that']);
const ENUMERATION_GAP = /^\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)(?:also\s+|then\s+)?(?:(?:in|at|to|near)\s+)?(?:the\s+)?$/i;

function acceptable(category: Category, p: Predicate, role: PlaceRole | 'relative'): boolean {
  switch (role) {
    case 'locative': case 'area': case 'relative': return true;
    case 'destination':
      return p.isVerb
        ? MOTION_VERBS.has(p.lemma.split(' ')[0]) || p.source === 'frame' || ['deployment', 'aid', 'incursion', 'strike', 'advance'].includes(category) ||
          p.verb?.form === 'infinitive'
        : TRAVEL_NOUNS.has(p.lemma) || ['deployment', 'aid', 'incursion'].includes(category);
    case 'undergoer':
      return ['strike', 'advance', 'incursion', 'incident', 'other'].includes(category) || (category === 'meeting' && p.lemma === 'visit');
    case 'host': return ['deployment', 'aid', 'meeting', 'other'].includes(category);
    case 'possessor': return category === 'other' || category === 'meeting';
    default: return false;
  }
}

/**
 * A place's role relative to predicate `p` in its sentence, or null when it does not attach to `p` (another event
 * word is nearer, or it lies in another clause). `all` are the sentence's predicates.
 */
function roleFor(grammar: SentenceGrammar, p: Predicate, place: PlaceInSentence, all: readonly Predicate[]): PlaceRole | 'relative' | null {
  const { clauseOf, clauses, tokens } = grammar;
  const base = baseRole(grammar, place);
  const pClause = clauseOf[p.first];
  const placeClause = clauseOf[place.first];
  if (isSeatOfPower(place) && base !== 'locative' && base !== 'destination') return null;
  // "the EU's role", "a new alliance mission in the EU", "talks among EU ministers": a body of states is an area only
  // where the text puts something in it, never as a modifier of another noun nor the area a mission covers
  if (isSupranationalBody(place) && (base !== 'locative' || p.category === 'mission' || tokens[place.last + 1]?.pos === 'NOUN')) return null;
  // "the people of Norway ... for hosting", "Norway's partnership in hosting": the state before a verb of hosting
  if (p.hosting && place.last < p.first && placeClause === pClause && place.mention.entry.kind === 'country' && (base === 'agent' || base === 'other' || base === 'possessor')) {
    // ... nor any other verb: "Belarus would punish the states that expelled its diplomats" (Belarus expelled none)
    const between = all.some((o) => o !== p && o.first > place.last && o.first < p.first && o.isVerb) ||
      tokens.slice(place.last + 1, p.verb?.first ?? p.first).some((t) => t.pos === 'VERB');
    if (!between) return 'host';
  }
  // "Latvia, where Danish engineers are stationed": the place the relative clause hangs on; "battle groups in the
  // Baltics, which were deployed in 2017": the places of the noun it describes
  const opener = clauses[pClause].opener;
  if (opener !== null && RELATIVE_OPENERS.has(opener) && placeClause < pClause && placeClause >= pClause - 2 && place.last < clauses[pClause].first) {
    const gap = grammar.tokens.slice(place.last + 1, clauses[pClause].first);
    if (opener === 'where' && gap.every((t) => t.text === ',' || t.pos === 'PROPN')) return 'relative';
    if (opener !== 'where' && (base === 'locative' || base === 'area') && gap.length <= 12) return 'relative';
  }
  // "our talks, which we held in Lisbon": a relative clause that reports nothing itself places the noun before it
  const placeOpener = clauses[placeClause].opener;
  if (!p.isVerb && placeClause > pClause && placeClause <= pClause + 1 && placeOpener !== null && (placeOpener === 'which' || placeOpener === 'that') &&
      clauses[placeClause].first - p.head <= 3 && (base === 'locative' || base === 'area') && !all.some((o) => clauseOf[o.first] === placeClause && o.isVerb)) {
    return base;
  }
  // "withdrew its troops from Kherson", "the withdrawal from Kabul": a pulling back happens where it leaves
  if (base === 'agent' && place.prep === 'from' && LEAVING.has(p.lemma) && placeClause === pClause && place.first > p.head) return 'locative';
  // "F-35s scrambled from Amari air base intercepted them": jets that take off from a base meet their target there
  if (base === 'agent' && place.prep === 'from' && place.headNoun !== null && AIR_BASES.test(place.headNoun) && AIRBORNE.test(p.lemma) && placeClause === pClause) return 'locative';
  // "crashed shortly after takeoff from Kamloops airport": an aircraft lost as it leaves an airport comes down by it
  if (base === 'agent' && place.prep === 'from' && p.category === 'incident' && placeClause === pClause && place.first > p.head &&
    tokens.slice(p.head + 1, place.first).some((t, k, between) => TAKING_OFF.test(t.lower) || (t.lemma === 'take' && between[k + 1]?.lower === 'off'))) return 'locative';
  if (base === 'agent' || base === 'speech') return null;
  if (anotherVerbBetween(grammar, p, place)) return null;
  if (base === 'other' || base === 'possessor') {
    if (placeClause !== pClause) return null;
    // "closed Copenhagen airport": a facility named after its place is there
    if (p.isVerb && p.object && place.first >= p.object[0] && place.last <= namedArea(grammar, p.object)) return place.headNoun && (AREA_NOUNS.has(place.headNoun) || FACILITIES.has(place.headNoun)) ? 'area' : place.headNoun ? null : 'undergoer';
    // "Storm Ciaran battered northern France", "an earthquake hit Turkey": what the subject's verb strikes, it strikes
    if (!p.isVerb && p.argument && p.verb && p.verb.head > p.head && place.first > p.verb.head && !place.headNoun && HITTING.has(grammar.tokens[p.verb.head].lemma) &&
      grammar.tokens.slice(p.verb.head + 1, place.first).every((t) => t.pos === 'ADJ' || t.pos === 'DET')) return 'undergoer';
    if (!p.isVerb && place.possessive && place.last < p.first && place.last >= p.first - 4) return 'possessor';
    if (base === 'possessor' && !p.isVerb && place.last < p.first && tokens.slice(place.last + 2, p.first).every((t) => t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN')) return 'possessor';
    return null;
  }
  if (base === 'undergoer') {
    // "the invasion of Ukraine", "strikes on Kyiv": the phrase right after the event word or its object
    const reach = (p.object?.[1] ?? p.head) + 1;
    let prep = place.first - 1;
    while (prep > p.head && tokens[prep].pos !== 'ADP') prep--;
    return prep >= p.head + 1 && prep <= reach && placeClause === pClause ? 'undergoer' : null;
  }
  // Prepositional places attach to the nearest event word before them in the clause ("his meetings in Brussels"),
  // else to the nearest after; a verb also takes a place that a noun inside its own phrase took ("talked ... on
  // the sidelines of the forum in Lisbon").
  if (placeClause !== pClause && !joinedParticiple(grammar, p, placeClause)) {
    const otherClauseReports = all.some((o) => clauseOf[o.first] === placeClause) || grammar.verbs.some((g) => g.clause === placeClause && g.form === 'finite');
    if (otherClauseReports || Math.abs(placeClause - pClause) > 1) return null;
  }
  // "a petition in favour of membership in the trade bloc": the place belongs to "membership", the noun
  // right before its preposition, not to the event word further back (the verb's own object does not count).
  if (p.head < place.first && blockedByNoun(grammar, p, place)) return null;
  const sameClause = all.filter((o) => clauseOf[o.first] === placeClause || o === p);
  const before = sameClause.filter((o) => o.head < place.first);
  const nearest = before.length ? before[before.length - 1] : sameClause.find((o) => o.first > place.last) ?? null;
  // "travelled to Vilnius on Monday to attend a ceremony": what one travels to do happens where the journey ends
  // (what one brings or sends there keeps its destination: "heading to Lviv to deliver aid")
  const journey = base === 'destination' && p.isVerb && p.verb && !MOTION_VERBS.has(p.lemma.split(' ')[0]) ? journeyOf(grammar, p.verb) : null;
  if (journey && place.first > journey.head && place.last < p.first) return 'locative';
  if (nearest !== p) {
    // A verb also takes the place of an event noun in a phrase of its clause: "During his tour of Lisbon, the minister
    // announced ...", "talked ... on the sidelines of the forum in Lisbon".
    if (!nearest || !p.isVerb || nearest.isVerb || nearest.argument) return null;
    const lo = Math.min(p.head, place.first);
    const hi = Math.max(p.head, place.first);
    if (sameClause.some((o) => o !== p && o.isVerb && o.head > lo && o.head < hi)) return null;
  }
  return base;
}

/** Where military aircraft take off from, and what they do when they do. */
const AIR_BASES = /^(base|airbase|airfield|air field)$/;
const AIRBORNE = /^(scramble|intercept)$/;
/** Words of an aircraft leaving the ground: what happens then happens near where it left. */
const TAKING_OFF = /^(takeoff|take-off|departing|departure|lift-off|liftoff)$/;

/** Verbs that introduce examples of what comes before them, not an act of their own: "including power grids in Kyiv". */
const LISTING_VERBS = new Set(['include', 'involve', 'exclude']);
/** Participles that say where the phrase before them is: "the new command, headquartered in Wiesbaden". */
const LOCATING_VERBS = new Set(['headquarter', 'headquartered', 'base', 'locate', 'situate', 'station', 'host', 'hold', 'stage', 'convene']);

/**
 * True when a verb of another phrase stands between the event word and a place it does not govern: "threats posed
 * by drones used by Russia in Ukraine" puts the using in Ukraine, not the meeting where threats were discussed;
 * "Drawing on the flood relief in Chad, ministers will agree at the summit" keeps Chad out of the summit. The
 * noun's own verb ("the talks were held in Oslo") and a participle right after it ("the summit, hosted in Riga")
 * tell of the event itself.
 */
function anotherVerbBetween(grammar: SentenceGrammar, p: Predicate, place: PlaceInSentence): boolean {
  const { tokens } = grammar;
  const [lo, hi] = place.first > p.head ? [p.head, place.first] : [place.last, p.first];
  for (let k = lo + 1; k < hi; k++) {
    const t = tokens[k];
    if (t.pos !== 'VERB' || (k === p.verb?.head && !frontedPhraseBefore(grammar, p, k)) || LISTING_VERBS.has(t.lemma) || (place.first > p.head && LOCATING_VERBS.has(t.lemma))) continue;
    if (place.first > p.head && (k === p.head + 1 || (k === p.head + 2 && tokens[p.head + 1].text === ','))) continue;
    if (place.first > p.head && joinedParticiple(grammar, p, grammar.clauseOf[k])) continue;
    // only a noun takes no place across a verb before it: "In Warsaw, officials said Biden met Duda" keeps Warsaw
    if (place.first < p.head && p.isVerb) continue;
    // ... unless the place opens the sentence as its setting: "In Kyiv, an apartment block caught fire"
    if (place.first < p.head && frontedSetting(grammar, place)) continue;
    return true;
  }
  // "the conflict in Yemen, ... at the summit": a place before a noun event that hangs on another noun is that noun's
  if (!p.isVerb && place.last < p.first) {
    const prep = place.prep ? prepIndexBefore(tokens, place.first) : -1;
    if (prep > 0 && tokens[prep - 1].pos === 'NOUN') return true;
  }
  return false;
}

/**
 * True when noun `p` stands in a phrase set off by a comma before verb `k` ("Since her appointment in June 2019, the minister
 * has been promoting ... in West Africa"): the clause's verb is not the noun's own, nor are its places.
 */
function frontedPhraseBefore(grammar: SentenceGrammar, p: Predicate, k: number): boolean {
  return !p.isVerb && !p.argument && p.head < k && grammar.tokens.slice(p.head + 1, k).some((t) => t.text === ',');
}

/** True when a place's phrase opens the sentence and a comma closes it: "In Kyiv, ...", "Near Toropets, ...". */
function frontedSetting(grammar: SentenceGrammar, place: PlaceInSentence): boolean {
  const { tokens } = grammar;
  return place.prep !== null && LOCATIVE_PREPOSITIONS.has(place.prep) && tokens[0]?.lower === place.prep && place.first <= 3 && tokens[place.last + 1]?.text === ',';
}

/**
 * "was shot and killed in Tulsa", "was struck by a lorry and killed in Carlisle": clause `c` right after a passive event
 * is only "and" and a participle, with no subject or auxiliary of its own; it shares the event's, and its place.
 */
function joinedParticiple(grammar: SentenceGrammar, p: Predicate, c: number): boolean {
  if (!p.isVerb || !p.passive || c !== grammar.clauseOf[p.head] + 1) return false;
  const { tokens } = grammar;
  const clause = grammar.clauses[c];
  return grammar.verbs.some((g) => g.clause === c && g.first === g.head && tokens[g.first - 1]?.lower === 'and' && clause.first >= g.first - 1);
}

function prepIndexBefore(tokens: SentenceGrammar['tokens'], first: number): number {
  for (let i = first - 1; i >= 0 && first - i < 6; i--) if (tokens[i].pos === 'ADP') return i;
  return -1;
}

/**
 * What the event acts on, with the "of" phrases that continue it: a verb's object, or for an event noun that is its
 * clause's subject, its verb's ("A blaze gutted the kitchen of a Mill Lane house in Bakewell").
 */
function objectOf(grammar: SentenceGrammar, p: Predicate): [number, number] | null {
  const { tokens } = grammar;
  const own = p.object ?? (!p.isVerb && p.argument && p.verb && p.verb.head > p.head && grammar.clauseOf[p.verb.head] === grammar.clauseOf[p.head] ? phraseAfter(tokens, p.verb.head) : null);
  if (!own) return null;
  let end = own[1];
  for (let next = tokens[end + 1]?.lower === 'of' ? phraseAfter(tokens, end + 1) : null; next; next = tokens[end + 1]?.lower === 'of' ? phraseAfter(tokens, end + 1) : null) end = next[1];
  return [own[0], end];
}

/** The end of an object that names a part of a place, with the "of" phrase naming it: "shelled the town of Nikopol", "the outskirts of Kherson". */
function namedArea(grammar: SentenceGrammar, object: [number, number]): number {
  const { tokens } = grammar;
  if (!(AREA_NOUNS.has(tokens[object[1]].lemma) || AREA_NOUNS.has(tokens[object[1]].lower)) || tokens[object[1] + 1]?.lower !== 'of') return object[1];
  return phraseAfter(tokens, object[1] + 1)?.[1] ?? object[1];
}

function blockedByNoun(grammar: SentenceGrammar, p: Predicate, place: PlaceInSentence): boolean {
  const { tokens } = grammar;
  let prep = place.first - 1;
  while (prep > p.head && tokens[prep].pos !== 'ADP') prep--;
  let agentPhrase = false;
  const object = objectOf(grammar, p);
  for (let k = p.head + 1; k < prep; k++) {
    const t = tokens[k];
    // "incursions by Russian drones into Polish airspace": who did it does not hold the place
    // "the bombing of power lines in the Carpathians": the noun's own "of" phrase is what it acts on
    if (t.pos === 'ADP') agentPhrase = /^(by|from|with)$/.test(t.lower) || (t.lower === 'of' && k === p.head + 1);
    if (agentPhrase) continue;
    // "hit critical infrastructure, including power grids in Ternopil": examples of the object
    if (/^(including|notably|especially|particularly)$/.test(t.lower) || (t.lower === 'such' && tokens[k + 1]?.lower === 'as')) return false;
    if (t.pos !== 'NOUN' || tokens[k + 1]?.pos !== 'ADP') continue;
    if (object && k >= object[0] && k <= object[1]) continue;
    // only a noun inside a phrase of its own takes the place away ("in favour of membership in ..."); a verb's
    // object does not ("an explosion destroyed an ammunition depot near Toropets")
    let s = k;
    while (s > 0 && (tokens[s - 1].pos === 'ADJ' || tokens[s - 1].pos === 'NOUN' || tokens[s - 1].pos === 'DET' || tokens[s - 1].pos === 'NUM' || tokens[s - 1].pos === 'PROPN')) s--;
    // ... and only a phrase that does not itself say where ("tore through an ammunition factory in Sopot")
    if (tokens[s - 1]?.pos !== 'ADP' || LOCATIVE_PREPOSITIONS.has(tokens[s - 1].lower)) continue;
    // ... nor what a strike falls on ("debris fell on houses in Kyiv", "an attack on a school in Sumy")
    if (p.category === 'strike' && /^(on|against)$/.test(tokens[s - 1].lower)) continue;
    if (PERSON_NOUNS.has(t.lower) || AREA_NOUNS.has(t.lemma) || AREA_NOUNS.has(t.lower) || /^(margin|margins|sideline|sidelines|occasion|part|course|end|start|beginning|day|days)$/.test(t.lower)) continue;
    return true;
  }
  return false;
}

function score(c: ChosenPlace, p: Predicate): number {
  const distance = Math.min(Math.abs(c.place.first - p.head), Math.abs(c.place.last - p.head));
  return (ROLE_WEIGHT[c.role] ?? 0) + KIND_WEIGHT[c.entry.kind] + c.place.mention.confidence - distance / 15;
}

function contains(area: GazetteerEntry, place: GazetteerEntry): boolean {
  if (area.kind !== 'country' && area.kind !== 'region') return false;
  const codes = area.countries?.length ? area.countries : [area.country];
  return place.kind !== 'country' && place.kind !== 'region' && place.country !== null && codes.includes(place.country);
}

/** The entry an event at `place` is placed at: a named border between two states, else the mention's place. */
function entryFor(place: PlaceInSentence, lookup: PlaceLookup): GazetteerEntry {
  const own = place.mention.entry;
  if (place.headNoun === 'border' && place.borderWith && lookup.border && own.country && place.borderWith.entry.country) {
    return lookup.border(own.country, place.borderWith.entry.country) ?? own;
  }
  return own;
}

/** The places predicate `p` is about, best first with the places enumerated beside it; empty when none. */
export function choosePlaces(grammar: SentenceGrammar, p: Predicate, places: readonly PlaceInSentence[], all: readonly Predicate[], text: string, lookup: PlaceLookup): ChosenPlace[] {
  const candidates: ChosenPlace[] = [];
  for (const place of places) {
    if (place.qualifier) continue;
    const role = roleFor(grammar, p, place, all);
    if (role && acceptable(p.category, p, role)) candidates.push({ place, role, entry: entryFor(place, lookup) });
  }
  if (candidates.length === 0) return [];
  let best = candidates.reduce((a, b) => (score(b, p) > score(a, p) ? b : a));
  // "in eastern Ukraine ... around Kurakhove": the city says more than the country it lies in
  if (best.entry.kind === 'country' || best.entry.kind === 'region') {
    const inside = candidates.filter((c) => contains(best.entry, c.entry));
    if (inside.length) best = inside.reduce((a, b) => (score(b, p) > score(a, p) ? b : a));
  }
  // "in Chile, Peru, Bolivia, and Ecuador": the places listed with the best one
  const ordered = places.filter((x) => !x.qualifier);
  const at = ordered.indexOf(best.place);
  const chain = [best];
  const gapOk = (a: PlaceInSentence, b: PlaceInSentence) => ENUMERATION_GAP.test(text.slice(a.mention.end, b.mention.start));
  const sibling = (c: PlaceInSentence) => ({ place: c, role: best.role, entry: entryFor(c, { border: undefined }) });
  // "along the eastern flank and the EU's role": a possessor opens a phrase of its own, it is no member of the list
  // "During the siege of Sarajevo, Austria was generous": a name followed by its verb is a clause's subject
  const subject = (c: PlaceInSentence) => grammar.tokens[c.first - 1]?.text === ',' && /^(VERB|AUX)$/.test(grammar.tokens[c.last + 1]?.pos ?? '');
  const listed = (c: PlaceInSentence) => c.mention.entry.id !== best.entry.id && !(c.possessive && !best.place.possessive) && !isSupranationalBody(c) && !subject(c);
  for (let k = at + 1; k < ordered.length && gapBetween(ordered, k, places, gapOk) && !(ordered[k].possessive && !best.place.possessive); k++) if (listed(ordered[k])) chain.push(sibling(ordered[k]));
  for (let k = at - 1; k >= 0 && gapBetween(ordered, k + 1, places, gapOk); k--) if (listed(ordered[k])) chain.unshift(sibling(ordered[k]));
  return chain;
}

/** True when ordered[k - 1] and ordered[k] are neighbours in a list (a qualifier between them is skipped). */
function gapBetween(ordered: readonly PlaceInSentence[], k: number, all: readonly PlaceInSentence[], gapOk: (a: PlaceInSentence, b: PlaceInSentence) => boolean): boolean {
  const a = ordered[k - 1];
  const b = ordered[k];
  if (!a || !b) return false;
  // "Porto, Portugal and Valencia, Spain": the qualifier after a city stands between the two
  const qualifier = all.find((q) => q.qualifier && q.first > a.last && q.last < b.first);
  return gapOk(qualifier ?? a, b);
}
