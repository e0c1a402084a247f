// The review section under an event in the panel: its review state, the pipeline's reason, and the actions an
// analyst takes on it (accept, reject, move, re-date, retitle, recategorise, merge, split), each a small form whose
// result is one correction recorded by the server.
import { CATEGORIES, type EventFeature } from '../../model/index.ts';
import { CATEGORY_LABELS } from '../categories.ts';
import { formatDay, formatEventDate } from '../format/date.ts';
import { renderExcerpt } from '../panel/excerpt.ts';
import type { ReviewContext } from './context.ts';
import type { ReviewMap } from './review-map.ts';
import { button, h } from './dom.ts';
import { reviewLine, needsReview } from './needs-review.ts';
import { dateFields } from './date-fields.ts';
import { correctionPlace, placePicker, type PlaceOption } from './place-picker.ts';

/** The reason field and the submit/cancel buttons every form ends with. */
function formFooter(submitText: string, onSubmit: (reason: string) => void, onCancel: () => void): HTMLElement {
  const reason = h('input', { type: 'text', class: 'wb-reason-input', placeholder: 'Why (optional, kept with the correction)', 'aria-label': 'Reason' });
  const submit = h('button', { type: 'submit', class: 'wb-button wb-primary' }, submitText);
  const row = h('div', { class: 'wb-form-footer' }, reason, submit, button('Cancel', onCancel));
  row.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.target === reason) { e.preventDefault(); onSubmit(reason.value.trim()); } });
  submit.addEventListener('click', (e) => { e.preventDefault(); onSubmit(reason.value.trim()); });
  return row;
}

