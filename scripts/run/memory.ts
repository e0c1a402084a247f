// How many worker processes a run can afford: each process holds its own runtime, the pipeline's code, the tagger's
// model, the compact gazetteer and its documents' working memory, so cores alone would let a many-core machine, or a
// small container, run out of memory; and each costs a start and a compiler's warm-up that only enough documents win
// back. Figures measured with scripts/bench-memory.ts and bench-pipeline.ts (docs/hardening.md, "Memory").
import { freemem } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { releaseModels } from '../../src/pipeline/index.ts';

export const MEMORY_DEFAULTS = {
  /**
   * The main process while worker processes run the documents: the runtime, the merge's code and the results kept
   * for the merge (2,000 news-sized documents: 137 MB, sampled). It loads no tagger and no gazetteer. After the
   * workers close it writes the files, alone (260 MB at 2,000 documents), which is less than it and its workers took.
   */
  mainMb: 140,
  /** What one worker process takes at its peak on news-sized documents (2,000 dense documents on two: 206-232 MB each). */
  workerMb: 230,
  /** Share of the memory the machine has free that a run without --memory-mb may take. */
  freeShare: 0.5,
  /**
   * With a budget given, how far V8 lets the heap grow past what the last full collection kept, in percent. V8's own
   * factor (up to 4x on a busy machine) let 90 MB of live data reach 170 MB of heap; 20% kept 2,000 documents under
   * 300 MB in this process (280-299 MB against 289-380 MB) for 6-9% more CPU time, so only a budget turns it on.
   */
  heapGrowthPercent: 20,
  /**
   * A document of this many characters or more gets a full garbage collection after each stage, and sooner ones
   * (heapGrowthPercent) while it runs. V8 lets a stage's garbage pile up past the next stage's live data: a 5 MB
   * document peaked at 540 MB, with 65-125 MB live. A collection takes about 0.1-0.3 s there, against 30 s of CPU for
   * the document; news-sized documents never pay it.
   */
  collectAboveChars: 1_000_000,
  /**
   * Documents to run that each worker process needs before a pool is faster than this process alone. A worker pays
   * its start and its compiler's warm-up (about 3.5 s of CPU each) and about 15% more CPU a document than one
   * process, whose V8 helper threads already use part of a second core; on this 2-core machine two workers were slower
   * than one process on 2,000 and 4,000 dense documents (load 6) and on 2,000 at load 3 (0.93x, issue 17), faster on
   * 10,000 (docs/hardening.md, "Memory"). Fewer documents run in this process, which also holds half the memory.
   */
  documentsPerWorker: 3000,
};

/**
 * Worker processes for a run: as many as cores, but only as many as fit in `budgetMb` beside the main process; 1 means
 * this process alone (one worker beside an idle main process would cost memory and gain nothing). A run in this
 * process alone takes more than the main process of a pool (it also tags and reads the gazetteer) but less than the
 * main process and two workers, so it is what a budget too small for two workers gets.
 */
export function processesWithin(cores: number, budgetMb: number, opts = MEMORY_DEFAULTS): number {
  const fit = Math.floor((budgetMb - opts.mainMb) / opts.workerMb);
  const processes = Math.min(cores, fit);
  return processes >= 2 ? processes : 1;
}

/**
 * Worker processes that pay for themselves on `documents` to run (null: not known, as many as cores): each must get
 * documentsPerWorker of them; 1 means this process alone.
 */
export function workersThatPay(documents: number | null, cores: number, opts = MEMORY_DEFAULTS): number {
  const workers = documents === null ? cores : Math.min(cores, Math.floor(documents / opts.documentsPerWorker));
  return workers >= 2 ? workers : 1;
}

/**
 * The processes a run without --workers uses for `documents` to run: worker processes as far as they pay for themselves
 * and fit in `budgetMb` beside the main process, else this process alone (1).
 */
export function processesFor(documents: number | null, cores: number, budgetMb: number, opts = MEMORY_DEFAULTS): number {
  return Math.min(workersThatPay(documents, cores, opts), processesWithin(cores, budgetMb, opts));
}

