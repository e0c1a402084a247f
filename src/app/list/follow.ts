// Runs `fn` at once for a lone change, and at most once every `ms` through a run of changes, always once after the
// last: a view that follows a moving value (the time while it is dragged or played) without redoing its work on
// every step. With `defer`, each run waits for it (whenIdle: the browser's idle time), so while the time moves the
// map's frames come first and the view catches up between them; a run already waiting reads the latest state.
export type Defer = (run: () => void) => void;

/** Runs in the browser's next idle period, or after `maxWaitMs` at the latest (at once where there is no such API). */
export function whenIdle(maxWaitMs: number): Defer {
  return (run) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run(), { timeout: maxWaitMs });
    else run();
  };
}

export function followAtMost(fn: () => void, ms: number, defer: Defer = (run) => run()): () => void {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let waiting = false;
  const run = () => {
    timer = null;
    waiting = true;
    defer(() => {
      waiting = false;
      last = performance.now();
      fn();
    });
  };
  return () => {
    if (waiting) return;
    const wait = last + ms - performance.now();
    if (wait <= 0) {
      if (timer !== null) clearTimeout(timer);
      run();
    } else if (timer === null) {
      timer = setTimeout(run, wait);
    }
  };
}
