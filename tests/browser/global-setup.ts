// Builds the app with the fixture data into a temp dir, serves it on a free localhost port for the browser tests,
// and removes both afterwards.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildApp } from './build-app.ts';
import { serve } from './serve.ts';

declare module 'vitest' {
  export interface ProvidedContext { appUrl: string }
}

export default async function setup(project: TestProject) {
  const dir = await buildApp();
  const { url, server } = await serve(dir);
  project.provide('appUrl', url);
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  };
}
