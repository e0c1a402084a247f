// The list beside the map: what is visible at t, latest first, synced with the map by hover and selection.
import type { Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import { countStartedBy, strengthAt } from '../state/visible.ts';
import { CATEGORY_LABELS, cssColor } from '../categories.ts';
import { formatEventDate } from '../format/date.ts';

export const LIST_DEFAULTS = {
  /** Items rendered at most; the rest are summarised, so a large dataset does not build a huge DOM on each scrub. */
  maxItems: 200,
  /** What an empty dataset says (main.ts says something else when the data failed to load). */
  emptyText: 'This dataset has no events.',
};

/** `filter.passes(i)`: whether event i passes the reader's search and category toggles (absent: all pass). */
export function createEventList(root: HTMLElement, store: Store, table: EventsTable, opts = LIST_DEFAULTS,
  filter?: { passes(i: number): boolean }): void {
  const passes = (i: number) => !filter || filter.passes(i);
  root.classList.add('event-list');
  const heading = document.createElement('h2');
  heading.className = 'list-heading';
  heading.textContent = 'Events so far';
  const ol = document.createElement('ol');
  const more = document.createElement('p');
  more.className = 'list-more';
  root.append(heading, ol, more);
  const items = new Map<string, HTMLElement>();
  let shownCount = -1;
  let shownWindow = -1;
  let shownFreshKey = '';
  let shownFilter: unknown = null;

  function item(i: number): HTMLElement {
    const f = table.features[i];
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'list-item';
    button.dataset.id = f.id;
    const dot = document.createElement('span');
    dot.className = 'swatch';
    dot.style.background = cssColor(f.properties.category);
    const title = document.createElement('span');
    title.className = 'list-title';
    title.textContent = f.properties.title;
    const meta = document.createElement('span');
    meta.className = 'list-meta';
    const p = f.properties;
    meta.textContent = `${formatEventDate(p.start, p.end, p.precision)} · ${p.place.name} · ${CATEGORY_LABELS[p.category]}`;
    button.append(dot, title, meta);
    button.addEventListener('click', () => store.set({ selectedId: f.id }));
    button.addEventListener('mouseenter', () => store.set({ hoveredId: f.id }));
    button.addEventListener('mouseleave', () => { if (store.get().hoveredId === f.id) store.set({ hoveredId: null }); });
    button.addEventListener('focus', () => store.set({ hoveredId: f.id }));
    button.addEventListener('blur', () => { if (store.get().hoveredId === f.id) store.set({ hoveredId: null }); });
    li.append(button);
    return li;
  }

  function render(): void {
    const { t, windowDays, query, hiddenCategories } = store.get();
    const count = countStartedBy(table.start, t);
    const first = Math.max(0, count - opts.maxItems);
    let freshKey = '';
    for (let i = count - 1; i >= first; i--) freshKey += strengthAt(table, i, t, windowDays) === 'full' ? '1' : '0';
    const filterKey = `${query}|${hiddenCategories.join()}`;
    if (count === shownCount && windowDays === shownWindow && freshKey === shownFreshKey && filterKey === shownFilter) return;
    const filterChanged = filterKey !== shownFilter;
    shownFilter = filterKey;
    const focusedId = (document.activeElement as HTMLElement | null)?.dataset?.id;
    let hiddenByFilter = 0;
    if (count !== shownCount || filterChanged) {
      items.clear();
      const nodes: HTMLElement[] = [];
      for (let i = count - 1; i >= first; i--) {
        if (!passes(i)) { hiddenByFilter++; continue; }
        const li = item(i);
        items.set(table.features[i].id, li);
        nodes.push(li);
      }
      ol.replaceChildren(...nodes);
      if (focusedId) (items.get(focusedId)?.firstElementChild as HTMLElement | undefined)?.focus();
    }
    for (let i = count - 1; i >= first; i--) {
      items.get(table.features[i].id)?.classList.toggle('faded', strengthAt(table, i, t, windowDays) !== 'full');
    }
    more.textContent = count === 0 ? (table.length === 0 ? opts.emptyText : 'No events yet at this date.')
      : items.size === 0 && hiddenByFilter ? 'No events match the search or the categories shown.'
        : first > 0 ? `and ${first} earlier events` : '';
    shownCount = count;
    shownWindow = windowDays;
    shownFreshKey = freshKey;
  }

  store.subscribe((state, previous) => {
    if (state.t !== previous.t || state.windowDays !== previous.windowDays || state.query !== previous.query
      || state.hiddenCategories !== previous.hiddenCategories) render();
    if (state.hoveredId !== previous.hoveredId) {
      if (previous.hoveredId) items.get(previous.hoveredId)?.classList.remove('hovered');
      const li = state.hoveredId ? items.get(state.hoveredId) : undefined;
      li?.classList.add('hovered');
      if (li && !root.contains(document.activeElement)) li.scrollIntoView({ block: 'nearest' });
    }
    if (state.selectedId !== previous.selectedId) {
      if (previous.selectedId) items.get(previous.selectedId)?.classList.remove('selected');
      if (state.selectedId) items.get(state.selectedId)?.classList.add('selected');
    }
  });
  render();
}
