// A headline for an event from its parts: "Three Russian MiG-31 jets violate Estonian airspace" when the sentence
// has a plain subject-verb-place shape, else a template built from the trigger and the place ("Gains around Kurakhove").
import type { Category } from '../model/event.ts';
import type { GazetteerEntry, MentionForm, Span } from './types.ts';
import { verbForms, type FoundTrigger } from './trigger.ts';

export const TITLE_DEFAULTS = {
  /** Longest subject, in words, taken from the sentence ("three Russian MiG-31 jets"). */
  maxSubjectWords: 6,
  /** Longest object kept between verb and place ("strike an oil refinery in Ryazan"). */
  maxObjectWords: 5,
  /** Titles longer than this fall back to the template. */
  maxTitleChars: 90,
};

/** How the text relates a place to the event (see events.ts). */
export type PlaceRole = 'locative' | 'airspace' | 'object' | 'to' | 'target' | 'premod' | 'dateline' | 'speech' | 'actor' | 'other';

export interface TitlePlace extends Span {
  text: string;
  entry: GazetteerEntry;
  form: MentionForm;
  role: PlaceRole;
  /** The preposition that introduced the place ("near", "in"), or null. */
  prep: string | null;
  /** For the airspace role: "Estonian airspace" as written. */
  airspacePhrase: string | null;
}

export interface TitleParts {
  text: string;
  sentence: Span;
  category: Category;
  trigger: FoundTrigger;
  place: TitlePlace;
  /** An adjective naming the acting state as written in the sentence ("Russian"), or null. */
  actorAdjective: string | null;
}

export interface Title {
  title: string;
  /** 2 for a subject-verb headline, 1.5 for a template naming who, 1 for a bare template; merge keeps the best. */
  quality: number;
}

const DEFAULT_PREP: Record<Category, string> = {
  meeting: 'in', incursion: 'into', deployment: 'in', mission: 'in', headquarters: 'in',
  incident: 'near', strike: 'on', advance: 'near', aid: 'to', other: 'in',
};
const HEAD: Record<Category, string> = {
  meeting: 'Meeting', incursion: 'Airspace incursion', deployment: 'Deployment', mission: 'Mission',
  headquarters: 'Headquarters', incident: 'Incident', strike: 'Strike', advance: 'Advance', aid: 'Aid', other: 'Event',
};
const INCIDENT_HEAD: Record<string, string> = { crash: 'Crash', explode: 'Explosion', sabotage: 'Sabotage' };

