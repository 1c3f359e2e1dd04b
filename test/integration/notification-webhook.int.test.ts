/**
 * External delivery of notifications through the webhook channel (the outbox): a real HTTP receiver started here,
 * on a free port, that acts on each Idempotency-Key once (as a receiver must) and records every request. The
 * servers deliver with a short backoff (100 ms doubling to 800 ms, 10 attempts) and poll every 25 ms.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';
import { decodeId, encodeId } from '../../server/src/graphql/ids.ts';
import { backoffMs } from '../../server/src/notify/delivery-worker.ts';
import type { NotifyConfig } from '../../server/src/notify/notify-config.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';
import { loadWorld } from '../support/world.ts';

const SECRET = 'webhook-test-secret-0123456789';
const METRICS_TOKEN = 'metrics-test-token-0123456789';
const MAX_ATTEMPTS = 10;

interface Received {
  key: string;
  timestamp: string;
  signature: string;
  attempt: number;
  raw: string;
  /** What the receiver answered (0: it never answered). */
  status: number;
}

type Mode = 200 | 400 | 500 | 'hold';

/** The test's webhook receiver: acts on a key once (its first 2xx, or a request it held), answers 200 after that. */
class Receiver {
  private server: http.Server | null = null;
  private readonly sockets = new Set<import('node:net').Socket>();
  private readonly held: http.ServerResponse[] = [];
  private readonly waiters = new Set<() => void>();
  port = 0;
  mode: Mode = 200;
  readonly requests: Received[] = [];
  /** Key → the body it was acted on with. */
  readonly processed = new Map<string, string>();

  get url() {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async listen(port = 0): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const key = String(req.headers['idempotency-key'] ?? '');
        const duplicate = this.processed.has(key);
        const status = duplicate ? 200 : this.mode === 'hold' ? 0 : this.mode;
        if (!duplicate && (status === 200 || this.mode === 'hold')) this.processed.set(key, raw);
        this.requests.push({
          key,
          timestamp: String(req.headers['x-wishgrid-timestamp'] ?? ''),
          signature: String(req.headers['x-wishgrid-signature'] ?? ''),
          attempt: Number(req.headers['x-wishgrid-attempt']),
          raw,
          status,
        });
        if (status === 0) this.held.push(res);
        else res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
        for (const wake of [...this.waiters]) wake();
      });
    });
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Stops listening (connections are refused) and cuts every open connection. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answers the requests held so far (their senders may be gone). */
  release(): void {
    for (const res of this.held.splice(0)) if (!res.destroyed) res.writeHead(200).end('ok');
  }

  of(key: string): Received[] {
    return this.requests.filter((r) => r.key === key);
  }

  /** Resolves once `condition` holds, checked after every request received. */
  until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`receiver: timed out waiting until ${what}`));
      }, ms);
      this.waiters.add(check);
      check();
    });
  }
}

const receiver = new Receiver();
await receiver.listen();
afterAll(() => receiver.close());

function notifyConfig(url: string | null): NotifyConfig {
  return {
    ...loadConfig({}).notify,
    webhook: url ? { url, secret: SECRET, timeoutMs: 2_000, includePhone: false } : null,
    retryBaseMs: 100,
    retryMaxMs: 800,
    maxAttempts: MAX_ATTEMPTS,
    pollMs: 25,
  };
}

const it = harnessTest.override('harnessOptions', {
  config: { notify: notifyConfig(receiver.url), metricsToken: METRICS_TOKEN },
});

