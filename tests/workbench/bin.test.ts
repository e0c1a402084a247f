// `npx flankline DIR` runs the workbench through package.json's bin entry, as `npm start -- DIR` does.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('npx flankline', { timeout: 60_000 }, () => {
  it('flankline is package.json\'s bin, says how to use it, and names a corpus folder that does not exist', () => {
    const bin = JSON.parse(readFileSync('package.json', 'utf8')).bin.flankline;
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect([help.status, help.stdout.trim()]).toEqual([0, 'usage: npm start -- [DIR] [--out OUTPUT_DIR] [--port N] [--app BUILT_APP_DIR]   (or: npx flankline DIR)']);
    const missing = spawnSync(process.execPath, [bin, '/no/such/corpus'], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^workbench: \/no\/such\/corpus: corpus folder does not exist/);
    const inPublic = spawnSync(process.execPath, [bin, 'seeds', '--out', 'public/data'], { encoding: 'utf8' });
    expect(inPublic.status).toBe(2);
    expect(inPublic.stderr).toMatch(/outputs never go in the project's public\//);
  });
});
