// Embedding options, read from the page's query string (`?embed=1&scrubber=0&autoplay=1&lock=1&origins=…`).
// They describe how the page is hosted, not the view, so they live in the query and the view in the fragment.

export interface EmbedOptions {
  /** Reduced chrome: map, scrubber, credits. Also on for embed.html. */
  embed: boolean;
  /** Show the timeline (scrubber and its controls). */
  scrubber: boolean;
  /** Start playing once the data is in. */
  autoplay: boolean;
  /** The reader cannot pan or zoom the map (a host page still can, with fitBounds). */
  lock: boolean;
  /** Origins whose postMessage commands are obeyed and which hear the map's events; '*' for any. */
  origins: string[];
}

export const EMBED_DEFAULTS = { embed: false, scrubber: true, autoplay: false, lock: false } as const;

const on = (v: string | null, fallback: boolean) => (v === null ? fallback : v === '1' || v === 'true' || v === '');

export function readEmbedOptions(pageUrl: string): EmbedOptions {
  const url = new URL(pageUrl);
  const q = url.searchParams;
  const origins = (q.get('origins') ?? '').split(',').map((o) => o.trim()).filter(Boolean)
    .map((o) => (o === '*' ? o : originOf(o))).filter((o): o is string => o !== null);
  return {
    embed: on(q.get('embed'), EMBED_DEFAULTS.embed) || url.pathname.endsWith('/embed.html'),
    scrubber: on(q.get('scrubber'), EMBED_DEFAULTS.scrubber),
    autoplay: on(q.get('autoplay'), EMBED_DEFAULTS.autoplay),
    lock: on(q.get('lock'), EMBED_DEFAULTS.lock),
    // file:// pages have the opaque origin 'null'; they can still be allowed explicitly with origins=*.
    origins: origins.length > 0 ? origins : [url.origin],
  };
}

function originOf(text: string): string | null {
  try {
    const o = new URL(text).origin;
    return o === 'null' ? null : o;
  } catch {
    return null;
  }
}

/** The query string for these options, leaving out what equals the defaults (used by the Share dialog). */
export function writeEmbedQuery(o: Partial<EmbedOptions>): string {
  const q = new URLSearchParams();
  if (o.embed) q.set('embed', '1');
  if (o.scrubber === false) q.set('scrubber', '0');
  if (o.autoplay) q.set('autoplay', '1');
  if (o.lock) q.set('lock', '1');
  if (o.origins?.length) q.set('origins', o.origins.join(','));
  return q.toString();
}
