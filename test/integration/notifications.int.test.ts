/**
 * Notifications: each kind written once for each intended recipient and nobody else, in the transaction of its
 * cause and in the recipient's language; the contract's MyNotifications, MarkNotificationsRead, Notifications and
 * MyOrders as written; live delivery over graphql-ws once, and only to the recipient; the reminders of the sweeps.
 */
import { describe, expect, vi } from 'vitest';
import { sweepReminders } from '../../server/src/domain/notifications/reminders.ts';
import { runSweeps } from '../../server/src/domain/sweeps.ts';
import { decodeId } from '../../server/src/graphql/ids.ts';
import { contractDocument } from '../support/contract.ts';
import { DEMO_PASSWORD, type Harness, startHarness, subscribe } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';
import { REDIS_URL, reachable } from '../support/redis.ts';
import type { World } from '../support/world.ts';

const redisUp = await reachable(REDIS_URL);
if (!redisUp && process.env.CI) throw new Error(`CI needs Redis at ${REDIS_URL}`);

/** The file's server shares live messages through Redis; `b` is a second replica on its database (started lazily). */
const it = harnessTest
  .override('harnessOptions', { redisUrl: redisUp ? REDIS_URL : null })
  .extend('b', { scope: 'file' }, async ({ h }, { onCleanup }) => {
    const b = await startHarness({ redisUrl: REDIS_URL, databaseName: new URL(h.databaseUrl).pathname.slice(1) });
    onCleanup(() => b.stop());
    return b;
  });

const app = contractDocument('app');
const code = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

/** The notifications written about a wish: [username, kind, message key], in the order written. */
async function notificationsOf(h: Harness, wishId: string) {
  const { rows } = await h.db.query(
    `select p.username, n.kind, n.message_key as key from notification n join person p on p.id = n.recipient_id
      where n.wish_id = $1 order by n.id`,
    [decodeId('Wish', wishId)],
  );
  return rows.map((r) => [r.username, r.kind, r.key]);
}

async function mine(h: Harness, w: World, username: string, variables: Record<string, unknown> = {}) {
  const res = await h.operation(app, 'MyNotifications', variables, await w.token(username));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.myNotifications;
}

/** The contract's Notifications subscription of `username`, once it is live (its listener is on the hub). */
async function live(h: Harness, w: World, username: string) {
  const listeners = h.app.hub.listenerCount();
  const sub = subscribe(h.ws(await w.token(username)), app, {}, 'Notifications');
  await vi.waitFor(() => expect(h.app.hub.listenerCount()).toBe(listeners + 1), { timeout: 5_000, interval: 10 });
  return sub;
}

