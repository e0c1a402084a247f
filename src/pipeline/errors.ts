// The one error class for bad input anywhere in the pipeline: the CLI prints its message, never a stack trace.
import { printable } from '../util/text.ts';

/** Bad input: `message` names the file and the problem ("seeds/a.txt: invalid UTF-8 at byte 12"). */
export class PipelineInputError extends Error {
  constructor(public file: string, message: string) {
    // The name written so the message stays one line, whatever the file is called.
    super(message.startsWith(`${file}:`) ? `${printable(file)}${message.slice(file.length)}` : `${printable(file)}: ${message}`);
    this.name = 'PipelineInputError';
  }
}
