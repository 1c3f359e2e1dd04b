/** The embedded PostgreSQL's failure modes end in messages that say what to do. */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseProcessHooks, startEmbeddedPostgres } from '../../server/src/db/embedded-postgres.ts';
import { freePort } from '../support/ports.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wishgrid-embedded-'));
fs.chmodSync(root, 0o755);
const warnings: string[] = [];
const log = { info: () => undefined, warn: (m: string) => warnings.push(m) };

afterAll(() => {
  releaseProcessHooks();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('embedded PostgreSQL', () => {
  it('creates a cluster on first run, and recovers from a stale postmaster.pid after a crash', async () => {
    const port = await freePort();
    const db = await startEmbeddedPostgres({ dataDir: root, port, log });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await client.end();
    await db.stop();

    // a crash leaves the pid file of a process that no longer exists
    const pidFile = path.join(root, 'postgres', 'postmaster.pid');
    fs.writeFileSync(pidFile, '999999\n/some/dir\n');
    const again = await startEmbeddedPostgres({ dataDir: root, port, log });
    expect(warnings.join('\n')).toMatch(/stale .*postmaster\.pid/);
    await again.stop();
  });

  it('refuses a port in use, naming the setting to change', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(startEmbeddedPostgres({ dataDir: root, port: busy, log })).rejects.toThrow(
        /Port \d+ .* in use.*EMBEDDED_PG_PORT/,
      );
    } finally {
      blocker.close();
    }
  });

  it('refuses a data directory that holds something else', async () => {
    const other = path.join(root, 'other');
    fs.mkdirSync(path.join(other, 'postgres'), { recursive: true });
    fs.writeFileSync(path.join(other, 'postgres', 'notes.txt'), 'not a cluster');
    await expect(startEmbeddedPostgres({ dataDir: other, port: await freePort(), log })).rejects.toThrow(
      /holds no PostgreSQL cluster.*WISHGRID_DATA_DIR/,
    );
  });
});
