// The list beside the map: what is visible at t, latest first, synced with the map by hover and selection.
import type { Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import type { EventFeature } from '../../model/index.ts';
import { countStartedBy, strengthAt } from '../state/visible.ts';
import { CATEGORY_LABELS, cssColor } from '../categories.ts';
import { formatWhen, isUncertainDate, uncertaintyTag } from '../format/certainty.ts';
import { listWindow, LIST_WINDOW_DEFAULTS, type ListWindow } from './list-window.ts';
import { followAtMost, whenIdle } from './follow.ts';
import type { Search } from '../state/search.ts';
import { csvOf, download, geojsonOf, visibleRows } from './export-visible.ts';
import { isoOf } from '../../model/day.ts';
import { countryName as nameOfCountry } from '../format/place.ts';

export const LIST_DEFAULTS = {
  /** Items rendered at most; the rest are summarised, so a large dataset does not build a huge DOM on each scrub. */
  ...LIST_WINDOW_DEFAULTS,
  /** What an empty dataset says (main.ts says something else when the data failed to load). */
  emptyText: 'This dataset has no events.',
  /**
   * While the time moves (a drag, Play), the list follows at most this often, in the browser's idle time but at most
   * `followWaitMs` late: rebuilding 200 items on every step cost a scrub a sixth of its frame in software rendering.
   */
  followTimeMs: 150,
  followWaitMs: 1000,
  /**
   * While the time moves, a new list builds only its first items (more than a tall list shows) and the rest in the
   * browser's idle time, a few at a time: building all 200 in one go was a 100 ms task in one scrub frame a second at
   * 100,000 events, the slowest frames of a scrub (issue 16).
   */
  itemsWhileMoving: 40,
};

/**
 * Why an item matched the search (state/search.ts looks in titles, place names, the place's country and excerpts):
 * "Matches the title", "Placed in Poland", "Matches the place; placed in Poland".
 */
export function whyMatched(query: string, title: string, place: string, country: string | null = null): string {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const inPlace = (w: string) => place.toLowerCase().includes(w);
  const inTitle = (w: string) => title.toLowerCase().includes(w);
  const countryName = country ? nameOfCountry(country) : null;
  const inCountry = (w: string) => countryName?.toLowerCase().includes(w) ?? false;
  const where: string[] = [];
  if (words.some(inPlace)) where.push('the place');
  if (words.some(inTitle)) where.push('the title');
  if (!words.every((w) => inPlace(w) || inTitle(w) || inCountry(w))) where.push('a source\'s text');
  // Said only when the country's name is what found it: "Warsaw" placed in Poland needs no "placed in Poland".
  const byCountry = words.some((w) => inCountry(w) && !inPlace(w) && !inTitle(w));
  const parts = [...(where.length ? [`Matches ${where.join(' and ')}`] : []), ...(byCountry ? [`placed in ${countryName}`] : [])];
  const line = parts.join('; ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/** What the list needs of the search (state/search.ts): absent, every event passes. */
export type ListFilter = Pick<Search, 'passes' | 'key' | 'subscribe'>;

/**
 * `filter.passes(i)`: whether event i passes the reader's search and category toggles.
 * `decorate`: review mode's marks on an item ("needs review"), called as each is built.
 */
export function createEventList(root: HTMLElement, store: Store, table: EventsTable, opts = LIST_DEFAULTS,
  filter?: ListFilter, decorate?: (button: HTMLButtonElement, f: EventFeature) => void): void {
  const passes = (i: number) => !filter || filter.passes(i);
  root.classList.add('event-list');
  const heading = document.createElement('h2');
  heading.className = 'list-heading';
  heading.textContent = 'Events so far';
  const ol = document.createElement('ol');
  const more = document.createElement('p');
  more.className = 'list-more';
  const exports = document.createElement('p');
  exports.className = 'list-export';
  exports.append(document.createTextNode('Download what is shown: '));
  for (const [label, kind] of [['CSV', 'csv'], ['GeoJSON', 'geojson']] as const) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `list-export-${kind}`;
    b.textContent = label;
    b.title = `The events shown at this date, with the search and categories applied, as ${label}`;
    b.addEventListener('click', () => {
      const rows = visibleRows(table, store.get().t, passes);
      const day = isoOf(store.get().t);
      if (kind === 'csv') download(csvOf(table, rows), `flankline-events-${day}.csv`, 'text/csv;charset=utf-8');
      else download(geojsonOf(table, rows), `flankline-events-${day}.geojson`, 'application/geo+json');
    });
    exports.append(b, document.createTextNode(' '));
  }
  root.append(heading, exports, ol, more);
  const items = new Map<string, HTMLElement>();
  const shownItems: HTMLElement[] = [];
  let shownWindow: ListWindow = { rows: [], earlier: 0, filtered: 0 };
  let shownCount = -1;
  let shownWindowDays = -1;
  let shownFreshKey = '';
  let shownFilter: unknown = null;

  function item(i: number): HTMLElement {
    const f = table.feature(i);
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'list-item';
    button.dataset.id = f.id;
    const dot = document.createElement('span');
    dot.className = 'swatch';
    dot.style.background = cssColor(f.properties.category);
    dot.style.setProperty('--c', cssColor(f.properties.category));
    const title = document.createElement('span');
    title.className = 'list-title';
    title.textContent = f.properties.title;
    const meta = document.createElement('span');
    meta.className = 'list-meta';
    const p = f.properties;
    const tag = uncertaintyTag(p);
    meta.textContent = `${formatWhen(p)}${tag && tag !== 'planned' ? ` (${tag})` : ''} · ${p.place.name} · ${CATEGORY_LABELS[p.category]}`;
    // An uncertain date (a month or a year, planned, or only the report's date) is drawn hollow, never as certain.
    li.classList.toggle('uncertain', isUncertainDate(p));
    li.classList.toggle('planned', p.status === 'planned');
    button.append(dot, title, meta);
    const query = filter?.key() ?? '';
    if (query) {
      const why = document.createElement('span');
      why.className = 'list-why';
      why.textContent = whyMatched(query, p.title, p.place.name, p.place.country);
      button.append(why);
    }
    decorate?.(button, f);
    button.addEventListener('click', () => store.set({ selectedId: f.id }));
    button.addEventListener('mouseenter', () => store.set({ hoveredId: f.id }));
    button.addEventListener('mouseleave', () => { if (store.get().hoveredId === f.id) store.set({ hoveredId: null }); });
    button.addEventListener('focus', () => store.set({ hoveredId: f.id }));
    button.addEventListener('blur', () => { if (store.get().hoveredId === f.id) store.set({ hoveredId: null }); });
    li.append(button);
    return li;
  }

  /** Rows of the shown window whose items are still to be built (idle time), after a list built while the time moved. */
  let unbuilt: number[] = [];
  let building = false;

  function addItem(i: number): HTMLElement {
    const li = item(i);
    const id = li.firstElementChild!.getAttribute('data-id')!;
    items.set(id, li);
    shownItems.push(li);
    const s = store.get();
    li.classList.toggle('selected', s.selectedId === id);
    li.classList.toggle('hovered', s.hoveredId === id);
    li.classList.toggle('faded', strengthAt(table, i, s.t, s.windowDays) !== 'full');
    return li;
  }

  function buildUnbuilt(deadline: IdleDeadline): void {
    building = false;
    const added: HTMLElement[] = [];
    while (unbuilt.length > 0 && deadline.timeRemaining() > 2) added.push(addItem(unbuilt.shift()!));
    ol.append(...added);
    if (unbuilt.length > 0) scheduleUnbuilt();
  }

  function scheduleUnbuilt(): void {
    if (building || unbuilt.length === 0) return;
    building = true;
    requestIdleCallback(buildUnbuilt);
  }

  /** `moving`: the time is moving (a drag, Play): a new list may leave its later items to idle time. */
  function render(moving = false): void {
    const { t, windowDays, hiddenCategories } = store.get();
    const query = filter?.key() ?? '';
    const count = countStartedBy(table.start, t);
    const filterKey = `${query}|${hiddenCategories.join()}`;
    const rebuild = count !== shownCount || filterKey !== shownFilter;
    if (rebuild) {
      const filtering = filter !== undefined && (query !== '' || hiddenCategories.length > 0);
      shownWindow = listWindow(count, filtering ? passes : undefined, opts);
    }
    const { rows, earlier, filtered } = shownWindow;
    let freshKey = '';
    for (const i of rows) freshKey += strengthAt(table, i, t, windowDays) === 'full' ? '1' : '0';
    if (!rebuild && unbuilt.length === 0 && windowDays === shownWindowDays && freshKey === shownFreshKey) return;
    shownFilter = filterKey;
    const focusedId = (document.activeElement as HTMLElement | null)?.dataset?.id;
    if (rebuild || (!moving && unbuilt.length > 0)) {
      items.clear();
      shownItems.length = 0;
      // A reader in the list (an item has the focus) gets it whole; so does a browser without idle callbacks.
      const now = moving && !(focusedId && root.contains(document.activeElement)) && typeof requestIdleCallback === 'function'
        ? opts.itemsWhileMoving : rows.length;
      for (const i of rows.slice(0, now)) addItem(i);
      unbuilt = rows.slice(now);
      ol.replaceChildren(...shownItems);
      if (focusedId) (items.get(focusedId)?.firstElementChild as HTMLElement | undefined)?.focus();
      scheduleUnbuilt();
    }
    for (let k = 0; k < shownItems.length; k++) shownItems[k].classList.toggle('faded', freshKey[k] !== '1');
    more.textContent = count === 0 ? (table.length === 0 ? opts.emptyText : 'No events yet at this date.')
      : rows.length === 0 && filtered ? (earlier > 0
        ? `None of the latest ${filtered.toLocaleString('en-GB')} events match the search or the categories shown; ${earlier.toLocaleString('en-GB')} earlier events were not searched.`
        : 'No events match the search or the categories shown.')
        : earlier > 0 ? `and ${earlier.toLocaleString('en-GB')} earlier events` : '';
    shownCount = count;
    shownWindowDays = windowDays;
    shownFreshKey = freshKey;
  }

  const followTime = followAtMost(() => render(true), opts.followTimeMs, whenIdle(opts.followWaitMs));

  store.subscribe((state, previous) => {
    if (state.windowDays !== previous.windowDays || state.hiddenCategories !== previous.hiddenCategories) render();
    else if (state.t !== previous.t) followTime();
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
  filter?.subscribe(() => render());
  render();
}
