// Everything the GPU needs, derived once at load from the columnar file (in the worker, off the main thread):
// flat typed arrays uploaded once as deck.gl binary attributes; a frame then only picks a run of rows.
//
//   main lane (all events, sorted by start)            persisting lane (states that began before a window)
//   freshUntil  Float32[n]   last full-strength day     index        Uint32[p]  row in the main lane
//   color       Uint8[4n]    RGBA by category           start        Int32[p]   origin-relative, sorted
//   world       Float32[2n]  common space (+ worldLow)  filterValue  Float32[2p] start, until (FOREVER while it holds)
//   mercator    Float32[2n]  x, y in 0..1 (picking)     world, freshUntil, color, category: as in the main lane
import { CATEGORIES } from '../model/index.ts';
import { FLAG_PERSISTS, NO_UNTIL, type ColumnarEvents } from './columnar.ts';

export type Rgb = readonly [number, number, number];

export interface ScaleEventsOptions {
  /** Days after its end that an event stays at full strength (the app's window). */
  fadeDays: number;
  /** RGB per category, in the order of CATEGORIES. */
  palette: readonly Rgb[];
}

/** Okabe-Ito based, as the app's markers; the app passes its own CATEGORY_COLORS when it adopts the layer. */
const DEFAULT_PALETTE: Record<(typeof CATEGORIES)[number], Rgb> = {
  meeting: [0, 158, 115], incursion: [213, 94, 0], deployment: [0, 114, 178], mission: [86, 180, 233],
  headquarters: [51, 34, 136], incident: [230, 159, 0], strike: [190, 30, 45], advance: [136, 34, 85],
  aid: [117, 112, 179], other: [110, 110, 110],
};

export const SCALE_EVENTS_DEFAULTS: ScaleEventsOptions = {
  fadeDays: 30,
  palette: CATEGORIES.map((c) => DEFAULT_PALETTE[c]),
};

/** A day beyond any data: the freshUntil of a state that still holds, exactly representable in Float32. */
export const FOREVER = 3.0e38;

/** A category mask with every category shown: bit k is category index k (the layer's and picking's filter). */
export const ALL_CATEGORIES = 0x7fffffff;

/** Size of the world in deck.gl's common space (512-pixel tiles at zoom 0). */
const WORLD_UNITS = 512;

export interface PersistingLane {
  readonly count: number;
  readonly index: Uint32Array;
  /** Origin-relative start, sorted: the states that began before a window are a prefix. */
  readonly start: Int32Array;
  readonly filterValue: Float32Array;
  readonly freshUntil: Float32Array;
  readonly color: Uint8Array;
  readonly category: Uint8Array;
  readonly world: Float32Array;
  readonly worldLow: Float32Array;
}

export interface ScaleEvents {
  readonly columns: ColumnarEvents;
  readonly freshUntil: Float32Array;
  readonly color: Uint8Array;
  /** Web Mercator x, y in 0..1 (x east, y south) per event, for picking on the CPU without projecting per event. */
  readonly mercator: Float32Array;
  /**
   * deck.gl common space (Web Mercator, 512 units around the world, y north) split into a Float32 and the rest
   * (world + worldLow = the exact value), so the shader projects without trigonometry and stays exact when zoomed in.
   */
  readonly world: Float32Array;
  readonly worldLow: Float32Array;
  readonly persisting: PersistingLane;
}

export function prepareScaleEvents(columns: ColumnarEvents, options: ScaleEventsOptions = SCALE_EVENTS_DEFAULTS): ScaleEvents {
  const n = columns.count;
  const { start, end, until, flags, category, position } = columns;
  const freshUntil = new Float32Array(n);
  const color = new Uint8Array(4 * n);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const persists = (flags[i] & FLAG_PERSISTS) !== 0;
    if (persists) p++;
    freshUntil[i] = !persists ? end[i] + options.fadeDays : until[i] === NO_UNTIL ? FOREVER : until[i];
    const rgb = options.palette[category[i]];
    color[4 * i] = rgb[0];
    color[4 * i + 1] = rgb[1];
    color[4 * i + 2] = rgb[2];
    color[4 * i + 3] = 255;
  }
  const laneStart = new Int32Array(p);
  const lane = {
    count: p, index: new Uint32Array(p), start: laneStart, filterValue: new Float32Array(2 * p),
    freshUntil: new Float32Array(p), color: new Uint8Array(4 * p), category: new Uint8Array(p),
    world: new Float32Array(2 * p), worldLow: new Float32Array(2 * p),
  };
  for (let i = 0, k = 0; i < n; i++) {
    if ((flags[i] & FLAG_PERSISTS) === 0) continue;
    lane.index[k] = i;
    laneStart[k] = start[i];
    lane.filterValue[2 * k] = start[i];
    lane.filterValue[2 * k + 1] = until[i] === NO_UNTIL ? FOREVER : until[i];
    lane.freshUntil[k] = freshUntil[i];
    lane.color.set(color.subarray(4 * i, 4 * i + 4), 4 * k);
    lane.category[k] = category[i];
    k++;
  }
  const mercator = new Float32Array(2 * n);
  const world = new Float32Array(2 * n);
  const worldLow = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const x = (position[2 * i] + 180) / 360;
    const phi = (Math.max(-85.0511, Math.min(85.0511, position[2 * i + 1])) * Math.PI) / 180;
    const y = (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
    mercator[2 * i] = x;
    mercator[2 * i + 1] = y;
    world[2 * i] = x * WORLD_UNITS;
    world[2 * i + 1] = (1 - y) * WORLD_UNITS;
    worldLow[2 * i] = x * WORLD_UNITS - world[2 * i];
    worldLow[2 * i + 1] = (1 - y) * WORLD_UNITS - world[2 * i + 1];
  }
  for (let k = 0; k < p; k++) {
    const i = lane.index[k];
    lane.world.set(world.subarray(2 * i, 2 * i + 2), 2 * k);
    lane.worldLow.set(worldLow.subarray(2 * i, 2 * i + 2), 2 * k);
  }
  return { columns, freshUntil, color, mercator, world, worldLow, persisting: lane };
}

/** The distinct ArrayBuffers behind a ScaleEvents, to transfer it from a worker without copying. */
export function scaleEventsTransferables(e: ScaleEvents): ArrayBuffer[] {
  const views: ArrayBufferView[] = [
    e.freshUntil, e.color, e.mercator, e.world, e.worldLow, e.persisting.world, e.persisting.worldLow, e.persisting.index, e.persisting.start, e.persisting.filterValue, e.persisting.freshUntil, e.persisting.color, e.persisting.category,
  ];
  const buffers = new Set<ArrayBuffer>([e.columns.buffer]);
  for (const v of views) buffers.add(v.buffer as ArrayBuffer);
  return [...buffers];
}
