// Cue words: what a sentence must also say for a word to name an event of a category. WordNet knows "strike" as a
// walkout and as an attack, "crash" as a market's and a plane's; the sentence decides (a selectional restriction).
import type { Category } from '../../model/event.ts';
import type { EventSense } from './event-lexicon.ts';

/** Weapons, forces and the language of war. */
const MILITARY =
  /\b(missiles?|drones?|rockets?|artillery|shell(s|ing|ed)?|bomb(s|ing|ed|ers)?|air ?strikes?|troops|forces|army|military|militants?|gunmen|insurgents?|rebels?|soldiers|servicemembers|service members|warplanes?|jets?|aircraft|killed|killing|wounded|injured|casualties|offensive|front ?line|fighting|battle|war|invasion|kamikaze|ballistic|munitions?|infrastructure|power (grid|plant|station)s?|refinery|depot|barracks|strongholds?|positions|navy|naval|warships?|battalions?|brigades?|battle ?groups?|tanks?|weapons|defen[cs]e|NATO|allied|enemy)\b/i;
/** Vehicles, for crashes and collisions. */
const VEHICLE = /\b(planes?|aircraft|airliners?|helicopters?|jets?|drones?|trains?|cars?|bus(es)?|ships?|vessels?|trucks?|lorr(y|ies)|vehicles?|cargo|flights?|fighters?|boats?|ferr(y|ies)|tankers?|convoys?)\b/i;
/**
 * What a disaster of nature does and is measured by: "a 5.2-magnitude quake damaged houses", "floods forced residents
 * from their homes"; and the disasters no other sense of the word makes figurative ("an earthquake shook Naples").
 */
const NATURE = /\b(earthquakes?|quakes?|hurricanes?|typhoons?|tornado(e)?s|tornado|cyclones?|wildfires?|magnitude|epicent(er|re)|aftershocks?|tremors?|evacuat\w*|homes|houses|buildings|residents|flood(ed|ing|waters)?|rain(fall|s)?|winds|landslides?|rescuers?|hectares|acres|burn(ed|t|ing)|swept|inundated|missing|power cuts?|power outages?)\b/i;
/** What an outbreak is of: "a cholera outbreak", "an outbreak of measles", "new cases of the virus". */
const DISEASE = /\b(cholera|measles|ebola|influenza|flu|h1n1|h5n1|virus|viral|infect\w*|disease|diseases|epidemic|pandemic|plague|malaria|dengue|typhoid|polio|mpox|monkeypox|covid(-19)?|coronavirus|sars|tuberculosis|anthrax|salmonella|e\. coli|legionnaires)\b/i;
/**
 * What an incident involves: a vehicle, an explosion, a facility, casualties, a disaster's toll, a disease ("the market
 * crash" is none); a death too, as local news tells it ("riders who died in a bus crash", "a fatal shooting").
 */
const INCIDENT = new RegExp(`${VEHICLE.source}|${NATURE.source}|${DISEASE.source}|\\b(explo\\w*|blasts?|bombs?|fires?|ammunition|munitions|depots?|factory|factories|plants?|pipelines?|cables?|infrastructure|killed|injured|dead|wounded|casualties|sabotage|damaged?|damaging|destroyed|collapsed?|died|dies|fatal|fatally)\\b`, 'i');
/** Help given: money, weapons, supplies. */
const AID = /\b(aid|assistance|support|billion|million|euros?|dollars?|package|weapons|ammunition|munitions|tanks|missiles|air defen[cs]e|funds?|funding|loans?|grants?|equipment|vehicles|supplies|humanitarian)\b|[$€£]/i;
/** Forces that are deployed. */
const FORCES = /\b(troops|forces|soldiers|servicemembers|service members|battalions?|brigades?|battle ?groups?|divisions?|squadrons?|warships?|destroyers?|ships|jets|aircraft|fighters|bombers|marines|paratroopers|peacekeepers|units?|personnel|systems|batter(y|ies)|patriots?|missiles|military|army|navy|capabilities|enablers|headquarters|command)\b/i;
/** People who meet: leaders, ministers, delegations. */
const PEOPLE = /\b(president|prime minister|ministers?|leaders?|chancellor|delegations?|secretary|officials?|counterparts?|king|queen|diplomats?|envoys?|allies|summit|talks|heads of)\b/i;
/** A territory, an airspace or a border that is entered. */
const TERRITORY = /\b(air ?space|territory|territorial|border|borders|waters|skies|soil)\b/i;

/**
 * For each category: the cue, and whether even a word's most frequent event sense needs it. "Attack" is plainly an
 * attack, but news attacks policies too; a deployment of "resources" is no deployment of forces.
 */
export const CATEGORY_CUES: Record<Category, { cue: RegExp | null; always: boolean }> = {
  strike: { cue: MILITARY, always: true },
  advance: { cue: MILITARY, always: true },
  incursion: { cue: TERRITORY, always: true },
  incident: { cue: INCIDENT, always: true },
  deployment: { cue: FORCES, always: true },
  mission: { cue: new RegExp(`${MILITARY.source}|\\b(new|launch\\w*|begin|began|begun|start\\w*|establish\\w*|set up)\\b`, 'i'), always: true },
  headquarters: { cue: FORCES, always: true },
  aid: { cue: AID, always: true },
  meeting: { cue: PEOPLE, always: false },
  // "demonstrated in Tbilisi against the government": a crowd is for or against something; "20,000 people marched":
  // a crowd counted
  other: { cue: new RegExp(`${MILITARY.source}|\\b(elections?|votes?|voting|ballots?|referend(um|a)|protests?|protesters|ceremon(y|ies)|inaugurat\\w*|parliament|against|crowds?|thousands|hundreds)\\b|\\b\\d[\\d,.]*\\s+(?:\\S+\\s+)?people\\b`, 'i'), always: false },
};

/** True when `sentence` lets a word name an event of `category` (`frequent`: the word's usual sense is that event). */
export function cueHolds(category: Category, frequent: boolean, sentence: string): boolean {
  const { cue, always } = CATEGORY_CUES[category];
  if (cue === null) return frequent;
  return (frequent && !always) || cue.test(sentence);
}

/**
 * The sense a word with senses in two categories takes in `sentence`: the later one when it is strictly cued (weapons
 * for a strike) and its cue holds while the first is not strictly cued ("a strike on Odesa killed three" is an attack,
 * "dock workers went on strike" a walkout); else the first.
 */
export function senseIn(sense: EventSense | null, sentence: string): EventSense | null {
  if (!sense?.also) return sense;
  const first = CATEGORY_CUES[sense.category];
  const later = CATEGORY_CUES[sense.also.category];
  return later.always && !first.always && later.cue?.test(sentence) ? sense.also : sense;
}

/** Words of casualties, which a war and a crime or a road accident share. */
const CASUALTIES = /\b(killed|killing|wounded|injured|casualties)\b/gi;

/** True when `sentence` speaks of war in words other than its casualties ("troops", "artillery", not "killed"). */
export function warWords(sentence: string): boolean {
  return MILITARY.test(sentence.replace(CASUALTIES, ''));
}

export const CUES = { MILITARY, VEHICLE, AID, FORCES, TERRITORY, DISEASE };
