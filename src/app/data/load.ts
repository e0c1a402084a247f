// Loads and checks the two files of the contract. Every failure becomes a sentence naming the file and the problem;
// only a missing or invalid events file is fatal, documents problems degrade to notes beside the excerpts.
import type { EventCollection, SourceDocument } from '../../model/index.ts';
import { inlinedFile } from '../export/inlined.ts';

/**
 * The contract's checks (zod and the schemas), in a chunk of their own fetched when a file is to be checked: the map's
 * first load does without them (issue 16).
 */
const contractChecks = () => import('../../model/validate.ts');
type Checks = Awaited<ReturnType<typeof contractChecks>>;

/**
 * Other sites a deployment trusts for `?data=`, from `<meta name="flankline-data-origins" content="https://a.org
 * https://b.org">` in index.html. Set by whoever hosts the page, never by a link: a URL that could allow its own
 * origin would allow anything. The page's Content-Security-Policy (connect-src) must list the same origins.
 */
function dataOriginsOfPage(): string[] {
  if (typeof document === 'undefined') return [];
  const content = document.querySelector('meta[name="flankline-data-origins"]')?.getAttribute('content') ?? '';
  return content.split(/[\s,]+/).filter(Boolean).flatMap((o) => {
    try {
      return [new URL(o).origin];
    } catch {
      return [];
    }
  });
}

export const LOAD_DEFAULTS = {
  eventsPath: 'data/events.geojson',
  documentsName: 'documents.json',
  /** Origins besides the page's own that `?data=` may point to (see dataOriginsOfPage). */
  dataOrigins: dataOriginsOfPage(),
};

export interface Dataset {
  events: EventCollection;
  documents: ReadonlyMap<string, SourceDocument>;
  eventsUrl: string;
  /** Non-fatal problems (documents missing, excerpts that do not match), each a sentence for the banner. */
  warnings: string[];
}

export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

/** The events URL: `?data=` when given and on this origin, else the default path beside the page. */
export function resolveEventsUrl(pageUrl: string, opts = LOAD_DEFAULTS): { url: string } | { error: string } {
  const page = new URL(pageUrl);
  const param = page.searchParams.get('data');
  if (param === null || param === '') return { url: new URL(opts.eventsPath, page).href };
  let url: URL;
  try {
    url = new URL(param, page);
  } catch {
    return { error: `?data=${param} is not a valid URL.` };
  }
  if (url.origin !== page.origin && !(url.origin !== 'null' && opts.dataOrigins.includes(url.origin))) {
    return { error: `?data=${param} points to another site (${url.origin}); only data on ${page.origin} is loaded.` };
  }
  return { url: url.href };
}

type Fetched = { ok: true; json: unknown } | { ok: false; error: string };

async function fetchJson(url: string, label: string): Promise<Fetched> {
  // A single-file export carries its data inline: a page opened from disk may fetch nothing.
  const inlined = inlinedFile(url);
  if (inlined !== undefined) return { ok: true, json: inlined };
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    return { ok: false, error: `${label} could not be fetched (${(e as Error).message}).` };
  }
  if (!response.ok) return { ok: false, error: `${label} is missing (HTTP ${response.status}).` };
  const text = await response.text();
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `${label} is not valid JSON: ${(e as Error).message}.` };
  }
}

function shortName(url: string): string {
  const u = new URL(url);
  return u.pathname.replace(/^\//, '') || url;
}

export async function loadDataset(eventsUrl: string, opts = LOAD_DEFAULTS): Promise<LoadResult> {
  const documentsUrl = new URL(opts.documentsName, eventsUrl).href;
  const eventsLabel = shortName(eventsUrl);
  const documentsLabel = shortName(documentsUrl);
  const [eventsFetched, documentsFetched, checks] = await Promise.all([
    fetchJson(eventsUrl, eventsLabel), fetchJson(documentsUrl, documentsLabel), contractChecks(),
  ]);
  if (!eventsFetched.ok) return { ok: false, errors: [eventsFetched.error] };
  const events = checks.validateEvents(eventsFetched.json);
  if (!events.ok) {
    // validateEvents lists the first ten problems: a 20 MB file with one mistake per feature stays readable.
    const more = events.errors.length >= 10 ? ['… and maybe more: only the first 10 problems are listed.'] : [];
    return { ok: false, errors: [`${eventsLabel} does not follow the event data contract:`, ...events.errors, ...more] };
  }
  const { documents, warnings } = checkedDocuments(checks, documentsFetched, documentsLabel);
  if (documents.length) {
    const mismatched = checks.checkExcerpts(events.value, documents).filter((p) => !p.includes('is not in documents.json'));
    if (mismatched.length > 0) {
      warnings.push(`${mismatched.length} excerpt(s) do not match their document text, e.g. ${mismatched[0]}.`);
    }
  }
  return {
    ok: true,
    dataset: { events: events.value, documents: new Map(documents.map((d) => [d.file, d])), eventsUrl, warnings },
  };
}

function checkedDocuments(checks: Checks, fetched: Fetched, label: string): { documents: SourceDocument[]; warnings: string[] } {
  if (!fetched.ok) return { documents: [], warnings: [`${fetched.error} Excerpts are shown without their documents.`] };
  const checked = checks.validateDocuments(fetched.json);
  if (!checked.ok) {
    return { documents: [], warnings: [`${label} does not follow the contract (${checked.errors[0]}); excerpts are shown without their documents.`] };
  }
  return { documents: checked.value, warnings: [] };
}

/**
 * documents.json beside the events file alone: a large dataset reads its events from events.bin, and its excerpts
 * are checked against the documents when their part is written, not here.
 */
export async function loadDocuments(eventsUrl: string, opts = LOAD_DEFAULTS): Promise<{ documents: ReadonlyMap<string, SourceDocument>; warnings: string[] }> {
  const documentsUrl = new URL(opts.documentsName, eventsUrl).href;
  const documentsLabel = shortName(documentsUrl);
  const [fetched, checks] = await Promise.all([fetchJson(documentsUrl, documentsLabel), contractChecks()]);
  const { documents, warnings } = checkedDocuments(checks, fetched, documentsLabel);
  return { documents: new Map(documents.map((d) => [d.file, d])), warnings };
}
