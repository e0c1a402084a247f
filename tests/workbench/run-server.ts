// Starts the real workbench (`scripts/workbench/main.ts`) as a child process on a free port, as `npm start -- DIR`
// would, and stops it by its pid. Shared by the API tests and the browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface RunningWorkbench {
  url: string;
  process: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves when a line matching `pattern` has been printed (after `from` characters of output). */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** `appDir`: an app already built (tests/browser/build-app.ts); the workbench otherwise builds one. */
export async function startWorkbench(corpus: string, appDir: string, extra: string[] = []): Promise<RunningWorkbench> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/workbench/main.ts', corpus, '--port', '0', '--app', appDir, ...extra],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const listeners = new Set<() => void>();
  const take = (chunk: Buffer) => { out += chunk.toString(); for (const l of listeners) l(); };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const waitFor = (pattern: RegExp, from = 0, timeoutMs = 90_000) => new Promise<void>((done, fail) => {
    const check = () => {
      if (pattern.test(out.slice(from))) { listeners.delete(check); clearTimeout(timer); done(); }
    };
    const timer = setTimeout(() => { listeners.delete(check); fail(new Error(`workbench did not print ${pattern} in ${timeoutMs} ms; it printed:\n${out}`)); }, timeoutMs);
    listeners.add(check);
    child.once('exit', () => { if (listeners.has(check)) { listeners.delete(check); clearTimeout(timer); fail(new Error(`workbench exited; it printed:\n${out}`)); } });
    check();
  });
  await waitFor(/workbench: ready: /);
  const url = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)![1];
  return {
    url, process: child, output: () => out, waitFor,
    stop: () => new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    }),
  };
}
