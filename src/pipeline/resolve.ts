// Chooses one gazetteer entry per place mention with a ranker on explicit features: the candidate's feature class
// and population, the document's home region (the subdivision and country most of its unambiguous places lie in),
// the countries it names, nearness to its other places, and the mention's own form ("Paris, Texas"). One sense per
// name per document. Weights in RESOLVE_DEFAULTS were tuned on the three development corpora together
// (scripts/tune-resolve.ts; geo/README.md, "How places are chosen").
import type { Gazetteer } from './gazetteer.ts';
import type { GazetteerEntry, IngestedDocument, PlaceMention, ResolvedMention } from './types.ts';
import { normaliseName } from './places/normalise.ts';
import { distanceKm } from '../util/geo.ts';

export const RESOLVE_DEFAULTS = {
  /**
   * Prior of a feature class, in the same units as log10(population) x populationWeight: a country outranks any
   * town, a capital a provincial seat, a seat a village of the same name (country > capital > seat > place).
   * Natural features carry no population: their class alone ranks them; counties weigh theirs little
   * (countyPopulationWeight).
   */
  featureWeight: {
    PCLI: 9, CONT: 9, OCN: 9, SEA: 9, REGION: 9, RGN: 9, PEN: 9, GULF: 9, HQ: 9, BASE: 9, ADM1: 6.5,
    STRT: 9, BAY: 9, SOUND: 9, CNL: 9, LK: 9, LKS: 9, STM: 8, MTS: 9, MT: 8, ISL: 8, ISLS: 9, DSRT: 9, VAL: 8, PLAT: 9,
    ADM2: 9, AIRP: 9, BRDR: 9,
    PPLC: 7, PPLA: 3.75, PPLA2: 1.88, PPLA3: 0.5, PPLA4: 0.3, PPLA5: 0.2, PPL: 0, PPLX: -1, PPLL: -0.5,
  } as Record<string, number>,
  /**
   * Taken from a town found by another of its names (a former or foreign one: Harare was "Salisbury") when the
   * text may mean a town of that very name.
   */
  alternateNamePenalty: 4.5,
  /**
   * Not taken from a city of this many people or more found by another one-for-one name with its first letter (no
   * shortening: "Mexico" is not Mexico City's) when every town of that very name is exonymMinRatio times smaller:
   * that name is the city's in English ("Geneva" for Genève), and Geneva, Illinois is not what "talks in Geneva" means.
   */
  exonymMinPopulation: 100_000,
  exonymMinRatio: 5,
  /**
   * Population assumed for curated regions, seas and sites, which have none: the Atlantic must outrank
   * Atlantic, Iowa even in a document about Iowa.
   */
  curatedPopulation: 10_000_000,
  /** Weight of log10(population + 1). */
  populationWeight: 0.9,
  /**
   * The same for a US county, whose population is the sum of the GeoNames places in it (rural ones count few): a
   * tie-breaker between counties of one name ("Cook County" alone is Chicago's), which the story's state overrules.
   */
  countyPopulationWeight: 0.1,
  /** Added to a candidate in a country the document names or places unambiguously elsewhere. */
  documentCountryBonus: 3.75,
  /**
   * Each further place of that country adds this share of the bonus again, up to documentCountryMaxFactor times the
   * bonus in all.
   */
  documentCountryStep: 0.5,
  documentCountryMaxFactor: 1.5,
  /** Added, times exp(-km / proximityKm), for the nearest unambiguous other place (half for the second nearest). */
  proximityBonus: 3,
  proximityKm: 600,
  /** Added to a candidate inside the container named right after it: "Paris, Texas", "Vilnius, Lithuania". */
  containerBonus: 4,
  /**
   * Added to a candidate for each other place of the document whose leading reading lies in the candidate's own
   * first-level subdivision (or is it), up to regionMaxPlaces places: the document's home region. A local paper's
   * "Paris" is the Paris of its state once Dallas and Texas are read there, not France's. Places that lead by less
   * than anchorMargin count regionWeakShare of a place.
   */
  regionBonus: 2.5,
  regionMaxPlaces: 1.5,
  regionWeakShare: 0.75,
  /**
   * Added to a candidate of the same level (country, first-level subdivision, county, town) as the places listed
   * beside the mention: in "New York, Ohio and Vermont" New York is a state.
   */
  listBonus: 1.5,
  /**
   * Taken from a subdivision that shares its name with its own big town (over 100,000 people): "New York" alone is
   * the city far more often than the state.
   */
  seatNamesakePenalty: 8,
  /**
   * Added to a candidate when another name of the document has some reading (leading or not) beside it, where one of
   * the two is a county and the other within coherenceKm of its centre. Once, however many names: a cluster of the
   * commonest names (Madison, Jefferson County) must not outweigh the state the story names.
   * "Troy" and "Miami County" in one story are the Ohio pair, though neither leads in Ohio alone.
   */
  coherenceBonus: 3,
  coherenceKm: 50,
  /**
   * Taken from a feature whose name takes the article ("the Dnipro", "the Danube") where the text never writes it so:
   * "a missile hit Dnipro" is the city, "across the Dnipro" the river. Enough to let a big town of the name win, not
   * a village.
   */
  articlePenalty: 6,
  /** Rounds of evidence: the second lets places the first settled speak for the rest. */
  evidenceRounds: 2,
  /**
   * Score margin from which a place counts as settled evidence for the others (0.38: a leading reading about 60%
   * likely, tuned). Higher, a story naming only towns that are each a little ambiguous had no evidence at all.
   */
  anchorMargin: 0.38,
  /**
   * A small town (below this population), or a town of any size found by another of its names, that lies farther
   * than isolatedKm from every other place of the document, outside every country the document names, is taken for a
   * word that happens to be a town's name (a London livery hall's name is no village in Vermont; "Hamas" in a story
   * from Gaza is no Latin name of Hamm) and left unresolved.
   */
  isolatedMaxPopulation: 20_000,
  isolatedKm: 1500,
  /** Confidence of a mention with one candidate (curated, countries / GeoNames towns). */
  soleConfidence: { curated: 0.95, geonames: 0.85 },
  /**
   * "eastern Ukraine" placed in the east of the country (true), or at the country's own point (false: the convention
   * of GeoWebNews, LGL and GeoVirus, which place the country named after a direction word where they place the country).
   */
  directionalRegions: true,
  /** Runner-up candidates kept with each mention, with their probabilities, for the analyst to review. */
  alternatives: 3,
};
export type ResolveOptions = typeof RESOLVE_DEFAULTS;

