// Review mode: the workbench's toolbar (who reviews, add documents, the review queue, the progress line), its link
// to the server (state, server-sent events), and what it adds to the panel, the list and the map. Loaded by main.ts
// only when the workbench server serves the page (workbench-mode.ts).
import './review.css';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { EventFeature, Source, SourceDocument } from '../../model/index.ts';
import type { Store } from '../state/store.ts';
import type { EventsTable } from '../state/events-table.ts';
import type { PanelExtension } from '../panel/panel.ts';
import { createApi } from './api.ts';
import type { ReviewContext, ServerState } from './context.ts';
import { button, h } from './dom.ts';
import { createReviewMap } from './review-map.ts';
import { reviewSection } from './review-panel.ts';
import { addEventTools } from './add-event.ts';
import { createIntake } from './intake.ts';
import { createQueue } from './queue.ts';
import { needsReview } from './needs-review.ts';

export const WORKBENCH_TEXT = {
  reviewerKey: 'flankline.reviewer',
  noName: 'Say who you are first (the name field at the top): every correction records who made it.',
  conflict: 'Reload the page',
};

export interface Workbench {
  panel: PanelExtension;
  decorateListItem(button: HTMLButtonElement, f: EventFeature): void;
  /** Called when the server says the data changed; main.ts reloads it and builds the views again. */
  onData(reload: () => Promise<void>): void;
  /** The data the views were just built from: every feature (rejected too) and the table they show. */
  attach(features: readonly EventFeature[], table: EventsTable): void;
}

const EMPTY_STATE: ServerState = { corpus: '', revision: 0, running: false, lastRun: null, documents: [], problems: [], orphans: [], corrections: 0, limits: { maxFileMb: 0, maxUploadMb: 0 } };

