/**
 * A server of its own for fault tests: a dedicated embedded PostgreSQL on a free port (never the machine's shared
 * one, which other runs use), migrated and seeded with the demo world, and the app on it with short time limits.
 * The tests kill and stop that PostgreSQL's processes for real; load() drives traffic and records every answer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { inject } from 'vitest';
import { type App, buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { migrate } from '../../server/src/db/database.ts';
import {
  type EmbeddedDatabase,
  releaseProcessHooks,
  startEmbeddedPostgres,
} from '../../server/src/db/embedded-postgres.ts';
import { ormOptions } from '../../server/src/db/mikro-orm.config.ts';
import { createLogger } from '../../server/src/logger.ts';
import { withDatabase } from './db-url.ts';
import { DEMO_PASSWORD, LOGIN, postGraphql } from './harness.ts';
import { freePort } from './ports.ts';

/** What the fault tests configure: every HTTP request is answered within REQUEST_TIMEOUT_MS. */
export const REQUEST_TIMEOUT_MS = 4_000;
const ENV = {
  REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  DB_CONNECT_TIMEOUT_MS: '1000',
  DB_ACQUIRE_TIMEOUT_MS: '2000',
  DB_STATEMENT_TIMEOUT_MS: '2000',
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '5000',
  DB_POOL_MAX: '10',
  RATE_LIMIT_MUTATIONS_PER_MINUTE: '0',
  RATE_LIMIT_QUERY_COST_PER_MINUTE: '0',
  SWEEP_INTERVAL_SECONDS: '0',
  SEED_ON_START: 'false',
};

