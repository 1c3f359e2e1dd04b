/**
 * Staff management of the organisation over real HTTP: units (create, update, move, retire, delete), people and
 * their roles, wish categories, and their staff lists — with scope, error codes, change events, and nothing
 * changed by a refused operation.
 */
import { describe, expect } from 'vitest';
import { decodeId } from '../../server/src/graphql/ids.ts';
import { errorCode as code, DEMO_PASSWORD, type Harness, LOGIN } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';
import { changeEvents, tablesDigest } from '../support/tables.ts';

const UNIT = 'id name nameZh kind version retiredAt population hasPropertyManagement parent { id name }';
const PERSON = 'id displayName username phone active roles { role orgUnit { id name } }';
const CATEGORY = 'id code name nameZh dueInDays defaultLevel active sortOrder';

const unitId = (id: string) => decodeId('OrgUnit', id) as number;
const personId = (id: string) => decodeId('Person', id) as number;

/** Everything the organisation's management writes: equal before and after means nothing changed. */
const orgDigest = (h: Harness) =>
  tablesDigest(h, ['org_unit', 'person', 'person_role', 'wish_category', 'change_event', 'wish'], {
    person: ['password_hash'],
  });

/** `unitOp`, `personOp` and `categoryOp` run a mutation as `username`, selecting the unit, person or category. */
const it = harnessTest
  .extend('unitOp', { scope: 'file' }, ({ world }) => world.mutator(`orgUnit { ${UNIT} }`))
  .extend('personOp', { scope: 'file' }, ({ world }) => world.mutator(`person { ${PERSON} }`))
  .extend('categoryOp', { scope: 'file' }, ({ world }) => world.mutator(`category { ${CATEGORY} }`))
  /** The units the tests move things between. */
  .extend('units', { scope: 'file' }, ({ world }) => ({
    street: world.unit('Xiguan Street'),
    hongshun: world.unit('Hongshun Road'),
    financial: world.unit('Financial Road'),
    wenxiangyuan: world.unit('Wenxiangyuan'),
    printing: world.unit('Shanxi Printing and Dyeing Factory Compound'),
  }));

