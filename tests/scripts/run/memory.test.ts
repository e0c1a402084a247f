import { describe, expect, it } from 'vitest';
import { MEMORY_DEFAULTS, processesWithin } from '../../../scripts/run/memory.ts';

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