/**
 * The environment a worker process starts with for its C library's memory (glibc; others ignore it): blocks of 128 KB
 * and more in memory of their own, given back when freed. By default glibc raises that size to the largest such block
 * freed so far (loading the tagger's model frees blocks of up to 6 MB), then serves smaller blocks from its heap, which
 * keeps the holes they leave. A process's own setting cannot be changed once it runs, so this process keeps the default.
 * A variable the user set wins.
 */
export const WORKER_MALLOC_ENV: Record<string, string> = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** The budget of a run not given --memory-mb: half of what the machine (or its container) has free now, in MB. */
export function defaultBudgetMb(opts = MEMORY_DEFAULTS): number {
  const limit = process.constrainedMemory?.() ?? 0;
  // Without a container limit Node reports 0 or a huge number; either way the free memory decides.
  const free = limit > 0 && limit < freemem() ? limit : freemem();
  return Math.floor((free * opts.freeShare) / 1_048_576);
}

/** The V8 flag that collects garbage sooner (heapGrowthPercent): set in this process, and given to the pool's workers. */
export const favourMemoryFlag = (opts = MEMORY_DEFAULTS) => `--heap-growing-percent=${opts.heapGrowthPercent}`;

let favoured = false;

/** A run with a memory budget collects garbage sooner (heapGrowthPercent), in this process. */
export function favourMemory(opts = MEMORY_DEFAULTS): void {
  // A heuristic V8 reads at each collection, so setting it after start-up takes effect (measured: bench-memory).
  setFlagsFromString(favourMemoryFlag(opts));
  favoured = true;
}

/** Whether the run's budget already asks for sooner collections, here (favourMemory) or on a worker's command line. */
const budgeted = (opts = MEMORY_DEFAULTS) => favoured || process.execArgv.includes(favourMemoryFlag(opts));

/**
 * Before a large document (collectAboveChars, counted in bytes here: it is not decoded yet) is read in this process:
 * V8's young generation stops growing where it is. It grows to 32 MB by default as soon as a stage keeps much of what
 * it makes, and never shrinks; this process starts at 8 MB, so when this comes before the resources are loaded it
 * stays there (the 5 MB document: 324 -> 297 MB, as with node --max-semi-space-size=4, for 9% more CPU time there).
 * A small document after it lets it grow again (collectBetweenStages).
 */
export function holdYoungGeneration(bytes: number, opts = MEMORY_DEFAULTS): void {
  if (bytes >= opts.collectAboveChars) setFlagsFromString('--semi-space-growth-factor=1');
}

const YOUNG_GROWTH_DEFAULT = '--semi-space-growth-factor=2';

let collector: (() => void) | null | undefined;

/** A full garbage collection, run now; the runtime's own `gc`, made reachable without starting node with --expose-gc. */
function collectGarbage(): void {
  if (collector === undefined) {
    // gc is exposed to contexts made after the flag is set; the flag is put back so nothing else sees it.
    setFlagsFromString('--expose-gc');
    collector = (runInNewContext('typeof gc === "function" ? gc : null') as (() => void) | null);
    setFlagsFromString('--no-expose-gc');
  }
  collector?.();
}

/**
 * What processDocument calls after each stage (its betweenStages option). For a large document only: the language
 * models let go (the tagger's after the language stage, chrono after the dates stage: 11 MB of heap the later stages
 * no longer hold; the next document loads them again, a second against the large document's half minute), a
 * collection, and sooner collections (heapGrowthPercent, as a budget asks) from its first stage until a small
 * document's first stage ends, unless the run has a budget. They stay on after the large document's last stage: the
 * merge and the write of its events come next when it is the run's last, and with V8's own factor they grew the heap
 * past the document's stages (5 MB document: 326-403 MB at the write, one run to the next).
 */
export function collectBetweenStages(opts = MEMORY_DEFAULTS): (textChars: number, stagesLeft: number) => void {
  let sooner = false;
  return (textChars) => {
    if (textChars < opts.collectAboveChars) {
      if (sooner && !budgeted(opts)) setFlagsFromString('--heap-growing-percent=0');
      if (sooner) setFlagsFromString(YOUNG_GROWTH_DEFAULT);
      sooner = false;
      return;
    }
    releaseModels();
    if (!budgeted(opts) && !sooner) setFlagsFromString(favourMemoryFlag(opts));
    sooner = true;
    collectGarbage();
  };
}
