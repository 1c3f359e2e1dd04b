/**
 * The four-step loop through the API, with every step's event arriving at subscribers of the compound,
 * of its community and of the wish, in order.
 */
import { describe, expect } from 'vitest';
import { subscribe } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';

const EVENTS = `subscription($orgUnitId: ID, $wishId: ID, $afterSequence: Int) {
  wishEvents(orgUnitId: $orgUnitId, wishId: $wishId, afterSequence: $afterSequence) {
    sequence action fromStatus toStatus wish { id status }
  }
}`;

/** `watchers(username, wishId)` subscribes as `username` to a compound, its community and one wish, from now on. */
const it = harnessTest.extend('watchers', { scope: 'file' }, ({ h, world: w }) => {
  return async (username: string, wishId: string | null) => {
    const client = h.ws(await w.token(username));
    const after = await h.lastSequence();
    const compound = subscribe(client, EVENTS, { orgUnitId: w.unit('Wenxiangyuan'), afterSequence: after });
    const community = subscribe(client, EVENTS, { orgUnitId: w.unit('Hongshun Road'), afterSequence: after });
    const wish = wishId ? subscribe(client, EVENTS, { wishId, afterSequence: after }) : null;
    return { client, compound, community, wish };
  };
});

describe('the wish loop', () => {
  it('submit → dispatch → accept → resolve → evaluate (4★) ends CLOSED, and every subscriber sees each step in order', async ({
    world: w,
    watchers,
  }) => {
    const wish = await w.submit('resident.wenxiangyuan.1', { title: '小区停车难', categoryCode: 'parking' });
    const subs = await watchers('hongshun.secretary', wish.id);
    const member = await w.person('member.wenxiangyuan.2');
    const dispatched = await w.ok('wenxiangyuan.secretary', 'dispatchWish', { wishId: wish.id, assigneeIds: [member] });
    expect(dispatched.status).toBe('DISPATCHED');
    await w.ok('member.wenxiangyuan.2', 'acceptWish', { wishId: wish.id });
    await w.ok('member.wenxiangyuan.2', 'resolveWish', { wishId: wish.id, note: '新增12个车位' });
    const closed = await w.ok('resident.wenxiangyuan.1', 'evaluateWish', {
      wishId: wish.id,
      rating: 4,
      comment: '满意',
    });
    expect(closed).toMatchObject({ status: 'CLOSED', rating: 4 });

    const expected = [
      ['DISPATCH', 'SUBMITTED', 'DISPATCHED'],
      ['ACCEPT', 'DISPATCHED', 'ACCEPTED'],
      ['RESOLVE', 'ACCEPTED', 'RESOLVED'],
      ['EVALUATE', 'RESOLVED', 'CLOSED'],
    ];
    for (const sub of [subs.compound, subs.community, subs.wish]) {
      const got = (await sub!.next(4)).map((m: any) => m.wishEvents);
      expect(got.map((e: any) => [e.action, e.fromStatus, e.toStatus])).toEqual(expected);
      const seqs = got.map((e: any) => e.sequence);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(got.every((e: any) => e.wish.id === wish.id)).toBe(true);
    }
    await subs.client.dispose();
  });

  it('a 2★ evaluation reopens the wish with its history kept', async ({ h, world: w }) => {
    const wish = await w.submit('resident.wenxiangyuan.2');
    const member = await w.person('member.wenxiangyuan.3');
    await w.dispatchAccepted('hongshun.secretary', wish.id, 'member.wenxiangyuan.3');
    await w.ok('member.wenxiangyuan.3', 'resolveWish', { wishId: wish.id, note: '修好了' });
    const reopened = await w.ok('resident.wenxiangyuan.2', 'evaluateWish', { wishId: wish.id, rating: 2 });
    expect(reopened).toMatchObject({ status: 'SUBMITTED', rating: 2, reopenCount: 1, assignees: [] });
    const history = await h.gql(
      'query($id: ID!) { wish(id: $id) { events { action fromStatus toStatus } } }',
      { id: wish.id },
      await w.token('resident.wenxiangyuan.2'),
    );
    expect(history.data.wish.events.map((e: any) => e.action)).toEqual([
      'SUBMIT',
      'DISPATCH',
      'ACCEPT',
      'RESOLVE',
      'REOPEN',
    ]);
    expect(history.data.wish.events[4]).toEqual({ action: 'REOPEN', fromStatus: 'RESOLVED', toStatus: 'SUBMITTED' });
    // and it can go round again
    await w.ok('hongshun.secretary', 'dispatchWish', { wishId: wish.id, assigneeIds: [member] });
  });

  it('open for claim → claim makes the claimer the assignee', async ({ world: w, watchers }) => {
    const wish = await w.submit('resident.wenxiangyuan.3');
    const subs = await watchers('wenxiangyuan.secretary', wish.id);
    await w.ok('wenxiangyuan.secretary', 'openWishForClaim', { wishId: wish.id, note: '欢迎党员认领' });
    const claimed = await w.ok('volunteer.wenxiangyuan.1', 'claimWish', { wishId: wish.id });
    expect(claimed.status).toBe('ACCEPTED');
    expect(claimed.assignees.map((a: any) => a.id)).toEqual([await w.person('volunteer.wenxiangyuan.1')]);
    for (const sub of [subs.compound, subs.community, subs.wish]) {
      const got = (await sub!.next(2)).map((m: any) => m.wishEvents.action);
      expect(got).toEqual(['OPEN_FOR_CLAIM', 'CLAIM']);
    }
    await subs.client.dispose();
  });

  it('escalation moves the handling unit one level up and back to SUBMITTED, up to the street', async ({
    world: w,
  }) => {
    const wish = await w.submit('resident.wenxiangyuan.1', { categoryCode: 'property_disputes' });
    const member = await w.person('member.wenxiangyuan.4');
    await w.ok('wenxiangyuan.secretary', 'dispatchWish', { wishId: wish.id, assigneeIds: [member] });
    const toCommunity = await w.ok('wenxiangyuan.secretary', 'escalateWish', { wishId: wish.id, reason: '涉及物业' });
    expect(toCommunity).toMatchObject({ status: 'SUBMITTED', handlingUnit: { kind: 'COMMUNITY' }, assignees: [] });
    // the compound secretary no longer handles it
    const refused = await w.act('wenxiangyuan.secretary', 'escalateWish', { wishId: wish.id, reason: 'again' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const toStreet = await w.ok('hongshun.secretary', 'escalateWish', { wishId: wish.id, reason: '需要街道协调' });
    expect(toStreet.handlingUnit.kind).toBe('STREET');
    const top = await w.act('admin', 'escalateWish', { wishId: wish.id, reason: 'higher' });
    expect(top.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect(top.errors?.[0]?.message).toMatch(/SUBMITTED/);
  });

  it('the resident cancels; a secretary rejects with a reason', async ({ h, world: w }) => {
    const a = await w.submit('resident.wenxiangyuan.1');
    expect((await w.ok('resident.wenxiangyuan.1', 'cancelWish', { wishId: a.id, reason: '已自行解决' })).status).toBe(
      'CANCELLED',
    );
    const b = await w.submit('resident.wenxiangyuan.1');
    expect((await w.ok('hongshun.secretary', 'rejectWish', { wishId: b.id, reason: '不属于服务范围' })).status).toBe(
      'REJECTED',
    );
    const events = await h.gql(
      'query($id: ID!) { wish(id: $id) { events { action note } } }',
      { id: b.id },
      await w.token('resident.wenxiangyuan.1'),
    );
    expect(events.data.wish.events[1]).toEqual({ action: 'REJECT', note: '不属于服务范围' });
  });

  it("a grid worker lists a wish on a resident's behalf, and the resident evaluates it", async ({ h, world: w }) => {
    const resident = await w.person('resident.wenxiangyuan.2');
    const wish = await w.submit('grid.hongshun', {
      orgUnitId: w.unit('Wenxiangyuan'),
      residentId: resident,
      channel: 'GRID_VISIT',
    });
    // Without orgUnitId, a wish listed on a resident's behalf belongs to the resident's own compound.
    const defaulted = await w.submit('grid.hongshun', { residentId: resident, channel: 'GRID_VISIT' });
    expect(defaulted.compound.id).toBe(w.unit('Wenxiangyuan'));
    const mine = await h.gql(
      '{ wishes(filter: { mine: true }, first: 100) { edges { node { id } } } }',
      {},
      await w.token('resident.wenxiangyuan.2'),
    );
    expect(mine.data.wishes.edges.map((e: any) => e.node.id)).toContain(wish.id);
  });

  it('declining and abandoning hand the order back to SUBMITTED', async ({ world: w }) => {
    const wish = await w.submit('resident.wenxiangyuan.3');
    const m5 = await w.person('member.wenxiangyuan.5');
    await w.ok('hongshun.secretary', 'dispatchWish', { wishId: wish.id, assigneeIds: [m5] });
    expect((await w.ok('member.wenxiangyuan.5', 'declineWish', { wishId: wish.id, reason: '出差' })).status).toBe(
      'SUBMITTED',
    );
    await w.dispatchAccepted('hongshun.secretary', wish.id, 'member.wenxiangyuan.5');
    const back = await w.ok('member.wenxiangyuan.5', 'abandonWish', { wishId: wish.id, reason: '身体不适' });
    expect(back).toMatchObject({ status: 'SUBMITTED', assignees: [] });
  });

  it('a RESOLVED wish without an evaluation closes itself after the configured days', async ({ h, world: w }) => {
    const wish = await w.submit('resident.wenxiangyuan.1');
    await w.dispatchAccepted('hongshun.secretary', wish.id, 'member.wenxiangyuan.1');
    await w.ok('member.wenxiangyuan.1', 'resolveWish', { wishId: wish.id, note: 'done' });
    const { WishService } = await import('../../server/src/domain/wishes/wish.service.ts');
    const later = () => new Date(Date.now() + 8 * 86_400_000);
    const closed = await new WishService(h.app.orm.em.fork(), null, (e) => h.app.hub.publish(e), later).autoClose(7);
    expect(closed).toBeGreaterThanOrEqual(1);
    const res = await h.gql(
      'query($id: ID!) { wish(id: $id) { status events { action actor { id } } } }',
      { id: wish.id },
      await w.token('resident.wenxiangyuan.1'),
    );
    expect(res.data.wish.status).toBe('CLOSED');
    expect(res.data.wish.events.at(-1)).toEqual({ action: 'AUTO_CLOSE', actor: null });
  });

  it('records coordination meetings with their change event; others are refused and nothing is written', async ({
    h,
    world: w,
  }) => {
    const wish = await w.submit('resident.wenxiangyuan.1', { categoryCode: 'parking' });
    const record = `mutation($i: RecordMeetingInput!) { recordMeeting(input: $i) { wish { meetings { place participants decisions recordedBy { id } } } } }`;
    const input = {
      wishId: wish.id,
      heldAt: new Date().toISOString(),
      place: '文香苑议事厅',
      participants: '支部书记、物业经理、党员代表、居民代表',
      decisions: '规划12个新车位和10个充电桩',
    };
    const count = async () =>
      Number(
        (await h.db.query(`select (select count(*) from meeting) + (select count(*) from change_event) as n`)).rows[0]
          .n,
      );
    const before = await count();
    const resident = await h.gql(record, { i: input }, await w.token('resident.wenxiangyuan.1'));
    expect(resident.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const empty = await h.gql(record, { i: { ...input, decisions: ' ' } }, await w.token('hongshun.secretary'));
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0]?.message).toMatch(/decisions/);
    expect(await count()).toBe(before);
    const ok = await h.gql(record, { i: input }, await w.token('hongshun.secretary'));
    expect(ok.errors).toBeUndefined();
    expect(ok.data.recordMeeting.wish.meetings).toEqual([
      {
        place: input.place,
        participants: input.participants,
        decisions: input.decisions,
        recordedBy: { id: await w.person('hongshun.secretary') },
      },
    ]);
    const { rows } = await h.db.query(
      `select action from change_event where entity_type = 'Meeting' order by sequence desc limit 1`,
    );
    expect(rows).toEqual([{ action: 'RECORD' }]);
  });
});
