// The app, mounted into the elements a page gives it: the page (main.ts, index.html) and the web component
// (component/flankline-map.ts) are two entries of this one wiring. Map first (so a data problem never leaves a blank
// page), then the data, the store and the views. The deck.gl half (deck-views.ts) is a separate chunk whose download
// starts with the map, so the basemap, timeline, list and legend paint while it loads.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { CorpusInfo, SourceDocument } from '../model/index.ts';
import { corpusHeading, type CorpusHeading } from './format/corpus-title.ts';
import { dayOfDate } from '../model/day.ts';
import { createMap, keepOpeningView, MAP_DEFAULTS, refitOpening } from './map.ts';
import { loadEvents } from './data/load-events.ts';
import type { Dataset } from './data/dataset.ts';
import { datasetOfFeatures } from './data/features-dataset.ts';
import { dataExtent, placeExtent } from './state/events-table.ts';
import { createStore, type AppState, type Store } from './state/store.ts';
import { createSearch } from './state/search.ts';
import { timeDomain } from './timeline/scale.ts';
import { createScrubber } from './timeline/scrubber.ts';
import { createControls } from './timeline/controls.ts';
import { startPlayer } from './timeline/player.ts';
import { eventDays, playPlan } from './timeline/play-plan.ts';
import { createPanel } from './panel/panel.ts';
import { createEventList, LIST_DEFAULTS } from './list/event-list.ts';
import { createLegend } from './legend.ts';
import { loadCapitals } from './posture/capitals.ts';
import { connectStates } from './posture/states-map.ts';
import { prefersReducedMotion } from './posture/motion.ts';
import { createSummaryView } from './posture/summary-view.ts';
import { frameEvents } from './posture/frame.ts';
import type { EventsMap } from './events-map.ts';
import type { EventFeature } from '../model/index.ts';
import type { PanelExtension } from './panel/panel.ts';
import { freshContainer, scopeStore } from './state/scoped.ts';
import { keepSelectedInView } from './keep-in-view.ts';
import { showLabels } from './basemap-style.ts';
import { whenIdle } from './list/follow.ts';

/** After the first picture, the tints and labels come in the browser's idle time, or after this long at the latest. */
const AFTER_FIRST_PICTURE_WITHIN_MS = 1000;

/** Where the app draws. The page gives every element; the web component leaves out the list and the posture row. */
export interface AppElements {
  map: HTMLElement;
  /** The map's frame: the tooltip goes in it. */
  mapWrap: HTMLElement;
  legend: HTMLElement;
  panel: HTMLElement;
  controls: HTMLElement;
  scrubber: HTMLElement;
  /** Below the scrubber: the search box and the lanes switch (else they join the controls). */
  filters?: HTMLElement;
  list?: HTMLElement;
  /** The posture summary ("In place: …"). */
  posture?: HTMLElement;
}

export interface MountOptions {
  /** The events file, or why it cannot be read (a `?data=` the page refused). */
  source: { url: string } | { error: string };
  /** The URL geo/ (basemap and capitals) sits under. */
  base: string;
  /** Tells the reader something: an error (red), a warning (yellow) or a note. */
  notify(level: 'error' | 'warning' | 'info', lines: string[]): void;
  /** The time to open at, given the data's domain; the end of the data when absent. */
  initialTime?(domain: [number, number]): number | undefined;
  /**
   * The view to open with (a link's time, mode, window, categories, search), given the data's domain: the views are
   * built on it, so they have their final size before deck.gl starts (a row that grows later resizes both canvases).
   */
  initialState?(domain: [number, number]): Partial<AppState>;
  /** Installs the hook the browser tests read the map's state through (the page does; embedded components do not). */
  testHook?: boolean;
  /** What a mode adds to the views (the workbench's review mode), made once the store and the map exist. */
  extend?(store: Store, map: MapLibreMap | null): Promise<ViewExtension>;
}

/** Additions to the views: a section in the panel and the reader, a mark on each list item. */
export interface ViewExtension {
  panel?: PanelExtension;
  decorateListItem?(button: HTMLButtonElement, f: EventFeature): void;
}

