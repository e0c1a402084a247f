// The plan of the house (docs/architecture.md), checked on every `npm test` by dependency-cruiser, which resolves
// each import to its file: the arrows the plan allows, and nothing else.
//   scripts -> pipeline, app (bench pages), model, util      pipeline -> model, util      app -> model, util
//   model -> nothing of the project                           util -> nothing of the project
//   tests -> anything; nothing outside tests imports tests; only scripts (and tests, and build configs) touch files.
// The parser is swc: typescript 7's compiler has no JavaScript API for it to use.
const PIPELINE = '^src/pipeline/';
const APP = '^src/app/';
const MODEL = '^src/model/';
const UTIL = '^src/util/';

module.exports = {
  forbidden: [
    {
      name: 'pipeline-not-to-app',
      comment: 'The pipeline runs in Node and knows nothing of the views: what both need is in src/model.',
      severity: 'error',
      from: { path: PIPELINE },
      to: { path: APP },
    },
    {
      name: 'app-not-to-pipeline',
      comment: 'The app reads the contract (src/model), never the stages that write it.',
      severity: 'error',
      from: { path: APP },
      to: { path: PIPELINE },
    },
    {
      name: 'model-not-to-anything',
      comment: 'The contract stands alone: it imports no other part of the project (packages such as zod are fine).',
      severity: 'error',
      from: { path: MODEL },
      to: { pathNot: [MODEL, 'node_modules'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'util-not-to-anything',
      comment: 'The primitives (hash, LRU, distance, Mercator) import no other part of the project.',
      severity: 'error',
      from: { path: UTIL },
      to: { pathNot: [UTIL, 'node_modules'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'src-not-to-scripts',
      comment: 'The tools use the code, not the other way round.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'nothing-outside-tests-imports-tests',
      severity: 'error',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
    {
      name: 'only-scripts-touch-files',
      comment: 'Pipeline stages are pure and the app runs in a browser: file and process access belongs to scripts/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|child_process|worker_threads|net|http|https)$' },
    },
  ],
  options: {
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '^tests/fixtures/'] },
    tsPreCompilationDeps: false,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
