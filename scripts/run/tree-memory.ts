// The resident memory a process and its descendants hold at one instant, from /proc (Linux): what a run holds at
// once. A process's own peak (getrusage's maxRSS) leaves out its children, and adding each process's peak overstates,
// since the peaks need not come together (the main process peaks in the write, after its workers have closed).
import { readdirSync, readFileSync } from 'node:fs';

/** Resident kB of one process, or 0 if it has ended. */
function rssKb(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The children of `pid` (every thread's), or none if it has ended. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ')) if (child.trim()) out.push(Number(child));
    }
  } catch {
    // Ended while we looked.
  }
  return out;
}

/** MB resident now in `pid` and all its descendants; NaN where /proc cannot tell (not Linux). */
export function treeRssMb(pid: number): number {
  if (!readableProc()) return NaN;
  let kb = 0;
  const todo = [pid];
  for (let p = todo.pop(); p !== undefined; p = todo.pop()) {
    kb += rssKb(p);
    todo.push(...childrenOf(p));
  }
  return kb / 1024;
}

let procReadable: boolean | null = null;
const readableProc = () => (procReadable ??= (() => {
  try {
    readFileSync(`/proc/${process.pid}/task/${process.pid}/children`);
    return true;
  } catch {
    return false;
  }
})());

/** Samples treeRssMb(pid) every `everyMs` until stop(), which returns the largest sum seen. */
export function sampleTreePeak(pid: number, everyMs = 50): { stop(): number } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRssMb(pid));
  };
  // unref: a run that ends early (a usage error) must not be kept alive by its sampler.
  const timer = setInterval(sample, everyMs).unref();
  sample();
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/**
 * The run's peak in MB: what it and its workers held at once (the larger of the samples' largest sum and this
 * process's own peak, which samples may miss), and the sum of each process's own peak, an upper bound, the only
 * figure where /proc cannot be read.
 */
export function runPeakMb(sampledMb: number, ownPeakMb: number, workersPeakMb: number): { atOnce: number; summed: number } {
  const summed = ownPeakMb + workersPeakMb;
  return { atOnce: Number.isNaN(sampledMb) ? summed : Math.min(summed, Math.max(sampledMb, ownPeakMb)), summed };
}
