// Builds the app with the fixture data into a temp dir, serves it on a free localhost port for the browser tests,
// and removes both afterwards.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildApp } from './build-app.ts';
import { serve } from '../../scripts/serve-static.ts';

declare module 'vitest' {
  export interface ProvidedContext { appUrl: string; appDir: string }
}

export default async function setup(project: TestProject) {
  const dir = await buildApp();
  const { url, server } = await serve(dir);
  project.provide('appUrl', url);
  // Where the built app is served from: a test may lay out a dataset of its own (tests/browser/hardening.test.ts).
  project.provide('appDir', dir);
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  };
}
