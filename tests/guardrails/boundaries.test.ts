// The plan of the house is checked by machine (.dependency-cruiser.cjs, run by npm test): here each rule is shown to
// fire on a small tree that breaks it (tests/fixtures/boundaries), and the project itself to keep every rule.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const BIN = join(ROOT, 'node_modules/.bin/depcruise');

function cruise(cwd: string, ...paths: string[]) {
  const run = spawnSync(BIN, ['--config', CONFIG, '--output-type', 'err', ...paths], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

describe('import boundaries', () => {
  it('every rule fires on a tree that breaks it, naming the rule and the import', () => {
    const { code, out } = cruise(join(ROOT, 'tests/fixtures/boundaries'), 'src', 'scripts', 'tests');
    expect(code).not.toBe(0);
    const broken = [
      'pipeline-not-to-app: src/pipeline/stage.ts → src/app/view.ts',
      'only-scripts-touch-files: src/pipeline/stage.ts → fs',
      'app-not-to-pipeline: src/app/view.ts → src/pipeline/other.ts',
      'app-not-to-pipeline: src/app/types-only.ts → src/pipeline/other.ts',
      'model-not-to-anything: src/model/contract.ts → src/util/hash.ts',
      'util-not-to-anything: src/util/hash.ts → scripts/tool.ts',
      'src-not-to-scripts: src/util/hash.ts → scripts/tool.ts',
      'nothing-outside-tests-imports-tests: scripts/tool.ts → tests/helper.ts',
    ];
    for (const line of broken) expect(out).toContain(line);
  }, 120_000);

  it('the project keeps every rule', () => {
    const { code, out } = cruise(ROOT, 'src', 'scripts', 'bench', 'tests');
    expect(out).toContain('no dependency violations found');
    expect(code).toBe(0);
  }, 120_000);
});
