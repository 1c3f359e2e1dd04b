/**
 * Similar wishes, following and merging a duplicate, hot spots, and the public board: the contract's SimilarWishes,
 * HotSpots and PublicBoard documents as written, their scope, and that the public board shows no person or title.
 */
import { describe, expect } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';
import { SIMILARITY_THRESHOLD } from '../../server/src/domain/insights/similar-wishes.queries.ts';
import { encodeId } from '../../server/src/graphql/ids.ts';
import { contractDocument } from '../support/contract.ts';
import { errorCode, errorField } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';

/** Each anonymous request for the public board counts like a login attempt of the address: a small budget here. */
const PUBLIC_LIMIT = 40;
const it = harnessTest.override('harnessOptions', {
  config: { rateLimits: { ...loadConfig({}).rateLimits, loginsPerIpPerMinute: PUBLIC_LIMIT } },
});

const STREET = contractDocument('street');
const tag = () => Math.random().toString(36).slice(2, 6);

const SIMILAR_FULL = `query($input: SimilarWishesInput!) {
  similarWishes(input: $input) {
    similarity
    wish { id title description resident { displayName } listedBy { displayName } events { note actor { displayName } } }
  }
}`;
const WISH = `query($id: ID!) { wish(id: $id) { id status version supporterCount followedByMe mergedInto { id }
  events { action fromStatus toStatus } } }`;

