import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runPeakMb, sampleTreePeak, treeRssMb } from '../../../scripts/run/tree-memory.ts';

describe('tree-memory', () => {
  it('sampleTreePeak() counts a child process with this one: what the run holds at once', { timeout: 30_000 }, async () => {
    const own = treeRssMb(process.pid);
    const sampler = sampleTreePeak(process.pid, 20);
    // A child that holds 200 MB (written, so resident) until told to go.
    const child = spawn(process.execPath, ['-e', "const b = Buffer.alloc(200 * 1048576, 1); console.log('ready'); setTimeout(() => b, 60_000)"]);
    await new Promise<void>((ready) => child.stdout.once('data', () => ready()));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const whileHeld = sampler.stop();
    child.kill();
    expect(whileHeld).toBeGreaterThan(own + 200);
  });

  it('runPeakMb() gives the sampled peak at once, never more than the sum of peaks, and the sum where /proc cannot tell', () => {
    expect(runPeakMb(450, 150, 400)).toEqual({ atOnce: 450, summed: 550 });
    // The main process alone peaked later (in the write) above any sampled sum
    expect(runPeakMb(300, 320, 400)).toEqual({ atOnce: 320, summed: 720 });
    expect(runPeakMb(Number.NaN, 150, 400)).toEqual({ atOnce: 550, summed: 550 });
    expect(runPeakMb(900, 150, 400).atOnce).toBe(550);
  });
});
