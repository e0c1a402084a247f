// The events on the map, at any size: one window layer draws every shown event from the columns (no per-event
// object), the posture layers (arcs, headquarters squares, pulse rings) go under it, and a tiny layer rings the
// hovered and selected events. Hover and click pick on the CPU (pickEventAt), once per animation frame at most,
// instead of asking deck.gl to redraw every marker for picking. Selecting an event off screen eases the map to it.
import { MapboxOverlay } from '@deck.gl/mapbox';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { CATEGORIES } from '../model/index.ts';
import type { Dataset } from './data/dataset.ts';
import { CATEGORY_COLORS } from './categories.ts';
import { WindowEventsLayer } from './layers/window-events-layer.ts';
import { pickEventAt, radiusOf, type MarkerSize, type ShownFilter } from './layers/pick.ts';
import { categoryMaskOf, windowStartOf } from './layers/layer-input.ts';
import { postureLayers, type PostureLayerInput } from './posture/deck-layers.ts';
import type { LonLat } from './posture/capitals.ts';
import { prefersReducedMotion } from './posture/motion.ts';
import type { Store } from './state/store.ts';
import type { Search } from './state/search.ts';
import { createTooltip } from './tooltip.ts';
import { connectMarkerFootprints } from './marker-footprints.ts';

export const MARKER_DEFAULTS = {
  /** Radius of a one-source marker in a small dataset, in pixels; each further source adds `radiusPerSourcePx`. */
  radiusPx: 7.5,
  radiusPerSourcePx: 2,
  maxRadiusPx: 13.5,
  /** The white rim of a marker large enough to carry one. */
  outlinePx: 1.25,
  /**
   * Up to `fullSizeCount` events, markers are full size; from `smallCount` on, `smallScale` of it (3 px: in software
   * rendering every pixel of a marker is paid for on every shown event); in between, scaled on a log axis.
   */
  fullSizeCount: 2000,
  smallCount: 20_000,
  smallScale: 0.4,
  fadedOpacity: 0.3,
  /** The ring around the hovered and selected events, this far outside the marker. */
  focusGapPx: 3,
  focusColor: [20, 24, 31, 255] as [number, number, number, number],
};

export const EVENTS_LAYER_ID = 'events';

const PALETTE = CATEGORIES.map((c) => CATEGORY_COLORS[c]);

/** The marker size for a dataset of `count` events. */
export function markerSizeFor(count: number, opts = MARKER_DEFAULTS): MarkerSize {
  const f = Math.min(1, Math.max(0, Math.log(count / opts.fullSizeCount) / Math.log(opts.smallCount / opts.fullSizeCount)));
  const scale = 1 - f * (1 - opts.smallScale);
  return {
    radiusPixels: opts.radiusPx * scale,
    radiusPerSource: opts.radiusPerSourcePx * scale,
    maxRadiusPixels: opts.maxRadiusPx * scale,
    offsetScale: scale,
  };
}

export interface LayerProps extends ShownFilter {
  fadeDays: number;
}

export interface EventsMap {
  overlay: MapboxOverlay;
  size: MarkerSize;
  /** Row of the shown event under a map pixel (CSS pixels from the map's top left), or -1. */
  rowAt(x: number, y: number): number;
  /** What the events layer is drawn with now. */
  layerProps(): LayerProps;
  /** What the posture layers are drawn with now (null until the capitals are in). */
  postureInput(): PostureLayerInput | null;
  /** Whether deck.gl has drawn the layers as they are now (a frame finished since the last change). */
  drawn(): boolean;
  /** Resolves in the frame that draws the layers as they are now (at once if it has). */
  whenDrawn(): Promise<void>;
  /** The map's first picture is drawn: starts what it does without (the labels making way for the markers). */
  opened(): void;
  /** Whether the labels have made way for the markers shown now (marker-footprints.ts). */
  labelsPlaced(): boolean;
  /** Takes its map listeners and tooltip down; the overlay stays on the map for the next views to reuse. */
  dispose(): void;
}

/**
 * deck.gl makes its canvas at the default 300×150 and creates its WebGL context a few tasks later; the context's
 * first frame is then drawn at that size, and the resize that follows reallocates the drawing buffer, a synchronous
 * wait on the GPU process while the map opens. Sized as luma.gl will size it (CSS pixels × devicePixelRatio, floored:
 * the map's size, as MapboxOverlay sizes its container so), again if the map resizes before the context exists, the
 * first frame is the real one and no resize follows.
 */
