// Progress on long runs: a bar with documents/s and the time left on a terminal, plain periodic lines elsewhere.
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createProgress, formatDuration, progressLine } from '../../../scripts/run/progress.ts';
import { generatedFolder, removeTemps, temp } from './helpers.ts';

afterAll(removeTemps);
afterEach(() => vi.useRealTimers());

describe('progress', () => {
  it('progressLine() says how many documents, how fast and how long is left, "about" when the total is an estimate', () => {
    expect(progressLine(4000, 10000, true, 16_000)).toBe('4,000 of 10,000 documents, 250 documents/s, about 24 s left');
    expect(progressLine(4000, 10000, false, 16_000)).toBe('4,000 of about 10,000 documents, 250 documents/s, about 24 s left');
    expect(progressLine(0, null, false, 0)).toBe('0 documents, 0 documents/s');
    expect([formatDuration(45), formatDuration(200), formatDuration(3720)]).toEqual(['45 s', '3 min 20 s', '1 h 02 min']);
  });

  it('createProgress() writes a plain line every few seconds when the output is not a terminal, and stops', () => {
    vi.useFakeTimers();
    let clock = 0;
    const lines: string[] = [];
    const notTerminal = Object.assign(new Writable({ write: (_c, _e, done) => done() }), { isTTY: false }) as unknown as NodeJS.WriteStream;
    const progress = createProgress({ label: 'geocode', terminal: notTerminal, lines: (l) => lines.push(l), now: () => clock }, { plainEverySeconds: 10, barFps: 5 });
    progress.update(500, 2000, true);
    clock = 10_000;
    vi.advanceTimersByTime(10_000);
    progress.update(1000, 2000, true);
    clock = 20_000;
    vi.advanceTimersByTime(10_000);
    progress.stop();
    vi.advanceTimersByTime(30_000);
    expect(lines).toEqual(['500 of 2,000 documents, 50 documents/s, about 30 s left', '1,000 of 2,000 documents, 50 documents/s, about 20 s left']);
  });

  it('createProgress() draws a bar with documents/s and the time left on a terminal', () => {
    let drawn = '';
    const terminal = Object.assign(new Writable({ write: (chunk, _e, done) => { drawn += chunk.toString(); done(); } }), {
      isTTY: true, columns: 160, cursorTo: () => true, clearLine: () => true, moveCursor: () => true,
    }) as unknown as NodeJS.WriteStream;
    let clock = 0;
    const progress = createProgress({ label: 'geocode', terminal, now: () => clock });
    clock = 4000;
    progress.update(100, 400, true);
    progress.stop();
    expect(drawn).toMatch(/geocode \[#{7,8}-{22,23}\] 100\/400 documents \| 25 documents\/s \| 12 s left/);
  });
});

describe('geocode on a terminal', { timeout: 240_000 }, () => {
  it('geocode draws the progress bar on a terminal (a pseudo-terminal made by script(1))', () => {
    const corpus = generatedFolder(40);
    const out = temp();
    const command = `${process.execPath} --import tsx scripts/geocode.ts --input ${corpus} --output ${join(out, 'events.geojson')} --documents ${join(out, 'documents.json')} --workers 1 --batch-size 4 --no-cache`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 240_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/geocode \[[#-]{30}\] \d+\/40 documents \| \d+ documents\/s \| .*left/);
    expect(run.stdout).toMatch(/geocode: 40 documents \(0 failed\)/);
  });
});
