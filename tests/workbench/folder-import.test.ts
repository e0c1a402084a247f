// `npm start -- DIR` on a folder as analysts keep one: saved pages, PDFs, Word files and a wire export beside (or
// instead of) .txt files. Each is read as if dropped on the page, the originals stay where they are, a second start
// adds nothing twice, and whatever the workbench cannot read is named, never skipped in silence.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startWorkbench, type RunningWorkbench } from './run-server.ts';
import { briefingDocx, crashPdf, MINISTERS_HTML } from './fixtures.ts';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const running: RunningWorkbench[] = [];
afterAll(async () => { await Promise.all(running.map((w) => w.stop())); });

const WIRE = [
  { text: 'Firefighters evacuated 300 residents of Tartu on 2 June 2025 as a blaze spread through the old town.', title: 'Tartu blaze', published: '2025-06-03', url: 'https://example.org/tartu' },
  { text: 'NATO defence ministers met in Riga on 5 June 2025 to discuss air defence.', title: 'Ministers in Riga', published: '2025-06-05' },
];

interface State {
  documents: { file: string; title: string; events: number; original: string | null }[];
  problems: string[];
}

async function open(corpus: string): Promise<{ workbench: RunningWorkbench; state: State }> {
  const app = temp('workbench-app-');
  writeFileSync(join(app, 'index.html'), '<!doctype html><html><head><title>app</title></head><body></body></html>');
  const workbench = await startWorkbench(corpus, app);
  running.push(workbench);
  const state = await (await fetch(new URL('api/state', workbench.url))).json() as State;
  return { workbench, state };
}

describe('npm start -- DIR on a folder of pages, PDFs, Word files and a wire export', { timeout: 180_000 }, () => {
  it('reads each as a document, keeps the originals, names what it cannot read, and adds nothing twice on the next start', async () => {
    const corpus = temp('workbench-folder-');
    writeFileSync(join(corpus, 'ministers.html'), MINISTERS_HTML);
    writeFileSync(join(corpus, 'crash.pdf'), await crashPdf());
    writeFileSync(join(corpus, 'briefing.docx'), await briefingDocx());
    writeFileSync(join(corpus, 'wire.jsonl'), `${WIRE.map((a) => JSON.stringify(a)).join('\n')}\n{"title": "no text here"}\n`);
    writeFileSync(join(corpus, 'photo.png'), '\x89PNG');
    mkdirSync(join(corpus, 'older'));

    const first = await open(corpus);
    const files = first.state.documents.map((d) => d.file).sort();
    // The converted files keep their names; the wire's articles are documents of their own, under their titles
    expect(files).toEqual(expect.arrayContaining(['briefing.txt', 'crash.txt', 'ministers.txt']));
    expect(files.filter((f) => /^(tartu-blaze|ministers-in-riga)-[0-9a-f]{8}\.txt$/.test(f))).toHaveLength(2);
    expect(files).toHaveLength(5);
    const byFile = new Map(first.state.documents.map((d) => [d.file, d]));
    expect(byFile.get('ministers.txt')).toMatchObject({ title: 'Ministers meet in Brussels', original: 'ministers.html' });
    expect(byFile.get('crash.txt')!.original).toBe('crash.pdf');
    expect(byFile.get('crash.txt')!.events).toBeGreaterThan(0);
    const tartu = first.state.documents.find((d) => d.title === 'Tartu blaze')!;
    expect(tartu.events).toBeGreaterThan(0);
    // The originals are where the analyst left them, unchanged
    expect(readFileSync(join(corpus, 'ministers.html'), 'utf8')).toBe(MINISTERS_HTML);
    expect(readdirSync(corpus)).toEqual(expect.arrayContaining(['crash.pdf', 'briefing.docx', 'wire.jsonl', 'photo.png']));

    expect(first.state.problems).toEqual(expect.arrayContaining([
      `${join(corpus, 'wire.jsonl')}: line 3: has no "text"; the article is not read`,
      `${join(corpus, 'photo.png')}: is not a format the workbench reads; not read (it reads .txt, .md, .html (a saved page), .pdf and .docx documents, and articles in .jsonl, .ndjson or .csv files)`,
      `${join(corpus, 'older')}: is a folder; documents in folders inside the corpus are not read (move them up into ${corpus})`,
    ]));
    expect(first.workbench.output()).toContain('workbench: read wire.jsonl: 2 new articles added as documents');
    expect(first.workbench.output()).toContain('workbench: converted crash.pdf to crash.txt (its original stays beside it)');
    await first.workbench.stop();

    // A second start: the wire's articles are already documents, the converted files already have their text
    const second = await open(corpus);
    expect(second.state.documents.map((d) => d.file).sort()).toEqual(files);
    expect(second.workbench.output()).toContain('workbench: read wire.jsonl: 0 new articles added as documents (2 already in the corpus)');
    expect(second.workbench.output()).not.toContain('converted');
  });

  it('takes a .csv of articles dropped on the page as one document an article, naming the rows it cannot read', async () => {
    const { workbench } = await open(temp('workbench-drop-'));
    const csv = `text,title,published\n"${WIRE[0].text}",Tartu blaze,2025-06-03\n"",Empty,2025-06-04\n"${WIRE[1].text}",Ministers in Riga,2025-06-05\n`;
    const form = new FormData();
    form.append('file', new Blob([csv]), 'export.csv');
    const response = await fetch(new URL('api/documents', workbench.url), { method: 'POST', body: form });
    expect(response.status).toBe(200);
    const body = await response.json() as { added: { title: string }[]; failed: { name: string; message: string }[] };
    expect(body.added.map((a) => a.title)).toEqual(['Tartu blaze', 'Ministers in Riga']);
    expect(body.failed).toEqual([{ name: 'export.csv', message: 'export.csv: row 3 (line 3): has no "text"; the article is not read' }]);
  });
});