function sizeCanvasBeforeContext(map: MapLibreMap, overlay: MapboxOverlay): void {
  // deck.gl's canvas has the Deck's id (deck.gl's default: MapboxOverlay gives none); overlay.getCanvas() is null until
  // the context exists.
  const canvas = map.getContainer().querySelector<HTMLCanvasElement>('canvas#deckgl-overlay');
  const size = () => {
    const { clientWidth, clientHeight } = map.getContainer();
    if (overlay.getCanvas() || !canvas) map.off('resize', size);
    else if (clientWidth > 0 && clientHeight > 0) {
      canvas.width = Math.floor(clientWidth * devicePixelRatio);
      canvas.height = Math.floor(clientHeight * devicePixelRatio);
    }
  };
  map.on('resize', size);
  size();
}

export function connectEventsMap(
  map: MapLibreMap,
  store: Store,
  dataset: Dataset,
  search: Search,
  capitals: Promise<ReadonlyMap<string, LonLat>>,
  tooltipParent: HTMLElement,
  opts = MARKER_DEFAULTS,
  /** The overlay of the views these replace (the workbench's new data): its compiled layers are kept. */
  reuse?: MapboxOverlay,
): EventsMap {
  const { table, events, posture } = dataset;
  const tooltip = createTooltip(tooltipParent);
  const position = events.columns.position;
  const size = markerSizeFor(table.length, opts);
  let capitalsIn: ReadonlyMap<string, LonLat> | null = null;

  const layerProps = (): LayerProps => {
    const s = store.get();
    return {
      time: s.t,
      windowStart: windowStartOf(s),
      fadeDays: s.windowDays,
      categoryMask: categoryMaskOf(s.hiddenCategories),
      matches: search.key() === '' ? null : search.matches,
      activeAtStart: true,
    };
  };
  const postureInput = (): PostureLayerInput | null => {
    if (!capitalsIn) return null;
    const s = store.get();
    return {
      table,
      posture,
      capitals: capitalsIn,
      t: s.t,
      windowDays: s.windowDays,
      playMode: s.playMode,
      playWindowDays: s.playWindowDays,
      passes: search.passes,
      reducedMotion: prefersReducedMotion(),
      scale: size.offsetScale,
    };
  };
  const focusRows = () => {
    const s = store.get();
    const rows: number[] = [];
    for (const id of [s.selectedId, s.hoveredId]) {
      const row = id === null ? undefined : table.rowOf(id);
      if (row !== undefined && !rows.includes(row)) rows.push(row);
    }
    return rows;
  };
  const layers = () => {
    const focus = focusRows();
    const p = layerProps();
    const under = postureInput();
    return [
      ...(under ? postureLayers(under) : []),
      new WindowEventsLayer({
        id: EVENTS_LAYER_ID,
        events,
        palette: PALETTE,
        fadedOpacity: opts.fadedOpacity,
        radiusPixels: size.radiusPixels,
        radiusPerSource: size.radiusPerSource,
        maxRadiusPixels: size.maxRadiusPixels,
        outlinePixels: opts.outlinePx,
        offsetScale: size.offsetScale,
        time: p.time,
        windowStart: p.windowStart,
        fadeDays: p.fadeDays,
        categoryMask: p.categoryMask,
        matches: p.matches,
      }),
      // Only while something is hovered or selected: its shader compiles when first needed, not at start-up.
      focus.length === 0
        ? null
        : new ScatterplotLayer<number>({
            id: `${EVENTS_LAYER_ID}-focus`,
            data: focus,
            getPosition: (row: number) => [position[2 * row], position[2 * row + 1]],
            getRadius: (row: number) => radiusOf(events, row, size) + opts.focusGapPx,
            radiusUnits: 'pixels',
            stroked: true,
            filled: false,
            getLineColor: opts.focusColor,
            getLineWidth: 2,
            lineWidthUnits: 'pixels',
            parameters: { depthWriteEnabled: false, depthCompare: 'always' },
            updateTriggers: { getPosition: focus.join(), getRadius: focus.join() },
          } as never),
    ];
  };
  let version = 0;
  let drawnVersion = -1;
  let waiting: (() => void)[] = [];
  // The labels make way for the markers once they have rested, counted from the frame that shows a change rather than
  // from the change: a frame slower than the rest (a million events, a loaded machine) is then not taken for one, and a
  // scrub driven frame after frame never re-lays the labels out (a basemap repaint) in its midst.
  let footprintsHeld = false;
  const afterRender = () => {
    drawnVersion = version;
    if (footprintsHeld) {
      footprintsHeld = false;
      footprints.changed();
    }
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  };
  // No multisampling: in software rendering (SwiftShader) a 4x multisampled canvas tests, blends and resolves four
  // samples for every pixel of every marker, a third of the markers' frame; every layer here smooths its own edges
  // in its shader (the markers, the posture marks, the focus ring, the arcs with antialiasing on).
  const overlay =
    reuse ??
    new MapboxOverlay({ interleaved: false, deviceProps: { webgl: { antialias: false } }, layers: layers(), onAfterRender: afterRender });
  if (reuse) reuse.setProps({ layers: layers(), onAfterRender: afterRender });
  else {
    map.addControl(overlay);
    sizeCanvasBeforeContext(map, overlay);
  }
  // Labels make way for the shown markers, from opened() on.
  const footprints = connectMarkerFootprints(map, events, size, layerProps);
  const redraw = () => {
    version++;
    overlay.setProps({ layers: layers() });
    footprints.hold();
    footprintsHeld = true;
  };
  store.subscribe((s, p) => {
    if (
      s.t !== p.t ||
      s.hoveredId !== p.hoveredId ||
      s.selectedId !== p.selectedId ||
      s.hiddenCategories !== p.hiddenCategories ||
      s.playMode !== p.playMode ||
      s.playWindowDays !== p.playWindowDays ||
      s.windowDays !== p.windowDays
    )
      redraw();
  });
  search.subscribe(redraw);
  capitals.then(
    (c) => {
      capitalsIn = c;
      redraw();
    },
    () => undefined,
  );

  const rowAt = (x: number, y: number): number => {
    const { lng, lat } = map.unproject([x, y]);
    // The same window, categories and search as the layer draws, so only a drawn marker is ever picked.
    return pickEventAt(events, lng, lat, map.getZoom(), layerProps(), size);
  };

  // At most one pick per animation frame, with the latest pointer position.
  let pending: { x: number; y: number } | null = null;
  let frame = 0;
  const hover = () => {
    frame = 0;
    if (!pending) return;
    const { x, y } = pending;
    pending = null;
    const row = rowAt(x, y);
    const canvas = map.getCanvas();
    if (row < 0) {
      tooltip.hide();
      canvas.style.cursor = '';
      if (store.get().hoveredId !== null) store.set({ hoveredId: null });
      return;
    }
    const f = table.feature(row);
    tooltip.show(f, x, y);
    canvas.style.cursor = 'pointer';
    store.set({ hoveredId: f.id });
  };
  const onMove = (e: MapMouseEvent) => {
    pending = { x: e.point.x, y: e.point.y };
    if (!frame) frame = requestAnimationFrame(hover);
  };
  const onLeave = () => {
    pending = null;
    tooltip.hide();
    if (store.get().hoveredId !== null) store.set({ hoveredId: null });
  };
  const onClick = (e: MapMouseEvent) => {
    const row = rowAt(e.point.x, e.point.y);
    if (row >= 0) store.set({ selectedId: table.feature(row).id });
  };
  map.on('mousemove', onMove);
  map.getCanvas().addEventListener('mouseleave', onLeave);
  map.on('click', onClick);

  // Bringing the selected event into view is keep-in-view.ts's (it knows what covers the map).
  const whenDrawn = () =>
    drawnVersion === version
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          waiting.push(resolve);
        });
  const dispose = () => {
    map.off('mousemove', onMove);
    map.off('click', onClick);
    map.getCanvas().removeEventListener('mouseleave', onLeave);
    cancelAnimationFrame(frame);
    tooltip.remove();
    footprints.dispose();
  };
  return {
    overlay,
    size,
    rowAt,
    layerProps,
    postureInput,
    drawn: () => drawnVersion === version,
    whenDrawn,
    opened: () => footprints.start(),
    labelsPlaced: () => footprints.placed(),
    dispose,
  };
}
