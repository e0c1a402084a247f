// A headline for an event in the text's own words: who did what where ("Biden meets Duda in Warsaw", "Russian
// drones violate Polish airspace", "Harris to travel to Warsaw"), built from the sentence's subject, predicate,
// object and place. Never a template such as "Deployment in X": when the sentence has no subject, the event's
// own words stand ("Summit in Madrid" is the text's "the Summit in Madrid").
import { journeyOf, subjectBefore, type SentenceGrammar } from '../language/clauses.ts';
import { phraseAfter } from './predicates.ts';
import { isPlural } from '../language/reference.ts';
import { asWritten, type Token } from '../language/tagger.ts';
import { AREA_NOUNS, COMPASS, DESTINATION_PREPOSITIONS, EVALUATIVE, FACILITIES, FAMILY_NAME_FIRST, isTimeWord, NAME_TITLES, OFFICES, SEQUENCE, SPEECH_VERBS } from '../lexicon/words.ts';
import type { PlaceInSentence, PlaceRole } from './place-roles.ts';
import type { Predicate } from './predicates.ts';

export const TITLE_DEFAULTS = {
  /** Longest title; a longer one drops its object, then is cut at a word. */
  maxChars: 90,
  /** Most words kept of a subject or object phrase. */
  maxPhraseWords: 6,
};

export interface TitleInput {
  grammar: SentenceGrammar;
  predicate: Predicate;
  place: PlaceInSentence | null;
  role: PlaceRole | 'dateline' | 'anaphor' | 'relative';
  /** The place's name as a title should say it when the sentence does not ("Poland" for "there"). */
  placeName: string;
  /** The person or body a pronoun subject refers to ("Biden" for "he"), from earlier sentences. */
  antecedent: string | null;
  /** The plural phrase a "they" subject stands for, from the sentence before ("600 Dutch soldiers"): language/reference.ts. */
  they?: readonly Token[] | null;
  /** An adjective naming the acting state in the sentence ("Russian"), or null. */
  actorAdjective?: string | null;
  /** For a place taken from another sentence: the preposition it had there ("over" Poland), or null. */
  inferredPrep?: string | null;
  /** For a verb: the event noun that is its act ("crash" for "crashed"), said when the title has no one to name. */
  act?: string | null;
  /** True for a verb of saying ("urged", "condemned"): its subject is no doer of the event noun it governs. */
  says?: (verb: string) => boolean;
}

export interface Title {
  title: string;
  /** 2 with a subject and a verb, 1 with the event's own noun phrase, 0.5 otherwise: merge keeps the best. */
  quality: number;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that']);
const IRREGULAR_PAST = new Map([
  ['meet', 'met'], ['send', 'sent'], ['hold', 'held'], ['fly', 'flew'], ['go', 'went'], ['come', 'came'], ['strike', 'struck'],
  ['hit', 'hit'], ['shoot', 'shot'], ['seize', 'seized'], ['give', 'given'], ['make', 'made'], ['take', 'taken'], ['lead', 'led'],
  ['build', 'built'], ['set', 'set'], ['begin', 'begun'], ['leave', 'left'], ['keep', 'kept'], ['speak', 'spoken'],
]);

const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
const isNominal = (t: Token | undefined) => !!t && (t.pos === 'NOUN' || t.pos === 'PROPN');

/** "meet" -> "meets", "go" -> "goes", "carry" -> "carries". */
export function thirdPerson(lemma: string): string {
  const [verb, ...rest] = lemma.split(' ');
  const form = verb === 'be' ? 'is' : verb === 'have' ? 'has' : /(s|sh|ch|x|z|o)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`;
  return [form, ...rest].join(' ');
}

/** Verbs of two syllables stressed on the last, which double their last consonant before "-ed". */
const STRESSED_LAST = new Set(['expel', 'compel', 'dispel', 'repel', 'propel', 'patrol', 'control', 'commit', 'admit', 'submit', 'permit', 'omit', 'transmit',
  'occur', 'refer', 'confer', 'prefer', 'transfer', 'deter', 'regret', 'equip', 'rebel', 'acquit', 'abet', 'embed']);

/** "deploy" -> "deployed", "send" -> "sent". */
function pastParticiple(lemma: string): string {
  const [verb, ...rest] = lemma.split(' ');
  // a word of one short vowel before its last consonant doubles it: "stab" -> "stabbed", "ban" -> "banned"; so does
  // a word stressed on that last syllable ("expel" -> "expelled", "patrol" -> "patrolled")
  const form = IRREGULAR_PAST.get(verb) ?? (verb.endsWith('e') ? `${verb}d` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ied`
    : /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(verb) || STRESSED_LAST.has(verb) ? `${verb}${verb.at(-1)}ed` : `${verb}ed`);
  return [form, ...rest].join(' ');
}

/** A person's name as headlines give it: "Governor John T. Miller, Jr." -> "Miller"; "First Lady Anna Miller" -> "Anna Miller". */
function nameOf(words: readonly Token[]): string | null {
  const ranked = words.some((t) => /^(president|minister|chancellor|secretary|king|queen|general|premier|mayor|governor|senator|ambassador|admiral|commander|director|pope|emir|leader)$/.test(t.lower));
  const single = words.filter((t) => t.pos === 'PROPN' && !NAME_TITLES.has(t.lower) && !/^[A-Z]\.$/.test(t.text) && /^\p{Lu}/u.test(t.text));
  // "Mills-Carter" is one name: parts the text writes together stay together
  const names: string[] = [];
  for (const t of single) {
    const k = words.indexOf(t);
    const glued = k >= 2 && words[k - 1].text === '-' && words[k - 1].start === words[k - 2].end && words[k - 1].end === t.start;
    if (glued && names.length && single.includes(words[k - 2])) names[names.length - 1] += `-${t.text}`;
    else names.push(t.text);
  }
  if (names.length === 0) return null;
  // "Premier Li Qiang", "President Xi Jinping": a Chinese, Korean or Vietnamese name gives its family name first
  const family = names[names.length - 2];
  if ((ranked || names.length > 2) && family && FAMILY_NAME_FIRST.has(family.toLowerCase())) return family;
  if (ranked || names.length > 2) return names[names.length - 1];
  return names.join(' ');
}

