// The view as a URL fragment: `#time=2025-09-15&event=…&map=5.2/54.1/24.3`. Pure functions only; the history
// wiring lives in embed/url-sync.ts. A store field joins the URL by adding one line to URL_FIELDS.
import type { AppState } from './store.ts';
import { dayOf, isoOf } from '../../model/day.ts';
import { isIsoDate } from '../../model/terms.ts';

/** How a value is written to and read from one URL parameter; `read` returns undefined for text it rejects. */
export interface Codec<T> {
  write(value: T): string;
  read(text: string): T | undefined;
}

/** A real calendar day only: `2025-13-45` or `2025-00-10` is skipped like any other malformed value. */
export const day: Codec<number> = {
  write: isoOf,
  read: (s) => (isIsoDate(s) ? dayOf(s) : undefined),
};
export const positive: Codec<number> = {
  write: String,
  read: (s) => (/^\d+(\.\d+)?$/.test(s) && Number(s) > 0 && Number.isFinite(Number(s)) ? Number(s) : undefined),
};
export const flag: Codec<boolean> = {
  write: (b) => (b ? '1' : '0'),
  read: (s) => (s === '1' ? true : s === '0' ? false : undefined),
};
export const text: Codec<string> = { write: (s) => s, read: (s) => s };
export const nullableText: Codec<string | null> = { write: (s) => s ?? '', read: (s) => (s === '' ? null : s) };
/** A list of words (category names and the like), comma-separated; also accepts a Set when the store keeps one. */
export const list: Codec<readonly string[]> = {
  write: (items) => [...items].join(','),
  read: (s) => (s === '' ? [] : s.split(',')),
};
export const set: Codec<ReadonlySet<string>> = {
  write: (items) => [...items].join(','),
  read: (s) => new Set(s === '' ? [] : s.split(',')),
};
export function oneOf<T extends string>(values: readonly T[]): Codec<T> {
  return { write: (v) => v, read: (s) => (values as readonly string[]).includes(s) ? (s as T) : undefined };
}

type FieldOf<K extends keyof AppState> = { key: K; param: string; codec: Codec<AppState[K]> };
type Field = { [K in keyof AppState]: FieldOf<K> }[keyof AppState];
const field = <K extends keyof AppState>(key: K, param: string, codec: Codec<AppState[K]>): Field =>
  ({ key, param, codec }) as Field;

/** Store fields in the URL, in the order they are written. `hoveredId` stays out: it follows the pointer. */
export const URL_FIELDS: Field[] = [
  field('t', 'time', day),
  field('playing', 'play', flag),
  field('speedDaysPerSecond', 'speed', positive),
  field('windowDays', 'window', positive),
  field('selectedId', 'event', nullableText),
  field('playMode', 'mode', oneOf(['cumulative', 'window'] as const)),
  field('playWindowDays', 'playwindow', positive),
  field('loop', 'loop', flag),
  field('hiddenCategories', 'hide', list),
  field('query', 'q', text),
  field('lanes', 'lanes', flag),
];

/** The map's camera: centre and zoom as written (`map=zoom/lat/lon`, like OpenStreetMap), or a box to fit. */
export type Camera = { center: [number, number]; zoom: number } | { bbox: [number, number, number, number] };

export interface View {
  state: Partial<AppState>;
  camera?: Camera;
}

export const URL_DEFAULTS = {
  /** Decimals kept: 2 for zoom, 5 for degrees (about a metre), so a link restores the same picture. */
  zoomDecimals: 2,
  degreeDecimals: 5,
};

const round = (x: number, decimals: number) => Number(x.toFixed(decimals));

/** The fragment (without '#') for a view; fields equal to `defaults` are left out so links stay short. */
export function writeView(view: View, defaults: Partial<AppState> = {}, opts = URL_DEFAULTS): string {
  const params = new URLSearchParams();
  for (const f of URL_FIELDS) {
    const value = view.state[f.key];
    if (value === undefined || sameValue(value, defaults[f.key])) continue;
    params.set(f.param, (f.codec as Codec<typeof value>).write(value));
  }
  const c = view.camera;
  if (c && 'bbox' in c) params.set('bbox', c.bbox.map((x) => round(x, opts.degreeDecimals)).join(','));
  else if (c) {
    params.set('map', [round(c.zoom, opts.zoomDecimals), round(c.center[1], opts.degreeDecimals),
      round(c.center[0], opts.degreeDecimals)].join('/'));
  }
  // URLSearchParams escapes '/' and ',' although a fragment allows them; keeping them makes links readable.
  return params.toString().replace(/%2F/g, '/').replace(/%2C/g, ',');
}

/** Reads a fragment or query string (with or without its '#'/'?'); unknown or malformed parameters are skipped. */
export function readView(fragment: string): View {
  const params = new URLSearchParams(fragment.replace(/^[#?]/, ''));
  const state: Partial<AppState> = {};
  for (const f of URL_FIELDS) {
    const raw = params.get(f.param);
    if (raw === null) continue;
    const value = f.codec.read(raw);
    if (value !== undefined) (state as Record<string, unknown>)[f.key] = value;
  }
  return { state, camera: readCamera(params) };
}

function readCamera(params: URLSearchParams): Camera | undefined {
  const map = params.get('map')?.split('/').map(Number);
  if (map && map.length === 3 && map.every(Number.isFinite)) {
    const [zoom, lat, lon] = map;
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && zoom >= 0 && zoom <= 24) return { center: [lon, lat], zoom };
  }
  const bbox = params.get('bbox')?.split(',').map(Number);
  if (bbox && bbox.length === 4 && bbox.every(Number.isFinite)) {
    const [w, s, e, n] = bbox;
    if (w < e && s < n && Math.abs(s) <= 90 && Math.abs(n) <= 90) return { bbox: [w, s, e, n] };
  }
  return undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Set || Array.isArray(a)) {
    const x = [...(a as Iterable<unknown>)];
    const y = b instanceof Set || Array.isArray(b) ? [...(b as Iterable<unknown>)] : null;
    return y !== null && x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return false;
}
