// "Read the document": the full text, with the excerpt marked and scrolled into view.
import type { Source, SourceDocument } from '../../model/index.ts';
import { formatPublished } from '../format/date.ts';
import { appendSegments, segments } from './excerpt.ts';

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
  if (matches) {
    appendSegments(excerpt, segments(source.excerpt, source.start, source.highlights));
    text.append(document.createTextNode(doc.text.slice(0, source.start)), excerpt, document.createTextNode(doc.text.slice(source.end)));
  } else {
    text.append(document.createTextNode(doc.text));
  }
  container.append(back, title, meta);
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
