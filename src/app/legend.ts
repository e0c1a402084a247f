// The legend over the map: a switch per category the dataset uses (pressing one hides or shows it on the map, the
// strip and the list), how states, contributors and incidents are drawn, and what faded and size mean.
import { CATEGORIES, type Category } from '../model/index.ts';
import { CATEGORY_LABELS, cssColor } from './categories.ts';
import { categoryCounts, categoryOf, type EventsTable } from './state/events-table.ts';
import { BASEMAP_DEFAULTS } from './basemap-style.ts';
import type { Store } from './state/store.ts';
import { stateStyle } from './posture/states.ts';
import { PULSE_DEFAULTS } from './posture/pulse.ts';
import { ARCS_DEFAULTS } from './posture/arcs.ts';

const STYLE_TEXT = { fill: 'host country', outline: 'area', symbol: 'site' };

function entry(swatchClass: string, background: string, text: string): HTMLLIElement {
  const li = document.createElement('li');
  const swatch = document.createElement('span');
  swatch.className = swatchClass;
  swatch.style.setProperty('--c', background);
  swatch.style.background = swatchClass.includes('swatch-line') || swatchClass.includes('swatch-ring') ? '' : background;
  li.append(swatch, document.createTextNode(text));
  return li;
}

export function createLegend(root: HTMLElement, table: EventsTable, store: Store): void {
  root.classList.add('legend');
  root.classList.toggle('legend-large', table.mode === 'large');
  const counts = categoryCounts(table);
  const used = new Set<Category>(CATEGORIES.filter((_, k) => counts[k] > 0));
  // Large datasets draw no posture (it needs every full feature), so the legend leaves its entries out.
  const large = table.mode === 'large';
  const persisting = new Set<Category>();
  if (!large) for (let i = 0; i < table.length; i++) if (table.persistsUntil[i] !== -Infinity) persisting.add(categoryOf(table, i));
  const ul = document.createElement('ul');
  ul.className = 'legend-categories';
  const toggles = new Map<Category, HTMLButtonElement>();
  for (const c of CATEGORIES) {
    if (!used.has(c)) continue;
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'legend-toggle';
    button.dataset.category = c;
    button.title = `Show or hide ${CATEGORY_LABELS[c].toLowerCase()} events`;
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = cssColor(c);
    button.append(swatch, document.createTextNode(CATEGORY_LABELS[c]));
    if (large) {
      const count = document.createElement('span');
      count.className = 'legend-count';
      count.textContent = counts[CATEGORIES.indexOf(c)].toLocaleString('en-GB');
      button.append(' ', count);
    }
    button.addEventListener('click', () => {
      const hidden = store.get().hiddenCategories;
      store.set({ hiddenCategories: hidden.includes(c) ? hidden.filter((h) => h !== c) : [...hidden, c] });
    });
    toggles.set(c, button);
    li.append(button);
    ul.append(li);
  }
  const posture = document.createElement('ul');
  posture.className = 'legend-posture';
  for (const c of CATEGORIES) {
    if (!persisting.has(c)) continue;
    const style = stateStyle(c);
    const cls = style === 'fill' ? 'swatch swatch-area' : style === 'outline' ? 'swatch swatch-area swatch-line' : 'swatch swatch-square';
    posture.append(entry(cls, cssColor(c), `${CATEGORY_LABELS[c]} ${STYLE_TEXT[style]}`));
  }
  const hasContributors = () => {
    for (let i = 0; i < table.length; i++) {
      const p = table.feature(i).properties;
      if (p.actors.length && !ARCS_DEFAULTS.excludeCategories.includes(p.category)) return true;
    }
    return false;
  };
  if (!large && hasContributors()) {
    posture.append(entry('swatch swatch-arc', '', 'Contributor (from its capital)'));
  }
  const pulseEntry = !large && PULSE_DEFAULTS.categories.some((c) => used.has(c)) ? entry('swatch swatch-ring', '', '') : null;
  if (pulseEntry) posture.append(pulseEntry);
  const nato = entry('swatch swatch-area', BASEMAP_DEFAULTS.nato, 'NATO member');
  posture.append(nato);
  const note = document.createElement('p');
  note.className = 'legend-note';
  const explain = () => {
    const { windowDays, hiddenCategories } = store.get();
    note.textContent = large
      ? `Markers pale ${windowDays} days after an event. Press a category to hide it.`
      : `Shaded areas and squares: in place at this date. Rings fade and markers pale ${windowDays} days after an event. Larger: more sources. Press a category to hide it.`;
    if (pulseEntry) pulseEntry.lastChild!.textContent = 'Recent incident';
    for (const [c, button] of toggles) button.setAttribute('aria-pressed', String(!hiddenCategories.includes(c)));
  };
  store.subscribe((s, p) => { if (s.windowDays !== p.windowDays || s.hiddenCategories !== p.hiddenCategories) explain(); });
  explain();
  // A <details> so a reader can fold it away; on a phone it starts folded.
  const details = document.createElement('details');
  details.open = !window.matchMedia('(max-width: 720px)').matches;
  const summary = document.createElement('summary');
  summary.textContent = 'Legend';
  details.append(summary, ul, posture, note);
  root.append(details);
}
