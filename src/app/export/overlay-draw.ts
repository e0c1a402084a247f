// Draws the print furniture over an exported map: the title, the date, the legend, a timeline strip and the credits. All in
// CSS pixels on a context already scaled to the export's resolution.
import { CATEGORIES, type Category } from '../../model/index.ts';
import { CATEGORY_COLORS, CATEGORY_LABELS } from '../categories.ts';
import { categoryCounts, type EventsTable } from '../state/events-table.ts';
import { countStartedBy } from '../state/visible.ts';
import { binByDay } from '../timeline/day-bins.ts';
import { formatDay } from '../format/date.ts';
import { isoOf } from '../../model/day.ts';
import { truncate } from '../../util/text.ts';
import type { Credits } from '../embed/credits.ts';
import type { LegendEntry } from '../legend-entries.ts';

export const PRINT_DEFAULTS = {
  font: "'DejaVu Sans', system-ui, sans-serif",
  ink: '#1f2430',
  muted: '#5d6472',
  paper: 'rgba(255,255,255,0.92)',
  stripHeightPx: 34,
  creditsHeightPx: 18,
  /** Credits are never drawn smaller than this; lines that do not fit wrap instead of being squeezed. */
  creditsFontPx: 10,
  creditsLineHeightPx: 13,
  marginPx: 10,
  /** The share of the print the furniture may cover before it is cut down (FURNITURE): the map is the picture. */
  maxCoverShare: 0.4,
};

/** A posture entry's swatch, centred on (x, y), the way the map draws it. */
function drawSwatch(ctx: CanvasRenderingContext2D, e: LegendEntry, x: number, y: number): void {
  ctx.save();
  ctx.strokeStyle = e.color;
  ctx.fillStyle = e.color;
  ctx.lineWidth = 2;
  if (e.kind === 'fill') {
    ctx.fillRect(x - 5, y - 5, 10, 10);
    ctx.strokeStyle = '#9aa3ad';
    ctx.lineWidth = 1;
    ctx.strokeRect(x - 5, y - 5, 10, 10);
  } else if (e.kind === 'outline') {
    ctx.setLineDash([3, 2]);
    ctx.strokeRect(x - 5, y - 5, 10, 10);
  } else if (e.kind === 'square') {
    ctx.lineWidth = 2.5;
    ctx.strokeRect(x - 5, y - 5, 10, 10);
  } else if (e.kind === 'uncertain' || e.kind === 'area') {
    // As the map draws them: a ring (dashed for a country or region) around a pale inside.
    ctx.globalAlpha = e.kind === 'area' ? 0.3 : 0.22;
    ctx.beginPath();
    ctx.arc(x, y, 5, 0, Math.PI * 2);
    ctx.fill();
    ctx.globalAlpha = 1;
    if (e.kind === 'area') ctx.setLineDash([2.5, 1.5]);
    ctx.stroke();
  } else if (e.kind === 'arc') {
    ctx.beginPath();
    ctx.moveTo(x - 7, y + 3);
    ctx.quadraticCurveTo(x, y - 6, x + 7, y + 3);
    ctx.stroke();
  } else {
    ctx.beginPath();
    ctx.arc(x, y, 5, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.restore();
}

export interface PrintFrame {
  width: number;
  height: number;
  t: number;
  domain: [number, number];
  table: EventsTable;
  credits: Credits;
  /** The posture layers the map draws (legend-entries.ts), listed under the categories. */
  postureLegend?: readonly LegendEntry[];
  /** What the data is called (format/corpus-title.ts), above the date: a printed map must say what it shows. */
  title?: string;
}

/** `text` cut with "…" to fit `width` as measured. */
function fitted(text: string, width: number, measure: (s: string) => number): string {
  if (measure(text) <= width) return text;
  let n = text.length;
  while (n > 1 && measure(`${text.slice(0, n)}…`) > width) n = Math.floor(n * 0.9);
  return truncate(text, n);
}

/**
 * The credits as lines that each fit `width` at full size: the licences (CC BY asks for legible attribution) are
 * kept whole, on a line of their own when the sources leave them no room; the sources are cut with "…" to fit.
 */
export function creditLines(credits: Credits, width: number, measure: (text: string) => number): string[] {
  const sep = ' · ';
  const oneLine = `${credits.sources}${sep}${credits.licences}`;
  if (measure(oneLine) <= width) return [oneLine];
  const cut = (text: string, room: number): string => {
    if (measure(text) <= room) return text;
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (measure(truncate(text, mid)) <= room) lo = mid;
      else hi = mid - 1;
    }
    return truncate(text, Math.max(1, lo));
  };
  const room = width - measure(`${sep}${credits.licences}`);
  if (room >= measure('Sources: …')) return [`${cut(credits.sources, room)}${sep}${credits.licences}`];
  // Too narrow for both on one line: the sources, then the licences wrapped at words.
  const lines = [cut(credits.sources, width)];
  let line = '';
  for (const word of credits.licences.split(' ')) {
    const longer = line ? `${line} ${word}` : word;
    if (line && measure(longer) > width) {
      lines.push(line);
      line = word;
    } else line = longer;
  }
  lines.push(line);
  return lines;
}

const rgb = (c: Category) => `rgb(${CATEGORY_COLORS[c].join(',')})`;

function panel(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, fill: string): void {
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 6);
  ctx.fill();
}