function prior(e: GazetteerEntry, opts: ResolveOptions): number {
  const population = e.population || (e.gazetteer === 'curated' ? opts.curatedPopulation : 0);
  const weight = e.featureCode === 'ADM2' ? opts.countyPopulationWeight : opts.populationWeight;
  return (opts.featureWeight[e.featureCode] ?? 0) + weight * Math.log10(population + 1);
}

/**
 * City e, found by `name` (not its own), is so much larger than every town of that very name (the largest has
 * `largest` people) that the name is most likely its name in English: "Geneva" is Genève's. A spelling in another
 * language keeps the name's first letter; another name does not ("Canton" of Guangzhou is the Ohio town).
 */
function isExonym(e: GazetteerEntry, name: string, largest: number, opts: ResolveOptions): boolean {
  const own = normaliseName(e.name);
  return own[0] === name[0] && own.split(' ').length === name.split(' ').length && !own.startsWith(name) &&
    e.population >= opts.exonymMinPopulation && e.population >= opts.exonymMinRatio * largest;
}

/** The same name is the same place throughout a document (one sense per discourse). */
interface Group {
  key: string;
  /** The mentions' folded name. */
  name: string;
  mentions: number[];
  entries: GazetteerEntry[];
  scores: number[];
}

/** Indices of mentions followed by ", <container>" or " (<container>)", mapped to the container's mention. */
function containers(mentions: readonly PlaceMention[], text: string): Map<number, number> {
  const out = new Map<number, number>();
  for (let k = 0; k + 1 < mentions.length; k++) {
    const gap = text.slice(mentions[k].end, mentions[k + 1].start);
    if (gap === ', ' || gap === ' (' || gap === ',') out.set(k, k + 1);
  }
  return out;
}

