// The review queue: events that need review first, then the other unreviewed ones; what was rejected (kept for
// the record, with Restore); the corrections that no longer match their documents (orphans); and the documents
// with what became of each.
import type { EventFeature } from '../../model/index.ts';
import { formatEventDate } from '../format/date.ts';
import { dayOf } from '../../model/day.ts';
import type { ReviewContext } from './context.ts';
import { button, h } from './dom.ts';
import { needsReview, reviewOrder } from './needs-review.ts';

export interface Queue {
  element: HTMLElement;
  render(): void;
  toggle(open?: boolean): void;
}

export function createQueue(ctx: ReviewContext): Queue {
  const body = h('div', { class: 'wb-queue-body' });
  const element = h('aside', { class: 'wb-queue', 'aria-label': 'Review queue', hidden: true },
    h('div', { class: 'wb-queue-head' }, h('h2', {}, 'Review'), button('×', () => toggle(false), 'wb-close')), body);

  const select = (f: EventFeature) => {
    const start = dayOf(f.properties.start);
    ctx.store.set({ t: Math.max(ctx.store.get().t, start), selectedId: f.id });
  };
  const item = (f: EventFeature) => {
    const p = f.properties;
    const b = button('', () => select(f), `wb-queue-item${needsReview(f) ? ' wb-needs' : ''}`);
    b.dataset.id = f.id;
    b.append(h('span', { class: 'wb-queue-title' }, p.title),
      h('span', { class: 'wb-queue-meta' }, `${formatEventDate(p.start, p.end, p.precision)} · ${p.place.name} · ${Math.round(p.confidence * 100)}%${p.review ? ` · ${p.review.state}` : ''}`));
    return h('li', {}, b);
  };

  function render(): void {
    const all = ctx.features();
    const ordered = reviewOrder(all);
    const needing = ordered.filter((f) => needsReview(f));
    const rejected = all.filter((f) => f.properties.review?.state === 'rejected');
    const { orphans, documents } = ctx.state();
    const sections: HTMLElement[] = [
      h('h3', {}, `Needs review first (${needing.length} of ${ordered.length})`),
      h('ol', { class: 'wb-queue-list' }, ...ordered.map(item)),
    ];
    if (rejected.length) {
      sections.push(h('h3', {}, `Rejected (${rejected.length}), kept for the record`), h('ul', { class: 'wb-queue-list' }, ...rejected.map((f) =>
        h('li', { class: 'wb-rejected' }, h('span', {}, `${f.properties.title} · ${f.properties.review?.by}${f.properties.review?.reason ? `: ${f.properties.review.reason}` : ''}`),
          button('Restore', async () => { const error = await ctx.correct({ action: 'accept', event: f.id }); if (error) ctx.say(error, 'error'); }))),
      ));
    }
    if (orphans.length) {
      sections.push(h('h3', { class: 'wb-orphans-heading' }, `Orphaned corrections (${orphans.length})`),
        h('p', { class: 'note' }, 'Kept in corrections.json and not applied: each no longer matches its document.'),
        h('ul', { class: 'wb-orphans' }, ...orphans.map((o) => h('li', {},
          h('strong', {}, `${o.action} of ${o.was ? `“${o.was.title}”` : o.event}`), ` by ${o.by}, ${o.at.slice(0, 10)}: ${o.reason}. `,
          button('Remove it', async () => {
            const answer = await ctx.api.del(`corrections/${encodeURIComponent(o.id)}?revision=${ctx.state().revision}`);
            if (!answer.ok) ctx.say(answer.error, 'error');
          })))));
    }
    sections.push(h('h3', {}, `Documents (${documents.length})`), h('ul', { class: 'wb-documents' }, ...documents.map((d) => h('li', { class: d.problem ? 'wb-doc-problem' : '' },
      h('span', { class: 'wb-doc-title' }, d.title || d.file), ` ${d.file}${d.original ? ` (from ${d.original})` : ''} · ${d.events} event${d.events === 1 ? '' : 's'}`,
      d.problem ? h('span', { class: 'wb-doc-note' }, ` · ${d.problem}`) : null))));
    body.replaceChildren(...sections);
  }

  function toggle(open = element.hidden): void {
    element.hidden = !open;
    if (open) render();
  }
  return { element, render, toggle };
}
