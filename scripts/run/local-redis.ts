// A throwaway Redis server for the queue tests and the bench: Debian's redis-server (the tests install it when
// absent, as .ci/run does), on 127.0.0.1 and a free port, without persistence, stopped by whoever started it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export const hasRedisServer = () => spawnSync('redis-server', ['--version']).status === 0;

/** Installs Debian's redis-server when it is absent (apt-get; the machine is root here, as in CI). */
export function ensureRedisServer(): void {
  if (hasRedisServer()) return;
  const install = spawnSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server'], { encoding: 'utf8', timeout: 600_000 });
  if (install.status !== 0 || !hasRedisServer()) {
    throw new Error(`redis-server is not installed and apt-get could not install it: ${install.stderr.trim().split('\n').pop()}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  stop(): void;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port}: ${seen}`)), 30_000);
    child.stdout!.on('data', (chunk) => {
      seen += chunk.toString();
      if (seen.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${seen}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGKILL') };
}
