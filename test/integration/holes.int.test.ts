/**
 * The smaller holes of issue 8, point 6, each with its test: only the resident (or whoever listed the wish for
 * them) evaluates it; a wish listed with no resident is closed by its handling secretary without an evaluation,
 * which earns no rating points and counts in no satisfaction figure; a bad supervisor is reported as
 * `supervisorId`; a display screen acting on a wish is FORBIDDEN, never INVALID_TRANSITION or BAD_USER_INPUT.
 */
import { describe, expect } from 'vitest';
import { decodeId } from '../../server/src/graphql/ids.ts';
import { errorCode, errorField } from '../support/harness.ts';
import { harnessTest as it } from '../support/harness-test.ts';
import { tablesDigest, wishTablesDigest } from '../support/tables.ts';

const SECRETARY = 'wenxiangyuan.secretary';
const MEMBER = 'member.wenxiangyuan.1';
const RESIDENT = 'resident.wenxiangyuan.1';
const CLOSE = 'closeWishWithoutEvaluation';
const STATS = `query($u: ID!) { wishStats(orgUnitId: $u) { averageRating ratedCount reopenedShare byStatus { status count } } }`;
const ACTIONS = 'query($id: ID!) { wish(id: $id) { status rating availableActions } }';

/** Everything a wish step may touch, the points ledger and the change log included. */
const stateDigest = (h: Parameters<typeof wishTablesDigest>[0]) =>
  tablesDigest(h, ['wish', 'wish_event', 'assignment', 'meeting', 'point_entry', 'change_event']);

