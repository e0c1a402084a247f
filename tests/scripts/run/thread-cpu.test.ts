// geocode's CPU line tells the main thread's CPU from V8's helper threads': read from /proc, per thread.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { mainThreadCpuUs } from '../../../scripts/run/thread-cpu.ts';

const processCpuUs = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
/** Spins until this process has spent `us` more of CPU (a loaded machine stretches wall time, not CPU time). */
const spin = (us: number) => {
  const from = processCpuUs();
  while (processCpuUs() - from < us) {
    // busy
  }
};

describe('mainThreadCpuUs', () => {
  it('counts the main thread\'s own work and not another thread\'s', async () => {
    const main0 = mainThreadCpuUs();
    spin(400_000);
    const spun = mainThreadCpuUs() - main0;
    expect(spun).toBeGreaterThanOrEqual(300_000);

    // Another thread of this process spins while the main thread waits for it.
    const before = { main: mainThreadCpuUs(), all: processCpuUs() };
    const worker = new Worker('const cpu = () => process.cpuUsage().user + process.cpuUsage().system; const from = cpu(); while (cpu() - from < 400000) {}', { eval: true });
    await new Promise((resolve) => worker.once('exit', resolve));
    const other = { main: mainThreadCpuUs() - before.main, all: processCpuUs() - before.all };
    expect(other.all - other.main).toBeGreaterThanOrEqual(300_000);
    expect(other.main).toBeLessThan(100_000);
  });
});
