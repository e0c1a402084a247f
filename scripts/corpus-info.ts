// The corpus's title and subtitle for corpus.json: the top level of the input folder's manifest.json. A file of
// articles (.jsonl, .csv) has no manifest, so no title: the app then says what the data is.
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NO_CORPUS_INFO, readCorpusInfo, type CorpusInfo } from '../src/model/corpus.ts';

/** The title and subtitle the input's manifest gives, and a one-line message for each it gives wrongly. */
export function corpusInfoOfInput(input: string, followSymlinks = false): { info: CorpusInfo; problems: string[] } {
  const manifest = join(input, 'manifest.json');
  if (!existsSync(input) || !statSync(input).isDirectory() || !existsSync(manifest)) return { info: NO_CORPUS_INFO, problems: [] };
  // Reading the documents refused a linked manifest already, with its message.
  if (!followSymlinks && lstatSync(manifest).isSymbolicLink()) return { info: NO_CORPUS_INFO, problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(manifest, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    // Not JSON: reading the documents stopped the run with the line and column already.
    return { info: NO_CORPUS_INFO, problems: [] };
  }
  return readCorpusInfo(json, manifest);
}

export const corpusJson = (info: CorpusInfo) => `${JSON.stringify(info, null, 2)}\n`;
