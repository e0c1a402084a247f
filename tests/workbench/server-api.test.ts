// The workbench server as a page talks to it, through its HTTP API: documents added in every format, corrections
// written under a revision, bad requests of every kind answered with a 4xx and a sentence while it keeps running, and
// the CLI applying the same corrections to the same events. The server runs as `npm start -- DIR` runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbench, type RunningWorkbench } from './run-server.ts';
import { blankPdf, briefingDocx, crashPdf, DRONES_TXT, MINISTERS_HTML, NOTES_MD } from './fixtures.ts';

let corpus: string;
let server: RunningWorkbench;
const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

beforeAll(async () => {
  corpus = temp('workbench-corpus-');
  const app = temp('workbench-app-');
  writeFileSync(join(app, 'index.html'), '<!doctype html><html><head><title>app</title></head><body></body></html>');
  server = await startWorkbench(corpus, app);
}, 120_000);
afterAll(async () => { await server?.stop(); });

const api = (path: string, init?: RequestInit) => fetch(new URL(path, server.url), init);
const post = (path: string, body: unknown) => api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const state = async () => (await api('api/state')).json() as Promise<{ revision: number; running: boolean; documents: { file: string; events: number; problem: string | null; original: string | null }[]; orphans: { id: string; reason: string }[] }>;
const events = () => JSON.parse(readFileSync(join(corpus, '.flankline/events.geojson'), 'utf8')).features as { id: string; properties: { title: string; start: string; place: { name: string; country: string }; review?: { state: string } } }[];
async function settled(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (!(await state()).running) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('the pipeline run did not finish');
}
function upload(files: { name: string; bytes: Uint8Array | string }[], extra: Record<string, string> = {}) {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([typeof f.bytes === 'string' ? f.bytes : Buffer.from(f.bytes)]), f.name);
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  return api('api/documents', { method: 'POST', body: form });
}
const eventId = (place: string) => events().find((f) => f.properties.place.name === place)!.id;