const CLAUSE_BOUNDARY =
  /[,;:()"“”—–]|\b(?:when|after|as|while|that|which|who|because|since|before|following|where|and|but|if|although|though)\b/gi;
const TRAILING_AUX =
  /\s+(?:have|has|had|are|is|was|were|will|would|be|been|being|also|reportedly|allegedly|then|later|again|already|recently|just|now|last|reportedly)\s*$/i;
// "..., said allies would meet": the reported clause's subject is what follows the speech verb.
const LEADING_SPEECH = /^(?:said|says|told \p{L}+|added|noted|warned|announced|stated|insisted|confirmed)\s+(?:that\s+)?/iu;
const PASSIVE_AUX = /\b(?:was|were|been|being|be|is|are)\s*$/i;
const PRONOUN = /^(?:it|its|they|them|he|she|we|i|you|this|these|those|there|here|one|some|many|which|who|what)\b/i;
const DETERMINER = /^(?:a|an|the|its|their|his|her)\s+/i;
// Verbs that need an object to make a headline: "Germany launches in Vilnius" says nothing.
const TRANSITIVE = new Set(['launch', 'deploy', 'send', 'pledge', 'deliver', 'capture', 'seize', 'recapture', 'retake', 'station', 'bomb', 'shell', 'hit', 'violate', 'enter', 'breach', 'sabotage']);
const PLACE_PREP = /^(?:in|near|around|into|over|outside|across|to|toward|towards|along|off|inside|within|throughout|on|above|against|at)$/i;

/** Titles look at most this far back from the trigger; a subject or a name is never longer. */
const LOOKBACK_CHARS = 200;

const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

function placeName(parts: TitleParts): string {
  const { place, text } = parts;
  if (place.airspacePhrase) return place.airspacePhrase;
  // "KHARKIV" in a dateline, "Polish" for Poland: the gazetteer's name reads better.
  if (place.form === 'adjective' || (place.text.length > 3 && /^[\p{Lu}\s.'-]+$/u.test(place.text))) return place.entry.name;
  const article = place.entry.kind === 'region' && /\bthe\s$/i.test(text.slice(Math.max(0, place.start - 4), place.start));
  return article && !/^the\s/i.test(place.text) ? `the ${place.text}` : place.text;
}

function placePhrase(parts: TitleParts, withVerb: boolean): string {
  const { place, category } = parts;
  const name = placeName(parts);
  if (place.role === 'airspace') {
    if (category === 'incursion') return withVerb ? name : `${place.prep && place.prep !== 'in' ? place.prep : 'into'} ${name}`;
    return `over ${place.entry.name}`;
  }
  if (place.role === 'object' && withVerb) return name;
  let prep = place.prep && PLACE_PREP.test(place.prep) ? place.prep.toLowerCase() : DEFAULT_PREP[category];
  if (prep === 'at' && place.entry.kind !== 'site') prep = 'in';
  if (prep === 'on' && category !== 'strike') prep = 'in';
  return `${prep} ${name}`;
}

/** "three Russian MiG-31 jets" from "Subsequently, three Russian MiG-31 jets violated ...", or null. */
function subjectBefore(parts: TitleParts, opts: typeof TITLE_DEFAULTS): string | null {
  const before = parts.text.slice(Math.max(parts.sentence.start, parts.trigger.start - LOOKBACK_CHARS), parts.trigger.start);
  if (PASSIVE_AUX.test(before) && !/ing$/i.test(parts.trigger.text)) return null;
  let from = 0;
  CLAUSE_BOUNDARY.lastIndex = 0;
  for (let m = CLAUSE_BOUNDARY.exec(before); m; m = CLAUSE_BOUNDARY.exec(before)) from = m.index + m[0].length;
  let subject = before.slice(from).trim();
  for (let prev = ''; prev !== subject; ) {
    prev = subject;
    subject = subject.replace(TRAILING_AUX, '').trim();
  }
  subject = subject.replace(LEADING_SPEECH, '').replace(DETERMINER, '').replace(/\s+\p{L}+ly$/u, '');
  const words = subject.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > opts.maxSubjectWords) return null;
  if (PRONOUN.test(subject) || !/^[\p{L}\p{N}]/u.test(subject)) return null;
  // A subject is a noun phrase: no preposition inside it ("On day two of the ...").
  if (words.some((w) => /^(?:of|in|on|at|for|with|by|from|to|into|about|is|are|was|were|has|have|had|whether|if)$/i.test(w))) return null;
  if (/^(?:the|a|an|its|their|this|that)$/i.test(words[words.length - 1])) return null;
  return subject;
}

/** What the verb acts on, when the text puts it between verb and place: "struck [an oil refinery] in Ryazan". */
function objectBetween(parts: TitleParts, opts: typeof TITLE_DEFAULTS): string | null {
  if (parts.place.role === 'object' || parts.place.role === 'airspace') return null;
  const between = parts.text.slice(parts.trigger.end, parts.place.start);
  const m = /^\s+(.+?)\s+(?:in|at|near|around|into|over|outside|across|to|toward|towards|along|off|inside|within|on|against|for)(?:\s+(?:the|its|their))?(?:\s+[\p{Ll}-]+ern)?\s*$/u.exec(between);
  if (!m) return null;
  const object = m[1].replace(DETERMINER, '');
  const words = object.split(/\s+/);
  if (words.length > opts.maxObjectWords || /[,;:()"“”—–]/.test(object.replace(/(\d),(\d)/g, '$1$2'))) return null;
  if (words.some((w) => /^(?:of|for|with|by|from|that|which|who|and|said|says|was|were|is|are|has|have|had|will)$/i.test(w)) && words.length > 3) return null;
  return object;
}

/** The object right after the verb when the place is elsewhere (a dateline): "struck [a residential building] on Tuesday". */
function objectAfter(parts: TitleParts, opts: typeof TITLE_DEFAULTS): string | null {
  const after = parts.text.slice(parts.trigger.end, parts.sentence.end);
  const m = /^\s+(.+?)(?=\s+(?:on|in|at|near|overnight|yesterday|today|last|this|early|late|after|before|during|as|while|with|when)\b|[,.;:!?]|$)/.exec(after);
  if (!m) return null;
  const object = m[1].replace(DETERMINER, '');
  if (/^(?:on|in|at|near|around|into|over|to|from|by|for|with|after|before|during|as|that)\b/i.test(object)) return null;
  return object.split(/\s+/).length <= opts.maxObjectWords ? object : null;
}

function headlineVerb(trigger: FoundTrigger, subject: string): string {
  const last = subject.split(/\s+/).pop() ?? '';
  // "United States", "Netherlands": names that look plural and are one state.
  const singularName = /^\p{Lu}/u.test(last) && /(?:States|Nations|Emirates|Netherlands|Philippines|Islands|Bahamas|Maldives|Seychelles)$/.test(last);
  const plural = !singularName && (/\band\b/i.test(subject) || /[^su]s$/i.test(last));
  return plural ? trigger.lemma : verbForms(trigger.lemma)[1];
}

/** Capitalised words right before a noun trigger: "NATO Defense Ministers" meeting, "'Eastern Sentry'" mission. */
function namePrefix(parts: TitleParts): string | null {
  const before = parts.text.slice(Math.max(parts.sentence.start, parts.trigger.start - LOOKBACK_CHARS), parts.trigger.start);
  // Capitalised words, then perhaps the lower-case words bodies are named with ("NATO defense ministers' meeting").
  const m = /((?:[\p{Lu}\p{N}][\p{L}\p{N}’'.-]*\s+){1,5}(?:(?:defen[cs]e|foreign|finance|interior|economy|energy|health|trade|ministers?|leaders|chiefs|officials|heads|members|allies|allied|security|military)\s+){0,3})$/u
    .exec(before.replace(/['‘’"“”]\s*$/u, ' ').replace(/['‘’"“”]/gu, ''));
  if (!m) return null;
  const words = m[1].trim().split(/\s+/);
  while (words.length && /^(?:a|an|the|this|that|these|those|on|in|at|as|during|after|before|of)$/i.test(words[0])) words.shift();
  return words.length ? words.join(' ') : null;
}

/** The name the sentence gives a mission: "The 'Eastern Sentry' mission". */
function missionName(parts: TitleParts): string | null {
  const sentence = parts.text.slice(parts.sentence.start, parts.sentence.end);
  const at = /\bmission\b/i.exec(sentence);
  if (!at) return null;
  return namePrefix({ ...parts, trigger: { ...parts.trigger, start: parts.sentence.start + at.index } });
}

/** An acronym the sentence gives for what it names: "..., or NSATU," / "(NSATU)". */
function acronym(parts: TitleParts): string | null {
  const sentence = parts.text.slice(parts.sentence.start, parts.sentence.end);
  const m = /(?:,\s*or\s+|\()(\p{Lu}{3,})\b/u.exec(sentence);
  return m ? m[1] : null;
}

/** The event's headline and how good it is. */
export function makeTitle(parts: TitleParts, opts = TITLE_DEFAULTS): Title {
  const made = headline(parts, opts);
  // Text may carry tabs, no-break spaces or a line end inside a phrase; a title is one plain line.
  return { ...made, title: made.title.replace(/\s+/gu, ' ').trim() };
}

function headline(parts: TitleParts, opts: typeof TITLE_DEFAULTS): Title {
  const { trigger, place, category } = parts;
  // "In Lviv, a drone struck a building": a place set before the clause frames it like a dateline.
  const dateline = place.role === 'dateline' || (place.role === 'locative' && place.end <= trigger.start && /[,;]/.test(parts.text.slice(place.end, trigger.start)));
  // An airspace is the verb's object wherever the text named its owner ("a drone entered its airspace").
  const ownAirspace = place.role === 'airspace' && category === 'incursion';
  if (trigger.isVerb && (place.start > trigger.end || dateline || ownAirspace) && place.role !== 'actor') {
    const subject = subjectBefore(parts, opts);
    if (subject) {
      // The place may lie beyond a comma ("launched its first brigade abroad on Thursday, with a ceremony in Vilnius").
      const beyondClause = place.start > trigger.end && /[,;]/.test(parts.text.slice(trigger.end, place.start));
      const object = dateline ? objectAfter(parts, opts) : objectBetween(parts, opts) ?? (beyondClause && place.role !== 'airspace' ? objectAfter(parts, opts) : null);
      const needsObject = TRANSITIVE.has(trigger.lemma) && !object && place.role !== 'object' && place.role !== 'airspace';
      const title = `${cap(subject)} ${headlineVerb(trigger, subject)}${object ? ` ${object}` : ''} ${placePhrase(parts, true)}`;
      if (!needsObject && title.length <= opts.maxTitleChars) return { title, quality: 2 };
    }
  }
  let head: string;
  let named = false;
  if (category === 'mission') {
    head = `${missionName(parts) ?? acronym(parts) ?? 'New'} mission launched`;
  } else if (category === 'headquarters' && trigger.isVerb) {
    const name = acronym(parts);
    head = name ? `${name} headquartered` : HEAD.headquarters;
  } else if (trigger.isVerb) {
    head = category === 'incident' ? INCIDENT_HEAD[trigger.lemma] ?? HEAD.incident : HEAD[category];
  } else {
    const noun = trigger.text.replace(/\s+/g, ' ').toLowerCase();
    const prefix = namePrefix(parts) ?? (category === 'headquarters' ? acronym(parts) : null) ?? parts.actorAdjective;
    head = prefix ? `${prefix} ${noun}` : cap(noun);
    named = prefix !== null;
  }
  const title = `${head} ${placePhrase(parts, false)}`;
  if (title.length > opts.maxTitleChars) return { title: `${HEAD[category]} ${placePhrase(parts, false)}`, quality: 1 };
  // A template that names who ("NATO Defence Ministers meeting") reads better than a bare one ("Meeting").
  return { title, quality: named ? 1.5 : 1 };
}
