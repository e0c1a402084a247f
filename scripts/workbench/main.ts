// `npm start -- [DIR] [--out DIR] [--port N]` (also `npx flankline DIR`): the analyst's workbench on a folder of
// documents. Reads what is in the folder, serves the app with review mode on http://127.0.0.1:PORT/, and keeps its
// outputs beside the corpus (DIR/.flankline/ unless --out says otherwise), never in the project's public/.
// Without DIR it opens the bundled seeds. docs/workbench.md says what an analyst can do there.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createCorpusStore } from './corpus-store.ts';
import { createWorkbenchServer, SERVER_DEFAULTS } from './server.ts';
import { importFolder } from './folder-import.ts';
import { startPipelineWorker } from './pipeline-client.ts';
import { ensureAppBuild } from './app-build.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const USAGE = 'usage: npm start -- [DIR] [--out OUTPUT_DIR] [--port N] [--app BUILT_APP_DIR]   (or: npx flankline DIR)';

export const WORKBENCH_DEFAULTS = {
  corpus: 'seeds',
  port: 5173,
  /** Ports tried after the first when it is taken. */
  portTries: 20,
};

const log = (line: string) => console.log(`workbench: ${line}`);
function fail(message: string): never {
  console.error(`workbench: ${message}\n${USAGE}`);
  process.exit(2);
}

const parsed = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, port: { type: 'string' }, app: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length > 1) fail(`one corpus folder at a time (got ${positionals.join(', ')})`);
const corpus = resolve(positionals[0] ?? join(ROOT, WORKBENCH_DEFAULTS.corpus));
if (!existsSync(corpus)) fail(`${corpus}: corpus folder does not exist (create it, even empty, and add documents from the page)`);
if (!statSync(corpus).isDirectory()) fail(`${corpus}: is not a folder`);
const out = resolve(values.out ?? join(corpus, '.flankline'));
if (!relative(join(ROOT, 'public'), out).startsWith('..')) fail(`${out}: outputs never go in the project's public/ (the app's own data); choose another --out`);
const port = values.port === undefined ? WORKBENCH_DEFAULTS.port : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${values.port} is not a port number`);
mkdirSync(out, { recursive: true });

const appDir = values.app ? resolve(values.app) : await ensureAppBuild(log);
if (!existsSync(join(appDir, 'index.html'))) fail(`${appDir}: has no built app (index.html)`);
log('loading the gazetteer…');
const pipeline = startPipelineWorker();
try {
  await pipeline.ready;
} catch (error) {
  fail(`the gazetteer could not be loaded: ${(error as Error).message}`);
}
const store = createCorpusStore({ corpus, out });
const server = createWorkbenchServer(store, pipeline, appDir, (event, data) => {
  if (event === 'progress') log(`${(data as { stage: string }).stage.padEnd(9)} ${(data as { detail: string }).detail}`);
  if (event === 'failure') console.error(`workbench: ${(data as { message: string }).message}`);
});

/** Listens on `first`, or the next free port when it is taken (0: any free port). */
function listen(first: number): Promise<{ close(): void; port: number }> {
  return new Promise((resolvePort, reject) => {
    const attempt = (p: number, left: number) => {
      const http = serve({ fetch: server.app.fetch, hostname: '127.0.0.1', port: p });
      http.once('listening', () => {
        const address = http.address();
        resolvePort({ close: () => http.close(), port: typeof address === 'object' && address ? address.port : p });
      });
      http.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE' && p !== 0 && left > 0) attempt(p + 1, left - 1);
        else reject(error);
      });
    };
    attempt(first, WORKBENCH_DEFAULTS.portTries);
  });
}

const http = await listen(port).catch((error: Error) => fail(`cannot listen on 127.0.0.1:${port}: ${error.message}`));
server.listening(http.port);
log(`corpus ${corpus}, outputs in ${out}`);
log(`open http://127.0.0.1:${http.port}/`);
const imported = await importFolder(corpus, store, SERVER_DEFAULTS.maxFileMb);
for (const line of imported.lines) log(line);
store.setImportProblems(imported.problems);
await server.runPipeline();
for (const d of store.documentStatuses()) if (d.problem) console.error(`workbench: ${d.file}: ${d.problem}`);
for (const line of [...store.problems, ...store.orphanLines()]) console.error(`workbench: ${line}`);
log(`ready: ${store.published.features.size} events from ${store.run.documents.length} documents`);

const stop = () => {
  http.close();
  void pipeline.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
