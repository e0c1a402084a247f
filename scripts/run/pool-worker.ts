// A worker process of the pool (scripts/run/pool.ts): loads the pipeline's resources once, then runs batches of documents.
import { performance } from 'node:perf_hooks';
import { processDocument, type DocumentOptions, type DocumentResult, type PipelineInput, type PipelineResources } from '../../src/pipeline/index.ts';
import { documentOptions, loadResources, workerStartFromEnv } from './resources.ts';
import { mainThreadCpuUs } from './thread-cpu.ts';

// The run's settings come in the process's environment (createPool); each process reads the compact gazetteer itself.
// A failure to load them is kept and given as every batch's answer, one line naming this process: thrown here, it
// would end the process with a stack trace before it could say which it was.
let loaded: { resources: PipelineResources; options: DocumentOptions } | Error;
try {
  const { settings, mentions } = workerStartFromEnv();
  loaded = { resources: loadResources(settings), options: documentOptions(settings, () => performance.now(), mentions) };
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  loaded = new Error(`worker process ${process.pid} could not load the pipeline's resources: ${message.split('\n')[0]}`);
}
const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
/** CPU this process spent starting: its code, the tagger's model, the gazetteer. */
const startCpuUs = cpuMicros();

/** A batch's results, and this process's peak memory so far (the main process cannot see its children's). */
export interface BatchReply {
  results: DocumentResult[];
  pid: number;
  peakKb: number;
  /** CPU time of this process (user and system, its V8 helper threads included), in µs: all of it, its start-up, this batch. */
  cpuUs: number;
  startCpuUs: number;
  batchCpuUs: number;
  /** Of cpuUs, this process's main thread (the rest is V8's helper threads); NaN where /proc cannot tell. */
  mainThreadUs: number;
}

export default function processBatch(batch: PipelineInput[]): BatchReply {
  if (loaded instanceof Error) throw loaded;
  const { resources, options } = loaded;
  const before = cpuMicros();
  const results = batch.map((input) => processDocument(input, resources, options));
  const cpuUs = cpuMicros();
  return { results, pid: process.pid, peakKb: process.resourceUsage().maxRSS, cpuUs, startCpuUs, batchCpuUs: cpuUs - before, mainThreadUs: mainThreadCpuUs() };
}
