// <flankline-map src="events.geojson" time="2025-09-15">: the embed as a custom element, for pages that prefer a
// script tag to an iframe. Attributes mirror the URL options (docs/embedding.md); it announces changes as DOM
// events ('flankline-ready', 'flankline-timechange', 'flankline-select'). Everything lives in a shadow root.
import type { Map as MapLibreMap } from 'maplibre-gl';
import appCss from '../app/styles.css?inline';
import mapCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import componentCss from './flankline-map.css?inline';
import { createMap, MAP_DEFAULTS } from '../app/map.ts';
import { loadDataset } from '../app/data/load.ts';
import { buildEventsTable, dataExtent, type EventsTable } from '../app/state/events-table.ts';
import { createStore, type Store } from '../app/state/store.ts';
import { connectEvents } from '../app/map-events.ts';
import { timeDomain } from '../app/timeline/scale.ts';
import { createScrubber } from '../app/timeline/scrubber.ts';
import { createControls } from '../app/timeline/controls.ts';
import { startPlayer } from '../app/timeline/player.ts';
import { createPanel } from '../app/panel/panel.ts';
import { createLegend } from '../app/legend.ts';
import { createCredits } from '../app/embed/credits.ts';
import { applyCamera } from '../app/embed/url-sync.ts';
import { readView, day } from '../app/state/url.ts';
import { dayOfDate, isoOf } from '../app/time/day.ts';

export const COMPONENT_DEFAULTS = {
  /** Where geo/ (the basemap) sits when no `basemap` attribute says: beside this script. */
  basemapBase: new URL(/* @vite-ignore */ './', import.meta.url).href,
};

const on = (v: string | null) => v !== null && v !== '0' && v !== 'false';

