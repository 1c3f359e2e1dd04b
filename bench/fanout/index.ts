/**
 * bench/fanout: N graphql-ws subscribers of the contract's `WishEvents` (schema/contract/wishes.graphql), half as
 * the DISPLAY `screen.hongshun` and half as `hongshun.secretary`, community-wide (Hongshun Road Community), while a
 * resident submits wishes at a fixed rate; then, in the same run, the same number of subscribers of a bare-`ws`
 * floor server (bench/fanout/floor.ts) that sends the same frames. Both servers are child processes, so their
 * memory (RSS delta / N) and CPU time (utime + stime from /proc) are their own.
 *
 *   npm run bench -- fanout [--subscribers 1000] [--wishes 20] [--rate 2] [--drain-seconds 60] [--only product|floor]
 *
 * Latency: from the event's `at` (the server's commit timestamp; the floor stamps it as it sends) to the
 * moment the client's socket hands over the frame, on the same machine's clock. Lost / duplicated / out of order
 * are counted per subscriber against the events stored after the start (product) or sent (floor).
 * Talks only to 127.0.0.1; creates and drops its own database on the machine PostgreSQL (BENCH_DATABASE_URL,
 * default postgresql://postgres@127.0.0.1:5432/postgres).
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import WebSocket from 'ws';
import { DEMO_PASSWORD, scratchDatabase } from '../support.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const CLK_TCK = 100;

const { values: opts } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    subscribers: { type: 'string', default: '1000' },
    wishes: { type: 'string', default: '20' },
    rate: { type: 'string', default: '2' },
    'drain-seconds': { type: 'string', default: '60' },
    'connect-batch': { type: 'string', default: '100' },
    'idle-seconds': { type: 'string', default: '20' },
    only: { type: 'string' },
  },
});
const N = Number(opts.subscribers);
const WISHES = Number(opts.wishes);
const RATE = Number(opts.rate);
const DRAIN_MS = Number(opts['drain-seconds']) * 1000;
const BATCH = Number(opts['connect-batch']);
const IDLE_MS = Number(opts['idle-seconds']) * 1000;

function contractOperation(file: string, head: string): string {
  const text = readFileSync(path.join(ROOT, 'schema/contract', file), 'utf8');
  const start = text.indexOf(head);
  if (start < 0) throw new Error(`${head} not in ${file}`);
  let depth = 0;
  for (let i = text.indexOf('{', start); i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error(`unbalanced ${head}`);
}
const WISH_EVENTS = contractOperation('wishes.graphql', 'subscription WishEvents');
const SUBMIT = 'mutation($input: SubmitWishInput!) { submitWish(input: $input) { wish { id } } }';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function pidOf(child: ChildProcess): number {
  if (child.pid === undefined) throw new Error('the child process has no pid');
  return child.pid;
}

/** Asks a child to stop; kills it if it has not exited 20 s later. */
async function stopChild(child: ChildProcess, ask: () => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  ask();
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** RSS (bytes) and CPU time (ms, user + system) of a process, from /proc. */
function usage(pid: number): { rss: number; cpuMs: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  return { rss, cpuMs };
}

// ---------------------------------------------------------------------------------------------- subscribers

interface Subscriber {
  socket: WebSocket;
  sequences: number[];
  latencies: number[];
  /** When each event arrived and the wish it is about (for the latency from the mutation's response). */
  arrivals: [number, string][];
  /** The events received, kept for the first subscriber only (the floor sends the same payloads). */
  events?: Record<string, unknown>[];
}

/** Opens one graphql-transport-ws subscriber and resolves once it has sent `subscribe` after the ack. */
function subscriber(url: string, authorization: string, variables: Record<string, unknown>): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
    const sub: Subscriber = { socket, sequences: [], latencies: [], arrivals: [] };
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } })));
    socket.on('error', reject);
    socket.on('close', (code) => reject(new Error(`closed ${code} before subscribing`)));
    socket.on('message', (data) => {
      const received = Date.now();
      const message = JSON.parse(String(data)) as {
        type: string;
        payload?: { data?: { wishEvents?: { sequence: number; at: string } & Record<string, unknown> } };
      };
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: WISH_EVENTS, variables } }));
        socket.removeAllListeners('close');
        resolve(sub);
      } else if (message.type === 'next') {
        const event = message.payload?.data?.wishEvents;
        if (!event) return;
        sub.sequences.push(event.sequence);
        sub.latencies.push(received - Date.parse(event.at));
        sub.arrivals.push([received, String((event.wish as { id?: unknown } | undefined)?.id)]);
        sub.events?.push(event);
      } else if (message.type === 'ping') socket.send('{"type":"pong"}');
      else if (message.type === 'error') console.error('subscription error', JSON.stringify(message.payload));
    });
  });
}

