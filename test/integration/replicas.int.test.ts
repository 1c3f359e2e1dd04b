/**
 * Two server processes on one database share events through Redis pub/sub (REDIS_URL): a subscriber on
 * one replica sees the transitions made on the other. Needs a Redis at TEST_REDIS_URL or 127.0.0.1:6379.
 */
import { describe, expect } from 'vitest';
import { startHarness, subscribe } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';
import { REDIS_URL, reachable } from '../support/redis.ts';

const redisUp = await reachable(REDIS_URL);
if (!redisUp && process.env.CI) throw new Error(`CI needs Redis at ${REDIS_URL}`);

/** Replica A is the file's harness (`h`), replica B (`b`) a second server on A's database. */
const it = harnessTest
  .override('harnessOptions', { redisUrl: REDIS_URL })
  .extend('b', { scope: 'file' }, async ({ h }, { onCleanup }) => {
    const b = await startHarness({ redisUrl: REDIS_URL, databaseName: new URL(h.databaseUrl).pathname.slice(1) });
    onCleanup(() => b.stop());
    return b;
  });

describe.runIf(redisUp)('replicas behind a load balancer', () => {
  it('a subscriber on replica B receives, in order, what replica A committed', async ({ h: a, b, world: w }) => {
    const tokenB = await b.login('hongshun.secretary');
    const client = b.ws(tokenB);
    const sub = subscribe(
      client,
      'subscription($a: Int) { wishEvents(afterSequence: $a) { sequence action wish { id status } } }',
      { a: await a.lastSequence() },
    );
    const wish = await w.submit('resident.wenxiangyuan.1');
    await w.dispatchAccepted('hongshun.secretary', wish.id, 'member.wenxiangyuan.1');
    const got = await sub.next(3);
    expect(got.map((m: any) => m.wishEvents.action)).toEqual(['SUBMIT', 'DISPATCH', 'ACCEPT']);
    expect(got[2].wishEvents.wish).toEqual({ id: wish.id, status: 'ACCEPTED' });
    await client.dispose();
  });

  it('a live subscriber (no replay) on B gets events from A through Redis alone', async ({ b, world: w }) => {
    const listeners = async (n: number) => {
      const deadline = Date.now() + 5000;
      while (b.app.hub.listenerCount() !== n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(b.app.hub.listenerCount()).toBe(n);
    };
    await listeners(0); // the previous test's subscriber is gone
    const client = b.ws(await b.login('admin'));
    const sub = subscribe(client, 'subscription { wishEvents { action wish { id } } }');
    await listeners(1); // B's subscription is registered: from here on nothing is missed
    const wish = await w.submit('resident.wenxiangyuan.2');
    const [first] = await sub.next(1);
    expect(first.wishEvents).toEqual({ action: 'SUBMIT', wish: { id: wish.id } });
    await client.dispose();
  });
});
