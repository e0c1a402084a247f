// corpus.json beside the events file (src/model/corpus.ts): the corpus's title and subtitle. Optional: a hand-made
// GeoJSON or an output written before it has none, and the app then says what the data is. A broken one is a note
// naming the file, never a failure of the map.
import type { CorpusInfo } from '../../model/index.ts';
import { isMissingResponse } from '../../model/parts.ts';
import { inlinedBundle, inlinedFile } from '../export/inlined.ts';

export const CORPUS_FILE = 'corpus.json';

/** What the app shows without a corpus.json (the title is then made from the data). */
const NO_CORPUS_INFO: CorpusInfo = { title: null, subtitle: null };

/** The title and subtitle beside `eventsUrl`, and a sentence for each problem with them. */
export async function loadCorpusInfo(eventsUrl: string): Promise<{ info: CorpusInfo; warnings: string[] }> {
  const url = new URL(CORPUS_FILE, eventsUrl).href;
  const label = new URL(url).pathname.replace(/^\//, '') || url;
  let json: unknown;
  if (inlinedBundle()) {
    // A single-file export has what it carries: nothing more can be fetched from disk.
    json = inlinedFile(url);
    if (json === undefined) return { info: NO_CORPUS_INFO, warnings: [] };
  } else {
    let response: Response;
    try {
      response = await fetch(url);
    } catch {
      return { info: NO_CORPUS_INFO, warnings: [] };
    }
    if (isMissingResponse(response.status, response.headers.get('content-type'))) return { info: NO_CORPUS_INFO, warnings: [] };
    if (!response.ok) return { info: NO_CORPUS_INFO, warnings: [`${label} could not be read (HTTP ${response.status}); the title is made from the data.`] };
    try {
      json = JSON.parse(await response.text());
    } catch (e) {
      // A body cut off in transit or text that is not JSON: either way the title comes from the data.
      return { info: NO_CORPUS_INFO, warnings: [`${label} is not valid JSON (${(e as Error).message}); the title is made from the data.`] };
    }
  }
  // Its check (zod) in a chunk of its own, fetched with the file: the map's first load does without it (issue 16).
  const { readCorpusInfo } = await import('../../model/corpus.ts');
  const { info, problems } = readCorpusInfo(json, label);
  return { info, warnings: problems.map((p) => `${p}.`) };
}
