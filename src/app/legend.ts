// The legend beside the map: a switch per category the dataset uses (pressing one hides or shows it on the map, the
// strip and the list), how states, contributors and incidents are drawn, and what faded and size mean.
import { CATEGORIES, type Category } from '../model/terms.ts';
import { CATEGORY_LABELS, cssColor } from './categories.ts';
import { categoryCounts, type EventsTable } from './state/events-table.ts';
import type { Store } from './state/store.ts';
import type { PostureTable } from '../model/posture-table.ts';
import { postureLegendEntries } from './legend-entries.ts';

function entry(swatchClass: string, background: string, text: string): HTMLLIElement {
  const li = document.createElement('li');
  const swatch = document.createElement('span');
  swatch.className = swatchClass;
  swatch.style.setProperty('--c', background);
  swatch.style.background = /swatch-(line|ring|uncertain|place-area)/.test(swatchClass) ? '' : background;
  li.append(swatch, document.createTextNode(text));
  return li;
}

export function createLegend(root: HTMLElement, table: EventsTable, postureTable: PostureTable, store: Store): void {
  root.classList.add('legend');
  const counts = categoryCounts(table);
  const used = new Set<Category>(CATEGORIES.filter((_, k) => counts[k] > 0));
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
    button.title = `Show or hide ${CATEGORY_LABELS[c].toLowerCase()} events (${counts[CATEGORIES.indexOf(c)].toLocaleString('en-GB')})`;
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = cssColor(c);
    button.append(swatch, document.createTextNode(CATEGORY_LABELS[c]));

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
  const SWATCH = { fill: 'swatch swatch-area', outline: 'swatch swatch-area swatch-line', square: 'swatch swatch-square',
    arc: 'swatch swatch-arc', ring: 'swatch swatch-ring', uncertain: 'swatch swatch-uncertain',
    area: 'swatch swatch-place-area' };
  for (const e of postureLegendEntries(table, postureTable)) {
    posture.append(entry(SWATCH[e.kind], e.kind === 'arc' || e.kind === 'ring' || e.kind === 'uncertain' || e.kind === 'area' ? '' : e.color, e.text));
  }
  const note = document.createElement('p');
  note.className = 'legend-note';
  const explain = () => {
    const { windowDays, hiddenCategories } = store.get();
    note.textContent = `Shaded areas and squares: in place at this date. Rings fade and markers pale ${windowDays} days after an event. `
      + `Larger: more sources. Press a category to hide it.`;
    for (const [c, button] of toggles) button.setAttribute('aria-pressed', String(!hiddenCategories.includes(c)));
  };
  store.subscribe((s, p) => { if (s.windowDays !== p.windowDays || s.hiddenCategories !== p.hiddenCategories) explain(); });
  explain();
  // Folded to a chip by default, so it never covers the map's heart; opened, it is docked beside the map (below its
  // top edge on a phone), and the map shrinks to the space left, so no marker or arc is ever drawn under it.
  const details = document.createElement('details');
  details.open = false;
  const summary = document.createElement('summary');
  summary.textContent = 'Legend';
  details.append(summary, ul, posture, note);
  root.append(details);
  dockWhenOpen(root, details);
}

/**
 * Opened, the legend takes a strip of the map's frame: CSS moves the map's edge (`.legend-open`), and the legend's
 * height goes to `--legend-height` for the phone layout, where it sits above the map instead of beside it.
 */
function dockWhenOpen(root: HTMLElement, details: HTMLDetailsElement): void {
  const frame = root.parentElement;
  const sync = () => {
    // A legend taken down by a reload must not move the map of the one built after it.
    if (!root.isConnected) return;
    root.classList.toggle('legend-open', details.open);
    frame?.classList.toggle('legend-docked', details.open);
    frame?.style.setProperty('--legend-height', `${root.offsetHeight}px`);
  };
  details.addEventListener('toggle', sync);
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(sync).observe(root);
  sync();
}
