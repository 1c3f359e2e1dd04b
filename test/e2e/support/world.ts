/** What every browser test file starts with: its own real server and a browser, closed after its tests. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { type E2EServer, startE2EServer } from './server.ts';

export interface E2EWorld {
  server: E2EServer;
  browser: Browser;
}

/** Starts the server and the browser before the file's tests (and its own `beforeAll`), stops them after. */
export function e2eWorld(): E2EWorld {
  const world = {} as E2EWorld;
  beforeAll(async () => {
    world.server = await startE2EServer();
    world.browser = await launchBrowser();
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.server?.dispose();
  });
  return world;
}
