// Connects the event markers on the map to the store: layers follow t, the window, hover and selection; hovering
// shows the tooltip; clicking selects; selecting an event off screen eases the map to it.
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { LayersList, PickingInfo } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { EventFeature } from '../model/index.ts';
import type { Store } from './state/store.ts';
import type { EventsTable } from './state/events-table.ts';
import { eventsLayers, type EventsLayerInput } from './layers/events-layer.ts';
import { createTooltip } from './tooltip.ts';

/** Layers drawn under the markers (the posture) and the filters the markers follow; both read the store. */
export interface UnderLayers {
  layers(): LayersList;
  eventsInput(): Partial<EventsLayerInput>;
}

/** `reuse`: the overlay of views this one replaces (the workbench's new data): its deck.gl keeps its compiled layers. */
export function connectEvents(map: MapLibreMap, store: Store, table: EventsTable, tooltipParent: HTMLElement,
  under?: UnderLayers, reuse?: MapboxOverlay): MapboxOverlay {
  const tooltip = createTooltip(tooltipParent);
  const onHover = (info: PickingInfo<EventFeature>) => {
    const f = info.object;
    store.set({ hoveredId: f?.id ?? null });
    if (f) tooltip.show(f, info.x, info.y);
    else tooltip.hide();
  };
  const onClick = (info: PickingInfo<EventFeature>) => { if (info.object) store.set({ selectedId: info.object.id }); };
  const layers = () => {
    const s = store.get();
    const focusIds = [s.selectedId, s.hoveredId].filter((id): id is string => id !== null);
    const events = eventsLayers({ table, t: s.t, windowDays: s.windowDays, focusIds, onHover, onClick, ...under?.eventsInput() });
    return under ? [...under.layers(), ...events] : events;
  };
  const overlay = reuse ?? new MapboxOverlay({ interleaved: false, getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab') });
  overlay.setProps({ layers: layers() });
  if (!reuse) map.addControl(overlay);
  store.subscribe((s, p) => {
    if (s.t !== p.t || s.windowDays !== p.windowDays || s.hoveredId !== p.hoveredId || s.selectedId !== p.selectedId
      || s.hiddenCategories !== p.hiddenCategories || s.query !== p.query || s.playMode !== p.playMode || s.playWindowDays !== p.playWindowDays) {
      overlay.setProps({ layers: layers() });
    }
  });
  store.subscribe((s, p) => {
    if (s.selectedId === p.selectedId || s.selectedId === null) return;
    const i = table.rowOf(s.selectedId);
    if (i === undefined) return;
    const [lon, lat] = table.feature(i).geometry.coordinates;
    if (!map.getBounds().contains([lon, lat])) map.easeTo({ center: [lon, lat], duration: 400 });
  });
  return overlay;
}
