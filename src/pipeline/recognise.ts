// Finds the place mentions in a document's content sentences: names, adjectival forms and regions, longest first.
import type { Gazetteer } from './gazetteer.ts';
import type { GazetteerEntry, IngestedDocument, MentionForm, PlaceMention, Sentence, Span } from './types.ts';
import { directionalId, directionOf } from './places/directions.ts';
import { normaliseName } from './places/normalise.ts';
import { findPersonNames, type PersonNames } from './places/person-names.ts';
import { isAllCaps, isCapitalised, joinsName, tokenise, type Token } from './places/tokens.ts';
import {
  CALENDAR_WORDS, CONNECTORS, DISEASE_WORDS, FACILITY_WORDS, INSTITUTION_WORDS, LOCATIVES, MISSION_WORDS, SPEECH_VERBS, STREET_ABBREVIATIONS, STREET_WORDS, SURNAME_PARTICLES, TITLES,
} from './places/words.ts';

export const RECOGNISE_DEFAULTS = {
  /** Longest name tried, in words ("Saint Vincent and the Grenadines" is 5). */
  maxWords: 6,
  /** A place this populous keeps its name even when the word is common or a given name ("Phoenix", "Sydney"). */
  strongPopulation: 1_000_000,
  /** A town named by a common word ("Reading", "Nice") is recognised after "in", "near"... from this population. */
  minCommonWordTownPopulation: 50_000,
  /** A town named by a given name ("Marion", "Tyler") is recognised after "in", "near"... from this population. */
  minGivenNameTownPopulation: 10_000,
  /** All-capital words up to this length are acronyms: only a country or curated name ("US", "UAE", "EU") fits. */
  maxAcronymLength: 4,
  /**
   * Recognise adjectival forms ("French engineer", "Polish airspace", "Russians") as mentions of their country.
   * GeoWebNews and LGL count them as toponyms; GeoVirus does not. On for the timeline: "Russian drones" says where as
   * much as "Russia" does.
   */
  demonyms: true,
  /** Letters (spaces aside) a name of several words needs before a one-letter slip in it is read as that name. */
  fuzzyMinLetters: 12,
};
export type RecogniseOptions = typeof RECOGNISE_DEFAULTS;

interface Context {
  text: string;
  gazetteer: Gazetteer;
  opts: RecogniseOptions;
  persons: PersonNames;
  /** Words this document writes in lower case somewhere: capitalised elsewhere, they are likely not names. */
  lowerCaseWords: Set<string>;
  /** Capitalised one-word names that speak somewhere in the document ("Hollister said"). */
  speakers: Set<string>;
  /** Words the document names a county after ("DeKalb" of "DeKalb County"): places, whoever else has them. */
  countyNames: Set<string>;
  /** Names the document gives a disease somewhere ("Marburg virus", "Lassa fever"), folded. */
  diseases: Set<string>;
  streets: Set<string>;
}

/** The words right before "County" in a document ("DeKalb County"). */
function countyNames(text: string, content: readonly (readonly Token[])[]): Set<string> {
  const out = new Set<string>();
  for (const tokens of content) {
    tokens.forEach((t, k) => {
      if (k > 0 && t.text === 'County' && text.slice(tokens[k - 1].end, t.start) === ' ') out.add(tokens[k - 1].text);
    });
  }
  return out;
}

/**
 * The names of diseases in a document: the capitalised words (up to three) right before "virus", "fever" and the
 * like. "Marburg virus" makes a later "imported Marburg" the virus too.
 */
function diseaseNames(text: string, content: readonly (readonly Token[])[]): Set<string> {
  const out = new Set<string>();
  for (const tokens of content) {
    tokens.forEach((t, k) => {
      if (!DISEASE_WORDS.has(t.text.toLowerCase()) || k === 0 || text.slice(tokens[k - 1].end, t.start) !== ' ') return;
      let from = k - 1;
      while (from > 0 && k - from < 3 && isCapitalised(tokens[from - 1]) && joinsName(text, tokens[from - 1], tokens[from])) from--;
      for (let f = from; f < k; f++) if (isCapitalised(tokens[f])) out.add(normaliseName(text.slice(tokens[f].start, tokens[k - 1].end)));
    });
  }
  return out;
}

/** True when no candidate of the match is a country, a region or a big city: a name another use may take over. */
function onlySmallPlaces(ctx: Context, match: Match): boolean {
  return !match.mention.candidates.some((id) => {
    const e = ctx.gazetteer.byId(id);
    return !!e && (e.kind === 'country' || e.kind === 'region' || e.population >= ctx.opts.strongPopulation / 10);
  });
}