/** Polls the database until `condition` holds for the rows of `sql` (a state, not an event, to wait for). */
async function rowsUntil<T>(h: Harness, sql: string, params: unknown[], condition: (rows: T[]) => boolean) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { rows } = await h.db.query(sql, params);
    if (condition(rows as T[])) return rows as T[];
    if (Date.now() > deadline) throw new Error(`timed out: ${sql} → ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface DeliveryRow {
  notification_id: number;
  status: string;
  attempts: number;
  last_error: string | null;
}

const DELIVERIES = `select d.notification_id, d.status, d.attempts, d.last_error from notification_delivery d
                     where d.notification_id = any($1::int[]) order by d.notification_id`;

/** The notification ids a wish has caused so far. */
async function notificationsOf(h: Harness, wishId: string): Promise<number[]> {
  const { rows } = await h.db.query('select id from notification where wish_id = $1 order by id', [
    decodeId('Wish', wishId),
  ]);
  return rows.map((r: { id: number }) => r.id);
}

const keyOf = (notificationId: number) => encodeId('Notification', notificationId);

/** Submits a wish for a resident and dispatches it to a member: one ORDER_DISPATCHED notification. */
async function dispatchOne(h: Harness, resident = 'resident.wenxiangyuan.1'): Promise<number> {
  const world = await loadWorld(h);
  const wish = await world.submit(resident);
  await world.ok('hongshun.secretary', 'dispatchWish', {
    wishId: wish.id,
    assigneeIds: [await world.person('member.wenxiangyuan.1')],
  });
  const ids = await notificationsOf(h, wish.id);
  expect(ids).toHaveLength(1);
  return ids[0] as number;
}

async function scrape(h: Harness): Promise<string> {
  const res = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  return res.text();
}

const counter = (text: string, outcome: string) =>
  Number(
    new RegExp(`^wishgrid_notification_deliveries_total\\{channel="webhook",outcome="${outcome}"\\} (\\d+)`, 'm').exec(
      text,
    )?.[1] ?? 0,
  );

describe('the webhook channel', () => {
  it('delivers the notifications of a wish action, signed, with the notification id as Idempotency-Key', async ({
    h,
    world,
  }) => {
    const wish = await world.submit('resident.wenxiangyuan.1');
    await world.dispatchAccepted('hongshun.secretary', wish.id, 'member.wenxiangyuan.1');
    const { rows: notes } = await h.db.query(
      'select id, recipient_id, kind from notification where wish_id = $1 order by id',
      [decodeId('Wish', wish.id)],
    );
    // ORDER_DISPATCHED to the member, WISH_UPDATED (taken) to the resident.
    expect(notes.map((n: { kind: string }) => n.kind)).toEqual(['ORDER_DISPATCHED', 'WISH_UPDATED']);
    const keys = notes.map((n: { id: number }) => keyOf(n.id));
    await receiver.until(() => keys.every((k: string) => receiver.processed.has(k)), 'both notifications arrive');

    for (const n of notes as { id: number; recipient_id: number; kind: string }[]) {
      const [request, ...more] = receiver.of(keyOf(n.id));
      expect(more).toEqual([]);
      if (!request) throw new Error('no request');
      const expected = `v1=${createHmac('sha256', SECRET).update(`${request.timestamp}.${request.raw}`).digest('hex')}`;
      expect(request.signature).toBe(expected);
      expect(Math.abs(Number(request.timestamp) - Date.now() / 1000)).toBeLessThan(60);
      expect(request.attempt).toBe(1);
      const payload = JSON.parse(request.raw);
      expect(payload).toMatchObject({
        id: keyOf(n.id),
        kind: n.kind,
        recipient: { id: encodeId('Person', n.recipient_id), language: 'zh-CN' },
        wishId: wish.id,
        activityId: null,
      });
      // No personal data unless NOTIFY_WEBHOOK_INCLUDE_PHONE is set; the text is the recipient's (Chinese).
      expect(payload.recipient).not.toHaveProperty('phone');
      expect(payload.body).toContain(wish.title);
      expect(`${payload.title}${payload.body}`).not.toMatch(/[A-Za-z]/);
    }
    const rows = await rowsUntil<DeliveryRow>(h, DELIVERIES, [notes.map((n: { id: number }) => n.id)], (r) =>
      r.every((d) => d.status === 'DELIVERED'),
    );
    expect(rows.map((d) => d.attempts)).toEqual([1, 1]);
  });

  it('retries while the receiver refuses connections, then answers 500, and delivers once it is back', async ({
    h,
  }) => {
    const before = await scrape(h);
    const port = receiver.port;
    await receiver.close();
    const id = await dispatchOne(h);
    const key = keyOf(id);
    // Connection refused, twice at least.
    const [refused] = await rowsUntil<DeliveryRow>(h, DELIVERIES, [[id]], ([d]) => (d?.attempts ?? 0) >= 2);
    expect(refused?.status).toBe('PENDING');
    expect(refused?.last_error).toMatch(/^network error/);

    receiver.mode = 500;
    await receiver.listen(port);
    await receiver.until(() => receiver.of(key).filter((r) => r.status === 500).length >= 2, 'two 500s');
    receiver.mode = 200;
    await receiver.until(() => receiver.processed.has(key), 'the delivery arrives');

    const [done] = await rowsUntil<DeliveryRow>(h, DELIVERIES, [[id]], ([d]) => d?.status === 'DELIVERED');
    const seen = receiver.of(key);
    expect(seen.filter((r) => r.status === 200)).toHaveLength(1);
    // Each attempt is counted, the refused ones too; every attempt carried the same body.
    expect(done?.attempts).toBeGreaterThanOrEqual(seen.length + 2);
    expect(new Set(seen.map((r) => r.raw)).size).toBe(1);
    expect(seen.map((r) => r.attempt)).toEqual([...seen.map((r) => r.attempt)].sort((a, b) => a - b));
    const after = await scrape(h);
    expect(counter(after, 'retried') - counter(before, 'retried')).toBeGreaterThanOrEqual(4);
    expect(counter(after, 'delivered') - counter(before, 'delivered')).toBe(1);
  });

  it('gives up at once on a 4xx, after the last attempt on 5xx, and keeps the failure visible', async ({ h }) => {
    const before = await scrape(h);
    receiver.mode = 400;
    const refusedId = await dispatchOne(h);
    const [refused] = await rowsUntil<DeliveryRow>(h, DELIVERIES, [[refusedId]], ([d]) => d?.status === 'FAILED');
    expect(refused).toMatchObject({ attempts: 1, last_error: 'HTTP 400' });

    receiver.mode = 500;
    const failingId = await dispatchOne(h);
    const [failed] = await rowsUntil<DeliveryRow>(h, DELIVERIES, [[failingId]], ([d]) => d?.status === 'FAILED');
    receiver.mode = 200;
    expect(failed).toMatchObject({ attempts: MAX_ATTEMPTS, last_error: 'HTTP 500' });
    expect(receiver.of(keyOf(failingId))).toHaveLength(MAX_ATTEMPTS);
    const after = await scrape(h);
    expect(counter(after, 'failed') - counter(before, 'failed')).toBe(2);
  });

  it('two servers on one database deliver each notification once', async ({ h }) => {
    const b = await startHarness({
      databaseName: new URL(h.databaseUrl).pathname.slice(1),
      config: { notify: notifyConfig(receiver.url) },
    });
    try {
      const ids: number[] = [];
      for (let i = 0; i < 6; i++)
        ids.push(await dispatchOne(i % 2 === 0 ? h : b, `resident.wenxiangyuan.${1 + (i % 3)}`));
      const keys = ids.map(keyOf);
      await receiver.until(() => keys.every((k) => receiver.processed.has(k)), 'all six arrive');
      await rowsUntil<DeliveryRow>(
        h,
        DELIVERIES,
        [ids],
        (r) => r.length === 6 && r.every((d) => d.status === 'DELIVERED'),
      );
      for (const key of keys) expect(receiver.of(key)).toHaveLength(1);
    } finally {
      await b.stop();
    }
  });
});

describe('the outbox across a restart and without a channel', () => {
  harnessTest('a server stopped with deliveries pending or in flight: the next one delivers each once', async () => {
    // A receiver of its own: the new database numbers its notifications from 1 again.
    const rcv = new Receiver();
    await rcv.listen();
    const a = await startHarness({ config: { notify: notifyConfig(rcv.url) } });
    const databaseName = new URL(a.databaseUrl).pathname.slice(1);
    let b: Harness | null = null;
    try {
      rcv.mode = 500;
      const ids = [await dispatchOne(a), await dispatchOne(a, 'resident.wenxiangyuan.2')];
      const keys = ids.map(keyOf);
      await rcv.until(() => keys.every((k) => rcv.of(k).length >= 1), 'each attempted once');
      // The receiver now acts on what it gets but never answers: the sender cannot know it arrived.
      rcv.mode = 'hold';
      await rcv.until(() => keys.some((k) => rcv.processed.has(k)), 'one is held');
      await a.app.stop({ graceMs: 300 });
      rcv.release();
      const { rows: left } = await a.db.query(DELIVERIES, [ids]);
      expect(left.every((d: DeliveryRow) => d.status === 'PENDING')).toBe(true);

      rcv.mode = 200;
      b = await startHarness({ databaseName, config: { notify: notifyConfig(rcv.url) } });
      await rowsUntil<DeliveryRow>(b, DELIVERIES, [ids], (r) => r.every((d) => d.status === 'DELIVERED'));
      // Acted on once per key; the one held was sent again (the same body), and the receiver knew it by its key.
      for (const key of keys) expect(rcv.processed.has(key)).toBe(true);
      const heldKeys = keys.filter((k) => rcv.of(k).some((r) => r.status === 0));
      expect(heldKeys.length).toBeGreaterThan(0);
      for (const key of heldKeys) {
        const answered = rcv.of(key).filter((r) => r.status !== 500);
        expect(answered.length).toBeGreaterThanOrEqual(2);
        expect(new Set(answered.map((r) => r.raw)).size).toBe(1);
        expect(rcv.processed.get(key)).toBe(answered[0]?.raw);
      }
    } finally {
      await b?.stop();
      await a.stop();
      await rcv.close();
    }
  });

  harnessTest('with no webhook URL nothing is recorded to send, and what was pending is cancelled', async () => {
    // A receiver of its own: the new database numbers its notifications from 1 again.
    const rcv = new Receiver();
    await rcv.listen();
    const a = await startHarness({ config: { notify: notifyConfig(rcv.url) } });
    const databaseName = new URL(a.databaseUrl).pathname.slice(1);
    let b: Harness | null = null;
    try {
      rcv.mode = 500;
      const pendingId = await dispatchOne(a);
      await rcv.until(() => rcv.of(keyOf(pendingId)).length >= 1, 'attempted once');
      await a.app.stop();
      rcv.mode = 200;
      const sentBefore = rcv.requests.length;

      b = await startHarness({ databaseName, config: { notify: notifyConfig(null) } });
      const { rows: pending } = await b.db.query(DELIVERIES, [[pendingId]]);
      expect(pending).toMatchObject([{ status: 'CANCELLED', last_error: 'channel switched off' }]);
      const { rows: channels } = await b.db.query('select name from notification_channel');
      expect(channels).toEqual([]);

      const newId = await dispatchOne(b, 'resident.wenxiangyuan.2');
      const { rows: none } = await b.db.query(DELIVERIES, [[newId]]);
      expect(none).toEqual([]);
      expect(rcv.requests.slice(sentBefore).map((r) => r.key)).not.toContain(keyOf(newId));
    } finally {
      await b?.stop();
      await a.stop();
      await rcv.close();
    }
  });
});

describe('the delivery settings', () => {
  harnessTest('name the variable that is wrong', () => {
    expect(() => loadConfig({ NOTIFY_WEBHOOK_URL: 'https://sms.example/hook' })).toThrow(/NOTIFY_WEBHOOK_SECRET/);
    expect(() => loadConfig({ NOTIFY_WEBHOOK_SECRET: SECRET })).toThrow(/without NOTIFY_WEBHOOK_URL/);
    expect(() => loadConfig({ NOTIFY_WEBHOOK_URL: 'ftp://x/y', NOTIFY_WEBHOOK_SECRET: SECRET })).toThrow(
      /NOTIFY_WEBHOOK_URL must be an http/,
    );
    expect(() => loadConfig({ NOTIFY_WEBHOOK_URL: 'https://x/y', NOTIFY_WEBHOOK_SECRET: 'short' })).toThrow(
      /NOTIFY_WEBHOOK_SECRET must be 16/,
    );
    expect(loadConfig({}).notify.webhook).toBeNull();
    expect(
      loadConfig({ NOTIFY_WEBHOOK_URL: 'https://sms.example/hook', NOTIFY_WEBHOOK_SECRET: SECRET }).notify.webhook,
    ).toMatchObject({ url: 'https://sms.example/hook', includePhone: false });
  });

  harnessTest('back off exponentially, within ±20 %, up to the cap', () => {
    const cfg = { retryBaseMs: 1_000, retryMaxMs: 60_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, cfg, () => 0.5))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    expect(backoffMs(3, cfg, () => 0)).toBe(3_200);
    expect(backoffMs(3, cfg, () => 1)).toBe(4_800);
    expect(backoffMs(20, cfg, () => 1)).toBe(60_000);
  });
});
