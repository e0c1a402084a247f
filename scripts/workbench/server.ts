// The workbench's HTTP server (Hono): the built app with review mode on, the corpus's outputs under /data/, and the
// API that adds documents, records corrections and streams progress (server-sent events). docs/workbench.md lists
// every route. It answers only requests addressed to 127.0.0.1 or localhost; every bad request gets a 4xx and a
// sentence, and no request can stop it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { serveStatic } from '@hono/node-server/serve-static';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import type { PipelineClient } from './pipeline-client.ts';
import { StoreError, type CorpusStore, type StoredText } from './corpus-store.ts';
import { convertUpload, ConvertError, type Converted } from './convert.ts';
import { ARTICLE_FILES, formatOf } from '../corpus-files.ts';
import { articlesOf } from './folder-import.ts';
import { correctionRequestSchema, makeCorrection, PastedTextSchema } from './requests.ts';
import type { MentionRecord } from '../../src/model/document.ts';

export const SERVER_DEFAULTS = {
  /** Largest single uploaded file, in MB: a long PDF report is a few MB; its text must still fit the 5 MB document limit. */
  maxFileMb: 20,
  /** Largest upload request (several files at once), in MB. */
  maxUploadMb: 50,
  /** Largest JSON request (a pasted text of up to 5 MB, as UTF-8, with room to spare), in MB. */
  maxJsonMb: 12,
  /** A comment line on the event stream this often keeps proxies and browsers from closing it. */
  heartbeatMs: 20_000,
};

/** The meta element that turns review mode on in the app (src/app/review/workbench-mode.ts). */
export const WORKBENCH_META = '<meta name="flankline-workbench" content="api/">';

type Send = (event: string, data: unknown) => void;

export interface WorkbenchServer {
  app: Hono;
  /** Runs the pipeline over the corpus now (or once more after the run under way) and publishes the outputs. */
  runPipeline(): Promise<void>;
  /** Sends an event to every open page. */
  broadcast: Send;
  /** Tells the server which port it listens on (for the Host check), once listening. */
  listening(port: number): void;
}

const sentence = (error: { issues: readonly { path: PropertyKey[]; message: string }[] }) => {
  const issue = error.issues[0];
  const where = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return `The request is not valid: ${where}${issue.message}.`;
};