/**
 * What a print carries, richest first. The map must stay the picture: a small print drops the legend first, then
 * prints the title and date smaller without the count, then drops the timeline strip. The credits always stay.
 */
const FURNITURE = [
  { legend: true, strip: true, compact: false },
  { legend: false, strip: true, compact: false },
  { legend: false, strip: true, compact: true },
  { legend: false, strip: false, compact: true },
] as const;
type Furniture = (typeof FURNITURE)[number];

export function drawPrintFrame(ctx: CanvasRenderingContext2D, f: PrintFrame, opts = PRINT_DEFAULTS): void {
  const m = opts.marginPx;
  ctx.font = `${opts.creditsFontPx}px ${opts.font}`;
  const credits = creditLines(f.credits, f.width - 2 * m, (text) => ctx.measureText(text).width);
  const creditsHeight = Math.max(opts.creditsHeightPx, credits.length * opts.creditsLineHeightPx + 5);
  const date = formatDay(isoOf(f.t));
  const count = countStartedBy(f.table.start, f.t);
  const counts = categoryCounts(f.table);
  const used = CATEGORIES.filter((_, k) => counts[k] > 0);

  // What the map shows and the date, large, top left: what a reader of a printed map must not have to guess.
  const dateBox = (compact: boolean) => {
    const type = compact ? { title: 11, date: 15, titleLine: 14, dateLine: 18, height: 30 } : { title: 13, date: 22, titleLine: 18, dateLine: 28, height: 54 };
    ctx.font = `bold ${type.title}px ${opts.font}`;
    const title = f.title ? fitted(f.title, f.width - 2 * m - 24, (text) => ctx.measureText(text).width) : '';
    const titleWidth = title ? ctx.measureText(title).width : 0;
    const top = title ? type.titleLine : 0;
    ctx.font = `bold ${type.date}px ${opts.font}`;
    const width = Math.max(ctx.measureText(date).width, titleWidth) + 24;
    const height = type.height + top;
    const draw = () => {
      panel(ctx, m, m, width, height, opts.paper);
      ctx.fillStyle = opts.ink;
      ctx.textBaseline = 'alphabetic';
      if (title) {
        ctx.font = `bold ${type.title}px ${opts.font}`;
        ctx.fillText(title, m + 12, m + type.titleLine + 1);
      }
      ctx.font = `bold ${type.date}px ${opts.font}`;
      ctx.fillText(date, m + 12, m + type.dateLine + top);
      if (compact) return;
      ctx.font = `12px ${opts.font}`;
      ctx.fillStyle = opts.muted;
      ctx.fillText(`${count} ${count === 1 ? 'event' : 'events'} up to this date`, m + 12, m + 46 + top);
    };
    return { width, height, draw };
  };

  // The legend: the categories this dataset uses, then the posture layers the map draws (as on screen). Below the date
  // box only: the posture entries that do not fit are left out, and the categories go into columns (in a smaller type
  // if need be), so the legend is never drawn over the title and the date (a 640x480 export put it on them).
  const legendBox = (bottom: number, boxHeight: number) => {
    const below = bottom - m - (m + boxHeight + 8) - 10;
    const extra = (f.postureLegend ?? []).slice(0, Math.max(0, Math.floor(below / 17) - used.length));
    const entries: { text: string; swatch: (x: number, y: number) => void }[] = [
      ...used.map((c) => ({ text: CATEGORY_LABELS[c], swatch: (x: number, y: number) => {
        ctx.fillStyle = rgb(c);
        ctx.beginPath();
        ctx.arc(x, y, 5, 0, Math.PI * 2);
        ctx.fill();
      } })),
      ...extra.map((e) => ({ text: e.text, swatch: (x: number, y: number) => drawSwatch(ctx, e, x, y) })),
    ];
    if (!entries.length) return null;
    const layout = (fontPx: number, rowPx: number) => {
      ctx.font = `${fontPx}px ${opts.font}`;
      const rowsRoom = Math.max(1, Math.floor(below / rowPx));
      const columns = Math.ceil(entries.length / rowsRoom);
      const perColumn = Math.ceil(entries.length / columns);
      const columnWidth = Math.max(...entries.map((e) => ctx.measureText(e.text).width)) + (columns > 1 ? 30 : 34);
      return { fontPx, rowPx, columns, perColumn, columnWidth, fits: columns * columnWidth <= f.width - 2 * m };
    };
    // The usual type, else smaller until the columns fit; past the smallest, the labels are cut with "…".
    const l = [layout(12, 17), layout(10, 14), layout(9, 12)].find((candidate) => candidate.fits) ?? layout(9, 12);
    const columnWidth = Math.min(l.columnWidth, (f.width - 2 * m) / l.columns);
    const width = l.columns * columnWidth;
    const height = l.perColumn * l.rowPx + 10;
    const draw = () => {
      panel(ctx, m, bottom - m - height, width, height, opts.paper);
      entries.forEach((e, i) => {
        const x = m + Math.floor(i / l.perColumn) * columnWidth;
        const y = bottom - m - height + l.rowPx - 3 + (i % l.perColumn) * l.rowPx;
        e.swatch(x + 13, y - 4);
        ctx.fillStyle = opts.ink;
        ctx.font = `${l.fontPx}px ${opts.font}`;
        ctx.fillText(fitted(e.text, columnWidth - 28, (text) => ctx.measureText(text).width), x + 24, y);
      });
    };
    return { width, height, draw };
  };

  // The richest furniture that leaves the map most of the print (the last one whatever it covers).
  const plan = (k: number) => {
    const choice: Furniture = FURNITURE[k];
    const bottom = f.height - creditsHeight - (choice.strip ? opts.stripHeightPx : 0);
    const box = dateBox(choice.compact);
    const legend = choice.legend ? legendBox(bottom, box.height) : null;
    const covered = box.width * box.height + (legend ? legend.width * legend.height : 0) + f.width * (f.height - bottom);
    return { choice, bottom, box, legend, share: covered / (f.width * f.height) };
  };
  let chosen = plan(0);
  for (let k = 1; k < FURNITURE.length && chosen.share > opts.maxCoverShare; k++) chosen = plan(k);
  const { bottom } = chosen;
  chosen.box.draw();
  chosen.legend?.draw();
  if (chosen.choice.strip) drawStrip(ctx, f, bottom, opts);

  // The credits, small but at full size, along the bottom edge.
  ctx.fillStyle = '#f4f5f7';
  ctx.fillRect(0, f.height - creditsHeight, f.width, creditsHeight);
  ctx.fillStyle = opts.muted;
  ctx.font = `${opts.creditsFontPx}px ${opts.font}`;
  ctx.textBaseline = 'middle';
  const first = f.height - creditsHeight + (creditsHeight - (credits.length - 1) * opts.creditsLineHeightPx) / 2;
  for (const [i, line] of credits.entries()) ctx.fillText(line, m, first + i * opts.creditsLineHeightPx);
}

