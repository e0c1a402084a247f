// Choosing a place for an event: the places offered (the resolver's other candidates, or the pipeline's guess),
// drawn on the map with their numbers; a search of the gazetteer by name; or a click on the map, where the analyst
// names the place and says what kind it is (site, city, region, country).
import type { Place } from '../../model/index.ts';
import type { ReviewContext } from './context.ts';
import type { ReviewMap } from './review-map.ts';
import type { Answer } from './api.ts';
import { button, h } from './dom.ts';

/** A place the server offers (scripts/workbench/places.ts), or one picked on the map. */
export interface PlaceOption {
  id?: string;
  name: string;
  kind: Place['kind'];
  country: string | null;
  countries?: string[];
  lat: number;
  lon: number;
  geonameId?: number;
  gazetteer: Place['gazetteer'];
  population?: number;
  context?: string;
  score?: number | null;
}

const KINDS: Place['kind'][] = ['site', 'city', 'region', 'country'];

/** The place as a correction sets it (the server's schema: no display fields). */
export function correctionPlace(o: PlaceOption) {
  return {
    ...(o.id && !o.id.startsWith('analyst:') ? { id: o.id } : {}), name: o.name, kind: o.kind, country: o.country,
    ...(o.countries?.length ? { countries: o.countries } : {}), lat: o.lat, lon: o.lon,
    ...(o.geonameId !== undefined ? { geonameId: o.geonameId } : {}), gazetteer: o.gazetteer,
  };
}

/** "Vilnius (city · Vilnius County, LT · pop. 542,366 · score 0.82)". */
export function optionLabel(o: PlaceOption): string {
  const bits = [o.kind, o.context, o.population ? `pop. ${o.population.toLocaleString('en-GB')}` : '', typeof o.score === 'number' ? `score ${o.score.toFixed(2)}` : ''];
  return `${o.name} (${bits.filter(Boolean).join(' · ')})`;
}

export interface PlacePickerOptions {
  heading: string;
  /** The places offered first; absent: only the search and the map. */
  load?: () => Promise<Answer<{ places: PlaceOption[] }>>;
  /** What the list says when nothing is offered. */
  none: string;
  /** Name, kind and country a map click starts from. */
  fallback: { name: string; kind: Place['kind']; country: string | null };
  choose(o: PlaceOption): void;
  /** "Move to", "Place at". */
  chooseText: string;
}

export function placePicker(ctx: ReviewContext, reviewMap: ReviewMap | null, opts: PlacePickerOptions): HTMLElement {
  const list = h('ol', { class: 'wb-places' });
  const note = h('p', { class: 'note' }, opts.load ? 'Loading…' : '');
  const show = (options: PlaceOption[], empty: string) => {
    list.replaceChildren(...options.map((o) => h('li', {}, button(`${opts.chooseText} ${optionLabel(o)}`, () => opts.choose(o), 'wb-place'))));
    note.textContent = options.length ? '' : empty;
    reviewMap?.showCandidates(options.map((o, i) => ({ lon: o.lon, lat: o.lat, label: `${i + 1} ${o.name}` })));
  };
  const query = h('input', { type: 'search', placeholder: 'Search the gazetteer by name', 'aria-label': 'Search the gazetteer' });
  const search = async () => {
    const q = query.value.trim();
    if (!q) return;
    note.textContent = `Searching for ${q}…`;
    const found = await ctx.api.get<{ places: PlaceOption[] }>(`places?q=${encodeURIComponent(q)}`);
    if (!found.ok) note.textContent = found.error;
    else show(found.value.places, `The gazetteer has no place named "${q}".`);
  };
  query.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); void search(); } });
  const picked = h('div', { class: 'wb-picked' });
  const pick = button('Pick on the map', async () => {
    picked.replaceChildren(h('p', { class: 'note' }, 'Click the map where it happened (Escape cancels).'));
    const at = reviewMap ? await reviewMap.pick() : null;
    if (!at) { picked.replaceChildren(); return; }
    const name = h('input', { type: 'text', value: opts.fallback.name, 'aria-label': 'Name of the place' });
    const kind = h('select', { 'aria-label': 'Kind of place' }, ...KINDS.map((k) => h('option', { value: k, selected: k === opts.fallback.kind }, k)));
    reviewMap?.showCandidates([{ ...at, label: 'here' }]);
    picked.replaceChildren(h('p', { class: 'note' }, `Picked ${at.lat.toFixed(4)}, ${at.lon.toFixed(4)}: name it and say what kind of place it is.`), name, kind,
      button(`${opts.chooseText} this point`, () => opts.choose({
        name: name.value.trim() || opts.fallback.name, kind: kind.value as Place['kind'], country: opts.fallback.country, lat: at.lat, lon: at.lon, gazetteer: 'analyst',
      }), 'wb-button wb-primary'));
  });
  if (opts.load) {
    void opts.load().then((found) => {
      if (!found.ok) note.textContent = found.error;
      else show(found.value.places, opts.none);
    });
  }
  return h('div', { class: 'wb-place-picker' }, h('p', { class: 'wb-sub' }, opts.heading), note, list,
    h('div', { class: 'wb-row' }, query, button('Search', () => { void search(); })), h('div', { class: 'wb-row' }, pick), picked);
}
