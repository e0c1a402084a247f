// The posture summary beside the timeline: one button per line of postureSummary() at t. A line standing for one
// event selects it; a line standing for several frames them on the map.
import type { Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import { cssColor } from '../categories.ts';
import { postureSummary, type SummaryItem } from './summary.ts';

export function createSummaryView(root: HTMLElement, store: Store, table: EventsTable, frame: (ids: string[]) => void): void {
  root.classList.add('posture-summary');
  root.setAttribute('aria-label', 'Posture at this date');
  const label = document.createElement('span');
  label.className = 'posture-label';
  label.textContent = 'In place:';
  const list = document.createElement('ul');
  root.append(label, list);
  let shown = '';

  const button = (item: SummaryItem) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'posture-item';
    b.dataset.category = item.category;
    b.dataset.count = String(item.count);
    b.title = item.ids.length === 1 ? 'Open this item' : `Show these ${item.ids.length} items on the map`;
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = cssColor(item.category);
    b.append(swatch, document.createTextNode(item.text));
    b.addEventListener('click', () => {
      if (item.ids.length === 1) store.set({ selectedId: item.ids[0] });
      else frame(item.ids);
    });
    li.append(b);
    return li;
  };

  const render = () => {
    const { t, windowDays, hiddenCategories } = store.get();
    const items = postureSummary(table, t, windowDays).filter((i) => !hiddenCategories.includes(i.category));
    const key = items.map((i) => `${i.text}|${i.ids.join()}`).join('\n');
    if (key === shown) return;
    shown = key;
    list.replaceChildren(...items.map(button));
    root.classList.toggle('empty', items.length === 0);
    if (!items.length) {
      const li = document.createElement('li');
      li.className = 'posture-none';
      li.textContent = 'nothing yet';
      list.append(li);
    }
  };
  store.subscribe((s, p) => { if (s.t !== p.t || s.windowDays !== p.windowDays || s.hiddenCategories !== p.hiddenCategories) render(); });
  render();
}