/** "<country>.<admin1 code>" of an entry, or '' when it has none (countries, regions across borders). */
function admin1Key(e: GazetteerEntry, gazetteer: Gazetteer): string {
  if (!e.country || e.kind === 'country') return '';
  const code = gazetteer.admin1Code(e.id);
  return code ? `${e.country}.${code}` : '';
}

function inside(place: GazetteerEntry, container: GazetteerEntry, gazetteer: Gazetteer): boolean {
  if (place.id === container.id || !place.country) return false;
  if (container.kind === 'country') return place.country === container.country;
  if (container.featureCode === 'ADM1') {
    return place.country === container.country && gazetteer.admin1Code(place.id) === gazetteer.admin1Code(container.id);
  }
  return false;
}

/**
 * Town t, called `name` (or "<name> City" when it has a million people), lies in subdivision e: "New York" the city
 * in New York the state. Oklahoma City is not what "Oklahoma" means.
 */
function isBigTownOf(t: GazetteerEntry, e: GazetteerEntry, name: string, gazetteer: Gazetteer): boolean {
  const own = normaliseName(t.name);
  const called = (own === name && t.population >= 100_000) || (own === `${name} city` && t.population >= 1_000_000);
  return t.kind === 'city' && called && t.country === e.country && gazetteer.admin1Code(t.id) === gazetteer.admin1Code(e.id);
}

/**
 * Readings a and b of two names lie together: one is a county and the other lies in or beside it. Counties only:
 * towns near towns were tried and failed, as the commonest names (Washington, Boston, Houston) are also a cluster of
 * small towns in Pennsylvania, and a state holds a namesake of almost any town.
 */
function together(a: GazetteerEntry, b: GazetteerEntry, opts: ResolveOptions): boolean {
  if ((a.featureCode !== 'ADM2' && b.featureCode !== 'ADM2') || !a.country || a.country !== b.country || a.id === b.id) return false;
  // One degree of latitude is 111 km: most pairs are ruled out before the great-circle distance.
  if (Math.abs(a.lat - b.lat) * 111 > opts.coherenceKm) return false;
  return distanceKm(a, b) <= opts.coherenceKm;
}

/**
 * For each candidate of each ambiguous group, whether another name of the document has a reading beside it, leading
 * or not: an ambiguous town and an ambiguous county that meet in one place settle each other.
 */
function coherence(groups: readonly Group[], opts: ResolveOptions): Map<Group, boolean[]> {
  const out = new Map<Group, boolean[]>();
  // One of a pair is a county: a story that names none (most) costs nothing here.
  const counties = groups.filter((g) => g.entries.some((e) => e.featureCode === 'ADM2'));
  if (!counties.length) return out;
  for (const g of groups) {
    if (g.entries.length < 2) continue;
    const others = counties.includes(g) ? groups : counties;
    out.set(g, g.entries.map((e) => others.some((h) => h !== g && h.entries.some((c) => together(e, c, opts)))));
  }
  return out;
}

/** Country codes a place stands for as evidence: its own, or a region's members. */
function countriesOf(e: GazetteerEntry): string[] {
  return e.country ? [e.country] : e.countries ?? [];
}

function argmax(xs: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i;
  return best;
}

function margin(scores: readonly number[]): number {
  if (scores.length < 2) return Infinity;
  const sorted = [...scores].sort((a, b) => b - a);
  return sorted[0] - sorted[1];
}

/** What the document says about where it is: settled places by country, its home subdivision and country. */
interface Evidence {
  /** Per group, the levels of the places listed beside its mentions ("New York, Ohio and Vermont"). */
  listLevels: Map<Group, Set<string>>;
  countryVotes: Map<string, Set<Group>>;
  anchors: { group: Group; entry: GazetteerEntry }[];
  /** "<country>.<admin1>" -> the groups whose leading reading lies in it, each with its weight (1, or weak). */
  regionVotes: Map<string, Map<Group, number>>;
}

