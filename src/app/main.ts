// Wires the app: map first (so a data problem never leaves a blank page), then the data, the store and the views.
// The deck.gl half (markers, posture layers: deck-views.ts) is a separate chunk whose download starts with the map, so
// the basemap, timeline, list and legend paint while it loads; `npm run build` prints what the first load weighs.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import './no-eval.ts';
import './styles.css';
import { createMap } from './map.ts';
import { loadDataset, resolveEventsUrl } from './data/load.ts';
import { buildEventsTable, dataExtent, type EventsTable } from './state/events-table.ts';
import { createStore, STATE_DEFAULTS } from './state/store.ts';
import { timeDomain } from './timeline/scale.ts';
import { createScrubber } from './timeline/scrubber.ts';
import { createControls, LARGE_CONTROLS } from './timeline/controls.ts';
import { startPlayer } from './timeline/player.ts';
import { createPanel } from './panel/panel.ts';
import { createEventList, LIST_DEFAULTS } from './list/event-list.ts';
import { createLegend } from './legend.ts';
import { showBanner } from './banner.ts';
import { initialView, startEmbedding } from './embed/embedding.ts';
import { dayOfDate } from './time/day.ts';
import { loadCapitals } from './posture/capitals.ts';
import { createSearch } from './posture/search.ts';
import { prefersReducedMotion } from './posture/motion.ts';
import { createSummaryView } from './posture/summary-view.ts';
import { frameEvents } from './posture/frame.ts';
import type { SourceDocument } from '../model/index.ts';
import { loadLargeDataset, type LargeLoad } from './large/load-large.ts';
import { createLargeSearch } from './large/large-search.ts';
import { announceLargeMode } from './large/large-notice.ts';
import type { Store } from './state/store.ts';
import { freshContainer, scopeStore } from './review/live.ts';
import { publishedFeatures, workbenchApi } from './review/workbench-mode.ts';
import type { Workbench } from './review/workbench.ts';

type DeckViews = typeof import('./deck-views.ts');
type Capitals = Awaited<ReturnType<typeof loadCapitals>>;

const $ = (id: string) => document.getElementById(id) as HTMLElement;

async function main(): Promise<void> {
  const banners = $('banners');
  // events.bin first: above the threshold the GeoJSON is never fetched (large/, docs/app.md "Large datasets").
  // Started before the map, so the worker fetches and decodes it while MapLibre sets up.
  const resolved = resolveEventsUrl(location.href);
  const probing: Promise<LargeLoad> = 'error' in resolved
    ? Promise.resolve({ kind: 'error', errors: [resolved.error] }) : loadLargeDataset(resolved.url);
  // Without WebGL there is no map, but the timeline, the list and the sources still work.
  let map: MapLibreMap | null = null;
  try {
    map = createMap($('map'));
  } catch (e) {
    showBanner(banners, 'error', [`The map could not start (${(e as Error).message}); the timeline, list and sources still work.`]);
  }
  // Without a map there is nothing to draw markers on, so deck.gl is not loaded at all.
  const deckViews = map ? import('./deck-views.ts').catch((e: unknown) => {
    showBanner(banners, 'error', [`The map's markers could not load (${(e as Error).message}); the timeline, list and sources still work.`]);
    return null;
  }) : null;
  // Contributors' capitals for the arcs, fetched while the data loads.
  const capitals = loadCapitals(document.baseURI);
  const probe = await probing;
  const large = probe.kind === 'large' ? probe : null;
  const result = probe.kind === 'error' ? { ok: false as const, errors: probe.errors }
    : large || 'error' in resolved ? null : await loadDataset(resolved.url);
  let table: EventsTable = buildEventsTable([]);
  let documents: ReadonlyMap<string, SourceDocument> = new Map();
  if (large) {
    table = large.table;
    documents = large.documents;
    if (large.warnings.length) showBanner(banners, 'warning', large.warnings);
  } else if (!result?.ok) {
    showBanner(banners, 'error', result?.errors ?? []);
    document.body.classList.add('data-failed');
  } else {
    // A rejected event stays in the data for the record; no view shows it (review mode lists it apart).
    table = buildEventsTable(publishedFeatures(result.dataset.events.features));
    documents = result.dataset.documents;
    if (result.dataset.warnings.length) showBanner(banners, 'warning', result.dataset.warnings);
  }

  const domain = timeDomain(dataExtent(table), dayOfDate(new Date()));
  const store = createStore({ t: domain[1] });
  store.subscribe((s, p) => {
    // On a phone the list is a drawer over the map: close it so the sheet and the marker can be seen.
    if (s.selectedId === p.selectedId || s.selectedId === null) return;
    document.body.classList.remove('list-open');
    $('list-toggle').setAttribute('aria-expanded', 'false');
  });
  $('list-toggle').addEventListener('click', () => {
    const open = document.body.classList.toggle('list-open');
    $('list-toggle').setAttribute('aria-expanded', String(open));
  });
  // Review mode, in the workbench only (never in a published or embedded view): src/app/review/.
  const workbench = workbenchApi();
  const review = workbench ? await import('./review/workbench.ts').then((m) => m.createWorkbench(workbench, store, map, banners)) : null;
  const failed = !large && !result?.ok;
  let views = mountViews({ store, table, documents, large, domain, map, failed, review });
  const [deck, capitalsLoaded] = await Promise.all([deckViews, capitals]);
  let layers = views.mountLayers(deck, capitalsLoaded);
  // Last, so the view in the URL reaches views that are all listening.
  startEmbedding({ map, overlay: layers.overlay, store, table, documents, domain, view: initialView(domain),
    defaults: { ...STATE_DEFAULTS, t: domain[1] }, note: (text) => showBanner(banners, 'warning', [text]) });
  const ready = () => { document.body.dataset.ready = 'true'; };
  if (map && layers.overlay && deck) {
    map.once('idle', ready);
    // The map may have gone idle while deck.gl downloaded: one more frame, so 'idle' comes once the markers are added.
    map.triggerRepaint();
  } else {
    ready();
  }
  // The workbench's data changed (a document added, a correction made): the views are built again on the new data,
  // without a reload, the time kept (or moved to the new end when it was at the end) and the selection kept.
  review?.onData(async () => {
    if ('error' in resolved) return;
    const loaded = await loadDataset(resolved.url);
    if (!loaded.ok) {
      showBanner(banners, 'error', loaded.errors);
      return;
    }
    const next = buildEventsTable(publishedFeatures(loaded.dataset.events.features));
    const nextDomain = timeDomain(dataExtent(next), dayOfDate(new Date()));
    const { t, selectedId } = store.get();
    layers.dispose();
    views.dispose();
    store.set({ playing: false, selectedId: null, hoveredId: null, t: t >= domain[1] ? nextDomain[1] : Math.min(t, nextDomain[1]) });
    domain[0] = nextDomain[0];
    domain[1] = nextDomain[1];
    views = mountViews({ store, table: next, documents: loaded.dataset.documents, large: null, domain, map, failed: false, review });
    layers = views.mountLayers(deck, capitalsLoaded, layers.overlay ?? undefined);
    review.attach(loaded.dataset.events.features, next);
    if (selectedId && next.rowOf(selectedId) !== undefined) store.set({ selectedId });
  });
  review?.attach(result?.ok ? result.dataset.events.features : [], table);
}

