/**
 * Refusals: every illegal (state, action) pair, wrong roles, out-of-scope actors and bad input get the
 * contract's code, and the database is exactly as it was.
 */
import { describe, expect } from 'vitest';
import { nextStatus, WISH_STATUSES, type WishStatus } from '../../server/src/domain/wishes/wish.lifecycle.ts';
import { harnessTest as it } from '../support/harness-test.ts';
import { wishTablesDigest } from '../support/tables.ts';
import type { WishStep } from '../support/world.ts';

describe('guards', () => {
  /** One wish in each state, built through the API. */
  const inState = {} as Record<WishStatus, string>;
  let m1: string;

  it.beforeAll(async ({ world: w }) => {
    m1 = await w.person('member.wenxiangyuan.1');
    const r = 'resident.wenxiangyuan.1';
    const s = 'wenxiangyuan.secretary';
    const make = async (steps: WishStep[]) => {
      const wish = await w.submit(r);
      await w.walk(wish.id, steps);
      return wish.id as string;
    };
    inState.SUBMITTED = await make([]);
    inState.OPEN_FOR_CLAIM = await make([[s, 'openWishForClaim']]);
    inState.DISPATCHED = await make([[s, 'dispatchWish', { assigneeIds: [m1] }]]);
    inState.ACCEPTED = await make([
      [s, 'dispatchWish', { assigneeIds: [m1] }],
      ['member.wenxiangyuan.1', 'acceptWish'],
    ]);
    inState.RESOLVED = await make([
      [s, 'dispatchWish', { assigneeIds: [m1] }],
      ['member.wenxiangyuan.1', 'acceptWish'],
      ['member.wenxiangyuan.1', 'resolveWish', { note: 'ok' }],
    ]);
    inState.CLOSED = await make([
      [s, 'dispatchWish', { assigneeIds: [m1] }],
      ['member.wenxiangyuan.1', 'acceptWish'],
      ['member.wenxiangyuan.1', 'resolveWish', { note: 'ok' }],
      [r, 'evaluateWish', { rating: 5 }],
    ]);
    inState.REJECTED = await make([[s, 'rejectWish', { reason: 'no' }]]);
    inState.CANCELLED = await make([[r, 'cancelWish']]);
  });

  /** Each action with someone who may take it (so only the state can be wrong). */
  const ACTIONS: { action: string; who: string; mutation: string; input: () => Record<string, unknown> }[] = [
    {
      action: 'DISPATCH',
      who: 'wenxiangyuan.secretary',
      mutation: 'dispatchWish',
      input: () => ({ assigneeIds: [m1] }),
    },
    { action: 'OPEN_FOR_CLAIM', who: 'wenxiangyuan.secretary', mutation: 'openWishForClaim', input: () => ({}) },
    { action: 'ESCALATE', who: 'wenxiangyuan.secretary', mutation: 'escalateWish', input: () => ({ reason: 'r' }) },
    { action: 'REJECT', who: 'wenxiangyuan.secretary', mutation: 'rejectWish', input: () => ({ reason: 'r' }) },
    { action: 'CANCEL', who: 'resident.wenxiangyuan.1', mutation: 'cancelWish', input: () => ({}) },
    { action: 'EVALUATE', who: 'resident.wenxiangyuan.1', mutation: 'evaluateWish', input: () => ({ rating: 4 }) },
    { action: 'REOPEN', who: 'resident.wenxiangyuan.1', mutation: 'evaluateWish', input: () => ({ rating: 1 }) },
  ];

  it('refuses every illegal (state, action) pair with INVALID_TRANSITION naming the state, changing nothing', async ({
    h,
    world: w,
  }) => {
    let checked = 0;
    for (const status of WISH_STATUSES) {
      for (const a of ACTIONS) {
        if (nextStatus(status, a.action as never) !== null) continue;
        const before = await wishTablesDigest(h);
        const res = await w.act(a.who, a.mutation, { wishId: inState[status], ...a.input() });
        expect(res.errors?.[0]?.extensions?.code, `${a.action} on ${status}`).toBe('INVALID_TRANSITION');
        expect(res.errors?.[0]?.message).toContain(status);
        expect(await wishTablesDigest(h)).toBe(before);
        checked++;
      }
    }
    // assignee actions on the assignee's wishes in states that do not allow them
    for (const [mutation, legal, extra] of [
      ['acceptWish', 'DISPATCHED', {}],
      ['resolveWish', 'ACCEPTED', { note: 'n' }],
      ['abandonWish', 'ACCEPTED', { reason: 'r' }],
      ['declineWish', 'DISPATCHED', {}],
    ] as const) {
      for (const status of ['ACCEPTED', 'RESOLVED', 'CLOSED', 'DISPATCHED'] as const) {
        if (status === legal) continue;
        const before = await wishTablesDigest(h);
        const res = await w.act('member.wenxiangyuan.1', mutation, { wishId: inState[status], ...extra });
        expect(res.errors?.[0]?.extensions?.code, `${mutation} on ${status}`).toBe('INVALID_TRANSITION');
        expect(await wishTablesDigest(h)).toBe(before);
        checked++;
      }
    }
    const claim = await w.act('member.wenxiangyuan.2', 'claimWish', { wishId: inState.SUBMITTED });
    expect(claim.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect(checked).toBeGreaterThan(40);
  });

  it('refuses wrong roles with FORBIDDEN and out-of-scope actors with NOT_FOUND, changing nothing', async ({
    h,
    world: w,
  }) => {
    const cases: [string, string, WishStatus, Record<string, unknown>, string][] = [
      ['resident.wenxiangyuan.1', 'dispatchWish', 'SUBMITTED', { assigneeIds: [] }, 'BAD_USER_INPUT'],
      ['member.wenxiangyuan.1', 'rejectWish', 'OPEN_FOR_CLAIM', { reason: 'r' }, 'FORBIDDEN'],
      ['wenxiangyuan.secretary', 'acceptWish', 'DISPATCHED', {}, 'FORBIDDEN'],
      ['member.wenxiangyuan.2', 'acceptWish', 'DISPATCHED', {}, 'NOT_FOUND'],
      ['hongshun.secretary', 'evaluateWish', 'RESOLVED', { rating: 5 }, 'FORBIDDEN'],
      ['hongshun.secretary', 'cancelWish', 'SUBMITTED', {}, 'FORBIDDEN'],
      ['resident.wenxiangyuan.1', 'openWishForClaim', 'SUBMITTED', {}, 'FORBIDDEN'],
      ['resident.wenxiangyuan.1', 'resolveWish', 'ACCEPTED', { note: 'n' }, 'FORBIDDEN'],
      ['wenxiangyuan.secretary', 'claimWish', 'OPEN_FOR_CLAIM', {}, 'FORBIDDEN'],
      ['resident.wenxiangyuan.2', 'cancelWish', 'SUBMITTED', {}, 'NOT_FOUND'],
      ['financial.secretary', 'rejectWish', 'SUBMITTED', { reason: 'r' }, 'NOT_FOUND'],
      ['member.financial.1', 'claimWish', 'OPEN_FOR_CLAIM', {}, 'NOT_FOUND'],
      ['screen.hongshun', 'rejectWish', 'SUBMITTED', { reason: 'r' }, 'FORBIDDEN'],
      ['grid.hongshun', 'dispatchWish', 'SUBMITTED', { assigneeIds: [] }, 'BAD_USER_INPUT'],
    ];
    for (const [who, mutation, status, extra, code] of cases) {
      const before = await wishTablesDigest(h);
      const res = await w.act(who, mutation, { wishId: inState[status], ...extra });
      expect(res.errors?.[0]?.extensions?.code, `${who} ${mutation} on ${status}`).toBe(code);
      expect(await wishTablesDigest(h)).toBe(before);
    }
  });

  it('refuses bad input with a message naming the field, writing nothing', async ({ h, world: w }) => {
    const r = 'resident.wenxiangyuan.1';
    const cases: [string, string, Record<string, unknown>, string, RegExp][] = [
      [r, 'submitWish', { title: '', description: 'd', categoryCode: 'repairs' }, 'BAD_USER_INPUT', /title/],
      [r, 'submitWish', { title: '   ', description: 'd', categoryCode: 'repairs' }, 'BAD_USER_INPUT', /title/],
      [
        r,
        'submitWish',
        { title: 'x'.repeat(101), description: 'd', categoryCode: 'repairs' },
        'BAD_USER_INPUT',
        /title/,
      ],
      [
        r,
        'submitWish',
        { title: 't', description: 'd'.repeat(4001), categoryCode: 'repairs' },
        'BAD_USER_INPUT',
        /description/,
      ],
      [
        r,
        'submitWish',
        { title: 't', description: 'd', categoryCode: 'no_such_thing' },
        'BAD_USER_INPUT',
        /categoryCode/,
      ],
      [
        r,
        'submitWish',
        { title: 't', description: 'd', categoryCode: 'repairs', orgUnitId: 'garbage' },
        'NOT_FOUND',
        /rg unit/,
      ],
      [
        r,
        'submitWish',
        { title: 't', description: 'd', categoryCode: 'repairs', channel: 'PIGEON' },
        'BAD_USER_INPUT',
        /channel|PIGEON/,
      ],
      [r, 'evaluateWish', { wishId: 'RESOLVED', rating: 0 }, 'BAD_USER_INPUT', /rating/],
      [r, 'evaluateWish', { wishId: 'RESOLVED', rating: 6 }, 'BAD_USER_INPUT', /rating/],
      [r, 'evaluateWish', { wishId: 'RESOLVED', rating: 4.5 }, 'BAD_USER_INPUT', /rating|Int/],
      [r, 'cancelWish', { wishId: 'not-an-id' }, 'NOT_FOUND', /Wish/],
      [r, 'cancelWish', { wishId: 'V2lzaDo5OTk5OTk5' }, 'NOT_FOUND', /Wish/],
      ['member.wenxiangyuan.1', 'resolveWish', { wishId: 'ACCEPTED', note: '  ' }, 'BAD_USER_INPUT', /note/],
      ['wenxiangyuan.secretary', 'escalateWish', { wishId: 'SUBMITTED', reason: '' }, 'BAD_USER_INPUT', /reason/],
      [
        'wenxiangyuan.secretary',
        'dispatchWish',
        { wishId: 'SUBMITTED', assigneeIds: ['bogus'] },
        'BAD_USER_INPUT',
        /assigneeIds/,
      ],
      [
        'wenxiangyuan.secretary',
        'dispatchWish',
        { wishId: 'SUBMITTED', assigneeIds: ['M1'], dueAt: '2020-01-01T00:00:00Z' },
        'BAD_USER_INPUT',
        /dueAt/,
      ],
      [
        'wenxiangyuan.secretary',
        'dispatchWish',
        { wishId: 'SUBMITTED', assigneeIds: ['M1'], dueAt: 'tomorrow' },
        'BAD_USER_INPUT',
        /DateTime/,
      ],
    ];
    for (const [who, mutation, input, code, message] of cases) {
      const resolved = Object.fromEntries(
        Object.entries(input).map(([k, v]) => [
          k,
          k === 'wishId' && typeof v === 'string' && v in inState
            ? inState[v as WishStatus]
            : k === 'assigneeIds'
              ? (v as string[]).map((x) => (x === 'M1' ? m1 : x))
              : v,
        ]),
      );
      const before = await wishTablesDigest(h);
      const res = await w.act(who, mutation, resolved);
      expect(res.errors?.[0]?.extensions?.code, `${mutation} ${JSON.stringify(input).slice(0, 80)}`).toBe(code);
      expect(res.errors?.[0]?.message).toMatch(message);
      expect(await wishTablesDigest(h)).toBe(before);
    }
  });

  it('checks input before existence, and existence before role (the contract order)', async ({ world: w }) => {
    const bad = await w.act('resident.wenxiangyuan.1', 'evaluateWish', { wishId: 'nope', rating: 9 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await w.act('member.wenxiangyuan.1', 'rejectWish', { wishId: 'nope', reason: 'r' });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const forbidden = await w.act('member.wenxiangyuan.1', 'rejectWish', { wishId: inState.CLOSED, reason: 'r' });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
