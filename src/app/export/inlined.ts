// A single-file export (scripts/export-html.ts) carries its data in <script id="flankline-inlined"
// type="application/json">: files by their path beside the page, MapLibre's worker source, and the view to open.
// A page opened from file:// can fetch none of these, and a worker can only start from a blob: URL there.
import type { StyleSpecification } from 'maplibre-gl';

export const INLINED_ELEMENT_ID = 'flankline-inlined';

export interface InlinedBundle {
  /** Path relative to the page ('data/events.geojson', 'geo/land.geojson') -> parsed JSON. */
  files: Record<string, unknown>;
  /** maplibre-gl-worker.mjs, as text. */
  worker?: string;
  /** The fragment to open when the page's URL has none (e.g. 'time=2025-09-15'). */
  view?: string;
}

let cached: InlinedBundle | null | undefined;

export function inlinedBundle(): InlinedBundle | null {
  if (cached !== undefined) return cached;
  const el = typeof document === 'undefined' ? null : document.getElementById(INLINED_ELEMENT_ID);
  cached = el?.textContent ? (JSON.parse(el.textContent) as InlinedBundle) : null;
  return cached;
}

/** The inlined JSON for a URL, found by its path relative to the page; undefined when nothing is inlined. */
export function inlinedFile(url: string): unknown {
  const bundle = inlinedBundle();
  if (!bundle) return undefined;
  const base = document.baseURI;
  for (const [path, json] of Object.entries(bundle.files)) if (new URL(path, base).href === url) return json;
  return undefined;
}

/** Answers the page's own fetches of inlined files from the bundle, so every module reading a file beside the page
 * (data, basemap labels for the arcs, ...) works from disk without knowing about single-file exports. */
export function serveInlinedFetches(): void {
  if (!inlinedBundle()) return;
  const networkFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : new URL(String(input), document.baseURI).href;
    const json = inlinedFile(url);
    if (json === undefined) return networkFetch(input, init);
    return Promise.resolve(new Response(JSON.stringify(json), { status: 200, headers: { 'content-type': 'application/json' } }));
  };
}

// At import, before any module fetches: the app's modules import this one (through map.ts and data/load.ts).
serveInlinedFetches();

/** A blob: URL for the inlined worker, or null when the page was not exported. */
export function inlinedWorkerUrl(): string | null {
  const source = inlinedBundle()?.worker;
  return source ? URL.createObjectURL(new Blob([source], { type: 'text/javascript' })) : null;
}

/** The style with every GeoJSON source whose file is inlined given its data instead of its URL. */
export function withInlinedSources(style: StyleSpecification): StyleSpecification {
  if (!inlinedBundle()) return style;
  const sources = Object.fromEntries(Object.entries(style.sources).map(([id, source]) => {
    if (source.type !== 'geojson' || typeof source.data !== 'string') return [id, source];
    const data = inlinedFile(source.data);
    return [id, data === undefined ? source : { ...source, data }];
  }));
  return { ...style, sources } as StyleSpecification;
}
