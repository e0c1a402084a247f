// The side panel (a bottom sheet on phones): the selected event and every source behind it.
import type { EventFeature, Source, SourceDocument } from '../../model/index.ts';
import type { Store } from '../state/store.ts';
import { isLightFeature, type EventsTable } from '../state/events-table.ts';
import type { DetailsSource } from '../data/bin.ts';
import { CATEGORY_LABELS, cssColor } from '../categories.ts';
import { formatDay, formatPublished } from '../format/date.ts';
import { confidenceInWords, formatWhen, isUncertainDate } from '../format/certainty.ts';
import { countryName, formatPlaceName, formatPlacePoint, formatCountries, formatGazetteer } from '../format/place.ts';
import { bestSourcesFirst } from './best-source.ts';
import { renderExcerpt } from './excerpt.ts';
import { renderReader } from './reader.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function whenText(f: EventFeature): string {
  const p = f.properties;
  // A state in place is ongoing by its nature: "still in place" says it once.
  const when = formatWhen(p.persists && p.status === 'ongoing' ? { ...p, status: undefined } : p);
  if (!p.persists) return when;
  return p.until === null ? `${when}, still in place` : `${when}, in place until ${formatDay(p.until)}`;
}

/**
 * The pipeline dated the event by when its report was published: its `dateSource` says so, or (in files written
 * before that field) no source quotes a date.
 */
export function isDatedByPublication(f: EventFeature): boolean {
  if (f.properties.dateSource !== undefined) return f.properties.dateSource === 'published';
  return f.properties.sources.every((s) => !s.highlights.some((h) => h.kind === 'date'));
}

function placeList(f: EventFeature): HTMLElement {
  const { place } = f.properties;
  const [lon, lat] = f.geometry.coordinates;
  const dl = el('dl', 'panel-place');
  // A light feature (before its full one arrives) knows only the place's name, whether it is a whole country or region,
  // and its position.
  const rows: [string, string][] = isLightFeature(f) ? [['Place', place.name], ['Coordinates', formatPlacePoint(place, lon, lat)]] : [
    ['Place', formatPlaceName(place)],
    [place.countries?.length ? 'Countries' : 'Country', formatCountries(place)],
    ['Coordinates', formatPlacePoint(place, lon, lat)],
    ['Placed by', formatGazetteer(place)],
    ['Confidence', confidenceInWords(f.properties.confidence, f.properties.reason)],
  ];
  // A meeting's actors attend it (no arc is drawn for them): they are listed here by name.
  const actors = f.properties.actors.map(countryName).join(', ');
  if (actors) rows.push([f.properties.category === 'meeting' ? 'Taking part' : 'Actors', actors]);
  for (const [term, value] of rows) dl.append(el('dt', '', term), el('dd', '', value));
  return dl;
}

export interface Panel { close(): void }

export const PANEL_TEXT = { loading: 'Loading sources…' };

/** What review mode adds to the panel (src/app/review/): a section under an event, and the reader's document. */
export interface PanelExtension {
  eventShown(f: EventFeature, body: HTMLElement): void;
  readerShown(doc: SourceDocument, source: Source, reader: HTMLElement): void;
}

/**
 * The table's features are light (columns only); `details` gives the full one. When it is at hand (in memory, or its
 * part already fetched) the panel shows it at once, else the light one with "Loading sources…" until it arrives.
 */
