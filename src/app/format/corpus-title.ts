// The title a reader sees for the data: the corpus's own (corpus.json), or what the data is, never another corpus's.
import { defaultCorpusTitle, type CorpusInfo } from '../../model/index.ts';

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
