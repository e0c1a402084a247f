// Documents the workbench tests add, made in the test: a plain text, a saved news page, a PDF and a Word file.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Document, Packer, Paragraph } from 'docx';

export const DRONES_TXT = 'Drones over Wyryki\n\nRussian drones violated Polish airspace on 10 September 2025. Polish and Dutch jets shot down '
  + 'several of them over the village of Wyryki.\n\nThe government in Warsaw called it an unprecedented provocation.\n';

/** A page as a browser saves it: navigation, a cookie banner and a footer around the article. */
export const MINISTERS_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Ministers meet in Brussels | Example News</title>
<meta property="article:published_time" content="2025-02-13T09:30:00Z"><meta property="og:site_name" content="Example News"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport in Madrid and Lisbon</a></nav>
<div class="cookie-banner">We use cookies in Oslo and Vienna. Accept all?</div>
<article><h1>Ministers meet in Brussels</h1>
<p>NATO defence ministers met in Brussels on 12 February 2025 to discuss support for Ukraine, the alliance said in a statement after the talks.</p>
<p>The alliance deployed additional air defence systems to Rzeszow in March 2025, officials said, as part of its effort to protect the supply routes.</p>
<p>Further meetings are planned for the summer, according to diplomats who spoke on condition of anonymity about the confidential discussions.</p>
<p>Several delegations asked for a clearer timetable for deliveries of ammunition, and the secretary general promised a report on stocks and production capacity before the next gathering of the ministers.</p>
</article><footer>Copyright Example News. Offices in Berlin, Rome and Athens.</footer></body></html>`;

export const CRASH_LINES = [
  'Cargo crashes under investigation',
  'A DHL cargo plane crashed near Vilnius on 25 November 2024, killing one',
  'crew member.',
  'A military drone crashed in Alexandria on 3 March 2025.',
];

/** A one-page PDF with a text layer; its lines wrap as print does. */
export async function crashPdf(lines = CRASH_LINES, title = 'Cargo crashes under investigation'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  const page = pdf.addPage();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const [i, line] of lines.entries()) page.drawText(line, { x: 50, y: 720 - 18 * i, size: 12, font });
  return pdf.save();
}

/** A PDF without any text (a scan, as far as a reader can tell). */
export async function blankPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  return pdf.save();
}

export async function briefingDocx(): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph('Briefing on the Baltic'), new Paragraph('Allied ships patrolled near Tallinn on 4 April 2025.')] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export const NOTES_MD = '# Notes from Riga\n\nLatvian officials **met** in Riga on 5 May 2025 to review the border.\n\n- first point\n- second point\n';
