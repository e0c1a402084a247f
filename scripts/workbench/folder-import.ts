// What a corpus folder holds beside its .txt documents, made readable before the workbench runs the pipeline, as if
// each file had been dropped on the page: a saved page, PDF, Word or Markdown file becomes the .txt of the same stem
// (the original stays where it is, beside it, as a dropped file's does), and each article of a JSON Lines or CSV file
// a document of its own (folder-listing.ts sorts the folder's files).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openSource, SourceError } from '../run/inputs.ts';
import { formatOf, stemOf } from '../corpus-files.ts';
import { ConvertError, convertUpload } from './convert.ts';
import { listFolder } from './folder-listing.ts';
import { ALREADY_HELD, StoreError, type createCorpusStore, type StoredText } from './corpus-store.ts';

type Store = Pick<ReturnType<typeof createCorpusStore>, 'addDocuments' | 'maxDocumentBytes'>;

/** The store's addDocuments, with a manifest it cannot add to (not JSON) named instead of thrown. */
function addNamed(into: Store, items: StoredText[], problems: string[]): ReturnType<Store['addDocuments']> {
  try {
    return into.addDocuments(items);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    problems.push(`${items.length} document${items.length === 1 ? '' : 's'} not added (${items[0].name}${items.length > 1 ? ', …' : ''}): ${error.message}`);
    return { added: [], failed: [] };
  }
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export interface FolderImport {
  /** What was done, one line each, for the log. */
  lines: string[];
  /** Files and articles that could not be read, named. */
  problems: string[];
}

/** Converts and imports what `listFolder` finds, through the store, so the next read of the folder has it as text. */
export async function importFolder(dir: string, into: Store, maxFileMb: number): Promise<FolderImport> {
  const { toConvert, articleFiles } = listFolder(dir);
  const result: FolderImport = { lines: [], problems: [] };
  const converted: StoredText[] = [];
  for (const name of toConvert) {
    const path = join(dir, name);
    const size = statSync(path).size;
    if (size > maxFileMb * 1_048_576) {
      result.problems.push(`${path}: is ${megabytes(size)}, over the ${maxFileMb} MB limit for one file; not read`);
      continue;
    }
    try {
      const text = await convertUpload(name, formatOf(name)!, new Uint8Array(readFileSync(path)));
      if (Buffer.byteLength(text.text, 'utf8') > into.maxDocumentBytes) {
        result.problems.push(`${path}: its text is ${megabytes(Buffer.byteLength(text.text, 'utf8'))}, over the ${megabytes(into.maxDocumentBytes)} limit for one document; not read (split it)`);
        continue;
      }
      converted.push({ name, converted: text, original: null, published: null, credit: null, file: `${stemOf(name)}.txt` });
    } catch (error) {
      if (!(error instanceof ConvertError)) throw error;
      result.problems.push(`${path}: ${error.message}; not read`);
    }
  }
  if (converted.length > 0) {
    const stored = addNamed(into, converted, result.problems);
    for (const a of stored.added) result.lines.push(`converted ${a.name} to ${a.file} (its original stays beside it)`);
    result.problems.push(...stored.failed.map((f) => `${join(dir, f.name)}: ${f.message.slice(f.name.length + 2)}`));
  }
  for (const name of articleFiles) result.lines.push(...(await importArticles(join(dir, name), name, into, result.problems)));
  return result;
}

/** The articles of a .jsonl or .csv file as texts to store (its text, with the title, date and credit it gives). */
export async function articlesOf(path: string, name: string, maxDocumentBytes: number, problems: string[]): Promise<StoredText[]> {
  const items: StoredText[] = [];
  try {
    const source = openSource(path, { maxDocumentMb: maxDocumentBytes / 1_048_576 });
    for await (const item of source.items()) {
      if ('problem' in item) {
        problems.push(item.problem);
        continue;
      }
      const { input } = item;
      const meta = input.meta;
      items.push({
        name: `${name} (${input.file})`,
        converted: { text: new TextDecoder().decode(input.bytes), title: meta?.title || null, published: meta?.published ?? null, credit: meta?.credit ?? null },
        original: null, published: null, credit: null,
      });
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    problems.push(error.message);
  }
  return items;
}

/** Each article the corpus does not already hold (the same text, from an earlier start) becomes a document. */
async function importArticles(path: string, name: string, into: Store, problems: string[]): Promise<string[]> {
  const stored = addNamed(into, await articlesOf(path, name, into.maxDocumentBytes, problems), problems);
  const held = stored.failed.filter((f) => f.message.endsWith(ALREADY_HELD)).length;
  if (stored.added.length === 0 && held === 0) return [];
  return [`read ${name}: ${stored.added.length} new article${stored.added.length === 1 ? '' : 's'} added as documents${held > 0 ? ` (${held} already in the corpus)` : ''}`];
}
