// What flows between the pipeline's stages. Offsets are JS string indices into the document text.
import type { Category, Precision } from '../model/event.ts';
import type { SourceDocument } from '../model/document.ts';

export interface Span {
  start: number;
  end: number;
}

/** A document after ingest: the text exactly as decoded, plus the spans that are not content (cookie banners...). */
export interface IngestedDocument extends SourceDocument {
  boilerplate: Span[];
}

export interface Sentence extends Span {
  text: string;
  /** False when the sentence lies inside boilerplate: its places and dates are not events. */
  isContent: boolean;
}

export type PlaceKind = 'site' | 'city' | 'country' | 'region';

/** One place a gazetteer knows. `id` is unique across gazetteers ("gn:756135", "ne:PL", "cur:nato-hq"). */
export interface GazetteerEntry {
  id: string;
  name: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2, or null for regions that span several countries. */
  country: string | null;
  countries?: string[];
  lat: number;
  lon: number;
  population: number;
  /**
   * GeoNames feature code (PPLC, PPLA, ADM1, ADM2, SEA, STRT, LK, STM, MTS, ISL, AIRP...) or a curated one (HQ, BASE,
   * REGION, BRDR for a border between two countries).
   */
  featureCode: string;
  geonameId?: number;
  /** Where the entry comes from: 'census' is the US Census Bureau's counties (us-atlas); 'analyst' a place set by hand in the workbench. */
  gazetteer: 'geonames' | 'naturalearth' | 'curated' | 'census' | 'analyst';
}

/** How the text names the place: "Poland", "Polish airspace", "the Baltics". */
export type MentionForm = 'name' | 'adjective' | 'region';

/** A stretch of text recognised as a place, before deciding which place. */
export interface PlaceMention extends Span {
  text: string;
  form: MentionForm;
  /** Gazetteer entry ids that carry this name, in no particular order. */
  candidates: string[];
}

/** A mention with the one place chosen for it (null when none fits), and how sure that choice is (0..1). */
export interface ResolvedMention extends PlaceMention {
  entry: GazetteerEntry | null;
  confidence: number;
  /** The runners-up, most likely first, each with its probability (0..1) among the candidates. */
  alternatives?: { entry: GazetteerEntry; score: number }[];
}

/** A date interval, inclusive, at the precision the text gives it. */
export interface DateInterval {
  start: string;
  end: string;
  precision: Precision;
}

/** A time expression found in the text ("on Wednesday", "in September 2025") and what it resolves to. */
export interface DateMention extends Span {
  text: string;
  /** null when the expression cannot be placed in time (relative, and the document has no published date). */
  interval: DateInterval | null;
}

/** A word or phrase that says something happened ("violated", "convened", "crashed"). */
export interface TriggerMention extends Span {
  text: string;
  category: Category;
  /** True for states that hold from their start on (deployments, missions, headquarters). */
  persists: boolean;
}