describe('point 6: who evaluates, and the close without an evaluation', () => {
  it('a secretary who listed a wish with no resident cannot rate it; she closes it unevaluated, which counts nowhere', async ({
    h,
    world: w,
  }) => {
    const wenxiangyuan = w.unit('Wenxiangyuan');
    // Listed by the secretary for nobody (a hotline call that left no name).
    const wish = await w.submit(SECRETARY, { orgUnitId: wenxiangyuan, channel: 'HOTLINE' });
    expect(await w.as(SECRETARY, 'query($id: ID!) { wish(id: $id) { resident { id } } }', { id: wish.id })).toEqual({
      data: { wish: { resident: null } },
    });
    // Not resolved yet: the close is not possible in this state.
    const early = await w.act(SECRETARY, CLOSE, { wishId: wish.id, reason: '来电人未留姓名' });
    expect(errorCode(early)).toBe('INVALID_TRANSITION');
    expect(early.errors?.[0]?.message).toContain('SUBMITTED');
    await w.dispatchAccepted(SECRETARY, wish.id, MEMBER);
    await w.ok(MEMBER, 'resolveWish', { wishId: wish.id, note: '已修好' });

    const offered = await w.as(SECRETARY, ACTIONS, { id: wish.id });
    expect(offered.data.wish.availableActions).toContain('CLOSE_UNEVALUATED');
    expect(offered.data.wish.availableActions).not.toContain('EVALUATE');
    expect((await w.as(MEMBER, ACTIONS, { id: wish.id })).data.wish.availableActions).toEqual([]);

    const statsBefore = await w.as('admin', STATS, { u: wenxiangyuan });
    const before = await stateDigest(h);
    // Her 5★ for her own listing: refused, nothing written, no bonus for the member.
    for (const rating of [5, 1]) {
      const rated = await w.act(SECRETARY, 'evaluateWish', { wishId: wish.id, rating });
      expect(errorCode(rated), `rating ${rating}`).toBe('FORBIDDEN');
    }
    // Nobody else closes it: not the assignee, not a secretary elsewhere, not the screen; a reason is needed.
    expect(errorCode(await w.act(MEMBER, CLOSE, { wishId: wish.id, reason: 'r' }))).toBe('FORBIDDEN');
    expect(errorCode(await w.act('financial.secretary', CLOSE, { wishId: wish.id, reason: 'r' }))).toBe('NOT_FOUND');
    expect(errorCode(await w.act('screen.hongshun', CLOSE, { wishId: wish.id, reason: 'r' }))).toBe('FORBIDDEN');
    const blank = await w.act(SECRETARY, CLOSE, { wishId: wish.id, reason: '  ' });
    expect([errorCode(blank), errorField(blank)]).toEqual(['BAD_USER_INPUT', 'reason']);
    expect(await stateDigest(h)).toBe(before);

    const closed = await w.ok(SECRETARY, CLOSE, { wishId: wish.id, reason: '来电人未留联系方式，无法回访' });
    expect(closed).toMatchObject({ status: 'CLOSED', rating: null });
    const id = decodeId('Wish', wish.id);
    const { rows: events } = await h.db.query(
      `select action, from_status, to_status, note, data, (select version from wish where id = $1) as version,
              (select count(*)::int from wish_event where wish_id = $1) as n
         from wish_event where wish_id = $1 order by sequence desc limit 1`,
      [id],
    );
    expect(events[0]).toMatchObject({
      action: 'CLOSE_UNEVALUATED',
      from_status: 'RESOLVED',
      to_status: 'CLOSED',
      note: '来电人未留联系方式，无法回访',
      data: null,
    });
    expect(events[0].version).toBe(events[0].n);
    // No points for a rating (only the resolve's), and the satisfaction figures are as they were.
    const { rows: points } = await h.db.query(
      `select r.code from point_entry e join point_rule r on r.id = e.rule_id where e.source_key = $1 order by r.code`,
      [`wish:${id}`],
    );
    expect(points.map((p) => p.code)).not.toContain('WISH_FIVE_STAR');
    expect(points.map((p) => p.code)).not.toContain('WISH_LOW_RATING');
    const statsAfter = await w.as('admin', STATS, { u: wenxiangyuan });
    expect(statsAfter.data.wishStats.averageRating).toBe(statsBefore.data.wishStats.averageRating);
    expect(statsAfter.data.wishStats.ratedCount).toBe(statsBefore.data.wishStats.ratedCount);
    expect(statsAfter.data.wishStats.reopenedShare).toBe(statsBefore.data.wishStats.reopenedShare);
    // A closed wish is closed: a second close is an invalid transition.
    expect(errorCode(await w.act(SECRETARY, CLOSE, { wishId: wish.id, reason: 'r' }))).toBe('INVALID_TRANSITION');
  });

  it('a wish listed for a resident is evaluated by the resident or the grid worker who listed it, never closed unevaluated', async ({
    world: w,
  }) => {
    const resident = await w.person(RESIDENT);
    // [who lists it, who rates it]: a grid worker on a visit (he brings the resident's word back), the resident,
    // and the secretary at her desk — who handles it, so the resident rates it, never she.
    const cases: [lister: string, rater: string][] = [
      ['grid.hongshun', 'grid.hongshun'],
      [RESIDENT, RESIDENT],
      [SECRETARY, RESIDENT],
    ];
    for (const [lister, rater] of cases) {
      const wish = await w.submit(lister, lister === RESIDENT ? {} : { residentId: resident, channel: 'WALK_IN' });
      await w.dispatchAccepted(SECRETARY, wish.id, MEMBER);
      await w.ok(MEMBER, 'resolveWish', { wishId: wish.id, note: '已修好' });
      expect((await w.as(SECRETARY, ACTIONS, { id: wish.id })).data.wish.availableActions).not.toContain(
        'CLOSE_UNEVALUATED',
      );
      expect(errorCode(await w.act(SECRETARY, CLOSE, { wishId: wish.id, reason: 'r' })), lister).toBe('FORBIDDEN');
      expect(errorCode(await w.act(SECRETARY, 'evaluateWish', { wishId: wish.id, rating: 5 })), lister).toBe(
        'FORBIDDEN',
      );
      expect((await w.as(rater, ACTIONS, { id: wish.id })).data.wish.availableActions).toEqual(['EVALUATE', 'REOPEN']);
      expect(await w.ok(rater, 'evaluateWish', { wishId: wish.id, rating: 4 })).toMatchObject({
        status: 'CLOSED',
        rating: 4,
      });
    }
  });
});