export interface FaultServer {
  app: App;
  url: string;
  embedded: EmbeddedDatabase;
  /** A direct pool on the dedicated database (for checking what is stored). */
  db: pg.Pool;
  login(username: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wishgrid-faults-'));
  fs.chmodSync(dir, 0o755); // as root, PostgreSQL runs as the postgres user, which must reach it
  const embedded = await startEmbeddedPostgres({
    dataDir: dir,
    port: await freePort(),
    log: { info: () => undefined, warn: () => undefined },
    // When each transaction committed: "committed later" is decided by the database's own record.
    flags: ['-c', 'track_commit_timestamp=on'],
  });
  try {
    const orm = await MikroORM.init(ormOptions(embedded.url));
    try {
      await migrate(orm);
    } finally {
      await orm.close(true);
    }
    await copyDemoWorld(embedded.url);
  } catch (err) {
    await embedded.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const config = { ...loadConfig(ENV), port: 0, host: '127.0.0.1' };
  const app = await buildApp({
    config,
    databaseUrl: embedded.url,
    logger: createLogger(process.env.FAULT_TEST_LOG_LEVEL ?? 'silent'),
  });
  const url = await app.start();
  const db = new pg.Pool({ connectionString: embedded.url, max: 2, connectionTimeoutMillis: 2_000 });
  db.on('error', () => undefined);
  const tokens = new Map<string, string>();
  return {
    app,
    url,
    embedded,
    db,
    async login(username) {
      const known = tokens.get(username);
      if (known) return known;
      const res = await postGraphql(url, { query: LOGIN, variables: { u: username, p: DEMO_PASSWORD } });
      const token = ((await res.json()) as { data?: { login?: { token?: string } } }).data?.login?.token;
      if (!token) throw new Error(`login ${username} failed`);
      tokens.set(username, token);
      return token;
    },
    async stop() {
      await app.stop({ graceMs: 0 }).catch(() => undefined);
      await db.end().catch(() => undefined);
      await embedded.stop();
      releaseProcessHooks();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The run's seeded demo world (the template database on the tests' PostgreSQL server), copied row by row into
 * the migrated database at `to` on another server: faster than seeding it again. Read from a clone of the
 * template, because other test files clone the template at the same time (which needs it to have no sessions).
 */
async function copyDemoWorld(to: string): Promise<void> {
  const serverUrl = inject('pgServerUrl');
  const clone = `wishgrid_faults_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${clone} template ${inject('templateDatabase')}`);
    const source = new pg.Client({ connectionString: withDatabase(serverUrl, clone) });
    const target = new pg.Client({ connectionString: to });
    await source.connect();
    await target.connect();
    try {
      const { rows: tables } = await source.query<{ name: string }>(
        `select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations'`,
      );
      await target.query('begin');
      // No foreign key or other trigger while copying (the order of the tables does not matter then).
      await target.query('set local session_replication_role = replica');
      // Migrations write some rows (the default point rules): the template's replace them.
      await target.query(`truncate ${tables.map(({ name }) => `"${name}"`).join(', ')}`);
      for (const { name } of tables) {
        const table = `"${name}"`;
        const { rows } = await source.query(`select coalesce(json_agg(t), '[]'::json) as rows from ${table} t`);
        await target.query(`insert into ${table} select * from json_populate_recordset(null::${table}, $1::json)`, [
          JSON.stringify(rows[0].rows),
        ]);
      }
      const { rows: serials } = await target.query<{ t: string; c: string }>(
        `select table_name as t, column_name as c from information_schema.columns
          where table_schema = 'public' and column_default like 'nextval%'`,
      );
      for (const { t, c } of serials) {
        await target.query(
          `select setval(pg_get_serial_sequence($1, $2), greatest((select max("${c}") from "${t}"), 1))`,
          [`"${t}"`, c],
        );
      }
      await target.query('commit');
    } finally {
      await source.end();
      await target.end();
    }
  } finally {
    await admin.query(`drop database if exists ${clone} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

/** The postmaster and every process it started (backends, checkpointer, …): what SIGSTOP must reach. */
export function postgresProcesses(postmaster: number): number[] {
  const pids = [postmaster];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // gone meanwhile
    }
  }
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Answer {
  kind: 'write' | 'read' | 'ready';
  /** The wish title a write submitted. */
  title?: string;
  sentAt: number;
  ms: number;
  status: number;
  /** The first error's code; null for a success. 'HANG' when no answer came within the test's patience. */
  code: string | null;
}

const SUBMIT = 'mutation($input: SubmitWishInput!) { submitWish(input: $input) { wish { id title } } }';

/** One request, timed; an answer that does not come within `patienceMs` is recorded as a hang. */
export async function timedRequest(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token: string,
  patienceMs: number,
): Promise<Pick<Answer, 'sentAt' | 'ms' | 'status' | 'code'>> {
  const sentAt = Date.now();
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(patienceMs),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    const code = body.errors?.length ? (body.errors[0]?.extensions?.code ?? 'NO_CODE') : null;
    return { sentAt, ms: Date.now() - sentAt, status: res.status, code };
  } catch (err) {
    const hang = (err as Error).name === 'TimeoutError';
    return { sentAt, ms: Date.now() - sentAt, status: 0, code: hang ? 'HANG' : `NETWORK:${(err as Error).message}` };
  }
}

/**
 * Writers (each submits wishes titled `<prefix>-<writer>-<n>`, one after the other) and readers (`me`), until
 * `stop()`; every answer is recorded. A failed request is followed by a short pause (a dead database fails fast).
 */
export function load(server: FaultServer, opts: { prefix: string; writers: string[]; readers: string[] }) {
  const answers: Answer[] = [];
  let running = true;
  const patience = REQUEST_TIMEOUT_MS + 10_000;
  const loop = async (username: string, kind: 'write' | 'read', n: number) => {
    // A writer that starts while the database is already down logs in once it is back.
    let token: string | null = null;
    while (running && token === null) {
      token = await server.login(username).catch(() => null);
      if (token === null) await pause(100);
    }
    for (let i = 0; running && token !== null; i++) {
      const title = `${opts.prefix}-${n}-${i}`;
      const answer =
        kind === 'write'
          ? await timedRequest(
              server.url,
              SUBMIT,
              { input: { title, description: 'fault test', categoryCode: 'repairs' } },
              token,
              patience,
            )
          : await timedRequest(server.url, '{ me { id } }', {}, token, patience);
      answers.push({ kind, ...(kind === 'write' ? { title } : {}), ...answer });
      await pause(answer.code === null ? 20 : 100);
    }
  };
  const loops = [...opts.writers.map((u, n) => loop(u, 'write', n)), ...opts.readers.map((u, n) => loop(u, 'read', n))];
  return {
    answers,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
