// The posture's deck.gl layers, drawn under the event markers:
//   posture-arcs    contributor arcs (ArcLayer) of the events active at t
//   posture-marks   in one draw (layers/posture-marks-layer.ts): a square under each headquarters-like state while it
//                   holds, one per place, and a ring around each recent incident that widens and fades over the decay
//                   window
// Each frame keeps only what is on at t, on the CPU and from the dataset's tables: what an instanced layer costs in
// software rendering grows with its instances, drawn or filtered, so only the few that show are handed to deck.gl.
// Pulses are capped to the most recent incidents (a million events would otherwise ring thousands at once).
import { ArcLayer } from '@deck.gl/layers';
import { bisectLeft, bisectRight } from 'd3-array';
import { CATEGORIES, PRECISIONS } from '../../model/index.ts';
import type { PostureTable } from '../../model/posture-table.ts';
import { CATEGORY_COLORS } from '../categories.ts';
import { categoryOf, type EventsTable } from '../state/events-table.ts';
import { freshUntil } from '../state/visible.ts';
import type { LonLat } from './capitals.ts';
import { buildArcs, type Arc } from './arcs.ts';
import { stateStyle } from './states.ts';
import { PULSE_DEFAULTS, pulseStrength } from './pulse.ts';
import { windowFloor, type PlayMode } from './play-window.ts';
import { MARK_SHAPES, PostureMarksLayer } from '../layers/posture-marks-layer.ts';

export const POSTURE_LAYER_DEFAULTS = {
  arcWidthPx: 2.2,
  /** Contributors' end of an arc: a neutral slate, so the colour at the event's end says what it serves. */
  arcSourceColor: [70, 80, 100, 200] as [number, number, number, number],
  arcTargetAlpha: 235,
  symbolSizePx: 32,
  /** The pulse ring: radius around the marker at full strength, and how much it widens as it fades. */
  pulseRadiusPx: 11,
  pulseGrowPx: 16,
  pulseWidthPx: 2.5,
  /** Rings drawn at most: the most recently started incidents. */
  maxPulses: 40,
};

export const POSTURE_LAYER_IDS = { arcs: 'posture-arcs', marks: 'posture-marks' };

/** The posture layers never hide a marker: they neither write nor test depth (markers use it, see window-points-layer.ts). */
const UNDER_MARKERS = { depthWriteEnabled: false, depthCompare: 'always' } as const;

export interface PostureLayerInput {
  table: EventsTable;
  posture: PostureTable;
  capitals: ReadonlyMap<string, LonLat>;
  t: number;
  /** The decay window: incidents pulse, and arcs of one-off events stay, this many days after the end. */
  windowDays: number;
  playMode: PlayMode;
  playWindowDays: number;
  /** Whether row i passes the search and the legend's toggles. */
  passes(i: number): boolean;
  reducedMotion: boolean;
  /** The markers' size against a small dataset's (events-map.ts markerSizeFor): rings and squares follow it. */
  scale: number;
}

interface Built {
  table: EventsTable;
  capitals: ReadonlyMap<string, LonLat>;
  arcs: Arc[];
  /** Rows of persisting symbol-style states, in start order. */
  symbols: Int32Array;
  /** Longest end - start of a pulsing incident: how far back a frame looks for one still pulsing. */
  incidentSpan: number;
  pulsing: Uint8Array;
  pulseRow: Int32Array;
  pulseStrength: Float32Array;
}

let built: Built | null = null;

/** One square or ring (PostureMarksLayer). */
interface Mark { position: LonLat; color: [number, number, number, number]; size: number; shape: number; lineWidth: number }

function buildFor(input: PostureLayerInput, opts = POSTURE_LAYER_DEFAULTS): Built {
  const { table, posture, capitals } = input;
  if (built?.table === table && built.capitals === capitals) return built;
  const symbols: number[] = [];
  for (let k = 0; k < posture.rows.length; k++) {
    const row = posture.rows[k];
    if (table.persistsUntil[row] !== -Infinity && stateStyle(categoryOf(table, row)) === 'symbol') symbols.push(row);
  }
  const pulsing = new Uint8Array(CATEGORIES.length);
  for (const c of PULSE_DEFAULTS.categories) pulsing[CATEGORIES.indexOf(c)] = 1;
  let incidentSpan = 0;
  for (let i = 0; i < table.length; i++) {
    if (pulsing[table.category[i]] && table.persistsUntil[i] === -Infinity) incidentSpan = Math.max(incidentSpan, table.end[i] - table.start[i]);
  }
  built = {
    table, capitals, arcs: buildArcs(table, posture, capitals), symbols: Int32Array.from(symbols), incidentSpan, pulsing,
    pulseRow: new Int32Array(opts.maxPulses), pulseStrength: new Float32Array(opts.maxPulses),
  };
  return built;
}

/** The last day row i shows in the posture: while fresh (its end plus the decay window), or while its state holds. */
const lastShown = (input: PostureLayerInput, i: number) => freshUntil(input.table, i, input.windowDays);

