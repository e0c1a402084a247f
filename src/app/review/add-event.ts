// Adding an event the pipeline missed: the analyst selects its sentence in the reader, the server returns the
// pipeline's best guess of its place, date and kind (src/pipeline/guess.ts), and the form starts from that guess.
import { CATEGORIES, type Category, type Source, type SourceDocument } from '../../model/index.ts';
import { CATEGORY_LABELS } from '../categories.ts';
import { formatEventDate } from '../format/date.ts';
import type { ReviewContext } from './context.ts';
import type { ReviewMap } from './review-map.ts';
import { button, h } from './dom.ts';
import type { Interval } from './review-dates.ts';
import { dateFields } from './date-fields.ts';
import { correctionPlace, optionLabel, placePicker, type PlaceOption } from './place-picker.ts';

interface Guess {
  start: number;
  end: number;
  place: PlaceOption | null;
  placeText: string | null;
  date: Interval | null;
  dateText: string | null;
  category: Category;
  persists: boolean;
  title: string;
}

/** Offsets in `container`'s text of the current selection, when it lies inside it and is not empty. */
export function selectionOffsets(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}

/** Adds the "add an event" tools to the reader that shows `doc`. */
export function addEventTools(ctx: ReviewContext, reviewMap: ReviewMap | null, doc: SourceDocument, _source: Source, reader: HTMLElement): void {
  const text = reader.querySelector<HTMLElement>('.reader-text');
  if (!text) return;
  const form = h('div', { class: 'wb-form wb-add' });
  const message = h('p', { class: 'wb-message', role: 'status' });
  const add = button('Add an event from the selection', () => { void start(); }, 'wb-button wb-primary wb-add-button');
  add.disabled = true;
  const bar = h('div', { class: 'wb-reader-bar' }, h('p', { class: 'note' }, 'Review mode: select the sentence that reports an event the pipeline missed.'), add, message, form);
  text.before(bar);
  let selected: { start: number; end: number } | null = null;
  const track = () => {
    selected = selectionOffsets(text);
    add.disabled = selected === null;
  };
  document.addEventListener('selectionchange', track);
  // The reader is replaced when it closes: stop listening then.
  new MutationObserver((_, observer) => {
    if (!reader.contains(bar)) { document.removeEventListener('selectionchange', track); observer.disconnect(); }
  }).observe(reader, { childList: true });

  const say = (line: string, error = false) => {
    message.textContent = line;
    message.classList.toggle('wb-error', error);
  };

  async function start(): Promise<void> {
    if (!selected) return;
    say('Reading the selection…');
    const answer = await ctx.api.post<{ guess: Guess; quote: string }>('guess', { doc: doc.file, ...selected });
    if (!answer.ok) { say(answer.error, true); return; }
    say('');
    showForm(answer.value.guess, answer.value.quote);
  }

  function showForm(guess: Guess, quote: string): void {
    let place: PlaceOption | null = guess.place;
    const placeLine = h('p', { class: 'wb-chosen' });
    const showPlace = () => { placeLine.textContent = place ? `Place: ${optionLabel(place)}` : 'Place: none found in the selection; choose one below.'; };
    showPlace();
    const title = h('input', { type: 'text', class: 'wb-wide', value: guess.title, 'aria-label': 'Title' });
    const category = h('select', { 'aria-label': 'Category' }, ...CATEGORIES.map((c) => h('option', { value: c, selected: c === guess.category }, CATEGORY_LABELS[c])));
    const fields = dateFields(guess.date);
    const picker = placePicker(ctx, reviewMap, {
      heading: 'Another place', none: '', fallback: { name: guess.place?.name ?? '', kind: guess.place?.kind ?? 'city', country: guess.place?.country ?? null },
      choose: (o) => { place = o; showPlace(); reviewMap?.showCandidates([{ lon: o.lon, lat: o.lat, label: o.name }]); }, chooseText: 'Place at',
    });
    if (place) reviewMap?.showCandidates([{ lon: place.lon, lat: place.lat, label: place.name }]);
    const dateNote = guess.dateText ? `The pipeline read the date from “${guess.dateText}”.` : guess.date ? `No date in the selection: ${formatEventDate(guess.date.start, guess.date.end, guess.date.precision)} is the document's publication date.` : 'No date found: give one.';
    const reason = h('input', { type: 'text', placeholder: 'Why (optional)', 'aria-label': 'Reason' });
    const submit = button('Add the event', async () => {
      const date = fields.read();
      if (typeof date === 'string') { say(date, true); return; }
      if (!place) { say('Choose a place first.', true); return; }
      say('Saving…');
      const error = await ctx.correct({ action: 'add', doc: doc.file, start: guess.start, end: guess.end, title: title.value, category: category.value,
        date, place: correctionPlace(place), persists: guess.persists, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) });
      if (error) say(error, true);
      else { form.replaceChildren(); reviewMap?.showCandidates([]); say('Added: it appears on the map and in the list.'); }
    }, 'wb-button wb-primary');
    form.replaceChildren(h('h4', {}, 'Add an event'), h('blockquote', { class: 'excerpt' }, quote), title, h('div', { class: 'wb-row' }, category),
      h('p', { class: 'note' }, dateNote), fields.element, placeLine, picker, reason,
      h('div', { class: 'wb-form-footer' }, submit, button('Cancel', () => { form.replaceChildren(); reviewMap?.showCandidates([]); reviewMap?.cancelPick(); })));
    title.focus();
  }
}
