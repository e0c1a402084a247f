// The role a place plays in a sentence, read from the grammar around it: where something happens ("in Warsaw"),
// where someone goes ("to Poland"), what is struck or entered ("violated Polish airspace"), who hosts ("Poland
// hosts 9,000 troops"), or who acts or speaks ("President Duda of Poland", "Moscow said"), which is never the place.
import type { GazetteerEntry, ResolvedMention } from '../types.ts';
import type { SentenceGrammar } from '../language/clauses.ts';
import type { Token } from '../language/tagger.ts';
import { AREA_NOUNS, COMPASS, DESTINATION_PREPOSITIONS, INHABITANTS, TIME_DEICTIC, TIME_UNIT, LOCATIVE_PREPOSITIONS, PERSON_NOUNS, SEATS_OF_POWER, SPEECH_SETTINGS, SPEECH_VERBS, SUPRANATIONAL_BODIES } from '../lexicon/words.ts';

export type PlaceRole =
  /** "in Warsaw", "near Vilnius", "at the White House". */
  | 'locative'
  /** "to Poland", "towards the border". */
  | 'destination'
  /** The object of the event: "struck Kyiv", "the invasion of Ukraine", "visited Kyiv". */
  | 'undergoer'
  /** A part of a place: "Polish airspace", "Poland's border". */
  | 'area'
  /** The subject of hosting: "Poland hosts 9,000 troops". */
  | 'host'
  /** The possessor of an event: "Moldova's presidential election". */
  | 'possessor'
  /** A place named before the sentence's words: a dateline ("WARSAW, Poland —"). */
  | 'dateline'
  /** Who or what acts: a subject ("Moscow said"), an agent ("by Russia"), an origin ("Duda of Poland"). */
  | 'agent'
  /** Where words were said: "told reporters in Bucharest". */
  | 'speech'
  /** Any other relation ("support for Poland", "sanctions on Russia"). */
  | 'other';

/** A resolved place mention in an analysed sentence, with its token range and its relation to the words around it. */
export interface PlaceInSentence {
  mention: ResolvedMention & { entry: GazetteerEntry };
  /** Token indices, inclusive. */
  first: number;
  last: number;
  /** The preposition that introduces it (after "of" chains: "in the town of Sopot" -> "in"), or null. */
  prep: string | null;
  /** The noun that follows it in its phrase ("border" in "Poland's border"), or null. */
  headNoun: string | null;
  possessive: boolean;
  /** "Polish airspace", "the Baltic Sea coast": the phrase as it names the place, for titles. */
  phrase: string;
  /** "with Belarus" after "Poland's border": the other side, when the text names it. */
  borderWith: (ResolvedMention & { entry: GazetteerEntry }) | null;
  /** The mention stands after a comma behind a city it contains ("Warsaw, Poland"): a qualifier, not a place of its own. */
  qualifier: boolean;
}

// After "to" these words make it something else than a destination: "in response to Russia".
const NOT_DESTINATION = new Set([
  'response', 'according', 'due', 'addition', 'close', 'next', 'compared', 'contrary', 'prior', 'thanks', 'owing', 'threat',
  'threats', 'support', 'commitment', 'commitments', 'invitation', 'proposals', 'challenge', 'solidarity', 'assistance',
  'aid', 'help', 'letter', 'message', 'reply', 'answer', 'reference', 'opposition', 'loyalty', 'access', 'exposure', 'ties',
  'relations', 'dedication', 'approach', 'contribution', 'contributions', 'path', 'bridge', 'closer', 'guarantees',
  // "its ambassador to Moscow", "the envoy to the UN": the post an envoy holds, not where anyone goes
  'ambassador', 'ambassadors', 'envoy', 'envoys', 'emissary', 'consul', 'representative', 'representatives',
]);
const INSIDE_PHRASE = new Set(['DET', 'ADJ', 'NUM', 'PROPN', 'NOUN', 'PART', 'X']);

/** Token index range of a mention, or null when it does not line up with tokens. */
function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].end <= start) continue;
    if (tokens[i].start >= end) break;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? null : [first, last];
}

function contains(area: GazetteerEntry, place: GazetteerEntry): boolean {
  if (area.kind !== 'country' && area.kind !== 'region') return false;
  const codes = area.countries?.length ? area.countries : [area.country];
  return place.kind !== 'country' && place.country !== null && codes.includes(place.country);
}

/** The preposition before token `first`, walking left over the words of its phrase and "of" chains. */
/** Area nouns for the edge of a place, which is near it rather than in it. */
const EDGES = new Set(['outskirts', 'edge', 'edges', 'fringe', 'fringes', 'periphery', 'suburbs']);