export interface MountedApp {
  map: MapLibreMap | null;
  store: Store;
  /** The data the views show now (replaced by reload()). */
  dataset(): Dataset;
  documents(): ReadonlyMap<string, SourceDocument>;
  /** What the data is called: the corpus's title (corpus.json), else "N events from M documents". */
  heading(): CorpusHeading;
  /** The time domain; reload() updates it in place. */
  domain: [number, number];
  /** The time the app opens at without a time given: the data's last day (when its last event ends). */
  openingTime(): number;
  /** False when the events could not be loaded (the views are there, empty). */
  loaded: boolean;
  /** The markers and posture on the map, once deck.gl has loaded (null without a map or deck.gl). */
  eventsMap(): EventsMap | null;
  /** Resolves when the map is idle with the markers on it. */
  drawn: Promise<void>;
  /**
   * Reads the events again and builds the views anew on them, without a reload of the page (the workbench, when its
   * data changes): the time is kept (or moved to the new end when it was at the end), and the selection when it exists.
   */
  reload(): Promise<boolean>;
}

type DeckViews = typeof import('./deck-views.ts');

/** The data's last day (the end of its last event), where the app opens: not the padded end of the axis. */
function lastDay(dataset: Dataset, domain: [number, number]): number {
  const extent = dataExtent(dataset.table);
  return extent ? Math.min(domain[1], extent[1]) : domain[1];
}
type Loaded = { dataset: Dataset; documents: ReadonlyMap<string, SourceDocument>; corpus: CorpusInfo; ok: boolean };

export async function mountApp(els: AppElements, opts: MountOptions): Promise<MountedApp> {
  const load = async (): Promise<Loaded> => {
    const result = 'error' in opts.source ? { ok: false as const, errors: [opts.source.error] } : await loadEvents(opts.source.url);
    if (!result.ok) opts.notify('error', result.errors);
    else if (result.warnings.length) opts.notify('warning', result.warnings);
    return result.ok
      ? { dataset: result.dataset, documents: result.documents, corpus: result.corpus, ok: true }
      : { dataset: datasetOfFeatures([]), documents: new Map(), corpus: { title: null, subtitle: null }, ok: false };
  };
  // Started before the map, so the columnar worker fetches and decodes events.bin while MapLibre sets up.
  const loading = load();
  // Without WebGL there is no map, but the timeline, the list and the sources still work.
  let map: MapLibreMap | null = null;
  try {
    map = createMap(els.map, MAP_DEFAULTS, opts.base);
  } catch (e) {
    opts.notify('error', [`The map could not start (${(e as Error).message}); the timeline, list and sources still work.`]);
  }
  // Without a map there is nothing to draw markers on, so deck.gl is not loaded at all.
  const deckViews = map
    ? import('./deck-views.ts').catch((e: unknown) => {
        opts.notify('error', [`The map's markers could not load (${(e as Error).message}); the timeline, list and sources still work.`]);
        return null;
      })
    : null;
  // Contributors' capitals for the arcs, fetched while the data loads.
  const capitals = loadCapitals(opts.base);
  let data = await loading;

  const domain = timeDomain(dataExtent(data.dataset.table), dayOfDate(new Date()));
  const opening = opts.initialState?.(domain) ?? {};
  const t = opts.initialTime?.(domain) ?? opening.t;
  const store = createStore({
    ...opening,
    t: t === undefined ? lastDay(data.dataset, domain) : Math.min(domain[1], Math.max(domain[0], t)),
  });
  const extension = (await opts.extend?.(store, map)) ?? {};
  let views = mountViews(els, store, data, domain, map, opts, extension);
  if (map) refitOpening(map, placeExtent(data.dataset.table));
  // A selected event is the reader's focus (keep-in-view.ts moves the map for it): only an unselected map is refitted.
  map?.on('resize', () => {
    if (store.get().selectedId === null) keepOpeningView(map);
  });
  const deck = await deckViews;
  let layers = views.mountLayers(deck, capitals);
  const drawn =
    map && layers.eventsMap
      ? new Promise<void>((resolve) => {
          map.once('idle', () => resolve());
          // The map may have gone idle while deck.gl downloaded: one more frame, so 'idle' comes once the markers are added.
          map.triggerRepaint();
        })
      : Promise.resolve();
  // What the first picture does without comes once it is drawn, in idle time and in one task (one layout and one
  // repaint of the basemap): the host tints, and the labels with the markers' footprints that move them aside (placed
  // once, no label seen on a marker first).
  const opened = () => {
    whenIdle(AFTER_FIRST_PICTURE_WITHIN_MS)(() => {
      views.showTints();
      if (map) showLabels(map);
      layers.eventsMap?.opened();
    });
  };
  void drawn.then(opened);

  const reload = async (): Promise<boolean> => {
    const next = await load();
    if (!next.ok) return false;
    const nextDomain = timeDomain(dataExtent(next.dataset.table), dayOfDate(new Date()));
    const { t: before, selectedId } = store.get();
    const overlay = layers.eventsMap?.overlay;
    layers.dispose();
    views.dispose();
    els = views.elements;
    store.set({
      playing: false,
      selectedId: null,
      hoveredId: null,
      t: before >= lastDay(data.dataset, domain) ? lastDay(next.dataset, nextDomain) : Math.min(before, nextDomain[1]),
    });
    domain[0] = nextDomain[0];
    domain[1] = nextDomain[1];
    data = next;
    views = mountViews(els, store, data, domain, map, opts, extension);
    // A map nobody moved follows the data: the workbench's first documents in an empty corpus are framed when added.
    if (map) refitOpening(map, placeExtent(data.dataset.table));
    layers = views.mountLayers(deck, capitals, overlay);
    opened();
    if (selectedId && data.dataset.table.rowOf(selectedId) !== undefined) store.set({ selectedId });
    return true;
  };
  return {
    map,
    store,
    domain,
    openingTime: () => lastDay(data.dataset, domain),
    loaded: data.ok,
    drawn,
    reload,
    dataset: () => data.dataset,
    documents: () => data.documents,
    heading: () => corpusHeading(data.corpus, data.dataset.table.length, data.documents.size),
    eventsMap: () => layers.eventsMap,
  };
}

