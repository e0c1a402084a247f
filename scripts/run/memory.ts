// How many worker threads a run can afford: each thread holds its own copy of the pipeline's code, the tagger's
// model and its documents' working memory (the gazetteer is shared), so cores alone would let a many-core machine, or
// a small container, run out of memory. Figures measured with scripts/bench-memory.ts (docs/hardening.md).
import { freemem } from 'node:os';

export const MEMORY_DEFAULTS = {
  /** Peak of a run in this thread alone (tsx, the pipeline, the gazetteer, 2,000 news-sized results and the write). */
  mainMb: 300,
  /** What one worker thread adds at its peak on news-sized documents (its own code and model, its batches). */
  threadMb: 170,
  /** Share of the memory the machine has free that a run without --memory-mb may take. */
  freeShare: 0.5,
};

/**
 * Worker threads for a run: as many as cores, but only as many as fit in `budgetMb` beside the main thread; 1 means
 * this thread alone (one worker thread beside an idle main thread would cost memory and gain nothing).
 */
export function threadsWithin(cores: number, budgetMb: number, opts = MEMORY_DEFAULTS): number {
  const fit = Math.floor((budgetMb - opts.mainMb) / opts.threadMb);
  const threads = Math.min(cores, fit);
  return threads >= 2 ? threads : 1;
}

/** The budget of a run not given --memory-mb: half of what the machine (or its container) has free now, in MB. */
export function defaultBudgetMb(opts = MEMORY_DEFAULTS): number {
  const limit = process.constrainedMemory?.() ?? 0;
  // Without a container limit Node reports 0 or a huge number; either way the free memory decides.
  const free = limit > 0 && limit < freemem() ? limit : freemem();
  return Math.floor((free * opts.freeShare) / 1_048_576);
}
