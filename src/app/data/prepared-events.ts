// Everything the GPU needs, derived once at load from the columnar file (in the worker, off the main thread):
// flat typed arrays uploaded once as deck.gl binary attributes; a frame then only picks a run of rows.
//
//   main lane (all events, sorted by start)            lanes (began before a window, may still be active at its start)
//   lastDay     Float32[n]   end, or until (FOREVER     index        Uint32[p]  row in the main lane
//                            while a state holds)      start        Int32[p]   origin-relative, sorted
//   color       Uint8[4n]    RGBA by category           lastDay, flags, world, color, category: as in the main lane
//   world       Float32[2n]  common space (+ worldLow)
//   mercator    Float32[2n]  x, y in 0..1 (picking)
// The fade needs no column of its own: full strength while t <= lastDay (+ the reader's fade days unless persisting).
import { CATEGORIES } from '../model/index.ts';
import { FLAG_PERSISTS, NO_UNTIL, type ColumnarEvents } from './columnar.ts';

export type Rgb = readonly [number, number, number];

export interface ScaleEventsOptions {
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
  palette: CATEGORIES.map((c) => DEFAULT_PALETTE[c]),
};

/** A day beyond any data: the last day of a state that still holds, exactly representable in Float32. */
export const FOREVER = 3.0e38;

/** A category mask with every category shown: bit k is category index k (the layer's and picking's filter). */
export const ALL_CATEGORIES = 0x7fffffff;

/** Size of the world in deck.gl's common space (512-pixel tiles at zoom 0). */
const WORLD_UNITS = 512;

/**
 * Events that may still be active after their start day, kept apart so a window [t0, t1] can also draw those that
 * began before t0 and were still active at t0 (the app's moving-window play). Rows sorted by start.
 */
export interface Lane {
  readonly count: number;
  /** Row in the main lane. */
  readonly index: Uint32Array;
  /** Origin-relative start, sorted. */
  readonly start: Int32Array;
  /** Last active day, origin-relative: `until` of a state (FOREVER while it holds), `end` of a multi-day event. */
  readonly lastDay: Float32Array;
  /** Longest lastDay - start in the lane (FOREVER for states): the candidates for t0 start at t0 - maxSpan. */
  readonly maxSpan: number;
  /** The file's flags per row (bit 0: persists). */
  readonly flags: Uint8Array;
  readonly color: Uint8Array;
  readonly category: Uint8Array;
  readonly world: Float32Array;
  readonly worldLow: Float32Array;
}

export interface ScaleEvents {
  readonly columns: ColumnarEvents;
  /** Last active day per row, origin-relative: `end`, or `until` of a state (FOREVER while it holds). */
  readonly lastDay: Float32Array;
  readonly color: Uint8Array;
  /** Web Mercator x, y in 0..1 (x east, y south) per event, for picking on the CPU without projecting per event. */
  readonly mercator: Float32Array;
  /**
   * deck.gl common space (Web Mercator, 512 units around the world, y north) split into a Float32 and the rest
   * (world + worldLow = the exact value), so the shader projects without trigonometry and stays exact when zoomed in.
   */
  readonly world: Float32Array;
  readonly worldLow: Float32Array;
  /**
   * Events active after their start day, by how long they may last: persisting states (for ever, so every one that
   * began before t0 is a candidate), then other multi-day events up to SHORT_SPAN_DAYS (day and month precision),
   * then longer ones (year precision, long operations). Split so a window's candidates stay few.
   */
  readonly lanes: readonly Lane[];
}

/** Longest span of the short lane: a month-precision event lasts up to 31 days. */
export const SHORT_SPAN_DAYS = 31;

function laneOf(rows: Uint32Array, main: Omit<ScaleEvents, 'lanes'>): Lane {
  const n = rows.length;
  const { start, category } = main.columns;
  const lane = {
    count: n, index: rows, start: new Int32Array(n), lastDay: new Float32Array(n), maxSpan: 0, flags: new Uint8Array(n),
    color: new Uint8Array(4 * n), category: new Uint8Array(n), world: new Float32Array(2 * n), worldLow: new Float32Array(2 * n),
  };
  for (let k = 0; k < n; k++) {
    const i = rows[k];
    lane.start[k] = start[i];
    const last = main.lastDay[i];
    lane.lastDay[k] = last;
    lane.maxSpan = Math.max(lane.maxSpan, last === FOREVER ? FOREVER : last - start[i]);
    lane.flags[k] = main.columns.flags[i];
    lane.color.set(main.color.subarray(4 * i, 4 * i + 4), 4 * k);
    lane.category[k] = category[i];
    lane.world.set(main.world.subarray(2 * i, 2 * i + 2), 2 * k);
    lane.worldLow.set(main.worldLow.subarray(2 * i, 2 * i + 2), 2 * k);
  }
  return lane;
}

export function prepareScaleEvents(columns: ColumnarEvents, options: ScaleEventsOptions = SCALE_EVENTS_DEFAULTS): ScaleEvents {
  const n = columns.count;
  const { start, end, until, flags, category, position } = columns;
  const lastDay = new Float32Array(n);
  const color = new Uint8Array(4 * n);
  const mercator = new Float32Array(2 * n);
  const world = new Float32Array(2 * n);
  const worldLow = new Float32Array(2 * n);
  // Lane of each event: -1 none (a one-day event), 0 held, 1 short span, 2 long span.
  const laneOfRow = new Int8Array(n);
  const laneSizes = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const persists = (flags[i] & FLAG_PERSISTS) !== 0;
    const lane = persists ? 0 : end[i] === start[i] ? -1 : end[i] - start[i] <= SHORT_SPAN_DAYS ? 1 : 2;
    laneOfRow[i] = lane;
    if (lane >= 0) laneSizes[lane]++;
    lastDay[i] = !persists ? end[i] : until[i] === NO_UNTIL ? FOREVER : until[i];
    const rgb = options.palette[category[i]];
    color[4 * i] = rgb[0];
    color[4 * i + 1] = rgb[1];
    color[4 * i + 2] = rgb[2];
    color[4 * i + 3] = 255;
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
  const laneRows = laneSizes.map((size) => new Uint32Array(size));
  const filled = [0, 0, 0];
  for (let i = 0; i < n; i++) if (laneOfRow[i] >= 0) laneRows[laneOfRow[i]][filled[laneOfRow[i]]++] = i;
  const main = { columns, lastDay, color, mercator, world, worldLow };
  return { ...main, lanes: laneRows.map((rows) => laneOf(rows, main)) };
}

/** The distinct ArrayBuffers behind a ScaleEvents, to transfer it from a worker without copying. */
export function scaleEventsTransferables(e: ScaleEvents): ArrayBuffer[] {
  const views: ArrayBufferView[] = [e.lastDay, e.color, e.mercator, e.world, e.worldLow];
  for (const lane of e.lanes) {
    views.push(lane.index, lane.start, lane.lastDay, lane.flags, lane.color, lane.category, lane.world, lane.worldLow);
  }
  const buffers = new Set<ArrayBuffer>([e.columns.buffer]);
  for (const v of views) buffers.add(v.buffer as ArrayBuffer);
  return [...buffers];
}