async function openSubscribers(
  url: string,
  tokens: string[],
  variables: Record<string, unknown>,
  n: number,
): Promise<Subscriber[]> {
  const all: Subscriber[] = [];
  for (let i = 0; i < n; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, n - i) }, (_, j) =>
      subscriber(url, `Bearer ${tokens[(i + j) % tokens.length]}`, variables),
    );
    all.push(...(await Promise.all(batch)));
  }
  if (all[0]) all[0].events = [];
  return all;
}

async function closeAll(subs: Subscriber[]): Promise<void> {
  await Promise.all(
    subs.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.socket.readyState === WebSocket.CLOSED) return resolve();
          const timer = setTimeout(() => s.socket.terminate(), 3000);
          s.socket.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          s.socket.close(1000);
        }),
    ),
  );
}

/** Waits until every subscriber has `expected` events, nothing arrived for --idle-seconds, or --drain-seconds are over. */
async function drain(subs: Subscriber[], expected: () => number): Promise<void> {
  const started = Date.now();
  let lastTotal = -1;
  let lastChange = Date.now();
  while (Date.now() - started < DRAIN_MS) {
    const want = expected();
    const total = subs.reduce((n, s) => n + s.sequences.length, 0);
    if (subs.every((s) => new Set(s.sequences).size >= want)) return;
    if (total !== lastTotal) {
      lastTotal = total;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > IDLE_MS) return;
    await sleep(100);
  }
}

interface Result {
  name: string;
  subscribers: number;
  events: number;
  p50: number;
  p99: number;
  max: number;
  /** From the writer's receipt of the mutation's response (product only). */
  p50FromResponse: number;
  p99FromResponse: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  memPerSubKB: number;
  cpuPerEventMs: number;
  rssMB: number;
}

function summarise(
  name: string,
  subs: Subscriber[],
  expected: number[],
  mem: { before: number; after: number },
  cpuMs: number,
  responses?: Map<string, number>,
): Result {
  const latencies = subs.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
  const fromResponse = responses
    ? subs
        .flatMap((s) => s.arrivals.map(([at, wishId]) => at - (responses.get(wishId) ?? Number.NaN)))
        .filter((x) => !Number.isNaN(x))
        .sort((a, b) => a - b)
    : [];
  const qr = (p: number) =>
    fromResponse[Math.min(fromResponse.length - 1, Math.floor(p * fromResponse.length))] ?? Number.NaN;
  let lost = 0;
  let duplicated = 0;
  let outOfOrder = 0;
  const want = new Set(expected);
  const missing = new Map<number, number>();
  for (const s of subs) {
    const seen = new Set(s.sequences);
    duplicated += s.sequences.length - seen.size;
    for (const seq of want) {
      if (seen.has(seq)) continue;
      lost++;
      missing.set(seq, (missing.get(seq) ?? 0) + 1);
    }
    for (let i = 1; i < s.sequences.length; i++) if ((s.sequences[i] ?? 0) <= (s.sequences[i - 1] ?? 0)) outOfOrder++;
  }
  if (missing.size) {
    const list = [...missing].slice(0, 10).map(([seq, n]) => `#${seq} by ${n}`);
    console.log(`  ${name}: not received: ${list.join(', ')}${missing.size > 10 ? ', …' : ''}`);
  }
  return {
    name,
    subscribers: subs.length,
    events: expected.length,
    p50: q(0.5),
    p99: q(0.99),
    max: latencies.at(-1) ?? Number.NaN,
    p50FromResponse: qr(0.5),
    p99FromResponse: qr(0.99),
    lost,
    duplicated,
    outOfOrder,
    memPerSubKB: (mem.after - mem.before) / subs.length / 1024,
    cpuPerEventMs: cpuMs / Math.max(1, expected.length),
    rssMB: mem.after / 1024 / 1024,
  };
}

// ---------------------------------------------------------------------------------------------- product

interface ProductRun {
  result: Result;
  /** The events as received (without `at`), for the floor to send the same frames. */
  events: Record<string, unknown>[];
}

