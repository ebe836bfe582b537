// Vitest globalSetup for the e2e project: serve the already-built dist/ and hand its URL to the
// tests through provide/inject (globalSetup runs in the main process, tests in workers).
import type { TestProject } from 'vitest/node';
import { serveStatic } from './staticServer.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await serveStatic(); // throws "run npm run build first" when dist/ is missing
  project.provide('baseURL', server.url);
  return server.close;
}
