// Places an analyst can move an event to: the resolver's other candidates for the words that named its place, and a
// search of the gazetteer by name. Both sorted best first, each with the context that tells namesakes apart.
import type { Gazetteer } from '../../src/pipeline/gazetteer.ts';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';
import type { MentionRecord } from '../../src/model/document.ts';
import { normaliseName } from '../../src/pipeline/places/normalise.ts';

export const PLACES_DEFAULTS = {
  /** Places offered at most. */
  limit: 10,
};

export interface PlaceOption {
  id: string;
  name: string;
  kind: GazetteerEntry['kind'];
  country: string | null;
  countries?: string[];
  lat: number;
  lon: number;
  geonameId?: number;
  gazetteer: GazetteerEntry['gazetteer'];
  population: number;
  /** "Texas, US": what tells this place from its namesakes. */
  context: string;
  /** The resolver's score for it, when the mention record carries one (issue 13's alternatives); else null. */
  score: number | null;
}

function optionOf(e: GazetteerEntry, gazetteer: Gazetteer, score: number | null): PlaceOption {
  const region = e.kind === 'city' || e.kind === 'site' ? gazetteer.admin1(e.country ?? '', gazetteer.admin1Code(e.id))?.name : undefined;
  const where = [region, e.country ?? e.countries?.join(', ')].filter(Boolean).join(', ');
  return {
    id: e.id, name: e.name, kind: e.kind, country: e.country, ...(e.countries?.length ? { countries: [...e.countries] } : {}),
    lat: e.lat, lon: e.lon, ...(e.geonameId !== undefined ? { geonameId: e.geonameId } : {}), gazetteer: e.gazetteer,
    population: e.population, context: where, score,
  };
}

const byPopulation = (a: GazetteerEntry, b: GazetteerEntry) => b.population - a.population || a.id.localeCompare(b.id);

/** Entries whose name or adjective ("Polish") is `text`, most populous first. */
function namesakes(text: string, gazetteer: Gazetteer): GazetteerEntry[] {
  const key = normaliseName(text.replace(/^the\s+/i, ''));
  if (!key) return [];
  const seen = new Map<string, GazetteerEntry>();
  for (const e of [...gazetteer.lookupName(key), ...gazetteer.lookupAdjective(key)]) seen.set(e.id, e);
  return [...seen.values()].sort(byPopulation);
}

/** A record's alternatives as issue 13 adds them ({ id, score } at least), read defensively: absent or odd, none. */
function recordAlternatives(record: MentionRecord): { id: string; score: number | null }[] {
  const list = (record as { alternatives?: unknown }).alternatives;
  if (!Array.isArray(list)) return [];
  return list.flatMap((a) => (a && typeof a === 'object' && typeof (a as { id?: unknown }).id === 'string'
    ? [{ id: (a as { id: string }).id, score: typeof (a as { score?: unknown }).score === 'number' ? (a as { score: number }).score : null }] : []));
}

/**
 * The other places an event could be at: for each mention that placed it, the resolver's alternatives with their
 * scores when its record has them, else the gazetteer's other places of that name, most populous first. The place
 * it is at now is left out.
 */
export function placeAlternatives(mentions: readonly MentionRecord[], currentId: string | null, gazetteer: Gazetteer,
  opts = PLACES_DEFAULTS): PlaceOption[] {
  const out = new Map<string, PlaceOption>();
  for (const m of mentions) {
    const scored = recordAlternatives(m);
    const options = scored.length
      ? scored.flatMap(({ id, score }) => { const e = gazetteer.byId(id); return e ? [optionOf(e, gazetteer, score)] : []; })
      : namesakes(m.text, gazetteer).map((e) => optionOf(e, gazetteer, null));
    for (const o of options) if (o.id !== currentId && !out.has(o.id)) out.set(o.id, o);
  }
  return [...out.values()].slice(0, opts.limit);
}

/** Places named `query` (exactly, as the pipeline normalises names), most populous first. */
export function searchPlaces(query: string, gazetteer: Gazetteer, opts = PLACES_DEFAULTS): PlaceOption[] {
  return namesakes(query, gazetteer).slice(0, opts.limit).map((e) => optionOf(e, gazetteer, null));
}
