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
  /** The words just after must match this ("cases of cholera", not "the case of the missing ledger"). */
  followedBy?: RegExp;
  why: string;
}

/** A disease named before or after a count of its cases: "cholera cases", "cases of measles", "new Ebola infections". */
const DISEASE_BEFORE = new RegExp(`(?:${CUES.DISEASE.source})\\s+(?:\\S+\\s+)?$`, 'i');
const DISEASE_AFTER = new RegExp(`^of\\s+(?:the\\s+|a\\s+)?(?:\\S+\\s+)?(?:${CUES.DISEASE.source})`, 'i');

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
  { lemmas: ['case', 'infection'], category: 'incident', after: DISEASE_BEFORE, why: 'cases of a disease confirmed at a place are its outbreak there ("new cholera cases in Beira"); a case alone is a court\'s or an example' },
  { lemmas: ['case', 'infection'], category: 'incident', followedBy: DISEASE_AFTER, why: 'the same told the other way round: "14 cases of cholera in Beira"' },
  { lemmas: ['lockdown'], category: 'other', needs: CUES.DISEASE, why: 'a place shut to stop a disease: a public-health measure at that place (WordNet knows only the prison\'s lockdown)' },
  { lemmas: ['curfew', 'state of emergency'], category: 'other', why: 'an order that holds a place still (after a disaster, in unrest, against a disease): declared over the place' },
  { lemmas: ['vaccination campaign', 'vaccination drive', 'vaccination programme', 'vaccination program', 'immunisation campaign', 'immunization campaign', 'immunisation drive', 'immunization drive', 'mass vaccination'],
    category: 'other', why: 'a public-health campaign held at a place on given days (a vaccine given is no event of its own: "proof of vaccination")' },
  { lemmas: ['landfall'], category: 'incident', needs: /\b(storm|hurricane|typhoon|cyclone|tropical|depression|winds?)\b/i, why: 'a storm reaching land: where the weather news puts it ("made landfall near Veracruz"); WordNet has only the sailor\'s first sight of land' },
  { lemmas: ['leak', 'spill', 'leakage', 'release'], category: 'incident', after: /\b(gas|chemical|chemicals|ammonia|chlorine|oil|fuel|toxic|radiation|radioactive|acid|diesel|methane|sewage|nuclear)\s+$/i, why: 'a hazardous substance escaping: an industrial accident where it leaked (a leak of documents is none)' },
  { lemmas: ['vigil'], category: 'other', needs: /\b(candle\w*|mourn\w*|victims?|killed|died|dead|deaths?|memory|remember\w*|honou?r\w*|tribute|protest\w*|solidarity|hundreds|thousands|dozens|crowds?)\b/i, why: 'a crowd that gathers to mourn or to protest ("a candlelight vigil outside the embassy"), which the sentence says (a liturgy\'s Easter Vigil is a rite); WordNet\'s senses are sleeplessness and a rite' },
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
  /**
   * The verb takes no object and `object` is tested on its subject instead: an intransitive verb tells its event by
   * what undergoes or does it ("a crane collapsed", "a bus plunged into a ravine", "nurses walked out"). A lemma may
   * hold its particle ("walk out").
   */
  subject?: boolean;
  /** Group 1 of its match names the event in a title, for a verb that tells it without naming it ("placed ... under quarantine": "Quarantine in Kitale"). */
  titledBy?: RegExp;
  /** With `subject`: the verb takes no object ("a crane collapsed"; "struck a deal" is another sense). */
  objectless?: boolean;
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
const CROWDS = /\b(thousands|hundreds|dozens|crowds?|mourners|protesters|protestors|demonstrators|supporters|opponents|activists|unions?|strikers|workers|farmers|students|residents|teachers|nurses|doctors|miners|pensioners|veterans|against)\b/i;
/** What states sign: "a security agreement", "a peace deal", "the accession protocol". */
const AGREEMENTS = /\b(agreements?|treat(y|ies)|accords?|pacts?|deals?|memorandum|memoranda|declarations?|protocols?|charters?|conventions?|ceasefires?|cease-fires?|truces?|armistices?|communiqu\w*)\b/i;
/** Ways into a country that are closed or reopened: "closed its border crossings", "shut the airport". */
const CROSSINGS = /\b(borders?|crossings?|crossing points?|checkpoints?|airports?|air ?space|seaports?|ports?)\b/i;
/**
 * A measure a place is put under: "placed the town under quarantine", "under a curfew"; a lockdown only against a disease
 * (a school "placed on lockdown" after a threat is a police matter).
 */
