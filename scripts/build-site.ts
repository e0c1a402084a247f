// `npm run build [-- DIR] [--out dist]`: the static site of a corpus (the bundled seeds without DIR): the app, with
// the corpus's events and documents in data/ (its corrections applied; rejected events stay for the record and are
// hidden by the app), then what the first load weighs. The site works from any folder of any static web server.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { geocodeCorpusTo } from './corpus-data.ts';
import { describeSizes, firstLoadSizes } from './build-size.ts';

const ROOT = resolve(import.meta.dirname, '..');
const USAGE = 'usage: npm run build -- [DIR] [--out dist]';

function fail(message: string): never {
  console.error(`build: ${message}\n${USAGE}`);
  process.exit(2);
}

const parsed = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
const { values, positionals } = parsed;
if (positionals.length > 1) fail(`one corpus folder at a time (got ${positionals.join(', ')})`);
const corpus = resolve(positionals[0] ?? join(ROOT, 'seeds'));
const out = resolve(values.out ?? join(ROOT, 'dist'));

await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
// public/data (a developer's `npm run geocode` output) is copied by Vite with public/; the corpus's data replaces it.
rmSync(join(out, 'data'), { recursive: true, force: true });
const problem = geocodeCorpusTo(corpus, join(out, 'data'));
if (problem) fail(problem);
console.log(`build: ${out} holds the site of ${corpus}`);
console.log(describeSizes(firstLoadSizes(out)));
