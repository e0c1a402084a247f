// Clauses and verb groups of a tagged sentence: where one clause ends and the next begins, and for every verb its
// auxiliaries, tense and mood. What the events stage asks of grammar: did it happen, is it going on, is it planned,
// or is it denied or only supposed ("will travel", "did not meet", "if Russia invades"); and which date belongs to
// which verb (a date is never carried across a clause that has one of its own).
import { DAY_OR_MONTH, HYPOTHETICAL_OPENERS, NEGATIVE_VERBS, PERSON_NOUNS, PLANNING_VERBS, REFUSAL_NOUNS, SPEECH_VERBS, WEEKDAY, WISHING } from '../lexicon/words.ts';
import type { Token } from './tagger.ts';

export interface Clause {
  /** Token indices, inclusive. */
  first: number;
  last: number;
  /** The word that opened it when it is subordinate or relative ("where", "if", "that", "which"), else null. */
  opener: string | null;
}

export type Mood = 'happened' | 'ongoing' | 'planned' | 'negated' | 'hypothetical';
export type Tense = 'past' | 'present' | 'future';

export interface VerbGroup {
  /** Token index of the lexical verb. */
  head: number;
  /** Token index of the group's first word (an auxiliary, "to"), or `head`. */
  first: number;
  clause: number;
  tense: Tense;
  mood: Mood;
  form: 'finite' | 'infinitive' | 'gerund' | 'participle';
  /** "is meeting", "has been hosting". */
  progressive: boolean;
}

export interface SentenceGrammar {
  tokens: Token[];
  clauses: Clause[];
  /** For each token, the index of its clause. */
  clauseOf: number[];
  verbs: VerbGroup[];
}

