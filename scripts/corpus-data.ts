// A corpus folder's event data for the commands that publish it (build, export:html, snapshot): the corpus is run
// through `npm run geocode` (its corrections.json applied, as in the workbench) into a folder of their choice.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Writes events.geojson (with events.bin and events.parts/), documents.json beside it into `outDir`. Returns null
 * when written (a document that could not be read is named on stderr by geocode, as always), else why not.
 */
export function geocodeCorpusTo(corpus: string, outDir: string): string | null {
  if (!existsSync(corpus) || !statSync(corpus).isDirectory()) return `${corpus}: corpus folder does not exist`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/geocode.ts'), '--input', corpus, '--output', join(outDir, 'events.geojson')],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status === 0 || run.status === 1) return null;
  return `${corpus}: geocode stopped (exit ${run.status ?? run.signal}); see its message above`;
}
