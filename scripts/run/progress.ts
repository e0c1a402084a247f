// Progress on long runs: on a terminal a bar with documents/s and the time left (cli-progress, on stderr); elsewhere
// (CI, a log file) a plain line every few seconds on stdout. The run's summary lines stay as they were.
import { SingleBar } from 'cli-progress';

export const PROGRESS_DEFAULTS = {
  /** Seconds between plain lines when the output is not a terminal. */
  plainEverySeconds: 10,
  /** Redraws of the bar per second. */
  barFps: 5,
};

export interface Progress {
  /** Documents done so far, how many the run expects (null: not known yet), and whether that is an estimate. */
  update(done: number, expected: number | null, exact: boolean): void;
  stop(): void;
}

const group = (n: number) => n.toLocaleString('en-GB');

/** "1 h 02 min", "3 min 20 s", "45 s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${s} s`;
}

/** Documents per second over the run so far and the time left at that rate (null until it can be told). */
export function rateAndEta(done: number, expected: number | null, elapsedMs: number): { rate: number; etaSeconds: number | null } {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const etaSeconds = expected !== null && rate > 0 ? Math.max(0, expected - done) / rate : null;
  return { rate, etaSeconds };
}

/** The plain line: "4,000 of 10,000 documents, 250 documents/s, about 24 s left" ("of about 10,000" when estimated). */
export function progressLine(done: number, expected: number | null, exact: boolean, elapsedMs: number): string {
  const { rate, etaSeconds } = rateAndEta(done, expected, elapsedMs);
  const of = expected !== null ? ` of ${exact ? '' : 'about '}${group(Math.max(expected, done))}` : '';
  const left = etaSeconds !== null ? `, about ${formatDuration(etaSeconds)} left` : '';
  return `${group(done)}${of} documents, ${rate.toFixed(0)} documents/s${left}`;
}

export interface ProgressOptions {
  label: string;
  /** Where the bar goes; it is drawn only when this is a terminal. */
  terminal?: NodeJS.WriteStream;
  /** Where plain lines go otherwise (the label is the caller's to add). */
  lines?: (line: string) => void;
  now?: () => number;
}

export function createProgress(options: ProgressOptions, opts = PROGRESS_DEFAULTS): Progress {
  const terminal = options.terminal ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const started = now();
  let done = 0;
  let expected: number | null = null;
  let exact = true;
  if (terminal.isTTY) {
    const bar = new SingleBar({
      stream: terminal,
      fps: opts.barFps,
      format: (_options, params) => {
        const { rate, etaSeconds } = rateAndEta(params.value, expected, now() - started);
        const width = 30;
        const filled = params.total > 0 ? Math.round((width * Math.min(params.value, params.total)) / params.total) : 0;
        const total = expected === null ? '?' : `${exact ? '' : '~'}${group(params.total)}`;
        return `${options.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${group(params.value)}/${total} documents` +
          ` | ${rate.toFixed(0)} documents/s | ${etaSeconds === null ? 'time left unknown' : `${formatDuration(etaSeconds)} left`}`;
      },
      hideCursor: false,
      // cli-progress would otherwise catch SIGINT and SIGTERM and keep the run alive.
      gracefulExit: false,
      clearOnComplete: true,
    });
    bar.start(1, 0);
    return {
      update(d, e, x) {
        done = d;
        expected = e;
        exact = x;
        bar.setTotal(Math.max(e ?? d, d, 1));
        bar.update(d);
      },
      stop: () => bar.stop(),
    };
  }
  const write = options.lines ?? ((line: string) => console.log(line));
  const timer = setInterval(() => write(progressLine(done, expected, exact, now() - started)), opts.plainEverySeconds * 1000);
  timer.unref();
  return {
    update(d, e, x) {
      done = d;
      expected = e;
      exact = x;
    },
    stop: () => clearInterval(timer),
  };
}
