/**
 * bench/replicas: two server processes (A and B) over one PostgreSQL and one Redis — the topology of
 * docker-compose.yml without the proxy. Subscribers of the contract's `WishEvents` (graphql-ws, as the display
 * `screen.hongshun`, community-wide) are all on A. Writers submit wishes in blocks that alternate between A
 * (single-process: the event is published and delivered by the same process) and B (cross-instance: committed
 * on B, carried by Redis, delivered by A), so both are measured in the same run under the same load.
 *
 * Latency: from the event's `at` (taken in the transaction, just before the commit) to its receipt by a
 * subscriber, for every subscriber and event. Then every subscriber's stream is checked against the events
 * stored in the database: lost, duplicated, out of order.
 *
 *   npm run bench -- replicas [--events 2000] [--subscribers 20] [--rate 25] [--writers 4] [--block 50] [--tsx]
 *
 * `--events 10000` is the issue's full check. `--tsx` runs server/src with the TypeScript loader instead of the
 * server/dist build. Set BENCH_VERBOSE=1 to see the servers' warnings.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import WebSocket from 'ws';
import { scratchDatabase } from '../support.ts';
import { buildServer, cpuMs, type ServerProcess, startServer } from './servers.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '2000' },
    subscribers: { type: 'string', default: '20' },
    rate: { type: 'string', default: '25' },
    writers: { type: 'string', default: '4' },
    block: { type: 'string', default: '50' },
    tsx: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const EVENTS = Number(values.events);
const SUBSCRIBERS = Number(values.subscribers);
const RATE = Number(values.rate);
const WRITERS = Number(values.writers);
const BLOCK = Number(values.block);

const WISH_EVENTS = `subscription WishEvents($orgUnitId: ID, $wishId: ID, $afterSequence: Int) {
  wishEvents(orgUnitId: $orgUnitId, wishId: $wishId, afterSequence: $afterSequence) {
    sequence action fromStatus toStatus at
    wish { id title status handlingUnit { id name } }
  }
}`;
const SUBMIT = `mutation SubmitWish($input: SubmitWishInput!) { submitWish(input: $input) { wish { id } } }`;
const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { token user { roles { orgUnit { id } } } }
}`;

async function gql<T>(url: string, query: string, variables: object, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

async function login(url: string, username: string): Promise<{ token: string; orgUnitId: string }> {
  const data = await gql<{ login: { token: string; user: { roles: { orgUnit: { id: string } }[] } } }>(url, LOGIN, {
    username,
    password: process.env.WISHGRID_DEMO_PASSWORD || 'wishgrid-demo',
  });
  return { token: data.login.token, orgUnitId: data.login.user.roles[0]?.orgUnit.id ?? '' };
}

interface NextPayload {
  data?: { wishEvents?: { sequence: number | string; at: string; wish: { title: string } } };
}

interface Received {
  sequence: number;
  latencyMs: number;
  via: string;
}

/** One graphql-ws (graphql-transport-ws) subscriber, on a socket of its own. */
class Subscriber {
  readonly received: Received[] = [];
  private socket!: WebSocket;

