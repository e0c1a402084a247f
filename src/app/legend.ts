// The category legend over the map: only the categories the dataset uses, plus what faded and size mean.
import { CATEGORIES, type Category } from '../model/index.ts';
import { CATEGORY_LABELS, cssColor } from './categories.ts';
import type { EventsTable } from './state/events-table.ts';
import { BASEMAP_DEFAULTS } from './basemap-style.ts';
import type { Store } from './state/store.ts';

export function createLegend(root: HTMLElement, table: EventsTable, store: Store): void {
  root.classList.add('legend');
  const used = new Set<Category>(table.features.map((f) => f.properties.category));
  const ul = document.createElement('ul');
  for (const c of CATEGORIES) {
    if (!used.has(c)) continue;
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = cssColor(c);
    li.append(swatch, document.createTextNode(CATEGORY_LABELS[c]));
    ul.append(li);
  }
  const nato = document.createElement('li');
  const tint = document.createElement('span');
  tint.className = 'swatch swatch-area';
  tint.style.background = BASEMAP_DEFAULTS.nato;
  nato.append(tint, document.createTextNode('NATO member'));
  ul.append(nato);
  const note = document.createElement('p');
  note.className = 'legend-note';
  const explain = () => { note.textContent = `Faded: ended more than ${store.get().windowDays} days earlier. Larger: more sources.`; };
  store.subscribe((s, p) => { if (s.windowDays !== p.windowDays) explain(); });
  explain();
  // A <details> so a reader can fold it away; on a phone it starts folded.
  const details = document.createElement('details');
  details.open = !window.matchMedia('(max-width: 720px)').matches;
  const summary = document.createElement('summary');
  summary.textContent = 'Legend';
  details.append(summary, ul, note);
  root.append(details);
}