function prepositionBefore(grammar: SentenceGrammar, first: number, mentionAt: (i: number) => boolean): string | null {
  const { tokens } = grammar;
  let i = first - 1;
  let steps = 0;
  // "on the outskirts of Chennai": what lies at a place's edge is near it, whatever the preposition before the edge
  let edge = false;
  while (i >= 0 && steps < 8) {
    const t = tokens[i];
    // "after the Icelandic people approved ...": the word that opens a clause is no preposition of its phrase
    if (grammar.clauses[grammar.clauseOf[i]].first === i && grammar.clauses[grammar.clauseOf[i]].opener !== null) return null;
    if (t.pos === 'ADP' || (t.pos === 'SCONJ' && t.lower === 'for')) {
      if (t.lower !== 'of') return edge && (LOCATIVE_PREPOSITIONS.has(t.lower) || t.lower === 'on') ? 'near' : t.lower;
      // "the town of Sopot", "the outskirts of Kyiv": the place inherits the preposition of the phrase before "of"
      const before = tokens[i - 1];
      // "a mobile home park south of Springfield": a compass point after a noun places that noun near the place
      if (before && COMPASS.test(before.lower) && (tokens[i - 2]?.pos === 'NOUN' || tokens[i - 2]?.pos === 'PROPN')) return 'near';
      // (wink lemmatises "outskirts" to "outskirt": the word as written counts too)
      if (before && (AREA_NOUNS.has(before.lemma) || AREA_NOUNS.has(before.lower))) { edge = EDGES.has(before.lower); i -= 2; steps++; continue; }
      // "evacuated 3,000 residents of Nysa": people named by where they live are there
      if (before && INHABITANTS.has(before.lower)) return 'in';
      return 'of';
    }
    // "in the capital and the Odesa region": a place joined by "and" to a noun of the same preposition
    // "in the capital, Kyiv", "in the port city, Odesa": a name set after an area noun takes its preposition
    if (INSIDE_PHRASE.has(t.pos) || mentionAt(i) || (t.text === ',' && (mentionAt(i - 1) || (i === first - 1 && AREA_NOUNS.has(tokens[i - 1]?.lemma ?? '')))) || (t.pos === 'CCONJ' && (mentionAt(i - 1) || tokens[i - 1]?.pos === 'NOUN'))) { i--; steps++; continue; }
    return null;
  }
  return null;
}

/** Every resolved mention of the sentence with its grammatical surroundings. */
export function placesInSentence(grammar: SentenceGrammar, mentions: readonly (ResolvedMention & { entry: GazetteerEntry })[], text: string, textStart: number): PlaceInSentence[] {
  const { tokens } = grammar;
  const ranged = mentions
    .map((m) => ({ m, range: tokenRange(tokens, m.start, m.end) }))
    .filter((x): x is { m: ResolvedMention & { entry: GazetteerEntry }; range: [number, number] } => x.range !== null);
  const mentionAt = (i: number) => ranged.some((x) => x.range[0] <= i && i <= x.range[1]);
  const out: PlaceInSentence[] = [];
  for (const { m, range } of ranged) {
    const [first, last] = range;
    const possessive = tokens[last + 1]?.pos === 'PART' && tokens[last + 1].lower === "'s";
    let h = last + 1 + (possessive ? 1 : 0);
    while (h < tokens.length && h - last <= 3 && (tokens[h].pos === 'ADJ' || (tokens[h].pos === 'PROPN' && !mentionAt(h)))) h++;
    // "Polish airspace", "Poland's border", "the Baltic Sea coast", but not "Warsaw Mayor" (a person); a compound's
    // head is its last noun ("Russian kamikaze drones")
    if (tokens[h]?.pos === 'NOUN') while (tokens[h + 1]?.pos === 'NOUN' && !AREA_NOUNS.has(tokens[h].lemma)) h++;
    // "visited Brussels last month", "in Kyiv this morning": a time after the name is no noun of its phrase
    const timeAfter = tokens[h] && TIME_UNIT.test(tokens[h].lemma) && tokens.slice(last + 1, h).every((t) => TIME_DEICTIC.test(t.lower));
    const headNoun = tokens[h] && tokens[h].pos === 'NOUN' && !timeAfter ? tokens[h].lemma : null;
    const phraseEnd = headNoun && (AREA_NOUNS.has(headNoun) || AREA_NOUNS.has(`${headNoun} ${tokens[h + 1]?.lemma ?? ''}`)) ? tokens[h].end : m.end;
    let borderWith: PlaceInSentence['borderWith'] = null;
    if (headNoun === 'border' && tokens[h + 1]?.lower === 'with') {
      borderWith = ranged.find((x) => x.range[0] >= h + 2 && x.range[0] <= h + 4 && x.m.entry.kind === 'country')?.m ?? null;
    }
    const previous = out[out.length - 1];
    const qualifier = !!previous && previous.last + 2 === first && tokens[first - 1].text === ',' && contains(m.entry, previous.mention.entry);
    out.push({
      mention: m, first, last, prep: prepositionBefore(grammar, first, mentionAt), headNoun, possessive,
      phrase: text.slice(m.start - textStart, phraseEnd - textStart), borderWith, qualifier,
    });
  }
  return out;
}

/** A seat of power ("the Kremlin") or a capital used for its government: only a preposition makes it a place. */
export function isSeatOfPower(p: PlaceInSentence): boolean {
  return SEATS_OF_POWER.has(p.mention.text.toLowerCase().replace(/^the\s+/, '')) || SEATS_OF_POWER.has(p.mention.entry.name.toLowerCase());
}

