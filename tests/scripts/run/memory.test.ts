import { describe, expect, it } from 'vitest';
import { collectBetweenStages, MEMORY_DEFAULTS, processesWithin } from '../../../scripts/run/memory.ts';
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
