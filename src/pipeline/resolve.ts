// Chooses one gazetteer entry per place mention: a prior from feature type and population, then the document's
// own evidence (the countries it names, its unambiguous places, "Paris, Texas" containers), one sense per name.
import type { Gazetteer } from './gazetteer.ts';
import type { GazetteerEntry, IngestedDocument, PlaceMention, ResolvedMention } from './types.ts';
import { normaliseName } from './places/normalise.ts';
import { distanceKm } from '../util/geo.ts';

export const RESOLVE_DEFAULTS = {
  /**
   * Prior of a feature type, in the same units as log10(population) x populationWeight: a country outranks any
   * town, a capital a provincial seat, a seat a village of the same name (country > capital > seat > place).
   */
  featureWeight: {
    PCLI: 9, CONT: 9, OCN: 9, SEA: 9, REGION: 9, RGN: 9, PEN: 9, GULF: 9, HQ: 9, BASE: 9, ADM1: 6.5,
    PPLC: 7, PPLA: 3, PPLA2: 1.5, PPLA3: 0.5, PPLA4: 0.3, PPLA5: 0.2, PPL: 0, PPLX: -1, PPLL: -0.5,
  } as Record<string, number>,
  /**
   * Taken from a town found by another of its names (a former or foreign one: Harare was "Salisbury") when the
   * text may mean a town of that very name.
   */
  alternateNamePenalty: 3,
  /**
   * Population assumed for curated regions, seas and sites, which have none: the Atlantic must outrank
   * Atlantic, Iowa even in a document about Iowa.
   */
  curatedPopulation: 10_000_000,
  /** Weight of log10(population + 1). */
  populationWeight: 0.9,
  /** Added to a candidate in a country the document names or places unambiguously elsewhere. */
  documentCountryBonus: 2.5,
  /**
   * Each further place of that country adds this share of the bonus again, up to documentCountryMaxFactor times the
   * bonus in all.
   */
  documentCountryStep: 0.5,
  documentCountryMaxFactor: 1.5,
  /** Added, times exp(-km / proximityKm), for the nearest unambiguous other place (half for the second nearest). */
  proximityBonus: 2,
  proximityKm: 800,
  /** Added to a candidate inside the container named right after it: "Paris, Texas", "Vilnius, Lithuania". */
  containerBonus: 8,
  /** Rounds of evidence: the second lets places the first settled speak for the rest. */
  evidenceRounds: 2,
  /**
   * Score margin from which a place counts as unambiguous evidence for the others (1.5: a leading reading about
   * 80% likely). Higher, a story naming only towns that are each a little ambiguous (Sunderland, Fulham, Norwich) had
   * no evidence at all, and a Virginian Yorkshire outranked nothing.
   */
  anchorMargin: 1.5,
  /**
   * A small town (below this population) that lies farther than isolatedKm from every other place of the document,
   * outside every country the document names, is taken for a word that happens to be a town's name ("Guildhall"
   * in a London story is not Guildhall, Vermont) and left unresolved.
   */
  isolatedMaxPopulation: 20_000,
  isolatedKm: 1500,
  /** Confidence of a mention with one candidate (curated, countries / GeoNames towns). */
  soleConfidence: { curated: 0.95, geonames: 0.85 },
};
export type ResolveOptions = typeof RESOLVE_DEFAULTS;

function prior(e: GazetteerEntry, opts: ResolveOptions): number {
  const population = e.population || (e.gazetteer === 'curated' ? opts.curatedPopulation : 0);
  return (opts.featureWeight[e.featureCode] ?? 0) + opts.populationWeight * Math.log10(population + 1);
}

