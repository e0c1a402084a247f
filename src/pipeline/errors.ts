// The one error class for bad input anywhere in the pipeline: the CLI prints its message, never a stack trace.

/** Bad input: `message` names the file and the problem ("seeds/a.txt: invalid UTF-8 at byte 12"). */
export class PipelineInputError extends Error {
  constructor(public file: string, message: string) {
    super(message.startsWith(`${file}:`) ? message : `${file}: ${message}`);
    this.name = 'PipelineInputError';
  }
}