describe('the workbench server', { timeout: 120_000 }, () => {
  it('stores each added document as plain text with its original beside it, under a name the upload does not choose, and reads it', async () => {
    const response = await upload([
      { name: '../../outside.txt', bytes: DRONES_TXT },
      { name: 'ministers.html', bytes: MINISTERS_HTML },
      { name: 'crash.pdf', bytes: await crashPdf() },
      { name: 'briefing.docx', bytes: await briefingDocx() },
      { name: 'notes.md', bytes: NOTES_MD },
      { name: 'scan.pdf', bytes: await blankPdf() },
      { name: 'tool.exe', bytes: 'MZ' },
    ]);
    expect(response.status).toBe(200);
    const body = await response.json() as { added: { name: string; file: string }[]; failed: { name: string; message: string }[] };
    expect(body.added.map((a) => a.name)).toEqual(['outside.txt', 'ministers.html', 'crash.pdf', 'briefing.docx', 'notes.md']);
    expect(body.failed.map((f) => f.message)).toEqual([
      'scan.pdf: has no text layer (a scanned image?): run it through OCR first, then add the text',
      'tool.exe: is not a format the workbench reads; add .txt, .md, .html (a saved page), .pdf or .docx files, or articles in .jsonl or .csv',
    ]);
    for (const a of body.added) expect(a.file).toMatch(/^[a-z0-9-]+-[0-9a-f]{8}\.txt$/);
    expect(existsSync(join(corpus, '..', 'outside.txt'))).toBe(false);
    const names = readdirSync(corpus);
    const stem = (name: string) => body.added.find((a) => a.name === name)!.file.replace(/\.txt$/, '');
    expect(names).toEqual(expect.arrayContaining([`${stem('ministers.html')}.html`, `${stem('crash.pdf')}.pdf`, `${stem('briefing.docx')}.docx`, `${stem('notes.md')}.md`]));
    expect(readFileSync(join(corpus, `${stem('outside.txt')}.txt`), 'utf8')).toBe(DRONES_TXT);
    const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));
    expect(manifest.documents.find((d: { file: string }) => d.file === `${stem('ministers.html')}.txt`)).toMatchObject({ title: 'Ministers meet in Brussels', published: '2025-02-13', credit: 'Example News' });

    await settled();
    const before = server.output().length;
    const pasted = await post('api/documents/text', { title: 'Exercise near Narva', published: '2025-06-01', text: 'Estonian troops held an exercise near Narva on 30 May 2025.' });
    expect(pasted.status).toBe(200);
    await settled();
    // adding a document runs that document only: the others' results are the last run's
    expect(server.output().slice(before)).toMatch(/documents +1 document read, 5 unchanged since the last run/);
    const places = events().map((f) => f.properties.place.name);
    expect(places).toEqual(expect.arrayContaining(['Poland', 'Brussels', 'Vilnius', 'Alexandria', 'Narva']));
    const s = await state();
    expect(s.documents).toHaveLength(6);
    expect(s.documents.find((d) => d.file === `${stem('crash.pdf')}.txt`)).toMatchObject({ original: `${stem('crash.pdf')}.pdf`, problem: null });

    const again = await upload([{ name: 'copy.txt', bytes: DRONES_TXT }]);
    expect(again.status).toBe(422);
    expect((await again.json()).error).toBe('No document was added: copy.txt: the corpus already holds this text; not added twice.');
  });

  it('answers two clients writing at once with one write and one 409 that says to reload, and loses no correction', async () => {
    const { revision } = await state();
    const [a, b] = await Promise.all([
      post('api/corrections', { revision, by: 'Ana', action: 'accept', event: eventId('Brussels') }),
      post('api/corrections', { revision, by: 'Ben', action: 'reject', event: eventId('Narva'), reason: 'an exercise' }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const refused = await (a.status === 409 ? a : b).json();
    expect(refused.error).toMatch(/^This corpus was changed elsewhere \(it is at revision \d+, this page had \d+\): reload to see that change, then make yours again\. Nothing was written\.$/);
    const file = JSON.parse(readFileSync(join(corpus, 'corrections.json'), 'utf8'));
    expect([file.revision, file.corrections.length]).toEqual([revision + 1, 1]);
    // The refused client reloads and writes again: both corrections are kept.
    const loser = a.status === 409 ? { by: 'Ana', action: 'accept', event: eventId('Brussels') } : { by: 'Ben', action: 'reject', event: eventId('Narva'), reason: 'an exercise' };
    const retry = await post('api/corrections', { ...loser, revision: revision + 1 });
    expect(retry.status).toBe(200);
    const after = JSON.parse(readFileSync(join(corpus, 'corrections.json'), 'utf8'));
    expect(after.corrections.map((c: { by: string }) => c.by).sort()).toEqual(['Ana', 'Ben']);
    expect(events().find((f) => f.properties.place.name === 'Narva')!.properties.review!.state).toBe('rejected');
  });

  it('answers every bad request with a 4xx and a sentence, and keeps running', async () => {
    const { revision } = await state();
    const sentence = async (r: Response | Promise<Response>, status: number) => {
      const res = await r;
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(body.error).toMatch(/^[A-Z].*[.)]$/);
      return body.error as string;
    };
    expect(await sentence(post('api/corrections', { revision, by: 'Ana', action: 'accept', event: 'no-such-event' }), 404)).toMatch(/^There is no event "no-such-event"/);
    expect(await sentence(api('api/corrections', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"revision": 1,' }), 400)).toBe('The request body is not valid JSON.');
    expect(await sentence(post('api/corrections', { revision, by: 'Ana', action: 'teleport', event: eventId('Brussels') }), 400)).toMatch(/^The request is not valid: action: /);
    expect(await sentence(post('api/corrections', { revision, by: '', action: 'accept', event: eventId('Brussels') }), 400)).toMatch(/say who you are/);
    expect(await sentence(post('api/corrections', { revision, by: 'Ana', action: 'redate', event: eventId('Brussels'), date: { start: '2025-02-30', end: '2025-02-30', precision: 'day' } }), 400)).toMatch(/real date/);
    expect(await sentence(post('api/guess', { doc: '../../etc/passwd', start: 0, end: 10 }), 404)).toBe('There is no document "../../etc/passwd" in this corpus.');
    expect(await sentence(post('api/corrections', { revision, by: 'Ana', action: 'add', doc: '../manifest.json', start: 0, end: 5, title: 'x', category: 'other',
      date: { start: '2025-01-01', end: '2025-01-01', precision: 'day' }, place: { name: 'Riga', kind: 'city', country: 'LV', lat: 56.9, lon: 24.1, gazetteer: 'analyst' } }), 404)).toMatch(/^There is no document/);
    expect(await sentence(api('api/corrections/c999?revision=x', { method: 'DELETE' }), 400)).toMatch(/revision/);
    expect(await sentence(api('api/places?q='), 400)).toMatch(/Search for a place/);
    expect(await sentence(api('data/..%2f..%2fcorrections.json'), 404)).toMatch(/^There is no data\/.* in this corpus's outputs/);
    expect(await sentence(api('api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 400)).toMatch(/multipart\/form-data/);
    expect(await sentence(upload([]), 400)).toMatch(/holds no file/);
    expect(await sentence(upload([{ name: 'x.txt', bytes: 'hello' }], { published: 'yesterday' }), 400)).toMatch(/not a date written YYYY-MM-DD/);
    expect(await sentence(post('api/documents/text', { title: '', text: 'x' }), 400)).toMatch(/give the text a title/);
    // No other site may frame the workbench: every answer says so.
    for (const res of [await api('api/state'), await api('')]) {
      expect([res.headers.get('content-security-policy'), res.headers.get('x-frame-options')]).toEqual(["frame-ancestors 'self'", 'SAMEORIGIN']);
    }
    // A foreign Host (DNS rebinding) and a write from another origin are refused.
    expect(await sentence(new Promise<Response>((done) => {
      const req = request(new URL('api/state', server.url), { headers: { host: 'evil.example' } }, (res) => {
        let text = '';
        res.on('data', (c) => { text += c; });
        res.on('end', () => done(new Response(text, { status: res.statusCode })));
      });
      req.end();
    }), 403)).toMatch(/only requests to http:\/\/127\.0\.0\.1/);
    expect(await sentence(api('api/corrections', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: '{}' }), 403)).toMatch(/own page/);
    // A 500 MB upload is refused from its length alone, before any of it is read.
    const big = await new Promise<{ status: number; body: string }>((done, fail) => {
      const req = request(new URL('api/documents', server.url), { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(500 * 1_048_576) } }, (res) => {
        let text = '';
        res.on('data', (c) => { text += c; });
        res.on('end', () => done({ status: res.statusCode!, body: text }));
      });
      req.on('error', fail);
      req.write('--x\r\n');
    });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error).toMatch(/^The upload is over the 50 MB limit/);
    // ...and a file over the per-file limit inside an upload of allowed size is named.
    const tooBig = await upload([{ name: 'huge.pdf', bytes: new Uint8Array(21 * 1_048_576) }]);
    expect(tooBig.status).toBe(422);
    expect((await tooBig.json()).failed[0].message).toBe('huge.pdf: is 21.0 MB, over the 20 MB limit for one file');
    // Still running, nothing written by any of it.
    expect((await api('api/state')).status).toBe(200);
    expect(JSON.parse(readFileSync(join(corpus, 'corrections.json'), 'utf8')).revision).toBe(revision);
  });

  it('writes the same events as `npm run geocode` on the corpus, which applies corrections.json and names an orphan', async () => {
    const { revision } = await state();
    const alexandria = eventId('Alexandria');
    const offered = await (await api(`api/events/${alexandria}/alternatives`)).json() as { places: { id: string; country: string; population: number }[] };
    expect(offered.places.length).toBeGreaterThan(2);
    const inRomania = offered.places.find((p) => p.country === 'RO')!;
    const { population: _, ...place } = inRomania as Record<string, unknown>;
    const moved = await post('api/corrections', { revision, by: 'Ana', action: 'move', event: alexandria,
      place: { id: place.id, name: place.name, kind: place.kind, country: place.country, lat: place.lat, lon: place.lon, geonameId: place.geonameId, gazetteer: place.gazetteer } });
    expect(moved.status).toBe(200);
    const out = temp('workbench-cli-');
    const cli = (input: string) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/geocode.ts', '--input', input, '--output', join(out, 'events.geojson')], { encoding: 'utf8' });
    const run = cli(corpus);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/geocode: 3 corrections applied from /);
    expect(readFileSync(join(out, 'events.geojson'), 'utf8')).toBe(readFileSync(join(corpus, '.flankline/events.geojson'), 'utf8'));
    expect(readFileSync(join(out, 'documents.json'), 'utf8')).toBe(readFileSync(join(corpus, '.flankline/documents.json'), 'utf8'));
    const romania = events().find((f) => f.id === alexandria)!;
    expect([romania.properties.place.country, romania.properties.review!.state]).toEqual(['RO', 'corrected']);

    // The document behind the move is edited: the CLI names the orphan, and the event is as the pipeline finds it.
    const pdfText = readdirSync(corpus).find((n) => n.startsWith('cargo-crashes') && n.endsWith('.txt'))!;
    const copy = temp('workbench-edited-');
    for (const n of readdirSync(corpus)) if (!n.startsWith('.')) writeFileSync(join(copy, n), readFileSync(join(corpus, n)));
    writeFileSync(join(copy, pdfText), readFileSync(join(corpus, pdfText), 'utf8').replace('A military drone', 'An army drone'));
    const edited = cli(copy);
    expect(edited.stderr).toMatch(/^geocode: orphaned correction c\d+ \(move of "[^"]*Alexandria", by Ana, \d{4}-\d{2}-\d{2}\): cargo-crashes-under-investigation-[0-9a-f]{8}\.txt has changed since: its text is not the one this correction was made on; kept in corrections\.json, not applied$/m);
    const features = JSON.parse(readFileSync(join(out, 'events.geojson'), 'utf8')).features;
    expect(features.find((f: { properties: { title: string } }) => /Alexandria/.test(f.properties.title)).properties.place.country).toBe('EG');
  });
});
