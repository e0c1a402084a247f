// What the review modules share: the server, the app's store and map, the data as last loaded, and who is reviewing.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { EventFeature } from '../../model/index.ts';
import type { Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import type { Api } from './api.ts';

/** The server's /api/state (scripts/workbench/server.ts). */
export interface ServerState {
  corpus: string;
  revision: number;
  running: boolean;
  lastRun: { at: string; ms: number; error: string | null } | null;
  documents: { file: string; title: string; published: string | null; original: string | null; events: number; problem: string | null }[];
  problems: string[];
  orphans: { id: string; action: string; by: string; at: string; was: { title: string; place: string; start: string } | null; event: string; reason: string }[];
  corrections: number;
  limits: { maxFileMb: number; maxUploadMb: number };
}

export interface ReviewContext {
  api: Api;
  store: Store;
  map: MapLibreMap | null;
  state(): ServerState;
  /** Every event of the data, rejected ones included. */
  features(): readonly EventFeature[];
  table(): EventsTable | null;
  /** The reviewer's name, or null when not set yet. */
  reviewer(): string | null;
  /**
   * Records a correction (the server adds the anchor, the time and the revision check). Resolves to null when
   * written, else the server's sentence; a conflict (409) also offers to reload.
   */
  correct(body: Record<string, unknown>): Promise<string | null>;
  /** The progress line's text ('' clears it). */
  say(text: string, kind?: 'info' | 'error' | 'busy'): void;
}
