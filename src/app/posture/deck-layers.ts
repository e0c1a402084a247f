// The posture's deck.gl layers, drawn under the event markers:
//   posture-arcs    contributor arcs (ArcLayer), GPU-filtered by the time their event or state is active
//   posture-symbol  a fixed symbol under each headquarters-like state while it holds
//   posture-pulse   a ring around each recent incident that widens and fades over the decay window
// Arcs and symbols are built once per dataset; a scrub changes filter ranges. The pulse ring is the one CPU pass per
// frame: it walks only incidents that started within the decay window, into preallocated buffers.
import { ArcLayer, IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension } from '@deck.gl/extensions';
import type { Category } from '../../model/index.ts';
import { CATEGORY_COLORS, CATEGORY_INDEX } from '../categories.ts';
import type { EventsTable } from '../state/events-table.ts';
import { freshUntil } from '../state/visible.ts';
import type { LonLat } from './capitals.ts';
import { buildArcs, type Arc } from './arcs.ts';
import { stateStyle } from './states.ts';
import { PULSE_DEFAULTS, pulseStrength } from './pulse.ts';
import { windowFloor, type PlayMode } from './play-window.ts';
import { passesFilters } from './filter.ts';
import { markerAtlas } from '../layers/marker-atlas.ts';

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
  farDays: 1e7,
};

export const POSTURE_LAYER_IDS = { arcs: 'posture-arcs', symbol: 'posture-symbol', pulse: 'posture-pulse' };

export interface PostureLayerInput {
  table: EventsTable;
  capitals: ReadonlyMap<string, LonLat>;
  t: number;
  /** The decay window: incidents pulse, and arcs of one-off events stay, this many days after the end. */
  windowDays: number;
  playMode: PlayMode;
  playWindowDays: number;
  hiddenCategories: readonly string[];
  /** 1 where an event matches the search; `matchKey` changes whenever it does. */
  matches: Uint8Array;
  matchKey: string;
  reducedMotion: boolean;
}

interface Built {
  table: EventsTable;
  capitals: ReadonlyMap<string, LonLat>;
  origin: number;
  arcs: Arc[];
  symbols: number[];
  incidents: Int32Array;
  maxSpan: number;
  pulseIndex: Int32Array;
  pulseStrength: Float32Array;
  atlas: ReturnType<typeof markerAtlas>;
}

let built: Built | null = null;

function buildFor(table: EventsTable, capitals: ReadonlyMap<string, LonLat>, opts = PULSE_DEFAULTS): Built {
  if (built?.table === table && built.capitals === capitals) return built;
  const symbols: number[] = [];
  const incidents: number[] = [];
  const pulsing = new Set<Category>(opts.categories);
  let maxSpan = 0;
  for (let i = 0; i < table.length; i++) {
    const p = table.feature(i).properties;
    if (p.persists && stateStyle(p.category) === 'symbol') symbols.push(i);
    if (!p.persists && pulsing.has(p.category)) { incidents.push(i); maxSpan = Math.max(maxSpan, table.end[i] - table.start[i]); }
  }
  built = {
    table, capitals, origin: table.length ? table.start[0] : 0, arcs: buildArcs(table, capitals), symbols,
    incidents: Int32Array.from(incidents), maxSpan,
    pulseIndex: new Int32Array(incidents.length), pulseStrength: new Float32Array(incidents.length),
    atlas: built?.atlas ?? markerAtlas(),
  };
  return built;
}

/** Fills the pulse buffers with the incidents pulsing at t; returns how many. Incidents are in start order. */
function fillPulses(b: Built, input: PostureLayerInput): number {
  const { table, t, windowDays, hiddenCategories, matches } = input;
  const floor = windowFloor(input.playMode, t, input.playWindowDays);
  let n = 0;
  for (let k = b.incidents.length - 1; k >= 0; k--) {
    const i = b.incidents[k];
    if (table.start[i] > t) continue;
    if (table.start[i] < t - b.maxSpan - windowDays) break;
    if (table.end[i] < floor || !passesFilters(table, i, hiddenCategories, matches)) continue;
    const f = table.feature(i).properties;
    const s = pulseStrength(t, table.start[i], table.end[i], f.precision, windowDays);
    if (s < PULSE_DEFAULTS.minStrength) continue;
    b.pulseIndex[n] = i;
    b.pulseStrength[n] = s;
    n++;
  }
  return n;
}