const MEASURE_OVER = new RegExp(`\\b(?:under|on)\\s+(?:a\\s+|an\\s+|the\\s+)?(?:\\S+\\s+)?(quarantine|curfew|(?<=(?:${CUES.DISEASE.source})[\\s\\S]*)lockdown|lockdown(?=[\\s\\S]*(?:${CUES.DISEASE.source})))\\b`, 'i');
/** Where a state's envoys work abroad. */
const EMBASSIES = /\b(embass(y|ies)|consulates?|consulate-general|legations?|diplomatic missions?)\b/i;
/** Envoys of a state: "the Belarusian ambassador", "two Russian diplomats", "the charge d'affaires". */
// ("\b" is ASCII in a JavaScript pattern: after "é" none stands, so "attaché" ends at a letter that is not one)
const DIPLOMATS = /\b(?:ambassadors?|envoys?|diplomats?|consuls?|consuls-general|embassy staff|embassy officials)\b|\battach[eé]s?(?![a-z])|\bcharg[eé] d'affaires\b/i;
/** What stands and may fall: buildings, bridges, cranes, mines. */
const STRUCTURES = /\b(buildings?|blocks?|houses?|homes?|towers?|bridges?|roofs?|ceilings?|walls?|cranes?|scaffold\w*|dams?|mines?|tunnels?|stands?|stages?|hotels?|schools?|factory|factories|warehouses?|churche?s?|mosques?|temples?|flyovers?|overpass(es)?|viaducts?|structures?|apartments?|storeys?|stories|floors?|shafts?)$/i;
/** Vehicles that leave the road, the rails or the sky: "a bus plunged into a ravine", "a lorry overturned". */
const CRASHING = /\b(bus(es)?|coach(es)?|minibus(es)?|trucks?|lorr(y|ies)|cars?|vans?|vehicles?|trains?|trams?|carriages?|wagons?|planes?|aircraft|airliners?|helicopters?|jets?|tankers?|pickups?|suvs?)$/i;
/** Vessels that sink or run aground. */
const VESSELS = /\b(ships?|boats?|ferr(y|ies)|vessels?|tankers?|trawlers?|dinghy|dinghies|barges?|yachts?|submarines?|freighters?|cargo ships?)$/i;
/**
 * Those who stop work to press demands: "nurses walked out", "teachers will strike". As a verb's subject with no
 * object they strike as workers do, not as forces do ("pilots struck Russian positions" has an object).
 */