/**
 * The names of streets in a document: the capitalised words (up to three, after a direction) right before "Street",
 * "Avenue" or "St.": "West Pulaski Street" names the street Pulaski.
 */
function streetNames(text: string, content: readonly (readonly Token[])[]): Set<string> {
  const out = new Set<string>();
  for (const tokens of content) {
    tokens.forEach((t, k) => {
      const street = STREET_WORDS.has(t.text) || (STREET_ABBREVIATIONS.has(t.text) && text[t.end] === '.');
      if (!street || k === 0 || text.slice(tokens[k - 1].end, t.start) !== ' ' || !isCapitalised(tokens[k - 1])) return;
      let from = k - 1;
      const direction = (x: Token) => directionOf(x.text) !== null || /^(north|south|east|west)$/i.test(x.text);
      while (from > 0 && k - from < 3 && isCapitalised(tokens[from - 1]) && !direction(tokens[from - 1]) && joinsName(text, tokens[from - 1], tokens[from])) from--;
      if (!direction(tokens[from])) out.add(normaliseName(text.slice(tokens[from].start, tokens[k - 1].end)));
    });
  }
  return out;
}

/**
 * "Cyclist hurt in Pulaski collision" above "a collision at West Pulaski Street in Springfield": a small place's name the
 * document gives a street is that street throughout it; a country, region or big city keeps its name.
 */
function namesStreet(ctx: Context, match: Match): boolean {
  if (!ctx.streets.has(normaliseName(match.mention.text))) return false;
  return onlySmallPlaces(ctx, match);
}

/**
 * "imported Marburg", "the spread of Lassa": a name the document gives a disease is that disease throughout it, unless
 * the grammar asks for a place ("in Marburg") or the place is a country, region or big city.
 */
function namesDisease(ctx: Context, tokens: readonly Token[], i: number, match: Match): boolean {
  if (!ctx.diseases.has(normaliseName(match.mention.text))) return false;
  const prev = tokens[i - 1];
  if (prev && LOCATIVES.has(prev.text.toLowerCase())) return false;
  return onlySmallPlaces(ctx, match);
}

/** The person name overlapping [start, end), by bisection: names are found in text order and do not overlap. */
function personAt(ctx: Context, start: number, end: number): Span | undefined {
  const spans = ctx.persons.spans;
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= start) lo = mid + 1;
    else if (spans[mid].start >= end) hi = mid - 1;
    else return spans[mid];
  }
  return undefined;
}

/** Countries, regions, sites and big cities: names strong enough to stand against the common-word tests. */
function isStrong(entries: readonly GazetteerEntry[], opts: RecogniseOptions): boolean {
  return entries.some((e) => e.kind !== 'city' || e.population >= opts.strongPopulation);
}

/**
 * "Marlow recalled", "said Johnson", "according to Davis": a one-word name that speaks is a person's. Not after a
 * preposition of place: in "police in Tulsa said" the police speak; nor before an institution: in "said Keene
 * police" they do too.
 */
function isSpeaker(text: string, tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const before = prev && text.slice(prev.end, tokens[i].start);
  if (next && INSTITUTION_WORDS.has(next.text.toLowerCase()) && text.slice(tokens[i].end, next.start) === ' ') return false;
  if (prev && prev.text === 'to' && before === ' ' && i >= 2 && /^according$/i.test(tokens[i - 2].text)) return true;
  if (prev && LOCATIVES.has(prev.text) && before === ' ') return false;
  // "Joan Pruitt, 61, of Tyler said": the person's age, then the town they are of.
  if (prev?.text === 'of' && /, \d{1,3}, of $/.test(text.slice(Math.max(0, tokens[i].start - 12), tokens[i].start))) return false;
  if (next && SPEECH_VERBS.has(next.text) && /^\s+$/.test(text.slice(tokens[i].end, next.start))) return true;
  return !!prev && SPEECH_VERBS.has(prev.text.toLowerCase()) && /^\s+$/.test(before);
}

/** "Marlow recalled", "said Johnson", "Anna de Vries", "Tom and Rita Kessler": a one-word name used as a person's. */
function isPersonContext(ctx: Context, tokens: readonly Token[], i: number): boolean {
  if (isSpeaker(ctx.text, tokens, i)) return true;
  const [and, given, surname] = [tokens[i + 1], tokens[i + 2], tokens[i + 3]];
  if (and?.text === 'and' && given && surname && isCapitalised(surname) && ctx.gazetteer.isGivenName(given.text) &&
    ctx.gazetteer.isGivenName(tokens[i].text) && ctx.persons.spans.some((p) => p.start === given.start)) return true;
  const prev = tokens[i - 1];
  const before = prev && ctx.text.slice(prev.end, tokens[i].start);
  return !!prev && SURNAME_PARTICLES.has(prev.text) && before === ' ' && i >= 2 && isCapitalised(tokens[i - 2]);
}

