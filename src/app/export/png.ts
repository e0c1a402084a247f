// "Export PNG": the map as it is on screen, redrawn at print resolution, with the date, legend, timeline strip and
// credits drawn over it. The same function serves the button and the headless `npm run snapshot`.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import { isoOf } from '../../model/day.ts';
import { drawPrintFrame } from './overlay-draw.ts';
import { showLabels } from '../basemap-style.ts';
import type { LegendEntry } from '../legend-entries.ts';
import type { Credits } from '../embed/credits.ts';

export const EXPORT_DEFAULTS = {
  /** Device pixels per CSS pixel: 2 is sharp on paper at the size the map is printed. */
  scale: 2,
};

export interface ExportContext {
  map: MapLibreMap;
  overlay: MapboxOverlay;
  store: Store;
  table: EventsTable;
  domain: [number, number];
  credits: Credits;
  /** The posture layers the map draws, for the printed legend (legend-entries.ts). */
  postureLegend?: readonly LegendEntry[];
  /** What the data is called, printed above the date. */
  title?: string;
}

export interface ExportSize {
  scale?: number;
  /** CSS pixels; when given, the map is laid out at this size for the export instead of its size on screen. */
  width?: number;
  height?: number;
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

export async function renderMapImage(ctx: ExportContext, size: ExportSize = {}): Promise<HTMLCanvasElement> {
  const scale = size.scale ?? EXPORT_DEFAULTS.scale;
  const { map, overlay } = ctx;
  const container = map.getContainer();
  // cssText, not the style attribute: the page's CSP allows style changes only through the CSSOM.
  const savedStyle = container.style.cssText;
  const savedRatio = map.getPixelRatio();
  if (size.width && size.height) {
    Object.assign(container.style, { position: 'fixed', left: '0', top: '0', width: `${size.width}px`,
      height: `${size.height}px`, zIndex: '100' });
  }
  try {
    // An export made as the app opens (the snapshot CLI) has the labels too: they are shown after the first picture.
    showLabels(map);
    map.resize();
    map.setPixelRatio(scale);
    overlay.setProps({ useDevicePixels: scale });
    await new Promise<void>((resolve) => { map.once('idle', () => resolve()); map.triggerRepaint(); });
    await frame();
    await frame();
    const width = size.width ?? container.clientWidth;
    const height = size.height ?? container.clientHeight;
    const out = document.createElement('canvas');
    out.width = Math.round(width * scale);
    out.height = Math.round(height * scale);
    const g = out.getContext('2d')!;
    // WebGL canvases keep their pixels only until the frame is shown: redraw each, then copy in the same task.
    map.redraw();
    g.drawImage(map.getCanvas(), 0, 0, out.width, out.height);
    (overlay as unknown as { _deck?: { redraw(reason: string): void } })._deck?.redraw('export');
    const deckCanvas = overlay.getCanvas();
    if (deckCanvas) g.drawImage(deckCanvas, 0, 0, out.width, out.height);
    g.scale(scale, scale);
    drawPrintFrame(g, { width, height, t: ctx.store.get().t, domain: ctx.domain, table: ctx.table, credits: ctx.credits,
      postureLegend: ctx.postureLegend, title: ctx.title });
    return out;
  } finally {
    container.style.cssText = savedStyle;
    map.setPixelRatio(savedRatio);
    overlay.setProps({ useDevicePixels: true });
    map.resize();
  }
}

export async function exportPngDataUrl(ctx: ExportContext, size: ExportSize = {}): Promise<string> {
  return (await renderMapImage(ctx, size)).toDataURL('image/png');
}

/** Saves the PNG through a download link, named after the date shown. */
export async function downloadPng(ctx: ExportContext): Promise<void> {
  const canvas = await renderMapImage(ctx);
  const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the image');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `flankline-${isoOf(ctx.store.get().t)}.png`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
