/**
 * The integration tests' `test`: a test names what it needs — `h` (the file's server, see harness.ts) and
 * `world` (the seeded demo world's ids and accounts, see world.ts) — and gets it. Both are file-scoped: started
 * by the first test that asks for them, shared by the file's other tests, stopped when the file is done. A file
 * adds its own fixtures with `harnessTest.extend(name, { scope: 'file' }, ...)`, and runs its server with other
 * options by overriding `harnessOptions` at its top level.
 */
import { test } from 'vitest';
import { type HarnessOptions, startHarness } from './harness.ts';
import { loadWorld } from './world.ts';

export const harnessTest = test
  .extend('harnessOptions', { scope: 'file' }, {} as HarnessOptions)
  .extend('h', { scope: 'file' }, async ({ harnessOptions }, { onCleanup }) => {
    const h = await startHarness(harnessOptions);
    onCleanup(() => h.stop());
    return h;
  })
  .extend('world', { scope: 'file' }, async ({ h }) => loadWorld(h));
