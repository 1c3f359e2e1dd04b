/**
 * Two server processes on one database share events through Redis pub/sub (REDIS_URL): a subscriber on
 * one replica sees the transitions made on the other. Needs a Redis at TEST_REDIS_URL or 127.0.0.1:6379.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, subscribe } from '../support/harness.ts';
import { loadWorld, type World } from '../support/world.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return await new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

const redisUp = await reachable(REDIS_URL);
if (!redisUp && process.env.CI) throw new Error(`CI needs Redis at ${REDIS_URL}`);

describe.runIf(redisUp)('replicas behind a load balancer', () => {
  let a: Harness;
  let b: Harness;
  let w: World;
  beforeAll(async () => {
    a = await startHarness({ redisUrl: REDIS_URL });
    b = await startHarness({ redisUrl: REDIS_URL, databaseName: new URL(a.databaseUrl).pathname.slice(1) });
    w = await loadWorld(a);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('a subscriber on replica B receives, in order, what replica A committed', async () => {
    const tokenB = await b.login('hongshun.secretary');
    const client = b.ws(tokenB);
    const sub = subscribe(
      client,
      'subscription($a: Int) { wishEvents(afterSequence: $a) { sequence action wish { id status } } }',
      { a: await a.lastSequence() },
    );
    const wish = await w.submit('resident.wenxiangyuan.1');
    const member = await w.person('member.wenxiangyuan.1');
    await w.ok('hongshun.secretary', 'dispatchWish', { wishId: wish.id, assigneeIds: [member] });
    await w.ok('member.wenxiangyuan.1', 'acceptWish', { wishId: wish.id });
    const got = await sub.next(3);
    expect(got.map((m: any) => m.wishEvents.action)).toEqual(['SUBMIT', 'DISPATCH', 'ACCEPT']);
    expect(got[2].wishEvents.wish).toEqual({ id: wish.id, status: 'ACCEPTED' });
    await client.dispose();
  });

  it('a live subscriber (no replay) on B gets events from A through Redis alone', async () => {
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