describe('staff management of the organisation', () => {
  describe('org units', () => {
    it('a street admin creates, updates, moves and retires units, each with its change event', async ({
      h,
      world: w,
      unitOp,
    }) => {
      const admin = await w.person('admin');
      const street = w.unit('Xiguan Street');
      const community = await unitOp('admin', 'createOrgUnit', {
        kind: 'COMMUNITY',
        parentId: street,
        name: 'Test Road Community',
        nameZh: '测试路社区',
        population: 1200,
      });
      expect(community.errors).toBeUndefined();
      const c = community.data.createOrgUnit.orgUnit;
      expect(c).toMatchObject({ kind: 'COMMUNITY', version: 1, retiredAt: null, parent: { id: street } });

      const compound = await unitOp('admin', 'createOrgUnit', {
        kind: 'COMPOUND',
        parentId: c.id,
        name: 'Test Compound',
        nameZh: '测试小区',
        hasPropertyManagement: false,
      });
      const k = compound.data.createOrgUnit.orgUnit;
      const grid = await unitOp('admin', 'createOrgUnit', {
        kind: 'GRID',
        parentId: k.id,
        name: 'Test Compound Grid',
        nameZh: '测试小区网格',
      });
      const g = grid.data.createOrgUnit.orgUnit;
      const paths = async () => {
        const { rows } = await h.db.query('select id, path, parent_id from org_unit where id = any($1::int[])', [
          [unitId(c.id), unitId(k.id), unitId(g.id)],
        ]);
        return new Map(rows.map((r: any) => [r.id, r]));
      };
      const before = await paths();
      const { rows: streetRow } = await h.db.query('select path from org_unit where id = $1', [unitId(street)]);
      expect(before.get(unitId(c.id)).path).toBe(`${streetRow[0].path}${unitId(c.id)}/`);
      expect(before.get(unitId(g.id)).path).toBe(
        `${streetRow[0].path}${unitId(c.id)}/${unitId(k.id)}/${unitId(g.id)}/`,
      );
      expect(await changeEvents(h, 'OrgUnit', unitId(k.id))).toEqual([
        expect.objectContaining({ action: 'CREATE', actor_id: personId(admin) }),
      ]);

      // Update with the version read: accepted, the version moves on.
      const updated = await unitOp('admin', 'updateOrgUnit', {
        orgUnitId: k.id,
        name: 'Test Compound East',
        population: 480,
        expectedVersion: 1,
      });
      expect(updated.errors).toBeUndefined();
      expect(updated.data.updateOrgUnit.orgUnit).toMatchObject({
        name: 'Test Compound East',
        population: 480,
        version: 2,
      });
      const [, update] = await changeEvents(h, 'OrgUnit', unitId(k.id));
      expect(update).toMatchObject({
        action: 'UPDATE',
        data: { name: { from: 'Test Compound', to: 'Test Compound East' }, population: { from: null, to: 480 } },
      });

      // A stale version: CONFLICT, nothing changes.
      const digest = await orgDigest(h);
      const stale = await unitOp('admin', 'updateOrgUnit', { orgUnitId: k.id, name: 'Stale', expectedVersion: 1 });
      expect(code(stale)).toBe('CONFLICT');
      expect(await orgDigest(h)).toBe(digest);

      // Move the compound (with its grid) to Hongshun Road: one statement rewrites the subtree's paths.
      const hongshun = w.unit('Hongshun Road');
      const moved = await unitOp('admin', 'moveOrgUnit', { orgUnitId: k.id, parentId: hongshun, expectedVersion: 2 });
      expect(moved.errors).toBeUndefined();
      expect(moved.data.moveOrgUnit.orgUnit).toMatchObject({ parent: { id: hongshun }, version: 3 });
      const after = await paths();
      const { rows: hongshunRow } = await h.db.query('select path from org_unit where id = $1', [unitId(hongshun)]);
      expect(after.get(unitId(k.id)).path).toBe(`${hongshunRow[0].path}${unitId(k.id)}/`);
      expect(after.get(unitId(g.id)).path).toBe(`${hongshunRow[0].path}${unitId(k.id)}/${unitId(g.id)}/`);
      expect(after.get(unitId(g.id)).parent_id).toBe(unitId(k.id));
      expect((await changeEvents(h, 'OrgUnit', unitId(k.id))).at(-1)).toMatchObject({
        action: 'MOVE',
        data: { fromParentId: unitId(c.id), toParentId: unitId(hongshun), subtreeSize: 2 },
      });
      // The moved compound is in Hongshun Road's subtree for queries too.
      const under = await w.as(
        'admin',
        'query($f: OrgUnitListFilter) { orgUnitList(filter: $f, limit: 200) { nodes { id } } }',
        {
          f: { underId: hongshun },
        },
      );
      expect(under.data.orgUnitList.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining([k.id, g.id]));

      // Retire the grid, then the empty community.
      const retired = await unitOp('admin', 'retireOrgUnit', { orgUnitId: g.id });
      expect(retired.errors).toBeUndefined();
      expect(retired.data.retireOrgUnit.orgUnit.retiredAt).toEqual(expect.any(String));
      expect((await changeEvents(h, 'OrgUnit', unitId(g.id))).at(-1)?.action).toBe('RETIRE');
      expect(code(await unitOp('admin', 'retireOrgUnit', { orgUnitId: g.id }))).toBe('INVALID_TRANSITION');
      const created = await unitOp('admin', 'createOrgUnit', {
        kind: 'GRID',
        parentId: g.id,
        name: 'x',
        nameZh: 'x',
      });
      expect(code(created)).toBe('BAD_USER_INPUT'); // a grid does not go under a grid
      expect(code(await unitOp('admin', 'retireOrgUnit', { orgUnitId: c.id }))).toBeUndefined();
      const retiredOnly = await w.as(
        'admin',
        'query($f: OrgUnitListFilter) { orgUnitList(filter: $f, limit: 200) { totalCount nodes { id } } }',
        { f: { retired: true } },
      );
      expect(retiredOnly.data.orgUnitList.nodes.map((n: any) => n.id).sort()).toEqual([c.id, g.id].sort());
      // A retired unit takes no new units.
      expect(
        code(
          await unitOp('admin', 'createOrgUnit', {
            kind: 'COMPOUND',
            parentId: c.id,
            name: 'y',
            nameZh: 'y',
            hasPropertyManagement: true,
          }),
        ),
      ).toBe('INVALID_TRANSITION');
    });

    it('refuses moves that would break the tree or its kinds, with BAD_USER_INPUT and no change', async ({
      h,
      world: w,
      unitOp,
      units,
    }) => {
      const digest = await orgDigest(h);
      const { wenxiangyuan, hongshun, financial, street } = units;
      const own = await unitOp('admin', 'createOrgUnit', {
        kind: 'GRID',
        parentId: wenxiangyuan,
        name: 'Wenxiangyuan Building 3 Grid',
        nameZh: '文香苑3号楼网格',
      });
      const grid = own.data.createOrgUnit.orgUnit.id;
      const after = await orgDigest(h);
      expect(after).not.toBe(digest);
      const cases: [Record<string, unknown>, string][] = [
        [{ orgUnitId: wenxiangyuan, parentId: wenxiangyuan }, 'parentId'], // itself
        [{ orgUnitId: wenxiangyuan, parentId: grid }, 'parentId'], // its own descendant
        [{ orgUnitId: wenxiangyuan, parentId: street }, 'parentId'], // a compound goes under a community
        [{ orgUnitId: hongshun, parentId: financial }, 'parentId'], // a community goes under the street
        [{ orgUnitId: wenxiangyuan, parentId: hongshun }, 'parentId'], // already there
        [{ orgUnitId: street, parentId: hongshun }, 'orgUnitId'], // the root
      ];
      for (const [input, field] of cases) {
        const res = await unitOp('admin', 'moveOrgUnit', input);
        expect(code(res), JSON.stringify(input)).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0]?.extensions?.field).toBe(field);
      }
      expect(code(await unitOp('admin', 'moveOrgUnit', { orgUnitId: 'nonsense', parentId: hongshun }))).toBe(
        'NOT_FOUND',
      );
      expect(await orgDigest(h)).toBe(after);
      // Sibling names stay distinct.
      const twin = await unitOp('admin', 'createOrgUnit', {
        kind: 'GRID',
        parentId: wenxiangyuan,
        name: 'wenxiangyuan building 3 grid',
        nameZh: '重复',
      });
      expect(code(twin)).toBe('CONFLICT');
      expect(code(await w.mutate('admin', 'deleteOrgUnit', { orgUnitId: grid }, 'deletedId'))).toBeUndefined();
    });

    it('refuses to retire or delete a unit in use, names what blocks it, and changes nothing', async ({
      h,
      world: w,
      unitOp,
      units,
    }) => {
      const { wenxiangyuan, hongshun } = units;
      const digest = await orgDigest(h);
      const retire = await unitOp('admin', 'retireOrgUnit', { orgUnitId: wenxiangyuan });
      expect(code(retire)).toBe('INVALID_TRANSITION');
      expect(retire.errors?.[0]?.message).toMatch(/open wish/);
      expect(retire.errors?.[0]?.message).toMatch(/member/);
      const remove = await w.mutate('admin', 'deleteOrgUnit', { orgUnitId: wenxiangyuan }, 'deletedId');
      expect(code(remove)).toBe('INVALID_TRANSITION');
      expect(remove.errors?.[0]?.message).toMatch(/open wish.*member/);
      const community = await w.mutate('admin', 'deleteOrgUnit', { orgUnitId: hongshun }, 'deletedId');
      expect(code(community)).toBe('INVALID_TRANSITION');
      expect(community.errors?.[0]?.message).toMatch(/units? below it/);
      const street = await unitOp('admin', 'retireOrgUnit', { orgUnitId: w.unit('Xiguan Street') });
      expect(code(street)).toBe('BAD_USER_INPUT');
      expect(await orgDigest(h)).toBe(digest);

      // A unit with only a finished history is not deleted either: retire it instead.
      const { rows } = await h.db.query(`
        select u.id from org_unit u where u.kind = 'COMPOUND'
           and exists (select 1 from wish w where w.compound_id = u.id)
           and not exists (select 1 from wish w where (w.compound_id = u.id or w.handling_unit_id = u.id)
                            and w.status not in ('CLOSED', 'REJECTED', 'CANCELLED')) limit 1`);
      if (rows[0]) {
        const { encodeId } = await import('../../server/src/graphql/ids.ts');
        const res = await w.mutate(
          'admin',
          'deleteOrgUnit',
          { orgUnitId: encodeId('OrgUnit', rows[0].id) },
          'deletedId',
        );
        expect(code(res)).toBe('INVALID_TRANSITION');
        expect(res.errors?.[0]?.message).toMatch(/finished wish/);
      }
      expect(await orgDigest(h)).toBe(digest);
    });

    it('deletes a unit with no history at all, and records it', async ({ h, world: w, unitOp }) => {
      const created = await unitOp('admin', 'createOrgUnit', {
        kind: 'PARTNER',
        parentId: w.unit('Xiguan Street'),
        name: 'Jiexiu Red Cross Volunteer Team',
        nameZh: '介休市红十字志愿服务队',
        description: 'Volunteer first-aid team',
      });
      const id = created.data.createOrgUnit.orgUnit.id;
      const res = await w.mutate('admin', 'deleteOrgUnit', { orgUnitId: id, expectedVersion: 1 }, 'deletedId');
      expect(res.errors).toBeUndefined();
      expect(res.data.deleteOrgUnit.deletedId).toBe(id);
      expect((await w.as('admin', 'query($id: ID!) { orgUnit(id: $id) { id } }', { id })).data.orgUnit).toBeNull();
      expect((await changeEvents(h, 'OrgUnit', unitId(id))).map((e) => e.action)).toEqual(['CREATE', 'DELETE']);
    });

    it('lets a secretary manage compounds and grids inside their subtree only', async ({ h, unitOp, units }) => {
      const { hongshun, wenxiangyuan, printing, financial, street } = units;
      const ok = await unitOp('hongshun.secretary', 'createOrgUnit', {
        kind: 'COMPOUND',
        parentId: hongshun,
        name: 'Hongshun New Compound',
        nameZh: '洪顺新苑',
        hasPropertyManagement: true,
      });
      expect(ok.errors).toBeUndefined();
      const newCompound = ok.data.createOrgUnit.orgUnit.id;
      expect(
        code(await unitOp('hongshun.secretary', 'updateOrgUnit', { orgUnitId: newCompound, population: 300 })),
      ).toBeUndefined();
      expect(
        code(
          await unitOp('wenxiangyuan.secretary', 'createOrgUnit', {
            kind: 'GRID',
            parentId: wenxiangyuan,
            name: 'Wenxiangyuan North Grid',
            nameZh: '文香苑北网格',
          }),
        ),
      ).toBeUndefined();

      const digest = await orgDigest(h);
      const refused: [string, string, Record<string, unknown>][] = [
        // Another community's units: visible to everyone, so FORBIDDEN (not NOT_FOUND).
        ['financial.secretary', 'updateOrgUnit', { orgUnitId: wenxiangyuan, population: 1 }],
        ['financial.secretary', 'retireOrgUnit', { orgUnitId: newCompound }],
        ['financial.secretary', 'moveOrgUnit', { orgUnitId: newCompound, parentId: financial }],
        [
          'hongshun.secretary',
          'createOrgUnit',
          { kind: 'COMPOUND', parentId: financial, name: 'a', nameZh: 'a', hasPropertyManagement: true },
        ],
        ['hongshun.secretary', 'updateOrgUnit', { orgUnitId: printing, population: 1 }],
        ['hongshun.secretary', 'moveOrgUnit', { orgUnitId: newCompound, parentId: financial }],
        // Their own unit, the levels above, communities and partners are the street's.
        ['hongshun.secretary', 'updateOrgUnit', { orgUnitId: hongshun, population: 1 }],
        ['hongshun.secretary', 'updateOrgUnit', { orgUnitId: street, population: 1 }],
        ['hongshun.secretary', 'createOrgUnit', { kind: 'COMMUNITY', parentId: street, name: 'b', nameZh: 'b' }],
        ['hongshun.secretary', 'createOrgUnit', { kind: 'PARTNER', parentId: street, name: 'c', nameZh: 'c' }],
        [
          'wenxiangyuan.secretary',
          'createOrgUnit',
          { kind: 'COMPOUND', parentId: hongshun, name: 'd', nameZh: 'd', hasPropertyManagement: true },
        ],
        ['wenxiangyuan.secretary', 'updateOrgUnit', { orgUnitId: wenxiangyuan, population: 1 }],
        // Neither grid workers nor residents manage units.
        ['grid.hongshun', 'updateOrgUnit', { orgUnitId: newCompound, population: 1 }],
        ['resident.wenxiangyuan.1', 'updateOrgUnit', { orgUnitId: wenxiangyuan, population: 1 }],
        ['resident.wenxiangyuan.1', 'createOrgUnit', { kind: 'GRID', parentId: wenxiangyuan, name: 'e', nameZh: 'e' }],
      ];
      for (const [username, op, input] of refused) {
        expect(code(await unitOp(username, op, input)), `${username} ${op} ${JSON.stringify(input)}`).toBe('FORBIDDEN');
      }
      expect(await orgDigest(h)).toBe(digest);
    });
  });

  describe('people and roles', () => {
    it('a secretary creates a person in their subtree, who logs in; another community cannot see or touch them', async ({
      h,
      world: w,
      personOp,
    }) => {
      const wenxiangyuan = w.unit('Wenxiangyuan');
      const created = await personOp('hongshun.secretary', 'createPerson', {
        displayName: '测试居民',
        username: 'test.resident.wxy',
        phone: '13900001111',
        password: 'a-long-password',
        roles: [{ role: 'RESIDENT', orgUnitId: wenxiangyuan }],
      });
      expect(created.errors).toBeUndefined();
      const person = created.data.createPerson.person;
      expect(person).toMatchObject({
        displayName: '测试居民',
        username: 'test.resident.wxy',
        active: true,
        roles: [{ role: 'RESIDENT', orgUnit: { id: wenxiangyuan } }],
      });
      const login = await h.gql(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user { id } } }',
        { u: 'test.resident.wxy', p: 'a-long-password' },
      );
      expect(login.data.login.user.id).toBe(person.id);
      const events = await changeEvents(h, 'Person', personId(person.id));
      expect(events).toEqual([
        expect.objectContaining({ action: 'CREATE', actor_id: personId(await w.person('hongshun.secretary')) }),
      ]);
      expect(JSON.stringify(events[0]?.data)).not.toMatch(/long-password/);

      // financial.secretary neither lists nor reads nor changes them: NOT_FOUND (people are scoped).
      const read = await w.as('financial.secretary', 'query($id: ID!) { person(id: $id) { id } }', { id: person.id });
      expect(read.data.person).toBeNull();
      const digest = await orgDigest(h);
      expect(code(await personOp('financial.secretary', 'updatePerson', { personId: person.id, phone: '1' }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        code(await personOp('financial.secretary', 'updatePerson', { personId: person.id, phone: '13900002222' })),
      ).toBe('NOT_FOUND');
      expect(code(await personOp('financial.secretary', 'deactivatePerson', { personId: person.id }))).toBe(
        'NOT_FOUND',
      );
      expect(
        code(
          await personOp('financial.secretary', 'grantRole', {
            personId: person.id,
            role: 'VOLUNTEER',
            orgUnitId: w.unit('Financial Road'),
          }),
        ),
      ).toBe('NOT_FOUND');
      // …and cannot create people in Hongshun Road either (the unit is visible: FORBIDDEN).
      expect(
        code(
          await personOp('financial.secretary', 'createPerson', {
            displayName: '越权',
            roles: [{ role: 'RESIDENT', orgUnitId: wenxiangyuan }],
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(await orgDigest(h)).toBe(digest);
    });

    it('grants and revokes roles within scope, and refuses the roles a secretary may not give', async ({
      h,
      world: w,
      personOp,
    }) => {
      const target = await w.person('resident.wenxiangyuan.2');
      const hongshunGarden = w.unit('Hongshun Garden');
      const grant = (username: string, role: string, orgUnitId: string, id = target) =>
        personOp(username, 'grantRole', { personId: id, role, orgUnitId });

      const ok = await grant('hongshun.secretary', 'VOLUNTEER', hongshunGarden);
      expect(ok.errors).toBeUndefined();
      expect(ok.data.grantRole.person.roles).toContainEqual({
        role: 'VOLUNTEER',
        orgUnit: expect.objectContaining({ id: hongshunGarden }),
      });
      expect((await changeEvents(h, 'Person', personId(target))).at(-1)).toMatchObject({
        action: 'GRANT_ROLE',
        data: { role: 'VOLUNTEER', orgUnitId: unitId(hongshunGarden) },
      });
      expect(code(await grant('hongshun.secretary', 'VOLUNTEER', hongshunGarden))).toBe('CONFLICT');

      const digest = await orgDigest(h);
      expect(code(await grant('hongshun.secretary', 'STREET_ADMIN', w.unit('Xiguan Street')))).toBe('FORBIDDEN');
      expect(code(await grant('hongshun.secretary', 'BRANCH_SECRETARY', w.unit('Hongshun Road')))).toBe('FORBIDDEN');
      expect(code(await grant('hongshun.secretary', 'DISPLAY', w.unit('Hongshun Road')))).toBe('FORBIDDEN');
      expect(code(await grant('hongshun.secretary', 'RESIDENT', w.unit('Shanxi Printing')))).toBe('FORBIDDEN');
      expect(code(await grant('wenxiangyuan.secretary', 'RESIDENT', hongshunGarden))).toBe('FORBIDDEN');
      expect(code(await grant('grid.hongshun', 'RESIDENT', w.unit('Wenxiangyuan')))).toBe('FORBIDDEN');
      // Roles belong to sensible kinds of unit.
      const wrongKind = await grant('admin', 'RESIDENT', w.unit('Hongshun Road'));
      expect(code(wrongKind)).toBe('BAD_USER_INPUT');
      expect(wrongKind.errors?.[0]?.extensions?.field).toBe('orgUnitId');
      expect(code(await grant('admin', 'VOLUNTEER', 'bogus'))).toBe('NOT_FOUND');
      expect(await orgDigest(h)).toBe(digest);

      // A community secretary appoints compound secretaries below them.
      const secretary = await grant('hongshun.secretary', 'BRANCH_SECRETARY', w.unit('Mianshan Garden'));
      expect(secretary.errors).toBeUndefined();

      const revoke = (username: string, role: string, orgUnitId: string) =>
        personOp(username, 'revokeRole', { personId: target, role, orgUnitId });
      expect(code(await revoke('financial.secretary', 'VOLUNTEER', hongshunGarden))).toBe('NOT_FOUND');
      expect(code(await revoke('hongshun.secretary', 'VOLUNTEER', hongshunGarden))).toBeUndefined();
      expect(code(await revoke('hongshun.secretary', 'VOLUNTEER', hongshunGarden))).toBe('NOT_FOUND');
      expect(code(await revoke('hongshun.secretary', 'BRANCH_SECRETARY', w.unit('Mianshan Garden')))).toBeUndefined();
      expect((await changeEvents(h, 'Person', personId(target))).map((e) => e.action).slice(-2)).toEqual([
        'REVOKE_ROLE',
        'REVOKE_ROLE',
      ]);
      // Nobody revokes their own staff role.
      const self = await personOp('admin', 'revokeRole', {
        personId: await w.person('admin'),
        role: 'STREET_ADMIN',
        orgUnitId: w.unit('Xiguan Street'),
      });
      expect(code(self)).toBe('FORBIDDEN');
    });

    it('a deactivated person cannot log in and their tokens stop working; reactivation restores the login', async ({
      h,
      world: w,
      personOp,
    }) => {
      const username = 'resident.wenxiangyuan.3';
      const id = await w.person(username);
      const token = await h.login(username);
      expect((await h.gql('{ me { id } }', {}, token)).data.me.id).toBe(id);

      expect(code(await personOp('financial.secretary', 'deactivatePerson', { personId: id }))).toBe('NOT_FOUND');
      expect(code(await personOp('member.wenxiangyuan.1', 'deactivatePerson', { personId: id }))).toBe('NOT_FOUND');
      expect(code(await personOp('grid.hongshun', 'deactivatePerson', { personId: id }))).toBe('FORBIDDEN');
      const off = await personOp('hongshun.secretary', 'deactivatePerson', { personId: id });
      expect(off.errors).toBeUndefined();
      expect(off.data.deactivatePerson.person.active).toBe(false);
      expect(code(await h.gql('{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
      const wrong = await h.gql(LOGIN, {
        u: username,
        p: 'not-the-password',
      });
      const refused = await h.gql(LOGIN, {
        u: username,
        p: DEMO_PASSWORD,
      });
      expect(code(refused)).toBe('UNAUTHENTICATED');
      expect(refused.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
      expect(code(await personOp('hongshun.secretary', 'deactivatePerson', { personId: id }))).toBe(
        'INVALID_TRANSITION',
      );
      // Still listed (history stays), as inactive.
      const listed = await w.as(
        'hongshun.secretary',
        'query($f: PersonListFilter) { personList(filter: $f) { nodes { id } } }',
        {
          f: { active: false },
        },
      );
      expect(listed.data.personList.nodes.map((n: any) => n.id)).toContain(id);

      expect(code(await personOp('hongshun.secretary', 'reactivatePerson', { personId: id }))).toBeUndefined();
      expect(code(refused)).toBe('UNAUTHENTICATED');
      const again = await h.gql(LOGIN, {
        u: username,
        p: DEMO_PASSWORD,
      });
      expect(again.data.login.token).toEqual(expect.any(String));
      expect((await changeEvents(h, 'Person', personId(id))).map((e) => e.action).slice(-2)).toEqual([
        'DEACTIVATE',
        'REACTIVATE',
      ]);
      expect(code(await personOp('admin', 'deactivatePerson', { personId: await w.person('admin') }))).toBe(
        'FORBIDDEN',
      );
    });

    it('updates a person, keeps usernames unique and validates input', async ({ h, world: w, personOp }) => {
      const id = await w.person('member.wenxiangyuan.4');
      const ok = await personOp('wenxiangyuan.secretary', 'updatePerson', { personId: id, phone: '13911112222' });
      expect(ok.errors).toBeUndefined();
      expect(ok.data.updatePerson.person.phone).toBe('13911112222');
      expect((await changeEvents(h, 'Person', personId(id))).at(-1)).toMatchObject({
        action: 'UPDATE',
        data: { phone: { to: '13911112222' } },
      });
      const digest = await orgDigest(h);
      expect(code(await personOp('admin', 'updatePerson', { personId: id, username: 'ADMIN' }))).toBe('CONFLICT');
      expect(code(await personOp('admin', 'updatePerson', { personId: id, displayName: '  ' }))).toBe('BAD_USER_INPUT');
      expect(code(await personOp('admin', 'updatePerson', { personId: id, password: 'short' }))).toBe('BAD_USER_INPUT');
      expect(code(await personOp('admin', 'updatePerson', { personId: id }))).toBe('BAD_USER_INPUT');
      // The secretary of Wenxiangyuan may not touch the community secretary (a role they cannot grant).
      expect(
        code(
          await personOp('wenxiangyuan.secretary', 'updatePerson', {
            personId: await w.person('grid.hongshun'),
            phone: '13900000000',
          }),
        ),
      ).toBe('NOT_FOUND');
      expect(
        code(
          await personOp('hongshun.secretary', 'updatePerson', {
            personId: await w.person('screen.hongshun'),
            phone: '13900000000',
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        code(
          await personOp('admin', 'createPerson', {
            displayName: '无角色',
            roles: [],
          }),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        code(
          await personOp('admin', 'createPerson', {
            displayName: '无用户名',
            password: 'long-enough-password',
            roles: [{ role: 'RESIDENT', orgUnitId: w.unit('Wenxiangyuan') }],
          }),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(await orgDigest(h)).toBe(digest);
    });
  });

  describe('wish categories', () => {
    it('street staff create, update and deactivate categories; codes are unique; others are refused', async ({
      h,
      world: w,
      categoryOp,
    }) => {
      const input = { code: 'noise', nameZh: '噪音扰民', nameEn: 'Noise', defaultLevel: 'COMMUNITY', dueInDays: 5 };
      const digest = await orgDigest(h);
      expect(code(await categoryOp('hongshun.secretary', 'createWishCategory', input))).toBe('FORBIDDEN');
      expect(code(await categoryOp('admin', 'createWishCategory', { ...input, dueInDays: 0 }))).toBe('BAD_USER_INPUT');
      expect(code(await categoryOp('admin', 'createWishCategory', { ...input, defaultLevel: 'GRID' }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(code(await categoryOp('admin', 'createWishCategory', { ...input, code: 'Noise!' }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(code(await categoryOp('admin', 'createWishCategory', { ...input, code: 'parking' }))).toBe('CONFLICT');
      expect(await orgDigest(h)).toBe(digest);

      const created = await categoryOp('admin', 'createWishCategory', input);
      expect(created.errors).toBeUndefined();
      const category = created.data.createWishCategory.category;
      expect(category).toMatchObject({ code: 'noise', name: 'Noise', active: true, dueInDays: 5 });
      expect(code(await categoryOp('admin', 'createWishCategory', input))).toBe('CONFLICT');
      const categoryId = decodeId('WishCategory', category.id) as number;

      // Offered for new wishes at once.
      const wish = await w.submit('resident.wenxiangyuan.1', { categoryCode: 'noise' });
      expect(wish.id).toEqual(expect.any(String));

      const updated = await categoryOp('admin', 'updateWishCategory', { categoryId: category.id, dueInDays: 3 });
      expect(updated.data.updateWishCategory.category.dueInDays).toBe(3);
      expect(
        code(await categoryOp('financial.secretary', 'updateWishCategory', { categoryId: category.id, dueInDays: 9 })),
      ).toBe('FORBIDDEN');
      expect(code(await categoryOp('admin', 'updateWishCategory', { categoryId: 'zzz', dueInDays: 9 }))).toBe(
        'NOT_FOUND',
      );
      const off = await categoryOp('admin', 'deactivateWishCategory', { categoryId: category.id });
      expect(off.data.deactivateWishCategory.category.active).toBe(false);
      expect(code(await categoryOp('admin', 'deactivateWishCategory', { categoryId: category.id }))).toBe(
        'INVALID_TRANSITION',
      );
      const offered = await w.as('resident.wenxiangyuan.1', '{ wishCategories { code } }');
      expect(offered.data.wishCategories.map((c: any) => c.code)).not.toContain('noise');
      const inactive = await w.as(
        'admin',
        'query($f: WishCategoryListFilter) { wishCategoryList(filter: $f) { totalCount nodes { code active } } }',
        { f: { active: false } },
      );
      expect(inactive.data.wishCategoryList).toEqual({ totalCount: 1, nodes: [{ code: 'noise', active: false }] });
      expect((await changeEvents(h, 'WishCategory', categoryId)).map((e) => e.action)).toEqual([
        'CREATE',
        'UPDATE',
        'DEACTIVATE',
      ]);
    });
  });

  describe('staff lists', () => {
    const ORG_LIST = `query($f: OrgUnitListFilter, $s: ListSort, $o: Int, $l: Int) {
      orgUnitList(filter: $f, sort: $s, offset: $o, limit: $l) { totalCount nodes { id name kind parent { id } } } }`;
    const PEOPLE_LIST = `query($f: PersonListFilter, $s: ListSort, $o: Int, $l: Int) {
      personList(filter: $f, sort: $s, offset: $o, limit: $l) { totalCount nodes { id displayName username phone active } } }`;

    it('org units: total count, sort, offset pages, filters and ids', async ({ h, world: w }) => {
      const all = await w.as('admin', '{ orgUnits { id name kind } }');
      const list = await w.as('resident.wenxiangyuan.1', ORG_LIST, { l: 200 });
      expect(list.data.orgUnitList.totalCount).toBe(all.data.orgUnits.length);
      expect(list.data.orgUnitList.nodes.map((n: any) => n.id).sort()).toEqual(
        all.data.orgUnits.map((u: any) => u.id).sort(),
      );

      const sorted = await w.as('admin', ORG_LIST, { s: { field: 'name', order: 'DESC' }, l: 200 });
      const names = sorted.data.orgUnitList.nodes.map((n: any) => n.name);
      const { rows } = await h.db.query('select name from org_unit order by name desc, id desc');
      expect(names).toEqual(rows.map((r: any) => r.name));

      const first = await w.as('admin', ORG_LIST, { s: { field: 'name' }, o: 0, l: 10 });
      const second = await w.as('admin', ORG_LIST, { s: { field: 'name' }, o: 10, l: 10 });
      const both = await w.as('admin', ORG_LIST, { s: { field: 'name' }, o: 0, l: 20 });
      expect([...first.data.orgUnitList.nodes, ...second.data.orgUnitList.nodes]).toEqual(both.data.orgUnitList.nodes);
      expect(first.data.orgUnitList.totalCount).toBe(all.data.orgUnits.length);

      const hongshun = w.unit('Hongshun Road');
      const compounds = await w.as('admin', ORG_LIST, { f: { kind: 'COMPOUND', parentId: hongshun }, l: 200 });
      const contract = await w.as('admin', 'query($p: ID) { orgUnits(kind: COMPOUND, parentId: $p) { id } }', {
        p: hongshun,
      });
      expect(compounds.data.orgUnitList.totalCount).toBe(contract.data.orgUnits.length);
      expect(
        compounds.data.orgUnitList.nodes.every((n: any) => n.kind === 'COMPOUND' && n.parent.id === hongshun),
      ).toBe(true);

      const search = await w.as('admin', ORG_LIST, { f: { q: '文香' } });
      expect(search.data.orgUnitList.nodes.map((n: any) => n.name)).toContain('Wenxiangyuan');
      const wildcard = await w.as('admin', ORG_LIST, { f: { q: '%' } });
      expect(wildcard.data.orgUnitList.totalCount).toBe(0);

      const ids = [w.unit('Wenxiangyuan'), hongshun, 'not-an-id'];
      const byIds = await w.as('admin', ORG_LIST, { f: { ids } });
      expect(byIds.data.orgUnitList.nodes.map((n: any) => n.id).sort()).toEqual([ids[0], ids[1]].sort());
      expect((await w.as('admin', ORG_LIST, { f: { ids: [] } })).data.orgUnitList.totalCount).toBe(0);

      expect(code(await w.as('admin', ORG_LIST, { s: { field: 'secret' } }))).toBe('BAD_USER_INPUT');
      expect(code(await w.as('admin', ORG_LIST, { l: 1000 }))).toBe('BAD_USER_INPUT');
      expect(code(await w.as('admin', ORG_LIST, { o: -1 }))).toBe('BAD_USER_INPUT');
    });

    it('people: scoped to the staff member, with filters; financial.secretary sees no Hongshun Road person', async ({
      world: w,
    }) => {
      const hongshun = w.unit('Hongshun Road');
      const inHongshun = await w.as('admin', PEOPLE_LIST, { f: { orgUnitId: hongshun }, l: 200 });
      const hongshunIds = new Set(inHongshun.data.personList.nodes.map((n: any) => n.id));
      expect(hongshunIds.size).toBeGreaterThan(20);
      // The contract's `people` agrees with the list.
      const people = await w.as('admin', 'query($u: ID!) { people(orgUnitId: $u) { id } }', { u: hongshun });
      expect(inHongshun.data.personList.totalCount).toBe(people.data.people.length);

      const financial = await w.as('financial.secretary', PEOPLE_LIST, { l: 200 });
      const page = financial.data.personList;
      expect(page.totalCount).toBeGreaterThan(10);
      const seen = [...page.nodes];
      for (let offset = 200; offset < page.totalCount; offset += 200) {
        seen.push(...(await w.as('financial.secretary', PEOPLE_LIST, { l: 200, o: offset })).data.personList.nodes);
      }
      expect(seen).toHaveLength(page.totalCount);
      expect(seen.filter((n: any) => hongshunIds.has(n.id))).toEqual([]);
      expect(seen.map((n: any) => n.username)).toContain('member.financial.1');
      const asked = await w.as('financial.secretary', PEOPLE_LIST, { f: { orgUnitId: hongshun } });
      expect(asked.data.personList.totalCount).toBe(0);

      const members = await w.as('hongshun.secretary', PEOPLE_LIST, {
        f: { orgUnitId: w.unit('Wenxiangyuan'), role: 'PARTY_MEMBER' },
        s: { field: 'username' },
        l: 200,
      });
      const usernames = members.data.personList.nodes.map((n: any) => n.username).filter(Boolean);
      expect(usernames).toEqual(expect.arrayContaining([1, 2, 3, 4, 5].map((i) => `member.wenxiangyuan.${i}`)));
      expect(usernames).toEqual([...usernames].sort());

      const q = await w.as('hongshun.secretary', PEOPLE_LIST, { f: { q: 'member.wenxiangyuan.' } });
      expect(q.data.personList.totalCount).toBe(5);
      const byIds = await w.as('hongshun.secretary', PEOPLE_LIST, {
        f: { ids: [await w.person('member.wenxiangyuan.1'), await w.person('member.financial.1')] },
      });
      expect(byIds.data.personList.nodes.map((n: any) => n.username)).toEqual(['member.wenxiangyuan.1']);
      expect(code(await w.as('resident.wenxiangyuan.1', PEOPLE_LIST))).toBe('FORBIDDEN');
    });

    it('wish categories: the seeded nine and more, sorted and filtered', async ({ world: w }) => {
      const list = await w.as(
        'resident.wenxiangyuan.1',
        'query($s: ListSort) { wishCategoryList(sort: $s) { totalCount nodes { code sortOrder } } }',
        { s: { field: 'code' } },
      );
      const codes = list.data.wishCategoryList.nodes.map((n: any) => n.code);
      expect(codes).toEqual([...codes].sort());
      expect(codes).toEqual(expect.arrayContaining(['parking', 'greenery', 'repairs', 'other']));
      const q = await w.as(
        'admin',
        'query($f: WishCategoryListFilter) { wishCategoryList(filter: $f) { nodes { code } } }',
        {
          f: { q: 'Park' },
        },
      );
      expect(q.data.wishCategoryList.nodes).toEqual([{ code: 'parking' }]);
    });
  });
});