/** Arcs of events active at t that pass the reader's filters and play window. */
export function activeArcs(input: PostureLayerInput): Arc[] {
  const b = buildFor(input);
  const { t } = input;
  const floor = windowFloor(input.playMode, t, input.playWindowDays);
  const out: Arc[] = [];
  for (const arc of b.arcs) {
    if (input.table.start[arc.row] > t) break;
    const last = lastShown(input, arc.row);
    if (t <= last && last >= floor && input.passes(arc.row)) out.push(arc);
  }
  return out;
}

/** Rows of the headquarters-like states held at t, one per place (the first), that pass the filters. */
export function heldSymbols(input: PostureLayerInput): number[] {
  const b = buildFor(input);
  const { table, t } = input;
  const places = new Set<number>();
  const out: number[] = [];
  for (const row of b.symbols) {
    if (table.start[row] > t) break;
    if (table.persistsUntil[row] < t || !input.passes(row)) continue;
    const place = table.columns.place[row];
    if (places.has(place)) continue;
    places.add(place);
    out.push(row);
  }
  return out;
}

/** Fills the pulse buffers with the incidents pulsing at t, latest first, at most maxPulses; returns how many. */
function fillPulses(b: Built, input: PostureLayerInput, opts = POSTURE_LAYER_DEFAULTS): number {
  const { table, t, windowDays } = input;
  const floor = windowFloor(input.playMode, t, input.playWindowDays);
  const { start, end, columns } = table;
  const first = bisectLeft(start, t - b.incidentSpan - windowDays);
  let n = 0;
  for (let i = bisectRight(start, t) - 1; i >= first && n < opts.maxPulses; i--) {
    if (!b.pulsing[table.category[i]] || table.persistsUntil[i] !== -Infinity) continue;
    if (end[i] < floor || !input.passes(i)) continue;
    const s = pulseStrength(t, start[i], end[i], PRECISIONS[columns.precision[i]], windowDays);
    if (s < PULSE_DEFAULTS.minStrength) continue;
    b.pulseRow[n] = i;
    b.pulseStrength[n] = s;
    n++;
  }
  return n;
}

/**
 * The layers that have something to draw at t: a layer type not drawn yet costs no shader compile (seconds in
 * software rendering, at start-up), and a dataset with no contributors never compiles the arcs'.
 */
export function postureLayers(input: PostureLayerInput, opts = POSTURE_LAYER_DEFAULTS) {
  const { table } = input;
  const b = buildFor(input, opts);
  const position = table.columns.position;
  const at = (row: number): LonLat => [position[2 * row], position[2 * row + 1]];
  const colour = (row: number, alpha: number) => [...CATEGORY_COLORS[categoryOf(table, row)], alpha] as [number, number, number, number];

  const shownArcs = activeArcs(input);
  const arcs = shownArcs.length === 0 ? null : new ArcLayer<Arc>({
    id: POSTURE_LAYER_IDS.arcs,
    data: shownArcs,
    getSourcePosition: (a: Arc) => a.source,
    getTargetPosition: (a: Arc) => a.target,
    getSourceColor: opts.arcSourceColor,
    getTargetColor: (a: Arc) => colour(a.row, opts.arcTargetAlpha),
    getWidth: opts.arcWidthPx,
    widthUnits: 'pixels',
    // Edges smoothed in the shader: deck.gl's canvas has no multisampling (events-map.ts).
    antialiasing: true,
    // Flat: the map is never pitched, and a raised arc seen from above only adds a hook at its ends.
    getHeight: 0,
    greatCircle: true,
    pickable: true,
    parameters: UNDER_MARKERS,
  });

  // Squares first, so the rings are drawn over them.
  const symbols = heldSymbols(input);
  const n = fillPulses(b, input, opts);
  const grow = input.reducedMotion ? 0 : opts.pulseGrowPx;
  const ring = input.scale;
  const lineWidth = Math.max(1, opts.pulseWidthPx * ring);
  const marks: Mark[] = symbols.map((row) => ({
    position: at(row), color: colour(row, 255), size: opts.symbolSizePx * (0.5 + 0.5 * input.scale), shape: MARK_SHAPES.square, lineWidth: 0,
  }));
  for (let k = 0; k < n; k++) {
    const row = b.pulseRow[k];
    const strength = b.pulseStrength[k];
    // The ring's stroke is centred on its radius, as ScatterplotLayer strokes a circle.
    const radius = ring * (opts.pulseRadiusPx + grow * (1 - strength));
    marks.push({ position: at(row), color: colour(row, Math.round(255 * strength)), size: 2 * radius + lineWidth, shape: MARK_SHAPES.ring, lineWidth });
  }
  const drawn = marks.length === 0 ? null : new PostureMarksLayer<Mark>({
    id: POSTURE_LAYER_IDS.marks,
    data: marks,
    getPosition: (m: Mark) => m.position,
    getColor: (m: Mark) => m.color,
    getSize: (m: Mark) => m.size,
    getShape: (m: Mark) => m.shape,
    getLineWidth: (m: Mark) => m.lineWidth,
    parameters: UNDER_MARKERS,
  });
  return [arcs, drawn].filter((layer) => layer !== null);
}

/** Rows the pulse ring is drawn around at t, latest first (the test hook's). */
export function pulsingRows(input: PostureLayerInput): number[] {
  const b = buildFor(input);
  return Array.from(b.pulseRow.subarray(0, fillPulses(b, input)));
}
