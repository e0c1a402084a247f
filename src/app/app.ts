// The app, mounted into the elements a page gives it: the page (main.ts, index.html) and the web component
// (component/flankline-map.ts) are two entries of this one wiring. Map first (so a data problem never leaves a blank
// page), then the data, the store and the views. The deck.gl half (deck-views.ts) is a separate chunk whose download
// starts with the map, so the basemap, timeline, list and legend paint while it loads.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { SourceDocument } from '../model/index.ts';
import { dayOfDate } from '../model/day.ts';
import { createMap, MAP_DEFAULTS } from './map.ts';
import { loadEvents } from './data/load-events.ts';
import type { Dataset } from './data/dataset.ts';
import { datasetOfFeatures } from './data/features-dataset.ts';
import { dataExtent } from './state/events-table.ts';
import { createStore, type Store } from './state/store.ts';
import { createSearch } from './state/search.ts';
import { timeDomain } from './timeline/scale.ts';
import { createScrubber } from './timeline/scrubber.ts';
import { createControls } from './timeline/controls.ts';
import { startPlayer } from './timeline/player.ts';
import { createPanel } from './panel/panel.ts';
import { createEventList, LIST_DEFAULTS } from './list/event-list.ts';
import { createLegend } from './legend.ts';
import { loadCapitals } from './posture/capitals.ts';
import { connectStates } from './posture/states-map.ts';
import { prefersReducedMotion } from './posture/motion.ts';
import { createSummaryView } from './posture/summary-view.ts';
import { frameEvents } from './posture/frame.ts';
import type { EventsMap } from './events-map.ts';

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
}

export interface MountedApp {
  map: MapLibreMap | null;
  store: Store;
  dataset: Dataset;
  documents: ReadonlyMap<string, SourceDocument>;
  domain: [number, number];
  /** False when the events could not be loaded (the views are there, empty). */
  loaded: boolean;
  /** The markers and posture on the map, once deck.gl has loaded (null without a map or deck.gl). */
  eventsMap: EventsMap | null;
  /** Resolves when the map is idle with the markers on it. */
  drawn: Promise<void>;
}

export async function mountApp(els: AppElements, opts: MountOptions): Promise<MountedApp> {
  // Started before the map, so the columnar worker fetches and decodes events.bin while MapLibre sets up.
  const loading =
    'error' in opts.source ? Promise.resolve({ ok: false as const, errors: [opts.source.error] }) : loadEvents(opts.source.url);
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
  const result = await loading;
  if (!result.ok) opts.notify('error', result.errors);
  else if (result.warnings.length) opts.notify('warning', result.warnings);
  const dataset = result.ok ? result.dataset : datasetOfFeatures([]);
  const documents = result.ok ? result.documents : new Map<string, SourceDocument>();
  const { table, posture } = dataset;

  const domain = timeDomain(dataExtent(table), dayOfDate(new Date()));
  const t = opts.initialTime?.(domain);
  const store = createStore({ t: t === undefined ? domain[1] : Math.min(domain[1], Math.max(domain[0], t)) });
  const search = createSearch(store, table, dataset.texts);
  let noted = false;
  search.subscribe(() => {
    const note = search.note();
    if (note && !noted) opts.notify('warning', [note]);
    noted ||= note !== null;
  });
  createControls(els.controls, store, table, els.filters);
  createScrubber(els.scrubber, store, table, domain, undefined, search);
  startPlayer(store, domain, prefersReducedMotion);
  if (els.list) {
    createEventList(
      els.list,
      store,
      table,
      {
        ...LIST_DEFAULTS,
        emptyText: result.ok ? LIST_DEFAULTS.emptyText : 'No events: the data could not be loaded (see the note above).',
      },
      search,
    );
  }
  if (els.posture) {
    createSummaryView(els.posture, store, table, posture, (rows) => {
      if (map) frameEvents(map, table, rows, prefersReducedMotion());
    });
  }
  createPanel(els.panel, store, table, documents, dataset.details);
  createLegend(els.legend, table, posture, store);
  const states = map ? connectStates(map, store, table, posture, prefersReducedMotion) : null;

  const deck = await deckViews;
  const eventsMap = map && deck ? deck.connectEventsMap(map, store, dataset, search, capitals, els.mapWrap) : null;
  const drawn =
    map && eventsMap
      ? new Promise<void>((resolve) => {
          map.once('idle', () => resolve());
          // The map may have gone idle while deck.gl downloaded: one more frame, so 'idle' comes once the markers are added.
          map.triggerRepaint();
        })
      : Promise.resolve();
  void drawn.then(() => states?.startEasing());
  return { map, store, dataset, documents, domain, loaded: result.ok, eventsMap, drawn };
}
