// The built app the workbench serves: built once into node_modules/.cache/ and again only when its sources change,
// so `npm start -- DIR` opens in seconds after the first time.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { writeFileAtomic } from './atomic.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCES = ['src', 'index.html', 'embed.html', 'vite.config.ts', 'public', 'package-lock.json'];

/** The newest modification time and the count of the app's source files: changes when any of them does. */
function sourcesStamp(root: string): string {
  let newest = 0;
  let files = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const s = statSync(path);
    if (s.isDirectory()) {
      // public/data is a CLI's output, not part of the app
      if (path === join(root, 'public/data')) return;
      for (const name of readdirSync(path)) visit(join(path, name));
    } else {
      newest = Math.max(newest, s.mtimeMs);
      files++;
    }
  };
  for (const name of SOURCES) visit(join(root, name));
  return `${newest}:${files}`;
}

/** The folder of a built app that matches the sources, building it first when there is none. */
export async function ensureAppBuild(log: (line: string) => void, root = ROOT): Promise<string> {
  const dir = join(root, 'node_modules/.cache/flankline-workbench/app');
  const stampPath = join(dir, '.sources-stamp');
  const stamp = sourcesStamp(root);
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return dir;
  log('building the app (once, and again when its sources change)…');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  writeFileAtomic(stampPath, stamp);
  return dir;
}
