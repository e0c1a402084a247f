// Keeps the URL fragment and the view in step. While the view moves (scrubbing, panning, playing) the current
// history entry is replaced; a view that has settled is kept, so the next move starts a new entry, and a selection
// always does. Back and forward therefore step through the views a reader stopped at, not through frames, however
// slow each frame is.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppState, Store } from '../state/store.ts';
import { readView, writeView, URL_FIELDS, type Camera, type View } from '../state/url.ts';

export const URL_SYNC_DEFAULTS = {
  /** A view unchanged this long counts as settled and keeps its history entry. */
  settleMs: 700,
  /**
   * At most one replaceState per this many ms while the view moves: nobody copies a link mid-scrub, and each write cost
   * a software-rendered scrub frame a twentieth of its time; the view is written in full once it settles.
   */
  replaceEveryMs: 1000,
};

export function cameraOf(map: MapLibreMap): Camera {
  const c = map.getCenter();
  return { center: [c.lng, c.lat], zoom: map.getZoom() };
}

export function applyCamera(map: MapLibreMap, camera: Camera | undefined): void {
  if (!camera) return;
  if ('bbox' in camera) {
    const [w, s, e, n] = camera.bbox;
    map.fitBounds([[w, s], [e, n]], { animate: false, padding: 20 });
  } else {
    map.jumpTo({ center: camera.center, zoom: camera.zoom });
  }
}

/** The store's URL fields, with the ones the URL does not name reset to their defaults (for back/forward). */
export function stateFromView(view: View, defaults: AppState): Partial<AppState> {
  const patch: Partial<AppState> = {};
  for (const f of URL_FIELDS) (patch as Record<string, unknown>)[f.key] = view.state[f.key] ?? defaults[f.key];
  return patch;
}

export function syncUrl(store: Store, map: MapLibreMap | null, defaults: AppState, opts = URL_SYNC_DEFAULTS): void {
  let settled = true;
  let applying = false;
  let settleTimer = 0;
  let shownFrame = 0;
  let replaceTimer = 0;
  let lastWrite = 0;
  // The rest is counted from the frame that shows the last change, not from the change: a frame slower than settleMs
  // (a million events, a loaded machine) is no rest, or every step of a drag would push a history entry of its own.
  // A hidden page draws no frames, and its rest is counted from the change.
  const restartSettle = () => {
    clearTimeout(settleTimer);
    cancelAnimationFrame(shownFrame);
    shownFrame = requestAnimationFrame(() => { shownFrame = 0; });
    settleTimer = window.setTimeout(restedOrWaitForFrame, opts.settleMs);
  };
  function restedOrWaitForFrame(): void {
    if (!shownFrame || document.visibilityState === 'hidden') {
      settle();
      return;
    }
    cancelAnimationFrame(shownFrame);
    shownFrame = requestAnimationFrame(() => {
      shownFrame = 0;
      settleTimer = window.setTimeout(settle, opts.settleMs);
    });
  }

  const fragment = () => writeView({ state: store.get(), camera: map ? cameraOf(map) : undefined }, defaults);
  const urlWith = (f: string) => `${location.pathname}${location.search}${f ? `#${f}` : ''}`;
  const current = () => location.hash.replace(/^#/, '');

  const replace = () => {
    replaceTimer = 0;
    lastWrite = performance.now();
    const f = fragment();
    if (f !== current()) history.replaceState(history.state, '', urlWith(f));
  };
  /** `follow`: a move the app made itself (easing to a selection), which belongs to the entry that caused it. */
  const changed = (push: boolean, follow = false) => {
    if (applying) return;
    // Mid-move with a write already due: that write reads the latest view, so a frame costs nothing here.
    if (!push && !settled && replaceTimer) {
      restartSettle();
      return;
    }
    const f = fragment();
    if (f === current()) return;
    clearTimeout(settleTimer);
    cancelAnimationFrame(shownFrame);
    if (follow && settled) {
      replace();
      return;
    }
    if (push || settled) {
      clearTimeout(replaceTimer);
      replaceTimer = 0;
      history.pushState(null, '', urlWith(f));
      lastWrite = performance.now();
    } else if (!replaceTimer) {
      replaceTimer = window.setTimeout(replace, Math.max(0, opts.replaceEveryMs - (performance.now() - lastWrite)));
    }
    settled = false;
    restartSettle();
  };
  function settle(): void {
    if (replaceTimer) { clearTimeout(replaceTimer); replace(); }
    settled = true;
  }

  store.subscribe((s, p) => {
    if (!URL_FIELDS.some((f) => s[f.key] !== p[f.key])) return;
    changed(s.selectedId !== p.selectedId);
  });
  map?.on('move', (e: { originalEvent?: Event }) => changed(false, !e.originalEvent));
  // The entry the reader arrived on holds the whole view too, so Back returns to it exactly.
  replace();

  window.addEventListener('popstate', () => {
    const view = readView(location.hash);
    applying = true;
    try {
      store.set(stateFromView(view, defaults));
      if (map) applyCamera(map, view.camera);
    } finally {
      applying = false;
    }
    settled = true;
  });
}