async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SEED_ON_START: 'false',
      SWEEP_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'warn',
      WS_MAX_SUBSCRIPTIONS: '100',
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '0',
      RATE_LIMIT_LOGINS_PER_MINUTE: '0',
      RATE_LIMIT_LOGINS_PER_IP_PER_MINUTE: '0',
      RATE_LIMIT_QUERY_COST_PER_MINUTE: '0',
      DB_POOL_MAX: '20',
      DB_ACQUIRE_TIMEOUT_MS: '600000',
      REQUEST_TIMEOUT_MS: '600000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + String(chunk)).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited while starting:\n${out}`);
    if (Date.now() - started > 120_000) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start within 120 s:\n${out}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`server exited (${code ?? signal}):\n${out.slice(-3000)}`);
  });
  return child;
}

// biome-ignore lint/suspicious/noExplicitAny: GraphQL results read by field name
type Data = Record<string, any>;

async function gql(port: number, query: string, variables: Record<string, unknown>, token?: string): Promise<Data> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Data; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function login(port: number, username: string): Promise<string> {
  const data = await gql(port, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    u: username,
    p: DEMO_PASSWORD,
  });
  return data.login.token as string;
}

async function runProduct(databaseUrl: string): Promise<ProductRun> {
  const port = await freePort();
  const server = await startServer(databaseUrl, port);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const screen = await login(port, 'screen.hongshun');
    const secretary = await login(port, 'hongshun.secretary');
    const resident = await login(port, 'resident.wenxiangyuan.1');
    const admin = await login(port, 'admin');
    const units = await gql(port, '{ orgUnits { id name } }', {}, admin);
    const hongshun = (units.orgUnits as { id: string; name: string }[]).find((u) => u.name.startsWith('Hongshun'));
    if (!hongshun) throw new Error('no Hongshun Road Community');
    // Warm the server (JIT, pools) with one subscriber and one event before measuring its memory.
    const warm = await openSubscribers(`ws://127.0.0.1:${port}/graphql`, [screen], { orgUnitId: hongshun.id }, 1);
    await gql(port, SUBMIT, { input: { title: '暖机', description: 'warm-up', categoryCode: 'repairs' } }, resident);
    await sleep(1000);
    await closeAll(warm);
    const afterWarm = (await db.query('select coalesce(max(sequence), 0)::int as s from wish_event')).rows[0]
      .s as number;
    await sleep(1000);
    const before = usage(pidOf(server)).rss;
    const t0 = Date.now();
    const subs = await openSubscribers(
      `ws://127.0.0.1:${port}/graphql`,
      [screen, secretary],
      { orgUnitId: hongshun.id, afterSequence: afterWarm },
      N,
    );
    console.log(`  product: ${N} subscribed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await sleep(2000);
    const after = usage(pidOf(server)).rss;
    const cpu0 = usage(pidOf(server)).cpuMs;
    const writeStart = Date.now();
    const responses = new Map<string, number>();
    for (let i = 0; i < WISHES; i++) {
      const due = writeStart + (i * 1000) / RATE;
      if (Date.now() < due) await sleep(due - Date.now());
      const data = await gql(
        port,
        SUBMIT,
        { input: { title: `台阶破损 ${i + 1}`, description: 'bench/fanout', categoryCode: 'repairs' } },
        resident,
      );
      responses.set(String(data.submitWish.wish.id), Date.now());
    }
    console.log(`  product: ${WISHES} wishes submitted; draining`);
    const expectedRows = await db.query<{ sequence: number }>(
      'select sequence::int from wish_event where sequence > $1 order by 1',
      [afterWarm],
    );
    const expected = expectedRows.rows.map((r) => r.sequence);
    await drain(subs, () => expected.length);
    const cpuMs = usage(pidOf(server)).cpuMs - cpu0;
    console.log(`  product: drained (${subs.reduce((n, s) => n + s.sequences.length, 0)} frames)`);
    const result = summarise('product', subs, expected, { before, after }, cpuMs, responses);
    // The payloads the floor sends: the ones the first subscriber received, `at` restamped as the floor sends.
    const events = (subs[0]?.events ?? []).map(({ at: _at, ...rest }) => rest);
    await closeAll(subs);
    console.log('  product: subscribers closed');
    return { result, events };
  } finally {
    await db.end();
    console.log('  product: stopping the server');
    await stopChild(server, () => server.kill('SIGTERM'));
  }
}

// ---------------------------------------------------------------------------------------------- floor

interface FloorMessage {
  type: string;
  port?: number;
  count?: number;
}

async function runFloor(events: Record<string, unknown>[]): Promise<Result> {
  const floor = fork(path.join(HERE, 'floor.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PORT: '0' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const nextMessage = (type: string) =>
    new Promise<FloorMessage>((resolve) => {
      const on = (m: FloorMessage) => {
        if (m?.type === type) {
          floor.off('message', on);
          resolve(m);
        }
      };
      floor.on('message', on);
    });
  try {
    const { port } = await nextMessage('listening');
    const url = `ws://127.0.0.1:${port}/graphql`;
    const sample = events[0] ?? { sequence: 1 };
    // Warm up like the product: one subscriber, one event.
    const warm = await openSubscribers(url, ['floor'], {}, 1);
    floor.send({ type: 'emit', event: { ...sample, sequence: 0 } });
    await nextMessage('emitted');
    await sleep(1000);
    await closeAll(warm);
    await sleep(1000);
    const before = usage(pidOf(floor)).rss;
    const t0 = Date.now();
    const subs = await openSubscribers(url, ['floor'], {}, N);
    floor.send({ type: 'subscribers' });
    const { count } = await nextMessage('subscribers');
    if (count !== N) await sleep(500);
    console.log(`  floor: ${N} subscribed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await sleep(2000);
    const after = usage(pidOf(floor)).rss;
    const cpu0 = usage(pidOf(floor)).cpuMs;
    const writeStart = Date.now();
    const sent: number[] = [];
    for (let i = 0; i < events.length; i++) {
      const due = writeStart + (i * 1000) / RATE;
      if (Date.now() < due) await sleep(due - Date.now());
      const event = events[i] ?? { sequence: i + 1 };
      floor.send({ type: 'emit', event });
      await nextMessage('emitted');
      sent.push(event.sequence as number);
    }
    await drain(subs, () => sent.length);
    const cpuMs = usage(pidOf(floor)).cpuMs - cpu0;
    const result = summarise('floor (bare ws)', subs, sent, { before, after }, cpuMs);
    await closeAll(subs);
    return result;
  } finally {
    await stopChild(floor, () => floor.send({ type: 'stop' }));
  }
}

// ---------------------------------------------------------------------------------------------- main

function table(results: Result[]): void {
  const rows = results.map((r) => ({
    server: r.name,
    subscribers: r.subscribers,
    events: r.events,
    'p50 ms': Math.round(r.p50),
    'p99 ms': Math.round(r.p99),
    'max ms': Math.round(r.max),
    'p50/p99 ms from response': Number.isNaN(r.p50FromResponse)
      ? '—'
      : `${Math.round(r.p50FromResponse)} / ${Math.round(r.p99FromResponse)}`,
    lost: r.lost,
    dup: r.duplicated,
    'out of order': r.outOfOrder,
    'KB / subscriber': Number(r.memPerSubKB.toFixed(1)),
    'CPU ms / event': Number(r.cpuPerEventMs.toFixed(1)),
    'RSS MB': Number(r.rssMB.toFixed(0)),
  }));
  console.table(rows);
  console.log(
    `lost: not received by the end of the drain (at most ${DRAIN_MS / 1000} s after the last write, or ` +
      `${IDLE_MS / 1000} s without a frame); latency: commit (\`at\`) to ` +
      'receipt; KB / subscriber: server RSS delta / N with the subscribers idle; CPU: server user + system time ' +
      'from the first write to the end of the drain, per event (the product figure includes the mutation itself).',
  );
  const [product, floor] = results;
  if (product && floor) {
    console.log(
      `p99 ratio product/floor: ${(product.p99 / floor.p99).toFixed(1)}; memory ratio: ${(
        product.memPerSubKB / floor.memPerSubKB
      ).toFixed(1)}; CPU ratio: ${(product.cpuPerEventMs / floor.cpuPerEventMs).toFixed(1)}`,
    );
  }
}

export async function main(): Promise<void> {
  console.log(
    `bench/fanout: ${N} subscribers, ${WISHES} wishes at ${RATE}/s (machine: ${(await import('node:os')).cpus().length} cores, shared — figures are noisy)`,
  );
  const results: Result[] = [];
  let events: Record<string, unknown>[] = Array.from({ length: WISHES }, (_, i) => ({ sequence: i + 1 }));
  if (opts.only !== 'floor') {
    const database = await scratchDatabase('wishgrid_bench_fanout', { seed: true });
    try {
      const product = await runProduct(database.url);
      results.push(product.result);
      if (product.events.length) events = product.events;
    } finally {
      await database.drop();
    }
  }
  if (opts.only !== 'product') results.push(await runFloor(events));
  table(results);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
