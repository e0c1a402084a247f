// Ours: the real app as a bench variant: the built app (served at /app/ by scripts/bench-app.ts) in a same-origin iframe
// that fills the page, with the synthetic data. It opens as a link would (`#time=…&mode=window&playwindow=…`: a moving
// window of the bench's width) and is then driven as a host page drives an embedded map, with the embedding API's
// setTime message; a frame is done when the app's test hook says deck.gl has drawn the new time and the GPU finished.
// The app reads events.bin and its posture table at every size, as it does beside any pipeline output.
import { dataUrl, finishGpu, install, type DisplayMeta } from './harness.ts';

interface AppHook {
  t(): number;
  drawn(): boolean;
  whenDrawn(): Promise<void>;
  /** The app's CPU picking. */
  eventAt(x: number, y: number): unknown;
}

const frame = document.getElementById('app') as HTMLIFrameElement;
let meta: DisplayMeta;
const appWindow = () => frame.contentWindow as (Window & { __flankline?: AppHook }) | null;

function untilTrue(test: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (test() ? resolve() : requestAnimationFrame(check));
    check();
  });
}

/** Waits a task at a time (not a frame) for the app to take a command: a message arrives as a task. */
function untilChanged(test: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (test() ? resolve() : setTimeout(check, 0));
    check();
  });
}

const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** deck.gl's own canvas in the app (the one that is not MapLibre's): reading a pixel waits for its GPU work. */
function deckGl(): WebGL2RenderingContext | null {
  const canvases = [...(frame.contentDocument?.querySelectorAll('canvas') ?? [])];
  const deck = canvases.find((c) => !c.classList.contains('maplibregl-canvas') && c.width > 0 && c.closest('#map-wrap, #map'));
  return (deck?.getContext('webgl2') as WebGL2RenderingContext | null) ?? null;
}

async function show(_t0: number, t1: number): Promise<void> {
  const t = meta.originDay + t1;
  const w = appWindow()!;
  // The embedding API's setTime, as a host page drives an embedded map (docs/embedding.md): same origin, so allowed.
  w.postMessage({ flankline: 1, type: 'setTime', time: isoOf(t) }, location.origin);
  await untilChanged(() => w.__flankline?.t() === t);
  await w.__flankline!.whenDrawn();
  const gl = deckGl();
  if (gl) finishGpu(gl);
}

install({
  async load() {
    meta = await (await fetch(dataUrl('meta.json'))).json() as DisplayMeta;
    const events = 'events.bin';
    const width = Math.max(1, Math.round((meta.maxStart - meta.minStart) * 0.1));
    const t1 = meta.maxStart;
    // ?app=DIR/: another build of the app beside this one (bench:app's --before: the app at an older commit).
    const app = new URL(location.href).searchParams.get('app') ?? 'app/';
    frame.src = `${app}index.html?data=${encodeURIComponent(dataUrl(events))}`
      + `#time=${isoOf(meta.originDay + t1)}&mode=window&playwindow=${width}`;
    await new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
    // The app says it is ready once the map is idle with the markers on it.
    await untilTrue(() => frame.contentDocument?.body?.dataset.ready === 'true' && !!appWindow()?.__flankline);
    const gl = deckGl();
    if (gl) finishGpu(gl);
    return { count: meta.count, minStart: meta.minStart, maxStart: meta.maxStart };
  },
  setWindow: show,
  pick(x, y) {
    const hook = appWindow()?.__flankline;
    const s = performance.now();
    hook?.eventAt(x, y);
    return performance.now() - s;
  },
});
