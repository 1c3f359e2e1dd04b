/**
 * The production image's server: `npm run build:server` (esbuild, server/scripts/build.mjs) bundles server/src,
 * its migrations and the demo seed, and plain `node` runs the bundle — no TypeScript loader. Built into a folder
 * of this test's own (below node_modules/.cache, so the packages resolve as from server/dist), not server/dist,
 * which someone else may be rebuilding at the same moment.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import { migrationsList } from '../../server/src/db/migrations/index.ts';
import { withDatabase } from '../support/db-url.ts';
import { DEMO_PASSWORD, LOGIN, postGraphql } from '../support/harness.ts';
import { freePort } from '../support/ports.ts';
import { cloneTemplateDatabase } from '../support/server-process.ts';

const root = path.join(ROOT_DIR, 'node_modules/.cache', `wishgrid-build-test-${process.pid}`);
const dist = path.join(root, 'server/dist');
const baseEnv = () => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? '/tmp',
  HOST: '127.0.0.1',
  SEED_ON_START: 'false',
  SWEEP_INTERVAL_SECONDS: '0',
  LOG_LEVEL: 'warn',
});

function run(file: string, args: string[], env: Record<string, string>): string {
  return execFileSync(process.execPath, [path.join(dist, file), ...args], {
    cwd: ROOT_DIR,
    env: { ...baseEnv(), ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT_DIR, 'server/scripts/build.mjs'), '--outdir', dist], {
    cwd: ROOT_DIR,
    stdio: 'pipe',
  });
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the server bundle (npm run build:server)', () => {
  it('holds no TypeScript loader and no import of a .ts file', () => {
    const main = fs.readFileSync(path.join(dist, 'main.js'), 'utf8');
    expect(main).not.toMatch(/from ["']tsx|import\(["'][^"']*\.ts["']\)|from ["'][^"']*\.ts["']/);
  });

  it('migrates an empty database with the bundled migrations (cli.js migrate)', async () => {
    const server = inject('pgServerUrl');
    const name = `build_migrate_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const out = run('cli.js', ['migrate'], { DATABASE_URL: withDatabase(server, name) });
      expect(out).toContain('Applied:');
      const db = new pg.Client({ connectionString: withDatabase(server, name) });
      await db.connect();
      const { rows } = await db.query<{ name: string }>('select name from mikro_orm_migrations order by id');
      await db.end();
      expect(rows.map((r) => r.name)).toEqual(migrationsList.map((m) => m.name));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  describe('node main.js over a seeded database', () => {
    let db: Awaited<ReturnType<typeof cloneTemplateDatabase>>;
    let child: ChildProcess;
    let url: string;
    let output = '';

    beforeAll(async () => {
      db = await cloneTemplateDatabase('build_main');
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      child = spawn(process.execPath, [path.join(dist, 'main.js')], {
        cwd: ROOT_DIR,
        env: { ...baseEnv(), DATABASE_URL: db.url, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (c) => {
        output += String(c);
      });
      child.stderr?.on('data', (c) => {
        output += String(c);
      });
      const started = Date.now();
      while (!output.includes('WishGrid is running')) {
        if (child.exitCode !== null) throw new Error(`main.js exited while starting:\n${output}`);
        if (Date.now() - started > 90_000) throw new Error(`main.js did not start in 90 s:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    afterAll(async () => {
      if (child && child.exitCode === null) {
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
      }
      await db?.drop();
    });

    it('is ready and answers GraphQL, then stops on SIGTERM with 0', async () => {
      const ready = await fetch(`${url}/ready`);
      expect(ready.status).toBe(200);
      const res = await postGraphql(url, { query: LOGIN, variables: { u: 'admin', p: DEMO_PASSWORD } });
      const body = (await res.json()) as { data?: { login: { token: string } } };
      expect(body.data?.login.token).toBeTruthy();

      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    });
  });
});
