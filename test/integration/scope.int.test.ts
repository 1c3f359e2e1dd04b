/** Who sees what: subtree scope for staff, masking for display screens, one rule in SQL and in code. */
import { describe, expect } from 'vitest';
import { loadViewer } from '../../server/src/domain/auth/auth.service.ts';
import { loadWishFacts } from '../../server/src/domain/wishes/wish.facts.ts';
import { findVisibleWishes } from '../../server/src/domain/wishes/wish.queries.ts';
import { canSeeWish } from '../../server/src/domain/wishes/wish.scope.ts';
import { decodeId } from '../../server/src/graphql/ids.ts';
import { subscribe } from '../support/harness.ts';
import { harnessTest as it } from '../support/harness-test.ts';
import { WISH_FIELDS } from '../support/world.ts';

const DEMO = [
  'admin',
  'hongshun.secretary',
  'wenxiangyuan.secretary',
  'financial.secretary',
  'grid.hongshun',
  'member.wenxiangyuan.1',
  'member.financial.1',
  'volunteer.wenxiangyuan.1',
  'resident.wenxiangyuan.1',
  'resident.financial.1',
  'screen.hongshun',
];

describe('scope', () => {
  it('financial.secretary cannot read, dispatch or subscribe to Hongshun Road wishes', async ({ h, world: w }) => {
    const token = await w.token('financial.secretary');
    const hongshun = w.unit('Hongshun Road');
    const list = await h.gql(
      'query($f: WishFilter) { wishes(filter: $f, first: 100) { totalCount edges { node { compound { id } } } } }',
      { f: { orgUnitId: hongshun } },
      token,
    );
    expect(list.data.wishes).toEqual({ totalCount: 0, edges: [] });
    const all = await h.gql('{ wishes(first: 100) { totalCount edges { node { id compound { id } } } } }', {}, token);
    expect(all.data.wishes.totalCount).toBeGreaterThan(0);
    const hongshunCompounds = await h.gql('query($p: ID) { orgUnits(parentId: $p) { id } }', { p: hongshun }, token);
    const ids = new Set(hongshunCompounds.data.orgUnits.map((u: any) => u.id));
    expect(all.data.wishes.edges.some((e: any) => ids.has(e.node.compound.id))).toBe(false);

    const wish = await w.submit('resident.wenxiangyuan.1');
    const read = await h.gql('query($id: ID!) { wish(id: $id) { id } }', { id: wish.id }, token);
    expect(read.data.wish).toBeNull();
    const member = await w.person('member.wenxiangyuan.1');
    const dispatch = await w.act('financial.secretary', 'dispatchWish', { wishId: wish.id, assigneeIds: [member] });
    expect(dispatch.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT'); // the member is not theirs to assign
    const financialMember = await w.person('member.financial.1');
    const dispatch2 = await w.act('financial.secretary', 'dispatchWish', {
      wishId: wish.id,
      assigneeIds: [financialMember],
    });
    expect(dispatch2.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const client = h.ws(token);
    const byWish = subscribe(client, 'subscription($id: ID) { wishEvents(wishId: $id) { sequence } }', { id: wish.id });
    await byWish.until(() => byWish.errors.length > 0, 5000, 'a refusal');
    expect(JSON.stringify(byWish.errors)).toContain('NOT_FOUND');
    const byUnit = subscribe(
      client,
      'subscription($u: ID, $a: Int) { wishEvents(orgUnitId: $u, afterSequence: $a) { sequence wish { id } } }',
      {
        u: hongshun,
        a: (await h.lastSequence()) - 1,
      },
    );
    const everything = subscribe(
      client,
      'subscription($a: Int) { wishEvents(afterSequence: $a) { sequence wish { id } } }',
      {
        a: await h.lastSequence(),
      },
    );
    await w.ok('hongshun.secretary', 'rejectWish', { wishId: wish.id, reason: 'test' });
    const own = await w.submit('resident.financial.1');
    await everything.until(() => everything.items.length >= 1, 5000, "financial road's own event");
    expect(everything.items.map((m: any) => m.wishEvents.wish.id)).toEqual([own.id]);
    expect(byUnit.items).toEqual([]);
    await client.dispose();
  });

  it('screen.hongshun sees statuses, titles, categories and units, never personal data', async ({ h, world: w }) => {
    const token = await w.token('screen.hongshun');
    const list = await h.gql(
      `{ wishes(first: 50) { totalCount edges { node { id title status category { code } compound { name }
          description resident { id } listedBy { id } assignees { displayName } ratingComment meetings { id }
          events { note actor { displayName } } } } } }`,
      {},
      token,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data.wishes.totalCount).toBeGreaterThan(0);
    for (const { node } of list.data.wishes.edges) {
      expect(node.title).toBeTruthy();
      expect(node).toMatchObject({
        description: null,
        resident: null,
        listedBy: null,
        assignees: [],
        ratingComment: null,
        meetings: [],
      });
      for (const e of node.events) expect(e).toEqual({ note: null, actor: null });
    }
    const people = await h.gql(
      'query($u: ID!) { people(orgUnitId: $u) { id } }',
      { u: w.unit('Hongshun Road') },
      token,
    );
    expect(people.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const client = h.ws(token);
    const sub = subscribe(
      client,
      `subscription($a: Int) { wishEvents(afterSequence: $a) { action note actor { displayName }
         wish { title status description resident { displayName } assignees { displayName } } } }`,
      { a: await h.lastSequence() },
    );
    const wish = await w.submit('resident.wenxiangyuan.1', { description: '私人信息：电话13900000000' });
    const member = await w.person('member.wenxiangyuan.1');
    await w.ok('hongshun.secretary', 'dispatchWish', { wishId: wish.id, assigneeIds: [member], note: '请联系王先生' });
    const got = await sub.next(2);
    expect(JSON.stringify(got)).not.toMatch(/电话|王先生|13900000000/);
    expect(got[1].wishEvents).toEqual({
      action: 'DISPATCH',
      note: null,
      actor: null,
      wish: { title: wish.title, status: 'DISPATCHED', description: null, resident: null, assignees: [] },
    });
    await client.dispose();
  });

  it("a resident sees their own wishes and not other residents'", async ({ h, world: w }) => {
    const mine = await w.submit('resident.wenxiangyuan.2');
    const other = await h.gql(
      'query($id: ID!) { wish(id: $id) { id } }',
      { id: mine.id },
      await w.token('resident.wenxiangyuan.3'),
    );
    expect(other.data.wish).toBeNull();
    const own = await h.gql(
      `query($id: ID!) { wish(id: $id) { ${WISH_FIELDS} } }`,
      { id: mine.id },
      await w.token('resident.wenxiangyuan.2'),
    );
    expect(own.data.wish.description).toBeTruthy();
  });

  it('party members see the open wishes of their area only', async ({ h, world: w }) => {
    const wish = await w.submit('resident.wenxiangyuan.1');
    const member = await w.token('member.wenxiangyuan.3');
    const q = 'query($id: ID!) { wish(id: $id) { id status } }';
    expect((await h.gql(q, { id: wish.id }, member)).data.wish).toBeNull();
    await w.ok('wenxiangyuan.secretary', 'openWishForClaim', { wishId: wish.id });
    expect((await h.gql(q, { id: wish.id }, member)).data.wish.status).toBe('OPEN_FOR_CLAIM');
    expect((await h.gql(q, { id: wish.id }, await w.token('member.financial.1'))).data.wish).toBeNull();
    const claim = await w.act('member.financial.1', 'claimWish', { wishId: wish.id });
    expect(claim.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('the SQL visibility rule and the in-memory one agree for every wish and demo account', async ({ h, world: w }) => {
    const em = h.app.orm.em.fork();
    const { rows } = await h.db.query('select id from wish order by id');
    const ids = rows.map((r) => r.id as number);
    const facts = await loadWishFacts(em, ids);
    let visibleSomewhere = 0;
    for (const username of DEMO) {
      const personId = decodeId('Person', await w.person(username))!;
      const viewer = (await loadViewer(em, personId))!;
      const bySql = new Set((await findVisibleWishes(em, viewer, ids)).map((v) => v.id));
      const byCode = new Set(ids.filter((id) => canSeeWish(viewer, facts.get(id)!)));
      expect([...bySql].sort(), username).toEqual([...byCode].sort());
      visibleSomewhere += bySql.size;
    }
    expect(visibleSomewhere).toBeGreaterThan(ids.length);
  });
});