export function reviewSection(ctx: ReviewContext, reviewMap: ReviewMap | null, f: EventFeature): HTMLElement {
  const p = f.properties;
  const state = h('p', { class: `wb-state${needsReview(f) ? ' wb-needs' : ''}${p.review ? ` wb-${p.review.state}` : ''}` }, reviewLine(f, formatDay));
  const reason = p.reason ? h('p', { class: 'wb-why' }, h('strong', {}, 'Why the pipeline put it here: '), p.reason) : null;
  const form = h('div', { class: 'wb-form' });
  const message = h('p', { class: 'wb-message', role: 'status' });
  const close = () => {
    form.replaceChildren();
    reviewMap?.showCandidates([]);
    reviewMap?.cancelPick();
  };
  const say = (text: string, error = false) => {
    message.textContent = text;
    message.classList.toggle('wb-error', error);
    message.setAttribute('role', error ? 'alert' : 'status');
  };
  async function send(body: Record<string, unknown>, done: string): Promise<void> {
    say('Saving…');
    const error = await ctx.correct({ event: f.id, ...body });
    if (error) say(error, true);
    else {
      close();
      say(done);
    }
  }
  const open = (title: string, ...content: (Node | null)[]) => {
    close();
    say('');
    form.append(h('h4', {}, title), ...content.filter((n): n is Node => n !== null));
    (form.querySelector('input, select, button') as HTMLElement | null)?.focus();
  };

  const actions = h('div', { class: 'wb-actions' },
    button(p.review?.state === 'rejected' ? 'Restore' : 'Accept', () => { void send({ action: 'accept' }, 'Accepted.'); }, 'wb-button wb-accept'),
    button('Reject…', () => open('Reject this event', h('p', { class: 'note' }, 'It disappears from published views and stays in the data, listed under Rejected.'),
      formFooter('Reject', (why) => { void send({ action: 'reject', ...(why ? { reason: why } : {}) }, 'Rejected.'); }, close)), 'wb-button wb-reject'),
    button('Move…', () => openMove()),
    button('Re-date…', () => openRedate()),
    button('Retitle…', () => {
      const input = h('input', { type: 'text', class: 'wb-wide', value: p.title, 'aria-label': 'New title' });
      open('Retitle', input, formFooter('Retitle', (why) => { void send({ action: 'retitle', title: input.value, ...(why ? { reason: why } : {}) }, 'Retitled.'); }, close));
    }),
    button('Recategorise…', () => {
      const select = h('select', { 'aria-label': 'Category' }, ...CATEGORIES.map((c) => h('option', { value: c, selected: c === p.category }, CATEGORY_LABELS[c])));
      open('Recategorise', select, formFooter('Recategorise', (why) => { void send({ action: 'recategorise', category: select.value, ...(why ? { reason: why } : {}) }, 'Recategorised.'); }, close));
    }),
    button('Merge…', () => openMerge()),
    button('Split…', () => openSplit()),
  );

  function openMove(): void {
    const picker = placePicker(ctx, reviewMap, {
      heading: 'Other places with this name',
      load: () => ctx.api.get<{ places: PlaceOption[] }>(`events/${encodeURIComponent(f.id)}/alternatives`),
      none: 'The gazetteer has no other place of this name: search for one, or pick it on the map.',
      fallback: p.place,
      choose: (o) => { void send({ action: 'move', place: correctionPlace(o) }, `Moved to ${o.name}.`); },
      chooseText: 'Move to',
    });
    open(`Move: now at ${p.place.name} (${p.place.kind})`, picker, button('Cancel', close));
  }

  function openRedate(): void {
    const fields = dateFields({ start: p.start, end: p.end, precision: p.precision });
    const excerpts = h('div', { class: 'wb-excerpts' }, h('p', { class: 'wb-sub' }, 'Date expressions in its sentences are marked:'),
      ...p.sources.map((s) => renderExcerpt(s)));
    open(`Re-date: now ${formatEventDate(p.start, p.end, p.precision)}`, excerpts, fields.element,
      formFooter('Re-date', (why) => {
        const interval = fields.read();
        if (typeof interval === 'string') say(interval, true);
        else void send({ action: 'redate', date: interval, ...(why ? { reason: why } : {}) }, `Re-dated to ${formatEventDate(interval.start, interval.end, interval.precision)}.`);
      }, close));
  }

  function openMerge(): void {
    const others = ctx.features().filter((o) => o.id !== f.id && o.properties.review?.state !== 'rejected')
      .sort((x, y) => Number(y.properties.category === p.category) - Number(x.properties.category === p.category)
        || Math.abs(Date.parse(x.properties.start) - Date.parse(p.start)) - Math.abs(Date.parse(y.properties.start) - Date.parse(p.start)));
    if (others.length === 0) {
      open('Merge', h('p', { class: 'note' }, 'There is no other event to merge with.'), button('Cancel', close));
      return;
    }
    const select = h('select', { 'aria-label': 'The same event', class: 'wb-wide' }, ...others.map((o) => h('option', { value: o.id },
      `${o.properties.title} · ${formatEventDate(o.properties.start, o.properties.end, o.properties.precision)} · ${o.properties.place.name}`)));
    open('Merge: the same real event as', select, h('p', { class: 'note' }, 'Its sources join this event, which keeps its place, date and title.'),
      formFooter('Merge', (why) => { void send({ action: 'merge', other: select.value, ...(why ? { reason: why } : {}) }, 'Merged.'); }, close));
  }

  function openSplit(): void {
    const boxes = p.sources.map((_, i) => h('input', { type: 'checkbox', value: String(i), checked: p.sources.length === 1 || i > 0 }));
    const items = p.sources.map((s, i) => h('label', { class: 'wb-source' }, boxes[i], ` ${s.doc}: “${s.excerpt.length > 140 ? `${s.excerpt.slice(0, 139)}…` : s.excerpt}”`));
    open('Split: these sources are another event', p.sources.length === 1
      ? h('p', { class: 'note' }, 'One source: the new event is a copy reported by the same sentence (one sentence, two events); move or re-date either afterwards.')
      : null, ...items, formFooter('Split', (why) => {
      const sources = boxes.filter((x) => x.checked).map((x) => Number(x.value));
      if (sources.length === 0) say('Tick the sources that report the other event.', true);
      else void send({ action: 'split', sources, ...(why ? { reason: why } : {}) }, 'Split.');
    }, close));
  }

  return h('section', { class: 'wb-review', 'aria-label': 'Review' }, h('h3', { class: 'panel-sources-heading' }, 'Review'), state, reason, actions, form, message);
}
