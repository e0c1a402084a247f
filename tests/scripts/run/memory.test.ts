import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { collectBetweenStages, MEMORY_DEFAULTS, processesFor, processesWithin, workersThatPay } from '../../../scripts/run/memory.ts';
import { documentOptions, DEFAULT_SETTINGS } from '../../../scripts/run/resources.ts';

// A turn of the event loop: a WeakRef's target is kept until the job that made or read it ends.
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('processesWithin', () => {
  it('processesWithin() gives a 300 MB budget this process alone: the main process and two workers do not fit', () => {
    expect(MEMORY_DEFAULTS.mainMb + 2 * MEMORY_DEFAULTS.workerMb).toBeGreaterThan(300);
    expect(processesWithin(2, 300)).toBe(1);
    expect(processesWithin(64, 300)).toBe(1);
  });

  it('processesWithin() starts two or more worker processes only when the main process and all of them fit', () => {
    const { mainMb, workerMb } = MEMORY_DEFAULTS;
    expect(processesWithin(8, mainMb + 2 * workerMb - 1)).toBe(1);
    expect(processesWithin(8, mainMb + 2 * workerMb)).toBe(2);
    expect(processesWithin(8, mainMb + 5 * workerMb + 10)).toBe(5);
  });

  it('processesWithin() never starts more worker processes than cores, however large the budget', () => {
    expect(processesWithin(2, 64_000)).toBe(2);
    expect(processesWithin(1, 64_000)).toBe(1);
  });
});

describe('workersThatPay', () => {
  const { documentsPerWorker } = MEMORY_DEFAULTS;

  it('workersThatPay() keeps 2,000 documents in this process on two cores: two workers would not win back their start', () => {
    expect(workersThatPay(2000, 2)).toBe(1);
    expect(workersThatPay(2 * documentsPerWorker - 1, 2)).toBe(1);
  });

  it('workersThatPay() starts a worker process for each documentsPerWorker documents, up to the cores', () => {
    expect(workersThatPay(2 * documentsPerWorker, 2)).toBe(2);
    expect(workersThatPay(10_000, 2)).toBe(2);
    expect(workersThatPay(3 * documentsPerWorker, 8)).toBe(3);
    expect(workersThatPay(1_000_000, 8)).toBe(8);
    expect(workersThatPay(1_000_000, 1)).toBe(1);
  });

  it('workersThatPay() starts one a core when the number of documents is not known', () => {
    expect(workersThatPay(null, 4)).toBe(4);
  });
});

describe('processesFor', () => {
  it('processesFor() runs 2,000 documents in this process whatever the memory, and 10,000 on every core that fits', () => {
    expect(processesFor(2000, 2, 64_000)).toBe(1);
    expect(processesFor(10_000, 2, 64_000)).toBe(2);
    expect(processesFor(10_000, 2, 300)).toBe(1);
    const { mainMb, workerMb } = MEMORY_DEFAULTS;
    expect(processesFor(1_000_000, 8, mainMb + 3 * workerMb)).toBe(3);
  });
});

describe('collectBetweenStages', () => {
  it('collectBetweenStages() collects garbage between the stages of a large document, without node --expose-gc', async () => {
    let garbage: object | null = { rows: Array.from({ length: 1000 }, (_, i) => ({ i })) };
    const ref = new WeakRef(garbage);
    garbage = null;
    await nextTurn();
    collectBetweenStages()(MEMORY_DEFAULTS.collectAboveChars, 0);
    await nextTurn();
    expect(ref.deref()).toBeUndefined();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });

  it('the documents of a run are given it (documentOptions), so the pool and this process both collect', () => {
    expect(documentOptions(DEFAULT_SETTINGS, () => 0).betweenStages).toBeTypeOf('function');
  });
});

/**
 * The size of V8's young generation in a fresh process, in MB: before, and after making many objects that live a
 * while (what a stage does), having first told holdYoungGeneration() of a document of `bytes`.
 */
function youngGeneration(bytes: number): { before: number; after: number } {
  const code = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { holdYoungGeneration } from './scripts/run/memory.ts';
    const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;
    const before = young();
    holdYoungGeneration(${bytes});
    let kept = [];
    for (let i = 0; i < 4e6; i++) { kept.push({ i }); if (kept.length > 2e5) kept = []; }
    console.log(JSON.stringify({ before, after: young() }));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(run.stdout) as { before: number; after: number };
}

describe('holdYoungGeneration', () => {
  it('holdYoungGeneration() keeps the young generation at its size before a large document, and lets it grow before a small one', () => {
    const large = youngGeneration(MEMORY_DEFAULTS.collectAboveChars);
    const small = youngGeneration(1000);
    expect(large.after).toBe(large.before);
    expect(small.after).toBeGreaterThan(small.before);
  });
});
