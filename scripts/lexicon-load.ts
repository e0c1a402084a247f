// Reads the built event lexicon from disk (built by `npm run prepare:data` from WordNet, see lexicon/README.md).
import { existsSync, readFileSync } from 'node:fs';
import { eventLexicon, type EventLexicon, type LexiconFile } from '../src/pipeline/lexicon/event-lexicon.ts';

export const LEXICON_PATH = 'lexicon/build/events.json';

export function loadLexicon(path: string = LEXICON_PATH): EventLexicon {
  if (!existsSync(path)) throw new Error(`${path}: event lexicon missing; run npm run prepare:data to build it`);
  let file: LexiconFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: event lexicon is not valid JSON (${(e as Error).message}); delete it and run npm run prepare:data`);
  }
  if (!file || typeof file.nouns !== 'object' || typeof file.verbs !== 'object') {
    throw new Error(`${path}: not an event lexicon (no nouns or verbs); delete it and run npm run prepare:data`);
  }
  return eventLexicon(file);
}