describe('similar wishes', () => {
  it('finds a reworded duplicate of the same compound, most similar first, and nothing of another compound', async ({
    h,
    world: w,
  }) => {
    const original = await w.submit('resident.wenxiangyuan.1', {
      title: '3号楼楼道灯不亮',
      description: '晚上上楼看不见台阶',
      categoryCode: 'street_lamps',
    });
    const short = await w.submit('resident.wenxiangyuan.1', {
      title: '楼道灯不亮',
      description: '',
      categoryCode: 'street_lamps',
    });
    const unrelated = await w.submit('resident.wenxiangyuan.1', {
      title: '小区停车位不够',
      description: '晚上回来没有地方停车',
      categoryCode: 'street_lamps',
    });
    // The same text in a compound of another community.
    const elsewhere = await w.submit('resident.financial.1', {
      title: '3号楼楼道灯不亮',
      description: '晚上上楼看不见台阶',
      categoryCode: 'street_lamps',
    });

    const res = await h.operation(
      STREET,
      'SimilarWishes',
      { input: { title: '三号楼的楼道灯坏了', categoryCode: 'street_lamps' } },
      await w.token('resident.wenxiangyuan.2'),
    );
    expect(res.errors).toBeUndefined();
    const found = res.data.similarWishes as {
      similarity: number;
      wish: { id: string; title: string; status: string; createdAt: string };
    }[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(5);
    const ids = found.map((s) => s.wish.id);
    expect(found.find((s) => s.wish.id === original.id)?.wish).toMatchObject({
      title: '3号楼楼道灯不亮',
      status: 'SUBMITTED',
      createdAt: expect.any(String),
    });
    // The closer rewording ranks above the shorter one (the seed's own hallway-light wishes may rank in between).
    if (ids.includes(short.id)) expect(ids.indexOf(original.id)).toBeLessThan(ids.indexOf(short.id));
    expect(ids).not.toContain(elsewhere.id);
    expect(ids).not.toContain(unrelated.id);
    for (const s of found) {
      expect(s.similarity).toBeGreaterThan(0);
      expect(s.similarity).toBeLessThanOrEqual(1);
    }
    const sims = found.map((s) => s.similarity);
    expect(sims).toEqual([...sims].sort((a, b) => b - a));

    // The shorter phrasing finds the longer one.
    const longer = await h.operation(
      STREET,
      'SimilarWishes',
      { input: { title: '3号楼楼道灯坏了不亮', categoryCode: 'street_lamps' } },
      await w.token('resident.wenxiangyuan.2'),
    );
    expect(longer.data.similarWishes.map((s: { wish: { id: string } }) => s.wish.id)).toContain(short.id);

    // The other compound's resident finds their own and never Wenxiangyuan's.
    const theirs = await h.operation(
      STREET,
      'SimilarWishes',
      { input: { title: '三号楼的楼道灯坏了', categoryCode: 'street_lamps' } },
      await w.token('resident.financial.1'),
    );
    const theirIds = theirs.data.similarWishes.map((s: { wish: { id: string } }) => s.wish.id);
    expect(theirIds).toContain(elsewhere.id);
    expect(theirIds).not.toContain(original.id);
  });

  it('scores rewordings of one problem at or above the threshold and unrelated wishes below it', async ({ h }) => {
    const score = async (a: string, b: string) =>
      (await h.db.query('select similarity(wish_search_text($1), wish_search_text($2))::float8 as s', [a, b])).rows[0]
        .s as number;
    for (const [a, b] of [
      ['楼道灯不亮', '3号楼楼道灯坏了不亮'],
      ['3号楼楼道灯不亮', '三号楼的楼道灯坏了'],
      ['小区停车难', '停车位太少，停车难'],
      ['Street lamp broken', 'street lamp is broken near the gate'],
    ]) {
      expect(await score(a as string, b as string), `${a} / ${b}`).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    }
    for (const [a, b] of [
      ['楼道灯不亮', '小区停车位不够'],
      ['楼道灯不亮', '楼下垃圾桶满了'],
      ['3号楼楼道灯不亮', '3号楼电梯坏了'],
      ['健身器材损坏', '儿童游乐设施损坏'],
    ]) {
      expect(await score(a as string, b as string), `${a} / ${b}`).toBeLessThan(SIMILARITY_THRESHOLD);
    }
  });

  it("shows a resident another resident's wish without names, description or notes", async ({ h, world: w }) => {
    const theirs = await w.submit('resident.wenxiangyuan.1', {
      title: `电梯按钮失灵 ${tag()}`,
      description: '一单元电梯五楼按钮按不亮，张阿姨每天爬楼',
      categoryCode: 'repairs',
    });
    const res = await h.gql(
      SIMILAR_FULL,
      { input: { title: '电梯按钮失灵了', categoryCode: 'repairs' } },
      await w.token('resident.wenxiangyuan.3'),
    );
    expect(res.errors).toBeUndefined();
    const hit = res.data.similarWishes.find((s: { wish: { id: string } }) => s.wish.id === theirs.id);
    expect(hit).toBeDefined();
    expect(hit.wish.description).toBeNull();
    expect(hit.wish.resident).toBeNull();
    expect(hit.wish.listedBy).toBeNull();
    for (const e of hit.wish.events) expect(e).toEqual({ note: null, actor: null });
    // The resident who listed it sees it in full; the compound's secretary too.
    const own = await h.gql(
      SIMILAR_FULL,
      { input: { title: '电梯按钮失灵了', categoryCode: 'repairs' } },
      await w.token('resident.wenxiangyuan.1'),
    );
    const mine = own.data.similarWishes.find((s: { wish: { id: string } }) => s.wish.id === theirs.id);
    expect(mine.wish.description).toContain('电梯');
    const staff = await h.gql(
      SIMILAR_FULL,
      { input: { title: '电梯按钮失灵了', categoryCode: 'repairs', orgUnitId: w.unit('Wenxiangyuan') } },
      await w.token('wenxiangyuan.secretary'),
    );
    expect(staff.errors).toBeUndefined();
    const seen = staff.data.similarWishes.find((s: { wish: { id: string } }) => s.wish.id === theirs.id);
    expect(seen.wish.resident.displayName).toEqual(expect.any(String));
  });

  it('refuses a blank title, an unknown category and a compound outside the viewer, in the contract order', async ({
    h,
    world: w,
  }) => {
    const token = await w.token('resident.wenxiangyuan.2');
    const blank = await h.operation(STREET, 'SimilarWishes', { input: { title: '  ' } }, token);
    expect([errorCode(blank), errorField(blank)]).toEqual(['BAD_USER_INPUT', 'title']);
    const category = await h.operation(
      STREET,
      'SimilarWishes',
      { input: { title: '灯', categoryCode: 'nope' } },
      token,
    );
    expect([errorCode(category), errorField(category)]).toEqual(['BAD_USER_INPUT', 'categoryCode']);
    const { rows } = await h.db.query(
      `select c.id from org_unit c join person_role r on r.org_unit_id = c.id join person p on p.id = r.person_id
        where p.username = 'resident.financial.1' and r.role = 'RESIDENT'`,
    );
    const other = await h.operation(
      STREET,
      'SimilarWishes',
      { input: { title: '灯', orgUnitId: encodeId('OrgUnit', rows[0].id) } },
      token,
    );
    expect(errorCode(other)).toBe('NOT_FOUND');
    const street = await h.operation(
      STREET,
      'SimilarWishes',
      { input: { title: '灯', orgUnitId: w.unit('Xiguan') } },
      await w.token('admin'),
    );
    expect([errorCode(street), errorField(street)]).toEqual(['BAD_USER_INPUT', 'orgUnitId']);
    const anonymous = await h.operation(STREET, 'SimilarWishes', { input: { title: '' } }, null);
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });
});

describe('following and merging', () => {
  it('counts a follower as a supporter once, and not the wish’s own resident or a screen', async ({ h, world: w }) => {
    const wish = await w.submit('resident.wenxiangyuan.1', { title: `垃圾桶满了没人清 ${tag()}` });
    const follow = `mutation($id: ID!) { followWish(wishId: $id) { wish { id supporterCount followedByMe } } }`;
    const first = await h.gql(follow, { id: wish.id }, await w.token('resident.wenxiangyuan.2'));
    expect(first.errors).toBeUndefined();
    expect(first.data.followWish.wish).toEqual({ id: wish.id, supporterCount: 1, followedByMe: true });
    const again = await h.gql(follow, { id: wish.id }, await w.token('resident.wenxiangyuan.2'));
    expect(again.data.followWish.wish.supporterCount).toBe(1);
    const own = await h.gql(follow, { id: wish.id }, await w.token('resident.wenxiangyuan.1'));
    expect([errorCode(own), errorField(own)]).toEqual(['BAD_USER_INPUT', 'wishId']);
    const screen = await h.gql(follow, { id: wish.id }, await w.token('screen.hongshun'));
    expect(errorCode(screen)).toBe('FORBIDDEN');
    const outsider = await h.gql(follow, { id: wish.id }, await w.token('resident.financial.1'));
    expect(errorCode(outsider)).toBe('NOT_FOUND');
    const { rows } = await h.db.query(
      `select count(*)::int as n from change_event where entity_type = 'Wish' and action = 'FOLLOW'`,
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
    const unfollow = await h.gql(
      `mutation($id: ID!) { unfollowWish(wishId: $id) { wish { supporterCount followedByMe } } }`,
      { id: wish.id },
      await w.token('resident.wenxiangyuan.2'),
    );
    expect(unfollow.data.unfollowWish.wish).toEqual({ supporterCount: 0, followedByMe: false });
  });

  it('merges a duplicate into the original: REJECTED by a MERGE event, its resident and followers move over', async ({
    h,
    world: w,
  }) => {
    const original = await w.submit('resident.wenxiangyuan.1', { title: `单元门禁坏了 ${tag()}` });
    const duplicate = await w.submit('resident.wenxiangyuan.2', { title: '单元门禁又坏了' });
    await w.ok('wenxiangyuan.secretary', 'openWishForClaim', { wishId: duplicate.id });
    const follow = `mutation($id: ID!) { followWish(wishId: $id) { wish { id } } }`;
    expect(
      (await h.gql(follow, { id: duplicate.id }, await w.token('resident.wenxiangyuan.3'))).errors,
    ).toBeUndefined();
    // The original's own resident follows the duplicate too: after the merge she is its resident, not a supporter.
    expect(
      (await h.gql(follow, { id: duplicate.id }, await w.token('resident.wenxiangyuan.1'))).errors,
    ).toBeUndefined();

    const merge = `mutation($i: MergeWishInput!) { mergeWish(input: $i) { wish { id status mergedInto { id } } } }`;
    const secretary = await w.token('wenxiangyuan.secretary');
    const self = await h.gql(merge, { i: { wishId: duplicate.id, intoWishId: duplicate.id } }, secretary);
    expect([errorCode(self), errorField(self)]).toEqual(['BAD_USER_INPUT', 'intoWishId']);
    // The duplicate's resident cannot see the original (NOT_FOUND); a grid worker sees both but handles neither.
    const byResident = await h.gql(
      merge,
      { i: { wishId: duplicate.id, intoWishId: original.id } },
      await w.token('resident.wenxiangyuan.2'),
    );
    expect(errorCode(byResident)).toBe('NOT_FOUND');
    const byGridWorker = await h.gql(
      merge,
      { i: { wishId: duplicate.id, intoWishId: original.id } },
      await w.token('grid.hongshun'),
    );
    expect(errorCode(byGridWorker)).toBe('FORBIDDEN');
    const before = (await h.gql(WISH, { id: duplicate.id }, secretary)).data.wish;
    const stale = await h.gql(
      merge,
      { i: { wishId: duplicate.id, intoWishId: original.id, expectedVersion: before.version - 1 } },
      secretary,
    );
    expect(errorCode(stale)).toBe('CONFLICT');

    const merged = await h.gql(
      merge,
      { i: { wishId: duplicate.id, intoWishId: original.id, expectedVersion: before.version } },
      secretary,
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeWish.wish).toEqual({
      id: duplicate.id,
      status: 'REJECTED',
      mergedInto: { id: original.id },
    });

    const after = (await h.gql(WISH, { id: duplicate.id }, secretary)).data.wish;
    expect(after.events.at(-1)).toEqual({ action: 'MERGE', fromStatus: 'OPEN_FOR_CLAIM', toStatus: 'REJECTED' });
    expect(after.supporterCount).toBe(0);
    const target = (await h.gql(WISH, { id: original.id }, secretary)).data.wish;
    expect(target.status).toBe('SUBMITTED');
    expect(target.mergedInto).toBeNull();
    // resident 2 (the duplicate's resident) and resident 3 (its follower); resident 1 owns the original.
    expect(target.supporterCount).toBe(2);
    const { rows } = await h.db.query(
      `select p.username from wish_follower f join person p on p.id = f.person_id
        where f.wish_id = (select wish_id from wish_event where action = 'MERGE' order by sequence desc limit 1)`,
    );
    expect(rows).toEqual([]);
    const moved = await h.db.query(
      `select e.data->>'intoWishId' as into, count(*) over ()::int as n from wish_event e where e.action = 'MERGE'`,
    );
    expect(moved.rows[0].n).toBe(1);
    const followedByTwo = (await h.gql(WISH, { id: original.id }, await w.token('resident.wenxiangyuan.2'))).data;
    // The duplicate's resident cannot open the original (another resident's), but she follows it.
    expect(followedByTwo.wish).toBeNull();
    const mine = await h.gql(
      `query($id: ID!) { wish(id: $id) { mergedInto { id title description followedByMe } } }`,
      { id: duplicate.id },
      await w.token('resident.wenxiangyuan.2'),
    );
    expect(mine.data.wish.mergedInto).toMatchObject({ id: original.id, description: null, followedByMe: true });

    const again = await h.gql(merge, { i: { wishId: duplicate.id, intoWishId: original.id } }, secretary);
    expect(errorCode(again)).toBe('INVALID_TRANSITION');
  });
});

describe('hot spots', () => {
  it('appears at three wishes of a category in a compound within the window, not at two', async ({ h, world: w }) => {
    // A compound with no wish of this category in the last year.
    const { rows } = await h.db.query(
      `select c.id from org_unit c where c.kind = 'COMPOUND' and c.retired_at is null and not exists (
         select 1 from wish x join wish_category k on k.id = x.category_id
          where x.compound_id = c.id and k.code = 'elderly_care' and x.created_at > now() - interval '366 days')
        order by c.id limit 1`,
    );
    const compound = encodeId('OrgUnit', rows[0].id);
    const admin = await w.token('admin');
    const street = w.unit('Xiguan');
    const spotsOf = async (days?: number) => {
      const res = await h.operation(STREET, 'HotSpots', { orgUnitId: street, ...(days ? { days } : {}) }, admin);
      expect(res.errors).toBeUndefined();
      return res.data.hotSpots as { count: number; compound: { id: string }; category: { code: string } }[];
    };
    const mineOf = (spots: Awaited<ReturnType<typeof spotsOf>>) =>
      spots.find((s) => s.compound.id === compound && s.category.code === 'elderly_care');
    const listed: string[] = [];
    for (let i = 0; i < 2; i++) {
      listed.push((await w.submit('admin', { orgUnitId: compound, categoryCode: 'elderly_care' })).id);
    }
    expect(mineOf(await spotsOf())).toBeUndefined();
    listed.push((await w.submit('admin', { orgUnitId: compound, categoryCode: 'elderly_care' })).id);
    const spots = await spotsOf();
    expect(mineOf(spots)).toMatchObject({ count: 3, category: { code: 'elderly_care', name: expect.any(String) } });
    const counts = spots.map((s) => s.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    // Ten days ago: inside 30 days, outside 5.
    await h.db.query(`update wish set created_at = now() - interval '10 days' where id = any($1::int[])`, [
      listed.map((id) => Number(Buffer.from(id, 'base64url').toString().split(':')[1])),
    ]);
    expect(mineOf(await spotsOf(5))).toBeUndefined();
    expect(mineOf(await spotsOf(30))).toMatchObject({ count: 3 });

    // The display screen of the community may read it; a resident may not; days are bounded.
    const screen = await h.operation(
      STREET,
      'HotSpots',
      { orgUnitId: w.unit('Hongshun Road') },
      await w.token('screen.hongshun'),
    );
    expect(screen.errors).toBeUndefined();
    const resident = await h.operation(
      STREET,
      'HotSpots',
      { orgUnitId: street },
      await w.token('resident.wenxiangyuan.1'),
    );
    expect(errorCode(resident)).toBe('FORBIDDEN');
    for (const days of [0, 366]) {
      const bad = await h.operation(STREET, 'HotSpots', { orgUnitId: street, days }, admin);
      expect([errorCode(bad), errorField(bad)]).toEqual(['BAD_USER_INPUT', 'days']);
    }
    const unknown = await h.operation(STREET, 'HotSpots', { orgUnitId: 'nope' }, admin);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });
});

describe('the public board', () => {
  it('answers without a token with the street’s figures, and names no person and no wish', async ({ h, world: w }) => {
    const street = w.unit('Xiguan');
    const res = await h.operation(STREET, 'PublicBoard', { orgUnitId: street }, null);
    expect(res.errors).toBeUndefined();
    const board = res.data.publicBoard;
    expect(board.unit.id).toBe(street);
    expect(board.branches).toHaveLength(6);
    const { rows } = await h.db.query(
      `select count(*)::int as n from wish where status in ('SUBMITTED', 'OPEN_FOR_CLAIM', 'DISPATCHED', 'ACCEPTED')`,
    );
    expect(board.openNow).toBe(rows[0].n);
    expect(board.resolvedThisMonth).toBeGreaterThanOrEqual(0);
    expect(board.averageRating === null || (board.averageRating >= 1 && board.averageRating <= 5)).toBe(true);

    const full = await h.gql(
      `query($u: ID!) { publicBoard(orgUnitId: $u) { unit { name nameZh } resolvedThisMonth openNow averageRating
         averageDaysToClose theme { title } upcomingActivities { title place startsAt organizer { nameZh } }
         branches { unit { id name nameZh } resolved averageRating } } }`,
      { u: street },
      null,
    );
    expect(full.errors).toBeUndefined();
    const community = await h.operation(STREET, 'PublicBoard', { orgUnitId: w.unit('Hongshun Road') }, null);
    expect(community.errors).toBeUndefined();
    expect(community.data.publicBoard.branches.length).toBeGreaterThan(0);
    const json = JSON.stringify([res.data, full.data, community.data]);
    const people = await h.db.query('select display_name from person');
    const titles = await h.db.query('select distinct title from wish');
    expect(people.rows.length).toBeGreaterThan(100);
    expect(people.rows.map((r) => r.display_name).filter((n: string) => json.includes(n))).toEqual([]);
    expect(titles.rows.map((r) => r.title).filter((t: string) => json.includes(t))).toEqual([]);
  });

  it('refuses a compound and an unknown unit, and only a query for the board passes without a token', async ({
    h,
    world: w,
  }) => {
    const compound = await h.operation(STREET, 'PublicBoard', { orgUnitId: w.unit('Wenxiangyuan') }, null);
    expect([errorCode(compound), errorField(compound)]).toEqual(['BAD_USER_INPUT', 'orgUnitId']);
    const unknown = await h.operation(STREET, 'PublicBoard', { orgUnitId: 'garbage' }, null);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    const hot = await h.operation(STREET, 'HotSpots', { orgUnitId: w.unit('Xiguan') }, null);
    expect(errorCode(hot)).toBe('UNAUTHENTICATED');
    const mixed = await h.gql(
      `query($u: ID!) { publicBoard(orgUnitId: $u) { openNow } me { id } }`,
      { u: w.unit('Xiguan') },
      null,
    );
    expect(errorCode(mixed)).toBe('UNAUTHENTICATED');
  });

  it('is switched off and on by street staff only; off, it is NOT_FOUND for everyone', async ({ h, world: w }) => {
    const street = w.unit('Xiguan');
    const set = `mutation($s: ID!, $e: Boolean!) { setPublicBoardEnabled(streetId: $s, enabled: $e) { enabled street { id publicBoardEnabled } } }`;
    const bySecretary = await h.gql(set, { s: street, e: false }, await w.token('hongshun.secretary'));
    expect(errorCode(bySecretary)).toBe('FORBIDDEN');
    const onCommunity = await h.gql(set, { s: w.unit('Hongshun Road'), e: false }, await w.token('admin'));
    expect([errorCode(onCommunity), errorField(onCommunity)]).toEqual(['BAD_USER_INPUT', 'streetId']);
    const off = await h.gql(set, { s: street, e: false }, await w.token('admin'));
    expect(off.errors).toBeUndefined();
    expect(off.data.setPublicBoardEnabled).toEqual({
      enabled: false,
      street: { id: street, publicBoardEnabled: false },
    });
    for (const unit of [street, w.unit('Hongshun Road')]) {
      const res = await h.operation(STREET, 'PublicBoard', { orgUnitId: unit }, null);
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.errors?.[0]?.message).toMatch(/switched off/);
    }
    const { rows } = await h.db.query(
      `select count(*)::int as n from change_event where entity_type = 'OrgUnit' and action = 'PUBLIC_BOARD'`,
    );
    expect(rows[0].n).toBe(1);
    expect((await h.gql(set, { s: street, e: true }, await w.token('admin'))).errors).toBeUndefined();
    const back = await h.operation(STREET, 'PublicBoard', { orgUnitId: street }, null);
    expect(back.errors).toBeUndefined();
  });

  it('is rate-limited per address without a token, like a login', async ({ h, world: w }) => {
    let limited: { extensions?: { code?: string; retryAfterSeconds?: number } } | undefined;
    for (let i = 0; i <= PUBLIC_LIMIT && !limited; i++) {
      const res = await h.operation(STREET, 'PublicBoard', { orgUnitId: w.unit('Xiguan') }, null);
      limited = res.errors?.find((e) => e.extensions?.code === 'RATE_LIMITED') as typeof limited;
    }
    expect(limited?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // A signed-in person is not counted against the address.
    const staff = await h.operation(STREET, 'PublicBoard', { orgUnitId: w.unit('Xiguan') }, await w.token('admin'));
    expect(staff.errors).toBeUndefined();
  });
});
