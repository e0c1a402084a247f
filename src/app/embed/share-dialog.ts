// "Share / Embed": the permalink of the current view and a ready <iframe> snippet, with the embed options as
// checkboxes. Both are rebuilt from location each time the dialog opens, so they are always the view on screen.
import { writeEmbedQuery, type EmbedOptions } from './options.ts';

export const SHARE_DEFAULTS = { iframeWidth: '100%', iframeHeight: 480 };

export function permalink(location: Location | URL): string {
  const url = new URL(location.href);
  url.searchParams.delete('embed');
  return url.href;
}

export function embedUrl(location: Location | URL, options: Partial<EmbedOptions>): string {
  const url = new URL(location.href);
  const keep = new URLSearchParams(url.search);
  for (const k of ['embed', 'scrubber', 'autoplay', 'lock', 'origins']) keep.delete(k);
  const extra = writeEmbedQuery({ ...options, embed: true });
  const query = [keep.toString(), extra].filter(Boolean).join('&');
  return `${url.origin === 'null' ? url.href.split(/[?#]/)[0] : url.origin + url.pathname}?${query}${url.hash}`;
}

export function iframeSnippet(src: string, opts = SHARE_DEFAULTS): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${attr(src)}" width="${opts.iframeWidth}" height="${opts.iframeHeight}" `
    + `style="border:0" title="Flankline map" loading="lazy" allow="fullscreen"></iframe>`;
}

/** Whether a link made here only works on this computer: a local address or a file, not a published page. */
export function isLocalLink(href: string): boolean {
  const url = new URL(href);
  return url.protocol === 'file:' || /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/.test(url.hostname);
}

export const SHARE_TEXT = {
  local: 'These point to this computer: they work for others only once the map is published on a web server '
    + '(npm run build, then put the built folder online; docs/embedding.md).',
  copied: 'Copied.',
  copyFailed: 'Could not copy: select the text and copy it by hand.',
};

/** Copies the control's text: the Clipboard API, else the selection and execCommand (file:// pages, older browsers). */
async function copyText(control: HTMLInputElement | HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(control.value);
    return true;
  } catch {
    control.select();
    return document.execCommand('copy');
  }
}

function field(labelText: string, control: HTMLInputElement | HTMLTextAreaElement, status: HTMLElement): HTMLDivElement {
  const wrap = document.createElement('div');
  wrap.className = 'share-field';
  const label = document.createElement('label');
  label.append(document.createTextNode(labelText), control);
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.className = 'share-copy';
  copy.textContent = 'Copy';
  copy.setAttribute('aria-label', `Copy the ${labelText.toLowerCase()}`);
  copy.addEventListener('click', () => {
    void copyText(control).then((ok) => { status.textContent = ok ? SHARE_TEXT.copied : SHARE_TEXT.copyFailed; });
  });
  wrap.append(label, copy);
  return wrap;
}

export function createShareDialog(): HTMLDialogElement {
  const dialog = document.createElement('dialog');
  dialog.className = 'share-dialog';
  dialog.setAttribute('aria-label', 'Share or embed this view');
  const heading = document.createElement('h2');
  heading.textContent = 'Share / Embed';
  const link = document.createElement('input');
  link.readOnly = true;
  link.className = 'share-link';
  const snippet = document.createElement('textarea');
  snippet.readOnly = true;
  snippet.rows = 4;
  snippet.className = 'share-snippet';
  const options = document.createElement('fieldset');
  options.className = 'share-options';
  const legend = document.createElement('legend');
  legend.textContent = 'Embed options';
  options.append(legend);
  const boxes: Record<'scrubber' | 'autoplay' | 'lock', HTMLInputElement> = {
    scrubber: document.createElement('input'), autoplay: document.createElement('input'), lock: document.createElement('input'),
  };
  const labels = { scrubber: 'Hide the timeline', autoplay: 'Start playing', lock: 'Lock the view' };
  for (const key of Object.keys(boxes) as (keyof typeof boxes)[]) {
    boxes[key].type = 'checkbox';
    boxes[key].name = key;
    const l = document.createElement('label');
    l.append(boxes[key], document.createTextNode(` ${labels[key]}`));
    options.append(l);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'share-close';
  close.textContent = 'Close';
  close.addEventListener('click', () => dialog.close());
  const status = document.createElement('p');
  status.className = 'share-status';
  status.setAttribute('role', 'status');
  const local = document.createElement('p');
  local.className = 'share-local note';
  local.textContent = SHARE_TEXT.local;
  dialog.append(heading, local, field('Link to this view', link, status), options, field('Embed code', snippet, status), status, close);

  const render = () => {
    local.hidden = !isLocalLink(location.href);
    status.textContent = '';
    link.value = permalink(location);
    snippet.value = iframeSnippet(embedUrl(location, {
      scrubber: !boxes.scrubber.checked, autoplay: boxes.autoplay.checked, lock: boxes.lock.checked,
    }));
  };
  options.addEventListener('change', render);
  for (const input of [link, snippet]) input.addEventListener('focus', () => input.select());
  dialog.addEventListener('flankline-open', render);
  document.body.append(dialog);
  return dialog;
}

export function openShareDialog(dialog: HTMLDialogElement): void {
  dialog.dispatchEvent(new Event('flankline-open'));
  dialog.showModal();
}
