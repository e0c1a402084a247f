// The curated part of the event lexicon: the security domain's own terms that WordNet lacks or ranks too low, and
// frames in which a common verb names an event only with a certain object ("send troops", "violate airspace").
// Everything else comes from WordNet (event-lexicon.ts). Each entry says why it is here.
import type { Category } from '../../model/event.ts';
import { CUES } from './cues.ts';

export interface DomainNoun {
  /** Lemmas, lower case; several words are separated by a space ("air policing"). */
  lemmas: string[];
  category: Category;
  /** The sentence must also match this. */
  needs?: RegExp;
  /** The words just before must match this ("military presence", not "presence of mind"). */
  after?: RegExp;
  /** The words just before must not match this ("at its headquarters" is a venue, not a command set up). */
  notAfter?: RegExp;
  why: string;
}

export const DOMAIN_NOUNS: DomainNoun[] = [
  { lemmas: ['summit'], category: 'meeting', why: 'in news a summit is a meeting of leaders; WordNet ranks "peak" first' },
  { lemmas: ['ministerial'], category: 'meeting', why: 'NATO and EU usage: a meeting of ministers' },
  { lemmas: ['air policing', 'air-policing'], category: 'mission', why: "NATO's standing peacetime mission guarding allies' airspace" },
  { lemmas: ['battlegroup', 'battle group'], category: 'deployment', why: "NATO's multinational battlegroups are forces deployed forward" },
  { lemmas: ['incursion', 'airspace violation', 'violation'], category: 'incursion', needs: CUES.TERRITORY, why: 'an aircraft or drone entering another state\'s airspace' },
  { lemmas: ['exercise', 'drill', 'war game', 'wargame', 'manoeuvre', 'maneuver'], category: 'other', needs: CUES.MILITARY, why: 'military exercises: WordNet files them as physical training' },
  { lemmas: ['presence'], category: 'deployment', after: /\b(military|troop|force|rotational|persistent|forward|permanent|naval|allied|u\.s\.|nato|american|enhanced)\s+$/i, why: 'a force presence is a standing deployment' },
  { lemmas: ['rotation'], category: 'deployment', needs: CUES.FORCES, why: 'rotations of troops are deployments that replace each other' },
  { lemmas: ['airstrike', 'air strike', 'drone strike', 'missile strike', 'missile attack', 'drone attack'], category: 'strike', why: 'strikes from the air' },
  { lemmas: ['headquarters', 'command center', 'command centre', 'command post', 'hq'], category: 'headquarters', needs: /\b(new|opens?|opened|opening|establish\w*|set up|inaugurat\w*|relocat\w*|creat\w*|launch\w*|permanent|forward|will be|going to be|to be based)\b/i,
    notAfter: /\b(?:at|from|outside|inside|near)\s+(?:\S+\s+)?$/i, why: 'a command set up at a place; only when the sentence says it is new, opened or moved (a venue is not news: "met at its headquarters")' },
  { lemmas: ['gain', 'advance'], category: 'advance', needs: CUES.MILITARY, why: 'territory taken by forces: WordNet files "gains" as profit and "advance" as progress' },
  { lemmas: ['crisis'], category: 'other', after: /\b(migration|migrant|refugee|humanitarian|border|hostage|security)\s+$/i, why: 'a crisis at a place (migration, border, humanitarian) is a situation analysts follow' },
  { lemmas: ['remarks', 'press conference', 'news conference'], category: 'meeting', why: 'a public appearance at a place on a day' },
  { lemmas: ['shootdown', 'shoot-down'], category: 'incident', why: 'an aircraft or drone shot down' },
  { lemmas: ['air raid alert', 'air-raid alert', 'air alert', 'air raid warning', 'air-raid warning', 'missile alert', 'air raid siren', 'air-raid siren'], category: 'other', why: 'a warning of attack from the air declared over a city or a region, which war news reports as it happens' },
];

export interface Frame {
  /** Verb lemmas. */
  verbs: string[];
  /** What the object (or, for a passive, the subject) must name: tested on the object phrase's words. */
  object: RegExp;
  category: Category;
  /** The subject is where the event is: "Poland took in 1.5 million refugees". */
  subjectIsPlace?: boolean;
  /** The object alone does not make the event: the category's cue words must be in the sentence too. */
  needsCue?: boolean;
  /** The sentence must also match this. */
  sentenceNeeds?: RegExp;
  /** Prepositions that may stand before the object ("talking to their counterparts"). */
  via?: string[];
  why: string;
}

/** What a facility of aid is for: the people it helps, the war or disaster, the help itself. */
const RELIEF = /\b(humanitarian|aid|relief|refugees?|displaced|evacuees|donations?|donors?|logistics?|military|troops|forces|NATO|allie[sd]|war|wounded|victims|survivors|disaster|emergency|Ukrain\w*)\b/i;