/** A place's level, for lists of like places: country, first-level subdivision, county, or town and the rest. */
function levelOf(e: GazetteerEntry): string {
  if (e.kind === 'country') return 'country';
  return e.featureCode === 'ADM1' || e.featureCode === 'ADM2' ? e.featureCode : e.kind;
}

/** For each group, the levels of the leading readings of the mentions listed right before or after its mentions. */
function listLevels(mentions: readonly PlaceMention[], groupOf: readonly Group[], text: string): Map<Group, Set<string>> {
  const out = new Map<Group, Set<string>>();
  const listed = (a: PlaceMention, b: PlaceMention) => /^(?:, |,? and |,? or )$/.test(text.slice(a.end, b.start));
  for (let k = 0; k < mentions.length; k++) {
    const g = groupOf[k];
    for (const n of [k - 1, k + 1]) {
      if (n < 0 || n >= mentions.length || groupOf[n] === g || !groupOf[n].entries.length) continue;
      if (!listed(mentions[Math.min(k, n)], mentions[Math.max(k, n)])) continue;
      const neighbour = groupOf[n];
      let levels = out.get(g);
      if (!levels) out.set(g, (levels = new Set()));
      levels.add(levelOf(neighbour.entries[argmax(neighbour.scores)]));
    }
  }
  return out;
}

/** Each group's leading reading, where it leads by anchorMargin or more, is evidence for the others. */
function gatherEvidence(groups: Iterable<Group>, gazetteer: Gazetteer, opts: ResolveOptions,
  lists: Map<Group, Set<string>>): Evidence {
  const countryVotes = new Map<string, Set<Group>>();
  const anchors: Evidence['anchors'] = [];
  const regionVotes: Evidence['regionVotes'] = new Map();
  for (const g of groups) {
    if (!g.entries.length) continue;
    const top = g.entries[argmax(g.scores)];
    const settled = g.entries.length === 1 || margin(g.scores) >= opts.anchorMargin;
    const region = admin1Key(top, gazetteer);
    if (region) {
      let voters = regionVotes.get(region);
      if (!voters) regionVotes.set(region, (voters = new Map()));
      voters.set(g, settled ? 1 : opts.regionWeakShare);
    }
    if (!settled) continue;
    for (const c of countriesOf(top)) {
      let voters = countryVotes.get(c);
      if (!voters) countryVotes.set(c, (voters = new Set()));
      voters.add(g);
    }
    if (top.country) anchors.push({ group: g, entry: top });
  }
  return { listLevels: lists, countryVotes, anchors, regionVotes };
}

/** What the document's other places say for candidate e of group g: its country named, its region, its neighbours. */
function evidenceFor(g: Group, e: GazetteerEntry, ev: Evidence, gazetteer: Gazetteer, opts: ResolveOptions): number {
  let score = 0;
  const votes = e.country ? ev.countryVotes.get(e.country) : undefined;
  const voters = votes ? votes.size - (votes.has(g) ? 1 : 0) : 0;
  // Each further place of the same country adds half as much again, up to twice the bonus.
  if (voters) score += opts.documentCountryBonus * Math.min(opts.documentCountryMaxFactor, 1 + (voters - 1) * opts.documentCountryStep);
  if (ev.listLevels.get(g)?.has(levelOf(e))) score += opts.listBonus;
  const region = admin1Key(e, gazetteer);
  let neighbours = 0;
  for (const [voter, weight] of (region && ev.regionVotes.get(region)) || []) if (voter !== g) neighbours += weight;
  score += opts.regionBonus * Math.min(opts.regionMaxPlaces, neighbours);
  let nearest = 0;
  let second = 0;
  for (const a of ev.anchors) {
    if (a.group === g) continue;
    const near = Math.exp(-distanceKm(e, a.entry) / opts.proximityKm);
    if (near > nearest) [nearest, second] = [near, nearest];
    else if (near > second) second = near;
  }
  return score + opts.proximityBonus * (nearest + second / 2);
}

