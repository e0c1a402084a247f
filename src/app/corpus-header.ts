// The page's header and the browser tab: what the data is called (format/corpus-title.ts).
import { pageTitle, type CorpusHeading } from './format/corpus-title.ts';

/** Fills the header's title and subtitle and the tab's title; the full text stays readable where a line is cut. */
export function showCorpusHeading(heading: CorpusHeading, root: ParentNode = document): void {
  const title = root.querySelector<HTMLElement>('.corpus-title');
  const subtitle = root.querySelector<HTMLElement>('.corpus-subtitle');
  if (title) {
    title.textContent = heading.title;
    title.title = heading.title;
    title.classList.toggle('from-data', heading.fromData);
  }
  if (subtitle) {
    subtitle.textContent = heading.subtitle ?? '';
    subtitle.title = heading.subtitle ?? '';
    subtitle.hidden = !heading.subtitle;
  }
  if (root === document) document.title = pageTitle(heading);
}
