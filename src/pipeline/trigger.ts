// Finds the words that say something happened ("violated", "convened", "crashed") and what kind of event each names.
import type { Category } from '../model/event.ts';
import type { Sentence, TriggerMention } from './types.ts';

export const TRIGGER_DEFAULTS = {
  /** Words looked at before a trigger for a negation ("did not meet", "no strikes"). */
  negationWindowWords: 3,
};

/** A trigger plus what titles need: the dictionary form and whether the text used it as a verb. */
export interface FoundTrigger extends TriggerMention {
  lemma: string;
  isVerb: boolean;
}

interface Lexeme {
  category: Category;
  persists: boolean;
  lemma: string;
  isVerb: boolean;
  /** Word forms, lower case; a form may contain a space ("battle groups"). */
  forms: string[];
  /** The sentence must also match this for the word to count ("mission" only when launched or new). */
  requires?: RegExp;
  /** The next word must match this ("advanced" is an adjective in "advanced weapons"). */
  followedBy?: RegExp;
  /** The next word must not match this ("attack drones" are weapons, not an attack). */
  notFollowedBy?: RegExp;
  /** The words before must not match this ("went on strike" is a walkout). */
  notPrecededBy?: RegExp;
}

/** Regular English verb forms: lemma, -s, -ed, -ing, with the usual spelling rules. */
export function verbForms(lemma: string, irregularPast: string[] = []): string[] {
  const endsE = lemma.endsWith('e');
  const stem = endsE ? lemma.slice(0, -1) : lemma;
  const third = /(s|sh|ch|x|z|o)$/.test(lemma) ? `${lemma}es` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
  const past = irregularPast.length ? irregularPast : [/[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ied` : `${stem}ed`];
  return [lemma, third, ...past, `${stem}ing`];
}

const verb = (category: Category, lemma: string, past: string[] = [], extra: Partial<Lexeme> = {}): Lexeme => ({
  category, persists: PERSISTS.has(category), lemma, isVerb: true, forms: verbForms(lemma, past), ...extra,
});
const noun = (category: Category, lemma: string, forms: string[], extra: Partial<Lexeme> = {}): Lexeme => ({
  category, persists: PERSISTS.has(category), lemma, isVerb: false, forms, ...extra,
});

const PERSISTS = new Set<Category>(['deployment', 'mission', 'headquarters']);
const LAUNCH = /\b(launch(es|ed|ing)?|begin(s|ning)?|began|begun|start(s|ed|ing)?|establish(es|ed|ing)?|set up|creat(e|es|ed|ing)|inaugurat(e|es|ed|ing)|new|kick(ed)? off)\b/i;
const AIRSPACE = /\bair\s?space\b/i;
const TROOPS = /\b(troops|soldiers|forces|battalions?|brigades?|warships?|fighter jets|jets|peacekeepers|marines|paratroopers)\b/i;
// Words that are events only among others of their kind: "struck" a target, not a deal; "gains" of troops, not of
// shares; a plane "crashed", not a market; aid "delivered", not a speech.
const MILITARY = /\b(missiles?|drones?|rockets?|artillery|shell(s|ing|ed)?|bomb(s|ing|ed|ers)?|air ?strikes?|troops|forces|army|military|militants?|gunmen|insurgents?|rebels?|soldiers|warplanes?|jets?|aircraft|killed|killing|wounded|injured|casualties|offensive|front ?line|fighting|battle|war|invasion|kamikaze|ballistic|munitions?|infrastructure|power (grid|plant|station)s?|refinery|depot|barracks|strongholds?|positions)\b/i;
const FRONT = /\b(troops|forces|army|military|front ?line|offensive|fighting|battle(field)?|war|villages?|towns?|positions?|territory|units?|brigades?|soldiers|militants|rebels|insurgents|occupied|invasion|assault|control)\b/i;
const AID = /\b(aid|assistance|support|billion|million|euros?|dollars?|package|weapons|ammunition|munitions|tanks|missiles|air defen[cs]e|funds?|funding|loans?|grants?|equipment|vehicles|supplies|humanitarian)\b|[$€£]/i;
const VEHICLE = /\b(planes?|aircraft|airliners?|helicopters?|jets?|drones?|trains?|cars?|bus(es)?|ships?|vessels?|trucks?|lorr(y|ies)|vehicles?|cargo|flights?|fighters?|boats?|ferr(y|ies)|tankers?)\b/i;
const ESTABLISHED = /\b(new|open(s|ed|ing)?|establish\w*|set up|inaugurat\w*|relocat\w*|creat\w*|launch\w*|move[sd]? (its|their)|will (be )?(house|based))\b/i;
const NOT_A_MEETING_OF = /^(the\s+|its\s+|their\s+|our\s+)?(demand|demands|target|targets|requirements?|criteria|standards?|needs|expectations|deadlines?|goals?|obligations?|commitments?|conditions|thresholds?|pledges?)\b/i;
const WALKOUT = /\b(on|general|hunger|labou?r|rail|transport|workers['’]?|teachers['’]?|nationwide|national|warning|doctors['’]?|nurses['’]?|union)\s+$/i;
const UNIT_NOUN = /\b(brigades?|battalions?|battlegroups?|battle groups?|divisions?|regiments?|task force)\b/i;
const MILITARY_EXERCISE = /\b(military|naval|air|joint|troops|forces|soldiers|NATO|army|navy|live-fire|large-scale|allied|warships?|jets?)\b/i;
const MISSION_NOUN = /\b(mission|operation)s?\b/i;
// A noun used as a modifier of a weapon or vehicle names the kind of weapon, not an event.
const WEAPON_NEXT = /^(drones?|helicopters?|aircraft|jets?|planes?|submarines?|craft|boats?|dogs?|groups?|capabilit\w+|weapons?|systems?|vehicles?|units?|force|forces|squadrons?|missiles?)\b/i;
// "advanced" only as a verb: followed by a preposition, an adverb or punctuation, never by a noun it modifies.
const ADVANCE_NEXT = /^(on|to|toward|towards|into|in|near|around|past|from|through|along|across|further|deeper|westward|eastward|northward|southward|slowly|rapidly|quickly|significantly|steadily|[,.;:)]|$)/i;

const LEXICON: Lexeme[] = [
  verb('meeting', 'meet', ['met'], { notFollowedBy: NOT_A_MEETING_OF }),
  noun('meeting', 'meet', ['meeting', 'meetings']),
  verb('meeting', 'convene'),
  noun('meeting', 'talks', ['talks']),
  verb('meeting', 'talk', [], { forms: ['talked', 'talking'] }),
  noun('meeting', 'summit', ['summit', 'summits']),
  noun('meeting', 'ministerial', ['ministerial']),
  verb('meeting', 'visit', [], { notFollowedBy: /^(?:to|the site|website)\b/i }),
  verb('incursion', 'violate', [], { requires: AIRSPACE }),
  noun('incursion', 'violation', ['violation', 'violations'], { requires: AIRSPACE }),
  noun('incursion', 'incursion', ['incursion', 'incursions']),
  noun('incursion', 'intrusion', ['intrusion', 'intrusions']),
  verb('incursion', 'enter', [], { requires: AIRSPACE }),
  verb('incursion', 'breach', [], { requires: AIRSPACE }),
  verb('deployment', 'deploy'),
  noun('deployment', 'deployment', ['deployment', 'deployments']),
  noun('deployment', 'battlegroup', ['battlegroup', 'battlegroups', 'battle group', 'battle groups']),
  verb('deployment', 'station', [], { forms: ['stationed'] }),
  verb('deployment', 'send', ['sent'], { requires: TROOPS }),
  noun('mission', 'mission', ['mission', 'missions'], { requires: LAUNCH }),
  verb('mission', 'launch', [], { requires: MISSION_NOUN }),
  verb('deployment', 'launch', [], { requires: UNIT_NOUN }),
  verb('headquarters', 'headquarter', [], { forms: ['headquartered'] }),
  noun('headquarters', 'headquarters', ['headquarters'], { requires: ESTABLISHED }),
  noun('headquarters', 'command center', ['command center', 'command centre', 'command centers', 'command centres'], { requires: ESTABLISHED }),
  verb('incident', 'crash', [], { requires: VEHICLE }),
  noun('incident', 'crash', ['crash', 'crashes'], { requires: VEHICLE }),
  noun('incident', 'explosion', ['explosion', 'explosions', 'blast', 'blasts']),
  verb('incident', 'explode'),
  verb('incident', 'sabotage'),
  noun('incident', 'sabotage', ['sabotage']),
  noun('strike', 'airstrike', ['airstrike', 'airstrikes', 'air strike', 'air strikes', 'air raid', 'air raids']),
  verb('strike', 'strike', ['struck'], { requires: MILITARY }),
  noun('strike', 'strike', ['strike', 'strikes'], { notFollowedBy: WEAPON_NEXT, notPrecededBy: WALKOUT, requires: MILITARY }),
  noun('strike', 'shelling', ['shelling']),
  noun('strike', 'raid', ['raid', 'raids'], { requires: MILITARY }),
  verb('strike', 'shell'),
  verb('strike', 'hit', ['hit'], { forms: ['hit', 'hits', 'hitting'], requires: MILITARY }),
  verb('strike', 'bomb'),
  noun('strike', 'bombing', ['bombing', 'bombings', 'bombardment']),
  verb('strike', 'attack', [], { notFollowedBy: WEAPON_NEXT, requires: MILITARY }),
  noun('strike', 'attack', ['attack', 'attacks'], { notFollowedBy: WEAPON_NEXT, requires: MILITARY }),
  verb('advance', 'advance', [], { followedBy: ADVANCE_NEXT, requires: FRONT }),
  noun('advance', 'advance', ['advances'], { requires: FRONT }),
  noun('advance', 'gains', ['gains'], { requires: FRONT }),
  verb('advance', 'capture', [], { requires: FRONT }),
  verb('advance', 'seize', [], { requires: FRONT }),
  verb('advance', 'recapture', [], { requires: FRONT }),
  verb('advance', 'retake', ['retook', 'retaken'], { requires: FRONT }),
  verb('aid', 'pledge', [], { requires: AID }),
  noun('aid', 'aid package', ['aid package', 'aid packages', 'assistance package', 'assistance packages']),
  verb('aid', 'deliver', [], { forms: ['delivered'], requires: AID }),
  noun('other', 'exercise', ['exercise', 'exercises', 'drills', 'war games', 'wargames'], { requires: MILITARY_EXERCISE }),
];

// A form may belong to several entries ("launched" a mission or a brigade); the first whose conditions hold wins.
// Nouns also appear as verb forms of the same lemma ("strike", "attacks"); the noun entry goes first for those.
const BY_FORM = new Map<string, Lexeme[]>();
for (const lexeme of LEXICON) {
  for (const form of lexeme.forms) {
    const known = BY_FORM.get(form) ?? [];
    const verbOfSameLemma = known.findIndex((k) => k.isVerb && !lexeme.isVerb && k.lemma === lexeme.lemma);
    if (verbOfSameLemma >= 0) known.splice(verbOfSameLemma, 0, lexeme);
    else known.push(lexeme);
    BY_FORM.set(form, known);
  }
}
// "to strike": the bare form is a verb here even where the noun entry won the form.
const VERB_LEMMAS = new Set(LEXICON.filter((l) => l.isVerb).map((l) => l.lemma));
const FORM_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}-])(${[...BY_FORM.keys()].sort((a, b) => b.length - a.length).map((f) => f.replace(/ /g, '[\\s-]')).join('|')})(?![\\p{L}\\p{N}-])`,
  'giu',
);
// "are meeting", "is advancing": an -ing form after an auxiliary is a verb even where the noun reading wins.
const AUXILIARY = /\b(am|is|are|was|were|be|been|being)\s+$/i;
const NEGATION = /^(not|no|never|without|n't|cannot|nor)$/i;
// A verb after "to" is a purpose or an intention ("used to strike", "on track to meet"), not a report.
const INFINITIVE_MARK = /\b(to|could|might|may|would|should)\s+$/i;
// Meetings are announced ahead: "allies would meet in Warsaw next month" is news of a meeting.
const MEETING_INFINITIVE_MARK = /\b(could|might|may|should)\s+$|(?<!\b(?:due|set|scheduled|expected|planned|plans|plan|planning|slated|going|agreed|agree|agrees)\s)\bto\s+$/i;

function applies(lexeme: Lexeme, text: string, at: number, length: number): boolean {
  if (lexeme.requires && !lexeme.requires.test(text)) return false;
  const next = text.slice(at + length).trimStart();
  if (lexeme.followedBy && !lexeme.followedBy.test(next)) return false;
  if (lexeme.notFollowedBy && lexeme.notFollowedBy.test(next)) return false;
  if (lexeme.notPrecededBy && lexeme.notPrecededBy.test(text.slice(Math.max(0, at - 24), at))) return false;
  return true;
}

function wordsBefore(text: string, index: number, count: number): string[] {
  return text.slice(Math.max(0, index - 60), index).replace(/n't/g, " n't").split(/[^\p{L}'’]+/u).filter(Boolean).slice(-count);
}

/** Triggers in the content sentences, in text order. Offsets are document offsets. */
export function findTriggers(sentences: readonly Sentence[], opts = TRIGGER_DEFAULTS): FoundTrigger[] {
  const out: FoundTrigger[] = [];
  for (const sentence of sentences) {
    if (!sentence.isContent) continue;
    const text = sentence.text;
    FORM_PATTERN.lastIndex = 0;
    for (let m = FORM_PATTERN.exec(text); m; m = FORM_PATTERN.exec(text)) {
      const form = m[1].toLowerCase().replace(/[\s-]+/g, ' ');
      const lexeme = BY_FORM.get(form)?.find((l) => applies(l, text, m!.index, m![0].length));
      if (!lexeme) continue;
      const mark = lexeme.category === 'meeting' ? MEETING_INFINITIVE_MARK : INFINITIVE_MARK;
      if ((lexeme.isVerb || VERB_LEMMAS.has(form)) && mark.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
      if (wordsBefore(text, m.index, opts.negationWindowWords).some((w) => NEGATION.test(w))) continue;
      out.push({
        start: sentence.start + m.index,
        end: sentence.start + m.index + m[0].length,
        text: m[0],
        category: lexeme.category,
        persists: lexeme.persists,
        lemma: lexeme.lemma,
        isVerb: lexeme.isVerb || (form.endsWith('ing') && AUXILIARY.test(text.slice(Math.max(0, m.index - 8), m.index))),
      });
    }
  }
  return out;
}