export function createWorkbench(apiBase: URL, store: Store, map: MapLibreMap | null, banners: HTMLElement): Workbench {
  document.body.classList.add('workbench');
  const api = createApi(apiBase);
  let state = EMPTY_STATE;
  let features: readonly EventFeature[] = [];
  // The list's items are the table's light features: their review is read from the full ones
  let byId = new Map<string, EventFeature>();
  let table: EventsTable | null = null;
  let reload: (() => Promise<void>) | null = null;

  const progress = h('p', { class: 'wb-progress', role: 'status', 'aria-live': 'polite' });
  const say = (text: string, kind: 'info' | 'error' | 'busy' = 'info') => {
    progress.textContent = text;
    progress.className = `wb-progress wb-${kind}`;
  };
  const name = h('input', { type: 'text', class: 'wb-name', placeholder: 'Your name', 'aria-label': 'Your name (recorded with each correction)' });
  name.value = localStorage.getItem(WORKBENCH_TEXT.reviewerKey) ?? '';
  name.addEventListener('change', () => localStorage.setItem(WORKBENCH_TEXT.reviewerKey, name.value.trim()));

  const ctx: ReviewContext = {
    api, store, map,
    state: () => state,
    features: () => features,
    table: () => table,
    reviewer: () => name.value.trim() || null,
    say,
    async correct(body) {
      const by = name.value.trim();
      if (!by) {
        name.focus();
        name.classList.add('wb-missing');
        return WORKBENCH_TEXT.noName;
      }
      localStorage.setItem(WORKBENCH_TEXT.reviewerKey, by);
      name.classList.remove('wb-missing');
      const answer = await api.post<{ revision: number; orphaned: string | null }>('corrections', { revision: state.revision, by, ...body });
      if (!answer.ok) {
        if (answer.status === 409) offerReload(answer.error);
        return answer.error;
      }
      state = { ...state, revision: answer.value.revision };
      return answer.value.orphaned ? `Saved, but it does not apply: ${answer.value.orphaned}` : null;
    },
  };

  function offerReload(message: string): void {
    const box = h('div', { class: 'banner banner-warning', role: 'alert' }, h('strong', {}, 'Changed elsewhere. '), message, ' ',
      button(WORKBENCH_TEXT.conflict, () => location.reload(), 'wb-button'));
    banners.append(box);
  }

  const reviewMap = map ? createReviewMap(map, store) : null;
  const intake = createIntake(ctx);
  const queue = createQueue(ctx);
  const queueButton = button('Review queue', () => queue.toggle(), 'wb-button wb-queue-toggle');
  const toolbar = h('div', { class: 'wb-toolbar', role: 'toolbar', 'aria-label': 'Workbench' },
    h('span', { class: 'wb-badge' }, 'Workbench'), name, button('Add documents', () => intake.open(), 'wb-button wb-primary wb-add-documents'), queueButton, progress);
  const top = document.querySelector('header.top');
  if (top) top.after(toolbar);
  else document.body.prepend(toolbar);
  document.querySelector('main.layout')?.append(queue.element);

  function showState(next: ServerState): void {
    state = next;
    document.body.dataset.revision ??= String(state.revision);
    const needing = features.filter((f) => needsReview(f)).length;
    queueButton.textContent = `Review queue (${needing} need review${state.orphans.length ? `, ${state.orphans.length} orphaned` : ''})`;
    if (!state.running) {
      const failed = state.documents.filter((d) => d.problem);
      const last = state.lastRun?.error ? `The last run failed: ${state.lastRun.error}` : null;
      say(last ?? `${features.filter((f) => f.properties.review?.state !== 'rejected').length} events from ${state.documents.length} documents`
        + `${failed.length ? `; ${failed.length} with a problem (see the review queue)` : ''}`
        + `${state.orphans.length ? `; ${state.orphans.length} orphaned correction${state.orphans.length === 1 ? '' : 's'}` : ''}.`, last ? 'error' : 'info');
    }
    if (!queue.element.hidden) queue.render();
  }

  const refresh = async () => {
    const answer = await api.get<ServerState>('state');
    if (answer.ok) showState(answer.value);
  };
  // One reload at a time, and one more after it when new data came meanwhile: an older answer never lands last.
  let reloading: Promise<void> | null = null;
  let again = false;
  const reloadData = () => {
    if (reloading) {
      again = true;
      return;
    }
    reloading = (async () => {
      do {
        again = false;
        await reload?.();
        await refresh();
      } while (again);
      reloading = null;
      // Which corrections the views now show (tests and scripts wait on it).
      document.body.dataset.revision = String(state.revision);
    })();
  };
  const events = new EventSource(api.url('stream'));
  // A second hello is a reconnection (the server restarted): what it holds may have changed meanwhile.
  let connected = false;
  events.addEventListener('hello', (e) => {
    showState(JSON.parse((e as MessageEvent).data));
    if (connected) reloadData();
    connected = true;
  });
  events.addEventListener('progress', (e) => {
    const { stage, detail } = JSON.parse((e as MessageEvent).data) as { stage: string; detail: string };
    say(`Reading the corpus: ${stage}, ${detail}…`, 'busy');
  });
  events.addEventListener('failure', (e) => {
    const { message } = JSON.parse((e as MessageEvent).data) as { message: string };
    say(message, 'error');
  });
  events.addEventListener('run', (e) => showState(JSON.parse((e as MessageEvent).data)));
  events.addEventListener('data', reloadData);
  events.addEventListener('error', () => { if (events.readyState === EventSource.CLOSED) say('The workbench server stopped: start it again and reload.', 'error'); });

  return {
    panel: {
      eventShown(f: EventFeature, body: HTMLElement) {
        const section = reviewSection(ctx, reviewMap, f);
        const place = body.querySelector('.panel-place');
        if (place) place.after(section);
        else body.append(section);
      },
      readerShown(doc: SourceDocument, source: Source, reader: HTMLElement) { addEventTools(ctx, reviewMap, doc, source, reader); },
    },
    decorateListItem(b, light) {
      const f = byId.get(light.id) ?? light;
      if (needsReview(f)) {
        b.classList.add('wb-needs');
        b.append(h('span', { class: 'wb-flag' }, 'needs review'));
      } else if (f.properties.review) b.append(h('span', { class: `wb-flag wb-${f.properties.review.state}` }, f.properties.review.state));
    },
    onData(r) { reload = r; },
    attach(all, t) {
      features = all;
      byId = new Map(all.map((f) => [f.id, f]));
      table = t;
      reviewMap?.setEvents(all);
      showState(state);
    },
  };
}
