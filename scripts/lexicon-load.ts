// Reads the built event lexicon from disk (built by `npm run prepare:data` from WordNet, see lexicon/README.md).
import { readBuiltJson } from './built-json.ts';
import { eventLexicon, type EventLexicon, type LexiconFile } from '../src/pipeline/lexicon/event-lexicon.ts';

export const LEXICON_PATH = 'lexicon/build/events.json';

export function loadLexicon(path: string = LEXICON_PATH): EventLexicon {
  const file = readBuiltJson<LexiconFile>(path, 'event lexicon');
  if (!file || typeof file.nouns !== 'object' || typeof file.verbs !== 'object') {
    throw new Error(`${path}: not an event lexicon (no nouns or verbs); delete it and run npm run prepare:data`);
  }
  return eventLexicon(file);
}
