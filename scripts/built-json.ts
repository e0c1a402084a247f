// Reads a file `npm run prepare:data` builds (the gazetteer index, the event lexicon), naming the file and the way out
// when it is missing or broken.
import { existsSync, readFileSync } from 'node:fs';

/** `what`: how a message names the file ("gazetteer index", "event lexicon"). */
export function readBuiltJson<T>(path: string, what: string): T {
  if (!existsSync(path)) throw new Error(`${path}: ${what} missing; run npm run prepare:data to build it`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new Error(`${path}: ${what} is not valid JSON (${(e as Error).message}); delete it and run npm run prepare:data`);
  }
}
