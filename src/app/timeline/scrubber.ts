// The D3 time scrubber: an axis that zooms (wheel, pinch) and pans (drag the axis), the event strip, and a cursor
// the reader drags or moves with the keyboard. It reads and writes only `t` in the store.
import { axisBottom, select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import type { Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import { addMonths, isoOf } from '../../model/day.ts';
import { formatDay } from '../format/date.ts';
import { dayAtX, timeScale, xOfDay } from './scale.ts';
import { drawStrip, stripHeight, stripLanes, STRIP_DEFAULTS, type StripFilter } from './strip.ts';
import { binSpans, type DayBins } from './day-bins.ts';
import { drawUncertainBands, uncertainBands, type UncertainBands } from './uncertain-bands.ts';
import type { Search } from '../state/search.ts';

export const SCRUBBER_DEFAULTS = {
  marginPx: 14,
  axisHeightPx: 22,
  /** Zoom in as far as about 20 days across the axis. */
  minVisibleDays: 20,
};

export interface Scrubber {
  /** Re-measures and redraws after the container changed size. */
  resize(): void;
  readonly handle: HTMLElement;
}

export function createScrubber(container: HTMLElement, store: Store, table: EventsTable, domain: [number, number],
  opts = SCRUBBER_DEFAULTS, search?: Pick<Search, 'matches' | 'key' | 'subscribe'>): Scrubber {
  const stripFilter: StripFilter = {
    get split() { return store.get().lanes; },
    get hiddenCategories() { return store.get().hiddenCategories; },
  };
  const lanes = stripLanes(table);
  const stripPx = stripHeight(lanes.size);
  const heightPx = stripPx + opts.axisHeightPx + 8;
  container.classList.add('scrubber');
  container.style.height = `${heightPx}px`;

  const strip = document.createElement('canvas');
  strip.className = 'scrubber-strip';
  strip.style.top = '4px';
  strip.setAttribute('aria-hidden', 'true');
  // Uncertain dates on a canvas of their own over the strip: they follow the cursor, the strip does not.
  const bandsCanvas = document.createElement('canvas');
  bandsCanvas.className = 'scrubber-uncertain';
  bandsCanvas.style.top = '4px';
  bandsCanvas.setAttribute('aria-hidden', 'true');
  const future = document.createElement('div');
  future.className = 'scrubber-future';
  future.setAttribute('aria-hidden', 'true');
  const svgNode = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svgNode.classList.add('scrubber-svg');
  svgNode.setAttribute('aria-hidden', 'true');
  const handle = document.createElement('div');
  handle.className = 'scrubber-handle';
  handle.tabIndex = 0;
  handle.setAttribute('role', 'slider');
  handle.setAttribute('aria-label', 'Time');
  handle.setAttribute('aria-valuemin', String(domain[0]));
  handle.setAttribute('aria-valuemax', String(domain[1]));
  handle.title = 'Drag, or use the arrow keys (a day), Page Up/Down (a month), Home/End';
  const reset = document.createElement('button');
  reset.type = 'button';
  reset.className = 'scrubber-reset';
  reset.textContent = 'Whole period';
  reset.hidden = true;
  container.append(strip, bandsCanvas, future, svgNode, handle, reset);

  const svg = select(svgNode);
  const axisG = svg.append('g').attr('class', 'scrubber-axis');
  const panZone = svg.append('rect').attr('class', 'scrubber-pan');

  let width = 0;
  let base = timeScale(domain, [0, 1]);
  let scale = base;
  let transform: ZoomTransform = zoomIdentity;
  const zoomTarget = select(container);
  const zoomer: ZoomBehavior<HTMLElement, unknown> = zoom<HTMLElement, unknown>()
    // Wheel and pinch zoom anywhere; dragging pans only on the axis, so dragging the strip moves the cursor instead.
    .filter((event: Event) => event.type === 'wheel' || event.type === 'dblclick'
      || (event.type === 'touchstart' && (event as TouchEvent).touches.length > 1)
      || (event.target as Element).classList?.contains('scrubber-pan'))
    .on('zoom', (event: { transform: ZoomTransform }) => {
      transform = event.transform;
      scale = transform.rescaleX(base);
      reset.hidden = transform.k <= 1.0001;
      draw();
    });

  function layout(): void {
    width = container.clientWidth;
    base = timeScale(domain, [opts.marginPx, Math.max(opts.marginPx + 1, width - opts.marginPx)]);
    scale = transform.rescaleX(base);
    const span = Math.max(1, domain[1] - domain[0]);
    svg.attr('width', width).attr('height', heightPx);
    zoomer.scaleExtent([1, Math.max(1, span / opts.minVisibleDays)])
      .translateExtent([[0, 0], [width, heightPx]]).extent([[0, 0], [width, heightPx]]);
    panZone.attr('x', 0).attr('y', stripPx + 6).attr('width', width).attr('height', opts.axisHeightPx);
    axisG.attr('transform', `translate(0,${stripPx + 6})`);
    zoomTarget.call(zoomer);
    draw();
  }

  // The strip is drawn from day bins, counted once per search rather than once per redraw.
  let bins: DayBins | null = null;
  let bands: UncertainBands | null = null;
  let binsKey: string | null = null;
  function dayBins(): DayBins {
    const key = search?.key() ?? '';
    if (!bins || key !== binsKey) {
      const matches = search && key !== '' ? search.matches : null;
      bins = binSpans(table, matches, true);
      bands = uncertainBands(table, matches);
      binsKey = key;
    }
    return bins;
  }

  function draw(): void {
    axisG.call(axisBottom(scale).ticks(Math.max(2, Math.floor(width / 90))).tickSizeOuter(0));
    drawStrip(strip, dayBins(), lanes, scale, STRIP_DEFAULTS, stripFilter);
    drawBands();
    placeCursor();
  }

  function drawBands(): void {
    if (bands) drawUncertainBands(bandsCanvas, bands, lanes, scale, store.get().t, stripPx, stripFilter);
  }

  function placeCursor(): void {
    const { t } = store.get();
    const x = xOfDay(scale, t) + (xOfDay(scale, t + 1) - xOfDay(scale, t)) / 2;
    const inView = x >= 0 && x <= width;
    handle.style.transform = `translateX(${Math.round(x)}px)`;
    // Out of view it is transparent, not hidden, so it stays reachable by Tab and keys bring it back into view.
    handle.style.opacity = inView ? '1' : '0';
    future.style.left = `${Math.max(0, Math.min(width, x))}px`;
    const iso = isoOf(t);
    handle.setAttribute('aria-valuenow', String(t));
    handle.setAttribute('aria-valuetext', iso);
    handle.dataset.label = formatDay(iso);
  }

  const setDay = (day: number) => store.set({ t: Math.min(domain[1], Math.max(domain[0], day)), playing: false });
  const dayAtPointer = (event: PointerEvent) => dayAtX(scale, event.clientX - container.getBoundingClientRect().left, domain);

  function startDrag(event: PointerEvent): void {
    if (event.button !== 0) return;
    event.preventDefault();
    handle.focus();
    const target = event.currentTarget as HTMLElement;
    target.setPointerCapture(event.pointerId);
    setDay(dayAtPointer(event));
    const move = (e: PointerEvent) => setDay(dayAtPointer(e));
    const end = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', end);
      target.removeEventListener('pointercancel', end);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', end);
    target.addEventListener('pointercancel', end);
  }
  reset.addEventListener('click', () => { zoomTarget.call(zoomer.transform, zoomIdentity); handle.focus(); });
  strip.addEventListener('pointerdown', startDrag);
  bandsCanvas.addEventListener('pointerdown', startDrag);
  future.addEventListener('pointerdown', startDrag);
  handle.addEventListener('pointerdown', startDrag);

  handle.addEventListener('keydown', (event) => {
    const t = store.get().t;
    const step: Record<string, () => number> = {
      ArrowLeft: () => t - 1, ArrowDown: () => t - 1, ArrowRight: () => t + 1, ArrowUp: () => t + 1,
      PageDown: () => addMonths(t, -1), PageUp: () => addMonths(t, 1), Home: () => domain[0], End: () => domain[1],
    };
    const next = step[event.key];
    if (!next) return;
    event.preventDefault();
    setDay(next());
    keepInView();
  });

  /** While playing or stepping, pan the zoomed axis so the cursor stays on screen. */
  function keepInView(): void {
    const x = xOfDay(scale, store.get().t);
    if (x >= opts.marginPx && x <= width - opts.marginPx) return;
    const k = transform.k;
    const target = zoomIdentity.translate(width / 2 - k * xOfDay(base, store.get().t), 0).scale(k);
    zoomTarget.call(zoomer.transform, target);
  }

  store.subscribe((state, previous) => {
    if (state.lanes !== previous.lanes || state.hiddenCategories !== previous.hiddenCategories) draw();
    if (state.t === previous.t) return;
    placeCursor();
    drawBands();
    if (state.playing) keepInView();
  });

  search?.subscribe(draw);

  new ResizeObserver(() => layout()).observe(container);
  layout();
  return { resize: layout, handle };
}