describe('point 6: errors that name the right thing', () => {
  it('a bad supervisorId is reported as supervisorId, a bad assignee as assigneeIds', async ({ h, world: w }) => {
    const wish = await w.submit(RESIDENT);
    const m1 = await w.person(MEMBER);
    const resident = await w.person('resident.wenxiangyuan.2');
    const outsider = await w.person('member.financial.1');
    const before = await wishTablesDigest(h);
    const cases: [Record<string, unknown>, string][] = [
      [{ assigneeIds: [m1], supervisorId: resident }, 'supervisorId'],
      [{ assigneeIds: [m1], supervisorId: 'not-a-person' }, 'supervisorId'],
      [{ assigneeIds: [m1], supervisorId: outsider }, 'supervisorId'],
      [{ assigneeIds: [resident], supervisorId: m1 }, 'assigneeIds'],
      [{ assigneeIds: [m1, 'not-a-person'] }, 'assigneeIds'],
    ];
    for (const [input, field] of cases) {
      const res = await w.act(SECRETARY, 'dispatchWish', { wishId: wish.id, ...input });
      expect([errorCode(res), errorField(res)], JSON.stringify(input)).toEqual(['BAD_USER_INPUT', field]);
      expect(res.errors?.[0]?.message).toMatch(new RegExp(`^${field}:`));
    }
    expect(await wishTablesDigest(h)).toBe(before);
  });

  it('a display screen acting on a wish in any state gets FORBIDDEN and changes nothing', async ({ h, world: w }) => {
    const m1 = await w.person(MEMBER);
    const walk = async (steps: [string, string, Record<string, unknown>?][]) => {
      const wish = await w.submit(RESIDENT);
      await w.walk(wish.id, steps);
      return wish.id as string;
    };
    const dispatched: [string, string, Record<string, unknown>] = [SECRETARY, 'dispatchWish', { assigneeIds: [m1] }];
    const accepted: [string, string][] = [[MEMBER, 'acceptWish']];
    const resolved: [string, string, Record<string, unknown>] = [MEMBER, 'resolveWish', { note: 'ok' }];
    const wishes = {
      SUBMITTED: await walk([]),
      OPEN_FOR_CLAIM: await walk([[SECRETARY, 'openWishForClaim']]),
      DISPATCHED: await walk([dispatched]),
      ACCEPTED: await walk([dispatched, ...accepted]),
      RESOLVED: await walk([dispatched, ...accepted, resolved]),
      CLOSED: await walk([dispatched, ...accepted, resolved, [RESIDENT, 'evaluateWish', { rating: 5 }]]),
      REJECTED: await walk([[SECRETARY, 'rejectWish', { reason: 'no' }]]),
      CANCELLED: await walk([[RESIDENT, 'cancelWish']]),
    };
    const mutations: [string, Record<string, unknown>][] = [
      ['dispatchWish', { assigneeIds: [m1] }],
      ['openWishForClaim', {}],
      ['claimWish', {}],
      ['acceptWish', {}],
      ['declineWish', {}],
      ['abandonWish', { reason: 'r' }],
      ['resolveWish', { note: 'n' }],
      ['evaluateWish', { rating: 5 }],
      ['evaluateWish', { rating: 1 }],
      ['escalateWish', { reason: 'r' }],
      ['rejectWish', { reason: 'r' }],
      ['cancelWish', {}],
      [CLOSE, { reason: 'r' }],
    ];
    const before = await stateDigest(h);
    for (const [status, wishId] of Object.entries(wishes)) {
      for (const [mutation, extra] of mutations) {
        const res = await w.act('screen.hongshun', mutation, { wishId, ...extra });
        expect(errorCode(res), `${mutation} on ${status}`).toBe('FORBIDDEN');
      }
      const meeting = await w.as(
        'screen.hongshun',
        'mutation($i: RecordMeetingInput!) { recordMeeting(input: $i) { wish { id } } }',
        { i: { wishId, heldAt: '2026-01-01T00:00:00Z', participants: 'p', decisions: 'd' } },
      );
      expect(errorCode(meeting), `recordMeeting on ${status}`).toBe('FORBIDDEN');
    }
    expect(await stateDigest(h)).toBe(before);
  });

  it('a display screen withdrawing a sign-up it cannot have is FORBIDDEN, not INVALID_TRANSITION', async ({
    h,
    world: w,
  }) => {
    const upcoming = await w.as('admin', '{ activityList(limit: 1, filter: { upcoming: true }) { nodes { id } } }');
    const activityId = upcoming.data.activityList.nodes[0]?.id;
    expect(activityId).toEqual(expect.any(String));
    const before = await tablesDigest(h, ['activity', 'activity_sign_up', 'change_event']);
    for (const mutation of ['signUpForActivity', 'cancelActivitySignUp']) {
      const res = await w.mutate('screen.hongshun', mutation, { activityId }, 'activity { id }');
      expect(errorCode(res), mutation).toBe('FORBIDDEN');
    }
    // A person who may sign up but has not: that one is the state's answer.
    const resident = await w.mutate(RESIDENT, 'cancelActivitySignUp', { activityId }, 'activity { id }');
    expect(errorCode(resident)).toBe('INVALID_TRANSITION');
    expect(await tablesDigest(h, ['activity', 'activity_sign_up', 'change_event'])).toBe(before);
  });
});
