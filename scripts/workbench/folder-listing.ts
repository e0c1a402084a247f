// What the workbench does with each entry of a corpus folder beside its .txt documents: pages, PDFs, Word and
// Markdown files without a .txt of their stem are converted, and .jsonl/.csv files of articles imported, at start
// (folder-import.ts); anything else is named, never skipped in silence.
import { join } from 'node:path';
import { CORRECTIONS_NAME } from '../corpus.ts';
import { otherEntries } from '../corpus-files.ts';

const READS = '.txt, .md, .html (a saved page), .pdf and .docx documents, and articles in .jsonl, .ndjson or .csv files';

export interface Listing {
  /** Documents to convert: no .txt of their stem yet. */
  toConvert: string[];
  articleFiles: string[];
  /** One line for each entry neither read nor converted. */
  unread: string[];
}

export function listFolder(dir: string): Listing {
  const other = otherEntries(dir, ['manifest.json', CORRECTIONS_NAME]);
  return {
    toConvert: other.convertible,
    articleFiles: other.articleFiles,
    unread: [
      ...other.folders.map((name) => `${join(dir, name)}: is a folder; documents in folders inside the corpus are not read (move them up into ${dir})`),
      ...other.unknown.map((name) => `${join(dir, name)}: is not a format the workbench reads; not read (it reads ${READS})`),
    ],
  };
}
