// corpus.json beside the events file (src/model/corpus.ts): the corpus's title and subtitle. Optional: a hand-made
// GeoJSON or an output written before it has none, and the app then says what the data is. A broken one is a note
// naming the file, never a failure of the map.
import { NO_CORPUS_INFO, readCorpusInfo, type CorpusInfo } from '../../model/index.ts';
import { isMissingResponse } from '../../model/parts.ts';
import { inlinedBundle, inlinedFile } from '../export/inlined.ts';

export const CORPUS_FILE = 'corpus.json';

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
  const { info, problems } = readCorpusInfo(json, label);
  return { info, warnings: problems.map((p) => `${p}.`) };
}
