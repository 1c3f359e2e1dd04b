/** The points ledger: exactly-once awards, totals that add up, corrections, rules as data, rankings. */
import { describe, expect } from 'vitest';
import { awardAttendance, awardForWishTransition, pointsYear } from '../../server/src/domain/points/points.service.ts';
import { decodeId } from '../../server/src/graphql/ids.ts';
import { contractDocument } from '../support/contract.ts';
import { harnessTest } from '../support/harness-test.ts';

const YEAR = pointsYear(new Date());
const ME_POINTS =
  'query($y: Int!) { me { points(year: $y) { basic positive deductions total entries { id kind amount reason } } } }';
const POINTS = contractDocument('points');

const it = harnessTest
  /** Ledger sums straight from the table. */
  .extend('sql', { scope: 'file' }, ({ h }) => async (personId: string, year = YEAR) => {
    const { rows } = await h.db.query(
      `select coalesce(sum(case when kind = 'DEDUCTION' then -amount else amount end), 0)::int as total, count(*)::int as n
         from point_entry where person_id = $1 and year = $2`,
      [decodeId('Person', personId), year],
    );
    return rows[0] as { total: number; n: number };
  })
  .extend('entriesOf', { scope: 'file' }, ({ h }) => async (personId: string, code: string, wishId: string) => {
    const { rows } = await h.db.query(
      `select e.amount, e.kind from point_entry e join point_rule r on r.id = e.rule_id
        where e.person_id = $1 and r.code = $2 and e.source_key = $3`,
      [decodeId('Person', personId), code, `wish:${decodeId('Wish', wishId)}`],
    );
    return rows;
  });

