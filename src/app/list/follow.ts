// Runs `fn` at once for a lone change, and at most once every `ms` through a run of changes, always once after the
// last: a view that follows a moving value (the time while it is dragged or played) without redoing its work on
// every step.
export function followAtMost(fn: () => void, ms: number): () => void {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    last = performance.now();
    fn();
  };
  return () => {
    const wait = last + ms - performance.now();
    if (wait <= 0) {
      if (timer !== null) clearTimeout(timer);
      run();
    } else if (timer === null) {
      timer = setTimeout(run, wait);
    }
  };
}
