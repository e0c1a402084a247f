// The id a permalink keeps (docs/event-data.md): made from what the event is, never from what else is in the corpus.
//
//   meeting-gn2643743-2025-05-05      a meeting at GeoNames place 2643743 (London, England) on 5 May 2025
//   meeting-gn6058560-2025-05-05      the same day's meeting at GeoNames place 6058560 (London, Ontario)
//   incursion-ne-pl-2025-09-10        an incursion into Natural Earth's Poland
//   headquarters-cur-nato-hq-2024-12-06  a curated entry, by its curated id
//
// Category, place identity and start date only. The place's name is left out on purpose: a gazetteer that spells
// a place another way ("Kiev", "Kyiv") must not break every link to it. Two places of one name never share an id,
// and an event added by an unrelated document cannot take an existing event's id (write.ts, issue 12).

import { fnv1a32 } from '../util/hash.ts';

/** FNV-1a, 32 bit, in base 36: short and stable. */
export function shortHash(text: string): string {
  return fnv1a32(text).toString(36);
}

/** "Velyka Novosilka" -> "velyka-novosilka", "Ādaži" -> "adazi". */
export function slug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** What identifies a place whatever it is called or which list it came from. */
export interface PlaceIdentity {
  /** The gazetteer entry id: "gn:2643743", "ne:PL", "cur:nato-hq". */
  id: string;
  /** The GeoNames id, when the place has one: it outlives any rebuild of the gazetteer. */
  geonameId?: number;
}

/**
 * The place part of an id: `gn<geonameId>` when there is one, else the entry id made URL-safe ("ne:PL" ->
 * "ne-pl"), with a hash of the id added when making it URL-safe lost anything, so two entries never share a tag.
 */
export function placeTag(place: PlaceIdentity): string {
  if (place.geonameId !== undefined) return `gn${place.geonameId}`;
  const tag = slug(place.id);
  const lossless = place.id.toLowerCase().replace(/:/g, '-') === tag;
  return lossless && tag ? tag : `${tag || 'place'}-${shortHash(place.id)}`;
}

/** The id of the event of this category at this place starting on this day. */
export function eventId(category: string, place: PlaceIdentity, start: string): string {
  return `${category}-${placeTag(place)}-${start}`;
}
