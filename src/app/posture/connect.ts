// Wires the posture onto the map: states on the basemap, the deck.gl posture layers, and what the events layer needs
// from the reader's filters and play mode.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import type { LonLat } from './capitals.ts';
import type { Search } from './search.ts';
import type { EventsLayerInput } from '../layers/events-layer.ts';
import { connectStates } from './states-map.ts';
import { postureLayers, type PostureLayerInput } from './deck-layers.ts';
import { prefersReducedMotion } from './motion.ts';

export { prefersReducedMotion };

export interface Posture {
  /** The posture's layers at the store's current state, to draw under the markers. */
  layers(): ReturnType<typeof postureLayers>;
  input(): PostureLayerInput;
  /** What the event markers need from the reader's filters and play mode. */
  eventsInput(): Partial<EventsLayerInput>;
}

export function connectPosture(map: MapLibreMap, store: Store, table: EventsTable, capitals: ReadonlyMap<string, LonLat>,
  search: Search): Posture {
  connectStates(map, store, table, prefersReducedMotion);
  const input = (): PostureLayerInput => {
    const s = store.get();
    return {
      table, capitals, t: s.t, windowDays: s.windowDays, playMode: s.playMode, playWindowDays: s.playWindowDays,
      hiddenCategories: s.hiddenCategories, matches: search.matches, matchKey: search.key(), reducedMotion: prefersReducedMotion(),
    };
  };
  const eventsInput = (): Partial<EventsLayerInput> => {
    const s = store.get();
    return { hiddenCategories: s.hiddenCategories, matches: search.matches, matchKey: search.key(), playMode: s.playMode, playWindowDays: s.playWindowDays };
  };
  return { layers: () => postureLayers(input()), input, eventsInput };
}