/** Some of `entries` lies in the state or country named right after token i and a comma ("Marion, Ohio"). */
function liesInContainerAfter(ctx: Context, tokens: readonly Token[], i: number, entries: readonly GazetteerEntry[]): boolean {
  const next = tokens[i + 1];
  if (!next || ctx.text.slice(tokens[i].end, next.start) !== ', ' || !isCapitalised(next)) return false;
  const ap = /^[A-Z][A-Za-z.]{0,5}\./.exec(ctx.text.slice(next.start, next.start + 8));
  const abbreviation = ap && ctx.gazetteer.abbreviation(ap[0]);
  const containers = abbreviation ? [abbreviation] : (matchName(ctx, tokens, i + 1, false)?.mention.candidates ?? [])
    .map((id) => ctx.gazetteer.byId(id))
    .filter((e): e is GazetteerEntry => !!e && (e.kind === 'country' || e.featureCode === 'ADM1'));
  return entries.some((e) => containers.some((c) => e.country === c.country &&
    (c.kind === 'country' || ctx.gazetteer.admin1Code(e.id) === ctx.gazetteer.admin1Code(c.id))));
}

/** The entries a one-word match may keep, or none when the word is not a place here. */
function filterSingleWord(ctx: Context, tokens: readonly Token[], i: number, entries: GazetteerEntry[]): GazetteerEntry[] {
  const t = tokens[i];
  const lower = t.text.toLowerCase();
  // Months, titles ("Sen.", "Gen.") and plural acronyms ("WMDs") are never places.
  if (CALENDAR_WORDS.has(lower) || TITLES.has(t.text) || /^\p{Lu}{2,}s$/u.test(t.text)) return [];
  // "St. Patrick's Day", "Maxine St. Clair": after "St." or "Saint", where no place of that name was found, the word
  // is the saint's (or a surname's), not a town's.
  const prev = tokens[i - 1];
  if (prev && /^(?:St|Ste|Saint)$/.test(prev.text) && /^\.? $/.test(ctx.text.slice(prev.end, t.start))) return [];
  // "the Obama administration": a one-word name before "administration" is a leader's, unless a country's or a big city's.
  const next = tokens[i + 1];
  if (next?.text === 'administration' && ctx.text.slice(t.end, next.start) === ' ' && !isStrong(entries, { ...ctx.opts, strongPopulation: ctx.opts.strongPopulation / 10 })) return [];
  if (isAllCaps(t) && t.text.length <= ctx.opts.maxAcronymLength) {
    // "NATO", "CIA", "AP" match villages; as acronyms only countries and curated names are places. A capital city
    // opening the text before its comma or dash is a dateline ("KYIV, March 12 (Reuters) -", "RIGA -").
    const dateline = /^\s*$/.test(ctx.text.slice(0, t.start)) && /^(?:,|\s+\(|\s+[—–-])/.test(ctx.text.slice(t.end, t.end + 3));
    entries = entries.filter((e) => e.gazetteer !== 'geonames' || (dateline && e.featureCode === 'PPLC'));
    if (!entries.length) return [];
  }
  if (personAt(ctx, t.start, t.end)) return [];
  // A word of a person's name elsewhere is that person's, unless the document names a county after it ("DeKalb County").
  if (ctx.persons.surnames.has(t.text) && !entries.some((e) => e.kind === 'country') && !ctx.countyNames.has(t.text)) return [];
  if (isStrong(entries, ctx.opts)) return entries;
  // "Buffalo, New York", "Marion, Ohio", "Reading, Pa.": a town before the state or country it lies in is that town,
  // whatever else its name is (a word, a given name).
  if (liesInContainerAfter(ctx, tokens, i, entries)) return entries;
  // "Marion police", "Keene officials": a name (not a word: "City police") before a town's institution is the town's.
  const word = ctx.gazetteer.isCommonWord(lower) || ctx.lowerCaseWords.has(lower);
  if (!word && next && INSTITUTION_WORDS.has(next.text.toLowerCase()) && ctx.text.slice(t.end, next.start) === ' ') return entries;
  // A name that speaks anywhere in the document ("Hollister said") is that person's throughout it, unless a city has
  // it ("Everton said" is the club, and elsewhere the place).
  const city = entries.some((e) => e.population >= ctx.opts.strongPopulation / 10);
  if ((ctx.speakers.has(t.text) && !city) || isPersonContext(ctx, tokens, i)) return [];
  // A given name alone ("Ben", "Maud") is a person called by it far more often than a small town; a big town
  // counts under its own name only (Lévis, Quebec, is also a given name's spelling).
  const key = normaliseName(t.text);
  // A capital or seat under its own name stays a place whatever its size (Cheyenne, Helena, Augusta).
  const person = ctx.gazetteer.isGivenName(t.text) && entries.every((e) => normaliseName(e.name) !== key ||
    (e.population < ctx.opts.strongPopulation / 10 && e.featureCode !== 'PPLA' && e.featureCode !== 'PPLC'));
  const common = person || ctx.gazetteer.isCommonWord(lower) || ctx.lowerCaseWords.has(lower);
  if (!common) return entries;
  // "Reading", "Nice", "Bath": a common word is a town only where the grammar asks for a place ("in Reading"),
  // and only a town big enough to be meant that way ("in Congress" is not Congress, Arizona).
  // "the city of Salem", "the village of Hope" ask for a place as much as "in" does.
  const ofTown = prev?.text === 'of' && i >= 2 && /^(?:city|town|village|township|borough)$/i.test(tokens[i - 2].text);
  const locative = prev && (LOCATIVES.has(prev.text.toLowerCase()) || ofTown) && ctx.text.slice(prev.end, t.start) === ' ';
  // Once a town that size makes the word a place, every town of the name stays a candidate: "in Kingston" next to
  // "Ont." is the Canadian town, and resolve has the document's evidence to choose. A given name that is no common
  // word ("in Marion") needs a smaller town than a word does ("in Congress" is not Congress, Arizona).
  const needed = word ? ctx.opts.minCommonWordTownPopulation : ctx.opts.minGivenNameTownPopulation;
  const big = entries.some((e) => e.population >= needed);
  return locative && big && !isAllCaps(t) ? entries : [];
}

/** Words after "Highway", "Turnpike"... that make the whole an agency, not a road ("Highway Patrol"). */
const ROAD_AGENCY_WORDS = new Set(['Patrol', 'Department', 'Authority', 'Commission', 'Administration']);

/** Lower-case words of other languages inside names: "Palais des Nations", "Plaza de Mayo". Not "and", "of". */
const FOREIGN_CONNECTORS = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'del', 'della', 'di', 'do', 'da', 'dos', 'das']);

