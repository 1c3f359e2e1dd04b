/**
 * The real server for browser tests: its own database cloned from the seeded template, the built panel,
 * and a fixed port so a test can stop it and start it again (a screen must reconnect by itself).
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type App, buildApp } from '../../../server/src/app.ts';
import { loadConfig, ROOT_DIR } from '../../../server/src/config.ts';
import { createLogger } from '../../../server/src/logger.ts';
import { withDatabase } from '../../support/db-url.ts';

export interface E2EServer {
  url: string;
  port: number;
  databaseUrl: string;
  app: App;
  /** Stops the HTTP/WebSocket server (clients see the connection drop). */
  stop(): Promise<void>;
  /** Starts it again on the same port and database. */
  restart(): Promise<void>;
  /** Another server process on the same database and a different port (what a second replica would be). */
  sibling(): Promise<App>;
  dispose(): Promise<void>;
}

async function freePort(): Promise<number> {
  return await new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export async function startE2EServer(): Promise<E2EServer> {
  if (!fs.existsSync(path.join(ROOT_DIR, 'admin/dist/index.html'))) {
    throw new Error('The panel is not built: run `npm run build:admin` first (npm run test:e2e does)');
  }
  const server = inject('pgServerUrl');
  const template = inject('templateDatabase');
  const name = `wishgrid_e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const databaseUrl = withDatabase(server, name);
  const port = await freePort();
  const config = { ...loadConfig({}), port, host: '127.0.0.1', sweepIntervalSeconds: 0 };
  const logger = createLogger('silent');
  let app = await buildApp({ config, databaseUrl, logger });
  await app.start();
  const extra: App[] = [];
  const e2e: E2EServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    databaseUrl,
    get app() {
      return app;
    },
    stop: () => app.stop(),
    async restart() {
      app = await buildApp({ config, databaseUrl, logger });
      await app.start();
    },
    async sibling() {
      const other = await buildApp({ config: { ...config, port: 0 }, databaseUrl, logger });
      await other.start();
      extra.push(other);
      return other;
    },
    async dispose() {
      for (const other of extra) await other.stop().catch(() => undefined);
      await app.stop().catch(() => undefined);
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
  return e2e;
}

/** GraphQL over HTTP against a server, as a signed-in demo account. */
export async function api<T = any>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors) throw new Error(`${body.errors[0]?.message} (${query.slice(0, 60)}…)`);
  return body.data as T;
}

export async function apiLogin(baseUrl: string, username: string): Promise<string> {
  const data = await api<{ login: { token: string } }>(
    baseUrl,
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: 'wishgrid-demo' },
  );
  return data.login.token;
}