export function postureLayers(input: PostureLayerInput, opts = POSTURE_LAYER_DEFAULTS) {
  const { table, t, windowDays } = input;
  const b = buildFor(table, input.capitals);
  const far = opts.farDays;
  const rel = t - b.origin;
  const floor = windowFloor(input.playMode, t, input.playWindowDays) - b.origin;
  const visible = Object.keys(CATEGORY_INDEX).filter((c) => !input.hiddenCategories.includes(c)).map((c) => CATEGORY_INDEX[c as Category]);
  const lastDay = (i: number) => Math.min(far, freshUntil(table, i, windowDays) - b.origin);
  const filters = {
    filterRange: [[-far, rel], [Math.max(rel, floor), far]],
    filterCategories: [visible, [1]],
  };
  const category = (i: number) => [CATEGORY_INDEX[table.feature(i).properties.category], input.matches[i]];

  const arcs = new ArcLayer<Arc>({
    id: POSTURE_LAYER_IDS.arcs,
    data: b.arcs,
    getSourcePosition: (a: Arc) => a.source,
    getTargetPosition: (a: Arc) => a.target,
    getSourceColor: opts.arcSourceColor,
    getTargetColor: (a: Arc) => [...CATEGORY_COLORS[table.feature(a.index).properties.category], opts.arcTargetAlpha] as [number, number, number, number],
    getWidth: opts.arcWidthPx,
    widthUnits: 'pixels',
    // Flat: the map is never pitched, and a raised arc seen from above only adds a hook at its ends.
    getHeight: 0,
    greatCircle: true,
    pickable: true,
    extensions: [new DataFilterExtension({ filterSize: 2, categorySize: 2 })],
    getFilterValue: (a: Arc) => [table.start[a.index] - b.origin, lastDay(a.index)],
    getFilterCategory: (a: Arc) => category(a.index),
    ...filters,
    updateTriggers: { getFilterValue: windowDays, getFilterCategory: input.matchKey },
  } as never);

  const symbols = new IconLayer<number>({
    id: POSTURE_LAYER_IDS.symbol,
    data: b.symbols,
    iconAtlas: b.atlas.canvas as unknown as string,
    iconMapping: b.atlas.mapping,
    getIcon: () => 'symbol',
    getPosition: (i: number) => table.feature(i).geometry.coordinates as LonLat,
    getSize: opts.symbolSizePx,
    sizeUnits: 'pixels',
    getColor: (i: number) => [...CATEGORY_COLORS[table.feature(i).properties.category], 255] as [number, number, number, number],
    extensions: [new DataFilterExtension({ filterSize: 2, categorySize: 2 })],
    getFilterValue: (i: number) => [table.start[i] - b.origin, lastDay(i)],
    getFilterCategory: category,
    ...filters,
    updateTriggers: { getFilterValue: windowDays, getFilterCategory: input.matchKey },
  } as never);

  const n = fillPulses(b, input);
  const grow = input.reducedMotion ? 0 : opts.pulseGrowPx;
  const pulse = new ScatterplotLayer<number>({
    id: POSTURE_LAYER_IDS.pulse,
    data: { length: n } as unknown as number[],
    getPosition: (_: number, { index }: { index: number }) => table.feature(b.pulseIndex[index]).geometry.coordinates as LonLat,
    getRadius: (_: number, { index }: { index: number }) => opts.pulseRadiusPx + grow * (1 - b.pulseStrength[index]),
    getLineColor: (_: number, { index }: { index: number }) =>
      [...CATEGORY_COLORS[table.feature(b.pulseIndex[index]).properties.category], Math.round(255 * b.pulseStrength[index])] as [number, number, number, number],
    radiusUnits: 'pixels',
    stroked: true,
    filled: false,
    getLineWidth: opts.pulseWidthPx,
    lineWidthUnits: 'pixels',
    updateTriggers: { getPosition: [t, n, windowDays, input.matchKey], getRadius: [t, n, windowDays, grow], getLineColor: [t, n, windowDays] },
  });
  return [arcs, symbols, pulse];
}

/** Events the pulse ring is drawn around at t, for the tests and the summary's "recent" line. */
export function pulsingIds(input: PostureLayerInput): string[] {
  const b = buildFor(input.table, input.capitals);
  const n = fillPulses(b, input);
  const ids: string[] = [];
  for (let k = 0; k < n; k++) ids.push(input.table.feature(b.pulseIndex[k]).id);
  return ids;
}