describe('notifications of the wish loop', () => {
  it('tells each assignee of a dispatch once, in their language, and no one else; MyOrders shows the order', async ({
    h,
    world: w,
  }) => {
    await h.gql('mutation { setMyLanguage(language: EN) { id } }', {}, await w.token('member.wenxiangyuan.2'));
    const unreadBefore = (await mine(h, w, 'member.wenxiangyuan.1')).unreadCount;
    const wish = await w.submit('resident.wenxiangyuan.1', { title: '楼道扶手松动', address: '2号楼3单元' });
    expect(await notificationsOf(h, wish.id)).toEqual([]);
    await w.ok('wenxiangyuan.secretary', 'dispatchWish', {
      wishId: wish.id,
      assigneeIds: [await w.person('member.wenxiangyuan.1'), await w.person('member.wenxiangyuan.2')],
    });
    expect(await notificationsOf(h, wish.id)).toEqual([
      ['member.wenxiangyuan.1', 'ORDER_DISPATCHED', 'order.dispatched'],
      ['member.wenxiangyuan.2', 'ORDER_DISPATCHED', 'order.dispatched'],
    ]);
    const one = await mine(h, w, 'member.wenxiangyuan.1', { first: 1 });
    expect(one.unreadCount).toBe(unreadBefore + 1);
    expect(one.nodes).toEqual([
      {
        id: expect.any(String),
        kind: 'ORDER_DISPATCHED',
        title: '新的派单',
        body: '心愿「楼道扶手松动」已派给您，请及时接单。',
        at: expect.any(String),
        readAt: null,
        wish: { id: wish.id, title: '楼道扶手松动', status: 'DISPATCHED' },
        activity: null,
      },
    ]);
    const two = await mine(h, w, 'member.wenxiangyuan.2', { first: 1 });
    expect(two.nodes[0]).toMatchObject({
      title: 'New order',
      body: 'The wish “楼道扶手松动” has been dispatched to you: please accept it.',
    });

    const orders = await h.operation(app, 'MyOrders', { first: 100 }, await w.token('member.wenxiangyuan.1'));
    expect(orders.errors).toBeUndefined();
    expect(orders.data.wishes.edges.map((e: any) => e.node)).toContainEqual({
      id: wish.id,
      title: '楼道扶手松动',
      status: 'DISPATCHED',
      dueAt: expect.any(String),
      overdue: false,
      address: '2号楼3单元',
    });
  });

  it('tells the members and volunteers of the compound of an open wish, and hides it from them once taken', async ({
    h,
    world: w,
  }) => {
    const wish = await w.submit('resident.wenxiangyuan.2', { title: '帮忙搬运旧家具' });
    await w.ok('wenxiangyuan.secretary', 'openWishForClaim', { wishId: wish.id });
    const { rows } = await h.db.query(
      `select distinct p.username from person_role r join org_unit u on u.id = r.org_unit_id join person p on p.id = r.person_id
        where r.role in ('PARTY_MEMBER', 'VOLUNTEER') and u.path like (select path from org_unit where name = 'Wenxiangyuan') || '%'
          and p.active order by p.username`,
    );
    const told = (await notificationsOf(h, wish.id)).filter(([, kind]) => kind === 'ORDER_OPEN');
    expect(told.map(([u]) => u).sort()).toEqual(rows.map((r) => r.username).sort());
    expect(told.map(([u]) => u)).toContain('volunteer.wenxiangyuan.1');
    expect(told.map(([u]) => u)).not.toContain('member.financial.1');
    expect(told.map(([u]) => u)).not.toContain('resident.wenxiangyuan.2');

    const before = (await mine(h, w, 'member.wenxiangyuan.4', { first: 1 })).nodes[0];
    expect(before).toMatchObject({ kind: 'ORDER_OPEN', body: '文香苑的心愿「帮忙搬运旧家具」等待认领。' });
    expect(before.wish).toEqual({ id: wish.id, title: '帮忙搬运旧家具', status: 'OPEN_FOR_CLAIM' });
    await w.ok('member.wenxiangyuan.3', 'claimWish', { wishId: wish.id });
    // Another member no longer sees the wish: the notification stays, its wish is null.
    const after = (await mine(h, w, 'member.wenxiangyuan.4', { first: 1 })).nodes[0];
    expect(after).toMatchObject({ id: before.id, kind: 'ORDER_OPEN', wish: null });
    // The resident learns it was taken.
    expect((await notificationsOf(h, wish.id)).slice(told.length)).toEqual([
      ['resident.wenxiangyuan.2', 'WISH_UPDATED', 'wish.accepted'],
    ]);
  });

  it('tells the resident once each when the wish is accepted, resolved, escalated and rejected', async ({
    h,
    world: w,
  }) => {
    const wish = await w.submit('resident.wenxiangyuan.3', { title: '单元门禁失灵' });
    await w.dispatchAccepted('wenxiangyuan.secretary', wish.id, 'member.wenxiangyuan.1');
    await w.ok('member.wenxiangyuan.1', 'resolveWish', { wishId: wish.id, note: '已更换门禁电源' });
    expect((await notificationsOf(h, wish.id)).filter(([u]) => u === 'resident.wenxiangyuan.3')).toEqual([
      ['resident.wenxiangyuan.3', 'WISH_UPDATED', 'wish.accepted'],
      ['resident.wenxiangyuan.3', 'WISH_UPDATED', 'wish.resolved'],
    ]);
    // Evaluating tells nobody (it is the resident's own act).
    const count = (await notificationsOf(h, wish.id)).length;
    await w.ok('resident.wenxiangyuan.3', 'evaluateWish', { wishId: wish.id, rating: 5 });
    expect(await notificationsOf(h, wish.id)).toHaveLength(count);

    const other = await w.submit('resident.wenxiangyuan.3', { title: '小区路灯不亮' });
    await w.ok('wenxiangyuan.secretary', 'escalateWish', { wishId: other.id, reason: '需社区协调' });
    await w.ok('hongshun.secretary', 'rejectWish', { wishId: other.id, reason: '属市政管辖，已转12345' });
    expect(await notificationsOf(h, other.id)).toEqual([
      ['resident.wenxiangyuan.3', 'WISH_UPDATED', 'wish.escalated'],
      ['resident.wenxiangyuan.3', 'WISH_UPDATED', 'wish.rejected'],
    ]);
    const [rejected, escalated] = (await mine(h, w, 'resident.wenxiangyuan.3', { first: 2 })).nodes;
    expect(escalated).toMatchObject({ title: '心愿已上报', body: '您的心愿「小区路灯不亮」已转交洪顺路社区办理。' });
    expect(rejected).toMatchObject({
      title: '心愿未被受理',
      body: '您的心愿「小区路灯不亮」未被受理：属市政管辖，已转12345',
      wish: { id: other.id, title: '小区路灯不亮', status: 'REJECTED' },
    });
  });
});

