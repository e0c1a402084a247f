// What the server and its pipeline worker (pipeline-worker.ts) say to each other.
import type { PipelineInput } from '../../src/pipeline/index.ts';
import type { MergedEvent } from '../../src/pipeline/merge.ts';
import type { DocumentMentions } from '../../src/pipeline/write.ts';
import type { MentionRecord, SourceDocument } from '../../src/model/document.ts';
import type { EventGuess } from '../../src/pipeline/guess.ts';
import type { PlaceOption } from './places.ts';

/** One document after a run: read or not, how many events, and in words why it has none. */
export interface RunOutcome {
  file: string;
  title: string;
  error: string | null;
  events: number;
  /** Read, but nothing on the timeline: why ("no date in the text near them and no published date"). */
  nothing: string | null;
}

export interface RunResult {
  documents: SourceDocument[];
  outcomes: RunOutcome[];
  events: MergedEvent[];
  mentions: DocumentMentions[];
}

export type WorkerRequest =
  | { id: number; kind: 'run'; inputs: PipelineInput[] }
  | { id: number; kind: 'search'; query: string }
  | { id: number; kind: 'alternatives'; mentions: MentionRecord[]; currentId: string | null }
  | { id: number; kind: 'guess'; doc: SourceDocument; start: number; end: number };

export type WorkerReply =
  | { id: number; kind: 'progress'; stage: string; detail: string }
  | { id: number; kind: 'done'; value: RunResult | PlaceOption[] | EventGuess | null }
  | { id: number; kind: 'failed'; message: string };