describe('points', () => {
  it('MyPoints (contract) reports basic + positive − deductions equal to the ledger rows', async ({
    h,
    world: w,
    sql,
  }) => {
    const token = await w.token('member.wenxiangyuan.1');
    const res = await h.operation(POINTS, 'MyPoints', { year: YEAR }, token);
    expect(res.errors).toBeUndefined();
    const p = res.data.me.points;
    expect(p.basic).toBeGreaterThan(0);
    expect(p.total).toBe(p.basic + p.positive - p.deductions);
    const bySql = await sql(res.data.me.id);
    expect(p.total).toBe(bySql.total);
    expect(p.entries).toHaveLength(bySql.n);
    const sum = p.entries.reduce((s: number, e: any) => s + (e.kind === 'DEDUCTION' ? -e.amount : e.amount), 0);
    expect(sum).toBe(p.total);
    expect(p.entries.every((e: any) => e.amount > 0)).toBe(true);
  });

  it('PointRanking (contract) ranks the members of a subtree by total, ties sharing a rank', async ({
    h,
    world: w,
    sql,
  }) => {
    const token = await w.token('hongshun.secretary');
    for (const unit of ['Wenxiangyuan', 'Hongshun Road', 'Xiguan Street']) {
      const res = await h.operation(POINTS, 'PointRanking', { orgUnitId: w.unit(unit), year: YEAR, first: 100 }, token);
      expect(res.errors).toBeUndefined();
      const rows = res.data.pointRanking;
      expect(rows.length).toBeGreaterThan(0);
      for (let i = 0; i < rows.length; i++) {
        const expectedRank = i === 0 || rows[i].total !== rows[i - 1].total ? i + 1 : rows[i - 1].rank;
        expect(rows[i].rank).toBe(expectedRank);
        if (i > 0) expect(rows[i].total).toBeLessThanOrEqual(rows[i - 1].total);
      }
      for (const row of rows.slice(0, 5)) expect(row.total).toBe((await sql(row.member.id)).total);
    }
    const top3 = await h.operation(
      POINTS,
      'PointRanking',
      { orgUnitId: w.unit('Xiguan Street'), year: YEAR, first: 3 },
      token,
    );
    expect(top3.data.pointRanking).toHaveLength(3);
    const screen = await h.operation(
      POINTS,
      'PointRanking',
      { orgUnitId: w.unit('Hongshun Road'), year: YEAR },
      await w.token('screen.hongshun'),
    );
    expect(screen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('awards resolve points once per wish, even when it is reopened and resolved again', async ({
    h,
    world: w,
    sql,
    entriesOf,
  }) => {
    const m1 = await w.person('member.wenxiangyuan.1');
    const wish = await w.submit('resident.wenxiangyuan.1', { categoryCode: 'property_disputes' });
    await w.dispatchAccepted('hongshun.secretary', wish.id, 'member.wenxiangyuan.1');
    const before = await sql(m1);
    await w.ok('member.wenxiangyuan.1', 'resolveWish', { wishId: wish.id, note: '协调完毕' });
    expect(await entriesOf(m1, 'WISH_RESOLVED', wish.id)).toEqual([{ amount: 5, kind: 'POSITIVE' }]);
    expect(await entriesOf(m1, 'WISH_RESOLVED_LARGE', wish.id)).toEqual([{ amount: 3, kind: 'POSITIVE' }]);
    await w.ok('resident.wenxiangyuan.1', 'evaluateWish', { wishId: wish.id, rating: 1 });
    expect(await entriesOf(m1, 'WISH_LOW_RATING', wish.id)).toEqual([{ amount: 3, kind: 'DEDUCTION' }]);
    await w.dispatchAccepted('hongshun.secretary', wish.id, 'member.wenxiangyuan.1');
    await w.ok('member.wenxiangyuan.1', 'resolveWish', { wishId: wish.id, note: '再次处理' });
    await w.ok('resident.wenxiangyuan.1', 'evaluateWish', { wishId: wish.id, rating: 5 });
    expect(await entriesOf(m1, 'WISH_RESOLVED', wish.id)).toHaveLength(1);
    expect(await entriesOf(m1, 'WISH_FIVE_STAR', wish.id)).toEqual([{ amount: 2, kind: 'POSITIVE' }]);
    const after = await sql(m1);
    expect(after.total - before.total).toBe(5 + 3 - 3 + 2);
    const me = await h.gql(ME_POINTS, { y: YEAR }, await w.token('member.wenxiangyuan.1'));
    expect(me.data.me.points.total).toBe(after.total);
  });

  it('replaying the same resolve and evaluation 10 times, concurrently, leaves one entry each', async ({
    h,
    world: w,
    entriesOf,
  }) => {
    const m2 = await w.person('member.wenxiangyuan.2');
    const wish = await w.submit('resident.wenxiangyuan.2');
    await w.dispatchAccepted('hongshun.secretary', wish.id, 'member.wenxiangyuan.2');
    const wishId = decodeId('Wish', wish.id)!;
    const assigneeIds = [decodeId('Person', m2)!];
    const replay = (action: 'RESOLVE' | 'EVALUATE', rating: number | null) =>
      Promise.all(
        Array.from({ length: 10 }, () =>
          h.app.orm.em
            .fork()
            .transactional((em) =>
              awardForWishTransition(em, { wishId, action, at: new Date(), assigneeIds, actorId: null, rating }),
            ),
        ),
      );
    await replay('RESOLVE', null);
    await replay('EVALUATE', 5);
    expect(await entriesOf(m2, 'WISH_RESOLVED', wish.id)).toHaveLength(1);
    expect(await entriesOf(m2, 'WISH_FIVE_STAR', wish.id)).toHaveLength(1);
    // and through the API the second resolve is refused outright
    await w.ok('member.wenxiangyuan.2', 'resolveWish', { wishId: wish.id, note: 'ok' });
    const again = await w.act('member.wenxiangyuan.2', 'resolveWish', { wishId: wish.id, note: 'ok' });
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect(await entriesOf(m2, 'WISH_RESOLVED', wish.id)).toHaveLength(1);
  });

  it('replaying the same check-in award 10 times, concurrently, leaves one attendance entry', async ({
    h,
    world: w,
  }) => {
    const member = decodeId('Person', await w.person('member.wenxiangyuan.3'))!;
    const { rows } = await h.db.query(
      `select a.id from activity a where a.points_per_participant > 0
          and not exists (select 1 from point_entry e where e.source_key = 'activity:' || a.id and e.person_id = $1)
        order by a.id limit 1`,
      [member],
    );
    const activityId = rows[0].id as number;
    // no yearly cap in the way: the only thing that can stop a second entry is the ledger's uniqueness
    await h.db.query(`update point_rule set cap_per_year = null where code = 'ACTIVITY_ATTENDED'`);
    await Promise.all(
      Array.from({ length: 10 }, () =>
        h.app.orm.em
          .fork()
          .transactional((em) => awardAttendance(em, { activityId, personId: member, at: new Date() })),
      ),
    );
    const { rows: entries } = await h.db.query(
      `select count(*)::int as n from point_entry e join point_rule r on r.id = e.rule_id
        where r.code = 'ACTIVITY_ATTENDED' and e.person_id = $1 and e.source_key = $2`,
      [member, `activity:${activityId}`],
    );
    expect(entries[0].n).toBe(1);
  });

  it('deducts for abandoning an accepted order', async ({ world: w, entriesOf }) => {
    const m3 = await w.person('member.wenxiangyuan.3');
    const wish = await w.submit('resident.wenxiangyuan.3');
    await w.dispatchAccepted('hongshun.secretary', wish.id, 'member.wenxiangyuan.3');
    await w.ok('member.wenxiangyuan.3', 'abandonWish', { wishId: wish.id, reason: '临时有事' });
    expect(await entriesOf(m3, 'WISH_ABANDONED', wish.id)).toEqual([{ amount: 2, kind: 'DEDUCTION' }]);
  });

  it('records manual entries with a reason and corrects only by a reversing entry', async ({ h, world: w, sql }) => {
    const m4 = await w.person('member.wenxiangyuan.4');
    const record = `mutation($i: RecordPointsInput!) { recordPoints(input: $i) { entry { id kind amount reason member { id } } } }`;
    const correct = `mutation($i: CorrectPointEntryInput!) { correctPointEntry(input: $i) { entry { id kind amount reverses } } }`;
    const before = await sql(m4);
    const added = await h.gql(
      record,
      { i: { personId: m4, kind: 'POSITIVE', amount: 10, reason: '组织楼道清扫' } },
      await w.token('wenxiangyuan.secretary'),
    );
    expect(added.errors).toBeUndefined();
    const entry = added.data.recordPoints.entry;
    expect((await sql(m4)).total).toBe(before.total + 10);
    const fixed = await h.gql(
      correct,
      { i: { entryId: entry.id, reason: '录入错误' } },
      await w.token('hongshun.secretary'),
    );
    expect(fixed.data.correctPointEntry.entry).toMatchObject({ kind: 'DEDUCTION', amount: 10, reverses: entry.id });
    expect((await sql(m4)).total).toBe(before.total);
    expect((await sql(m4)).n).toBe(before.n + 2);
    const twice = await h.gql(
      correct,
      { i: { entryId: entry.id, reason: 'again' } },
      await w.token('hongshun.secretary'),
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await expect(
      h.db.query('update point_entry set amount = 1 where id = $1', [decodeId('PointEntry', entry.id)]),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses manual entries out of scope, by the wrong role, or with bad input, writing nothing', async ({
    h,
    world: w,
  }) => {
    const m5 = await w.person('member.wenxiangyuan.5');
    const record = `mutation($i: RecordPointsInput!) { recordPoints(input: $i) { entry { id } } }`;
    const count = async () => Number((await h.db.query('select count(*) from point_entry')).rows[0].count);
    const before = await count();
    const cases: [string, Record<string, unknown>, string][] = [
      ['financial.secretary', { personId: m5, kind: 'POSITIVE', amount: 5, reason: 'x' }, 'NOT_FOUND'],
      ['resident.wenxiangyuan.1', { personId: m5, kind: 'POSITIVE', amount: 5, reason: 'x' }, 'FORBIDDEN'],
      ['member.wenxiangyuan.1', { personId: m5, kind: 'POSITIVE', amount: 5, reason: 'x' }, 'FORBIDDEN'],
      ['hongshun.secretary', { personId: m5, kind: 'POSITIVE', amount: 0, reason: 'x' }, 'BAD_USER_INPUT'],
      ['hongshun.secretary', { personId: m5, kind: 'BASIC', amount: 5, reason: 'x' }, 'BAD_USER_INPUT'],
      ['hongshun.secretary', { personId: m5, kind: 'POSITIVE', amount: 5, reason: '  ' }, 'BAD_USER_INPUT'],
      [
        'hongshun.secretary',
        { personId: await w.person('resident.wenxiangyuan.1'), kind: 'POSITIVE', amount: 5, reason: 'x' },
        'BAD_USER_INPUT',
      ],
      ['hongshun.secretary', { personId: 'nope', kind: 'POSITIVE', amount: 5, reason: 'x' }, 'NOT_FOUND'],
    ];
    for (const [who, input, code] of cases) {
      const res = await h.gql(record, { i: input }, await w.token(who));
      expect(res.errors?.[0]?.extensions?.code, `${who} ${JSON.stringify(input)}`).toBe(code);
    }
    expect(await count()).toBe(before);
  });

  it('takes amounts and yearly caps from the rules that staff edit', async ({ h, world: w, entriesOf }) => {
    const rules = await h.gql('{ pointRules { id code amount version } }', {}, await w.token('admin'));
    const rule = rules.data.pointRules.find((r: any) => r.code === 'WISH_RESOLVED');
    const update = `mutation($i: UpdatePointRuleInput!) { updatePointRule(input: $i) { rule { amount capPerYear version } } }`;
    const refused = await h.gql(update, { i: { ruleId: rule.id, amount: 7 } }, await w.token('hongshun.secretary'));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stale = await h.gql(
      update,
      { i: { ruleId: rule.id, amount: 7, expectedVersion: rule.version + 5 } },
      await w.token('admin'),
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const m1 = await w.person('member.wenxiangyuan.1');
    const { rows } = await h.db.query(
      `select coalesce(sum(e.amount), 0)::int as used from point_entry e join point_rule r on r.id = e.rule_id
        where r.code = 'WISH_RESOLVED' and e.person_id = $1 and e.year = $2`,
      [decodeId('Person', m1), YEAR],
    );
    const changed = await h.gql(
      update,
      { i: { ruleId: rule.id, amount: 7, capPerYear: rows[0].used + 9 } },
      await w.token('admin'),
    );
    expect(changed.data.updatePointRule.rule).toMatchObject({ amount: 7, capPerYear: rows[0].used + 9 });
    const { rows: changes } = await h.db.query(
      `select count(*)::int as n from change_event where entity_type = 'PointRule'`,
    );
    expect(changes[0].n).toBe(1);
    const amounts: number[] = [];
    for (let i = 0; i < 2; i++) {
      const wish = await w.submit('resident.wenxiangyuan.1');
      await w.dispatchAccepted('hongshun.secretary', wish.id, 'member.wenxiangyuan.1');
      await w.ok('member.wenxiangyuan.1', 'resolveWish', { wishId: wish.id, note: 'ok' });
      amounts.push(...(await entriesOf(m1, 'WISH_RESOLVED', wish.id)).map((e) => e.amount));
    }
    expect(amounts).toEqual([7, 2]); // the second one is cut to what is left of the cap
  });
});