/** The same name is the same place throughout a document (one sense per discourse). */
interface Group {
  key: string;
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

function inside(place: GazetteerEntry, container: GazetteerEntry, gazetteer: Gazetteer): boolean {
  if (place.id === container.id || !place.country) return false;
  if (container.kind === 'country') return place.country === container.country;
  if (container.featureCode === 'ADM1') {
    return place.country === container.country && gazetteer.admin1Code(place.id) === gazetteer.admin1Code(container.id);
  }
  return false;
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

/** What the document's other places say for candidate e of group g: its country named, its neighbours near. */
function evidence(
  g: Group,
  e: GazetteerEntry,
  countryVotes: Map<string, Set<Group>>,
  anchors: readonly { group: Group; entry: GazetteerEntry }[],
  opts: ResolveOptions,
): number {
  let score = 0;
  const voters = e.country ? [...(countryVotes.get(e.country) ?? [])].filter((v) => v !== g).length : 0;
  // Each further place of the same country adds half as much again, up to twice the bonus.
  if (voters) score += opts.documentCountryBonus * Math.min(opts.documentCountryMaxFactor, 1 + (voters - 1) * opts.documentCountryStep);
  let nearest = 0;
  let second = 0;
  for (const a of anchors) {
    if (a.group === g) continue;
    const near = Math.exp(-distanceKm(e, a.entry) / opts.proximityKm);
    if (near > nearest) [nearest, second] = [near, nearest];
    else if (near > second) second = near;
  }
  return score + opts.proximityBonus * (nearest + second / 2);
}

/**
 * One entry per mention (null when it has no candidate), with a confidence 0..1 from the score margin over the
 * runner-up. Mentions of the same name in one document resolve to the same place.
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
      const entries = m.candidates.map((id) => gazetteer.byId(id)).filter((e): e is GazetteerEntry => !!e);
      const name = normaliseName(m.text);
      const scores = entries.map((e) => prior(e, opts) - (e.kind === 'city' && normaliseName(e.name) !== name ? opts.alternateNamePenalty : 0));
      g = { key, mentions: [], entries, scores };
      groups.set(key, g);
    }
    g.mentions.push(k);
    groupOf[k] = g;
  });

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
    // "CAMP MURRAY, Wash.": a sole subdivision or country after a town none of whose namesakes lies in it says the
    // town is one the gazetteer lacks; Murray, Kentucky is not it.
    if (cg.entries.length === 1 && (cg.entries[0].kind === 'country' || cg.entries[0].featureCode === 'ADM1')) {
      if (!g.entries.some((e) => inside(e, cg.entries[0], gazetteer))) orphans.add(g);
      continue;
    }
    if (cg.entries.some((e) => e.kind === 'country')) continue;
    const inner = new Set(g.entries.flatMap(countriesOf));
    if (inner.size && cg.entries.length && !cg.entries.some((e) => countriesOf(e).some((x) => inner.has(x)))) orphans.add(cg);
  }

  // Evidence from each group's leading reading: the countries the document is about, and its unambiguous places.
  // Twice: places settled by the first round's evidence ("Georgia" next to Atlanta) are evidence in the second.
  const base = new Map([...groups.values()].map((g) => [g, [...g.scores]]));
  let countryVotes = new Map<string, Set<Group>>();
  let anchors: { group: Group; entry: GazetteerEntry }[] = [];
  for (let round = 0; round < opts.evidenceRounds; round++) {
    countryVotes = new Map();
    anchors = [];
    for (const g of groups.values()) {
      if (!g.entries.length) continue;
      const top = g.entries[argmax(g.scores)];
      if (g.entries.length > 1 && margin(g.scores) < opts.anchorMargin) continue;
      for (const c of countriesOf(top)) {
        let voters = countryVotes.get(c);
        if (!voters) countryVotes.set(c, (voters = new Set()));
        voters.add(g);
      }
      if (top.country) anchors.push({ group: g, entry: top });
    }
    for (const g of groups.values()) {
      if (g.entries.length < 2) continue;
      g.scores = base.get(g)!.map((score, i) => score + evidence(g, g.entries[i], countryVotes, anchors, opts));
    }
  }

  const isolated = (g: Group, e: GazetteerEntry) => {
    if (e.kind !== 'city' || e.population >= opts.isolatedMaxPopulation) return false;
    const others = anchors.filter((a) => a.group !== g);
    if (!others.length || [...(countryVotes.get(e.country ?? '') ?? [])].some((v) => v !== g)) return false;
    return others.every((a) => distanceKm(e, a.entry) > opts.isolatedKm);
  };

  return mentions.map((m, k) => {
    const g = groupOf[k];
    if (!g.entries.length || orphans.has(g)) return { ...m, entry: null, confidence: 0 };
    const best = argmax(g.scores);
    const entry = g.entries[best];
    if (isolated(g, entry)) return { ...m, entry: null, confidence: 0 };
    const confidence = g.entries.length === 1
      ? (entry.gazetteer === 'geonames' ? opts.soleConfidence.geonames : opts.soleConfidence.curated)
      : 1 / (1 + Math.exp(-margin(g.scores)));
    return { ...m, entry, confidence: Math.round(confidence * 1000) / 1000 };
  });
}
