// The workbench's corpus: its documents (plain text, the original beside each), manifest.json, corrections.json with
// its revision, and the outputs in the output folder. Every change is written atomically; the read-check-write of a
// file happens in one synchronous step, so two requests of this server never interleave inside it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { applyCorrections, type Orphan } from '../../src/pipeline/corrections.ts';
import { contentHash } from '../../src/pipeline/content-hash.ts';
import { slug, write } from '../../src/pipeline/write.ts';
import { binPathOf, partsDirOf, posturePathOf, textPathOf } from '../../src/model/parts.ts';
import { correctionsText, type Correction, type CorrectionsFile } from '../../src/model/correction.ts';
import type { EventFeature, SourceDocument } from '../../src/model/index.ts';
import type { PipelineInput } from '../../src/pipeline/index.ts';
import { CORRECTIONS_NAME, readCorpus, readCorrections, UsageError } from '../corpus.ts';
import { orphanLine } from '../corrections-report.ts';
import { replaceFolderAtomic, writeFileAtomic } from './atomic.ts';
import type { Converted } from './convert.ts';
import type { RunOutcome, RunResult } from './pipeline-protocol.ts';
import { corpusInfoOfInput, corpusJson } from '../corpus-info.ts';
import { listFolder } from './folder-listing.ts';

export const STORE_DEFAULTS = {
  /** Largest document the pipeline reads, in MB (scripts/geocode.ts has the same default and says why). */
  maxDocumentMb: 5,
  /** Longest stem of a stored file name, before its content hash. */
  maxStemChars: 60,
};

/** A text to store in the corpus, with what its file said of itself. */
export interface StoredText {
  /** The name it came under (an upload's, or "wire.jsonl, line 3"), for messages. */
  name: string;
  converted: Converted;
  /** The original file's bytes, stored beside the text under the same stem (a dropped PDF, page or Word file). */
  original: { ext: string; bytes: Uint8Array } | null;
  published: string | null;
  credit: string | null;
  /** The text's file name, when its original is already in the folder under that stem (it is then not copied). */
  file?: string;
}

export interface CorpusPaths {
  corpus: string;
  out: string;
}

/** A correction that cannot be written, with the HTTP status that says so. */
/** Why a text is not stored: the corpus holds the same text (folder-import.ts counts these). */
export const ALREADY_HELD = 'the corpus already holds this text; not added twice';

export class StoreError extends Error {
  constructor(public status: 400 | 404 | 409 | 413 | 422 | 500, message: string) {
    super(message);
  }
}

export interface DocumentStatus {
  file: string;
  title: string;
  published: string | null;
  /** The original beside the text (a .pdf, .html, .docx or .md), when the document was converted. */
  original: string | null;
  events: number;
  /** Why it was not read, or why nothing of it is on the timeline; null when all is well. */
  problem: string | null;
}

export interface Published {
  revision: number;
  features: Map<string, EventFeature>;
  orphans: Orphan[];
}

const EMPTY_RUN: RunResult = { documents: [], outcomes: [], events: [], mentions: [] };

