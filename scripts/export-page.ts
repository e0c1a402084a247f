// The single-file export's page, assembled from the built index.html and checked before it is written
// (scripts/export-html.ts runs it). Pure: text in, text out.
//
// Every splice of data into the page goes through a replacer function, never a replacement string: in a string,
// `$&`, `$$`, `` $` `` and `$'` are patterns, so a title or excerpt holding one would rewrite the page around it.
import { createHash } from 'node:crypto';
import { INLINED_ELEMENT_ID, type InlinedBundle } from '../src/app/export/inlined.ts';

/** Keeps inlined code from ending its <script> element early or opening an HTML comment inside it. */
export const scriptSafe = (js: string) => js.replace(/<\/(script)/gi, (_, name: string) => `<\\/${name}`).replace(/<!--/g, () => '<\\!--');
/** JSON with no `<` at all: nothing in it can end the element or open a comment, and JSON.parse reads it back. */
export const jsonSafe = (json: string) => json.replace(/</g, () => '\\u003c');

export const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The page's Content-Security-Policy forbids inline code; the exported file's own inlined script and styles, and
 * nothing else, are allowed by their hashes, so the policy keeps its meaning.
 */
export function allowInlined(html: string, scripts: readonly string[], styles: readonly string[]): string {
  return html.replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/i, (_, open: string, policy: string, close: string) => {
    const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
    const add = (name: string, sources: readonly string[]) => {
      const i = directives.findIndex((d) => d.split(/\s+/)[0] === name);
      if (i >= 0) directives[i] = `${directives[i]} ${sources.join(' ')}`;
      else directives.push(`${name} 'self' ${sources.join(' ')}`);
    };
    add('script-src', scripts);
    add('style-src', styles);
    // From file:// (origin 'null') MapLibre turns its worker into a data: URL before starting it.
    add('worker-src', ['data:']);
    add('child-src', ['data:']);
    return `${open}${directives.join('; ')}${close}`;
  });
}

export interface AssembledPage {
  html: string;
  /** The inlined module script's text, as it stands in the page (checked by verifyExport). */
  scripts: string[];
}

/**
 * The built page with its module scripts and stylesheets inlined (read through `asset`, by their href), the policy
 * allowing exactly them, and the bundle's JSON in its own element before </head>.
 */
export function assemblePage(builtHtml: string, asset: (href: string) => string, bundle: InlinedBundle): AssembledPage {
  // The data goes in first, while the page is the build's own template: inlined code may hold "</head>" itself.
  if (builtHtml.split('</head>').length !== 2) throw new Error('the built page does not have exactly one </head>');
  const data = `<script id="${INLINED_ELEMENT_ID}" type="application/json">${jsonSafe(JSON.stringify(bundle))}</script>`;
  let html = builtHtml.replace('</head>', () => `${data}\n</head>`);
  const scripts: string[] = [];
  const styles: string[] = [];
  // The data holds no "<", so these patterns can only match the build's own tags.
  html = html.replace(/<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g, (_, src: string) => {
    const js = scriptSafe(asset(src));
    scripts.push(js);
    return `<script type="module">${js}</script>`;
  });
  html = html.replace(/<link rel="stylesheet"[^>]*\shref="([^"]+)"[^>]*>/g, (_, href: string) => {
    const css = asset(href).replace(/<\/style/gi, () => '<\\/style');
    styles.push(css);
    return `<style>${css}</style>`;
  });
  html = allowInlined(html, scripts.map(sha256), styles.map(sha256));
  html = html.replace(/<link rel="modulepreload"[^>]*>/g, () => '');
  if (/\s(src|href)="\.?\/?assets\//.test(html)) throw new Error('the build left a reference to a file in assets/');
  return { html, scripts };
}

interface ScriptElement {
  attributes: string;
  text: string;
}

/**
 * The <script> elements of a page as an HTML parser sees them: the text of each runs to the first `</script`
 * followed by whitespace, `/` or `>` (script data, no entities). Pages verifyExport accepts hold no `<!--` in their
 * scripts, so the parser's escaped states never apply.
 */
export function scriptElements(html: string): ScriptElement[] {
  const found: ScriptElement[] = [];
  const open = /<script\b([^>]*)>/gi;
  let match: RegExpExecArray | null;
  while ((match = open.exec(html)) !== null) {
    const from = match.index + match[0].length;
    const close = /<\/script[\s/>]/gi;
    close.lastIndex = from;
    const end = close.exec(html);
    const to = end ? end.index : html.length;
    found.push({ attributes: match[1], text: html.slice(from, to) });
    open.lastIndex = to;
  }
  return found;
}

/**
 * What is wrong with an assembled page, as sentences (none when it is sound): exactly the expected scripts, each
 * with the text that went in, allowed by the policy, and the data element reading back as the very bundle.
 */
export function verifyExport(html: string, page: AssembledPage, bundle: InlinedBundle): string[] {
  const problems: string[] = [];
  const elements = scriptElements(html);
  if (elements.length !== page.scripts.length + 1) problems.push(`the page has ${elements.length} <script> elements, not ${page.scripts.length + 1}`);
  const data = elements.filter((e) => e.attributes.includes(`id="${INLINED_ELEMENT_ID}"`));
  if (data.length !== 1) problems.push(`the page has ${data.length} data elements, not 1`);
  else {
    if (data[0].text.includes('<')) problems.push('the inlined data holds a raw "<"');
    try {
      if (JSON.stringify(JSON.parse(data[0].text)) !== JSON.stringify(bundle)) problems.push('the inlined data does not read back as the data put in');
    } catch (error) {
      problems.push(`the inlined data is not valid JSON (${(error as Error).message})`);
    }
  }
  const code = elements.filter((e) => /type="module"/.test(e.attributes)).map((e) => e.text);
  if (code.length !== page.scripts.length || code.some((text, i) => text !== page.scripts[i])) problems.push('the inlined script differs from the build');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html)?.[1] ?? '';
  for (const text of code) if (!policy.includes(sha256(text))) problems.push('the Content-Security-Policy does not allow the inlined script');
  if (code.some((text) => text.includes('<!--'))) problems.push('the inlined script holds "<!--"');
  return problems;
}