const TROOPS = /\b(troops|forces|soldiers|servicemembers|service members|battalions?|brigades?|battle ?groups?|divisions?|squadrons?|warships?|destroyers?|jets|aircraft|fighters|bombers|marines|paratroopers|peacekeepers|units?|personnel|batter(y|ies)|patriots?|capabilities|enablers|military|contingent|army)\b/i;
const AID_THINGS = /\b(aid|assistance|support|funding|funds|loans?|grants?|package|weapons|ammunition|munitions|equipment|supplies|systems|air defen[cs]e|vehicles|\$|dollars|euros|million|billion)\b/i;
const AIRSPACE = /\b(air ?space|territory|territorial waters|border|skies)\b/i;
const HQ = /\b(headquarters|command post|command cent(er|re)|command|base)\b/i;
const MISSION = /\b(mission|operation)\b/i;
const PROJECTILES = /\b(missiles?|drones?|rockets?|shells?|bombs?|strikes?)\b/i;
// A leader or a named person: "President Duda", "the Baltic leaders", "Maia Sandu".
// Without the i flag: under it \p{Lu} matches any letter, and "political asylum" would be a person's name
const PEOPLE = /\b([Pp]resident|[Pp]rime [Mm]inister|[Cc]hancellor|[Ll]eaders?|[Mm]inisters?|[Dd]elegations?|[Kk]ing|[Qq]ueen|[Cc]ounterparts?|[Ss]ecretary|[Gg]uests?|[Pp]remier|[Hh]eads of)\b|\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+\b/u;
/** Who rallies and protests: crowds, and the trades that take to the street. */
const CROWDS = /\b(thousands|hundreds|dozens|crowds?|protesters|protestors|demonstrators|supporters|opponents|activists|unions?|strikers|workers|farmers|students|residents|teachers|nurses|doctors|miners|pensioners|veterans|against)\b/i;
/** What states sign: "a security agreement", "a peace deal", "the accession protocol". */
const AGREEMENTS = /\b(agreements?|treat(y|ies)|accords?|pacts?|deals?|memorandum|memoranda|declarations?|protocols?|charters?|conventions?|ceasefires?|cease-fires?|truces?|armistices?|communiqu\w*)\b/i;
/** Ways into a country that are closed or reopened: "closed its border crossings", "shut the airport". */
const CROSSINGS = /\b(borders?|crossings?|crossing points?|checkpoints?|airports?|air ?space|seaports?|ports?)\b/i;
const REFUGEES = /\b(refugees|displaced|evacuees|asylum|migrants|fled|fleeing)\b/i;