/** A body of states named where a place may stand ("the EU", "the alliance"): its members' area only after "in". */
export function isSupranationalBody(p: PlaceInSentence): boolean {
  const said = p.mention.text.toLowerCase().replace(/^the\s+/, '');
  return SUPRANATIONAL_BODIES.has(said) || SUPRANATIONAL_BODIES.has(p.mention.entry.name.toLowerCase().replace(/^the\s+/, ''));
}

/** The general role of a place, before it is tied to an event word. */
/** True when token `first` lies in an appositive of age and home: ", 23, of ... in Chicago," or ", 54, of Tyler". */
function inResidence(tokens: SentenceGrammar['tokens'], first: number): boolean {
  for (let k = first - 1; k >= 2 && first - k <= 12; k--) {
    if (tokens[k].text === ',' && k !== first - 1) return false;
    if (tokens[k].lower === 'of' && tokens[k - 1].text === ',' && tokens[k - 2].pos === 'NUM' && tokens[k - 3]?.text === ',') return true;
  }
  return false;
}

export function baseRole(grammar: SentenceGrammar, p: PlaceInSentence): PlaceRole {
  const { tokens } = grammar;
  if (p.mention.form === 'adjective') {
    // "Polish airspace", "on the Belarusian border": a place; "Polish officials": who acts
    return p.headNoun && AREA_NOUNS.has(p.headNoun) ? 'area' : 'agent';
  }
  if (p.headNoun && AREA_NOUNS.has(p.headNoun) && !(p.prep && !LOCATIVE_PREPOSITIONS.has(p.prep) && !DESTINATION_PREPOSITIONS.has(p.prep) && p.prep !== 'on')) return 'area';
  // "a strike on Kryvyi Rih's power plant", "attacks against Odesa's port": what is struck is the place's own
  if (p.possessive && (p.prep === 'on' || p.prep === 'against')) return 'undergoer';
  // "the EU's role", "Russia's seizure": the possessor of a noun, whatever preposition comes before the phrase
  if (p.possessive && !(p.headNoun && AREA_NOUNS.has(p.headNoun))) return 'possessor';
  if (p.prep === null) {
    return 'other'; // subject or object: the event word decides (place-roles' rolesFor)
  }
  if (p.prep === 'on' && p.headNoun && AREA_NOUNS.has(p.headNoun)) return 'area';
  // "The driver, Ana K., 31, of the 400 block of Oak Lane in Dayton, was charged": where someone lives
  if (inResidence(tokens, p.first)) return 'other';
  if (LOCATIVE_PREPOSITIONS.has(p.prep)) {
    // "told reporters in Bucharest", "speaking at a news conference in Brussels"
    // ... where the nearest verb before the place is one of saying ("said allies would meet in Warsaw" is a meeting)
    const lead = tokens.slice(Math.max(0, p.first - 5), p.first);
    const lastVerb = [...lead].reverse().find((t) => t.pos === 'VERB');
    // ... but not "cases were reported in Beira": a finding reported or confirmed in the passive is where it was found
    const found = lastVerb && /^(report|confirm)$/.test(lastVerb.lemma) && lastVerb.lower.endsWith('ed') && /^(is|are|was|were|been|be)$/.test(tokens[tokens.indexOf(lastVerb) - 1]?.lower ?? '');
    if (lead.some((t) => SPEECH_SETTINGS.has(t.lower)) || (lastVerb && SPEECH_VERBS.has(lastVerb.lemma) && lastVerb.lemma !== 'address' && !found)) return 'speech';
    // "..., the government in Warsaw said": the place of whoever speaks, when a verb of saying follows its phrase
    const next = tokens.slice(p.last + 1, p.last + 3).find((t) => t.pos === 'VERB');
    if (next && SPEECH_VERBS.has(next.lemma) && tokens[p.last + 1]?.pos !== 'PUNCT' && /^(government|ministry|officials?|authorities|spokesm[ae]n|spokeswoman|embassy|command|office|army|military|police|president|minister)$/.test(tokens[p.first - 2]?.lower ?? '')) return 'speech';
    return p.prep === 'into' ? 'destination' : 'locative';
  }
  if (DESTINATION_PREPOSITIONS.has(p.prep)) {
    // "in response to Russia", "according to Poland": "to" after these names no destination
    const before = tokens[prepIndex(tokens, p.first) - 1];
    return before && NOT_DESTINATION.has(before.lower) ? 'other' : 'destination';
  }
  if (p.prep === 'by' || p.prep === 'from' || p.prep === 'with') return 'agent';
  if (p.prep === 'of') {
    const before = tokens[prepIndex(tokens, p.first) - 1];
    if (before && (PERSON_NOUNS.has(before.lower) || before.pos === 'PROPN')) return 'agent';
    return 'undergoer';
  }
  if (p.prep === 'against' || p.prep === 'on') return 'undergoer';
  return 'other';
}

function prepIndex(tokens: readonly Token[], first: number): number {
  for (let i = first - 1; i >= 0 && first - i < 9; i--) if (tokens[i].pos === 'ADP') return i;
  return first;
}
