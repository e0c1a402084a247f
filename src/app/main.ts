// Wires the app: map first (so a data problem never leaves a blank page), then the data, the store and the views.
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { PickingInfo } from '@deck.gl/core';
import type { EventFeature } from '../model/index.ts';
import './styles.css';
import { createMap } from './map.ts';
import { loadDataset, resolveEventsUrl } from './data/load.ts';
import { buildEventsTable, dataExtent, type EventsTable } from './state/events-table.ts';
import { createStore } from './state/store.ts';
import { eventsLayers } from './layers/events-layer.ts';
import { timeDomain } from './timeline/scale.ts';
import { createScrubber } from './timeline/scrubber.ts';
import { createControls } from './timeline/controls.ts';
import { startPlayer } from './timeline/player.ts';
import { createPanel } from './panel/panel.ts';
import { createEventList } from './list/event-list.ts';
import { createLegend } from './legend.ts';
import { createTooltip } from './tooltip.ts';
import { showBanner } from './banner.ts';
import { installTestHook } from './test-hook.ts';
import { dayOfDate } from './time/day.ts';
import type { SourceDocument } from '../model/index.ts';

const $ = (id: string) => document.getElementById(id) as HTMLElement;

async function main(): Promise<void> {
  const map = createMap($('map'));
  const banners = $('banners');
  const resolved = resolveEventsUrl(location.href);
  const result = 'error' in resolved ? { ok: false as const, errors: [resolved.error] } : await loadDataset(resolved.url);
  let table: EventsTable = buildEventsTable([]);
  let documents: ReadonlyMap<string, SourceDocument> = new Map();
  if (!result.ok) {
    showBanner(banners, 'error', result.errors);
    document.body.classList.add('data-failed');
  } else {
    table = buildEventsTable(result.dataset.events.features);
    documents = result.dataset.documents;
    if (result.dataset.warnings.length) showBanner(banners, 'warning', result.dataset.warnings);
  }

  const domain = timeDomain(dataExtent(table), dayOfDate(new Date()));
  const store = createStore({ t: domain[1] });
  const tooltip = createTooltip($('map-wrap'));
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
    return eventsLayers({ table, t: s.t, windowDays: s.windowDays, focusIds, onHover, onClick });
  };
  const overlay = new MapboxOverlay({ interleaved: false, layers: layers(), getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab') });
  map.addControl(overlay);
  store.subscribe((s, p) => {
    if (s.t !== p.t || s.windowDays !== p.windowDays || s.hoveredId !== p.hoveredId || s.selectedId !== p.selectedId) {
      overlay.setProps({ layers: layers() });
    }
  });
  store.subscribe((s, p) => {
    if (s.selectedId === p.selectedId || s.selectedId === null) return;
    // On a phone the list is a drawer over the map: close it so the sheet and the marker can be seen.
    document.body.classList.remove('list-open');
    $('list-toggle').setAttribute('aria-expanded', 'false');
    const i = table.indexById.get(s.selectedId);
    if (i === undefined) return;
    const [lon, lat] = table.features[i].geometry.coordinates;
    if (!map.getBounds().contains([lon, lat])) map.easeTo({ center: [lon, lat], duration: 400 });
  });

  createControls($('controls'), store, table);
  createScrubber($('scrubber'), store, table, domain);
  startPlayer(store, domain);
  createEventList($('list'), store, table);
  createPanel($('panel'), store, table, documents);
  createLegend($('legend'), table, store);
  $('list-toggle').addEventListener('click', () => {
    const open = document.body.classList.toggle('list-open');
    $('list-toggle').setAttribute('aria-expanded', String(open));
  });
  installTestHook(map, overlay, store, table);
  map.once('idle', () => { document.body.dataset.ready = 'true'; });
}

main().catch((e: unknown) => {
  showBanner(document.getElementById('banners')!, 'error', [`The app failed to start: ${(e as Error).message}`]);
});
