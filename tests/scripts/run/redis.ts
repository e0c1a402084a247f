// A real Redis server for the queue tests: Debian's redis-server, installed here when absent (as .ci/run does), on
// 127.0.0.1 and a free port, without persistence, stopped by the test that started it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

function ensureRedisServer(): void {
  if (spawnSync('redis-server', ['--version']).status === 0) return;
  const install = spawnSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server'], { encoding: 'utf8', timeout: 600_000 });
  if (install.status !== 0 || spawnSync('redis-server', ['--version']).status !== 0) {
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
  ensureRedisServer();
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
