// Listens to a host page's commands and announces the map's changes to it (protocol.ts). Commands are obeyed
// only from the allowed origins; announcements go only to them, so a view never leaks to an unknown page.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import { dayOf, isoOf } from '../../model/day.ts';
import type { Announcement, Command } from './protocol.ts';
import { isFlanklineMessage, PROTOCOL_VERSION } from './protocol-envelope.ts';
import { whenIdle } from '../list/follow.ts';

export const HOST_API_DEFAULTS = {
  /** While playing, time changes are announced at most this often. */
  timeAnnounceMs: 250,
  /** The commands' schema loads in idle time after this is called, or after this long at the latest. */
  protocolWithinMs: 2000,
};

export interface HostApiContext {
  store: Store;
  map: MapLibreMap | null;
  table: EventsTable;
  domain: [number, number];
  origins: string[];
}

export function connectHost(ctx: HostApiContext, opts = HOST_API_DEFAULTS): void {
  const target = window.parent !== window ? window.parent : null;
  const allowed = (origin: string) => ctx.origins.includes('*') || ctx.origins.includes(origin);
  const announce = (message: Announcement) => {
    if (!target) return;
    for (const origin of ctx.origins) target.postMessage(message, origin);
  };
  const titleOf = (id: string | null) => {
    const i = id === null ? undefined : ctx.table.rowOf(id);
    return i === undefined ? null : ctx.table.feature(i).properties.title;
  };
  const stateMessage = (): Announcement => {
    const s = ctx.store.get();
    const b = ctx.map?.getBounds();
    return { flankline: PROTOCOL_VERSION, type: 'state', time: isoOf(s.t), selected: s.selectedId, playing: s.playing,
      bbox: b ? [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] : null };
  };

  const obey = (c: Command) => {
    switch (c.type) {
      case 'setTime': {
        const t = dayOf(c.time);
        ctx.store.set({ t: Math.min(ctx.domain[1], Math.max(ctx.domain[0], t)), playing: false });
        return;
      }
      case 'play': ctx.store.set({ playing: true }); return;
      case 'pause': ctx.store.set({ playing: false }); return;
      case 'select':
        if (c.id !== null && ctx.table.rowOf(c.id) === undefined) {
          announce({ flankline: PROTOCOL_VERSION, type: 'error', message: `No event with id ${c.id} in this dataset.` });
          return;
        }
        ctx.store.set({ selectedId: c.id });
        return;
      case 'fitBounds':
        ctx.map?.fitBounds([[c.bbox[0], c.bbox[1]], [c.bbox[2], c.bbox[3]]], { animate: false });
        return;
      case 'getState': announce(stateMessage()); return;
    }
  };

  // The commands' schema (zod) is not in the first load: it loads in idle time once the map is up, or with the first
  // message of ours if that comes sooner (a host's first command then waits for it, the commands after it do not).
  // Every message waits on the same promise, so they are obeyed in the order they came.
  let protocol: Promise<typeof import('./protocol.ts')> | null = null;
  const loadProtocol = () => (protocol ??= import('./protocol.ts'));
  whenIdle(opts.protocolWithinMs)(() => void loadProtocol());
  window.addEventListener('message', (e: MessageEvent) => {
    if (!allowed(e.origin) || !isFlanklineMessage(e.data)) return;
    void loadProtocol().then(({ parseCommand }) => {
      const parsed = parseCommand(e.data);
      if (parsed.ok) obey(parsed.command);
      else announce({ flankline: PROTOCOL_VERSION, type: 'error', message: `Ignored a malformed command (${parsed.reason}).` });
    });
  });

  let timeTimer = 0;
  let lastTimeAnnounce = 0;
  const announceTime = () => {
    timeTimer = 0;
    lastTimeAnnounce = performance.now();
    const s = ctx.store.get();
    announce({ flankline: PROTOCOL_VERSION, type: 'timechange', time: isoOf(s.t), playing: s.playing });
  };
  ctx.store.subscribe((s, p) => {
    if (s.selectedId !== p.selectedId) {
      announce({ flankline: PROTOCOL_VERSION, type: 'select', id: s.selectedId, title: titleOf(s.selectedId) });
    }
    if (s.t !== p.t || s.playing !== p.playing) {
      // Playing changes t every frame: announce the latest at a steady pace, and a stop at once.
      const due = opts.timeAnnounceMs - (performance.now() - lastTimeAnnounce);
      if (!s.playing || due <= 0) { clearTimeout(timeTimer); announceTime(); }
      else if (!timeTimer) timeTimer = window.setTimeout(announceTime, due);
    }
  });
  const s = ctx.store.get();
  announce({ flankline: PROTOCOL_VERSION, type: 'ready', time: isoOf(s.t), selected: s.selectedId, playing: s.playing });
}
