// --workers N: the documents run on a pool of worker processes and the files are the same as in one thread.
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli, cliStale, CLI_DIR } from '../../../scripts/build-cli.ts';
import { countsOf, generatedFolder, geocode, outputsIn, outputsOf, removeTemps, temp } from './helpers.ts';
import { POOL_DEFAULTS } from '../../../scripts/run/pool.ts';

afterAll(removeTemps);

describe('geocode --workers', { timeout: 600_000 }, () => {
  it('geocode --workers 2 runs the documents on two worker processes and writes the bytes one thread writes', () => {
    const corpus = generatedFolder(40);
    const one = temp();
    const two = temp();
    const single = geocode(['--input', corpus, ...outputsIn(one), '--workers', '1', '--no-cache']);
    expect(single.code).toBe(0);
    expect(single.stdout).toMatch(/40 documents run on this thread/);
    // small batches, so both processes take some
    const pooled = geocode(['--input', corpus, ...outputsIn(two), '--workers', '2', '--batch-size', '4', '--no-cache']);
    expect(pooled.code).toBe(0);
    expect(pooled.stdout).toMatch(/40 documents run on 2 worker processes/);
    expect(countsOf(pooled.stdout).run).toBe(40);
    expect(outputsOf(two)).toEqual(outputsOf(one));
  });

  it('geocode --processes 1 runs the documents on one worker process, not this thread, and writes the bytes this thread writes', () => {
    // What bench:pipeline compares N worker processes with: one worker process, even for a corpus this small.
    const corpus = generatedFolder(12, 5);
    const one = temp();
    const pooled = temp();
    expect(geocode(['--input', corpus, ...outputsIn(one), '--workers', '1', '--no-cache']).code).toBe(0);
    const run = geocode(['--input', corpus, ...outputsIn(pooled), '--processes', '1', '--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/12 documents run on 1 worker process\b/);
    expect(outputsOf(pooled)).toEqual(outputsOf(one));
  });

  it('the built command npm run geocode runs (build/cli/) writes the bytes the TypeScript sources write, on worker processes too', () => {
    if (cliStale()) buildCli();
    const corpus = generatedFolder(30, 3);
    const fromSources = temp();
    const fromBuild = temp();
    expect(geocode(['--input', corpus, ...outputsIn(fromSources), '--workers', '1', '--no-cache']).code).toBe(0);
    const built = spawnSync(process.execPath, [`${CLI_DIR}/geocode.mjs`, '--input', corpus, ...outputsIn(fromBuild), '--workers', '2', '--batch-size', '4', '--no-cache'],
      { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/30 documents run on 2 worker processes/);
    expect(outputsOf(fromBuild)).toEqual(outputsOf(fromSources));
  });

  it('geocode refuses a --workers or --batch-size that is not a whole number above 0, with the usage line', () => {
    for (const args of [['--workers', '0'], ['--workers', 'many'], ['--batch-size', '-3'], ['--queue', 'localhost:6379'], ['--memory-mb', '0'], ['--memory-mb', '1.5GB'], ['--processes', '0']]) {
      const run = geocode(['--input', 'seeds', '--output', `${temp()}/e.geojson`, ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^geocode: ${args[0]} needs .*\\nusage: `, 'm'));
    }
  });

  it('geocode runs a corpus too small for worker processes to win back their start in this process by default, and writes the bytes they write', () => {
    // Above the few documents a run holds back, far below the documents each worker process needs (memory.ts).
    const documents = POOL_DEFAULTS.smallCorpus + 8;
    const corpus = generatedFolder(documents, 5);
    const alone = temp();
    const pooled = temp();
    const run = geocode(['--input', corpus, ...outputsIn(alone), '--no-cache']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`${documents} documents run on this thread`));
    const workers = geocode(['--input', corpus, ...outputsIn(pooled), '--workers', '2', '--no-cache']);
    expect(workers.stdout).toMatch(new RegExp(`${documents} documents run on 2 worker processes`));
    expect(outputsOf(alone)).toEqual(outputsOf(pooled));
  });

  it('geocode --memory-mb 300 runs a corpus in this thread, and writes the bytes worker processes write', () => {
    const documents = POOL_DEFAULTS.smallCorpus + 8;
    const corpus = generatedFolder(documents, 7);
    const lean = temp();
    const pooled = temp();
    const run = geocode(['--input', corpus, ...outputsIn(lean), '--memory-mb', '300', '--no-cache']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`${documents} documents run on this thread`));
    expect(run.stdout).toMatch(/memory budget 300 MB: workers only as they fit, garbage collected sooner/);
    const threads = geocode(['--input', corpus, ...outputsIn(pooled), '--workers', '2', '--no-cache']);
    expect(threads.stdout).toMatch(new RegExp(`${documents} documents run on 2 worker processes`));
    expect(outputsOf(lean)).toEqual(outputsOf(pooled));
  });
});
