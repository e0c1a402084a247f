// Whether the page runs in the workbench (review mode on) and what published views show. Small and free of the
// review UI, which main.ts loads as a chunk of its own only in the workbench.
import { readEmbedOptions } from '../embed/options.ts';

/**
 * The workbench's API URL when the workbench server serves this page (it adds <meta name="flankline-workbench">),
 * else null: a published site, an export or an embedded view never has review mode.
 */
export function workbenchApi(doc: Document = document, href = location.href): URL | null {
  const content = doc.querySelector('meta[name="flankline-workbench"]')?.getAttribute('content');
  if (!content || readEmbedOptions(href).embed) return null;
  return new URL(content, doc.baseURI);
}
