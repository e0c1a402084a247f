// Builds the command-line tools that users run on large corpora (geocode, the queue worker and the pool's worker
// thread) into plain JavaScript under build/cli/, so a run does not compile some 150 TypeScript modules through tsx's
// loader at every start (and again in every worker thread): about 2 s of CPU a start, most of a warm re-run's time.
// esbuild (the compiler tsx and Vite already use) bundles our code and leaves npm packages as imports.
// Run by `npm run prepare:data` when a source is newer than the bundles; `--check` only says whether they are stale.
import { buildSync } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const CLI_DIR = 'build/cli';
/** Entry points and their bundles. build/cli/ is two folders deep, as scripts/run/ is: paths made from import.meta.url hold. */
export const CLI_ENTRIES: Record<string, string> = {
  geocode: 'scripts/geocode.ts',
  worker: 'scripts/worker.ts',
  'pool-worker': 'scripts/run/pool-worker.ts',
};
/** Folders whose TypeScript goes into the bundles. */
export const CLI_SOURCES = ['src', 'scripts'];

const tsFilesUnder = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));

/** Whether a bundle is missing or older than a source file (or package-lock.json: another esbuild or package). */
export function cliStale(): boolean {
  const outputs = Object.keys(CLI_ENTRIES).map((name) => join(CLI_DIR, `${name}.mjs`));
  if (outputs.some((o) => !existsSync(o))) return true;
  const built = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  return ['package-lock.json', ...CLI_SOURCES.flatMap(tsFilesUnder)].some((f) => statSync(f).mtimeMs > built);
}

export function buildCli(): void {
  buildSync({
    entryPoints: CLI_ENTRIES,
    outdir: CLI_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--check')) {
    console.log(cliStale() ? 'stale' : 'fresh');
  } else {
    buildCli();
    console.log(`build-cli: wrote ${Object.keys(CLI_ENTRIES).map((n) => join(CLI_DIR, `${n}.mjs`)).join(', ')}`);
  }
}
