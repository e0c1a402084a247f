// Everything the GPU needs, derived once at load from the columnar file (in the worker for events.bin, off the main
// thread): flat typed arrays uploaded once as deck.gl binary attributes; a frame then only picks a run of rows.
//
//   main lane (all events, sorted by start)            lanes (began before a window, may still be active at its start)
//   flags       Uint8[n]     the file's, + UNCERTAIN    (the layer's style input: persisting, uncertain date)
//   lastDay     Float32[n]   end, or until (FOREVER     index        Uint32[p]  row in the main lane
//                            while a state holds)      start        Int32[p]   origin-relative, sorted
//   world       Float32[2n]  common space (+ worldLow)  lastDay, flags, category, sourceCount, world, offsets: as the main lane
//   offsets     Int8[2n]     pixels apart from others at the same spot (colocation.ts)
// Colours come from the category in the shader and sizes from the source count: neither needs a column of its own.
// The fade needs none either: full strength while t <= lastDay (+ the reader's fade days unless persisting).
import { FLAG_PERSISTS, NO_UNTIL, type ColumnarEvents } from '../../model/columnar.ts';
import { colocationOffsets } from '../layers/colocation.ts';
import { worldOf } from '../../util/mercator.ts';

/** A day beyond any data: the last day of a state that still holds, exactly representable in Float32. */
export const FOREVER = 3.0e38;

/**
 * Bit of PreparedEvents.flags (beside the file's bits, columnar.ts, which use bits 0-3): the date is known only to its
 * month or year, so the marker is drawn as uncertain (a ring around a translucent disc) across that interval.
 */
export const FLAG_UNCERTAIN_DATE = 16;

/** A category mask with every category shown: bit k is category index k (the layer's and picking's filter). */
export const ALL_CATEGORIES = 0x7fffffff;

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
  /** The style flags per row (PreparedEvents.flags). */
  readonly flags: Uint8Array;
  readonly category: Uint8Array;
  readonly sourceCount: Uint8Array;
  readonly world: Float32Array;
  readonly worldLow: Float32Array;
  readonly offsets: Int8Array;
}

export interface PreparedEvents {
  readonly columns: ColumnarEvents;
  /**
   * The file's flags (bit 0: persists; bit 5: FLAG_AREA_PLACE, a country or region) with FLAG_UNCERTAIN_DATE for a month- or
   * year-precision date: the markers' style.
   */
  readonly flags: Uint8Array;
  /** Last active day per row, origin-relative: `end`, or `until` of a state (FOREVER while it holds). */
  readonly lastDay: Float32Array;
  /**
   * deck.gl common space (Web Mercator, 512 units around the world, y north) split into a Float32 and the rest
   * (world + worldLow = the exact value), so the shader projects without trigonometry and stays exact when zoomed
   * in. Picking reads it too: a world unit is 2^zoom pixels.
   */
  readonly world: Float32Array;
  readonly worldLow: Float32Array;
  /** Pixel offsets of co-located rows (colocation.ts), stride 2. */
  readonly offsets: Int8Array;
  /**
   * Events active after their start day, by how long they may last: persisting states (for ever, so every one that
   * began before t0 is a candidate), then other multi-day events up to SHORT_SPAN_DAYS (day and month precision),
   * then longer ones (year precision, long operations). Split so a window's candidates stay few.
   */
  readonly lanes: readonly Lane[];
}

/** Longest span of the short lane: a month-precision event lasts up to 31 days. */
export const SHORT_SPAN_DAYS = 31;

function laneOf(rows: Uint32Array, main: Omit<PreparedEvents, 'lanes'>): Lane {
  const n = rows.length;
  const { start, category, sourceCount } = main.columns;
  const flags = main.flags;
  const lane = {
    count: n, index: rows, start: new Int32Array(n), lastDay: new Float32Array(n), maxSpan: 0, flags: new Uint8Array(n),
    category: new Uint8Array(n), sourceCount: new Uint8Array(n), world: new Float32Array(2 * n), worldLow: new Float32Array(2 * n),
    offsets: new Int8Array(2 * n),
  };
  for (let k = 0; k < n; k++) {
    const i = rows[k];
    lane.start[k] = start[i];
    const last = main.lastDay[i];
    lane.lastDay[k] = last;
    lane.maxSpan = Math.max(lane.maxSpan, last === FOREVER ? FOREVER : last - start[i]);
    lane.flags[k] = flags[i];
    lane.category[k] = category[i];
    lane.sourceCount[k] = sourceCount[i];
    lane.world.set(main.world.subarray(2 * i, 2 * i + 2), 2 * k);
    lane.worldLow.set(main.worldLow.subarray(2 * i, 2 * i + 2), 2 * k);
    lane.offsets.set(main.offsets.subarray(2 * i, 2 * i + 2), 2 * k);
  }
  return lane;
}

export function prepareEvents(columns: ColumnarEvents): PreparedEvents {
  const n = columns.count;
  const { start, end, until, flags: fileFlags, position, precision } = columns;
  const flags = new Uint8Array(n);
  const lastDay = new Float32Array(n);
  const world = new Float32Array(2 * n);
  const worldLow = new Float32Array(2 * n);
  const xy = new Float64Array(2);
  // Lane of each event: -1 none (a one-day event), 0 held, 1 short span, 2 long span.
  const laneOfRow = new Int8Array(n);
  const laneSizes = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    flags[i] = fileFlags[i] | (precision[i] !== 0 ? FLAG_UNCERTAIN_DATE : 0);
    const persists = (flags[i] & FLAG_PERSISTS) !== 0;
    const lane = persists ? 0 : end[i] === start[i] ? -1 : end[i] - start[i] <= SHORT_SPAN_DAYS ? 1 : 2;
    laneOfRow[i] = lane;
    if (lane >= 0) laneSizes[lane]++;
    lastDay[i] = !persists ? end[i] : until[i] === NO_UNTIL ? FOREVER : until[i];
    const [x, y] = worldOf(position[2 * i], position[2 * i + 1], xy);
    world[2 * i] = x;
    world[2 * i + 1] = y;
    worldLow[2 * i] = x - world[2 * i];
    worldLow[2 * i + 1] = y - world[2 * i + 1];
  }
  const laneRows = laneSizes.map((size) => new Uint32Array(size));
  const filled = [0, 0, 0];
  for (let i = 0; i < n; i++) if (laneOfRow[i] >= 0) laneRows[laneOfRow[i]][filled[laneOfRow[i]]++] = i;
  const main = { columns, flags, lastDay, world, worldLow, offsets: colocationOffsets(position, n) };
  return { ...main, lanes: laneRows.map((rows) => laneOf(rows, main)) };
}

/** The distinct ArrayBuffers behind a PreparedEvents, to transfer it from a worker without copying. */
export function preparedTransferables(e: PreparedEvents): ArrayBuffer[] {
  const views: ArrayBufferView[] = [e.flags, e.lastDay, e.world, e.worldLow, e.offsets];
  for (const lane of e.lanes) {
    views.push(lane.index, lane.start, lane.lastDay, lane.flags, lane.category, lane.sourceCount, lane.world, lane.worldLow, lane.offsets);
  }
  const buffers = new Set<ArrayBuffer>([e.columns.buffer]);
  for (const v of views) buffers.add(v.buffer as ArrayBuffer);
  return [...buffers];
}
