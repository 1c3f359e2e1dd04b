/**
 * Every contract document of this release validates against the printed schema, and every one of its
 * operations runs, as written, against a seeded server over real HTTP and WebSocket.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/src/config.ts';
import { CONTRACT_DIR, contractDocument, SHARED_CONTRACT_DIR } from '../support/contract.ts';
import { type Harness, startHarness, subscribe } from '../support/harness.ts';

/**
 * Documents validated against the printed schema. A new contract document joins this list with the issue that
 * builds its operations: `app.graphql` (residents, photos, notifications) with issue 10, `street.graphql`
 * (deadlines, duplicates, hot spots, Open311, service records) with issue 12.
 */
const COVERED = ['auth', 'hierarchy', 'wishes', 'activities', 'points'];
const printed = buildSchema(fs.readFileSync(path.join(ROOT_DIR, 'schema/schema.graphql'), 'utf8'));

describe('contract documents', () => {
  it.each(COVERED)('%s.graphql validates against schema/schema.graphql', (name) => {
    const errors = validate(printed, parse(contractDocument(name)));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it.runIf(fs.existsSync(SHARED_CONTRACT_DIR))('the copies in schema/contract match shared/contract', () => {
    for (const file of fs.readdirSync(SHARED_CONTRACT_DIR)) {
      expect(fs.readFileSync(path.join(CONTRACT_DIR, file), 'utf8'), file).toBe(
        fs.readFileSync(path.join(SHARED_CONTRACT_DIR, file), 'utf8'),
      );
    }
  });
});

describe('contract operations against a seeded server', () => {
  let h: Harness;
  const auth = contractDocument('auth');
  const hierarchy = contractDocument('hierarchy');
  const wishes = contractDocument('wishes');
  const run = async (doc: string, operationName: string, variables: Record<string, unknown>, token: string | null) => {
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: doc, operationName, variables }),
    });
    return (await res.json()) as { data?: any; errors?: any[] };
  };
  let ids: { hongshun: string; wenxiangyuan: string; street: string; member1: string };

  beforeAll(async () => {
    h = await startHarness();
    const admin = await h.login('admin');
    const units = await run(hierarchy, 'OrgUnits', {}, admin);
    const find = (name: string) => units.data.orgUnits.find((u: any) => u.name.includes(name)).id as string;
    const secretary = await h.login('hongshun.secretary');
    const people = await run(hierarchy, 'People', { orgUnitId: find('Wenxiangyuan'), role: 'PARTY_MEMBER' }, secretary);
    const me1 = await run(auth, 'Me', {}, await h.login('member.wenxiangyuan.1'));
    expect(people.data.people.map((p: any) => p.id)).toContain(me1.data.me.id);
    ids = {
      hongshun: find('Hongshun Road'),
      wenxiangyuan: find('Wenxiangyuan'),
      street: units.data.orgUnits.find((u: any) => u.kind === 'STREET').id,
      member1: me1.data.me.id,
    };
  });
  afterAll(() => h?.stop());

  it('Login returns a token and the person with their roles', async () => {
    const res = await run(auth, 'Login', { username: 'hongshun.secretary', password: 'wishgrid-demo' }, null);
    expect(res.errors).toBeUndefined();
    expect(res.data.login.token).toMatch(/\S{20,}/);
    expect(res.data.login.user.roles).toContainEqual({
      role: 'BRANCH_SECRETARY',
      orgUnit: { id: ids.hongshun, name: expect.stringContaining('Hongshun Road'), kind: 'COMMUNITY' },
    });
  });

  it('Me returns the same person as login.user', async () => {
    const login = await run(auth, 'Login', { username: 'resident.wenxiangyuan.1', password: 'wishgrid-demo' }, null);
    const me = await run(auth, 'Me', {}, login.data.login.token);
    expect(me.data.me.id).toBe(login.data.login.user.id);
    expect(me.data.me.roles[0]).toEqual({
      role: 'RESIDENT',
      orgUnit: { id: ids.wenxiangyuan, name: expect.any(String) },
    });
  });

  it('OrgUnits filters by kind and parent; OrgUnit shows the tree around a unit', async () => {
    const token = await h.login('resident.wenxiangyuan.1');
    const communities = await run(hierarchy, 'OrgUnits', { kind: 'COMMUNITY' }, token);
    expect(communities.data.orgUnits).toHaveLength(6);
    const compounds = await run(hierarchy, 'OrgUnits', { kind: 'COMPOUND', parentId: ids.hongshun }, token);
    expect(compounds.data.orgUnits.map((u: any) => u.id)).toContain(ids.wenxiangyuan);
    expect(compounds.data.orgUnits.every((u: any) => u.parent.id === ids.hongshun)).toBe(true);
    const street = await run(hierarchy, 'OrgUnit', { id: ids.street }, token);
    expect(street.data.orgUnit).toMatchObject({ kind: 'STREET', population: 54506, parent: null });
    expect(street.data.orgUnit.children.filter((c: any) => c.kind === 'COMMUNITY')).toHaveLength(6);
    const compound = await run(hierarchy, 'OrgUnit', { id: ids.wenxiangyuan }, token);
    expect(compound.data.orgUnit.parent).toMatchObject({ id: ids.hongshun, kind: 'COMMUNITY' });
    expect(typeof compound.data.orgUnit.hasPropertyManagement).toBe('boolean');
  });

  it('WishCategories lists the seeded categories', async () => {
    const res = await run(hierarchy, 'WishCategories', {}, await h.login('resident.wenxiangyuan.1'));
    expect(res.data.wishCategories.map((c: any) => c.code)).toEqual(
      expect.arrayContaining(['parking', 'greenery', 'repairs', 'street_lamps', 'sanitation', 'safety']),
    );
  });

  it('People lists the people of a subtree, for staff only', async () => {
    const res = await run(
      hierarchy,
      'People',
      { orgUnitId: ids.wenxiangyuan, role: 'PARTY_MEMBER' },
      await h.login('wenxiangyuan.secretary'),
    );
    expect(res.data.people.length).toBeGreaterThanOrEqual(5);
    const refused = await run(
      hierarchy,
      'People',
      { orgUnitId: ids.wenxiangyuan },
      await h.login('resident.wenxiangyuan.1'),
    );
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('runs the wish operations end to end, with WishEvents over WebSocket', async () => {
    const resident = await h.login('resident.wenxiangyuan.1');
    const secretary = await h.login('hongshun.secretary');
    const member = await h.login('member.wenxiangyuan.1');
    const ws = h.ws(secretary);
    const events = subscribe(ws, wishes.slice(wishes.indexOf('subscription WishEvents')), {
      orgUnitId: ids.hongshun,
      afterSequence: await h.lastSequence(),
    });

    const submitted = await run(
      wishes,
      'SubmitWish',
      { input: { title: '楼道灯不亮', description: '三单元二楼', categoryCode: 'street_lamps' } },
      resident,
    );
    expect(submitted.errors).toBeUndefined();
    const wish = submitted.data.submitWish.wish;
    expect(wish).toMatchObject({
      status: 'SUBMITTED',
      compound: { id: ids.wenxiangyuan },
      handlingUnit: { id: ids.wenxiangyuan, kind: 'COMPOUND' },
      description: '三单元二楼',
    });

    const dispatched = await run(
      wishes,
      'DispatchWish',
      { input: { wishId: wish.id, assigneeIds: [ids.member1], dueAt: new Date(Date.now() + 86400000).toISOString() } },
      secretary,
    );
    expect(dispatched.data.dispatchWish.wish).toMatchObject({ status: 'DISPATCHED', assignees: [{ id: ids.member1 }] });
    const accepted = await run(wishes, 'AcceptWish', { input: { wishId: wish.id } }, member);
    expect(accepted.data.acceptWish.wish.status).toBe('ACCEPTED');
    const resolved = await run(wishes, 'ResolveWish', { input: { wishId: wish.id, note: '换了灯泡' } }, member);
    expect(resolved.data.resolveWish.wish.status).toBe('RESOLVED');
    const evaluated = await run(wishes, 'EvaluateWish', { input: { wishId: wish.id, rating: 5 } }, resident);
    expect(evaluated.data.evaluateWish.wish).toMatchObject({ status: 'CLOSED', rating: 5 });

    const one = await run(wishes, 'Wish', { id: wish.id }, resident);
    expect(one.data.wish.events.map((e: any) => e.action)).toEqual([
      'SUBMIT',
      'DISPATCH',
      'ACCEPT',
      'RESOLVE',
      'EVALUATE',
    ]);
    expect(one.data.wish.events[0].fromStatus).toBeNull();

    const second = await run(
      wishes,
      'SubmitWish',
      { input: { title: '台阶破损', description: '', categoryCode: 'repairs' } },
      resident,
    );
    const secondId = second.data.submitWish.wish.id;
    const opened = await run(wishes, 'OpenWishForClaim', { input: { wishId: secondId } }, secretary);
    expect(opened.data.openWishForClaim.wish.status).toBe('OPEN_FOR_CLAIM');
    const claimed = await run(wishes, 'ClaimWish', { input: { wishId: secondId } }, member);
    expect(claimed.data.claimWish.wish).toMatchObject({ status: 'ACCEPTED', assignees: [{ id: ids.member1 }] });
    const escalated = await run(
      wishes,
      'EscalateWish',
      { input: { wishId: secondId, reason: '需要社区协调' } },
      secretary,
    );
    expect(escalated.data.escalateWish.wish).toMatchObject({ status: 'SUBMITTED', handlingUnit: { id: ids.hongshun } });
    const cancelled = await run(wishes, 'CancelWish', { input: { wishId: secondId } }, resident);
    expect(cancelled.data.cancelWish.wish.status).toBe('CANCELLED');

    const list = await run(
      wishes,
      'Wishes',
      { filter: { orgUnitId: ids.wenxiangyuan, status: ['CLOSED'] }, first: 2 },
      secretary,
    );
    expect(list.data.wishes.totalCount).toBeGreaterThan(2);
    expect(list.data.wishes.edges).toHaveLength(2);
    expect(list.data.wishes.pageInfo.hasNextPage).toBe(true);
    const next = await run(
      wishes,
      'Wishes',
      {
        filter: { orgUnitId: ids.wenxiangyuan, status: ['CLOSED'] },
        first: 2,
        after: list.data.wishes.pageInfo.endCursor,
      },
      secretary,
    );
    expect(next.data.wishes.edges[0].node.id).not.toBe(list.data.wishes.edges[1].node.id);

    await events.until(() => events.items.length >= 10, 5000, 'ten wish events');
    expect(events.items.map((e: any) => e.wishEvents.action)).toEqual([
      'SUBMIT',
      'DISPATCH',
      'ACCEPT',
      'RESOLVE',
      'EVALUATE',
      'SUBMIT',
      'OPEN_FOR_CLAIM',
      'CLAIM',
      'ESCALATE',
      'CANCEL',
    ]);
    events.dispose();
    await ws.dispose();
  });
});
