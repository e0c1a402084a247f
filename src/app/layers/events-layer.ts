// The event markers as deck.gl layers. Time filtering runs on the GPU (DataFilterExtension): the attributes are built
// once per dataset and a scrub only changes the filter range. Filter values are days relative to the data's first
// start, so they stay exact in 32-bit floats. The reader's filters are GPU categories too: [category, matches search],
// so toggling a category changes only `filterCategories`, and a search rebuilds one attribute.
//   events-faded  every event with start <= t (in window play mode: still active in the last N days), drawn faded
//   events-fresh  the same filter plus t <= freshUntil, drawn at full strength on top
//   events-focus  a ring around the hovered and selected events
import { IconLayer } from '@deck.gl/layers';
import { DataFilterExtension } from '@deck.gl/extensions';
import type { PickingInfo } from '@deck.gl/core';
import type { EventFeature } from '../../model/index.ts';
import type { EventsTable } from '../state/events-table.ts';
import { freshUntil } from '../state/visible.ts';
import { markerAtlas } from './marker-atlas.ts';
import { colocationOffsets } from './colocation.ts';
import { CATEGORY_INDEX } from '../categories.ts';
import type { Category } from '../../model/index.ts';
import { windowFloor, type PlayMode } from '../posture/play-window.ts';

export const EVENTS_LAYER_DEFAULTS = {
  /** Marker diameter in pixels for one source; each further source adds `sizePerSourcePx`, up to `maxSizePx`. */
  sizePx: 15,
  sizePerSourcePx: 4,
  maxSizePx: 27,
  /** Beyond this many events markers are drawn at `denseScale` of their size, so a crowded map stays legible. */
  denseCount: 2000,
  denseScale: 0.6,
  /** Opacity of events older than the window. */
  fadedOpacity: 0.3,
  /** Stands in for "no end" in the filter: far beyond any real day offset, still exact in float32. */
  farDays: 1e7,
};

export const EVENT_LAYER_IDS = ['events-faded', 'events-fresh'];

export interface EventsLayerInput {
  table: EventsTable;
  t: number;
  windowDays: number;
  focusIds: readonly string[];
  /** Categories switched off in the legend. */
  hiddenCategories?: readonly string[];
  /** 1 where event i matches the search (absent: all match); `matchKey` changes whenever it does. */
  matches?: Uint8Array;
  matchKey?: string;
  /** In window play mode only events active within the last `playWindowDays` are drawn. */
  playMode?: PlayMode;
  playWindowDays?: number;
  onHover: (info: PickingInfo<EventFeature>) => void;
  onClick: (info: PickingInfo<EventFeature>) => void;
}

interface Shared {
  table: EventsTable;
  /** deck.gl wants an array of objects to pick; this layer is for small datasets, where every feature is in memory. */
  features: EventFeature[];
  origin: number;
  offsets: Float32Array;
  atlas: ReturnType<typeof markerAtlas>;
}

let shared: Shared | null = null;

function sharedFor(table: EventsTable): Shared {
  if (shared?.table !== table) {
    shared = { table, features: Array.from({ length: table.length }, (_, i) => table.feature(i)), origin: table.length ? table.start[0] : 0, offsets: colocationOffsets(table), atlas: shared?.atlas ?? markerAtlas() };
  }
  return shared;
}

export function eventsLayers(input: EventsLayerInput, opts = EVENTS_LAYER_DEFAULTS) {
  const { table, t, windowDays } = input;
  const { features, origin, offsets, atlas } = sharedFor(table);
  const rel = t - origin;
  const scale = table.length > opts.denseCount ? opts.denseScale : 1;
  const far = opts.farDays;
  const hidden = input.hiddenCategories ?? [];
  const visible = Object.keys(CATEGORY_INDEX).filter((c) => !hidden.includes(c)).map((c) => CATEGORY_INDEX[c as Category]);
  const matches = input.matches;
  const floor = Math.max(-far, windowFloor(input.playMode ?? 'cumulative', t, input.playWindowDays ?? 0) - origin);
  // The last day an event is active: its end, or until for a state (far while it holds).
  const lastDay = (index: number) => Math.min(far, (table.persistsUntil[index] === -Infinity ? table.end[index] : table.persistsUntil[index]) - origin);
  const base = {
    data: features,
    // deck.gl uploads a canvas as the atlas texture (its types only name a URL or a Texture); no image request.
    iconAtlas: atlas.canvas as unknown as string,
    iconMapping: atlas.mapping,
    getIcon: (f: EventFeature) => f.properties.category,
    getPosition: (f: EventFeature) => f.geometry.coordinates,
    getPixelOffset: (_: EventFeature, { index }: { index: number }) => [offsets[index * 2], offsets[index * 2 + 1]] as [number, number],
    getSize: (f: EventFeature) => Math.min(opts.maxSizePx, opts.sizePx + opts.sizePerSourcePx * (f.properties.sources.length - 1)),
    sizeUnits: 'pixels' as const,
    sizeScale: scale,
    pickable: true,
    onHover: input.onHover,
    onClick: input.onClick,
    getFilterCategory: (f: EventFeature, { index }: { index: number }) => [CATEGORY_INDEX[f.properties.category], matches ? matches[index] : 1],
    filterCategories: [visible, [1]],
  };
  const faded = new IconLayer<EventFeature>({
    ...base,
    id: 'events-faded',
    opacity: opts.fadedOpacity,
    extensions: [new DataFilterExtension({ filterSize: 2, categorySize: 2 })],
    getFilterValue: (_: EventFeature, { index }: { index: number }) => [table.start[index] - origin, lastDay(index)],
    filterRange: [[-far, rel], [floor, far]],
    updateTriggers: { getFilterCategory: input.matchKey },
  } as never);
  const fresh = new IconLayer<EventFeature>({
    ...base,
    id: 'events-fresh',
    extensions: [new DataFilterExtension({ filterSize: 3, categorySize: 2 })],
    getFilterValue: (_: EventFeature, { index }: { index: number }) =>
      [table.start[index] - origin, Math.min(far, freshUntil(table, index, windowDays) - origin), lastDay(index)],
    filterRange: [[-far, rel], [rel, far], [floor, far]],
    updateTriggers: { getFilterValue: windowDays, getFilterCategory: input.matchKey },
  } as never);
  const focusIndices = input.focusIds.map((id) => table.rowOf(id)).filter((i): i is number => i !== undefined);
  const focus = new IconLayer<number>({
    id: 'events-focus',
    data: focusIndices,
    iconAtlas: atlas.canvas as unknown as string,
    iconMapping: atlas.mapping,
    getIcon: () => 'ring',
    getPosition: (i: number) => features[i].geometry.coordinates as [number, number],
    getPixelOffset: (i: number) => [offsets[i * 2], offsets[i * 2 + 1]] as [number, number],
    getSize: (i: number) => 10 + Math.min(opts.maxSizePx, opts.sizePx + opts.sizePerSourcePx * (features[i].properties.sources.length - 1)),
    sizeUnits: 'pixels',
    sizeScale: scale,
    updateTriggers: { getPosition: focusIndices.join(), getPixelOffset: focusIndices.join(), getSize: focusIndices.join() },
  });
  return [faded, fresh, focus];
}
