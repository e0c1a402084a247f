// Builds the app into a temp dir (never the repo) and lays out the datasets the browser tests open:
//   data/      the hand-made fixture (tests/fixtures), the app's default path
//   corrupt/   an events file that is not JSON
//   invalid/   an events file that breaks the contract
//   empty/     a valid, empty collection
//   single/    one year-precision event whose documents.json is missing, its title written as hostile HTML
//   ohio/      five of the fixture's meetings and incidents moved to towns in Ohio: a corpus far from the default view
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures');

/** Must show as these characters, never become an element (or run). */
export const HOSTILE_TITLE = 'Violation <img src="not-loaded.png" onerror="window.__pwned=1"> <b>near</b> Vaindloo';

export async function buildApp(): Promise<string> {
  if (!existsSync(join(ROOT, 'public/geo/countries.geojson'))) {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-basemap.ts'], { cwd: ROOT, stdio: 'inherit' });
  }
  const outDir = mkdtempSync(join(tmpdir(), 'flankline-app-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const put = (dir: string, files: Record<string, string>) => {
    mkdirSync(join(outDir, dir), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, dir, name), text);
  };
  // Vite copies public/, and with it public/data (the seeds' events.bin and parts once `npm run geocode` has run):
  // the app would read that bin beside the fixture's GeoJSON, so the fixture's folder starts empty.
  rmSync(join(outDir, 'data'), { recursive: true, force: true });
  mkdirSync(join(outDir, 'data'), { recursive: true });
  cpSync(join(FIXTURES, 'fixture-events.geojson'), join(outDir, 'data/events.geojson'));
  cpSync(join(FIXTURES, 'fixture-documents.json'), join(outDir, 'data/documents.json'));
  put('corrupt', { 'events.geojson': '{"type": "FeatureCollection", "features": [ {"type": "Feat', 'documents.json': '[]' });
  put('invalid', {
    'events.geojson': JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'x', geometry: { type: 'Point', coordinates: [24, 54] }, properties: { title: 'No date' } }] }),
    'documents.json': '[]',
  });
  const fixture = JSON.parse(readFileSync(join(FIXTURES, 'fixture-events.geojson'), 'utf8'));
  const single = fixture.features.filter((f: { id: string }) => f.id === 'incursion-vaindloo-2019');
  single[0].properties.title = HOSTILE_TITLE;
  put('single', { 'events.geojson': JSON.stringify({ type: 'FeatureCollection', features: single }) });
  const OHIO: [string, number, number][] = [['Columbus', -83.0, 39.96], ['Dayton', -84.19, 39.76], ['Cleveland', -81.69, 41.5], ['Cincinnati', -84.51, 39.1], ['Toledo', -83.55, 41.65]];
  const ohio = fixture.features.filter((f: { properties: { persists?: boolean } }) => !f.properties.persists).slice(0, OHIO.length)
    .map((f: { geometry: { coordinates: number[] }; properties: { place: Record<string, unknown> } }, i: number) => ({
      ...f,
      geometry: { type: 'Point', coordinates: [OHIO[i][1], OHIO[i][2]] },
      properties: { ...f.properties, place: { name: OHIO[i][0], kind: 'city', country: 'US', gazetteer: 'geonames' } },
    }));
  put('ohio', { 'events.geojson': JSON.stringify({ type: 'FeatureCollection', features: ohio }), 'documents.json': readFileSync(join(FIXTURES, 'fixture-documents.json'), 'utf8') });
  put('empty', { 'events.geojson': JSON.stringify({ type: 'FeatureCollection', features: [] }), 'documents.json': '[]' });
  return outDir;
}
