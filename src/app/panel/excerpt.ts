// Splits a source's excerpt into plain and highlighted runs, and writes them as text nodes (never as HTML).
import type { Highlight, Source } from '../../model/index.ts';

export interface Segment { text: string; kind: Highlight['kind'] | null }

/**
 * The runs of `text` (which starts at document offset `offset`) with `highlights` marked. Highlights are in document
 * offsets; overlapping ones keep the earlier, and any part outside the text is ignored.
 */
export function segments(text: string, offset: number, highlights: readonly Highlight[]): Segment[] {
  const sorted = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const h of sorted) {
    const s = Math.max(at, h.start - offset);
    const e = Math.min(text.length, h.end - offset);
    if (e <= s) continue;
    if (s > at) out.push({ text: text.slice(at, s), kind: null });
    out.push({ text: text.slice(s, e), kind: h.kind });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), kind: null });
  return out;
}

const KIND_LABELS: Record<Highlight['kind'], string> = { place: 'place', date: 'date', trigger: 'what happened' };

export function appendSegments(parent: HTMLElement, runs: readonly Segment[]): void {
  for (const run of runs) {
    if (run.kind === null) {
      parent.append(document.createTextNode(run.text));
      continue;
    }
    const mark = document.createElement('mark');
    mark.className = `hl hl-${run.kind}`;
    mark.title = KIND_LABELS[run.kind];
    mark.textContent = run.text;
    parent.append(mark);
  }
}

export function renderExcerpt(source: Source): HTMLElement {
  const quote = document.createElement('blockquote');
  quote.className = 'excerpt';
  appendSegments(quote, segments(source.excerpt, source.start, source.highlights));
  return quote;
}
