// Draws a million events at the cost of the visible ones. Events are sorted by start, so the window
// [windowStart, time] is one run of rows, found by binary search (window-plan.ts) and drawn by one draw call over
// buffers uploaded once (window-points-layer.ts). Events that began before the window and were still active at its
// start (persisting states, multi-day events) come from smaller lanes, drawn the same way. Per frame only a few
// numbers change: no event data is touched.
import { CompositeLayer } from '@deck.gl/core';
import type { DefaultProps, LayersList, UpdateParameters } from '@deck.gl/core';
import { WindowPointsLayer, type Rgb } from './window-points-layer.ts';
import { ALL_CATEGORIES, type Lane, type PreparedEvents } from '../data/prepared-events.ts';
import { PLAN_END_ROW, PLAN_FIRST_ROW, PLAN_LANES, PLAN_SLOTS, planWindow, type WindowDays } from './window-plan.ts';

export interface WindowEventsLayerProps {
  /** Prepared columns (prepareEvents, from the columnar worker for events.bin), or null while loading. */
  events: PreparedEvents | null;
  /** RGB per category index (the app's CATEGORY_COLORS). */
  palette: readonly Rgb[];
  /** Cursor day (days since 1970-01-01): events that started by then are shown. */
  time: number;
  /** First day of the window; -Infinity shows everything started by `time` (the app's default). @default -Infinity */
  windowStart: number;
  /** Days after its end that an event stays at full strength; persisting states stay so until `until`. @default 30 */
  fadeDays: number;
  /** Opacity multiplier of events past their fresh period. @default 0.3 */
  fadedOpacity: number;
  /** Radius of a one-source marker. @default 3 */
  radiusPixels: number;
  /** Added to the radius per further source. @default 0 */
  radiusPerSource: number;
  /** @default 3 */
  maxRadiusPixels: number;
  /** White rim on markers at least three times as wide. @default 0 */
  outlinePixels: number;
  /** Multiplies the co-location offsets. @default 1 */
  offsetScale: number;
  /** Also draw events that began before the window and were still active at its start (states, multi-day events). @default true */
  activeAtStart: boolean;
  /** Bit k set: category index k drawn (the legend's toggles). @default all */
  categoryMask: number;
  /** Per row 1 when it matches the reader's search, or null when there is no search. A new array is a new upload. */
  matches: Uint8Array | null;
}

interface Data {
  length: number;
  attributes: Record<string, { value: ArrayBufferView; size: number; normalized?: boolean; stride?: number; offset?: number }>;
}

type State = { plan: Int32Array; days: WindowDays; main: Data | null; lanes: Data[] };

function mainData(e: PreparedEvents, matches: Uint8Array | null): Data {
  return {
    length: e.columns.count,
    attributes: {
      getWorldPosition: { value: e.world, size: 2 },
      getWorldPositionLow: { value: e.worldLow, size: 2 },
      getLastDay: { value: e.lastDay, size: 1 },
      getFlags: { value: e.flags, size: 1, normalized: true },
      getCategory: { value: e.columns.category, size: 1, normalized: true },
      getSourceCount: { value: e.columns.sourceCount, size: 1, normalized: true },
      getOffset: { value: e.offsets, size: 2, normalized: true },
      ...(matches ? { getMatch: { value: matches, size: 1, normalized: true } } : {}),
    },
  };
}

function laneData(lane: Lane, matches: Uint8Array | null): Data {
  let laneMatches: Uint8Array | null = null;
  if (matches) {
    laneMatches = new Uint8Array(lane.count);
    for (let k = 0; k < lane.count; k++) laneMatches[k] = matches[lane.index[k]];
  }
  return {
    length: lane.count,
    attributes: {
      getWorldPosition: { value: lane.world, size: 2 },
      getWorldPositionLow: { value: lane.worldLow, size: 2 },
      getLastDay: { value: lane.lastDay, size: 1 },
      getFlags: { value: lane.flags, size: 1, normalized: true },
      getCategory: { value: lane.category, size: 1, normalized: true },
      getSourceCount: { value: lane.sourceCount, size: 1, normalized: true },
      getOffset: { value: lane.offsets, size: 2, normalized: true },
      ...(laneMatches ? { getMatch: { value: laneMatches, size: 1, normalized: true } } : {}),
    },
  };
}

export class WindowEventsLayer extends CompositeLayer<WindowEventsLayerProps> {
  static override layerName = 'WindowEventsLayer';
  static override defaultProps: DefaultProps<WindowEventsLayerProps> = {
    events: { type: 'object', value: null },
    palette: { type: 'object', value: [], compare: false },
    time: 0,
    windowStart: -Infinity,
    fadeDays: 30,
    fadedOpacity: 0.3,
    radiusPixels: 3,
    radiusPerSource: 0,
    maxRadiusPixels: 3,
    outlinePixels: 0,
    offsetScale: 1,
    activeAtStart: true,
    categoryMask: ALL_CATEGORIES,
    matches: { type: 'object', value: null },
  };
  declare state: State;

  override initializeState(): void {
    this.setState({ plan: new Int32Array(PLAN_SLOTS), days: { t0: 0, t1: 0 }, main: null, lanes: [] });
  }

  override updateState({ props, oldProps }: UpdateParameters<this>): void {
    if (props.events !== oldProps.events || props.matches !== oldProps.matches) {
      const e = props.events;
      this.setState({
        main: e ? mainData(e, props.matches) : null,
        lanes: e ? e.lanes.map((lane) => laneData(lane, props.matches)) : [],
      });
    }
  }

  override renderLayers(): LayersList {
    const { events, palette, time, windowStart, fadeDays, fadedOpacity, radiusPixels, radiusPerSource, maxRadiusPixels, outlinePixels,
      offsetScale, activeAtStart, categoryMask } = this.props;
    const { plan, days, main, lanes } = this.state;
    if (!events || !main) return [];
    planWindow(events, windowStart, time, plan, days, activeAtStart);
    const shared = { palette, fadeTime: days.t1, fadeDays, fadedOpacity, radiusPixels, radiusPerSource, maxRadiusPixels, outlinePixels, offsetScale, categoryMask };
    // Only lane rows still active at the window's start: a half-day margin, the days are whole numbers.
    const activeFrom = days.t0 - 0.5;
    const layers = lanes.map((data, k) => {
      const first = plan[PLAN_LANES + 2 * k];
      const end = plan[PLAN_LANES + 2 * k + 1];
      return new WindowPointsLayer(this.getSubLayerProps({
        id: `lane-${k}`, data, visible: end > first && this.props.visible, firstRow: first, rowCount: end - first, activeFrom, ...shared,
      }));
    });
    return [
      new WindowPointsLayer(this.getSubLayerProps({
        id: 'rows',
        data: main,
        firstRow: plan[PLAN_FIRST_ROW],
        rowCount: plan[PLAN_END_ROW] - plan[PLAN_FIRST_ROW],
        ...shared,
      })),
      ...layers,
    ];
  }
}