/**
 * "the Campi Flegrei area", "the Palais des Nations": a word found only as another name of a GeoNames place ("Campi"
 * is one of Las Vegas's), glued to a capitalised word that is no common word (or joined to any by a foreign "des",
 * "de"), is the first word of a longer name the gazetteer does not have.
 */
function partOfLongerName(ctx: Context, tokens: readonly Token[], i: number, entries: readonly GazetteerEntry[]): boolean {
  const t = tokens[i];
  // "the Palais des Nations": a foreign article or preposition joins the next capitalised word to the name.
  const foreign = FOREIGN_CONNECTORS.has(tokens[i + 1]?.text ?? '') && joinsName(ctx.text, t, tokens[i + 1]);
  const after = foreign ? tokens[i + 2] : tokens[i + 1];
  if (!after || isAllCaps(t) || !isCapitalised(after) || !joinsName(ctx.text, tokens[foreign ? i + 1 : i], after)) return false;
  if (!foreign && ctx.gazetteer.isCommonWord(after.text.toLowerCase())) return false;
  const key = normaliseName(t.text);
  return entries.every((e) => e.gazetteer === 'geonames' && normaliseName(e.name) !== key);
}

interface Match {
  mention: PlaceMention;
  /** Index of the first token after the match. */
  next: number;
}

function formOf(form: MentionForm, entries: readonly GazetteerEntry[]): MentionForm {
  return form === 'name' && entries.every((e) => e.kind === 'region') ? 'region' : form;
}

function mention(ctx: Context, start: number, end: number, form: MentionForm, entries: readonly GazetteerEntry[]): PlaceMention {
  return { start, end, text: ctx.text.slice(start, end), form: formOf(form, entries), candidates: entries.map((e) => e.id) };
}

/**
 * The words i..j can form one name: joined by spaces or hyphens, capitalised first, connectors inside. The last word
 * of several may be lower case: "Baltic states", "Nordic countries" are names only if the gazetteer says so.
 */
