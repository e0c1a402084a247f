// CPU time of a process's main thread alone, from /proc (Linux). process.cpuUsage() counts every thread of the
// process, V8's helper threads (its optimising compiler, its garbage collector's markers and sweepers) with the one
// that runs the pipeline; the difference is what a process takes from the other cores.
import { readFileSync } from 'node:fs';

/** Clock ticks a second in /proc's times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** User and system CPU of the main thread of `pid`, in µs (10 ms steps); NaN where /proc cannot tell. */
export function mainThreadCpuUs(pid = process.pid): number {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    // Fields after the command's closing parenthesis: state is the first, utime the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}
