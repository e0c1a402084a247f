// The page's entry (index.html): mounts the app into the page's elements, then wires what only a whole page has:
// the banners, the phone's list drawer, the view in the URL, the host page's API, sharing and export, and in the
// workbench (npm start -- DIR) its review mode.
import './no-eval.ts';
import './styles.css';
import { loadDataset, resolveEventsUrl } from './data/load.ts';
import { STATE_DEFAULTS } from './state/store.ts';
import { showBanner } from './banner.ts';
import { embedLayout, initialView, openingState, startEmbedding } from './embed/embedding.ts';
import { mountApp } from './app.ts';
import { postureLegendEntries } from './legend-entries.ts';
import { workbenchApi } from './review/workbench-mode.ts';
import { showCorpusHeading } from './corpus-header.ts';
import type { Workbench } from './review/workbench.ts';

const $ = (id: string) => document.getElementById(id) as HTMLElement;

async function main(): Promise<void> {
  const banners = $('banners');
  // The layout and the linked view before the map and the views are made: they open at the size they keep.
  embedLayout();
  const source = resolveEventsUrl(location.href);
  // Review mode, in the workbench only (never in a published or embedded view): src/app/review/, its own chunk.
  const workbench = workbenchApi();
  let review: Workbench | null = null;
  const app = await mountApp({
    map: $('map'), mapWrap: $('map-wrap'), legend: $('legend'), panel: $('panel'), controls: $('controls'), scrubber: $('scrubber'),
    filters: $('filters'), list: $('list'), posture: $('posture'),
  }, {
    source,
    base: document.baseURI,
    notify: (level, lines) => showBanner(banners, level, lines),
    testHook: true,
    initialState: openingState,
    extend: workbench
      ? async (store, map) => (review = (await import('./review/workbench.ts')).createWorkbench(workbench, store, map, banners))
      : undefined,
  });
  if (!app.loaded) document.body.classList.add('data-failed');
  showCorpusHeading(app.heading());
  const { map, store } = app;
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
  // The export's legend is made here, not in embedding.ts: importing legend-entries.ts there made Rolldown move zod and
  // the model's schemas into a chunk that runs before no-eval.ts (a CSP eval violation on every load).
  const postureLegend = postureLegendEntries(app.dataset().table, app.dataset().posture);
  startEmbedding({ map, overlay: app.eventsMap()?.overlay ?? null, store, table: app.dataset().table, postureLegend, documents: app.documents(),
    heading: app.heading(), domain: app.domain,
    view: initialView(app.domain), defaults: { ...STATE_DEFAULTS, t: app.openingTime() }, note: (text) => showBanner(banners, 'warning', [text]) });
  if (review && !('error' in source)) await attachReview(review, app, source.url, banners);
  await app.drawn;
  document.body.dataset.ready = 'true';
}

/**
 * Review mode reads every full feature, rejected ones too (the views show only the others): from the GeoJSON, which
 * a workbench corpus keeps small. When the server says the data changed, the views are built again on the new data.
 */
async function attachReview(review: Workbench, app: Awaited<ReturnType<typeof mountApp>>, url: string, banners: HTMLElement): Promise<void> {
  const attach = async () => {
    const loaded = await loadDataset(url);
    if (!loaded.ok) showBanner(banners, 'error', loaded.errors);
    review.attach(loaded.ok ? loaded.dataset.events.features : [], app.dataset().table);
  };
  review.onData(async () => {
    if (!(await app.reload())) return;
    showCorpusHeading(app.heading());
    await attach();
  });
  await attach();
}

main().catch((e: unknown) => {
  showBanner(document.getElementById('banners')!, 'error', [`The app failed to start: ${(e as Error).message}`]);
});
