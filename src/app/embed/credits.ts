// The credits line an embedded or exported map carries: who reported the events, and where the basemap and the
// places come from. Plain text, so the PNG export can draw the same words.
import type { SourceDocument } from '../../model/index.ts';
import { truncate } from '../../util/text.ts';

export const CREDITS_DEFAULTS = {
  basemap: 'Basemap: Natural Earth (public domain)',
  places: 'Places: GeoNames (CC BY 4.0), US Census Bureau, OurAirports, Wikipedia',
  /** More distinct sources than this are summarised as "and N more". */
  maxSources: 4,
  /** Longest source credit shown, in characters; a longer one is cut with "…" so the licences keep their room. */
  maxSourceChars: 48,
};

/** The two halves of the credits line: who reported the events, and the licences that must stay legible. */
export interface Credits {
  sources: string;
  licences: string;
}

export function creditsParts(documents: Iterable<SourceDocument>, opts = CREDITS_DEFAULTS): Credits {
  // By name: the credit (a publisher, an agency), else the document's title, never "see each event" (useless on paper).
  const names = [...new Set([...documents].map((d) => truncate(d.credit?.trim() || d.title.trim(), opts.maxSourceChars)).filter(Boolean))].sort();
  const shown = names.slice(0, opts.maxSources).join(', ');
  const more = names.length > opts.maxSources ? ` and ${names.length - opts.maxSources} more` : '';
  return {
    sources: names.length ? `Sources: ${shown}${more}` : 'Sources: none named in the data',
    licences: `${opts.basemap} · ${opts.places} · Flankline`,
  };
}

export function creditsText(documents: Iterable<SourceDocument>, opts = CREDITS_DEFAULTS): string {
  const { sources, licences } = creditsParts(documents, opts);
  return `${sources} · ${licences}`;
}

export function createCredits(parent: HTMLElement, documents: Iterable<SourceDocument>): HTMLElement {
  const p = document.createElement('p');
  p.className = 'embed-credits';
  p.textContent = creditsText(documents);
  parent.append(p);
  return p;
}