function isNameShape(ctx: Context, tokens: readonly Token[], i: number, j: number, lowerFirstOk: boolean): boolean {
  if (j === i && !isCapitalised(tokens[j])) return false;
  if (!lowerFirstOk && !isCapitalised(tokens[i])) return false;
  for (let k = i + 1; k <= j; k++) {
    if (!joinsName(ctx.text, tokens[k - 1], tokens[k])) return false;
    // Inside a name: capitalised words, connectors, and the "s" of a possessive ("People's Republic").
    const possessive = tokens[k].text === 's' && /['’]$/.test(ctx.text.slice(tokens[k - 1].end, tokens[k].start));
    if (k < j && !isCapitalised(tokens[k]) && !CONNECTORS.has(tokens[k].text) && !possessive) return false;
  }
  return true;
}

/** "U.S.", "U.K.", "W. Va.": an initialism's or a dotted abbreviation's final full stop belongs to the name. */
function nameEnd(ctx: Context, tokens: readonly Token[], i: number, j: number): number {
  const last = tokens[j];
  if (j === i || ctx.text[last.end] !== '.') return last.end;
  let dotted = true;
  for (let k = i; k <= j; k++) if (tokens[k].text.length > 3 || (k > i && !/^\. ?$/.test(ctx.text.slice(tokens[k - 1].end, tokens[k].start)))) dotted = false;
  return last.text.length === 1 || dotted ? last.end + 1 : last.end;
}

/**
 * "Boston Avenue", "12 Albany St.", "the Chilean Embassy", "Embassy of the Republic of Chile", "Drexel
 * University", "Lassa fever": the name is part of a street's, a diplomatic mission's, a small town's venue's or a
 * disease's name and says nothing of where it is.
 */
function namesStreetOrMission(ctx: Context, tokens: readonly Token[], match: Match): boolean {
  const { start, end } = match.mention;
  const smallTown = () => match.mention.form === 'name' && match.mention.candidates.every((id) => {
    const e = ctx.gazetteer.byId(id);
    return !!e && e.kind === 'city' && e.population < ctx.opts.strongPopulation / 10;
  });
  let next = tokens[match.next];
  let gap = next && ctx.text.slice(end, next.start);
  // "Stevens & Wilkinson", "Marsh & McLennan": names joined by an ampersand are a firm's, not a small town's.
  const ampersand = (gap === ' & ' && isCapitalised(next)) || /[\p{Lu}][\p{L}.]* & $/u.test(ctx.text.slice(Math.max(0, start - 30), start));
  if (ampersand && smallTown()) return true;
  // "Miller's Farm": the possessive's "s" stands between the name and the venue.
  if (next?.text === 's' && /^['’]$/.test(gap) && tokens[match.next + 1]) {
    next = tokens[match.next + 1];
    gap = ctx.text.slice(tokens[match.next].end, next.start) === ' ' ? ' ' : '';
    if (gap === ' ' && FACILITY_WORDS.has(next.text) && smallTown()) return true;
    return false;
  }
  if (next && gap === ' ') {
    // "the California Highway Patrol", "the Ohio Turnpike Commission": a road's name before an agency is the agency's, and
    // the agency is the state's.
    const agency = tokens[match.next + 1];
    const ofAgency = !!agency && ROAD_AGENCY_WORDS.has(agency.text) && ctx.text.slice(next.end, agency.start) === ' ';
    if ((STREET_WORDS.has(next.text) && !ofAgency) || MISSION_WORDS.has(next.text) || DISEASE_WORDS.has(next.text.toLowerCase())) return true;
    // "Drexel University", "Oakmont Golf Club": a venue named after a small town; a city's ("Leeds Academy",
    // "Oxford University") or a country's keeps its mention.
    if (FACILITY_WORDS.has(next.text) && smallTown()) return true;
    // "Albany St." ends a street, "St. Louis" starts a town: the abbreviation ends the name or the sentence.
    if (STREET_ABBREVIATIONS.has(next.text) && ctx.text[next.end] === '.') {
      const after = tokens[match.next + 1];
      if (!after || !isCapitalised(after) || ctx.text.slice(next.end, after.start).trim() !== '.') return true;
    }
  }
  const before = ctx.text.slice(Math.max(0, start - 24), start);
  // "University of Mount Union" is in Alliance, Ohio: a small town's name after "University of" names the venue too.
  if (/\b(?:University|College|Academy) of (?:the )?$/.test(before) && smallTown()) return true;
  // "a walk at the state Capitol", "the Texas State Capitol": a state's capitol building, not the U.S. Capitol
  if (/\bstate $/i.test(before) && /^capitol$/i.test(ctx.text.slice(start, end))) return true;
  return /\b(?:Embassy|Consulate) of (?:the )?$/.test(before);
}

/**
 * "Ramsey, N.J.", "Irvine, Calif.", "Duffy's Crossing, N.B.", "Myrtle Beach, SC": a state or province
 * abbreviation (AP style, or a US postal code) right after a comma and a capitalised name, known or not. `end` is
 * where that name ends, `next` the index of the first token after it.
 */
function matchAbbreviation(ctx: Context, tokens: readonly Token[], end: number, next: number, after?: PlaceMention): Match | null {
  const start = end + 2;
  if (ctx.text.slice(end, start) !== ', ') return null;
  const window = ctx.text.slice(start, start + 8);
  const ap = /^[A-Z][A-Za-z.]{0,5}\./.exec(window);
  // A postal code ("OK", "IN", "ME" are words too) only after a name the gazetteer has in the US.
  const american = after?.candidates.some((id) => ctx.gazetteer.byId(id)?.country === 'US');
  const postal = american ? /^[A-Z]{2}(?![\p{L}\p{N}])/u.exec(window) : null;
  const entry = (ap && ctx.gazetteer.abbreviation(ap[0])) || (postal && ctx.gazetteer.admin1('US', postal[0]));
  if (!entry) return null;
  const stop = start + (ap && ctx.gazetteer.abbreviation(ap[0]) ? ap[0] : postal![0]).length;
  while (next < tokens.length && tokens[next].start < stop) next++;
  return { mention: mention(ctx, start, stop, 'name', [entry]), next };
}

/**
 * The longest name starting at token i (words i..i+maxWords-1), or null. Names are looked up exactly first; only when
 * none starts here is a long name of several words looked up one typing slip away ("Mihai Viteazy").
 */
function matchName(ctx: Context, tokens: readonly Token[], i: number, lowerFirstOk: boolean): Match | null {
  const last = Math.min(tokens.length, i + ctx.opts.maxWords) - 1;
  for (let j = last; j >= i; j--) {
    if (j === i && lowerFirstOk && !isCapitalised(tokens[i])) break;
    const match = matchWords(ctx, tokens, i, j, lowerFirstOk, false);
    if (match) return match;
  }
  if (!isCapitalised(tokens[i])) return null;
  // Most words start no run of capitalised words long enough for a slip to be believed: the run is measured first.
  let run = i;
  let letters = tokens[i].text.length;
  while (run < last && isCapitalised(tokens[run + 1]) && joinsName(ctx.text, tokens[run], tokens[run + 1])) letters += tokens[++run].text.length;
  for (let j = run; j > i && letters >= ctx.opts.fuzzyMinLetters; letters -= tokens[j--].text.length) {
    const match = matchWords(ctx, tokens, i, j, false, true);
    if (match) return match;
  }
  return null;
}

/**
 * A slip is believed only in a name long enough that one wrong letter leaves it unmistakable: several capitalised
 * words (no connectors, acronyms or titles), fuzzyMinLetters letters in all, one of them no common English word, as a
 * misspelt word is not. "San Fransisco" is San Francisco; "New Yrok", "Village Center", "Dr Adeyemi" are nothing.
 */
function isLongName(ctx: Context, tokens: readonly Token[], i: number, j: number): boolean {
  let unknown = false;
  let letters = 0;
  for (let k = i; k <= j; k++) {
    if (!isCapitalised(tokens[k]) || isAllCaps(tokens[k]) || TITLES.has(tokens[k].text)) return false;
    if (!ctx.gazetteer.isCommonWord(tokens[k].text.toLowerCase())) unknown = true;
    letters += tokens[k].text.length;
  }
  return unknown && letters >= ctx.opts.fuzzyMinLetters;
}

/** Capitalised words after "<Town> City" that make it the town's council or office ("Dublin City Council"). */
const CITY_OFFICES = new Set(['Council', 'Hall', 'Manager', 'Commission', 'Schools', 'Attorney', 'Clerk', 'Police']);

/**
 * "Dublin City Council" is Dublin's council, not Dublin, Ireland, whose other name "Dublin City" is: a name ending in
 * "City" before a city office, found only as another name of its places, leaves the town's own name to be found.
 */
function isCityInstitution(ctx: Context, tokens: readonly Token[], j: number, key: string, entries: readonly GazetteerEntry[]): boolean {
  const next = tokens[j + 1];
  return tokens[j].text === 'City' && !!next && CITY_OFFICES.has(next.text) && ctx.text.slice(tokens[j].end, next.start) === ' ' &&
    entries.every((e) => normaliseName(e.name) !== key);
}

/** Words i..j as one name, looked up exactly or (near) one slip away, or null. */
function matchWords(ctx: Context, tokens: readonly Token[], i: number, j: number, lowerFirstOk: boolean, near: boolean): Match | null {
  // The slip search's own tests come first: they are cheap, and most runs of capitalised words fail them.
  if (near && (!isLongName(ctx, tokens, i, j) || personAt(ctx, tokens[i].start, tokens[i].start + 1))) return null;
  if (!isNameShape(ctx, tokens, i, j, lowerFirstOk)) return null;
  const start = tokens[i].start;
  const end = nameEnd(ctx, tokens, i, j);
  const key = normaliseName(ctx.text.slice(start, end));
  let form: MentionForm = 'name';
  let entries: GazetteerEntry[];
  if (near) {
    // An adjectival form one letter from its country ("South African") is no slip.
    if (ctx.gazetteer.lookupAdjective(key).length) return null;
    entries = ctx.gazetteer.lookupNameNear(key);
  } else {
    entries = ctx.gazetteer.lookupName(key);
    const adjectives = ctx.gazetteer.lookupAdjective(key);
    // "English" is Indiana's town English only when no country or region has it as its adjective.
    if (adjectives.length && !isStrong(entries, { ...ctx.opts, strongPopulation: Infinity })) {
      // Without demonyms, "Canadian" is no mention at all, not Canadian, Texas.
      if (!ctx.opts.demonyms) return null;
      entries = adjectives;
      form = 'adjective';
    }
  }
  // A lower-case last word is part of a name only in curated names ("Baltic states"), not in GeoNames' alternates;
  // a lower-case first word too ("eastern Europe"): "north Arlington" is a part of Arlington, not North Arlington.
  if (!isCapitalised(tokens[j]) || !isCapitalised(tokens[i])) entries = entries.filter((e) => e.gazetteer !== 'geonames');
  if (!entries.length) return null;
  const county = matchCounty(ctx, tokens, i, j, entries);
  if (county) return county;
  // A US county is found whole above ("Owsley County"); a name before "County" that neither a county nor a town
  // has is no mention (it is not the state "Iowa" in a county of Wisconsin); nor is one before "Township"
  // ("Jefferson Township", New Jersey), whose township the gazetteer would have had.
  if (isCountyWord(ctx, tokens, j) || (tokens[j + 1]?.text === 'Township' && ctx.text.slice(tokens[j].end, tokens[j + 1].start) === ' ')) return null;
  if (j === i) entries = form === 'name' && partOfLongerName(ctx, tokens, i, entries) ? [] : filterSingleWord(ctx, tokens, i, entries);
  else if (personAt(ctx, start, start + 1) || isCityInstitution(ctx, tokens, j, key, entries)) return null;
  if (!entries.length) return null;
  // "Kharkiv province", "Donetsk region", "Gatwick airport": the subdivision or airport, but its name is the capitalised part; the lower-case word
  // only says what kind of place it is.
  const descriptor = j > i && !isCapitalised(tokens[j]) && entries.every((e) => e.featureCode === 'ADM1' || e.featureCode === 'AIRP');
  // "Sichuan Province": a unit the subdivision's own name lacks, after a name that finds it alone, is no part of it.
  const unit = j > i && /^(?:Region|Province)$/.test(tokens[j].text) && entries.every((e) => e.featureCode === 'ADM1' &&
    !normaliseName(e.name).endsWith(normaliseName(tokens[j].text)) && ctx.gazetteer.lookupName(normaliseName(ctx.text.slice(start, tokens[j - 1].end))).some((x) => x.id === e.id));
  return { mention: mention(ctx, start, descriptor || unit ? tokens[j - 1].end : end, form, entries), next: j + 1 };
}

/** Token j is followed by "County" ("COUNTY" in a capitalised headline). */
function isCountyWord(ctx: Context, tokens: readonly Token[], j: number): boolean {
  const suffix = tokens[j + 1];
  return !!suffix && (suffix.text === 'County' || (suffix.text === 'COUNTY' && isAllCaps(tokens[j]))) &&
    ctx.text.slice(tokens[j].end, suffix.start) === ' ';
}

/**
 * "County Kerry", "Kildare County": outside the US the gazetteer has no counties, so a county is placed at the town of
 * its name, which is most often inside it or near it. The suffix makes it a place even when its name is a common word.
 * (US counties are entries of their own, found whole: "Orange County".)
 */
function matchCounty(ctx: Context, tokens: readonly Token[], i: number, j: number, entries: readonly GazetteerEntry[]): Match | null {
  if (!isCountyWord(ctx, tokens, j)) return null;
  const suffix = tokens[j + 1];
  const towns = entries.filter((e) => e.kind === 'city');
  if (!towns.length || personAt(ctx, tokens[i].start, tokens[i].end)) return null;
  return { mention: mention(ctx, tokens[i].start, suffix.end, 'name', towns), next: j + 2 };
}

/**
 * "eastern Ukraine", "north-eastern Syria": a direction word and a country, read as that part of the country. The
 * mention's span is the country's name, as annotators mark it (in GeoWebNews, LGL and GeoVirus alike the direction
 * word is never part of the toponym); its candidate is the directional region.
 */
function matchDirectional(ctx: Context, tokens: readonly Token[], i: number): Match | null {
  let direction = directionOf(tokens[i].text);
  let after = i + 1;
  const next = tokens[i + 1];
  if (!direction && next && /^(north|south)$/i.test(tokens[i].text) && ctx.text.slice(tokens[i].end, next.start) === '-') {
    direction = directionOf(tokens[i].text + next.text);
    after = i + 2;
  }
  if (!direction || after >= tokens.length || ctx.text.slice(tokens[after - 1].end, tokens[after].start) !== ' ') return null;
  const country = matchName(ctx, tokens, after, false);
  if (country?.mention.form !== 'name') return null;
  // "eastern Congo": each country of the name is a candidate (the two Congos); resolve chooses, as for the name alone.
  const codes = country.mention.candidates
    .map((id) => ctx.gazetteer.byId(id))
    .flatMap((e) => (e?.kind === 'country' && e.country ? [e.country] : []));
  if (!codes.length) return null;
  const { start, end } = country.mention;
  return {
    mention: { start, end, text: ctx.text.slice(start, end), form: 'region', candidates: codes.map((code) => directionalId(direction!, code)) },
    next: country.next,
  };
}

/**
 * Every place mention in the document's content sentences, in text order, none overlapping. Sentences that are not
 * content (cookie banners, navigation) are skipped: their places are not events.
 */
export function recognise(
  doc: IngestedDocument,
  sentences: readonly Sentence[],
  gazetteer: Gazetteer,
  opts: RecogniseOptions = RECOGNISE_DEFAULTS,
): PlaceMention[] {
  const text = doc.text;
  const content = sentences.filter((s) => s.isContent).map((s) => tokenise(text, s.start, s.end));
  const lowerCaseWords = new Set<string>();
  for (const tokens of content) for (const t of tokens) if (/^\p{Ll}/u.test(t.text)) lowerCaseWords.add(t.text);
  const persons = findPersonNames(text, content, gazetteer, opts.strongPopulation, opts.fuzzyMinLetters);
  const speakers = new Set<string>();
  for (const tokens of content) {
    tokens.forEach((t, i) => {
      if (isCapitalised(t) && !isAllCaps(t) && isSpeaker(text, tokens, i)) speakers.add(t.text);
    });
  }
  const ctx: Context = { text, gazetteer, opts, persons, lowerCaseWords, speakers, diseases: diseaseNames(text, content), streets: streetNames(text, content), countyNames: countyNames(text, content) };
  const mentions: PlaceMention[] = [];
  for (const tokens of content) {
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i];
      const directional = directionOf(t.text) !== null || /^(north|south)$/i.test(t.text);
      let match: Match | null = null;
      if (isCapitalised(t) || directional) match = matchName(ctx, tokens, i, directional);
      if (!match && directional) match = matchDirectional(ctx, tokens, i);
      if (match && (namesStreetOrMission(ctx, tokens, match) || namesDisease(ctx, tokens, i, match) || namesStreet(ctx, match))) {
        i = match.next;
      } else if (match) {
        mentions.push(match.mention);
        i = match.next;
        const state = matchAbbreviation(ctx, tokens, match.mention.end, match.next, match.mention);
        if (state) {
          mentions.push(state.mention);
          i = state.next;
        }
      } else {
        // A town the gazetteer lacks still has its state after it.
        const state = isCapitalised(t) && !personAt(ctx, t.start, t.end) ? matchAbbreviation(ctx, tokens, t.end, i + 1) : null;
        if (state) mentions.push(state.mention);
        i = state ? state.next : i + 1;
      }
    }
  }
  return mentions;
}
