import { defineConfig } from 'vitest/config';

// Vitest 5 targets Node 22 and prints failures with Map.groupBy / Object.groupBy, which Node 20 lacks: without
// these the report of a failing test crashes instead of saying what failed.
type GroupBy = <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => Map<K, T[]>;
function groupIntoMap<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  let index = 0;
  for (const item of items) {
    const k = key(item, index++);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
const MapWithGroupBy = Map as unknown as { groupBy?: GroupBy };
MapWithGroupBy.groupBy ??= groupIntoMap;
const ObjectWithGroupBy = Object as unknown as { groupBy?: <T>(items: Iterable<T>, key: (item: T, i: number) => PropertyKey) => Record<PropertyKey, T[]> };
ObjectWithGroupBy.groupBy ??= (items, key) => Object.fromEntries(groupIntoMap(items, key));

// Two projects: fast unit tests in Node, and browser tests that build the app and drive Debian chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**'],
          environment: 'node',
          env: { TZ: 'UTC' },
          // Some unit tests load the 20 MB gazetteer or start a CLI: well under a second alone, several on a loaded
          // 2-core machine. Hangs are still caught; the fuzz tests bound their own time per case.
          testTimeout: 30_000,
          // beforeAll hooks load the gazetteer and the lexicon or run a CLI once for a whole file
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          env: { TZ: 'UTC' },
        },
      },
    ],
  },
});
