/**
 * `npm run bench -- http [--seconds 10] [--concurrency 16] [--first 10] [--warmup 2]`
 *
 * The contract's `Wishes` query (schema/contract/wishes.graphql) as the demo `admin` (STREET_ADMIN: sees every
 * wish), over HTTP keep-alive, against the app and against a baseline node:http + pg server that answers the same
 * JSON from the same SQL — both run as child processes on one fresh, migrated and seeded database, one after
 * the other, under the same closed-loop load. Prints requests/s, p50 and p99 of both and their ratio, and the SQL
 * statements per request at page sizes 10 and 100 (counted in-process around each server's connection).
 * The database is created on the machine PostgreSQL (BENCH_DATABASE_URL, default
 * postgresql://postgres@127.0.0.1:5432/postgres) and dropped at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ROOT_DIR } from '../../server/src/config.ts';
import { DEMO_PASSWORD, numberOption, scratchDatabase } from '../support.ts';
import { closedLoop, type LoadResult, post } from './load.ts';
import { type BenchServer, startApp, startBaseline } from './servers.ts';

const WISHES = readFileSync(path.join(ROOT_DIR, 'schema/contract/wishes.graphql'), 'utf8');

const body = (first: number, after: string | null = null) =>
  JSON.stringify({ query: WISHES, operationName: 'Wishes', variables: { first, after } });

/** A GraphQL answer, as far as this benchmark reads it. */
interface Answer {
  data?: { login?: { token?: string } } | null;
  errors?: unknown[];
}

async function postJson(url: string, payload: string, token: string | null): Promise<Answer> {
  const agent = new http.Agent({ keepAlive: false });
  const res = await post(agent, `${url}/graphql`, payload, token ? { authorization: `Bearer ${token}` } : {});
  return JSON.parse(res.body) as Answer;
}

async function login(url: string): Promise<string> {
  const res = await postJson(
    url,
    JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: 'admin', p: DEMO_PASSWORD },
    }),
    null,
  );
  const token = res.data?.login?.token;
  if (!token) throw new Error(`login failed: ${JSON.stringify(res)}`);
  return token;
}

/** Statements per request (the mean of `n` requests) at page size `first`, and the last answer. */
async function statementsPerRequest(s: BenchServer, token: string, first: number, n = 5) {
  let answer: unknown = null;
  const before = s.statements();
  for (let i = 0; i < n; i++) answer = await postJson(s.url, body(first), token);
  return { perRequest: (s.statements() - before) / n, answer };
}

/** A server as a child process; resolves with its URL once it listens. */
function spawnServer(kind: 'app' | 'baseline', databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT_DIR, 'bench/http/serve.ts'), kind, databaseUrl],
    {
      cwd: ROOT_DIR,
      env: { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'production' },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${kind} did not start: ${out}`)), 60_000);
    child.stdout?.on('data', (c) => {
      out += String(c);
      const m = /listening (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1] as string, child });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} exited with ${code}: ${out}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function measure(
  kind: 'app' | 'baseline',
  databaseUrl: string,
  token: string,
  o: { seconds: number; concurrency: number; first: number; warmup: number },
): Promise<LoadResult> {
  const { url, child } = await spawnServer(kind, databaseUrl);
  try {
    const load = { url: `${url}/graphql`, body: body(o.first), headers: { authorization: `Bearer ${token}` } };
    if (o.warmup > 0) await closedLoop({ ...load, seconds: o.warmup, concurrency: o.concurrency });
    return await closedLoop({ ...load, seconds: o.seconds, concurrency: o.concurrency });
  } finally {
    await stopChild(child);
  }
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);

export async function main(): Promise<void> {
  const o = {
    seconds: numberOption('seconds', 10),
    concurrency: numberOption('concurrency', 16),
    first: numberOption('first', 10),
    warmup: numberOption('warmup', 2),
  };
  console.log('http: creating and seeding a scratch database ...');
  const database = await scratchDatabase('wishgrid_bench_http', { seed: true });
  const databaseUrl = database.url;
  try {
    // Statements per request and the same answer from both, in-process (each server's connection counted).
    const app = await startApp(databaseUrl);
    const baseline = await startBaseline(databaseUrl);
    const token = await login(app.url);
    const statements: { first: number; app: number; baseline: number }[] = [];
    try {
      for (const first of [10, 100]) {
        const a = await statementsPerRequest(app, token, first);
        const b = await statementsPerRequest(baseline, token, first);
        if (!isDeepStrictEqual(a.answer, b.answer)) {
          throw new Error(
            `the baseline answers differently at first=${first}:\n${JSON.stringify(a.answer).slice(0, 500)}\n${JSON.stringify(b.answer).slice(0, 500)}`,
          );
        }
        statements.push({ first, app: a.perRequest, baseline: b.perRequest });
      }
    } finally {
      await app.stop();
      await baseline.stop();
    }
    console.log(
      `http: same JSON from both at first=10 and first=100; load: ${o.seconds} s (after ${o.warmup} s warm-up), ` +
        `${o.concurrency} clients, Wishes(first: ${o.first}) as admin`,
    );
    const a = await measure('app', databaseUrl, token, o);
    const b = await measure('baseline', databaseUrl, token, o);
    console.log('');
    console.log(`                      ${'app'.padStart(9)} ${'baseline'.padStart(9)}  app/baseline`);
    console.log(
      `requests/s            ${fmt(a.perSecond)} ${fmt(b.perSecond)}  ${(a.perSecond / b.perSecond).toFixed(2)}`,
    );
    console.log(`p50 ms                ${fmt(a.p50Ms, 2)} ${fmt(b.p50Ms, 2)}  ${(a.p50Ms / b.p50Ms).toFixed(2)}`);
    console.log(`p99 ms                ${fmt(a.p99Ms, 2)} ${fmt(b.p99Ms, 2)}  ${(a.p99Ms / b.p99Ms).toFixed(2)}`);
    console.log(
      `requests (errors)     ${`${a.requests} (${a.errors})`.padStart(9)} ${`${b.requests} (${b.errors})`.padStart(9)}`,
    );
    for (const s of statements) {
      console.log(`SQL/request first=${String(s.first).padEnd(3)}  ${fmt(s.app)} ${fmt(s.baseline)}`);
    }
    console.log(
      `\nnode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; figures are noisy on a shared machine.`,
    );
  } finally {
    await database.drop();
  }
}