export const FRAMES: Frame[] = [
  { verbs: ['send', 'move', 'deploy', 'station', 'position', 'base', 'rotate', 'dispatch', 'surge', 'transfer', 'host', 'keep', 'maintain', 'redeploy', 'post', 'contribute', 'direct', 'deliver'], object: TROOPS, category: 'deployment', why: 'forces sent to, or kept at, a place are a deployment' },
  { verbs: ['provide', 'deliver', 'send', 'pledge', 'announce', 'give', 'donate', 'allocate', 'approve', 'supply', 'ship', 'commit'], object: AID_THINGS, category: 'aid', why: 'help given to a place' },
  { verbs: ['violate', 'enter', 'breach', 'cross', 'penetrate', 'intrude'], object: AIRSPACE, category: 'incursion', why: 'entering another state\'s airspace or territory' },
  { verbs: ['establish', 'open', 'set', 'create', 'activate', 'stand', 'inaugurate', 'relocate', 'build'], object: HQ, category: 'headquarters', why: 'a command set up at a place' },
  { verbs: ['open', 'establish', 'set', 'create', 'operationalize', 'operationalise', 'launch', 'build', 'inaugurate'], object: /\b(hub|facility|cent(er|re)|corridor|camp|shelter|office|depot|warehouse)\b/i, category: 'aid', sentenceNeeds: RELIEF, why: 'a humanitarian or logistics facility opened at a place; the sentence must say whom it helps ("a company opened a facility" is business)' },
  { verbs: ['launch', 'begin', 'start', 'establish', 'activate'], object: MISSION, category: 'mission', why: 'a mission or operation begun at a place' },
  { verbs: ['establish', 'create', 'set', 'form', 'launch'], object: /\b(battle ?groups?|brigades?|battalions?|divisions?|corps|squadrons?|task force)\b/i, category: 'deployment', why: 'a unit formed at a place is a deployment there' },
  { verbs: ['launch', 'fire'], object: PROJECTILES, category: 'strike', why: 'missiles or drones launched at a place' },
  { verbs: ['fire'], via: ['on', 'upon', 'into'], object: /./, category: 'strike', why: 'firing on a place ("Turkey fired on Qamishli")' },
  { verbs: ['fire'], via: ['at'], object: /./, category: 'strike', needsCue: true, why: 'firing at a place; the strike cue must hold too ("fired at least ten staff" is no strike)' },
  { verbs: ['hit', 'target', 'pound', 'strike'], object: /./, category: 'strike', needsCue: true, why: 'hitting a target; the strike cue (military words) must hold too' },
  { verbs: ['stab'], object: /\b(man|men|woman|women|boy|girl|teen(ager)?s?|child(ren)?|person|people|student|clerk|officer|victim|resident|\d+-year-old)\b/i, category: 'incident', why: 'a person stabbed: a knife attack, which local news reports by its victim (WordNet files no event for it)' },
  { verbs: ['scramble'], object: /\b(jets?|fighters?|aircraft|planes?|interceptors?|F-\d+s?|Eurofighters?|Typhoons?|Gripens?|Rafales?|MiGs?|helicopters?)\b/i, category: 'other', subjectIsPlace: true, why: 'a state scrambling its jets against aircraft near its airspace ("Poland scrambled jets")' },
  { verbs: ['shoot', 'down', 'intercept'], object: /\b(drones?|missiles?|aircraft|jets?|planes?|balloons?|helicopters?)\b/i, category: 'incident', why: 'an aircraft or drone shot down or intercepted' },
  { verbs: ['talk', 'confer', 'speak'], via: ['to', 'with'], object: /\b(counterparts?|leaders?|ministers?|president|prime minister|chancellor|delegations?|officials?)\b/i, category: 'meeting', why: 'leaders talking to their counterparts meet' },
  { verbs: ['host', 'welcome', 'receive'], object: PEOPLE, category: 'meeting', why: 'receiving a leader is a meeting at the host\'s place' },
  { verbs: ['host', 'welcome', 'receive', 'shelter', 'accept', 'take', 'house', 'assist'], object: REFUGEES, category: 'aid', subjectIsPlace: true, why: 'a state taking in refugees' },
  { verbs: ['hold', 'deliver', 'give', 'make'], object: /\b(speech|address|remarks)\b/i, category: 'meeting', why: 'a public appearance at a place' },
  { verbs: ['address'], object: /\b(parliament|assembly|congress|senate|bundestag|sejm|seimas|saeima|riigikogu|summit|conference|rally|crowds?|nation|lawmakers|legislators|deputies|delegates|audience|session|students|troops)\b/i, category: 'meeting', why: 'a leader addressing a parliament, a summit or a crowd: a public appearance where they are' },
  { verbs: ['receive'], object: /\b(aid|assistance|funding|funds|loans?|grants?|package|weapons|ammunition|munitions|shells|tanks|jets|fighters|missiles|air defen[cs]e|systems|equipment|supplies|vehicles|howitzers|drones)\b/i, category: 'aid', subjectIsPlace: true, why: 'help received: the aid is where the receiving state is ("Ukraine received its first F-16 jets")' },
  { verbs: ['sign', 'conclude', 'seal', 'initial', 'ink'], object: AGREEMENTS, category: 'meeting', why: 'an agreement signed at a place: its parties meet to sign it' },
  { verbs: ['join'], object: /\b(NATO|alliance|European Union|EU|Union|bloc|eurozone|euro zone|coalition)\s*$/, category: 'other', subjectIsPlace: true, why: 'a state joining an alliance or a union: an accession, at the state that joins ("joined the alliance\'s staff" is a job)' },
  { verbs: ['go', 'head', 'return', 'flock'], via: ['to'], object: /^(the )?polls$/i, category: 'other', subjectIsPlace: true, why: 'voters going to the polls: an election, where the voters are ("Hungarian voters go to the polls on Sunday")' },
  { verbs: ['ratify'], object: /./, category: 'other', why: 'a parliament ratifying a treaty, an accession or an agreement: a vote at its seat' },
  { verbs: ['rally', 'protest', 'picket'], via: ['in', 'at', 'outside', 'against', 'near', 'across', 'through', 'on', 'before'], object: /./, category: 'other', sentenceNeeds: CROWDS, why: 'crowds rallying or protesting at a place ("thousands rallied outside parliament"); the sentence must name the crowd: "stocks rallied" is none' },
  { verbs: ['block', 'blockade', 'barricade'], object: /\b(roads?|streets?|highways?|motorways?|bridges?|border crossings?|crossings?|ports?|railways?|rail lines?|tracks|access|entrances?|checkpoints?|junctions?|roundabouts?)\b/i, category: 'other', sentenceNeeds: CROWDS, why: 'a blockade by protesters ("farmers blocked roads with tractors"); the sentence must name the crowd' },
  { verbs: ['damage', 'sever', 'rupture', 'cut'], object: /\b(cables?|pipelines?|power lines?|gas lines?|interconnectors?|data links?)\b/i, category: 'incident', why: 'infrastructure damaged or severed ("an undersea cable was damaged"): an incident where it lies' },
  { verbs: ['close', 'shut', 'reopen', 'seal'], object: CROSSINGS, category: 'other', why: 'a border, a crossing or an airport closed or reopened at a place' },
];