export function createCorpusStore(paths: CorpusPaths, opts = STORE_DEFAULTS) {
  const correctionsPath = join(paths.corpus, CORRECTIONS_NAME);
  const manifestPath = join(paths.corpus, 'manifest.json');
  let run: RunResult = EMPTY_RUN;
  let readProblems: string[] = [];
  let importProblems: string[] = [];
  let dropped: string[] = [];
  let published: Published = { revision: 0, features: new Map(), orphans: [] };

  /** The corpus's documents as the CLI reads them; an empty folder is an empty corpus here, not an error. */
  function readInputs(): { inputs: PipelineInput[]; problems: string[] } {
    const unread = listFolder(paths.corpus).unread;
    try {
      const corpus = readCorpus(paths.corpus, opts.maxDocumentMb);
      return { inputs: corpus.inputs, problems: [...corpus.problems, ...unread] };
    } catch (error) {
      if (error instanceof UsageError && /no \.txt documents to read$/.test(error.message)) return { inputs: [], problems: unread };
      throw error;
    }
  }

  function corrections(): CorrectionsFile {
    try {
      return readCorrections(correctionsPath);
    } catch (error) {
      if (error instanceof UsageError) throw new StoreError(500, error.message);
      throw error;
    }
  }

  /** Applies the corrections to the last run and writes the outputs; what the app then loads. */
  function publish(): Published {
    const file = corrections();
    const corrected = applyCorrections(run.events, run.documents, file.corrections);
    const files = write(corrected.events, run.documents, run.mentions);
    const events = join(paths.out, 'events.geojson');
    replaceFolderAtomic(partsDirOf(events), [...files.parts].map((p) => ({ name: p.name, content: p.json })));
    writeFileAtomic(binPathOf(events), files.bin);
    writeFileAtomic(posturePathOf(events), files.posture);
    writeFileAtomic(textPathOf(events), files.text);
    writeFileAtomic(join(paths.out, 'mentions.json'), files.mentions);
    writeFileAtomic(join(paths.out, 'documents.json'), files.documents);
    // The corpus's title from its manifest, as npm run geocode writes it (a bad one: the app makes one from the data).
    writeFileAtomic(join(paths.out, 'corpus.json'), corpusJson(corpusInfoOfInput(paths.corpus).info));
    writeFileAtomic(events, files.events);
    const features = new Map<string, EventFeature>();
    for (const f of JSON.parse(files.events).features as EventFeature[]) features.set(f.id, f);
    published = { revision: file.revision, features, orphans: corrected.orphans };
    dropped = files.dropped.map((line) => `event left out, it breaks the data contract: ${line}`);
    return published;
  }

  function originalOf(file: string): string | null {
    const stem = file.replace(/\.txt$/i, '');
    const found = readdirSync(paths.corpus).find((n) => n !== file && n.startsWith(`${stem}.`) && /\.(pdf|html?|docx|md|markdown)$/i.test(n));
    return found ?? null;
  }

  function documentStatuses(): DocumentStatus[] {
    const byFile = new Map(run.documents.map((d) => [d.file, d]));
    return run.outcomes.map((o: RunOutcome) => ({
      file: o.file, title: byFile.get(o.file)?.title ?? o.title, published: byFile.get(o.file)?.published ?? null,
      original: originalOf(o.file), events: o.events, problem: o.error ?? (o.nothing ? `nothing on the timeline: ${o.nothing}` : null),
    }));
  }

  /** Adds entries to manifest.json, keeping whatever else it holds; a manifest that is not JSON is not touched. */
  function addToManifest(entries: { file: string; title: string; credit: string | null; published: string | null }[]): void {
    let manifest: { documents: unknown[] } & Record<string, unknown> = { documents: [] };
    if (existsSync(manifestPath)) {
      try {
        manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      } catch (error) {
        throw new StoreError(422, `${manifestPath} is not valid JSON (${(error as Error).message}); fix it before adding documents`);
      }
      if (!Array.isArray(manifest.documents)) throw new StoreError(422, `${manifestPath} has no "documents" array; fix it before adding documents`);
    }
    manifest.documents.push(...entries);
    writeFileAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  }

  /**
   * The texts the corpus holds: the last run's, or before the first run (the folder import at start) the folder's .txt
   * files. Once a run is in, an upload does not read the whole folder again.
   */
  const knownHashes = () => {
    const hashes = new Set(run.documents.map((d) => contentHash(d.text)));
    if (run !== EMPTY_RUN) return hashes;
    for (const name of readdirSync(paths.corpus)) {
      if (!name.toLowerCase().endsWith('.txt')) continue;
      try {
        hashes.add(contentHash(readFileSync(join(paths.corpus, name), 'utf8')));
      } catch {
        // Unreadable: its read problem is named by the run.
      }
    }
    return hashes;
  };

  return {
    paths,
    maxDocumentBytes: opts.maxDocumentMb * 1_048_576,
    get run() { return run; },
    get published() { return published; },
    /** Problems outside any one document's outcome: manifest entries, files too big, events left out. */
    get problems() { return [...importProblems, ...readProblems, ...dropped]; },
    /** What could not be converted or imported from the folder at start (folder-import.ts). */
    setImportProblems(lines: string[]) {
      importProblems = [...lines];
    },
    corrections,
    documentStatuses,
    publish,
    readInputs,

    /** Takes a run's result (from the pipeline worker) and publishes it. */
    setRun(result: RunResult, problems: string[]): Published {
      run = result;
      readProblems = [...problems];
      return publish();
    },

    /**
     * Stores converted documents: each as `<title-slug>-<hash>.txt` with its original beside it under the same stem
     * (the uploaded name never chooses a path), and its title and date in manifest.json. A text the corpus already
     * holds is refused, naming the document that holds it.
     */
    addDocuments(items: StoredText[]) {
      const added: { name: string; file: string; title: string }[] = [];
      const failed: { name: string; message: string }[] = [];
      const hashes = knownHashes();
      const entries: Parameters<typeof addToManifest>[0] = [];
      for (const item of items) {
        const hash = contentHash(item.converted.text);
        if (hashes.has(hash)) {
          failed.push({ name: item.name, message: `${item.name}: ${ALREADY_HELD}` });
          continue;
        }
        hashes.add(hash);
        const title = item.converted.title ?? item.converted.text.split('\n').find((l) => l.trim())?.trim().slice(0, 160) ?? item.name;
        const stem = `${slug(title).slice(0, opts.maxStemChars).replace(/-+$/, '') || 'document'}-${hash.slice(0, 8)}`;
        const file = item.file ?? `${stem}.txt`;
        writeFileAtomic(join(paths.corpus, file), item.converted.text);
        if (item.original && !item.file) writeFileAtomic(join(paths.corpus, `${stem}${item.original.ext}`), item.original.bytes);
        entries.push({ file, title, credit: item.credit ?? item.converted.credit, published: item.published ?? item.converted.published });
        added.push({ name: item.name, file, title });
      }
      if (entries.length) addToManifest(entries);
      return { added, failed };
    },

    /**
     * Appends a correction when `revision` is the file's revision, else refuses with 409: another tab or process
     * wrote since this page loaded, and its change must be seen before this one is made.
     */
    addCorrection(revision: number, make: (file: CorrectionsFile) => Correction): Correction {
      const file = corrections();
      if (revision !== file.revision) {
        throw new StoreError(409, `This corpus was changed elsewhere (it is at revision ${file.revision}, this page had ${revision}): `
          + 'reload to see that change, then make yours again. Nothing was written.');
      }
      const correction = make(file);
      writeFileAtomic(correctionsPath, correctionsText({ ...file, revision: file.revision + 1, corrections: [...file.corrections, correction] }));
      return correction;
    },

    /** Removes a correction (an orphan the analyst has read, or a decision taken back), under the same revision rule. */
    removeCorrection(revision: number, id: string): void {
      const file = corrections();
      if (revision !== file.revision) {
        throw new StoreError(409, `This corpus was changed elsewhere (it is at revision ${file.revision}, this page had ${revision}): `
          + 'reload to see that change, then try again. Nothing was removed.');
      }
      if (!file.corrections.some((c) => c.id === id)) throw new StoreError(404, `There is no correction "${id}" in ${correctionsPath}.`);
      writeFileAtomic(correctionsPath, correctionsText({ ...file, revision: file.revision + 1, corrections: file.corrections.filter((c) => c.id !== id) }));
    },

    document(file: string): SourceDocument | undefined {
      return run.documents.find((d) => d.file === file);
    },

    orphanLines: () => published.orphans.map(orphanLine),

    /** Bytes of a file in the output folder, or null; `name` is checked by the caller (server.ts) to stay inside it. */
    outputFile(name: string): Buffer | null {
      const path = join(paths.out, name);
      return existsSync(path) && statSync(path).isFile() ? readFileSync(path) : null;
    },
  };
}

export type CorpusStore = ReturnType<typeof createCorpusStore>;