// Parentheses are not breaks: "convening on Wednesday (9:00 a.m.) at the headquarters" is one clause.
const STRONG_BREAK = new Set([';', ':', '—', '–', '"', '“', '”', '--']);
const QUOTES = new Set(['"', '“', '”']);
const DASHES = new Set(['—', '–', '--']);
const SUBORDINATORS = new Set([
  'because', 'if', 'when', 'after', 'before', 'while', 'although', 'though', 'unless', 'whether', 'since', 'that',
  'where', 'whereas', 'once', 'until', 'lest', 'whenever', 'wherever',
]);
const RELATIVES = new Set(['which', 'who', 'whom', 'whose']);
const MODALS_UNREAL = new Set(['would', 'could', 'might', 'may', 'should', 'can', 'must', "'d", 'ought']);
const FUTURE_AUX = new Set(['will', 'shall', "'ll", 'wo']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d"]);
const BE_PRESENT = new Set(['is', 'are', 'am', "'s", "'re", "'m"]);
const NEGATORS = new Set(['not', "n't", 'never', 'no']);
/** Adverbs that may stand inside a verb group: "will also travel", "has already deployed". */
const GROUP_ADVERBS = new Set([
  'also', 'then', 'still', 'now', 'already', 'just', 'not', 'never', 'soon', 'formally', 'officially', 'reportedly',
  'jointly', 'again', 'later', 'further', 'recently', 'previously', 'first', 'only', 'even', 'once', 'personally', 'both',
  'all', 'each', 'today', 'allegedly', 'apparently', 'publicly', 'briefly', 'virtually', 'temporarily', 'repeatedly',
]);
/** Verbs of phase: "continue to hit", "began to deploy": the infinitive happens as the verb says. */
const ASPECTUAL = new Set(['continue', 'begin', 'start', 'keep', 'resume', 'go', 'proceed', 'manage', 'come']);
/** "is due to", "are set to", "is expected to": the infinitive after these is planned. */
const PLANNED_BEFORE_TO = new Set(['due', 'set', 'expected', 'scheduled', 'slated', 'going', 'about', 'poised', 'planned', 'likely']);

const NUMBERISH = (t: Token | undefined) => !!t && (t.pos === 'NUM' || /^\d/.test(t.text));

function opensClause(tokens: readonly Token[], i: number, current: Clause, hasVerb: boolean): string | null {
  const t = tokens[i];
  // "March 3rd – 5th", "9–11 July": a dash between numbers is a range, not a break
  if ((t.text === '–' || t.text === '—' || t.text === '-') && NUMBERISH(tokens[i - 1]) && NUMBERISH(tokens[i + 1])) return null;
  if (STRONG_BREAK.has(t.text)) return t.text;
  // "should the army invade": an inverted conditional
  if (t.lower === 'should' && t.pos === 'AUX' && /^(PROPN|NOUN|PRON|DET)$/.test(tokens[i + 1]?.pos ?? '')) return 'should';
  // "as gains have taken place", "since the war began": a conjunction when a verb follows before the next comma;
  // "as part of", "since 2014" are prepositions
  if ((t.lower === 'as' || t.lower === 'since' || t.lower === 'after' || t.lower === 'before') && (t.pos === 'SCONJ' || t.pos === 'ADP')) {
    for (let j = i + 1; j < Math.min(tokens.length, i + 20); j++) {
      // a comma inside a list ("Kurakhove, Vuhledar, and Velyka Novosilka") does not end the clause
      // ... but a name and its verb after the comma are the main clause ("as premier, Morrow is scheduled")
      // "Since her appointment in June 2019, the minister has ...": no verb before the comma, a phrase whatever the tagger says
      if (tokens[j].text === ',' && (!(tokens[j + 1]?.pos === 'PROPN' || tokens[j + 1]?.pos === 'CCONJ') || subjectAndVerbAt(tokens, j + 1))) return null;
      if (tokens[j].pos === 'SCONJ' || STRONG_BREAK.has(tokens[j].text)) break;
      if (tokens[j].pos === 'AUX' || (tokens[j].pos === 'VERB' && !tokens[j].lower.endsWith('ing'))) return t.lower;
    }
    if (t.pos === 'ADP') return null;
  }
  if ((t.pos === 'SCONJ' || t.pos === 'ADV') && SUBORDINATORS.has(t.lower) && t.lower !== 'for') {
    // "where" and "when" open a clause after a comma or as conjunctions; "when" as a question word is rare in news
    return t.lower;
  }
  if ((t.pos === 'PRON' || t.pos === 'DET') && RELATIVES.has(t.lower)) return t.lower;
  if (t.pos === 'CCONJ' && (t.lower === 'and' || t.lower === 'but' || t.lower === 'yet' || t.lower === 'or')) {
    // A new clause when a verb (or a pronoun and a verb) follows: "and he pledged", "and discussed".
    let j = i + 1;
    while (j < tokens.length && tokens[j].pos === 'ADV') j++;
    const next = tokens[j];
    if (next && (next.pos === 'VERB' || next.pos === 'AUX')) return t.lower;
    if (next && next.pos === 'PRON' && tokens[j + 1] && (tokens[j + 1].pos === 'VERB' || tokens[j + 1].pos === 'AUX')) return t.lower;
  }
  if (t.text === ',' && tokens[i + 1]?.pos === 'PRON' && tokens[i + 2] && (tokens[i + 2].pos === 'VERB' || tokens[i + 2].pos === 'AUX')) {
    return ','; // ", he said", ", they will meet"
  }
  // "Since the army began moving tanks, the alliance has worked": a subordinate clause ends at the comma
  // before the main clause's subject and verb.
  if (t.text === ',' && current.opener !== null && hasVerb) {
    for (let j = i + 1; j < Math.min(tokens.length, i + 8); j++) {
      if (tokens[j].text === ',' || tokens[j].pos === 'SCONJ') break;
      if (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') return ',';
    }
  }
  return null;
}

/** A name and the verb it is the subject of, from token `i`: "Obama is scheduled". */
function subjectAndVerbAt(tokens: readonly Token[], i: number): boolean {
  let k = i;
  while (tokens[k]?.pos === 'PROPN') k++;
  return k > i && (tokens[k]?.pos === 'AUX' || tokens[k]?.pos === 'VERB');
}

function splitClauses(tokens: readonly Token[]): { clauses: Clause[]; clauseOf: number[] } {
  const clauses: Clause[] = [];
  const clauseOf: number[] = new Array(tokens.length);
  let current: Clause = { first: 0, last: -1, opener: null };
  let hasVerb = false;
  for (let i = 0; i < tokens.length; i++) {
    const opener = opensClause(tokens, i, current, hasVerb);
    if (opener !== null && current.last >= current.first) {
      clauses.push(current);
      current = { first: i, last: i - 1, opener: STRONG_BREAK.has(opener) || opener === ',' ? null : opener };
    } else if (opener !== null && !STRONG_BREAK.has(opener) && opener !== ',') current.opener = opener;
    if (opener !== null && current.first === i) hasVerb = false;
    if (tokens[i].pos === 'VERB') hasVerb = true;
    current.last = i;
    clauseOf[i] = clauses.length;
  }
  if (current.last >= current.first || clauses.length === 0) clauses.push(current);
  return { clauses, clauseOf };
}

const isPastForm = (t: Token) => t.lower !== t.lemma && !t.lower.endsWith('ing') && !(t.lower.endsWith('s') && t.lower.slice(0, -1) === t.lemma) && !/es$/.test(t.lower);

/** Verbs whose past tense is written as their base form. */
const SAME_FORM_PAST = new Set(['hit', 'put', 'set', 'cut', 'let', 'hurt', 'cost', 'shut', 'spread', 'quit', 'burst', 'cast', 'bet', 'bid', 'broadcast', 'forecast', 'thrust', 'upset', 'split', 'shed']);
/** Nouns singular in form that may take a plural verb ("police say", "the government are"). */
const COLLECTIVE = /^(police|people|staff|personnel|military|government|team|media|public|family|crew|committee|council|majority|army|navy|cabinet|jury|board|audience|youth|clergy)$/;

/** True when a singular noun or name stands right before token `i` as its subject: "an earthquake hit", "Russia cut". */
function singularSubjectBefore(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i - 1];
  if (!t || !(t.pos === 'NOUN' || t.pos === 'PROPN') || COLLECTIVE.test(t.lower)) return false;
  // a name in -s may be a people ("Russians"): only a name without one counts
  return t.pos === 'NOUN' ? t.lemma === t.lower && !/[^s]s$/.test(t.lower) : !/s$/.test(t.lower);
}

/** The verb groups of a sentence, before infinitives and gerunds take their mood from the verb that governs them. */
function verbGroups(tokens: readonly Token[], clauses: readonly Clause[], clauseOf: readonly number[]): VerbGroup[] {
  const groups: VerbGroup[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // "President-Elect", "Russian-invaded": a verb inside a hyphenated compound heads no verb group
    if (t.pos !== 'VERB' || (tokens[i - 1]?.text === '-' && tokens[i - 1].end === t.start)) continue;
    let first = i;
    const aux: string[] = [];
    for (let j = i - 1; j >= 0 && clauseOf[j] === clauseOf[i]; j--) {
      const w = tokens[j];
      if (w.pos === 'AUX' || (w.pos === 'PART' && (w.lower === 'to' || NEGATORS.has(w.lower) || w.lemma === 'not')) || (w.pos === 'ADV' && GROUP_ADVERBS.has(w.lower))) {
        aux.unshift(w.lower === "n't" || w.lemma === 'not' ? 'not' : w.lower);
        first = j;
      } else break;
    }
    const clause = clauses[clauseOf[i]];
    // "we first sent troops": an adverb inside the group is no auxiliary; the verb's own form still tells its tense
    const auxiliaries = aux.filter((a) => !GROUP_ADVERBS.has(a));
    const negated = aux.some((a) => NEGATORS.has(a)) || /^(no longer)$/.test(`${tokens[first - 2]?.lower ?? ''} ${tokens[first - 1]?.lower ?? ''}`);
    const infinitive = aux.includes('to') && !aux.some((a) => FUTURE_AUX.has(a) || MODALS_UNREAL.has(a) || PAST_AUX.has(a) || BE_PRESENT.has(a));
    const progressive = t.lower.endsWith('ing') && aux.some((a) => a === 'be' || a === 'been' || BE_PRESENT.has(a) || a === 'was' || a === 'were');
    let form: VerbGroup['form'] = 'finite';
    if (infinitive) form = 'infinitive';
    else if (auxiliaries.length === 0 && t.lower.endsWith('ing')) form = 'gerund';
    // "help offered by all parish councils" after "the grant is a kind of": a clause whose verb (or copula) came before
    // the noun describes the noun with the participle
    else if (auxiliaries.length === 0 && isPastForm(t) && i > 0 && (tokens[i - 1].pos === 'NOUN' || tokens[i - 1].pos === 'PROPN') &&
      (groups.some((g) => g.clause === clauseOf[i] && g.form === 'finite') || tokens.slice(clause.first, i - 1).some((a) => a.pos === 'AUX')) &&
      !reportedWithoutThat(tokens, groups, i)) form = 'participle';

    let tense: Tense = 'present';
    if (aux.some((a) => FUTURE_AUX.has(a))) tense = 'future';
    else if (aux.some((a) => PAST_AUX.has(a)) || (auxiliaries.length === 0 && isPastForm(t)) || aux.some((a) => a === 'has' || a === 'have' || a === "'ve")) tense = 'past';
    // "an earthquake hit eastern Turkey": a verb whose past is its base form, bare after a singular subject, is past
    // (the present would be "hits")
    if (tense === 'present' && auxiliaries.length === 0 && SAME_FORM_PAST.has(t.lower) && singularSubjectBefore(tokens, i)) tense = 'past';
    // "is to visit", "are going to meet"
    const beforeTo = aux.indexOf('to') > 0 ? aux[aux.indexOf('to') - 1] : tokens[first - 1]?.lower;
    if (aux.includes('to') && (BE_PRESENT.has(beforeTo ?? '') || PLANNED_BEFORE_TO.has(beforeTo ?? ''))) tense = 'future';

    let mood: Mood = tense === 'past' ? 'happened' : tense === 'future' ? 'planned' : progressive ? 'ongoing' : 'happened';
    const modal = aux.find((a) => MODALS_UNREAL.has(a));
    if (modal) mood = 'hypothetical';
    if (clause.opener !== null && HYPOTHETICAL_OPENERS.has(clause.opener)) mood = 'hypothetical';
    // "should the army invade": an inverted conditional at the start of the clause
    if (tokens[clause.first]?.lower === 'should' && clause.first < i && tokens[clause.first].pos === 'AUX') mood = 'hypothetical';
    // "has hosted allied troops since 2017", "have been stationed there for years": a state that still holds
    if (mood === 'happened' && aux.some((a) => a === 'has' || a === 'have' || a === "'ve") && stillHolds(tokens, i, clause)) mood = 'ongoing';
    if (negated) mood = 'negated';
    groups.push({ head: i, first, clause: clauseOf[i], tense, mood, form, progressive });
  }
  for (const g of groups) {
    const main = mainVerbAfter(tokens, clauses, groups, g);
    if (!main) continue;
    g.form = 'participle';
    main.form = 'finite';
  }
  return groups;
}

/**
 * "60 sailors based in Oman needed treatment", "the man arrested in Leeds confessed": a bare past form right after
 * a noun, with a phrase and not an object after it, describes the noun when the clause's own verb follows it (the
 * verb after, a bare past form after a noun too, may have been read as the participle: the one with an object is not).
 */
function mainVerbAfter(tokens: readonly Token[], clauses: readonly Clause[], groups: readonly VerbGroup[], g: VerbGroup): VerbGroup | null {
  const bareAfterNoun = (v: VerbGroup) => v.first === v.head && /^(NOUN|PROPN|NUM)$/.test(tokens[v.head - 1]?.pos ?? '');
  if (g.form !== 'finite' || !bareAfterNoun(g) || !isPastForm(tokens[g.head]) || !/^(ADP|ADV|PART)$/.test(tokens[g.head + 1]?.pos ?? '')) return null;
  // "the jury heard Novak moved to Canada": what a verb before it reports is a clause's own verb
  if (reportedWithoutThat(tokens, groups.slice(0, groups.indexOf(g)), g.head)) return null;
  const next = groups.find((o) => o.first > g.head);
  if (next && tokens.slice(g.head + 1, next.first).some((t) => t.pos === 'CCONJ' && t.lower !== 'or')) return null;
  // ... in the same clause: "officials worked with donors as the government launched" has two
  const sameClause = next !== undefined && clauses.slice(g.clause + 1, next.clause + 1).every((c) => c.opener === null);
  if (!next || !sameClause || !/^(NOUN|PROPN|NUM|ADV)$/.test(tokens[next.first - 1].pos)) return null;
  if (next.form === 'finite') return next;
  const object = /^(DET|ADJ|NOUN|PROPN|NUM|PRON)$/.test(tokens[next.head + 1]?.pos ?? '');
  return next.form === 'participle' && bareAfterNoun(next) && object ? next : null;
}

/** True when the verb at `i` is what a verb of saying reports, without "that": "says Russia fired on Kherson". */
function reportedWithoutThat(tokens: readonly Token[], groups: readonly VerbGroup[], i: number): boolean {
  const speech = groups.at(-1);
  if (speech?.form !== 'finite' || !SPEECH_VERBS.has(tokens[speech.head].lemma)) return false;
  // ... whose subject may have a phrase of its own: "said the drone from Belarus crashed"
  return tokens.slice(speech.head + 1, i).every((t) => /^(DET|ADJ|NOUN|PROPN|NUM|ADP)$/.test(t.pos));
}

/** The verb that governs group `g` (an infinitive or a gerund): the nearest finite or infinitive verb before it. */
function governor(groups: readonly VerbGroup[], g: VerbGroup, tokens?: readonly Token[]): VerbGroup | null {
  // "Danes travelling to Peru could face delays": a gerund right after a noun describes it, and the
  // clause's finite verb after it governs (a reduced relative)
  if (tokens && (g.form === 'gerund' || g.form === 'participle') && /^(NOUN|PROPN|NUM)$/.test(tokens[g.first - 1]?.pos ?? '')) {
    const after = groups.find((o) => o.first > g.head && o.clause === g.clause && o.form === 'finite');
    if (after) return after;
  }
  for (let k = groups.indexOf(g) - 1; k >= 0; k--) if (groups[k].form !== 'participle') return groups[k];
  return null;
}

/**
 * Infinitives and gerunds take their mood from the verb that governs them: "will travel to Porto to meet" is
 * planned, "agreed to establish" planned, "failed to reach" negated, "sent troops to deter" only a purpose. A
 * "would" reported after a past verb of saying is planned ("announced it would halt"), not a supposition.
 */
function settleMoods(tokens: readonly Token[], groups: VerbGroup[], clauses: readonly Clause[]): void {
  for (const g of groups) {
    const gov = governor(groups, g, tokens);
    if (g.form === 'infinitive') {
      const before = tokens[g.first - 1]?.lower ?? '';
      if (REFUSAL_NOUNS.has(before)) g.mood = 'negated';
      else if (PLANNED_BEFORE_TO.has(before)) g.mood = g.mood === 'negated' ? 'negated' : 'planned';
      else if (!gov) g.mood = headlineFuture(tokens, g) ? 'planned' : 'hypothetical';
      else if (NEGATIVE_VERBS.has(tokens[gov.head].lemma) || gov.mood === 'negated') g.mood = 'negated';
      else if (ASPECTUAL.has(tokens[gov.head].lemma) && gov.head === g.first - 1) g.mood = gov.mood;
      else if (gov.mood === 'hypothetical') g.mood = 'hypothetical';
      else if (PLANNING_VERBS.has(tokens[gov.head].lemma)) g.mood = gov.mood === 'planned' || gov.tense !== 'past' || !['travel', 'fly', 'come', 'go', 'head', 'return'].includes(tokens[gov.head].lemma) ? 'planned' : gov.mood;
      else g.mood = 'hypothetical';
      g.tense = g.mood === 'planned' ? 'future' : gov?.tense ?? 'present';
    } else if ((g.form === 'gerund' || g.form === 'participle') && gov) {
      if (gov.mood === 'negated' || gov.mood === 'hypothetical' || gov.mood === 'planned') g.mood = gov.mood;
      g.tense = g.form === 'participle' ? 'past' : gov.tense;
    }
    const modalWould = tokens.slice(g.first, g.head).some((t) => t.lower === 'would' || t.lower === "'d");
    if (modalWould && g.mood === 'hypothetical' && !HYPOTHETICAL_OPENERS.has(clauses[g.clause].opener ?? '')) {
      // "Sweden announced that it would pause": reported future after a past verb of the clause before
      // "Sweden announced that it would pause", "the envoy said allies would meet in Oslo next month"
      const reporting = groups.find((o) => o.head < g.first && o.tense === 'past' && o.mood === 'happened' && SPEECH_VERBS.has(tokens[o.head].lemma));
      // "said ... they hoped that the senate would soon approve": a hope reported is still only hoped for
      const hoped = groups.some((o) => o.head < g.first && WISHING.has(tokens[o.head].lemma) && (clauses[g.clause].opener === 'that' ? o.clause === g.clause - 1 : o.clause === g.clause));
      // "nobody knew why the rebels would attack the base": an indirect question asks, it reports no plan
      const asked = tokens.slice(clauses[g.clause].first, g.first).some((t) => INDIRECT_QUESTION.test(t.lower));
      if (reporting && !hoped && !asked && (clauses[g.clause].opener === 'that' || reporting.clause === g.clause || g.clause === reporting.clause + 1)) { g.mood = 'planned'; g.tense = 'future'; }
    }
    // "She will also travel to Tartu and visit the school", "to hand out food and meet families": a bare verb joined by
    // "and" shares the mood of the verb before it
    const previous = groups[groups.indexOf(g) - 1];
    const coordinated = previous && /^(and|or)$/.test(tokens[g.first - 1]?.lower ?? '') && g.first === g.head && tokens[g.head].lower === tokens[g.head].lemma;
    if (coordinated && previous.mood !== 'happened' && previous.mood !== 'ongoing') { g.mood = previous.mood; g.tense = previous.tense; }
    if (g.form === 'finite' && (deniedClause(tokens, groups, clauses, g) || evidenceDenied(tokens, groups, g))) g.mood = 'negated';
    // "claims that millions voted illegally", "rumours that troops had crossed": said by someone, not told as so
    else if (g.mood === 'happened' && claimed(tokens, groups, g)) g.mood = 'hypothetical';
  }
}

/**
 * A headline's future: "Rutte to visit Vilnius next week", "Finland to close border with Russia", "Troops to leave
 * Mali". In a headline (no full stop), a "to"-infinitive right after the noun phrase that opens it, whose head is a
 * name or a noun of people or forces, is what they will do; the phrase is its subject, not a noun the infinitive
 * completes ("Efforts to hold talks": no people).
 */
function headlineFuture(tokens: readonly Token[], g: VerbGroup): boolean {
  const to = g.first;
  // a headline has no full stop ("Pledge to keep an extra brigade in Latvia." is a list's item, not a headline)
  if (tokens[to]?.lower !== 'to' || to === 0 || /^[.!?]$/.test(tokens[tokens.length - 1].text)) return false;
  const head = tokens[to - 1];
  if (!(head.pos === 'PROPN' || (head.pos === 'NOUN' && PERSON_NOUNS.has(head.lower)))) return false;
  // the words before are that one phrase (after a dateline's dash): names, nouns, adjectives, numbers, a possessive
  let k = to - 1;
  while (k > 0 && (/^(PROPN|NOUN|ADJ|NUM|DET)$/.test(tokens[k - 1].pos) || (tokens[k - 1].pos === 'PART' && /^['’]s$/.test(tokens[k - 1].lower)))) k--;
  return k === 0 || /^(?:-|--|—|–)$/.test(tokens[k - 1].text);
}

/** Words that open an indirect question: "asked how", "did not know why". */
const INDIRECT_QUESTION = /^(why|how|whether|what)$/;

// Verbs that say their "that" clause is not so: "denied that drones had entered", "dismissed claims that ...",
// "rejected reports that the president had met ...".
const DENYING_VERBS = new Set(['deny', 'dismiss', 'refute', 'doubt', 'dispute', 'reject']);
/** Nouns whose "that" clause is a claim the text does not make its own ("report" may be the text's own news). */
const CLAIM_ONLY = new Set(['claim', 'allegation', 'rumour', 'rumor', 'accusation', 'assertion', 'suggestion', 'theory', 'speculation']);
const CLAIM_NOUNS = new Set(['claim', 'report', 'allegation', 'suggestion', 'rumour', 'rumor', 'accusation', 'assertion']);

/** Nouns that say whether a "that" clause holds: "no sign that", "no evidence that". */
const EVIDENCE_NOUNS = new Set(['indication', 'sign', 'evidence', 'proof', 'confirmation', 'suggestion', 'hint', 'intention']);
const NO_EVIDENCE = new Set(['no', 'little', 'scant', 'not']);

/** True when "no sign (that)", "little evidence (that)" stand before group `g` with no other verb between. */
function evidenceDenied(tokens: readonly Token[], groups: readonly VerbGroup[], g: VerbGroup): boolean {
  for (let k = g.first - 1; k > 0 && g.first - k <= 10; k--) {
    // "no sign that Russia is withdrawing", or without "that": "no indication Russia is withdrawing"
    const noun = tokens[k].lower === 'that' ? k - 1 : k;
    if (EVIDENCE_NOUNS.has(tokens[noun].lemma) && tokens[noun].pos === 'NOUN') {
      let n = noun - 1;
      while (n >= 0 && tokens[n].pos === 'ADJ' && !NO_EVIDENCE.has(tokens[n].lower)) n--;
      return NO_EVIDENCE.has(tokens[n]?.lower ?? '') && !groups.some((o) => o !== g && o.head > k && o.head < g.first);
    }
    if (tokens[k].pos === 'VERB' || STRONG_BREAK.has(tokens[k].text)) return false;
  }
  return false;
}

/** True when a claim noun and "that" stand before group `g` with no other verb between ("claims that X voted"). */
function claimed(tokens: readonly Token[], groups: readonly VerbGroup[], g: VerbGroup): boolean {
  for (let k = g.first - 1; k > 0 && g.first - k <= 10; k--) {
    if (tokens[k].lower === 'that' && CLAIM_ONLY.has(tokens[k - 1].lemma)) return !groups.some((o) => o !== g && o.head > k && o.head < g.first);
    // a claim often quotes its words: claims that "hundreds" of students voted
    if (tokens[k].pos === 'VERB' || (STRONG_BREAK.has(tokens[k].text) && !QUOTES.has(tokens[k].text))) return false;
  }
  return false;
}

/** True when group `g` stands in a "that" clause governed by a verb of denial, directly or through "claims that". */
function deniedClause(tokens: readonly Token[], groups: readonly VerbGroup[], clauses: readonly Clause[], g: VerbGroup): boolean {
  const clause = clauses[g.clause];
  if (clause.opener !== 'that') return false;
  const gov = groups.filter((o) => o.head < clause.first && o.form !== 'participle').at(-1);
  if (!gov || !DENYING_VERBS.has(tokens[gov.head].lemma)) return false;
  // Only the complement's own words between: "denied that", "dismissed the claims that"
  for (let k = gov.head + 1; k < clause.first; k++) {
    const t = tokens[k];
    if (!(t.pos === 'DET' || t.pos === 'ADJ' || CLAIM_NOUNS.has(t.lemma) || (t.pos === 'PUNCT' && t.text === ','))) return false;
  }
  return true;
}

/** A "since ..." or "for (the past) N years" after token `i` in its clause: the perfect tells a state up to now. */
function stillHolds(tokens: readonly Token[], i: number, clause: Clause): boolean {
  // "since" may open a clause of its own ("since joining NATO"): the next clause's first word counts
  const after = tokens.slice(i + 1, clause.last + 2).map((t) => t.lower).join(' ');
  return /\bsince\b|\bfor (?:the (?:past|last) )?(?:(?:more than|nearly|almost|over|about|\S+) )?(?:years|months|decades|weeks)\b/.test(after);
}

const TIME_WORDS = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'now', 'then']);
const QUANTITIES = /^(thousands|hundreds|dozens|millions|scores|lots|lot|number|numbers|majority|minority|group|groups|handful|couple|pair|crowd|crowds|some|many|most|all|none|each|one|two|three|four|five|six|seven|eight|nine|ten)$/;
/** Prepositions that attach a modifier to the noun before them: "students at the university", "a bus to Bergen". */
const MODIFIER_PREPOSITIONS = new Set(['at', 'in', 'to', 'from', 'for', 'near', 'on', 'with', 'of', 'inside', 'outside', 'across']);

/** A token written against both neighbours: the hyphen of "Lloyd-Webber", not the dash of "DOVER - Officials". */
const CURRENCY = /^[$€£¥]$/;
const glued = (tokens: readonly Token[], i: number) => tokens[i - 1]?.end === tokens[i].start && tokens[i + 1]?.start === tokens[i].end;

/** The noun phrase that ends at token `end` within `clause`: the index of its first word. */
function phraseStartAt(tokens: readonly Token[], clauseOf: readonly number[], clause: number, end: number): number {
  let i = end;
  while (i >= 0 && clauseOf[i] === clause) {
    const t = tokens[i];
    const inside = t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'DET' || (t.pos === 'PART' && t.lower === "'s") ||
      /^['‘’"“”]$/.test(t.text) ||
      (t.text === ',' && /^(jr\.?|sr\.?)$/i.test(tokens[i + 1]?.text ?? '')) || (t.text === '-' && glued(tokens, i)) || (t.pos === 'PRON' && i === end) ||
      // "a $1,100 grant": a currency sign is its amount's
      (CURRENCY.test(t.text) && tokens[i + 1]?.pos === 'NUM' && tokens[i + 1].start === t.end);
    if (!inside) break;
    i--;
    // A determiner opens the phrase: "on Monday a new brigade" is "a new brigade"
    if (t.pos === 'DET' && tokens[i]?.pos !== 'DET') break;
  }
  return i + 1;
}

/**
 * The subject: the noun phrase that ends at token `before` (a verb group's first word minus one), within its clause.
 * Empty when the words there are no noun phrase ("and discussed", "to meet"). A prepositional modifier belongs to
 * the noun before it, which is the subject's head: "students at the state university voted" is the students',
 * "the first bus to Bergen arrived" the bus's; `withModifiers` keeps it ("the people of Iceland").
 * A leading day or month is the clause's time, not the subject: "On Monday officials met".
 */
export function subjectBefore(grammar: SentenceGrammar, before: number, withModifiers = false): Token[] {
  const { tokens, clauseOf } = grammar;
  // "The heads of four rail firms – Arriva, Abellio and Go-Ahead – met": the subject stands before the aside
  if (DASHES.has(tokens[before]?.text ?? '')) {
    let open = before - 1;
    while (open > 0 && before - open < 30 && !DASHES.has(tokens[open].text)) open--;
    if (open > 0 && DASHES.has(tokens[open].text)) before = open - 1;
  }
  // "Harriet Okafor, a retired surgeon, met": the subject stands before an appositive between commas
  if (tokens[before]?.text === ',') {
    let open = before - 1;
    while (open > 0 && before - open < 12 && tokens[open].text !== ',' && /^(DET|ADJ|NOUN|PROPN|NUM|PART)$/.test(tokens[open].pos)) open--;
    const apposed = open > 0 && open < before - 1 && tokens[open].text === ',' && /^(NOUN|PROPN)$/.test(tokens[open - 1].pos) && tokens[open + 1].pos === 'DET';
    if (apposed) before = open - 1;
  }
  const clause = clauseOf[before] ?? clauseOf[before + 1];
  let i = before;
  // "More than 8,000 Eritreans [1] have arrived": a reference mark is not a word of the sentence
  if (i >= 2 && tokens[i].text === ']' && tokens[i - 2].text === '[') i -= 3;
  while (i >= 0 && clauseOf[i] === clause && (tokens[i].pos === 'ADV' || TIME_WORDS.has(tokens[i].lower))) i--;
  let end = i;
  if (end < 0 || !(tokens[end].pos === 'NOUN' || tokens[end].pos === 'PROPN' || tokens[end].pos === 'PRON' || tokens[end].pos === 'NUM' || /^(jr|sr)\.?$/i.test(tokens[end].text))) return [];
  let start = phraseStartAt(tokens, clauseOf, clause, end);
  // "reports of a missile entering": a gerund's subject is the phrase right before it
  const gerund = /ing$/.test(tokens[before + 1]?.lower ?? '') && tokens[before + 1]?.pos === 'VERB';
  let [headStart, headEnd] = [start, end];
  for (let hops = 0; !withModifiers && !gerund && hops < 3; hops++) {
    const prep = tokens[headStart - 1];
    const host = tokens[headStart - 2];
    if (!prep || !host || clauseOf[headStart - 2] !== clause || prep.pos !== 'ADP' || !MODIFIER_PREPOSITIONS.has(prep.lower)) break;
    // "Secretary of State Jane Hale", "Board of Education": "of" between capitals is inside one name
    if (prep.lower === 'of' && /^\p{Lu}/u.test(tokens[headStart].text)) {
      if (!/^\p{Lu}/u.test(host.text) || !(host.pos === 'NOUN' || host.pos === 'PROPN')) break;
      headStart = phraseStartAt(tokens, clauseOf, clause, headStart - 2);
      continue;
    }
    // "Members of the Polish parliament visit": a word capitalised only as the sentence's first, before "of the", is the head
    const opener = host.pos === 'PROPN' && prep.lower === 'of' && headStart - 2 === grammar.clauses[clause].first && /^\p{Ll}/u.test(tokens[headStart].text) && tokens[headStart].pos === 'DET';
    if (!(host.pos === 'NOUN' || (host.pos === 'PROPN' && prep.lower !== 'of') || opener)) break;
    // "thousands of protesters", "dozens of residents": after a quantity the noun of the "of" phrase is the head
    if (prep.lower === 'of' && QUANTITIES.test(host.lower)) break;
    headEnd = headStart - 2;
    headStart = phraseStartAt(tokens, clauseOf, clause, headEnd);
  }
  // "a submarine usually moored in Chatham will travel": a participle's phrase describes the noun before it
  if (!withModifiers && !gerund && tokens[headStart - 1]?.pos === 'ADP') {
    let k = headStart - 2;
    const participle = tokens[k]?.pos === 'VERB' && /(ed|en|wn|lt)$/.test(tokens[k].lower);
    if (participle) {
      k--;
      while (k >= 0 && tokens[k].pos === 'ADV') k--;
      if (k >= 0 && clauseOf[k] === clause && tokens[k].pos === 'NOUN') [headStart, headEnd] = [phraseStartAt(tokens, clauseOf, clause, k), k];
    }
  }
  // "a bus carrying pilgrims plunged": an "-ing" participle and its object describe the noun before them
  if (!withModifiers && !gerund && tokens[headStart - 1]?.pos === 'VERB' && /ing$/.test(tokens[headStart - 1].lower) && clauseOf[headStart - 1] === clause &&
    tokens[headStart - 2]?.pos === 'NOUN' && clauseOf[headStart - 2] === clause) [headStart, headEnd] = [phraseStartAt(tokens, clauseOf, clause, headStart - 2), headStart - 2];
  // ... only when that noun opens the clause: after a verb or a preposition it is some other phrase's object
  const opener = tokens[headStart - 1];
  const opensClause = opener && grammar.clauses[clause].first === headStart - 1;
  // ... but after a verb of saying it is the subject of what is said: "officials said the drone from Belarus crashed"
  const objectOfVerb = opener?.pos === 'VERB' && !SPEECH_VERBS.has(opener.lemma);
  if (headStart !== start && !(opener && clauseOf[headStart - 1] === clause && !opensClause && (objectOfVerb || opener.pos === 'ADP'))) [start, end] = [headStart, headEnd];
  while (start < end && DAY_OR_MONTH.test(tokens[start].lower) && tokens[start].pos === 'PROPN') start++;
  // "Saturday night officials decided": the part of the day goes with it
  while (start < end && /^(night|morning|afternoon|evening)$/.test(tokens[start].lower) && start > 0 && DAY_OR_MONTH.test(tokens[start - 1].lower)) start++;
  // "decided Friday night to host": a time alone is nobody
  if (/^(night|morning|afternoon|evening)$/.test(tokens[start].lower) && DAY_OR_MONTH.test(tokens[start - 1]?.lower ?? '')) return [];
  if (start === end && DAY_OR_MONTH.test(tokens[start].lower) && tokens[start].pos === 'PROPN') return [];
  return tokens.slice(start, end + 1);
}

/** Clauses and verb groups of one sentence's tokens. */
export function analyseSentence(tokens: Token[]): SentenceGrammar {
  const { clauses, clauseOf } = splitClauses(tokens);
  const verbs = verbGroups(tokens, clauses, clauseOf);
  settleMoods(tokens, verbs, clauses);
  settleOpeningGerund(tokens, verbs);
  return { tokens, clauses, clauseOf, verbs };
}

/**
 * "Making her first visit to Cornwall as premier, Morrow is scheduled to arrive on Wednesday": a gerund that opens the
 * sentence tells what the main clause tells, in its mood (an infinitive right after the main verb is what it says).
 */
function settleOpeningGerund(tokens: readonly Token[], groups: VerbGroup[]): void {
  const g = groups[0];
  if (g?.form !== 'gerund' || tokens.slice(0, g.first).some((t) => t.pos !== 'ADV' && t.pos !== 'PUNCT')) return;
  const main = groups.find((o) => o.form === 'finite' && o.first > g.head);
  if (!main) return;
  const complement = groups[groups.indexOf(main) + 1];
  const told = complement?.form === 'infinitive' && complement.first === main.head + 1 ? complement : main;
  g.mood = told.mood;
  g.tense = told.tense;
}

/**
 * The verb group that holds token `i`, or for a noun the verb it depends on: the clause's first finite verb after
 * it when it stands before every finite verb (its subject: "this summit in Oslo will convene"), else the nearest
 * verb before it (its object: "held talks").
 */
export function verbOf(grammar: SentenceGrammar, i: number): VerbGroup | null {
  const own = grammar.verbs.find((g) => g.first <= i && i <= g.head);
  if (own) return own;
  const clause = grammar.clauseOf[i];
  const inClause = grammar.verbs.filter((g) => g.clause === clause);
  const next = inClause.find((g) => g.form === 'finite' && g.first > i);
  const onlyPhraseBetween = next && grammar.tokens.slice(i + 1, next.first).every((t) => t.pos !== 'VERB' && t.text !== ',' && t.pos !== 'SCONJ');
  if (next && onlyPhraseBetween) return next;
  const before = inClause.filter((g) => g.head < i);
  return before.length ? before[before.length - 1] : inClause[0] ?? null;
}

/**
 * The verb of beginning or going on that leads `verb` ("troops began arriving", "began to arrive"), or null: its
 * subject and its time are the led verb's.
 */
export function aspectLead(grammar: SentenceGrammar, verb: VerbGroup): VerbGroup | null {
  if (verb.form !== 'gerund' && verb.form !== 'infinitive') return null;
  const before = grammar.verbs[grammar.verbs.indexOf(verb) - 1];
  return before && before.head === verb.first - 1 && ASPECTUAL.has(grammar.tokens[before.head].lemma) ? before : null;
}

/** Verbs of a journey whose "to"-infinitive says what the traveller does there: "travelled to Vilnius to attend". */
const JOURNEY_VERBS = new Set(['travel', 'fly', 'go', 'come', 'head', 'arrive', 'return', 'journey']);

/**
 * The journey an infinitive of purpose follows ("travelled to Vilnius on Monday to attend a ceremony"): the verb group
 * right before it, a verb of travelling, with no other verb between; null otherwise. What the traveller goes to do
 * happens where and when the journey ends.
 */
export function journeyOf(grammar: SentenceGrammar, verb: VerbGroup): VerbGroup | null {
  if (verb.form !== 'infinitive') return null;
  const before = grammar.verbs[grammar.verbs.indexOf(verb) - 1];
  if (!before || before.form === 'infinitive' || !JOURNEY_VERBS.has(grammar.tokens[before.head].lemma)) return null;
  const between = grammar.tokens.slice(before.head + 1, verb.first);
  return between.some((t) => t.pos === 'VERB' || t.pos === 'SCONJ' || t.pos === 'CCONJ') ? null : before;
}

/**
 * The tense a time expression at document offsets [start, end) is read in: the tense of its clause's verb, or
 * 'unknown' when it modifies a noun ("the April 2-3 NATO Summit": the nearest such days, whatever the clause says).
 * Null when the clause has no verb (the caller falls back on the words around it).
 */
/** What a headline's subject is made of: "Slovak premier", "Germany", "Ga. pastor". */
const HEADLINE_SUBJECT = /^(DET|ADJ|NOUN|PROPN|NUM|PUNCT)$/;
/** A participle that describes the subject: "Scandal-plagued", "Kremlin-backed", a first word "Jailed". */
const describing = (tokens: readonly Token[], k: number) => /(?:ed|en)$/.test(tokens[k].lower) && (k === 0 || tokens[k - 1].text === '-');

export function tenseAt(grammar: SentenceGrammar, start: number, end: number): 'past' | 'present' | 'future' | 'schedule' | 'unknown' | null {
  const { tokens } = grammar;
  let last = -1;
  for (let k = 0; k < tokens.length && tokens[k].start < end; k++) if (tokens[k].end > start) last = k;
  if (last < 0) return null;
  // 'present' resolves to the nearer of the last and the next such day
  const following = tokens[last + 1];
  // ... and so does one that owns a noun ("Saturday's fatal shooting")
  if (following && (following.pos === 'NOUN' || following.pos === 'PROPN' || following.pos === 'ADJ' || /^['’]s$/.test(following.text)) && !/^\p{Lu}\p{Ll}+day$/u.test(following.text)) return 'present';
  const clause = grammar.clauseOf[last];
  // "the hearing is scheduled for 10 a.m. Friday", "the vote is set for May": a day something is arranged for is to come
  const arranged = grammar.verbs.some((g) => g.clause === clause && g.head < last && /^(schedule|set|slate|plan)$/.test(tokens[g.head].lemma) &&
    tokens.slice(g.first, g.head).some((a) => /^(is|are|be|been)$/.test(a.lower)) && tokens[g.head + 1]?.lower === 'for');
  if (arranged) return 'future';
  const inClause = grammar.verbs.filter((g) => g.clause === clause && g.form !== 'participle');
  if (inClause.length === 0) return null;
  // The verb the date follows ("is due to begin in January"), else the one after it ("On Friday, he will travel")
  const before = inClause.filter((g) => g.head < last);
  const g = before.length ? before[before.length - 1] : inClause[0];
  if (g.mood === 'planned') return 'future';
  // "Macron to visit Poland Friday": a headline's infinitive right after its subject, the sentence's first verb, is to come
  if (g.form === 'infinitive' && tokens[g.first].lower === 'to' && g.first > 0 && tokens.slice(0, g.first).every((t, k) => HEADLINE_SUBJECT.test(t.pos) || describing(tokens, k))) return 'future';
  // "Hungary holds an election on Sunday", "the board meets Monday": a weekday beside a verb in the simple present
  // is on a schedule, still to come unless it is yesterday (a report says "held"; a caption's present tells
  // yesterday's picture: dates/resolve.ts); "shut", "hit", "set" bare after a plural may be either tense, and keep
  // the nearer day
  const bare = tokens.slice(g.first, g.head).every((t) => t.pos !== 'AUX');
  if (g.tense === 'present' && g.form === 'finite' && !g.progressive && !(bare && SAME_FORM_PAST.has(tokens[g.head].lower)) && WEEKDAY.test(tokens[last].lower)) return 'schedule';
  return g.tense;
}

