// States on the basemap: host countries tinted (or outlined) by MapLibre feature state on the basemap's countries,
// one style per persisting category. A state appearing or ending eases in or out over `transitionMs` of wall time,
// unless the reader prefers reduced motion; before its start nothing of it shows.
// Every change of a tint repaints the whole basemap (150-200 ms in software rendering, far more than the markers'
// frame), so the tints follow every step while playing, and while the reader drags the time (or a host page drives
// it) wait until it has rested for `settleMs` after the frame that shows it. They are added after the map's first
// picture (start()), set at once: their layers' source parses the basemap's tiles a second time, and the outline is a
// shader program of its own, which the first render at 10,000 events paid for in software rendering (issue 16).
import type { ExpressionSpecification, Map as MapLibreMap, LayerSpecification } from 'maplibre-gl';
import { type BasemapFeatures, basemapCountries } from '../basemap-style.ts';
import type { Category } from '../../model/index.ts';
import type { PostureTable } from '../../model/posture-table.ts';
import { cssColor } from '../categories.ts';
import type { EventsTable } from '../state/events-table.ts';
import type { Store } from '../state/store.ts';
import { slotsHeldAt, stateIntervals, stateStyle } from './states.ts';

export const STATES_MAP_DEFAULTS = {
  transitionMs: 450,
  /** Outside play, the tints follow the time once it has not moved for this long. */
  settleMs: 300,
  /** Opacity of a fill tint at full strength. */
  fillOpacity: 0.42,
  /** An outlined state also gets this faint wash, so a small country's outline is not its only sign. */
  outlineWashOpacity: 0.16,
  outlineWidthPx: 3.4,
  /** Drawn under the borders, so neighbouring tints stay separated (and their fills need no antialiased edge). */
  beforeLayer: 'borders',
};

export const stateLayerId = (category: Category) => `state-${category}`;

function layersFor(category: Category, countries: BasemapFeatures, opts: typeof STATES_MAP_DEFAULTS): LayerSpecification[] {
  const strength: ExpressionSpecification = ['coalesce', ['feature-state', category], 0];
  const id = stateLayerId(category);
  const color = cssColor(category);
  if (stateStyle(category) === 'outline') {
    return [
      { id: `${id}-wash`, type: 'fill', ...countries, paint: { 'fill-color': color, 'fill-antialias': false, 'fill-opacity': ['*', opts.outlineWashOpacity, strength] } } as LayerSpecification,
      // A white casing under the dashes, so the outline reads over a neighbouring or shared tint.
      { id: `${id}-casing`, type: 'line', ...countries, layout: { 'line-join': 'round' },
        paint: { 'line-color': '#fff', 'line-width': opts.outlineWidthPx + 2, 'line-opacity': ['*', 0.9, strength] } } as LayerSpecification,
      { id, type: 'line', ...countries, layout: { 'line-join': 'round' },
        paint: { 'line-color': color, 'line-width': opts.outlineWidthPx, 'line-dasharray': [2, 1.2], 'line-opacity': strength } } as LayerSpecification,
    ];
  }
  return [{ id, type: 'fill', ...countries, paint: { 'fill-color': color, 'fill-antialias': false, 'fill-opacity': ['*', opts.fillOpacity, strength] } } as LayerSpecification];
}

export interface StatesOnMap {
  /** The map's first picture is drawn: adds the tints, set at once; from then on changes ease in and out. */
  start(): void;
  /** Stops its animation and clears what it wrote (the workbench's new data builds a new one). */
  dispose(): void;
}

export function connectStates(map: MapLibreMap, store: Store, table: EventsTable, posture: PostureTable, reducedMotion: () => boolean,
  opts = STATES_MAP_DEFAULTS): StatesOnMap {
  const states = stateIntervals(table, posture);
  const slots = states.slotCode.length;
  const target = new Float32Array(slots);
  const shown = new Float32Array(slots);
  let frame = 0;
  let last = 0;
  let ready = false;
  // The countries' source, known once the style has loaded (install).
  let countries: BasemapFeatures = { source: '' };
  const featureOf = (id?: string) => ({ source: countries.source, sourceLayer: countries['source-layer'], id });

  const write = (s: number) => {
    map.setFeatureState(featureOf(states.slotCode[s]), { [states.slotCategory[s]]: shown[s] });
  };
  const step = (now: number) => {
    const dt = last ? now - last : 16;
    last = now;
    let moving = false;
    const delta = dt / opts.transitionMs;
    for (let s = 0; s < slots; s++) {
      if (shown[s] === target[s]) continue;
      shown[s] = shown[s] < target[s] ? Math.min(target[s], shown[s] + delta) : Math.max(target[s], shown[s] - delta);
      write(s);
      if (shown[s] !== target[s]) moving = true;
    }
    frame = moving ? requestAnimationFrame(step) : 0;
  };
  const update = (ease = true) => {
    if (!ready) return;
    const { t, hiddenCategories } = store.get();
    slotsHeldAt(states, t, target);
    for (let s = 0; s < slots; s++) if (hiddenCategories.includes(states.slotCategory[s])) target[s] = 0;
    if (!ease || reducedMotion()) {
      cancelAnimationFrame(frame);
      frame = 0;
      for (let s = 0; s < slots; s++) if (shown[s] !== target[s]) { shown[s] = target[s]; write(s); }
      return;
    }
    if (!frame) { last = 0; frame = requestAnimationFrame(step); }
  };
  const install = () => {
    countries = basemapCountries(map);
    const categories = [...new Set(states.slotCategory)];
    for (const c of categories) {
      for (const layer of layersFor(c, countries, opts)) if (!map.getLayer(layer.id)) map.addLayer(layer, map.getLayer(opts.beforeLayer) ? opts.beforeLayer : undefined);
    }
    ready = true;
    // Set at once: there is nothing to ease from yet.
    update(false);
  };
  let settle: ReturnType<typeof setTimeout> | undefined;
  let shownFrame = 0;
  const now = () => {
    clearTimeout(settle);
    settle = undefined;
    cancelAnimationFrame(shownFrame);
    shownFrame = 0;
    update();
  };
  // The rest is counted from the frame that shows the last step, not from the step: a frame slower than settleMs (a
  // loaded machine, a million events) is not a rest, or the repaint it starts would slow the next frames in turn and
  // the tints would follow a drag step by step, each a basemap repaint.
  const restFromShown = () => {
    shownFrame = 0;
    settle = setTimeout(now, opts.settleMs);
  };
  store.subscribe((s, p) => {
    if (s.hiddenCategories !== p.hiddenCategories || (s.t !== p.t && s.playing)) now();
    else if (s.t !== p.t) {
      clearTimeout(settle);
      settle = undefined;
      if (!shownFrame) shownFrame = requestAnimationFrame(restFromShown);
    }
  });
  return {
    start() {
      if (ready) return;
      // Once the style's layers exist (isStyleLoaded() is false again while tiles load).
      if (map.isStyleLoaded() || map.getLayer(opts.beforeLayer)) install();
      else map.once('style.load', install);
    },
    /** Stops its animation and clears what it wrote (the workbench's new data builds a new one). */
    dispose() {
      ready = false;
      cancelAnimationFrame(frame);
      cancelAnimationFrame(shownFrame);
      clearTimeout(settle);
      map.off('style.load', install);
      if (countries.source && map.getSource(countries.source)) map.removeFeatureState(featureOf());
    },
  };
}
