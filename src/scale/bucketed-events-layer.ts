// Draws a million events at the cost of the visible ones. Events are sorted by start and cut into time buckets
// (time-buckets.ts); each bucket is one sub-layer over subarrays of the shared columns, created the first time it is
// visible. Per frame the window [windowStart, time] selects a run of buckets by binary search (frame-plan.ts):
// buckets outside are not drawn at all, buckets inside are drawn whole, and only the (at most two) edge buckets
// filter their events on the GPU. Fading is a uniform (fade-extension.ts). No event data is touched per frame: only
// uniforms and `visible` flags change. Markers are non-instanced point sprites (event-points-layer.ts), because
// SwiftShader pays a fixed cost per instance of an instanced draw such as ScatterplotLayer's.
import { CompositeLayer } from '@deck.gl/core';
import type { DefaultProps, GetPickingInfoParams, Layer, LayersList, PickingInfo, UpdateParameters } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension } from '@deck.gl/extensions';
import { FadeExtension } from './fade-extension.ts';
import { EventPointsLayer } from './event-points-layer.ts';
import { FOREVER, type ScaleEvents } from './scale-events.ts';
import { WINDOW_END, WINDOW_FIRST, WINDOW_INNER_END, WINDOW_INNER_FIRST } from './time-buckets.ts';
import { FRAME_LANE_END, FRAME_SLOTS, planFrame, type FrameDays } from './frame-plan.ts';

export interface BucketedEventsLayerProps {
  /** Prepared columns (prepareScaleEvents, usually from the columnar worker), or null while loading. */
  events: ScaleEvents | null;
  /** Cursor day (day number, days since 1970-01-01): events that started by then are shown. */
  time: number;
  /** First day of the window; -Infinity shows everything started by `time` (the app's default). @default -Infinity */
  windowStart: number;
  /** Opacity multiplier of events past their fresh period. @default 0.3 */
  fadedOpacity: number;
  /** @default 3 */
  radiusPixels: number;
  /** Also draw persisting states that began before the window and still held at its start. @default true */
  heldStates: boolean;
  /** Draw one non-instanced point sprite per event (EventPointsLayer) rather than ScatterplotLayer quads. @default true */
  sprites: boolean;
}

/** Sub-layer data: a bucket's slice of the shared columns; `firstIndex` maps a picked index back to the event. */
interface BucketData {
  length: number;
  firstIndex: number;
  attributes: Record<string, { value: ArrayBufferView; size: number; normalized?: boolean }>;
}

// Shared instances: deck.gl compares extensions by identity, a fresh array per frame would rebuild the shaders.
const BUCKET_EXTENSIONS = [new DataFilterExtension({ filterSize: 1 }), new FadeExtension()];
const LANE_EXTENSIONS = [new DataFilterExtension({ filterSize: 2 }), new FadeExtension()];
const ALL_DAYS: [number, number] = [-FOREVER, FOREVER];

type LaneData = BucketData & { index: Uint32Array };
type State = {
  window: Int32Array;
  days: FrameDays;
  buckets: BucketData[];
  lane: LaneData[];
  /** Buckets drawn at least once: their sub-layers stay, so scrubbing back costs no upload; unseen ones cost nothing. */
  seen: Uint8Array;
  layers: Layer[];
};

function sliceBuckets(events: ScaleEvents): BucketData[] {
  const { bounds, count } = events.buckets;
  const out: BucketData[] = [];
  for (let k = 0; k < count; k++) {
    const lo = bounds[k];
    const hi = bounds[k + 1];
    out.push({
      length: hi - lo,
      firstIndex: lo,
      attributes: {
        getPosition: { value: events.columns.position.subarray(2 * lo, 2 * hi), size: 2 },
        getFillColor: { value: events.color.subarray(4 * lo, 4 * hi), size: 4, normalized: true },
        getFilterValue: { value: events.startValue.subarray(lo, hi), size: 1 },
        getFreshUntil: { value: events.freshUntil.subarray(lo, hi), size: 1 },
      },
    });
  }
  return out;
}

function laneData(events: ScaleEvents): LaneData[] {
  const lane = events.persisting;
  const { bounds, count } = lane.buckets;
  const out: LaneData[] = [];
  for (let k = 0; k < count; k++) {
    const lo = bounds[k];
    const hi = bounds[k + 1];
    out.push({
      length: hi - lo,
      firstIndex: 0,
      index: lane.index.subarray(lo, hi),
      attributes: {
        getPosition: { value: lane.position.subarray(2 * lo, 2 * hi), size: 2 },
        getFillColor: { value: lane.color.subarray(4 * lo, 4 * hi), size: 4, normalized: true },
        getFilterValue: { value: lane.filterValue.subarray(2 * lo, 2 * hi), size: 2 },
        getFreshUntil: { value: lane.freshUntil.subarray(lo, hi), size: 1 },
      },
    });
  }
  return out;
}