export function createPanel(root: HTMLElement, store: Store, table: EventsTable,
  documents: ReadonlyMap<string, SourceDocument>, details: DetailsSource, extension?: PanelExtension): Panel {
  root.classList.add('panel');
  root.setAttribute('aria-labelledby', 'panel-title');
  const close = el('button', 'panel-close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close the event panel');
  const body = el('div', 'panel-body');
  const reader = el('section', 'panel-reader');
  reader.hidden = true;
  root.append(close, body, reader);
  let returnFocus: HTMLElement | null = null;

  close.addEventListener('click', () => store.set({ selectedId: null }));
  root.addEventListener('keydown', (e) => { if (e.key === 'Escape') store.set({ selectedId: null }); });

  function showEvent(f: EventFeature): void {
    reader.hidden = true;
    body.hidden = false;
    body.replaceChildren();
    const cat = el('p', 'panel-category');
    const swatch = el('span', 'swatch');
    swatch.style.background = cssColor(f.properties.category);
    cat.append(swatch, document.createTextNode(CATEGORY_LABELS[f.properties.category]));
    const title = el('h2', 'panel-title', f.properties.title);
    title.id = 'panel-title';
    title.tabIndex = -1;
    const date = el('p', 'panel-date', whenText(f));
    date.classList.toggle('uncertain', isUncertainDate(f.properties));
    body.append(cat, title, date);
    if (isLightFeature(f)) {
      body.append(placeList(f), el('h3', 'panel-sources-heading', 'Sources'), el('p', 'note panel-loading', PANEL_TEXT.loading));
      return;
    }
    if (isDatedByPublication(f)) {
      body.append(el('p', 'note panel-date-note', 'The text gives no date for this: it is placed at the date its report was published.'));
    }
    // The evidence first (on a phone's sheet it is what shows above the fold): the best supporting sentence leads.
    const sources = bestSourcesFirst(f.properties.sources);
    body.append(el('h3', 'panel-sources-heading', sources.length === 1 ? 'Source' : `Sources (${sources.length})`));
    const list = el('ol', 'sources');
    for (const source of sources) list.append(sourceItem(f, source));
    body.append(list, el('h3', 'panel-sources-heading', 'Where and how sure'), placeList(f));
    extension?.eventShown(f, body);
  }

  function sourceItem(f: EventFeature, source: Source): HTMLElement {
    const li = el('li', 'source');
    const doc = documents.get(source.doc);
    li.append(el('p', 'source-title', source.title || doc?.title || source.doc));
    li.append(el('p', 'source-meta', [doc?.credit, formatPublished(source.published), source.doc].filter(Boolean).join(' · ')));
    li.append(renderExcerpt(source));
    if (doc) {
      const read = el('button', 'read', 'Read the document');
      read.type = 'button';
      read.addEventListener('click', () => {
        body.hidden = true;
        reader.hidden = false;
        renderReader(reader, doc, source, () => { showEvent(f); (root.querySelector('.panel-title') as HTMLElement)?.focus(); });
        extension?.readerShown(doc, source, reader);
      });
      li.append(read);
    } else {
      li.append(el('p', 'note', `The document ${source.doc} is not in this dataset, so only the excerpt can be shown.`));
    }
    return li;
  }

  store.subscribe((state, previous) => {
    if (state.selectedId === previous.selectedId) return;
    const i = state.selectedId === null ? undefined : table.rowOf(state.selectedId);
    if (i === undefined) {
      root.hidden = true;
      document.body.classList.remove('panel-open');
      returnFocus?.focus();
      returnFocus = null;
      return;
    }
    if (root.hidden) returnFocus = document.activeElement as HTMLElement | null;
    const full = details.peek(i);
    const f = full ?? table.feature(i);
    showEvent(f);
    if (!full) loadFull(f.id, i);
    root.hidden = false;
    document.body.classList.add('panel-open');
    root.scrollTop = 0;
    (root.querySelector('.panel-title') as HTMLElement).focus();
  });
  /** Replaces the light feature by the full one when it arrives, if the reader has not moved on meanwhile. */
  function loadFull(id: string, row: number): void {
    details.feature(row).then((full) => {
      if (store.get().selectedId !== id || !reader.hidden) return;
      const hadFocus = root.contains(document.activeElement);
      showEvent(full);
      if (hadFocus) (root.querySelector('.panel-title') as HTMLElement).focus();
    }, (error: unknown) => {
      if (store.get().selectedId !== id) return;
      const loading = body.querySelector('.panel-loading');
      if (loading) {
        loading.textContent = `The sources could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
        loading.classList.add('panel-error');
      }
    });
  }

  root.hidden = true;
  return { close: () => store.set({ selectedId: null }) };
}
