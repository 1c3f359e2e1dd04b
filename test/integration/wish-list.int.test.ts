/** The staff list convention over wishes, and the per-status counts behind the panel's tabs. */
import { describe, expect } from 'vitest';
import { harnessTest as it } from '../support/harness-test.ts';

const LIST = `query($f: WishListFilter, $s: ListSort, $o: Int, $l: Int) {
  wishList(filter: $f, sort: $s, offset: $o, limit: $l) { totalCount nodes { id title status createdAt compound { id } } }
}`;

describe('wishList and wishStatusCounts', () => {
  it('pages with offset and limit, sorted, with the same total as the connection', async ({ h, world: w }) => {
    const token = await w.token('hongshun.secretary');
    const conn = await h.gql('{ wishes(first: 1) { totalCount } }', {}, token);
    const first = await h.gql(LIST, { s: { field: 'createdAt', order: 'DESC' }, o: 0, l: 10 }, token);
    const second = await h.gql(LIST, { s: { field: 'createdAt', order: 'DESC' }, o: 10, l: 10 }, token);
    expect(first.data.wishList.totalCount).toBe(conn.data.wishes.totalCount);
    const ids = [...first.data.wishList.nodes, ...second.data.wishList.nodes].map((n: any) => n.id);
    expect(new Set(ids).size).toBe(20);
    const dates = [...first.data.wishList.nodes, ...second.data.wishList.nodes].map((n: any) => n.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const byTitle = await h.gql(LIST, { s: { field: 'title' }, l: 50 }, token);
    const titles = byTitle.data.wishList.nodes.map((n: any) => n.title);
    expect(titles).toEqual([...titles].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('filters by ids (getMany), text, status and subtree, and refuses unknown sort fields', async ({ h, world: w }) => {
    const token = await w.token('hongshun.secretary');
    const some = await h.gql(LIST, { l: 3 }, token);
    const ids = some.data.wishList.nodes.map((n: any) => n.id);
    const many = await h.gql(LIST, { f: { ids } }, token);
    expect(many.data.wishList.nodes.map((n: any) => n.id).sort()).toEqual([...ids].sort());
    const closed = await h.gql(LIST, { f: { status: ['CLOSED'] }, l: 200 }, token);
    expect(closed.data.wishList.nodes.every((n: any) => n.status === 'CLOSED')).toBe(true);
    const parking = await h.gql(LIST, { f: { q: '停车' }, l: 200 }, token);
    expect(parking.data.wishList.totalCount).toBeGreaterThan(0);
    const bad = await h.gql(LIST, { s: { field: 'password' } }, token);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/sort/);
    const tooMany = await h.gql(LIST, { l: 1000 }, token);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("counts per status add up to the list's total, and a secretary counts only their subtree", async ({
    h,
    world: w,
  }) => {
    const counts = `query($f: WishListFilter) { wishStatusCounts(filter: $f) { status count } }`;
    for (const who of ['hongshun.secretary', 'financial.secretary', 'admin']) {
      const token = await w.token(who);
      const res = await h.gql(counts, {}, token);
      const total = res.data.wishStatusCounts.reduce((s: number, c: any) => s + c.count, 0);
      const list = await h.gql(LIST, { l: 0 }, token);
      expect(total, who).toBe(list.data.wishList.totalCount);
      expect(res.data.wishStatusCounts).toHaveLength(8);
    }
    const financial = await h.gql(
      counts,
      { f: { orgUnitId: w.unit('Hongshun Road') } },
      await w.token('financial.secretary'),
    );
    expect(financial.data.wishStatusCounts.every((c: any) => c.count === 0)).toBe(true);
  });

  it('offers a handler the people they may dispatch to, nearest first, partners included', async ({ h, world: w }) => {
    const wish = await w.submit('resident.wenxiangyuan.1');
    const q =
      'query($id: ID!) { assignablePeople(wishId: $id) { id displayName roles { role orgUnit { kind name } } } }';
    const res = await h.gql(q, { id: wish.id }, await w.token('hongshun.secretary'));
    const people = res.data.assignablePeople;
    const m1 = await w.person('member.wenxiangyuan.1');
    const ids = people.map((p: any) => p.id);
    expect(ids).toContain(m1);
    expect(people.some((p: any) => p.roles.some((r: any) => r.orgUnit.kind === 'PARTNER'))).toBe(true);
    // the wish's own compound comes first
    expect(people[0].roles.some((r: any) => r.orgUnit.name === 'Wenxiangyuan')).toBe(true);
    // everyone offered can really be dispatched to
    const dispatched = await w.act('hongshun.secretary', 'dispatchWish', {
      wishId: wish.id,
      assigneeIds: ids.slice(0, 3),
    });
    expect(dispatched.errors).toBeUndefined();
    const grid = await h.gql(q, { id: wish.id }, await w.token('grid.hongshun'));
    expect(grid.data.assignablePeople).toEqual([]);
    const resident = await h.gql(q, { id: wish.id }, await w.token('resident.wenxiangyuan.1'));
    expect(resident.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await h.gql(q, { id: wish.id }, await w.token('financial.secretary'));
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