/** Probabilities of a group's candidates: a softmax of their scores. */
function probabilities(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const weights = scores.map((s) => Math.exp(s - top));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * One entry per mention (null when it has no candidate), with a confidence 0..1 from the score margin over the
 * runner-up, and the runners-up themselves with their probabilities. Mentions of the same name in one document
 * resolve to the same place.
 */
export function resolve(
  mentions: readonly PlaceMention[],
  doc: IngestedDocument,
  gazetteer: Gazetteer,
  opts: ResolveOptions = RESOLVE_DEFAULTS,
): ResolvedMention[] {
  const groups = new Map<string, Group>();
  const groupOf: Group[] = [];
  mentions.forEach((m, k) => {
    const key = `${m.form}:${normaliseName(m.text)}`;
    let g = groups.get(key);
    if (!g) {
      const entries = m.candidates.map((id) => gazetteer.byId(id))
        .map((e) => (e && !opts.directionalRegions && e.id.startsWith('dir:') && e.country ? gazetteer.countryByCode(e.country) : e))
        .filter((e): e is GazetteerEntry => !!e);
      const name = normaliseName(m.text);
      const largest = Math.max(0, ...entries.filter((e) => e.kind === 'city' && normaliseName(e.name) === name).map((e) => e.population));
      const scores = entries.map((e) => prior(e, opts) - (e.kind === 'city' && normaliseName(e.name) !== name && !isExonym(e, name, largest, opts) ? opts.alternateNamePenalty : 0) -
        (e.featureCode === 'ADM1' && entries.some((t) => isBigTownOf(t, e, name, gazetteer)) ? opts.seatNamesakePenalty : 0));
      g = { key, name, mentions: [], entries, scores };
      groups.set(key, g);
    }
    g.mentions.push(k);
    groupOf[k] = g;
  });

  // "the Dnipro" is the river, "Dnipro" alone the city: a feature named with its article, never written so here.
  for (const g of groups.values()) {
    if (g.entries.length < 2 || !g.entries.some((e) => e.name.startsWith('the '))) continue;
    if (g.mentions.some((k) => /\bthe $/i.test(doc.text.slice(Math.max(0, mentions[k].start - 4), mentions[k].start)))) continue;
    g.entries.forEach((e, i) => {
      if (e.name.startsWith('the ') && normaliseName(e.name.slice(4)) === g.name) g.scores[i] -= opts.articlePenalty;
    });
  }

  // "Paris, Texas": a candidate inside the container named next to it wins, whatever its size.
  for (const [k, c] of containers(mentions, doc.text)) {
    const g = groupOf[k];
    const cg = groupOf[c];
    if (!cg.entries.length) continue;
    const container = cg.entries[argmax(cg.scores)];
    g.entries.forEach((e, i) => {
      if (inside(e, container, gazetteer)) g.scores[i] += opts.containerBonus;
    });
  }

  // "Calamba, Laguna": the name after the comma contains the place before it. When none of its candidates shares a
  // country with any candidate of that place (the gazetteer lacks the Philippine province), it is some other place
  // of that name, far away: better left unresolved than placed in Brazil.
  // Lists ("Tunisia, Libya", "Rehab, Liverpool and Cairo") are no containers: only a town before a non-country that
  // ends the list is read so.
  const orphans = new Set<Group>();
  const listed = (a: PlaceMention | undefined, b: PlaceMention | undefined) =>
    !!a && !!b && /^(?:,|, |,? and |,? or )$/.test(doc.text.slice(a.end, b.start));
  for (const [k, c] of containers(mentions, doc.text)) {
    const g = groupOf[k];
    const cg = groupOf[c];
    if (listed(mentions[k - 1], mentions[k]) || listed(mentions[c], mentions[c + 1])) continue;
    if (!g.entries.length || !g.entries.every((e) => e.kind === 'city' || e.kind === 'site')) continue;
    // "Smithville, Wash.": a sole subdivision or country after a town none of whose namesakes lies in it says the
    // town is one the gazetteer lacks; a Smithville elsewhere is not it.
    if (cg.entries.length === 1 && (cg.entries[0].kind === 'country' || cg.entries[0].featureCode === 'ADM1')) {
      if (!g.entries.some((e) => inside(e, cg.entries[0], gazetteer))) orphans.add(g);
      continue;
    }
    if (cg.entries.some((e) => e.kind === 'country')) continue;
    const inner = new Set(g.entries.flatMap(countriesOf));
    if (inner.size && cg.entries.length && !cg.entries.some((e) => countriesOf(e).some((x) => inner.has(x)))) orphans.add(cg);
  }

  // Evidence from each group's leading reading: the countries the document is about, its home region, and its
  // unambiguous places. Twice: places settled by the first round's evidence ("Georgia" next to Atlanta) are
  // evidence in the second.
  for (const [g, met] of coherence([...groups.values()], opts)) {
    met.forEach((yes, i) => {
      if (yes) g.scores[i] += opts.coherenceBonus;
    });
  }
  const base = new Map([...groups.values()].map((g) => [g, [...g.scores]]));
  let ev: Evidence = { listLevels: new Map(), countryVotes: new Map(), anchors: [], regionVotes: new Map() };
  // Each ambiguous group is read in turn, the least sure first, against the others' readings as they stand. Read all
  // at once, two names pulled each other across: "Cambridge", leaning to England, drew Boston there while Boston drew
  // Cambridge to Massachusetts, and the two swapped sides every round.
  const ambiguous = [...groups.values()].filter((g) => g.entries.length >= 2).sort((a, b) => margin(base.get(a)!) - margin(base.get(b)!));
  // The evidence is gathered again only once a reading it rests on has changed (a group's leader, or its being settled).
  const readingOf = (g: Group) => `${argmax(g.scores)} ${g.entries.length === 1 || margin(g.scores) >= opts.anchorMargin}`;
  let stale = true;
  for (let round = 0; round < opts.evidenceRounds; round++) {
    for (const g of ambiguous) {
      if (stale) ev = gatherEvidence(groups.values(), gazetteer, opts, listLevels(mentions, groupOf, doc.text));
      const before = readingOf(g);
      g.scores = base.get(g)!.map((score, i) => score + evidenceFor(g, g.entries[i], ev, gazetteer, opts));
      stale = readingOf(g) !== before;
    }
  }
  if (stale) ev = gatherEvidence(groups.values(), gazetteer, opts, listLevels(mentions, groupOf, doc.text));

  const isolated = (g: Group, e: GazetteerEntry) => {
    // A town of any size found by another of its names ("Hamas" is a Latin name of Hamm) is as doubtful as a small one.
    const byOtherName = normaliseName(e.name) !== g.name;
    if (e.kind !== 'city' || (e.population >= opts.isolatedMaxPopulation && !byOtherName)) return false;
    const others = ev.anchors.filter((a) => a.group !== g);
    if (!others.length || [...(ev.countryVotes.get(e.country ?? '') ?? [])].some((v) => v !== g)) return false;
    return others.every((a) => distanceKm(e, a.entry) > opts.isolatedKm);
  };

  const alternativesOf = new Map<Group, ResolvedMention['alternatives']>();
  return mentions.map((m, k) => {
    const g = groupOf[k];
    if (!g.entries.length || orphans.has(g)) return { ...m, entry: null, confidence: 0 };
    const best = argmax(g.scores);
    const entry = g.entries[best];
    if (isolated(g, entry)) return { ...m, entry: null, confidence: 0 };
    const confidence = g.entries.length === 1
      ? (entry.gazetteer === 'geonames' ? opts.soleConfidence.geonames : opts.soleConfidence.curated)
      : 1 / (1 + Math.exp(-margin(g.scores)));
    let alternatives = alternativesOf.get(g);
    if (!alternatives) {
      const p = probabilities(g.scores);
      alternatives = g.entries.map((e, i) => ({ entry: e, score: round3(p[i]) }))
        .filter((a) => a.entry !== entry)
        .sort((a, b) => b.score - a.score)
        .slice(0, opts.alternatives);
      alternativesOf.set(g, alternatives);
    }
    return { ...m, entry, confidence: round3(confidence), alternatives };
  });
}
