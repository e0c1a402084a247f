// The title a reader sees for the data: the corpus's own (corpus.json), or what the data is, never another corpus's.
// Types only from the model: main.ts imports this, and a value import of the schemas from there once moved zod into a
// chunk evaluated before no-eval.ts (see main.ts).
import type { CorpusInfo } from '../../model/corpus.ts';

/** "16 events from 5 documents": the title of a corpus that has none, said from its data. */
export function defaultCorpusTitle(events: number, documents: number): string {
  const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
  return documents > 0 ? `${plural(events, 'event')} from ${plural(documents, 'document')}` : plural(events, 'event');
}

export interface CorpusHeading {
  title: string;
  subtitle: string | null;
  /** The title was made from the data (the corpus gave none). */
  fromData: boolean;
}

/** The heading of a corpus with `events` events from `documents` documents. */
export function corpusHeading(info: CorpusInfo, events: number, documents: number): CorpusHeading {
  return info.title
    ? { title: info.title, subtitle: info.subtitle, fromData: false }
    : { title: defaultCorpusTitle(events, documents), subtitle: info.subtitle, fromData: true };
}

/** The browser tab's title: "Flankline: Events on NATO's eastern flank". */
export const pageTitle = (heading: CorpusHeading) => `Flankline: ${heading.title}`;