  async open(url: string, token: string, variables: object): Promise<void> {
    this.socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      this.socket.once('error', reject);
      this.socket.once('open', () => {
        this.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
      });
      this.socket.on('message', (data) => {
        const now = Date.now();
        const message = JSON.parse(String(data)) as { type: string; payload?: NextPayload };
        if (message.type === 'connection_ack') {
          this.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: WISH_EVENTS, variables } }));
          resolve();
        } else if (message.type === 'ping') {
          this.socket.send(JSON.stringify({ type: 'pong' }));
        } else if (message.type === 'next') {
          const event = message.payload?.data?.wishEvents;
          if (!event) throw new Error(`unexpected payload: ${JSON.stringify(message.payload)}`);
          this.received.push({
            sequence: Number(event.sequence),
            latencyMs: now - Date.parse(event.at),
            via: String(event.wish.title).split(' ')[1] ?? '?',
          });
        } else if (message.type === 'error') {
          reject(new Error(`subscription error: ${JSON.stringify(message.payload)}`));
        }
      });
      this.socket.once('close', (code, reason) => {
        if (code !== 1000) console.error(`a subscriber was closed: ${code} ${reason}`);
      });
    });
  }

  close(): void {
    this.socket.close(1000);
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function main(): Promise<void> {
  console.log(
    `bench/replicas: ${EVENTS} events at ${RATE}/s by ${WRITERS} writers, ${SUBSCRIBERS} subscribers on A; ` +
      `server ${values.tsx ? 'server/src (tsx)' : 'server/dist (built)'}`,
  );
  if (!values.tsx) buildServer();
  const db = await scratchDatabase('wg_bench_replicas');
  const servers: ServerProcess[] = [];
  const subscribers: Subscriber[] = [];
  try {
    const a = await startServer('A', db.url, { seed: true, tsx: Boolean(values.tsx) });
    servers.push(a);
    const b = await startServer('B', db.url, { seed: false, tsx: Boolean(values.tsx) });
    servers.push(b);
    console.log(`A: ${a.url}  B: ${b.url}`);

    const screen = await login(a.url, 'screen.hongshun');
    const writers = await Promise.all([1, 2, 3].map((i) => login(b.url, `resident.wenxiangyuan.${i}`)));
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    const maxSequence = async () =>
      Number((await pool.query<{ s: string | null }>('select max(sequence) as s from wish_event')).rows[0]?.s ?? 0);

    // Subscribe, then one warm-up event through each process: once every subscriber has both, all are live.
    const from = await maxSequence();
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const s = new Subscriber();
      await s.open(a.url, screen.token, { orgUnitId: screen.orgUnitId, afterSequence: from });
      subscribers.push(s);
    }
    const submit = (url: string, token: string, via: string, n: number) =>
      gql(
        url,
        SUBMIT,
        {
          input: { title: `bench ${via} ${n}`, description: 'bench/replicas', categoryCode: 'repairs' },
        },
        token,
      );
    await submit(a.url, writers[0]?.token ?? '', 'warmup', 0);
    await submit(b.url, writers[0]?.token ?? '', 'warmup', 1);
    const warm = Date.now();
    while (subscribers.some((s) => s.received.length < 2)) {
      if (Date.now() - warm > 60_000) throw new Error('the warm-up events did not reach every subscriber in 60 s');
      await sleep(20);
    }
    const start = await maxSequence();
    for (const s of subscribers) s.received.length = 0;

    // The writes: event i goes through A or B by blocks, paced at RATE per second.
    const cpuBefore = { A: cpuMs(a.child.pid), B: cpuMs(b.child.pid) };
    const t0 = performance.now();
    let next = 0;
    let failed = 0;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        const writer = writers[w % writers.length] ?? writers[0];
        while (next < EVENTS) {
          const i = next++;
          const due = t0 + (i * 1000) / RATE;
          const wait = due - performance.now();
          if (wait > 0) await sleep(wait);
          const via = Math.floor(i / BLOCK) % 2 === 0 ? 'A' : 'B';
          try {
            await submit(via === 'A' ? a.url : b.url, writer?.token ?? '', via, i);
          } catch (err) {
            failed++;
            if (failed <= 3) console.error(`write ${i} failed: ${(err as Error).message}`);
          }
        }
      }),
    );
    const writeSeconds = (performance.now() - t0) / 1000;

    const expected = (
      await pool.query<{ sequence: string }>('select sequence from wish_event where sequence > $1 order by sequence', [
        start,
      ])
    ).rows.map((r) => Number(r.sequence));
    const settle = Date.now();
    while (subscribers.some((s) => s.received.length < expected.length) && Date.now() - settle < 60_000) {
      await sleep(50);
    }
    const cpuAfter = { A: cpuMs(a.child.pid), B: cpuMs(b.child.pid) };
    await pool.end();

    // Checks: every subscriber against the stored events.
    const expectedSet = new Set(expected);
    let lost = 0;
    let duplicated = 0;
    let outOfOrder = 0;
    const latency: Record<string, number[]> = { A: [], B: [] };
    for (const s of subscribers) {
      const seen = new Set<number>();
      let last = -1;
      for (const r of s.received) {
        if (seen.has(r.sequence)) duplicated++;
        else if (r.sequence < last) outOfOrder++;
        seen.add(r.sequence);
        last = Math.max(last, r.sequence);
        latency[r.via]?.push(r.latencyMs);
      }
      for (const sequence of expectedSet) if (!seen.has(sequence)) lost++;
    }

    const row = (label: string, values: number[]) => {
      const sorted = [...values].sort((x, y) => x - y);
      return `| ${label} | ${sorted.length} | ${percentile(sorted, 50)} | ${percentile(sorted, 99)} | ${sorted.at(-1)} |`;
    };
    const p99A = percentile(
      [...(latency.A ?? [])].sort((x, y) => x - y),
      99,
    );
    const p99B = percentile(
      [...(latency.B ?? [])].sort((x, y) => x - y),
      99,
    );
    console.log('');
    console.log(
      `events stored: ${expected.length} of ${EVENTS} writes (${failed} failed), written in ${writeSeconds.toFixed(1)} s`,
    );
    console.log('| path (commit → receipt on A) | deliveries | p50 ms | p99 ms | max ms |');
    console.log('|---|---|---|---|---|');
    console.log(row('single-process: written on A', latency.A ?? []));
    console.log(row('cross-instance: written on B, via Redis', latency.B ?? []));
    console.log('');
    console.log(
      `cross-instance p99 − single-process p99: ${(p99B - p99A).toFixed(0)} ms (target ≤ 5 ms); ` +
        `lost ${lost}, duplicated ${duplicated}, out of order ${outOfOrder} over ${SUBSCRIBERS} subscribers × ` +
        `${expected.length} events`,
    );
    console.log(
      `CPU during the writes: A ${(cpuAfter.A - cpuBefore.A).toFixed(0)} ms, B ${(cpuAfter.B - cpuBefore.B).toFixed(0)} ms`,
    );
    if (lost + duplicated + outOfOrder > 0 || failed > 0) process.exitCode = 1;
  } finally {
    for (const s of subscribers) s.close();
    for (const server of servers.reverse()) await server.stop();
    await db.drop();
  }
}

// Run directly (`tsx bench/replicas/index.ts`) as well as through bench/run.ts.
if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
