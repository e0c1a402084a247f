// The credits line an embedded or exported map carries: who reported the events, and where the basemap and the
// places come from. Plain text, so the PNG export can draw the same words.
import type { SourceDocument } from '../../model/index.ts';

export const CREDITS_DEFAULTS = {
  basemap: 'Basemap: Natural Earth (public domain)',
  places: 'Places: GeoNames (CC BY 4.0), US Census Bureau, OurAirports, Wikipedia',
  /** More distinct sources than this are summarised as "and N more". */
  maxSources: 4,
};

export function creditsText(documents: Iterable<SourceDocument>, opts = CREDITS_DEFAULTS): string {
  const names = [...new Set([...documents].map((d) => d.credit?.trim() || '').filter(Boolean))].sort();
  const shown = names.slice(0, opts.maxSources).join(', ');
  const more = names.length > opts.maxSources ? ` and ${names.length - opts.maxSources} more` : '';
  const sources = names.length ? `Sources: ${shown}${more}` : 'Sources: see each event';
  return `${sources} · ${opts.basemap} · ${opts.places} · Flankline`;
}

export function createCredits(parent: HTMLElement, documents: Iterable<SourceDocument>): HTMLElement {
  const p = document.createElement('p');
  p.className = 'embed-credits';
  p.textContent = creditsText(documents);
  parent.append(p);
  return p;
}
