// The bench pages' side of the harness (scripts/bench-app.ts drives window.__bench): the data location, the
// scrub loop, frame and GPU timing. No map library here, so a page that measures something else (the app in an
// iframe, bench/app.ts) loads nothing it does not use.

export const BENCH_DEFAULTS = {
  /** Frames measured at least, however slow, so p95 means something at a million events. */
  minFrames: 3,
  /** Share of the time range the window spans. */
  windowFraction: 0.1,
};

/** A bench page: loads its data, then redraws for a window [t0, t1] (origin-relative days) and says when it has. */
export interface BenchPage {
  /** Loads and draws the initial window; resolves once it is on screen. Returns the data's start range. */
  load(): Promise<{ count: number; minStart: number; maxStart: number; stages?: Record<string, number> }>;
  /** Shows events starting in [t0, t1], faded per the rule at t1; resolves after the frame that shows it. */
  setWindow(t0: number, t1: number): Promise<void>;
  /** Time to pick the object under a pixel, if the page can. */
  pick?(x: number, y: number): number;
}

export interface DisplayMeta { count: number; originDay: number; minStart: number; maxStart: number }

export function dataUrl(file: string): string {
  const base = new URL(location.href).searchParams.get('data') ?? '/data/';
  return new URL(`${base}${file}`, location.href).href;
}

const PIXEL = new Uint8Array(4);

/**
 * Waits until the GPU has finished the frame: WebGL calls return before SwiftShader has drawn anything, so without
 * this a frame's cost would show up in whichever later frame happens to block.
 */
export function finishGpu(gl: WebGL2RenderingContext): void {
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, PIXEL);
}

/** One pending promise resolved by the next render callback (deck's onAfterRender, MapLibre's idle). */
export function renderSignal(): { next(): Promise<void>; fire(): void } {
  let pending: (() => void) | null = null;
  return {
    next: () => new Promise<void>((resolve) => { pending = resolve; }),
    fire: () => {
      const p = pending;
      pending = null;
      p?.();
    },
  };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function install(page: BenchPage): void {
  const w = window as unknown as { __bench: unknown };
  let range: { count: number; minStart: number; maxStart: number; stages?: Record<string, number> } | null = null;
  const navStart = performance.now();
  const ready = page.load().then((r) => {
    range = r;
    return { firstRenderMs: performance.now(), count: r.count, loadMs: performance.now() - navStart, stages: r.stages };
  });
  w.__bench = {
    ready,
    error: null as string | null,
    /** Moves a window of windowFraction of the range back and forth across it for `seconds`, one rendered frame per step. */
    async scrub(seconds: number, minFrames = BENCH_DEFAULTS.minFrames) {
      if (!range) throw new Error('scrub before load');
      const { minStart, maxStart } = range;
      const width = Math.max(1, Math.round((maxStart - minStart) * BENCH_DEFAULTS.windowFraction));
      const travel = Math.max(1, maxStart - minStart - width);
      const frames: number[] = [];
      const rafDeltas: number[] = [];
      let scrubbing = true;
      let last = performance.now();
      const tick = (t: number) => {
        rafDeltas.push(t - last);
        last = t;
        if (scrubbing) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const start = performance.now();
      let previous = -1;
      for (let k = 0; k < minFrames || performance.now() - start < seconds * 1000; k++) {
        // A triangle wave in wall-clock time: the cursor moves like a hand dragging it, whatever the frame rate.
        const phase = ((performance.now() - start) / (seconds * 1000)) % 2;
        let t0 = minStart + Math.round(travel * (phase <= 1 ? phase : 2 - phase));
        if (t0 === previous) t0 = t0 + 1 > minStart + travel ? t0 - 1 : t0 + 1;
        previous = t0;
        const s = performance.now();
        await page.setWindow(t0, t0 + width);
        frames.push(performance.now() - s);
      }
      scrubbing = false;
      const sorted = [...frames].sort((a, b) => a - b);
      const raf = rafDeltas.slice(1).sort((a, b) => a - b);
      return {
        frames, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), rafDeltas: raf, windowDays: width,
      };
    },
    /** Time of one rendered frame for a given window: for probing where the cost goes. */
    async frame(t0: number, t1: number): Promise<number> {
      const s = performance.now();
      await page.setWindow(t0, t1);
      return performance.now() - s;
    },
    pick(x: number, y: number): number | null {
      return page.pick ? page.pick(x, y) : null;
    },
  };
  ready.catch((e: unknown) => { (w.__bench as { error: string | null }).error = String(e instanceof Error ? e.message : e); });
}

/** The window shown at first render: the latest 10% of the range (the cursor at the end, as a reader opens the map). */
export function initialWindow(minStart: number, maxStart: number): [number, number] {
  const width = Math.max(1, Math.round((maxStart - minStart) * BENCH_DEFAULTS.windowFraction));
  return [maxStart - width, maxStart];
}