/** Printable, short and without control characters: an uploaded name as messages show it, never as a path. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const displayName = (name: string) => (name.replace(/[\u0000-\u001f\u007f]/g, '').split(/[\\/]/).pop() ?? '').slice(-120) || 'unnamed file';

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** `onEvent` sees every event sent to the pages (the command prints progress and failures). */
export function createWorkbenchServer(store: CorpusStore, pipeline: PipelineClient, appDir: string, onEvent: Send = () => undefined,
  opts = SERVER_DEFAULTS): WorkbenchServer {
  const app = new Hono();
  const clients = new Set<Send>();
  let port = 0;
  let running: Promise<void> | null = null;
  let again = false;
  let lastRun: { at: string; ms: number; error: string | null } | null = null;

  const broadcast: Send = (event, data) => {
    onEvent(event, data);
    for (const send of clients) send(event, data);
  };
  const state = () => ({
    corpus: store.paths.corpus,
    revision: store.published.revision,
    running: running !== null,
    lastRun,
    documents: store.documentStatuses(),
    problems: store.problems,
    orphans: store.published.orphans.map((o) => ({ id: o.correction.id, action: o.correction.action, by: o.correction.by, at: o.correction.at,
      was: o.correction.was ?? (o.correction.action === 'add' ? { title: o.correction.to.title, category: o.correction.to.category,
        place: o.correction.to.place.name, start: o.correction.to.date.start } : null), event: o.correction.event, reason: o.reason })),
    corrections: store.corrections().corrections.length,
    limits: { maxFileMb: opts.maxFileMb, maxUploadMb: opts.maxUploadMb },
  });

  /** The one place the server runs the pipeline: the whole corpus for now (a per-document form can replace it). */
  async function runOnce(): Promise<void> {
    const t0 = Date.now();
    broadcast('progress', { stage: 'read', detail: 'reading the corpus folder' });
    try {
      const { inputs, problems } = store.readInputs();
      broadcast('progress', { stage: 'read', detail: `${inputs.length} document${inputs.length === 1 ? '' : 's'} to read` });
      const result = inputs.length === 0 ? { documents: [], outcomes: [], events: [], mentions: [] }
        : await pipeline.run(inputs, (stage, detail) => broadcast('progress', { stage, detail }));
      broadcast('progress', { stage: 'write', detail: 'applying corrections and writing the outputs' });
      store.setRun(result, problems);
      lastRun = { at: new Date().toISOString(), ms: Date.now() - t0, error: null };
    } catch (error) {
      lastRun = { at: new Date().toISOString(), ms: Date.now() - t0, error: error instanceof Error ? error.message : String(error) };
    }
    broadcast('run', state());
    broadcast('data', { revision: store.published.revision });
  }

  function runPipeline(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again);
      running = null;
    })();
    return running;
  }

  /** Applies the corrections file to the last run and tells every page. */
  function republish(): void {
    store.publish();
    broadcast('run', state());
    broadcast('data', { revision: store.published.revision });
  }

  app.onError((error, c) => {
    if (error instanceof StoreError) return c.json({ error: error.message }, error.status);
    if (error instanceof HTTPException) {
      const status = error.status;
      const message = status === 400 && /JSON/i.test(error.message) ? 'The request body is not valid JSON.' : error.message || 'Bad request.';
      return c.json({ error: message }, status);
    }
    console.error(`workbench: internal error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.message : String(error)}`);
    return c.json({ error: `The workbench could not do this: ${error instanceof Error ? error.message : String(error)}` }, 500);
  });
  app.notFound((c) => c.json({ error: `There is nothing at ${c.req.path}.` }, 404));

  // Only this machine's own addresses: a page elsewhere cannot reach it by a DNS name that points here.
  app.use('*', async (c, next) => {
    const host = c.req.header('host') ?? '';
    const own = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!own.includes(host)) return c.json({ error: `This workbench answers only requests to http://127.0.0.1:${port}/.` }, 403);
    const origin = c.req.header('origin');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && origin && !own.some((h) => origin === `http://${h}`)) {
      return c.json({ error: 'Changes are accepted only from the workbench\'s own page.' }, 403);
    }
    await next();
    // Only its own pages may frame it (docs/embedding.md, "Who may frame the map"): a page elsewhere must not drive
    // the review tools in an analyst's browser.
    c.header('Content-Security-Policy', "frame-ancestors 'self'");
    c.header('X-Frame-Options', 'SAMEORIGIN');
  });

  const json = <T extends z.ZodType>(schema: T) => zValidator('json', schema, (result, c) => {
    if (!result.success) return c.json({ error: sentence(result.error) }, 400);
  });
  const jsonLimit = bodyLimit({ maxSize: opts.maxJsonMb * 1_048_576, onError: (c) => c.json({ error: `The request is over the ${opts.maxJsonMb} MB limit.` }, 413) });

  app.get('/api/state', (c) => c.json(state()));

  app.get('/api/stream', (c) => streamSSE(c, async (stream) => {
    const send: Send = (event, data) => { void stream.writeSSE({ event, data: JSON.stringify(data) }).catch(() => clients.delete(send)); };
    clients.add(send);
    send('hello', state());
    const beat = setInterval(() => { void stream.write(': still here\n\n').catch(() => undefined); }, opts.heartbeatMs);
    await new Promise<void>((resolve) => stream.onAbort(resolve));
    clearInterval(beat);
    clients.delete(send);
  }));

  /** The articles of an uploaded .jsonl or .csv file, read from a temporary copy (the readers stream from a file). */
  async function articlesOfUpload(file: File, name: string, failed: { name: string; message: string }[]): Promise<StoredText[]> {
    const dir = mkdtempSync(join(tmpdir(), 'flankline-upload-'));
    try {
      const path = join(dir, name.replace(/[\\/]/g, '_'));
      writeFileSync(path, Buffer.from(await file.arrayBuffer()));
      const problems: string[] = [];
      const items = await articlesOf(path, name, store.maxDocumentBytes, problems);
      // The readers name the temporary path; the analyst knows the file by its name.
      failed.push(...problems.map((p) => ({ name, message: p.split(path).join(name) })));
      return items;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  app.post('/api/documents', bodyLimit({
    maxSize: opts.maxUploadMb * 1_048_576,
    onError: (c) => c.json({ error: `The upload is over the ${opts.maxUploadMb} MB limit for one request; add fewer or smaller files at once.` }, 413),
  }), async (c) => {
    if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
      return c.json({ error: 'Send the files as multipart/form-data, each in a field named "file".' }, 400);
    }
    let body: Record<string, unknown>;
    try {
      body = await c.req.parseBody({ all: true });
    } catch {
      return c.json({ error: 'The upload could not be read as multipart/form-data.' }, 400);
    }
    const files = ([] as unknown[]).concat(body.file ?? []).filter((f): f is File => f instanceof File);
    if (files.length === 0) return c.json({ error: 'The upload holds no file: send each file in a field named "file".' }, 400);
    const published = typeof body.published === 'string' && body.published ? body.published : null;
    if (published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(published)) return c.json({ error: `The published date "${published}" is not a date written YYYY-MM-DD.` }, 400);
    const failed: { name: string; message: string }[] = [];
    const items: Parameters<CorpusStore['addDocuments']>[0] = [];
    for (const file of files) {
      const name = displayName(file.name);
      const format = formatOf(name);
      if (!format && ARTICLE_FILES[extname(name).toLowerCase()]) {
        items.push(...await articlesOfUpload(file, name, failed));
        continue;
      }
      if (!format) {
        failed.push({ name, message: `${name}: is not a format the workbench reads; add .txt, .md, .html (a saved page), .pdf or .docx files, or articles in .jsonl or .csv` });
        continue;
      }
      if (file.size > opts.maxFileMb * 1_048_576) {
        failed.push({ name, message: `${name}: is ${megabytes(file.size)}, over the ${opts.maxFileMb} MB limit for one file` });
        continue;
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      let converted: Converted;
      try {
        converted = await convertUpload(name, format, bytes);
      } catch (error) {
        if (!(error instanceof ConvertError)) throw error;
        failed.push({ name, message: `${name}: ${error.message}` });
        continue;
      }
      const textBytes = Buffer.byteLength(converted.text, 'utf8');
      if (textBytes > store.maxDocumentBytes) {
        failed.push({ name, message: `${name}: its text is ${megabytes(textBytes)}, over the ${megabytes(store.maxDocumentBytes)} limit for one document; split it` });
        continue;
      }
      const ext = name.slice(name.lastIndexOf('.')).toLowerCase();
      items.push({ name, converted, original: format === 'text' ? null : { ext, bytes }, published, credit: null });
    }
    const result = store.addDocuments(items);
    failed.push(...result.failed);
    for (const f of failed) broadcast('failure', f);
    if (result.added.length) void runPipeline();
    if (result.added.length === 0) return c.json({ error: `No document was added: ${failed.map((f) => f.message).join('; ')}.`, added: [], failed }, 422);
    return c.json({ added: result.added, failed });
  });

  app.post('/api/documents/text', jsonLimit, json(PastedTextSchema), (c) => {
    const body = c.req.valid('json');
    const text = `${body.title.trim()}\n\n${body.text.replace(/\r\n?/g, '\n').trim()}\n`;
    const converted: Converted = { text, title: body.title.trim(), published: body.published || null, credit: body.credit || null };
    const result = store.addDocuments([{ name: body.title.trim(), converted, original: null, published: body.published || null, credit: body.credit || null }]);
    if (result.added.length === 0) return c.json({ error: result.failed[0].message }, 422);
    void runPipeline();
    return c.json(result);
  });

  app.post('/api/corrections', jsonLimit, json(correctionRequestSchema), (c) => {
    const body = c.req.valid('json');
    const correction = store.addCorrection(body.revision, (file) => makeCorrection(body, file, store, new Date().toISOString()));
    republish();
    const orphan = store.published.orphans.find((o) => o.correction.id === correction.id);
    return c.json({ revision: store.published.revision, correction, orphaned: orphan?.reason ?? null });
  });

  app.delete('/api/corrections/:id', (c) => {
    const revision = Number(c.req.query('revision'));
    if (!Number.isInteger(revision) || revision < 0) return c.json({ error: 'Say which revision this page has: ?revision=N.' }, 400);
    store.removeCorrection(revision, c.req.param('id'));
    republish();
    return c.json({ revision: store.published.revision });
  });

  app.get('/api/places', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (!q || q.length > 100) return c.json({ error: 'Search for a place by its name: ?q=Vilnius (up to 100 characters).' }, 400);
    return c.json({ places: await pipeline.search(q) });
  });

  app.get('/api/events/:id/alternatives', async (c) => {
    const id = c.req.param('id');
    const feature = store.published.features.get(id);
    if (!feature) return c.json({ error: `There is no event "${id}" in this corpus (it may have been merged or removed since the page loaded): reload.` }, 404);
    const mentions: MentionRecord[] = [];
    for (const s of feature.properties.sources) {
      const records = store.run.mentions.find((m) => m.doc === s.doc)?.mentions ?? [];
      for (const h of s.highlights) if (h.kind === 'place') mentions.push(...records.filter((m) => m.start < h.end && h.start < m.end));
    }
    if (mentions.length === 0) mentions.push({ start: 0, end: 0, text: feature.properties.place.name, name: null, lat: null, lon: null, country: null });
    const [lon, lat] = feature.geometry.coordinates;
    const places = (await pipeline.alternatives(mentions, null)).filter((p) => Math.abs(p.lat - lat) > 1e-4 || Math.abs(p.lon - lon) > 1e-4);
    return c.json({ places });
  });

  app.post('/api/guess', jsonLimit, json(z.object({ doc: z.string().min(1).max(300), start: z.number().int().nonnegative(), end: z.number().int().positive() })), async (c) => {
    const { doc, start, end } = c.req.valid('json');
    const document = store.document(doc);
    if (!document) return c.json({ error: `There is no document "${doc}" in this corpus.` }, 404);
    if (start >= end || end > document.text.length) return c.json({ error: `${doc} has no text at ${start}..${end} (it is ${document.text.length} characters long).` }, 400);
    const guess = await pipeline.guess(document, start, end);
    return c.json({ guess, quote: document.text.slice(guess.start, guess.end) });
  });

  // The corpus's outputs, as the app loads them (data/events.geojson beside index.html).
  app.get('/data/*', serveStatic({ root: store.paths.out, rewriteRequestPath: (path) => path.replace(/^\/data/, ''),
    onFound: (_, c) => { c.header('Cache-Control', 'no-store'); } }));
  app.get('/data/*', (c) => c.json({ error: `There is no ${c.req.path.slice(1)} in this corpus's outputs (yet): the first run may still be under way.` }, 404));

  // The app: index.html with review mode on; every other file as built.
  const indexHtml = readFileSync(join(appDir, 'index.html'), 'utf8').replace('</head>', `  ${WORKBENCH_META}\n</head>`);
  const index = (c: Context) => c.html(indexHtml, 200, { 'Cache-Control': 'no-store' });
  app.get('/', index);
  app.get('/index.html', index);
  app.get('*', serveStatic({ root: appDir }));

  return { app, runPipeline, broadcast, listening: (p) => { port = p; } };
}