interface ViewsInput {
  store: Store;
  table: EventsTable;
  documents: ReadonlyMap<string, SourceDocument>;
  large: Extract<LargeLoad, { kind: 'large' }> | null;
  domain: [number, number];
  map: MapLibreMap | null;
  failed: boolean;
  review: Workbench | null;
}

/**
 * The views of one dataset: the DOM views at once, the map's layers once deck.gl is there. Each returns a dispose()
 * that takes it all down again (the workbench builds them anew when its data changes; elsewhere they live for good).
 */
function mountViews(input: ViewsInput) {
  const { table, large, domain, map, failed, review } = input;
  const scope = scopeStore(input.store);
  const store = scope.store;
  const containers = ['controls', 'scrubber', 'list', 'posture', 'filters', 'panel', 'legend'].map((id) => freshContainer($(id)));
  const [controls, scrubber, list, posture, filters, panel, legend] = containers;
  const search = large ? createLargeSearch(store, table, large.events.columns) : createSearch(store, table);
  createControls(controls, store, table, filters, large ? LARGE_CONTROLS : undefined);
  createScrubber(scrubber, store, table, domain, undefined, search);
  startPlayer(store, domain, prefersReducedMotion);
  createEventList(list, store, table,
    { ...LIST_DEFAULTS, emptyText: !failed ? LIST_DEFAULTS.emptyText : 'No events: the data could not be loaded (see the note above).' }, search, review?.decorateListItem);
  if (large) announceLargeMode($('banners'), posture, table.length);
  else createSummaryView(posture, store, table, (ids) => { if (map) frameEvents(map, table, ids, prefersReducedMotion()); });
  createPanel(panel, store, table, input.documents, large?.details, review?.panel);
  createLegend(legend, table, store);
  return {
    /** `reuse`: the overlay of the views these replace, kept with its compiled layers (small mode only). */
    mountLayers(deck: DeckViews | null, capitals: Capitals, reuse?: MapboxOverlay) {
      // The posture needs every full feature: off in large mode, where the scale layer draws the markers.
      const posture = map && deck && !large ? deck.connectPosture(map, store, table, capitals, search) : null;
      const largeMap = map && deck && large ? deck.connectLargeEvents(map, store, table, large.events, search, $('map-wrap')) : null;
      const overlay = largeMap ? largeMap.overlay
        : map && deck ? deck.connectEvents(map, store, table, $('map-wrap'), posture ?? undefined, reuse) : null;
      if (map && overlay && deck) {
        if (largeMap) deck.installLargeTestHook(map, largeMap, store, table);
        else deck.installTestHook(map, overlay, store, table);
        if (posture) deck.installPostureHook(map, overlay, posture);
      }
      return {
        overlay,
        /** Takes the layers' listeners and marks down; the overlay stays on the map for the next views (reuse). */
        dispose() {
          if (map && largeMap) map.removeControl(largeMap.overlay);
          if (map?.getSource('countries')) map.removeFeatureState({ source: 'countries' });
          for (const tip of $('map-wrap').querySelectorAll(':scope > .tooltip')) tip.remove();
        },
      };
    },
    dispose() {
      scope.dispose();
      for (const c of containers) freshContainer(c);
    },
  };
}

main().catch((e: unknown) => {
  showBanner(document.getElementById('banners')!, 'error', [`The app failed to start: ${(e as Error).message}`]);
});
