import { describe, expect, it } from 'vitest';
import { convertUpload, ConvertError, reflowPdfText } from '../../scripts/workbench/convert.ts';
import { formatOf } from '../../scripts/corpus-files.ts';
import { blankPdf, briefingDocx, crashPdf, DRONES_TXT, MINISTERS_HTML, NOTES_MD } from './fixtures.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('convertUpload', () => {
  it('convertUpload() keeps a UTF-8 text file exactly as it is', async () => {
    const out = await convertUpload('drones.txt', 'text', bytes(DRONES_TXT));
    expect(out.text).toBe(DRONES_TXT);
    expect([out.title, out.published]).toEqual([null, null]);
  });

  it('convertUpload() takes a saved page\'s article through Readability: no menu, cookie banner or footer, its date and site kept', async () => {
    const out = await convertUpload('page.html', 'html', bytes(MINISTERS_HTML));
    expect(out.text.split('\n\n')[0]).toBe('Ministers meet in Brussels');
    expect(out.text).toContain('NATO defence ministers met in Brussels on 12 February 2025');
    expect(out.text).toContain('\n\nThe alliance deployed additional air defence systems to Rzeszow in March 2025');
    for (const noise of ['Sport in Madrid', 'cookies', 'Copyright', 'Athens']) expect(out.text).not.toContain(noise);
    expect([out.published, out.credit]).toEqual(['2025-02-13', 'Example News']);
  });

  it('convertUpload() reads a PDF\'s text layer and joins the lines print broke inside a sentence', async () => {
    const out = await convertUpload('crash.pdf', 'pdf', await crashPdf());
    expect(out.title).toBe('Cargo crashes under investigation');
    expect(out.text.startsWith('Cargo crashes under investigation\n\nA DHL cargo plane crashed near Vilnius on 25 November 2024, killing one crew member.')).toBe(true);
    expect(out.text).toContain('\n\nA military drone crashed in Alexandria on 3 March 2025.');
  });

  it('convertUpload() reads a Word document\'s paragraphs and Markdown\'s text without its marks', async () => {
    const docx = await convertUpload('briefing.docx', 'docx', await briefingDocx());
    expect(docx.text).toBe('Briefing on the Baltic\n\nAllied ships patrolled near Tallinn on 4 April 2025.\n');
    const md = await convertUpload('notes.md', 'markdown', bytes(NOTES_MD));
    expect(md.text).toBe('Notes from Riga\n\nLatvian officials met in Riga on 5 May 2025 to review the border.\n\nfirst point\n\nsecond point\n');
  });

  it('convertUpload() says in words why a file cannot be read', async () => {
    const why = (p: Promise<unknown>) => p.then(() => 'read', (e: unknown) => (e instanceof ConvertError ? e.message : `crash: ${String(e)}`));
    expect(await why(convertUpload('scan.pdf', 'pdf', await blankPdf()))).toMatch(/^has no text layer \(a scanned image\?\)/);
    expect(await why(convertUpload('fake.pdf', 'pdf', bytes('not a pdf at all')))).toMatch(/^is not a PDF that can be read/);
    expect(await why(convertUpload('fake.docx', 'docx', bytes('not a zip')))).toMatch(/^is not a Word \.docx file that can be opened/);
    expect(await why(convertUpload('image.txt', 'text', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])))).toBe('looks binary, not a text document');
    expect(await why(convertUpload('latin1.txt', 'text', new Uint8Array([0x4b, 0xf6, 0x6c, 0x6e])))).toMatch(/^is not valid UTF-8/);
    expect(await why(convertUpload('empty.html', 'html', bytes('<html><body><script>start()</script></body></html>')))).toMatch(/^has no article text/);
  });

  it('formatOf() goes by the extension, whatever its case, and knows nothing else', () => {
    expect(['a.TXT', 'b.Md', 'c.htm', 'd.PDF', 'e.docx', 'f.doc', 'g', 'h.exe'].map(formatOf)).toEqual(['text', 'markdown', 'html', 'pdf', 'docx', null, null, null]);
  });

  it('reflowPdfText() ends a paragraph at a blank line or a sentence end, and mends a hyphen broken across lines', () => {
    expect(reflowPdfText('Troops moved to the bor-\nder near Narva.\nA second line long enough to\nrun on into this one here\n\nNew para'))
      .toEqual(['Troops moved to the border near Narva.', 'A second line long enough to run on into this one here', 'New para']);
    // a short line without a full stop (a headline) is a paragraph of its own
    expect(reflowPdfText('Drones over Poland\nRussian drones violated Polish airspace on 10\nSeptember 2025.')).toEqual(['Drones over Poland', 'Russian drones violated Polish airspace on 10 September 2025.']);
  });
});
