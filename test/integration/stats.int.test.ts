/** Dashboard and board aggregates: they match the table, respect scope, and carry no personal data. */
import { describe, expect } from 'vitest';
import { harnessTest as it } from '../support/harness-test.ts';

const STATS = `query($u: ID, $from: DateTime, $to: DateTime) {
  wishStats(orgUnitId: $u, from: $from, to: $to) {
    total overdue averageHoursToClose averageRating ratedCount reopenedShare
    byStatus { status count } transitions { status count }
    byCommunity { unit { name } total open closed overdue }
  }
}`;

describe('wish statistics', () => {
  it('counts every wish of the street for street staff, matching the table', async ({ h, world: w }) => {
    const res = await h.gql(STATS, {}, await w.token('admin'));
    expect(res.errors).toBeUndefined();
    const s = res.data.wishStats;
    const { rows } = await h.db.query('select status, count(*)::int as n from wish group by status');
    for (const { status, n } of rows) expect(s.byStatus.find((c: any) => c.status === status).count).toBe(n);
    expect(s.total).toBe(rows.reduce((a, r) => a + r.n, 0));
    expect(s.byCommunity).toHaveLength(6);
    expect(s.byCommunity.reduce((a: number, c: any) => a + c.total, 0)).toBe(s.total);
    const ratings = await h.db.query(
      `select avg((data->>'rating')::int)::float as avg, count(*)::int as n from wish_event where action in ('EVALUATE', 'REOPEN')`,
    );
    expect(s.ratedCount).toBe(ratings.rows[0].n);
    expect(s.averageRating).toBeCloseTo(ratings.rows[0].avg, 6);
    expect(s.averageHoursToClose).toBeGreaterThan(0);
    expect(s.reopenedShare).toBeGreaterThanOrEqual(0);
  });

  it('limits a secretary to their subtree and a period to its transitions', async ({ h, world: w }) => {
    const hongshun = (await h.gql(STATS, {}, await w.token('hongshun.secretary'))).data.wishStats;
    expect(hongshun.byCommunity.map((c: any) => c.unit.name)).toEqual([expect.stringContaining('Hongshun Road')]);
    const financialOnHongshun = await h.gql(
      STATS,
      { u: w.unit('Hongshun Road') },
      await w.token('financial.secretary'),
    );
    expect(financialOnHongshun.data.wishStats.total).toBe(0);
    const start = new Date(Date.now() - 1000).toISOString();
    const wish = await w.submit('resident.wenxiangyuan.1');
    await w.ok('hongshun.secretary', 'rejectWish', { wishId: wish.id, reason: 'dup' });
    const today = await h.gql(STATS, { u: w.unit('Wenxiangyuan'), from: start }, await w.token('hongshun.secretary'));
    const t = today.data.wishStats.transitions;
    expect(t.find((c: any) => c.status === 'SUBMITTED').count).toBe(1);
    expect(t.find((c: any) => c.status === 'REJECTED').count).toBe(1);
    const bad = await h.gql(STATS, { from: start, to: start }, await w.token('admin'));
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('gives a display screen the latest changes of its subtree without names or notes', async ({ h, world: w }) => {
    const res = await h.gql(
      `query($u: ID) { recentWishEvents(orgUnitId: $u, last: 30) { sequence action note actor { displayName }
         wish { title status description resident { displayName } compound { name } } } }`,
      { u: w.unit('Hongshun Road') },
      await w.token('screen.hongshun'),
    );
    expect(res.errors).toBeUndefined();
    const events = res.data.recentWishEvents;
    expect(events).toHaveLength(30);
    const seqs = events.map((e: any) => e.sequence);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => b - a));
    for (const e of events) {
      expect(e).toMatchObject({ note: null, actor: null, wish: { description: null, resident: null } });
    }
    const stats = await h.gql(STATS, { u: w.unit('Hongshun Road') }, await w.token('screen.hongshun'));
    expect(stats.data.wishStats.total).toBeGreaterThan(0);
  });
});