/**
 * The views of one dataset: the DOM views at once, the map's layers once deck.gl is there. Each returns a dispose()
 * that takes it all down again (the workbench builds them anew when its data changes; elsewhere they live for good).
 */
function mountViews(
  els: AppElements,
  baseStore: Store,
  data: Loaded,
  domain: [number, number],
  map: MapLibreMap | null,
  opts: MountOptions,
  extension: ViewExtension,
) {
  const scope = scopeStore(baseStore);
  const store = scope.store;
  const { dataset, documents } = data;
  const { table, posture } = dataset;
  const search = createSearch(store, table, dataset.texts);
  let noted = false;
  search.subscribe(() => {
    const note = search.note();
    if (note && !noted) opts.notify('warning', [note]);
    noted ||= note !== null;
  });
  createControls(els.controls, store, table, els.filters);
  createScrubber(els.scrubber, store, table, domain, undefined, search);
  startPlayer(store, domain, prefersReducedMotion, undefined, playPlan(eventDays(table.start), lastDay(dataset, domain)));
  if (els.list) {
    const emptyText = data.ok ? LIST_DEFAULTS.emptyText : 'No events: the data could not be loaded (see the note above).';
    createEventList(els.list, store, table, { ...LIST_DEFAULTS, emptyText }, search, extension.decorateListItem);
  }
  if (els.posture) {
    createSummaryView(els.posture, store, table, posture, (rows) => {
      if (map) frameEvents(map, table, rows, prefersReducedMotion());
    });
  }
  createPanel(els.panel, store, table, documents, dataset.details, extension.panel);
  createLegend(els.legend, table, posture, store);
  if (map) keepSelectedInView(map, store, table, () => [els.panel, els.legend], prefersReducedMotion);
  const states = map ? connectStates(map, store, table, posture, prefersReducedMotion) : null;
  return {
    elements: els,
    /** Adds the host tints (after the first picture); they ease from then on. */
    showTints: () => states?.start(),
    mountLayers(deck: DeckViews | null, capitals: ReturnType<typeof loadCapitals>, reuse?: MapboxOverlay) {
      const eventsMap = map && deck ? deck.connectEventsMap(map, store, dataset, search, capitals, els.mapWrap, undefined, reuse) : null;
      if (map && eventsMap && deck && opts.testHook) deck.installTestHook(map, eventsMap, store, dataset);
      return { eventsMap, dispose: () => eventsMap?.dispose() };
    },
    /** Ends every subscription and empties the containers (fresh copies take their places in the page). */
    dispose() {
      scope.dispose();
      states?.dispose();
      const fresh = (el: HTMLElement | undefined) => (el ? freshContainer(el) : undefined);
      els = {
        ...els,
        controls: fresh(els.controls)!,
        scrubber: fresh(els.scrubber)!,
        panel: fresh(els.panel)!,
        legend: fresh(els.legend)!,
        filters: fresh(els.filters),
        list: fresh(els.list),
        posture: fresh(els.posture),
      };
      this.elements = els;
    },
  };
}
