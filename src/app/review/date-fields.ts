// The date fields of the re-date and add forms: a precision (day, month, year, range) and the inputs it needs.
import { h } from './dom.ts';
import { choiceOf, intervalOf, type DateChoice, type Interval } from './review-dates.ts';

export interface DateFields {
  element: HTMLElement;
  /** The interval the fields say, or a sentence saying what is missing. */
  read(): Interval | string;
}

export function dateFields(current: Interval | null): DateFields {
  const start = current ? choiceOf(current) : { choice: 'day' as DateChoice, a: '', b: '' };
  const choice = h('select', { 'aria-label': 'Precision' }, ...(['day', 'month', 'year', 'range'] as DateChoice[])
    .map((c) => h('option', { value: c, selected: c === start.choice }, c)));
  const a = h('input', { 'aria-label': 'Date' });
  const b = h('input', { type: 'date', 'aria-label': 'Last day' });
  const fitInputs = () => {
    const c = choice.value as DateChoice;
    a.type = c === 'month' ? 'month' : c === 'year' ? 'number' : 'date';
    b.hidden = c !== 'range';
  };
  choice.addEventListener('change', () => { a.value = ''; fitInputs(); });
  fitInputs();
  a.value = start.a;
  b.value = start.b;
  return { element: h('div', { class: 'wb-row' }, choice, a, b), read: () => intervalOf(choice.value as DateChoice, a.value, b.value) };
}
