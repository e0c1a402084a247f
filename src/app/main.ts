// The page's entry (index.html): mounts the app into the page's elements, then wires what only a whole page has:
// the banners, the phone's list drawer, the view in the URL, the host page's API, sharing and export.
import './no-eval.ts';
import './styles.css';
import { resolveEventsUrl } from './data/load.ts';
import { STATE_DEFAULTS } from './state/store.ts';
import { showBanner } from './banner.ts';
import { initialView, startEmbedding } from './embed/embedding.ts';
import { mountApp } from './app.ts';

const $ = (id: string) => document.getElementById(id) as HTMLElement;

async function main(): Promise<void> {
  const banners = $('banners');
  const app = await mountApp({
    map: $('map'), mapWrap: $('map-wrap'), legend: $('legend'), panel: $('panel'), controls: $('controls'), scrubber: $('scrubber'),
    filters: $('filters'), list: $('list'), posture: $('posture'),
  }, {
    source: resolveEventsUrl(location.href),
    base: document.baseURI,
    notify: (level, lines) => showBanner(banners, level, lines),
  });
  if (!app.loaded) document.body.classList.add('data-failed');
  const { map, store, dataset, eventsMap } = app;
  store.subscribe((s, p) => {
    // On a phone the list is a drawer over the map: close it so the sheet and the marker can be seen.
    if (s.selectedId === p.selectedId || s.selectedId === null) return;
    document.body.classList.remove('list-open');
    $('list-toggle').setAttribute('aria-expanded', 'false');
  });
  $('list-toggle').addEventListener('click', () => {
    const open = document.body.classList.toggle('list-open');
    $('list-toggle').setAttribute('aria-expanded', String(open));
  });
  // Last, so the view in the URL reaches views that are all listening.
  startEmbedding({ map, overlay: eventsMap?.overlay ?? null, store, table: dataset.table, documents: app.documents, domain: app.domain,
    view: initialView(app.domain), defaults: { ...STATE_DEFAULTS, t: app.domain[1] }, note: (text) => showBanner(banners, 'warning', [text]) });
  if (map && eventsMap) {
    const { installTestHook } = await import('./deck-views.ts');
    installTestHook(map, eventsMap, store, dataset);
  }
  await app.drawn;
  document.body.dataset.ready = 'true';
}

main().catch((e: unknown) => {
  showBanner(document.getElementById('banners')!, 'error', [`The app failed to start: ${(e as Error).message}`]);
});