export class BucketedEventsLayer extends CompositeLayer<BucketedEventsLayerProps> {
  static override layerName = 'BucketedEventsLayer';
  static override defaultProps: DefaultProps<BucketedEventsLayerProps> = {
    events: { type: 'object', value: null },
    time: 0,
    windowStart: -Infinity,
    fadedOpacity: 0.3,
    radiusPixels: 3,
    sprites: true,
    heldStates: true,
  };
  declare state: State;

  override initializeState(): void {
    this.setState({ window: new Int32Array(FRAME_SLOTS), days: { t0: 0, t1: 0 }, buckets: [], lane: [], seen: new Uint8Array(0), layers: [] });
  }

  override updateState({ props, oldProps }: UpdateParameters<this>): void {
    if (props.events !== oldProps.events) {
      const events = props.events;
      const buckets = events ? sliceBuckets(events) : [];
      const lane = events ? laneData(events) : [];
      this.setState({ buckets, lane, seen: new Uint8Array(buckets.length + lane.length), layers: [] });
    }
  }

  override renderLayers(): LayersList {
    const { events, time, windowStart, fadedOpacity, radiusPixels, sprites, heldStates } = this.props;
    const Points = sprites ? EventPointsLayer : ScatterplotLayer;
    if (!events) return [];
    const w = this.state.window;
    const days = this.state.days;
    planFrame(events, windowStart, time, w, days);
    const { t0, t1 } = days;
    const first = w[WINDOW_FIRST];
    const innerFirst = w[WINDOW_INNER_FIRST];
    const innerEnd = w[WINDOW_INNER_END];
    const end = w[WINDOW_END];
    // Half-day margins: the filter compares floats, the days are whole numbers.
    const edgeRange: [number, number] = [t0 - 0.5, t1 + 0.5];
    const { buckets, layers, seen } = this.state;
    const shown = this.props.visible;
    // The class is in the id: a sub-layer that changed class under the same id would keep the old model.
    const kind = sprites ? 's' : 'q';
    let count = 0;
    for (let k = 0; k < buckets.length; k++) {
      const visible = k >= first && k < end;
      if (!visible && !seen[k]) continue;
      seen[k] = 1;
      const edge = k >= first && k < end && (k < innerFirst || k >= innerEnd);
      layers[count++] = new Points(this.getSubLayerProps({
        id: `${kind}b${k}`,
        data: buckets[k],
        visible: visible && shown,
        extensions: BUCKET_EXTENSIONS,
        filterEnabled: edge,
        filterRange: edge ? edgeRange : ALL_DAYS,
        fadeTime: t1,
        fadedOpacity,
        radiusUnits: 'pixels',
        getRadius: radiusPixels,
        radiusPixels,
        stroked: false,
      }));
    }
    // States that began before the window and still held at its start (the main lane has those that began inside):
    // only lane buckets that began before t0 are drawn, all filtered on start and until.
    const lane = this.state.lane;
    const laneEnd = heldStates ? w[FRAME_LANE_END] : 0;
    const laneRange: [number, number][] = [[-FOREVER, t0 - 0.5], [t0 - 0.5, FOREVER]];
    for (let k = 0; k < lane.length; k++) {
      const visible = k < laneEnd;
      if (!visible && !seen[buckets.length + k]) continue;
      seen[buckets.length + k] = 1;
      layers[count++] = new Points(this.getSubLayerProps({
        id: `${kind}p${k}`,
        data: lane[k],
        visible: visible && shown,
        extensions: LANE_EXTENSIONS,
        filterRange: laneRange,
        fadeTime: t1,
        fadedOpacity,
        radiusUnits: 'pixels',
        getRadius: radiusPixels,
        radiusPixels,
        stroked: false,
      }));
    }
    layers.length = count;
    return layers;
  }

  /** The picked event's row in the columns (`info.index`, also `info.object`), whichever sub-layer drew it. */
  override getPickingInfo({ info, sourceLayer }: GetPickingInfoParams): PickingInfo {
    if (info.index < 0 || !sourceLayer) return info;
    const data = sourceLayer.props.data as BucketData & { index?: Uint32Array };
    const row = data.index ? data.index[info.index] : data.firstIndex + info.index;
    info.index = row;
    info.object = row;
    return info;
  }
}