const WORKERS = /\b(workers|employees|staff|teachers|nurses|doctors|physicians|midwives|drivers|pilots|miners|dockers|dockworkers|porters|controllers|attendants|crews?|unions?|members|firefighters|journalists|guards|cleaners|lecturers|professors|postmen|postal workers|machinists|steelworkers|autoworkers|operators|conductors|engineers|farmers|truckers|lawyers|judges|prosecutors)$/i;
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
  { verbs: ['fire'], via: ['on', 'upon', 'into'], object: /./, category: 'strike', why: 'firing on a place ("Russia fired on Kherson")' },
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
  { verbs: ['summon'], object: DIPLOMATS, category: 'meeting', subjectIsPlace: true, why: 'an envoy summoned to the foreign ministry of the state that summons them: a meeting there ("Poland summoned the Belarusian ambassador")' },
  { verbs: ['expel', 'oust', 'recall'], object: DIPLOMATS, category: 'other', subjectIsPlace: true, why: 'diplomats expelled, or an ambassador recalled: an act of the state that does it, at that state' },
  { verbs: ['declare'], object: DIPLOMATS, category: 'other', subjectIsPlace: true, sentenceNeeds: /\bpersona non grata\b/i, why: 'diplomats declared persona non grata: expelled' },
  { verbs: ['close', 'shut', 'reopen', 'open', 'suspend', 'evacuate', 'relocate'], object: EMBASSIES, category: 'other', why: 'an embassy or a consulate closed, opened or evacuated: at the city where it is' },
  { verbs: ['storm', 'ransack', 'torch', 'besiege', 'attack', 'firebomb', 'overrun'], object: EMBASSIES, category: 'incident', why: 'an embassy stormed or set alight by a crowd: an attack at the city where it is, no strike of war' },
  { verbs: ['burst', 'overflow', 'breach', 'overtop'], object: /\b(banks?|levees?|dykes?|dikes?|dams?|embankments?|flood defen[cs]es|flood walls?)\b/i, category: 'incident', why: 'a river bursting its banks or a dam breached: a flood where it happened' },
  { verbs: ['place', 'put'], object: /./, sentenceNeeds: MEASURE_OVER, titledBy: MEASURE_OVER, category: 'other', why: 'a town placed under quarantine, a lockdown or a curfew: a measure over the place that is placed' },
  { verbs: ['collapse', 'cave', 'crumble', 'topple'], object: STRUCTURES, subject: true, objectless: true, category: 'incident', why: 'a building, a bridge or a crane that falls down: an accident where it stood (WordNet files "collapse" for businesses and talks alike)' },
  { verbs: ['plunge', 'overturn', 'veer', 'plummet', 'topple', 'tumble', 'skid', 'flip'], object: CRASHING, subject: true, objectless: true, category: 'incident', why: 'a vehicle that leaves the road, the rails or the sky ("a bus plunged into a ravine"); prices that plunge are none' },
  { verbs: ['sink', 'founder'], object: VESSELS, subject: true, objectless: true, category: 'incident', why: 'a vessel that sinks: a shipwreck where it went down' },
  { verbs: ['gather', 'assemble', 'converge', 'congregate'], object: /\b(mourners|crowds?|thousands|hundreds|dozens|people|protesters|protestors|demonstrators|supporters|worshippers|worshipers|pilgrims|residents|activists|well-wishers|fans)$/i, subject: true, objectless: true, category: 'other',
    why: 'a crowd that gathers at a place (mourners, protesters, worshippers): a rally or a vigil there, no meeting of leaders' },
  { verbs: ['hit', 'strike', 'batter', 'pound', 'lash', 'rock', 'ravage', 'devastate', 'sweep', 'slam', 'smash', 'cross', 'tear', 'barrel', 'plough', 'plow', 'flood', 'inundate', 'engulf', 'swamp', 'bring', 'dump', 'kill', 'leave', 'damage', 'destroy', 'uproot', 'knock'],
    object: /\b(?:Hurricane|Typhoon|Super Typhoon|Cyclone|Tropical Cyclone|Tropical Storm|Tropical Depression|Storm|Tornado|Blizzard|Winter Storm)\s+\p{Lu}/u, subject: true, category: 'incident',
    why: 'a storm named by its kind and its name ("Hurricane Delia slammed into the Keys", "Storm Edda battered Ireland"): the name is no place and no person, the storm is what happened' },
  { verbs: ['erupt'], object: /\b(volcano(es)?|Mount \p{Lu}\p{Ll}+|Mt\.? \p{Lu}\p{Ll}+)$/u, subject: true, objectless: true, category: 'incident', why: 'a volcano erupting ("Mount Etna erupted"): violence or anger that erupts is none' },
  { verbs: ['strike', 'walk out'], object: WORKERS, subject: true, objectless: true, category: 'other', why: 'workers who stop work ("nurses walked out", "teachers will strike"): a labour strike where they work, never an attack' },
];
