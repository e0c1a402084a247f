// Adding documents from the page: drop files anywhere (or pick them), or paste a text with its title and date. The
// server stores each as plain text beside its original and reads the corpus again; the progress line follows it.
import type { ReviewContext } from './context.ts';
import { button, h } from './dom.ts';

export const ACCEPT = '.txt,.md,.markdown,.html,.htm,.pdf,.docx,.jsonl,.ndjson,.csv';

interface UploadAnswer {
  added: { name: string; file: string; title: string }[];
  failed: { name: string; message: string }[];
}

export interface Intake {
  open(): void;
  /** Sends files (from a drop or the picker) to the server and lists what became of each. */
  upload(files: readonly File[]): Promise<void>;
}

export function createIntake(ctx: ReviewContext): Intake {
  const results = h('ul', { class: 'wb-results', 'aria-live': 'polite' });
  const published = h('input', { type: 'date', 'aria-label': 'Published on (when the files do not say)' });
  const picker = h('input', { type: 'file', multiple: true, accept: ACCEPT, class: 'wb-file', 'aria-label': 'Choose files to add' });
  const zone = h('div', { class: 'wb-drop', tabindex: '0' }, 'Drop .txt, .md, .html (saved pages), .pdf or .docx files, or a .jsonl or .csv of articles, here, or ', h('label', { class: 'wb-pick' }, 'choose files', picker));
  const note = (line: string, ok: boolean) => results.prepend(h('li', { class: ok ? 'wb-ok' : 'wb-error' }, line));

  async function upload(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    if (published.value) form.append('published', published.value);
    ctx.say(`Adding ${files.length} file${files.length === 1 ? '' : 's'}…`, 'busy');
    const answer = await ctx.api.upload<UploadAnswer>('documents', form);
    if (!answer.ok) {
      note(answer.error, false);
      ctx.say(answer.error, 'error');
      return;
    }
    for (const a of answer.value.added) note(`${a.name}: added as ${a.file} (“${a.title}”)`, true);
    for (const f of answer.value.failed) note(f.message, false);
  }

  picker.addEventListener('change', () => {
    void upload([...(picker.files ?? [])]);
    picker.value = '';
  });
  for (const target of [zone, document.body]) {
    target.addEventListener('dragover', (e) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      zone.classList.add('wb-over');
    });
    target.addEventListener('dragleave', () => zone.classList.remove('wb-over'));
    target.addEventListener('drop', (e) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      e.stopPropagation();
      zone.classList.remove('wb-over');
      if (!dialog.open) dialog.show();
      void upload([...e.dataTransfer.files]);
    });
  }

  const title = h('input', { type: 'text', placeholder: 'Title', 'aria-label': 'Title of the pasted text', class: 'wb-wide' });
  const date = h('input', { type: 'date', 'aria-label': 'Published on' });
  const credit = h('input', { type: 'text', placeholder: 'Source (optional)', 'aria-label': 'Source' });
  const text = h('textarea', { rows: '6', placeholder: 'Paste the article text', 'aria-label': 'Text', class: 'wb-wide' });
  const paste = button('Add the text', async () => {
    ctx.say('Adding the pasted text…', 'busy');
    const answer = await ctx.api.post<UploadAnswer>('documents/text', { title: title.value, published: date.value || null, credit: credit.value || null, text: text.value });
    if (!answer.ok) {
      note(answer.error, false);
      ctx.say(answer.error, 'error');
      return;
    }
    for (const a of answer.value.added) note(`Pasted text: added as ${a.file} (“${a.title}”)`, true);
    title.value = '';
    text.value = '';
  }, 'wb-button wb-primary');

  const dialog = h('dialog', { class: 'wb-intake', 'aria-label': 'Add documents' },
    h('h2', {}, 'Add documents'),
    zone, h('label', { class: 'wb-row' }, 'Published on (when the files do not say): ', published),
    h('h3', {}, 'Or paste a text'), title, h('div', { class: 'wb-row' }, date, credit), text, paste,
    results, button('Close', () => dialog.close()));
  document.body.append(dialog);
  return { open: () => { if (!dialog.open) dialog.show(); }, upload };
}
