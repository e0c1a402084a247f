// Which source to show first: the sentence that supports the event best, i.e. the one that names the most of what
// the event is made of (what happened, where, when), so a reader sees the evidence before the metadata.
import type { Source } from '../../model/index.ts';

/** Kinds of highlight a source's excerpt marks (trigger, place, date): more means it supports the event better. */
export function supportOf(source: Source): number {
  return new Set(source.highlights.map((h) => h.kind)).size;
}

/** The sources, best supported first; ties keep the pipeline's order (a stable sort). */
export function bestSourcesFirst(sources: readonly Source[]): Source[] {
  return sources.map((source, k) => ({ source, k, support: supportOf(source) }))
    .sort((a, b) => b.support - a.support || a.k - b.k)
    .map((s) => s.source);
}