describe('reading notifications', () => {
  it('lists newest first, filters the unread, and marks one or all read', async ({ h, world: w }) => {
    const token = await w.token('member.wenxiangyuan.1');
    const all = await mine(h, w, 'member.wenxiangyuan.1', { first: 100 });
    expect(all.nodes.length).toBeGreaterThanOrEqual(2);
    const times = all.nodes.map((n: any) => Date.parse(n.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const unread = all.nodes.filter((n: any) => n.readAt === null);
    expect(all.unreadCount).toBe(unread.length);
    expect((await mine(h, w, 'member.wenxiangyuan.1', { unreadOnly: true, first: 100 })).nodes).toEqual(unread);

    const [first] = unread;
    const marked = await h.operation(app, 'MarkNotificationsRead', { ids: [first.id] }, token);
    expect(marked).toEqual({ data: { markNotificationsRead: { unreadCount: unread.length - 1 } } });
    const again = (await mine(h, w, 'member.wenxiangyuan.1', { first: 100 })).nodes.find((n: any) => n.id === first.id);
    expect(again.readAt).toEqual(expect.any(String));

    // Someone else's notification, or an id that is none: NOT_FOUND, and nothing is marked.
    const others = (await mine(h, w, 'member.wenxiangyuan.2', { first: 1 })).nodes[0];
    for (const ids of [[others.id], ['nonsense'], [unread[1]?.id, others.id]]) {
      expect(code(await h.operation(app, 'MarkNotificationsRead', { ids }, token)), JSON.stringify(ids)).toBe(
        'NOT_FOUND',
      );
    }
    expect((await mine(h, w, 'member.wenxiangyuan.1')).unreadCount).toBe(unread.length - 1);
    expect((await mine(h, w, 'member.wenxiangyuan.2')).unreadCount).toBeGreaterThan(0);

    expect(await h.operation(app, 'MarkNotificationsRead', {}, token)).toEqual({
      data: { markNotificationsRead: { unreadCount: 0 } },
    });
    expect((await mine(h, w, 'member.wenxiangyuan.1', { unreadOnly: true })).nodes).toEqual([]);
  });

  it('checks its arguments and needs a token', async ({ h, world: w }) => {
    const token = await w.token('member.wenxiangyuan.1');
    expect(code(await h.operation(app, 'MyNotifications', {}, null))).toBe('UNAUTHENTICATED');
    expect(code(await h.operation(app, 'MarkNotificationsRead', {}, null))).toBe('UNAUTHENTICATED');
    expect(code(await h.operation(app, 'MyNotifications', { first: 101 }, token))).toBe('BAD_USER_INPUT');
    expect(code(await h.operation(app, 'MyNotifications', { first: -1 }, token))).toBe('BAD_USER_INPUT');
    const many = Array.from({ length: 101 }, () => 'x');
    expect(code(await h.operation(app, 'MarkNotificationsRead', { ids: many }, token))).toBe('BAD_USER_INPUT');
  });
});

describe('live notifications', () => {
  it('delivers each new notification over graphql-ws once, in order, and only to its recipient', async ({
    h,
    world: w,
  }) => {
    const one = await live(h, w, 'member.wenxiangyuan.1');
    const five = await live(h, w, 'member.wenxiangyuan.5');
    const first = await w.submit('resident.wenxiangyuan.1', { title: '垃圾桶破损' });
    const second = await w.submit('resident.wenxiangyuan.1', { title: '自行车棚漏雨' });
    const member1 = await w.person('member.wenxiangyuan.1');
    await w.ok('wenxiangyuan.secretary', 'dispatchWish', { wishId: first.id, assigneeIds: [member1] });
    await w.ok('wenxiangyuan.secretary', 'dispatchWish', { wishId: second.id, assigneeIds: [member1] });
    const received = await one.next(2);
    expect(received.map((m: any) => [m.notifications.kind, m.notifications.wish])).toEqual([
      ['ORDER_DISPATCHED', { id: first.id, status: 'DISPATCHED' }],
      ['ORDER_DISPATCHED', { id: second.id, status: 'DISPATCHED' }],
    ]);
    expect(received[0].notifications.title).toBe('新的派单');
    const stored = (await mine(h, w, 'member.wenxiangyuan.1', { first: 2 })).nodes.map((n: any) => n.id).reverse();
    expect(received.map((m: any) => m.notifications.id)).toEqual(stored);

    // member 5 got nothing of that: their first message is their own, later one.
    await w.ok('wenxiangyuan.secretary', 'dispatchWish', {
      wishId: (await w.submit('resident.wenxiangyuan.1', { title: '花坛杂草' })).id,
      assigneeIds: [await w.person('member.wenxiangyuan.5')],
    });
    const [own] = await five.next(1);
    expect(own.notifications.body).toBe('心愿「花坛杂草」已派给您，请及时接单。');
    // And member 1 nothing more: their next message is the next one written for them.
    await w.ok('member.wenxiangyuan.1', 'acceptWish', { wishId: first.id });
    await w.ok('wenxiangyuan.secretary', 'dispatchWish', {
      wishId: (await w.submit('resident.wenxiangyuan.1', { title: '单元门口积水' })).id,
      assigneeIds: [member1],
    });
    await one.until(() => one.items.length >= 3);
    expect(one.items.map((m: any) => m.notifications.kind)).toEqual([
      'ORDER_DISPATCHED',
      'ORDER_DISPATCHED',
      'ORDER_DISPATCHED',
    ]);
    expect(five.items).toHaveLength(1);
    expect(one.errors).toEqual([]);
    one.dispose();
    five.dispose();
  });
});

describe.runIf(redisUp)('live notifications across replicas', () => {
  it('delivers what one replica wrote to the recipient subscribed on another, once', async ({ h, b, world: w }) => {
    const listeners = b.app.hub.listenerCount();
    const sub = subscribe(b.ws(await b.login('member.wenxiangyuan.3')), app, {}, 'Notifications');
    await vi.waitFor(() => expect(b.app.hub.listenerCount()).toBe(listeners + 1), { timeout: 5_000, interval: 10 });
    const wish = await w.submit('resident.wenxiangyuan.1', { title: '楼下路面塌陷' });
    await w.ok('wenxiangyuan.secretary', 'dispatchWish', {
      wishId: wish.id,
      assigneeIds: [await w.person('member.wenxiangyuan.3')],
    });
    const [got] = await sub.next(1);
    expect(got.notifications).toMatchObject({ kind: 'ORDER_DISPATCHED', wish: { id: wish.id, status: 'DISPATCHED' } });
    // A verification (announced by itself, not with a wish event) travels the same way.
    const register = await h.operation(
      app,
      'RegisterResident',
      {
        input: {
          username: 'replica.resident',
          password: DEMO_PASSWORD,
          displayName: '跨副本居民',
          phone: '17703548888',
          compoundId: w.unit('Wenxiangyuan'),
          address: '1号楼1单元101',
        },
      },
      null,
    );
    const person = register.data.registerResident.person;
    const before = b.app.hub.listenerCount();
    const pending = subscribe(b.ws(await b.login('replica.resident')), app, {}, 'Notifications');
    await vi.waitFor(() => expect(b.app.hub.listenerCount()).toBe(before + 1), { timeout: 5_000, interval: 10 });
    await h.operation(
      app,
      'VerifyResident',
      { input: { personId: person.id, approve: true } },
      await w.token('grid.hongshun'),
    );
    const [decided] = await pending.next(1);
    expect(decided.notifications).toMatchObject({ kind: 'VERIFICATION', title: '注册已通过审核' });
    expect(sub.items).toHaveLength(1);
    sub.dispose();
    pending.dispose();
  });
});

describe('reminders of the sweeps', () => {
  it('reminds the resident of an evaluation due and the signed-up of an activity tomorrow, once each', async ({
    h,
    world: w,
  }) => {
    const wish = await w.submit('resident.wenxiangyuan.2', { title: '楼顶防水层破损' });
    await w.dispatchAccepted('wenxiangyuan.secretary', wish.id, 'member.wenxiangyuan.2');
    await w.ok('member.wenxiangyuan.2', 'resolveWish', { wishId: wish.id, note: '已修补' });
    const now = new Date();
    // Resolved 6 days and 1 hour ago: with auto-close after 7 days, it closes within a day.
    await h.db.query(`update wish set updated_at = $1 where id = $2`, [
      new Date(now.getTime() - (6 * 24 + 1) * 3_600_000),
      decodeId('Wish', wish.id),
    ]);
    const { rows: unit } = await h.db.query(`select id from org_unit where name = 'Wenxiangyuan'`);
    const { rows: created } = await h.db.query(
      `insert into activity (organizer_id, title, place, starts_at, ends_at, capacity, points_per_participant, status, created_at, updated_at, version)
       values ($1, '重阳节敬老活动', '文香苑活动室', $2, $3, 20, 5, 'PLANNED', now(), now(), 1) returning id`,
      [unit[0].id, new Date(now.getTime() + 12 * 3_600_000), new Date(now.getTime() + 14 * 3_600_000)],
    );
    const activityId = created[0].id;
    for (const username of ['member.wenxiangyuan.3', 'volunteer.wenxiangyuan.1']) {
      await h.db.query(
        `insert into activity_sign_up (activity_id, person_id, status, signed_up_at) values ($1, $2, 'SIGNED_UP', now())`,
        [activityId, decodeId('Person', await w.person(username))],
      );
    }

    const resident = await live(h, w, 'resident.wenxiangyuan.2');
    // The server's sweep and two more at once (replicas): each reminder is written once.
    const sweep = () =>
      runSweeps(h.app.orm.em.fork(), {
        now,
        autoCloseDays: 7,
        finishAfterHours: 24,
        publishWish: (e) => h.app.hub.publish(e),
        publishActivity: (id) => h.app.hub.publishActivity(id),
        publishNotifications: (ids) => h.app.hub.publishNotifications(ids),
      });
    await sweep();
    await Promise.all([
      sweepReminders(h.app.orm.em.fork(), { now, autoCloseDays: 7 }),
      sweepReminders(h.app.orm.em.fork(), { now, autoCloseDays: 7 }),
    ]);
    expect((await notificationsOf(h, wish.id)).filter(([, kind]) => kind === 'EVALUATION_DUE')).toEqual([
      ['resident.wenxiangyuan.2', 'EVALUATION_DUE', 'evaluation.due'],
    ]);
    const { rows: reminders } = await h.db.query(
      `select p.username from notification n join person p on p.id = n.recipient_id
        where n.activity_id = $1 and n.kind = 'ACTIVITY_REMINDER' order by p.username`,
      [activityId],
    );
    expect(reminders.map((r) => r.username)).toEqual(['member.wenxiangyuan.3', 'volunteer.wenxiangyuan.1']);

    // (Wishes of the demo data resolved six days ago remind their residents too: this wish's reminder, once.)
    const ofThisWish = () => resident.items.filter((m: any) => m.notifications.wish?.id === wish.id);
    await resident.until(() => ofThisWish().length > 0);
    const [due] = ofThisWish();
    expect(ofThisWish()).toHaveLength(1);
    expect(due.notifications).toMatchObject({
      kind: 'EVALUATION_DUE',
      title: '请评价心愿',
      body: '您的心愿「楼顶防水层破损」已办结，明天将自动结单，请尽快评价。',
      wish: { id: wish.id, status: 'RESOLVED' },
    });
    const reminder = (await mine(h, w, 'volunteer.wenxiangyuan.1', { first: 100 })).nodes.find(
      (n: any) => n.activity?.title === '重阳节敬老活动',
    );
    expect(reminder).toMatchObject({
      kind: 'ACTIVITY_REMINDER',
      title: '活动提醒',
      body: expect.stringMatching(/^您报名的活动「重阳节敬老活动」将于\d+月\d+日 \d\d:\d\d在文香苑活动室开始。$/),
      wish: null,
      activity: { title: '重阳节敬老活动' },
    });
    resident.dispose();
  });
});
