// How many worker threads a run can afford: each thread holds its own copy of the pipeline's code, the tagger's
// model and its documents' working memory (the gazetteer is shared), so cores alone would let a many-core machine, or
// a small container, run out of memory. Figures measured with scripts/bench-memory.ts (docs/hardening.md).
import { freemem } from 'node:os';
import { setFlagsFromString } from 'node:v8';

export const MEMORY_DEFAULTS = {
  /** Peak of a run in this thread alone (tsx, the pipeline, the gazetteer, 2,000 news-sized results and the write). */
  mainMb: 300,
  /** What one worker thread adds at its peak on news-sized documents (its own code and model, its batches). */
  threadMb: 170,
  /** Share of the memory the machine has free that a run without --memory-mb may take. */
  freeShare: 0.5,
  /**
   * With a budget given, how far V8 lets the heap grow past what the last full collection kept, in percent. V8's own
   * factor (up to 4x on a busy machine) let 90 MB of live data reach 170 MB of heap; 20% kept 2,000 documents under
   * 300 MB in this thread (280-299 MB against 289-380 MB) for 6-9% more CPU time, so only a budget turns it on.
   */
  heapGrowthPercent: 20,
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

/** The V8 flag that collects garbage sooner (heapGrowthPercent): set in this process, and given to the pool's workers. */
export const favourMemoryFlag = (opts = MEMORY_DEFAULTS) => `--heap-growing-percent=${opts.heapGrowthPercent}`;

/** A run with a memory budget collects garbage sooner (heapGrowthPercent), in this process. */
export function favourMemory(opts = MEMORY_DEFAULTS): void {
  // A heuristic V8 reads at each collection, so setting it after start-up takes effect (measured: bench-memory).
  setFlagsFromString(favourMemoryFlag(opts));
}