function el(tag: string, className: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

export class FlanklineMapElement extends HTMLElement {
  static observedAttributes = ['src', 'time', 'event', 'scrubber', 'lock', 'autoplay', 'map', 'bbox', 'basemap'];

  #map: MapLibreMap | null = null;
  #store: Store | null = null;
  #table: EventsTable | null = null;
  #domain: [number, number] = [0, 0];
  #generation = 0;
  /** Resolves when the map has drawn its first frame with the data. */
  ready: Promise<void> = Promise.resolve();

  get map(): MapLibreMap | null { return this.#map; }
  /** The date shown, as YYYY-MM-DD (null until loaded). */
  get time(): string | null { return this.#store ? isoOf(this.#store.get().t) : null; }
  get selected(): string | null { return this.#store?.get().selectedId ?? null; }

  connectedCallback(): void {
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
    if (!this.#map) this.#start();
  }

  disconnectedCallback(): void {
    this.#generation++;
    this.#map?.remove();
    this.#map = null;
    this.#store = null;
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value || !this.#store || !this.isConnected) return;
    const store = this.#store;
    if (name === 'time') {
      const t = value === null ? undefined : day.read(value);
      if (t !== undefined) store.set({ t: Math.min(this.#domain[1], Math.max(this.#domain[0], t)), playing: false });
    } else if (name === 'event') {
      store.set({ selectedId: value && this.#table?.rowOf(value) !== undefined ? value : null });
    } else if (name === 'map' || name === 'bbox') {
      if (this.#map) applyCamera(this.#map, this.#camera());
    } else {
      // src, basemap and the layout options rebuild the map.
      this.disconnectedCallback();
      this.connectedCallback();
    }
  }

  #camera() {
    const q = new URLSearchParams();
    for (const name of ['map', 'bbox']) { const v = this.getAttribute(name); if (v) q.set(name, v); }
    return readView(q.toString()).camera;
  }

  #start(): void {
    const generation = ++this.#generation;
    const root = this.shadowRoot!;
    const sheet = document.createElement('style');
    sheet.textContent = `${mapCss}\n${appCss}\n${componentCss}`;
    const frame = el('div', 'fm');
    frame.classList.toggle('fm-no-scrubber', this.getAttribute('scrubber') !== null && !on(this.getAttribute('scrubber')));
    frame.classList.toggle('fm-locked', on(this.getAttribute('lock')));
    const wrap = el('div', 'fm-map-wrap');
    const mapBox = el('div', 'fm-map');
    const legend = el('section', 'fm-legend');
    const panel = el('aside', 'fm-panel');
    panel.hidden = true;
    const timeline = el('div', 'fm-timeline');
    const controls = el('div', 'fm-controls');
    const scrubber = el('div', 'fm-scrubber');
    wrap.append(mapBox, legend, panel);
    timeline.append(controls, scrubber);
    frame.append(wrap, timeline);
    root.replaceChildren(sheet, frame);

    const base = this.getAttribute('basemap') ?? COMPONENT_DEFAULTS.basemapBase;
    let map: MapLibreMap;
    try {
      map = createMap(mapBox, MAP_DEFAULTS, new URL(base, document.baseURI).href);
    } catch (e) {
      this.#fail(`The map could not start: ${(e as Error).message}`);
      return;
    }
    this.#map = map;
    this.ready = this.#load(map, generation, { frame, wrap, legend, panel, timeline, controls, scrubber });
  }

  async #load(map: MapLibreMap, generation: number, parts: Record<string, HTMLElement>): Promise<void> {
    const src = this.getAttribute('src') ?? 'data/events.geojson';
    const result = await loadDataset(new URL(src, document.baseURI).href);
    if (generation !== this.#generation) return;
    if (!result.ok) {
      this.#fail(result.errors.join(' '));
      return;
    }
    const table = buildEventsTable(result.dataset.events.features);
    const domain = timeDomain(dataExtent(table), dayOfDate(new Date()));
    const t = day.read(this.getAttribute('time') ?? '');
    const store = createStore({ t: t === undefined ? domain[1] : Math.min(domain[1], Math.max(domain[0], t)) });
    this.#store = store;
    this.#table = table;
    this.#domain = domain;
    createControls(parts.controls, store, table);
    createScrubber(parts.scrubber, store, table, domain);
    startPlayer(store, domain);
    createPanel(parts.panel, store, table, result.dataset.documents);
    createLegend(parts.legend, table, store);
    createCredits(parts.timeline, result.dataset.documents.values());
    connectEvents(map, store, table, parts.wrap);
    applyCamera(map, this.#camera());
    if (on(this.getAttribute('lock'))) {
      for (const h of [map.dragPan, map.scrollZoom, map.boxZoom, map.keyboard, map.doubleClickZoom, map.touchZoomRotate]) h.disable();
    }
    const linked = this.getAttribute('event');
    if (linked && table.rowOf(linked) !== undefined) store.set({ selectedId: linked });

    const emit = (type: string, detail: object) =>
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    store.subscribe((s, p) => {
      if (s.t !== p.t || s.playing !== p.playing) emit('flankline-timechange', { time: isoOf(s.t), playing: s.playing });
      if (s.selectedId !== p.selectedId) {
        const i = s.selectedId === null ? undefined : table.rowOf(s.selectedId);
        emit('flankline-select', { id: s.selectedId, title: i === undefined ? null : table.feature(i).properties.title });
      }
    });
    if (on(this.getAttribute('autoplay'))) store.set({ playing: true });
    await new Promise<void>((resolve) => map.once('idle', () => resolve()));
    if (generation !== this.#generation) return;
    this.dataset.ready = 'true';
    emit('flankline-ready', { time: isoOf(store.get().t), events: table.length });
  }

  #fail(message: string): void {
    const p = el('p', 'fm-error');
    p.setAttribute('role', 'alert');
    p.textContent = message;
    this.shadowRoot?.prepend(p);
    this.dispatchEvent(new CustomEvent('flankline-error', { detail: { message }, bubbles: true, composed: true }));
  }

  /** Starts or stops playback. */
  play(): void { this.#store?.set({ playing: true }); }
  pause(): void { this.#store?.set({ playing: false }); }
}

if (!customElements.get('flankline-map')) customElements.define('flankline-map', FlanklineMapElement);
