// The posture summary beside the timeline: one button per line of postureSummary() at t. A line standing for one
// event selects it; a line standing for several frames them on the map.
// While the time moves it follows as the list does (follow.ts): a line's count changes, not its meaning.
import type { PostureTable } from '../../model/posture-table.ts';
import type { Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import { cssColor } from '../categories.ts';
import { followAtMost, whenIdle } from '../list/follow.ts';
import { postureSummary, type SummaryItem } from './summary.ts';
import { compactSummary } from './compact-summary.ts';

export const SUMMARY_VIEW_DEFAULTS = { followTimeMs: 150, followWaitMs: 1000 };

export function createSummaryView(root: HTMLElement, store: Store, table: EventsTable, posture: PostureTable,
  frame: (rows: number[]) => void, opts = SUMMARY_VIEW_DEFAULTS): void {
  root.classList.add('posture-summary');
  root.setAttribute('aria-label', 'Posture at this date');
  const label = document.createElement('span');
  label.className = 'posture-label';
  label.textContent = 'In place:';
  const list = document.createElement('ul');
  list.className = 'posture-full';
  // The same in few words, shown instead on a phone (styles.css) or wherever the full row does not fit in its width
  // (a laptop with several missions named): wraps to a line or two, never scrolls sideways.
  const compact = document.createElement('ul');
  compact.className = 'posture-compact';
  root.append(label, list, compact);
  let shown = '';
  const fitRow = () => {
    root.classList.remove('posture-tight');
    // Hidden on a phone (clientWidth 0): the compact row is shown there by the stylesheet whatever this says.
    if (list.clientWidth > 0 && list.scrollWidth > list.clientWidth + 1) root.classList.add('posture-tight');
  };
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(fitRow).observe(root);

  const button = (item: SummaryItem, className = 'posture-item') => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.dataset.category = item.category;
    b.dataset.count = String(item.count);
    b.title = item.rows.length === 1 ? 'Open this item' : `Show these ${item.rows.length} items on the map`;
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = cssColor(item.category);
    b.append(swatch, document.createTextNode(item.text));
    b.addEventListener('click', () => {
      if (item.rows.length === 1) store.set({ selectedId: table.feature(item.rows[0]).id });
      else frame(item.rows);
    });
    li.append(b);
    return li;
  };

  const render = () => {
    const { t, windowDays, hiddenCategories } = store.get();
    const items = postureSummary(table, posture, t, windowDays).filter((i) => !hiddenCategories.includes(i.category));
    const key = items.map((i) => `${i.text}|${i.rows.length}|${i.rows[0]}|${i.rows.at(-1)}`).join('\n');
    if (key === shown) return;
    shown = key;
    list.replaceChildren(...items.map((item) => button(item)));
    compact.replaceChildren(...compactSummary(items).map((item) => button(item, 'posture-chip')));
    root.classList.toggle('empty', items.length === 0);
    fitRow();
    if (!items.length) {
      for (const ul of [list, compact]) {
        const li = document.createElement('li');
        li.className = 'posture-none';
        li.textContent = 'nothing yet';
        ul.append(li);
      }
    }
  };
  const follow = followAtMost(render, opts.followTimeMs, whenIdle(opts.followWaitMs));
  store.subscribe((s, p) => {
    if (s.windowDays !== p.windowDays || s.hiddenCategories !== p.hiddenCategories) render();
    else if (s.t !== p.t) follow();
  });
  render();
}
