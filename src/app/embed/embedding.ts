// Everything that lets the map leave the app: the view in the URL, embed mode and its options, the host page's
// postMessage API, the Share / Embed dialog and Export PNG. main.ts calls startEmbedding once the views exist.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import './embed.css';
import type { AppState, Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import type { SourceDocument } from '../../model/index.ts';
import { readView, type View } from '../state/url.ts';
import { inlinedBundle } from '../export/inlined.ts';
import type { ExportContext, ExportSize } from '../export/png.ts';
import { readEmbedOptions, type EmbedOptions } from './options.ts';
import { applyCamera, cameraOf, syncUrl } from './url-sync.ts';
import { connectHost } from './host-api.ts';
import { createCredits, creditsParts } from './credits.ts';
import type { LegendEntry } from '../legend-entries.ts';
import type { CorpusHeading } from '../format/corpus-title.ts';

/** The view the page opens on: its fragment, else the one a single-file export was made with. */
export function initialView(domain: [number, number]): View {
  const view = readView(location.hash || inlinedBundle()?.view || '');
  if (view.state.t !== undefined) view.state.t = Math.min(domain[1], Math.max(domain[0], view.state.t));
  return view;
}

/**
 * The linked view's state the views open with (mountApp's initialState): all of it but the selection, whose absence
 * startEmbedding explains, and play, which starts once the map is there.
 */
export function openingState(domain: [number, number]): Partial<AppState> {
  const { selectedId: _selected, playing: _playing, ...linked } = initialView(domain).state;
  return linked;
}

/** The page's layout for embed mode and its options: set before the map is made, so it opens at the size it keeps. */
export function embedLayout(): EmbedOptions {
  const options = readEmbedOptions(location.href);
  const body = document.body.classList;
  body.toggle('embed', options.embed);
  body.toggle('no-scrubber', !options.scrubber);
  body.toggle('view-locked', options.lock);
  return options;
}

export interface EmbeddingContext {
  map: MapLibreMap | null;
  overlay: MapboxOverlay | null;
  store: Store;
  table: EventsTable;
  /** The posture layers the map draws (legend-entries.ts), for the PNG export's legend. */
  postureLegend?: readonly LegendEntry[];
  documents: ReadonlyMap<string, SourceDocument>;
  /** What the data is called: the PNG prints it above the date. */
  heading?: CorpusHeading;
  domain: [number, number];
  view: View;
  /** The state a URL without parameters means (the defaults with t at the end of the data). */
  defaults: AppState;
  /** Shows a polite note (the app's warning banner). */
  note(text: string): void;
}

/** For the browser tests and the snapshot CLI. */
export interface EmbedHook {
  options: EmbedOptions;
  state(): AppState;
  camera(): { center: [number, number]; zoom: number } | null;
  exportPng(size?: ExportSize): Promise<string>;
}

export function startEmbedding(ctx: EmbeddingContext): void {
  const options = embedLayout();

  const { selectedId: selected, ...linked } = ctx.view.state;
  ctx.store.set(linked);
  if (selected && ctx.table.rowOf(selected) === undefined) {
    ctx.note(`The linked event "${selected}" is not in this version of the data; it may have been merged or `
      + 'withdrawn when the data was regenerated. The rest of the view is as linked.');
  } else if (selected) {
    ctx.store.set({ selectedId: selected });
  }
  // After the selection, so the camera in the link wins over easing to the selected event.
  if (ctx.map) applyCamera(ctx.map, ctx.view.camera);
  if (ctx.map && options.lock) lockView(ctx.map);

  syncUrl(ctx.store, ctx.map, ctx.defaults);
  connectHost({ store: ctx.store, map: ctx.map, table: ctx.table, domain: ctx.domain, origins: options.origins });

  const credits = creditsParts(ctx.documents.values());
  createCredits(document.querySelector('footer.timeline') ?? document.body, ctx.documents.values());
  const exportCtx: ExportContext | null = ctx.map && ctx.overlay
    ? { map: ctx.map, overlay: ctx.overlay, store: ctx.store, table: ctx.table, domain: ctx.domain, credits,
      postureLegend: ctx.postureLegend ?? [], title: ctx.heading?.title }
    : null;
  addToolbar(exportCtx);
  if (options.autoplay) ctx.store.set({ playing: true });

  const hook: EmbedHook = {
    options,
    state: () => ctx.store.get(),
    camera: () => (ctx.map ? (cameraOf(ctx.map) as { center: [number, number]; zoom: number }) : null),
    exportPng: (size) => {
      if (!exportCtx) return Promise.reject(new Error('there is no map to export'));
      return import('../export/png.ts').then((png) => png.exportPngDataUrl(exportCtx, size));
    },
  };
  (window as unknown as { __flanklineEmbed: EmbedHook }).__flanklineEmbed = hook;
}

function lockView(map: MapLibreMap): void {
  for (const handler of [map.dragPan, map.scrollZoom, map.boxZoom, map.keyboard, map.doubleClickZoom, map.touchZoomRotate]) {
    handler.disable();
  }
}

function addToolbar(exportCtx: ExportContext | null): void {
  const bar = document.createElement('div');
  bar.className = 'share-tools';
  const share = document.createElement('button');
  share.type = 'button';
  share.className = 'share-open';
  share.textContent = 'Share / Embed';
  // The dialog and Export PNG load on first use: a page that is only read never downloads them.
  let dialog: HTMLDialogElement | null = null;
  share.addEventListener('click', () => {
    void import('./share-dialog.ts').then((m) => {
      dialog ??= m.createShareDialog();
      m.openShareDialog(dialog);
    });
  });
  bar.append(share);
  if (exportCtx) {
    const png = document.createElement('button');
    png.type = 'button';
    png.className = 'export-png';
    png.textContent = 'Export PNG';
    png.addEventListener('click', () => {
      png.disabled = true;
      import('../export/png.ts').then((m) => m.downloadPng(exportCtx)).finally(() => { png.disabled = false; });
    });
    bar.append(png);
  }
  const top = document.querySelector('header.top');
  if (top) top.insertBefore(bar, top.querySelector('.list-toggle'));
  else document.body.append(bar);
}