/** The timeline strip above the credits: every event's start as a tick, the shown period shaded, the date as a line. */
function drawStrip(ctx: CanvasRenderingContext2D, f: PrintFrame, bottom: number, opts: typeof PRINT_DEFAULTS): void {
  const m = opts.marginPx;
  const [d0, d1] = f.domain;
  const x = (day: number) => m + ((day - d0) / Math.max(1, d1 - d0)) * (f.width - 2 * m);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, bottom, f.width, f.height - bottom);
  ctx.fillStyle = '#e8ecf2';
  ctx.fillRect(m, bottom + 6, x(f.t) - m, 14);
  // A tick per (day, category) rather than per event: the same marks, without a million fillRects.
  const bins = binByDay(f.table);
  for (let k = 0; k < CATEGORIES.length; k++) {
    ctx.fillStyle = rgb(CATEGORIES[k]);
    for (let d = 0; d < bins.days; d++) {
      if (bins.counts[k * bins.days + d]) ctx.fillRect(Math.round(x(bins.firstDay + d)) - 1, bottom + 6, 2, 14);
    }
  }
  ctx.fillStyle = opts.ink;
  ctx.fillRect(Math.round(x(f.t)) - 1, bottom + 2, 2, 22);
  ctx.font = `10px ${opts.font}`;
  ctx.fillStyle = opts.muted;
  ctx.textBaseline = 'top';
  ctx.fillText(isoOf(d0).slice(0, 4), m, bottom + 22);
  const endLabel = isoOf(d1).slice(0, 4);
  ctx.fillText(endLabel, f.width - m - ctx.measureText(endLabel).width, bottom + 22);
}
