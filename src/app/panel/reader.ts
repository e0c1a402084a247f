// "Read the document": the full text, with the excerpt marked and scrolled into view, "Back to the event" kept at the
// top while reading, and scraped page furniture (cookie banners, menus, "More News") dimmed and folded.
import type { Source, SourceDocument } from '../../model/index.ts';
import { formatPublished } from '../format/date.ts';
import { appendSegments, segments } from './excerpt.ts';
import { foldedRuns } from './boilerplate.ts';

export const READER_TEXT = { folded: 'Page furniture (menus, banners): folded' };

/** Appends text[from, to) with its folded runs as <details>, dimmed, that a reader can still open. */
function appendText(parent: HTMLElement, text: string, from: number, to: number, runs: readonly [number, number][]): void {
  let at = from;
  for (const [s, e] of runs) {
    if (e <= from || s >= to) continue;
    if (s > at) parent.append(document.createTextNode(text.slice(at, s)));
    const fold = document.createElement('details');
    fold.className = 'reader-furniture';
    const summary = document.createElement('summary');
    // The label is drawn by CSS from the attribute, so the reader's text stays exactly the document's.
    summary.dataset.label = READER_TEXT.folded;
    summary.setAttribute('aria-label', READER_TEXT.folded);
    fold.append(summary, document.createTextNode(text.slice(Math.max(s, from), Math.min(e, to))));
    parent.append(fold);
    at = Math.min(e, to);
  }
  if (at < to) parent.append(document.createTextNode(text.slice(at, to)));
}

export function renderReader(container: HTMLElement, doc: SourceDocument, source: Source, onBack: () => void): void {
  container.replaceChildren();
  const back = document.createElement('button');
  back.type = 'button';
  back.className = 'reader-back';
  back.textContent = '← Back to the event';
  back.addEventListener('click', onBack);
  const title = document.createElement('h3');
  title.className = 'reader-title';
  title.textContent = doc.title || doc.file;
  const meta = document.createElement('p');
  meta.className = 'reader-meta';
  meta.textContent = [doc.credit, formatPublished(doc.published), doc.file].filter(Boolean).join(' · ');
  const text = document.createElement('div');
  text.className = 'reader-text';
  text.tabIndex = 0;
  text.setAttribute('aria-label', `Full text of ${doc.title || doc.file}`);
  const excerpt = document.createElement('mark');
  excerpt.className = 'reader-excerpt';
  const matches = doc.text.slice(source.start, source.end) === source.excerpt;
  const runs = matches ? foldedRuns(doc.text, source.start, source.end) : foldedRuns(doc.text, 0, 0);
  if (matches) {
    appendSegments(excerpt, segments(source.excerpt, source.start, source.highlights));
    appendText(text, doc.text, 0, source.start, runs);
    text.append(excerpt);
    appendText(text, doc.text, source.end, doc.text.length, runs);
  } else {
    appendText(text, doc.text, 0, doc.text.length, runs);
  }
  // A bar that stays at the top while the text scrolls, with room on its right for the panel's ×.
  const bar = document.createElement('div');
  bar.className = 'reader-bar';
  bar.append(back);
  container.append(bar, title, meta);
  if (!matches) {
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = 'The excerpt does not match this document at its offsets, so it is not marked.';
    container.append(note);
  }
  container.append(text);
  if (matches) requestAnimationFrame(() => excerpt.scrollIntoView({ block: 'center' }));
  back.focus();
}