/** A noun phrase shortened for a headline: a name to its headline form, else its last words, without articles. */
function shorten(words: readonly Token[], maxWords: number): string {
  // articles, and the words that point back to the text ("those radar systems", "whose soldiers"), which a headline has not
  const pointing = (t: Token) => /^(DET|PRON)$/.test(t.pos) && /^(the|a|an|this|that|these|those|whose|such)$/.test(t.lower);
  // ... and the words that rank or compare it with others ("a similar meeting", "a further visit")
  const compound = (k: number) => words[k + 1]?.text === '-' && words[k + 1].start === words[k].end;
  const trimmed = words.filter((t, k) => t.text !== ',' && !/^['’"“”]$/.test(t.text) && !pointing(t) && !(t.pos === 'ADJ' && (EVALUATIVE.test(t.lower) || SEQUENCE.test(t.lower)) && !compound(k)));
  while (trimmed.length && (trimmed[0].pos === 'PART' || trimmed[0].pos === 'PUNCT')) trimmed.shift();
  if (trimmed.length === 0) return '';
  // "Finnish President Anna Virtanen and Estonian Premier Jaan Tamm": each person by their headline name
  const and = trimmed.findIndex((t) => t.pos === 'CCONJ' && t.lower === 'and');
  if (and > 0 && and < trimmed.length - 1) {
    const [left, right] = [trimmed.slice(0, and), trimmed.slice(and + 1)];
    const named = (side: Token[]) => side.some((t) => NAME_TITLES.has(t.lower)) && side[side.length - 1].pos === 'PROPN';
    if (named(left) && named(right)) {
      const [a, b] = [nameOf(left), nameOf(right)];
      if (a && b) return `${a} and ${b}`;
    }
  }
  const hasName = trimmed.some((t) => t.pos === 'PROPN') && trimmed.some((t) => NAME_TITLES.has(t.lower));
  const lastIsName = trimmed[trimmed.length - 1].pos === 'PROPN' && !isPlural(trimmed);
  // "the President of Chile": an office of a state is said whole, the state is no one's name
  const of = trimmed.map((t) => t.lower).lastIndexOf('of');
  const firstOf = trimmed.findIndex((t) => t.lower === 'of');
  // ... and "the Government of National Unity", "the Board of Education" are bodies, not a titled person
  const officeOf = (of > 0 && of === trimmed.length - 2 && NAME_TITLES.has(trimmed[of - 1].lower)) || (firstOf > 0 && !NAME_TITLES.has(trimmed[firstOf - 1].lower));
  if (hasName && lastIsName && !officeOf) {
    const name = nameOf(trimmed);
    if (name) return name;
  }
  // the last words as written: "two-metre-high" and "Lloyd-Webber" are one word each, never cut inside
  let from = trimmed.length;
  for (let words = 0; from > 0 && words < maxWords; words++) {
    from--;
    while (from > 0 && trimmed[from - 1].end === trimmed[from].start) from--;
  }
  return asWritten(trimmed.slice(from)).replace(/\s+(['’]s)\b/g, '$1');
}



/** The name after a closing quote that said it: '..." Bush said.' or '..." said Rutte.', or null. */
function speakerAfterQuote(grammar: SentenceGrammar): string | null {
  const { tokens } = grammar;
  let quote = tokens.length - 1;
  while (quote >= 0 && !/^["”]$/.test(tokens[quote].text)) quote--;
  if (quote < 0) return null;
  const rest = tokens.slice(quote + 1).filter((t) => t.pos !== 'PUNCT');
  const verbAt = rest.findIndex((t) => t.pos === 'VERB' && SPEECH_VERBS.has(t.lemma));
  if (verbAt < 0) return null;
  const name = verbAt > 0 ? rest.slice(0, verbAt) : rest.slice(verbAt + 1);
  return name.length > 0 && name.length <= 4 && name.every((t) => t.pos === 'PROPN' || NAME_TITLES.has(t.lower)) ? nameOf(name) : null;
}

/** "the new logistics hub, which was expected to be built": the phrase a relative clause's passive is about. */
function relativeAntecedent(grammar: SentenceGrammar, verb: NonNullable<Predicate['verb']>): Token[] | null {
  const clause = grammar.clauses[verb.clause];
  const { tokens } = grammar;
  if (!clause.opener || !/^(which|that|who)$/.test(clause.opener) || !/^(which|that|who)$/.test(tokens[clause.first]?.lower ?? '')) return null;
  if (!tokens.slice(clause.first + 1, verb.first).every((t) => /^(AUX|VERB|PART|ADV)$/.test(t.pos))) return null;
  const antecedent = subjectBefore(grammar, clause.first - (tokens[clause.first - 1]?.text === ',' ? 2 : 1));
  return antecedent.length ? antecedent : null;
}

/** "Lindgren's first visit started in Naples, where she attended": the name owning something before "she". */
function possessorBefore(grammar: SentenceGrammar, pronoun: number): string | null {
  const { tokens } = grammar;
  for (let k = pronoun - 1; k > 0; k--) {
    if (tokens[k].pos === 'PART' && /^['’]s$/.test(tokens[k].lower) && tokens[k - 1].pos === 'PROPN') {
      const name = subjectBefore(grammar, k - 1);
      return name.length && name.every((t) => t.pos === 'PROPN') ? shorten(name, TITLE_DEFAULTS.maxPhraseWords) || null : null;
    }
  }
  return null;
}

/** The name that says a clause: the subject of the verb of saying just before it, a name (or the name opening the sentence). */
function speakerBefore(grammar: SentenceGrammar, verb: NonNullable<Predicate['verb']>): string | null {
  const { tokens } = grammar;
  const speech = grammar.verbs[grammar.verbs.indexOf(verb) - 1];
  if (!speech || !SPEECH_VERBS.has(tokens[speech.head].lemma)) return null;
  let k = 0;
  while (tokens[k]?.pos === 'PROPN') k++;
  const opening = k > 0 && (tokens[k]?.text === ',' || k === speech.first) ? tokens.slice(0, k) : [];
  const subject = opening.length ? opening : subjectBefore(grammar, speech.first - 1);
  // "he" is one person: not "Officials said he met"
  return subject.length && subject[subject.length - 1].pos === 'PROPN' && !isPlural(subject) ? shorten(subject, TITLE_DEFAULTS.maxPhraseWords) || null : null;
}

/**
 * "The defence ministry announced that it will send 100 soldiers", "Estonia said it would close": "it" after a verb of
 * saying is the body that says it, a singular name or noun that is no person.
 */
function bodyBefore(grammar: SentenceGrammar, verb: NonNullable<Predicate['verb']>, person: string | null): string | null {
  const { tokens } = grammar;
  const speech = grammar.verbs[grammar.verbs.indexOf(verb) - 1];
  if (speech?.form !== 'finite' || !SPEECH_VERBS.has(tokens[speech.head].lemma)) return null;
  const subject = subjectBefore(grammar, speech.first - 1);
  const head = subject[subject.length - 1];
  if (!head || !(head.pos === 'PROPN' || head.pos === 'NOUN') || isPlural(subject) || subject.some((t) => PERSON_WORDS.test(t.lower) || t.text === person)) return null;
  return shorten(subject, TITLE_DEFAULTS.maxPhraseWords) || null;
}

/** Words of a person (the document's person spoken of is one too), whom "it" never stands for. */
const PERSON_WORDS = /^(man|woman|boy|girl|spokesman|spokeswoman|spokesperson|official|minister|president|premier|chancellor|secretary|senator|governor|mayor|leader|officer|source|mr\.?|mrs\.?|ms\.?|dr\.?)$/;

/** The plural subject of the verb of saying before a clause, or of the verbs that verb is joined to. */
function pluralSpeakerBefore(grammar: SentenceGrammar, verb: NonNullable<Predicate['verb']>): string | null {
  const { tokens } = grammar;
  const at = grammar.verbs.indexOf(verb);
  const speech = grammar.verbs[at - 1];
  if (!speech || !SPEECH_VERBS.has(tokens[speech.head].lemma)) return null;
  for (let k = at - 1; k >= 0; k--) {
    const subject = subjectBefore(grammar, grammar.verbs[k].first - 1);
    if (subject.length) return subject[subject.length - 1].pos !== 'PRON' && isPlural(subject) ? shorten(subject, TITLE_DEFAULTS.maxPhraseWords) || null : null;
  }
  return null;
}

/**
 * "the three Dutch engineers and one Belgian pilot arrived", "Putin and Xi held talks": a subject phrase with the
 * conjunct "and" joins to it (`words` itself when there is none). "Deputy Premier and Finance Minister Lena Holm" is one
 * person with two offices.
 */
function withFirstConjunct(grammar: SentenceGrammar, words: Token[]): Token[] {
  const { tokens } = grammar;
  const at = tokens.indexOf(words[0]);
  const and = tokens[at - 1];
  if (and?.lower !== 'and') return words;
  // ... not "Delegations from Russia and Ukraine", where both names are of the phrase after "from"
  const inPhrase = tokens[at - 3]?.pos === 'ADP' && tokens[at - 2]?.pos === 'PROPN';
  if (inPhrase) {
    const head = subjectBefore(grammar, at - 4);
    if (head.length) return head;
  }
  const first = !inPhrase && grammar.clauseOf[at - 1] === grammar.clauseOf[at] ? subjectBefore(grammar, at - 2) : [];
  const office = (t: Token | undefined) => !!t && (NAME_TITLES.has(t.lower) || OFFICES.test(t.lower));
  return first.length && first.every((t) => t.pos !== 'PRON') && !office(first.at(-1)) ? [...first, and, ...words] : words;
}

/** People named by what they are of: "members of parliament", "the head of the army", "leaders of the Baltic states". */
const RELATIONAL = /^(members?|leaders?|heads?|chiefs?|representatives?|delegations?|delegates?|envoys?|ministers?|officials?|commanders?)$/;

/** Verbs whose object is the one who does the "to"-infinitive after it: "expect the brigade to arrive". */
const OBJECT_DOES = new Set(['expect', 'want', 'allow', 'order', 'ask', 'urge', 'invite', 'force', 'encourage', 'permit', 'require', 'tell', 'persuade', 'enable', 'authorise', 'authorize', 'instruct', 'need']);

/** The words of a phrase up to its first preposition: "an undersea cable" of "an undersea cable between Finland and Estonia". */
function headPhrase(grammar: SentenceGrammar, range: [number, number]): Token[] {
  const words = grammar.tokens.slice(range[0], range[1] + 1);
  const prep = words.findIndex((t) => t.pos === 'ADP');
  return prep < 0 ? words : words.slice(0, prep);
}

/**
 * The noun phrase that opens the clause before an aside set off by commas ending right before token `at` ("The
 * library, located two miles east of central Leeds, England, was evacuated"), or none.
 */
function subjectBeforeAside(grammar: SentenceGrammar, at: number): Token[] {
  const { tokens, clauseOf, clauses } = grammar;
  if (tokens[at - 1]?.text !== ',') return [];
  const first = clauses[clauseOf[at - 1]].first;
  let comma = first;
  while (comma < at - 1 && tokens[comma].text !== ',') comma++;
  return comma > first && comma < at - 1 ? subjectBefore(grammar, comma - 1) : [];
}

/** The subject of a predicate, looking into the governing clause for infinitives, relatives and "and" clauses. */
function subjectOf(input: TitleInput): { text: string; plural: boolean } | null {
  const { grammar, predicate } = input;
  if (!predicate.isVerb || !predicate.verb) return null;
  let words = subjectBefore(grammar, predicate.verb.first - 1);
  // "volunteers going to Lviv to hand out food": before an infinitive, a phrase after a preposition or a verb is no subject
  const before = grammar.tokens[grammar.tokens.indexOf(words[0]) - 1];
  // ... except after a verb whose object does the infinitive: "they expect the new brigade to arrive"
  if (predicate.verb.form === 'infinitive' && words.length && before && (before.pos === 'ADP' || (before.pos === 'VERB' && !OBJECT_DOES.has(before.lemma)))) words = [];
  // "will travel to Porto, Portugal to meet staff": the traveller meets, not the place travelled to
  if (predicate.verb.form === 'infinitive' && journeyOf(grammar, predicate.verb)) words = [];
  // "EU foreign ministers are due to meet", "are expected to arrive": the subject stands before "be" and its word
  if (words.length === 0 && predicate.verb.form === 'infinitive') {
    let k = predicate.verb.first - 1;
    while (k > 0 && /^(ADJ|ADV|VERB)$/.test(grammar.tokens[k].pos) && predicate.verb.first - k <= 3) k--;
    if (grammar.tokens[k]?.pos === 'AUX' && /^(is|are|was|were|'s|'re)$/.test(grammar.tokens[k].lower)) words = subjectBefore(grammar, k - 1);
  }
  // "will travel to Warsaw, where he will meet", "to meet with", "and discussed": the subject of the clause before
  for (let k = grammar.verbs.indexOf(predicate.verb) - 1; words.length === 0 && k >= 0; k--) {
    words = subjectBefore(grammar, grammar.verbs[k].first - 1);
  }
  // '"We’ve attended meetings': an opening quote is no part of the subject
  words = words.filter((t) => !/^["“”‘’(]$/.test(t.text));
  if (words.length === 0) return null;
  // "Marines stationed in Okinawa will travel": the noun before a participle that describes it, not the participle's phrase
  const described = grammar.verbs[grammar.verbs.indexOf(predicate.verb) - 1];
  // ... and before a gerund right after it: "Danish pilots flying F-16s intercepted a bomber"
  // (not one inside a name: "the Tartu Riding Club will host")
  const reduced = described?.form === 'participle' || (described?.form === 'gerund' && described.first === described.head && /^\p{Ll}/u.test(grammar.tokens[described.head].text) &&
    /^(NOUN|PROPN)$/.test(grammar.tokens[described.first - 1]?.pos ?? ''));
  if (reduced && described.head < grammar.tokens.indexOf(words[0])) {
    const noun = subjectBefore(grammar, described.first - 1);
    if (noun.length) words = noun;
  }
  // "said Holm, who is visiting Chile": a relative pronoun stands for the name before it
  if (words.length === 1 && /^(who|which|that)$/.test(words[0].lower)) {
    const at = grammar.tokens.indexOf(words[0]);
    const antecedent = subjectBefore(grammar, at - (grammar.tokens[at - 1]?.text === ',' ? 2 : 1), true);
    if (antecedent.length && antecedent[antecedent.length - 1].pos === 'PROPN') words = antecedent;
  }
  if (words.some((t) => t.pos === 'PRON' && /^(whose|which|who|that|what)$/.test(t.lower))) return null;
  // "'Anna and I will travel to Chile,' Lindqvist said": the speaker a quote names after it
  if (words.some((t) => t.text === 'I')) {
    const speaker = speakerAfterQuote(grammar);
    if (speaker) return { text: speaker, plural: false };
  }
  // "Mark Lopez, vice president of the firm, said he met with the governor": the speaker is "he"
  if (words.length === 1 && /^(he|she)$/.test(words[0].lower)) {
    const speaker = speakerBefore(grammar, predicate.verb) ?? possessorBefore(grammar, grammar.tokens.indexOf(words[0]));
    if (speaker) return { text: speaker, plural: false };
  }
  // "the ministry announced that it will send 100 soldiers": "it" is the body that says so
  if (words.length === 1 && words[0].lower === 'it') {
    const body = bodyBefore(grammar, predicate.verb, input.antecedent);
    if (body) return { text: body, plural: false };
  }
  // "Port officials blame the storm ..., and say they have evacuated crews": "they" are those who say it
  if (words.length === 1 && words[0].lower === 'they') {
    const speakers = pluralSpeakerBefore(grammar, predicate.verb);
    if (speakers) return { text: speakers, plural: true };
  }
  // "Some 600 Dutch soldiers left Oldenburg on Monday. They will arrive in Kaunas": the phrase the sentence before names
  if (words.length === 1 && words[0].lower === 'they' && input.they?.length) {
    const text = shorten(input.they, TITLE_DEFAULTS.maxPhraseWords);
    if (text) return { text, plural: true };
  }
  if (words.length === 1 && PRONOUNS.has(words[0].lower)) {
    // "he", "she", "they" refer back; "we" and "I" are the speaker, whom a headline cannot name unless the quote does
    return input.antecedent && /^(he|she|they)$/.test(words[0].lower) ? { text: input.antecedent, plural: words[0].lower === 'they' } : null;
  }
  // "Members of the Polish parliament visit": a person noun that says whose (members, leaders, head) keeps its "of" phrase
  const after = grammar.tokens.indexOf(words[words.length - 1]) + 1;
  if (grammar.tokens[after]?.lower === 'of' && words.length === 1 && RELATIONAL.test(words[0].lower) && after < predicate.verb.first) {
    const whole = grammar.tokens.slice(grammar.tokens.indexOf(words[0]), predicate.verb.first).filter((t) => t.pos !== 'ADV');
    const text = shorten(whole, TITLE_DEFAULTS.maxPhraseWords + 2);
    if (text) return { text, plural: isPlural(words) };
  }
  const both = withFirstConjunct(grammar, words);
  if (both !== words) return { text: shorten(both, TITLE_DEFAULTS.maxPhraseWords), plural: true };
  const short = shorten(words, TITLE_DEFAULTS.maxPhraseWords);
  // The text's own agreement settles it: "Ministers meet" (a present verb without -s after an -s subject)
  const verb = grammar.tokens[predicate.verb.head];
  const agreesPlural = predicate.verb.tense === 'present' && verb.lower === verb.lemma && /s$/.test(words[words.length - 1].lower);
  return short ? { text: short, plural: agreesPlural || isPlural(words) } : null;
}

/** "fired on Kherson": a verb's object taken after its preposition keeps it, or the headline says "fires Kherson". */
function withPreposition(input: TitleInput, object: string | null): string | null {
  const { predicate, grammar } = input;
  const at = predicate.object ? predicate.object[0] - 1 : -1;
  const prep = at === predicate.head + 1 && grammar.tokens[at].pos === 'ADP' && !/^(of|down|up|off|out)$/.test(grammar.tokens[at].lower) ? grammar.tokens[at].lower : null;
  return object && prep && !object.toLowerCase().startsWith(`${prep} `) ? `${prep} ${object}` : object;
}

/** The object phrase of a verb predicate, shortened, or null. */
function objectOf(input: TitleInput): string | null {
  const { grammar, predicate } = input;
  const { tokens } = grammar;
  let range = predicate.object;
  // "met with President Duda": the partner follows "with"
  if (!range && tokens[predicate.head + 1]?.lower === 'with') {
    let i = predicate.head + 2;
    const start = i;
    while (i < tokens.length && grammar.clauseOf[i] === grammar.clauseOf[predicate.head] && (isNominal(tokens[i]) || tokens[i].pos === 'ADJ' || tokens[i].pos === 'DET' || (tokens[i].text === '.' && tokens[i - 1]?.pos === 'PROPN'))) i++;
    if (i > start) range = [start, i - 1];
  }
  if (!range) return null;
  // "slammed head-on into a wall": a word glued to a hyphen after it is half of an adverb, not an object
  const after = tokens[range[1] + 1];
  if (after?.text === '-' && after.start === tokens[range[1]].end) return null;
  const words = tokens.slice(range[0], range[1] + 1);
  if (input.role === 'area' && /^(its|their)$/.test(words[0]?.lower ?? '')) return `${input.placeName}'s ${asWritten(words.slice(1))}`;
  // The place is said apart: "struck Kyiv" keeps it, "hosting 2,000 Dutch marines" has none.
  const place = input.place;
  // "shelled Kharkiv and Sumy": the event at Sumy names Sumy, the one at Kharkiv Kharkiv
  const between = place && place.first > range[1] ? tokens.slice(range[1] + 1, place.first) : null;
  if (between?.length && between.some((t) => t.pos === 'CCONJ') && between.every((t) => t.pos === 'PROPN' || t.pos === 'CCONJ' || t.text === ',')
    && words.every((t) => t.pos === 'PROPN') && input.role === 'undergoer') return place!.phrase;
  if (place && place.first >= range[0] && place.last <= range[1] && (input.role === 'undergoer' || input.role === 'area')) {
    const before = tokens.slice(range[0], place.first);
    // "shelled Kharkiv and Sumy": each place's event names its own place of the list
    const list = before.every((t) => t.pos === 'PROPN' || t.pos === 'CCONJ' || t.text === ',');
    // "closed Copenhagen airport": the facility is what was acted on, its place only names it
    const facility = place.headNoun !== null && FACILITIES.has(place.headNoun);
    return (before.length && !list) || facility ? shorten(words, TITLE_DEFAULTS.maxPhraseWords) : input.place!.phrase;
  }
  // "shelled the town of Nikopol": the place the area noun names says it
  if (place && input.role === 'undergoer' && AREA_NOUNS.has(tokens[range[1]].lemma) && tokens[range[1] + 1]?.lower === 'of' && place.first > range[1] && place.first <= range[1] + 3) return place.phrase;
  if (words.every((t) => t.pos === 'PRON')) return null;
  return shorten(words, TITLE_DEFAULTS.maxPhraseWords) || null;
}

/** How the headline says where: "in Warsaw", "to Poland", "over Poland"; empty when the object already names it. */
function wherePhrase(input: TitleInput, objectHasPlace: boolean, subjectIsPlace: boolean): string {
  if (objectHasPlace || subjectIsPlace) return '';
  const { place, role, placeName } = input;
  const name = place && (role === 'locative' || role === 'destination' || role === 'area') ? place.phrase : placeName;
  // a place taken from a neighbouring sentence keeps the preposition it had there ("flights over Poland")
  const prep = input.inferredPrep ?? place?.prep;
  if (role === 'anaphor' && prep && /^(over|in|at|near|along|across)$/.test(prep)) return `${prep} ${placeName}`;
  // "slammed into the Florida Keys": a destination "into" a place stays so
  if (role === 'destination') return `${place?.prep === 'into' ? 'into' : 'to'} ${name}`;
  if (role === 'area' && place?.prep && place.prep !== 'of') return `${place.prep} ${name}`;
  // "at the alliance's Brussels headquarters": the city qualifies a building, so the event is in the city
  // "a depot 20 km north of Kharkiv": the compass point as written
  const tokens = input.grammar.tokens;
  if (role === 'locative' && place?.prep === 'near' && tokens[place.first - 1]?.lower === 'of' && COMPASS.test(tokens[place.first - 2]?.lower ?? '')) return `${tokens[place.first - 2].lower} of ${name}`;
  // "travelled to Vilnius to attend": where the journey ends is where the attending is, in Vilnius
  if (role === 'locative' && place?.prep) return `${(place.headNoun && place.phrase === place.mention.text) || DESTINATION_PREPOSITIONS.has(place.prep) ? 'in' : place.prep} ${name}`;
  if (role === 'undergoer' && input.predicate.isVerb) return place?.prep && place.prep !== 'of' ? `${place.prep} ${name}` : name;
  if (role === 'undergoer' && place?.prep) return `${place.prep} ${name}`;
  return `in ${name}`;
}

/** The event noun with its own modifiers: "the April 2-3, 2030 NATO Summit" -> "NATO Summit". */
function nounPhrase(input: TitleInput): string {
  const { grammar, predicate, place } = input;
  const { tokens } = grammar;
  // "the creation of two new air wings", "the inauguration of Petra Novak": the act and what it acts on
  const ofPhrase = predicate.object ?? (tokens[predicate.head + 1]?.lower === 'of' ? phraseAfter(tokens, predicate.head + 1) : null);
  if (ofPhrase && ofPhrase[0] > predicate.head) {
    const object = shorten(tokens.slice(ofPhrase[0], ofPhrase[1] + 1), TITLE_DEFAULTS.maxPhraseWords);
    if (object && !(place && object.includes(place.mention.text))) return `${predicate.text} of ${object}`;
  }
  let i = predicate.first;
  // "a NATO defense ministers' meeting", "Russia's invasion": nouns, adjectives and possessives before the event noun
  const inPhrase = (t: Token) => isNominal(t) || t.pos === 'ADJ' || (t.pos === 'PART' && /^['’]s?$/.test(t.lower)) || t.text === '’' || t.text === "'";
  while (i > 0 && (inPhrase(tokens[i - 1]) || tokens[i - 1].end === tokens[i].start) && !(place && place.first <= i - 1 && i - 1 <= place.last)) i--;
  const timeWord = (t: Token) => isTimeWord(t.lower);
  // a number or a dash standing alone is a date's or a count's; inside a compound ("20-minute") it is the word's own
  const glued = (k: number) => tokens[k - 1]?.end === tokens[k].start || tokens[k + 1]?.start === tokens[k].end;
  const words = tokens.slice(i, predicate.head + 1).filter((t, k) => ((t.pos !== 'NUM' && t.pos !== 'PUNCT') || (glued(i + k) && (t.pos === 'NUM' || t.text === '-'))) &&
    !timeWord(t) && !(t.pos === 'ADJ' && (EVALUATIVE.test(t.lower) || SEQUENCE.test(t.lower))));
  while (words.length && words[0].pos === 'PART') words.shift();
  // "Hurricane Milton", "Storm Ciaran": a capitalised event word followed by its name
  let end = predicate.head;
  const named = (t: Token | undefined) => !!t && t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text) && !timeWord(t) && !(place && place.first <= tokens.indexOf(t) && tokens.indexOf(t) <= place.last);
  if (/^\p{Lu}/u.test(tokens[predicate.head].text)) while (end - predicate.head < 3 && named(tokens[end + 1])) end++;
  return asWritten([...words, ...tokens.slice(predicate.head + 1, end + 1)]).replace(/\s+(['’]s?)(?=\s|$)/g, '$1');
}

/** Who does a noun's event, said after it: "a speech by the chancellor", "an attack by militants" (not a place). */
function agentAfter(input: TitleInput): string | null {
  const { grammar, predicate, place } = input;
  const { tokens } = grammar;
  if (tokens[predicate.head + 1]?.lower !== 'by') return null;
  const range = phraseAfter(tokens, predicate.head + 1);
  if (!range || (place && place.first <= range[1] && place.last >= range[0])) return null;
  return shorten(tokens.slice(range[0], range[1] + 1), TITLE_DEFAULTS.maxPhraseWords) || null;
}

/**
 * The verb an event noun is the object of, and its subject: "Allied troops held an exercise", "Russia launched an
 * attack". Only when the words between the verb and the noun are the noun's own (articles, numbers, adjectives, nouns).
 */
function governingVerb(input: TitleInput): { subject: string; plural: boolean; lemma: string; planned: boolean; present: boolean } | null {
  const { grammar, predicate } = input;
  const { tokens } = grammar;
  const verb = grammar.verbs.filter((v) => v.head < predicate.first && v.clause === grammar.clauseOf[predicate.first] && v.form === 'finite').at(-1);
  if (!verb || verb.mood === 'negated' || verb.mood === 'hypothetical') return null;
  // "worrying results prompted a meeting", "Norway condemned the attack": said of the event, not done
  if (input.says?.(tokens[verb.head].lemma)) return null;
  for (let k = verb.head + 1; k < predicate.first; k++) {
    if (!(isNominal(tokens[k]) || ['DET', 'ADJ', 'NUM'].includes(tokens[k].pos) || (tokens[k].pos === 'PART' && /^['’]s?$/.test(tokens[k].lower)) ||
      (tokens[k].text === '-' && tokens[k - 1].end === tokens[k].start))) return null;
  }
  const last = subjectBefore(grammar, verb.first - 1);
  if (last.length === 0 || last.every((t) => t.pos === 'PRON')) return null;
  const words = withFirstConjunct(grammar, last);
  const subject = shorten(words, TITLE_DEFAULTS.maxPhraseWords);
  return subject ? { subject, plural: words !== last || isPlural(words), lemma: tokens[verb.head].lemma, planned: verb.mood === 'planned', present: verb.tense === 'present' && tokens[verb.head].lower !== tokens[verb.head].lemma } : null;
}

/**
 * The verb an event noun is the subject of, when that verb's object names the event's place: "Hurricane Delia hit US
 * soil", "a wildfire swept the outskirts of Athens". Said with a preposition the place would not fit the object
 * ("Hurricane Delia in US soil").
 */
function verbOfSubject(input: TitleInput): { lemma: string; object: string; planned: boolean; plural: boolean } | null {
  const { grammar, predicate, place } = input;
  const { tokens } = grammar;
  if (!place || place.prep !== null) return null;
  const verb = grammar.verbs.find((v) => v.first > predicate.head && v.clause === grammar.clauseOf[predicate.head] && v.form === 'finite');
  if (!verb || verb.mood === 'negated' || verb.mood === 'hypothetical' || input.says?.(tokens[verb.head].lemma)) return null;
  // only the noun's own name or an adverb between it and its verb ("Hurricane Delia hit", "the storm later hit")
  for (let k = predicate.head + 1; k < verb.first; k++) if (!(tokens[k].pos === 'PROPN' || tokens[k].pos === 'ADV')) return null;
  // ... and an active verb: "the hurricane was downgraded" says nothing of where it struck
  if (tokens.slice(verb.first, verb.head).some((t) => t.lemma === 'be') || /^(be|have)$/.test(tokens[verb.head].lemma)) return null;
  const object = phraseAfter(tokens, verb.head);
  if (!object || place.first < object[0] || place.last > object[1]) return null;
  // "a tornado struck the Tulsa suburbs Tuesday": a day after the object is none of it
  let last = object[1];
  while (last > object[0] && isTimeWord(tokens[last].lower)) last--;
  const words = tokens.slice(object[0], last + 1);
  return { lemma: tokens[verb.head].lemma, object: shorten(words, TITLE_DEFAULTS.maxPhraseWords), planned: verb.mood === 'planned', plural: isPlural(tokens.slice(predicate.first, predicate.head + 1)) };
}

/**
 * The event's phrase in lower case when it opens with the event noun capitalised only where a sentence or a headline
 * starts ("Attack on ..."); a name before the noun keeps its capital ("Fort Mill fire").
 */
function commonNoun(input: TitleInput, phrase: string): string {
  const word = input.grammar.tokens[input.predicate.first];
  return /^\p{Lu}\p{Ll}/u.test(phrase) && word?.pos === 'NOUN' && phrase.startsWith(word.text) ? `${phrase[0].toLowerCase()}${phrase.slice(1)}` : phrase;
}

/** The headline of one event. */
export function makeTitle(input: TitleInput, opts = TITLE_DEFAULTS): Title {
  const { predicate, role } = input;
  if (!predicate.isVerb) {
    const phrase = nounPhrase(input) || predicate.text;
    const light = governingVerb(input);
    if (light) {
      // "the board set a meeting for Friday": the meeting is to come, the setting is done
      // ... and "Hungary holds an election on Sunday" (told on a Tuesday) is to come, as its own date says
      const verb = light.planned || (predicate.status === 'planned' && light.present) ? `to ${light.lemma}` : light.plural ? light.lemma : thirdPerson(light.lemma);
      const where = wherePhrase(input, false, light.subject === input.placeName);
      const noun = commonNoun(input, phrase);
      return { title: clip(cap([light.subject, verb, noun, where].filter(Boolean).join(' ')), opts.maxChars), quality: 2 };
    }
    // "Hurricane Delia hit US soil": the noun is the subject of a verb whose object names the place
    const told = verbOfSubject(input);
    if (told) {
      const verb = told.planned ? `to ${told.lemma}` : told.plural ? told.lemma : thirdPerson(told.lemma);
      return { title: clip(cap([phrase, verb, told.object].join(' ')), opts.maxChars), quality: 2 };
    }
    // "a massive attack on western Ukraine" after "Russian drones": the acting state names the attack
    const lower = commonNoun(input, phrase);
    const agent = agentAfter(input);
    const head = input.actorAdjective && !phrase.includes(input.actorAdjective) ? `${input.actorAdjective} ${lower}` : agent ? `${phrase} by ${agent}` : phrase;
    const where = wherePhrase(input, false, false);
    // "Speech in Poland": the event word alone with its place is a template, not the text's account of who did what
    const bare = head.toLowerCase() === predicate.text.toLowerCase() && role !== 'undergoer' && role !== 'area';
    return { title: clip(cap(`${head} ${where}`.trim()), opts.maxChars), quality: bare ? 0.5 : 1 };
  }
  // "debris fell on houses in Kyiv": the attack the verb tells, where it fell
  // the act is a noun, and takes its place as a noun does ("Quarantine in Kitale", not "Quarantine Kitale")
  if (predicate.act) return { title: clip(cap([predicate.act, wherePhrase({ ...input, predicate: { ...predicate, isVerb: false } }, false, false)].join(' ')), opts.maxChars), quality: 1 };
  // "Norway hosts 2,000 Dutch marines": the host is the subject, whoever thanked it
  const found = role === 'host' ? { text: input.placeName, plural: false } : predicate.passive ? null : subjectOf(input);
  const subject = found?.text ?? null;
  const subjectIsPlace = role === 'host' && !!subject;
  const object = withPreposition(input, objectOf(input));
  const objectHasPlace = !!object && !!input.place && object.includes(input.place.mention.text);
  const subjectNamesPlace = !!subject && (subject === input.placeName || (!!input.place && subject.includes(input.place.mention.text)));
  const where = wherePhrase(input, objectHasPlace, subjectIsPlace || subjectNamesPlace);
  const plural = found?.plural ?? false;
  // the particle the verb's object comes after ("shut down the borders", "20 drones shot down", not "Down 20 drones shot")
  const particle = predicate.object && predicate.object[0] === predicate.head + 2 && /^(down|up|off|out)$/.test(input.grammar.tokens[predicate.head + 1].lower) ? input.grammar.tokens[predicate.head + 1].lower : '';
  if (subject) {
    const verb = `${predicate.status === 'planned' ? `to ${predicate.lemma}` : plural ? predicate.lemma : thirdPerson(predicate.lemma)}${particle ? ` ${particle}` : ''}`;
    const full = [subject, verb, object, where].filter(Boolean).join(' ');
    const title = full.length <= opts.maxChars || !object ? full : [subject, verb, where].filter(Boolean).join(' ');
    return { title: clip(cap(title), opts.maxChars), quality: 2 };
  }
  // A passive: its subject and what happened to it ("Medical supplies delivered to Moldova").
  if (predicate.passive && predicate.verb) {
    // "An undersea cable between Finland and Estonia was damaged": a frame's subject is its noun, before its phrases
    const clauseFirst = input.grammar.clauses[input.grammar.clauseOf[predicate.first]].first;
    const framedSubject = predicate.source === 'frame' && predicate.object && predicate.object[0] === clauseFirst && predicate.object[1] < predicate.first &&
      input.grammar.tokens.slice(predicate.object[0], predicate.object[1] + 1).some((t) => t.pos === 'ADP') ? headPhrase(input.grammar, predicate.object) : [];
    const undergoer = framedSubject.length ? framedSubject : relativeAntecedent(input.grammar, predicate.verb) ?? subjectBefore(input.grammar, predicate.verb.first - 1) ?? [];
    // "The library, two miles east of central Leeds, was evacuated": the subject before what commas set off
    if (undergoer.length === 0) undergoer.push(...subjectBeforeAside(input.grammar, predicate.verb.first));
    const text = shorten(undergoer, opts.maxPhraseWords);
    const done = predicate.status === 'planned' ? `to be ${pastParticiple(predicate.lemma)}` : pastParticiple(predicate.lemma);
    if (text && !undergoer.every((t) => t.pos === 'PRON')) return { title: clip(cap([text, done, where].filter(Boolean).join(' ')), opts.maxChars), quality: 1.5 };
  }
  // No subject, a partner: "met with Gov. Tom Walsh" is a meeting with him, not something done to him
  // ... and so is "met Giorgia Meloni" ("Meloni met in Rome" would say she was the one met by no one)
  if (object && predicate.category === 'meeting' && (input.grammar.tokens[predicate.head + 1]?.lower === 'with' || predicate.lemma === 'meet')) {
    return { title: clip(cap(['Meeting with', object, where].filter(Boolean).join(' ')), opts.maxChars), quality: 1 };
  }
  // No subject: the object and what happened to it ("4,700 servicemembers deployed to Poland").
  // ... and one to come is "to be" done ("Libya to be visited", not "Libya visited")
  if (object) return { title: clip(cap([object, predicate.status === 'planned' ? 'to be' : '', pastParticiple(predicate.lemma), particle, where].filter(Boolean).join(' ')), opts.maxChars), quality: 1 };
  // "... and slammed head-on into a wall in Berlin": no one to name, so the act itself ("Crash in Berlin", not "Crashed in Berlin")
  const act = predicate.isVerb && input.act ? input.act : predicate.text;
  return { title: clip(cap([act, where].filter(Boolean).join(' ')), opts.maxChars), quality: 0.5 };
}

function clip(title: string, max: number): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}
