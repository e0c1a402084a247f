// <flankline-map src="events.geojson" time="2025-09-15">: the app as a custom element (an entry of app.ts, as main.ts is),
// for pages that prefer a script tag to an iframe. It draws what the page draws but the list and the posture row.
// Attributes mirror the URL options (docs/embedding.md); it announces changes as DOM
// events ('flankline-ready', 'flankline-timechange', 'flankline-select'). Everything lives in a shadow root.
import type { Map as MapLibreMap } from 'maplibre-gl';
import appCss from '../styles.css?inline';
import mapCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import componentCss from './flankline-map.css?inline';
import type { EventsTable } from '../state/events-table.ts';
import type { Store } from '../state/store.ts';
import { createCredits } from '../embed/credits.ts';
import { applyCamera } from '../embed/url-sync.ts';
import { readView, day } from '../state/url.ts';
import { isoOf } from '../../model/day.ts';
import { mountApp } from '../app.ts';
import { showCorpusHeading } from '../corpus-header.ts';

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
  static observedAttributes = ['src', 'time', 'event', 'scrubber', 'lock', 'autoplay', 'map', 'bbox', 'basemap', 'heading'];

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
    } else if (name === 'heading') {
      this.shadowRoot?.querySelector('.fm')?.classList.toggle('fm-no-heading', value !== null && !on(value));
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
    frame.classList.toggle('fm-no-heading', this.getAttribute('heading') !== null && !on(this.getAttribute('heading')));
    const heading = el('div', 'corpus-heading fm-heading');
    heading.append(el('p', 'corpus-title'), el('p', 'corpus-subtitle'));
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
    frame.append(heading, wrap, timeline);
    root.replaceChildren(sheet, frame);

    this.ready = this.#load(generation, { frame, wrap, mapBox, legend, panel, timeline, controls, scrubber });
  }

  async #load(generation: number, parts: Record<string, HTMLElement>): Promise<void> {
    const src = this.getAttribute('src') ?? 'data/events.geojson';
    const base = new URL(this.getAttribute('basemap') ?? COMPONENT_DEFAULTS.basemapBase, document.baseURI).href;
    let failed = false;
    const app = await mountApp(
      { map: parts.mapBox, mapWrap: parts.wrap, legend: parts.legend, panel: parts.panel, controls: parts.controls, scrubber: parts.scrubber },
      {
        source: { url: new URL(src, document.baseURI).href },
        base,
        // Errors are the component's alert and its flankline-error event; notes stay quiet inside a host's page.
        notify: (level, lines) => {
          if (level !== 'error' || generation !== this.#generation) return;
          failed = true;
          this.#fail(lines.join(' '));
        },
        initialTime: () => day.read(this.getAttribute('time') ?? ''),
      },
    );
    if (generation !== this.#generation) {
      app.map?.remove();
      return;
    }
    const { map, store, domain } = app;
    const table = app.dataset().table;
    this.#map = map;
    this.#store = store;
    this.#table = table;
    this.#domain = domain;
    showCorpusHeading(app.heading(), this.shadowRoot!);
    if (failed || !map) return;
    createCredits(parts.timeline, app.documents().values());
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
    await app.drawn;
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
