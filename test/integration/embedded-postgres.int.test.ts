/**
 * The embedded PostgreSQL's failure modes end in messages that say what to do; it is started again when it dies,
 * never outlives the process that started it, and a start clears an orphan left on its data directory.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
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

const CHILD = path.resolve(import.meta.dirname, '../support/embedded-child.ts');

/** Whether a process runs (a zombie does not). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function until(what: string, ms: number, check: () => boolean): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function selectOne(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('select 1 as one')).rows;
  } finally {
    await client.end();
  }
}

/**
 * A postmaster on the data directory whose parent is gone at once (as after a server crashed before it could stop
 * it, or one of a version that did not watch it): its pid.
 */
async function startOrphan(port: number): Promise<number> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const bin = path.join(path.dirname(path.dirname(createRequire(import.meta.url).resolve(pkg))), 'native/bin/postgres');
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
        gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
      }
    : {};
  const dataDir = path.join(root, 'postgres');
  const script = '"$0" -D "$1" -p "$2" -c listen_addresses=127.0.0.1 -c unix_socket_directories= >/dev/null 2>&1 &';
  execFileSync('/bin/sh', ['-c', script, bin, dataDir, String(port)], ids);
  let pid = 0;
  await until('the orphan to accept connections', 20_000, () => {
    try {
      pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      const status = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[7] ?? '';
      return running(pid) && status.trim() === 'ready';
    } catch {
      return false;
    }
  });
  return pid;
}

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

  it('starts its PostgreSQL again when it dies, and refuses a second server on the same data directory', async () => {
    const db = await startEmbeddedPostgres({ dataDir: root, port: await freePort(), log });
    const first = db.pid as number;
    try {
      // This (live) process owns it: another start on the same data directory must not take it away.
      await expect(startEmbeddedPostgres({ dataDir: root, port: await freePort(), log })).rejects.toThrow(
        /already running .*another WishGrid server.*WISHGRID_DATA_DIR/,
      );
      expect(running(first)).toBe(true);
      process.kill(first, 'SIGKILL');
      await until('PostgreSQL to be started again', 30_000, () => db.restarts === 1);
      expect(db.pid).not.toBe(first);
      expect(await selectOne(db.url)).toEqual([{ one: 1 }]);
    } finally {
      await db.stop();
    }
    expect(warnings.join('\n')).toMatch(/stopped unexpectedly \(SIGKILL\); starting it again/);
  });

  it('never outlives its server: killing the server with SIGKILL stops its PostgreSQL, and the next start starts', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, root, String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += String(chunk);
        const found = out.match(/\{"pid":(\d+)\}/);
        if (found) resolve(Number(found[1]));
      });
      child.once('exit', (code) => reject(new Error(`the server process exited first (${code})`)));
    });
    expect(running(pid)).toBe(true);
    child.kill('SIGKILL');
    await until('PostgreSQL to stop with its server', 20_000, () => !running(pid));
    const again = await startEmbeddedPostgres({ dataDir: root, port, log });
    expect(await selectOne(again.url)).toEqual([{ one: 1 }]);
    await again.stop();
  });

  it('stops an orphaned PostgreSQL left on its own data directory, then starts', async () => {
    const orphan = await startOrphan(await freePort());
    const db = await startEmbeddedPostgres({ dataDir: root, port: await freePort(), log });
    try {
      expect(warnings.join('\n')).toMatch(new RegExp(`PostgreSQL \\(pid ${orphan}\\) is still running .* stopping it`));
      expect(running(orphan)).toBe(false);
      expect(db.pid).not.toBe(orphan);
      expect(await selectOne(db.url)).toEqual([{ one: 1 }]);
    } finally {
      await db.stop();
    }
  });
});
