/**
 * Property committees over real HTTP: only for compounds without property management, one ACTIVE per compound,
 * members with exactly one chair, scope (a secretary of another community, a resident), optimistic versions,
 * change events, the compound's property status, and the staff list.
 */
import { describe, expect } from 'vitest';
import { decodeId } from '../../server/src/graphql/ids.ts';
import { errorCode as code } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';
import { changeEvents, tablesDigest } from '../support/tables.ts';

const COMMITTEE = `id name foundedOn serviceMode companyName partyOrganization status dissolvedOn notes version memberCount
  compound { id name propertyStatus }
  chair { id displayName }
  members { id role isPartyMember joinedOn person { id displayName phone } }`;

const committeeId = (id: string) => decodeId('PropertyCommittee', id) as number;
/** Everything committees write, and the org tables around them. */
const COMMITTEE_TABLES = ['property_committee', 'property_committee_member', 'change_event', 'org_unit'];

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const it = harnessTest
  .extend('digest', { scope: 'file' }, ({ h }) => {
    return () => tablesDigest(h, COMMITTEE_TABLES);
  })
  /** A committee mutation as `username`, selecting the whole committee. */
  .extend('op', { scope: 'file' }, ({ world }) => world.mutator(`propertyCommittee { ${COMMITTEE} }`))
  .extend('compoundsOf', { scope: 'file' }, ({ world }) => {
    return async (community: string) =>
      (
        await world.as(
          'admin',
          `query($f: OrgUnitListFilter) { orgUnitList(filter: $f, limit: 200) {
         nodes { id name hasPropertyManagement propertyStatus propertyCommittee { id name status } } } }`,
          { f: { kind: 'COMPOUND', parentId: world.unit(community) } },
        )
      ).data.orgUnitList.nodes as any[];
  })
  .extend('residentsOf', { scope: 'file' }, ({ world }) => {
    return async (compound: string, role = 'RESIDENT') =>
      (
        await world.as('admin', 'query($f: PersonListFilter) { personList(filter: $f, limit: 200) { nodes { id } } }', {
          f: { orgUnitId: compound, role },
        })
      ).data.personList.nodes.map((n: any) => n.id) as string[];
  })
  .extend('events', { scope: 'file' }, ({ h }) => {
    return (id: string) => changeEvents(h, 'PropertyCommittee', committeeId(id));
  })
  /** The compound without property management that the tests set committees up in. */
  .extend('cottonMill', { scope: 'file' }, ({ world }) => world.unit('Cotton Mill Dormitory'))
  .extend('input', { scope: 'file' }, ({ cottonMill }) => () => ({
    compoundId: cottonMill,
    name: '棉织厂宿舍物业管理委员会',
    foundedOn: today(),
    serviceMode: 'COMMUNITY_SUPPORTED',
    partyOrganization: '棉织厂宿舍物业管理委员会党支部',
    notes: '社区托管',
  }));

describe('property committees', () => {
  it('shows each compound’s property status, and the seeded committees', async ({ world: w, compoundsOf }) => {
    const hongshun = await compoundsOf('Hongshun Road');
    const byName = (name: string) => hongshun.find((c) => c.name === name);
    expect(byName('Wenxiangyuan')).toMatchObject({ propertyStatus: 'MANAGED_BY_COMPANY', propertyCommittee: null });
    expect(byName('Cotton Mill Dormitory')).toMatchObject({ propertyStatus: 'NONE', propertyCommittee: null });
    const withCommittee = hongshun.filter((c) => c.propertyStatus === 'COMMITTEE');
    expect(withCommittee.length).toBeGreaterThan(0);
    for (const c of withCommittee) {
      expect(c.hasPropertyManagement).toBe(false);
      expect(c.propertyCommittee.status).toBe('ACTIVE');
    }
    const community = await w.as(
      'admin',
      'query($id: ID!) { orgUnit(id: $id) { propertyStatus propertyCommittee { id } } }',
      {
        id: w.unit('Hongshun Road'),
      },
    );
    expect(community.data.orgUnit).toEqual({ propertyStatus: null, propertyCommittee: null });

    const seeded = await w.as(
      'resident.wenxiangyuan.1',
      'query($id: ID!) { propertyCommittee(id: $id) { name serviceMode memberCount chair { displayName } members { role person { phone } } } }',
      { id: withCommittee[0].propertyCommittee.id },
    );
    const committee = seeded.data.propertyCommittee;
    expect(committee.memberCount).toBeGreaterThanOrEqual(3);
    expect(committee.members.filter((m: any) => m.role === 'CHAIR')).toHaveLength(1);
    expect(committee.chair.displayName).toEqual(expect.any(String));
    // A resident sees the committee and its members' names, never their phone numbers.
    expect(committee.members.every((m: any) => m.person.phone === null)).toBe(true);
    const staff = await w.as(
      'hongshun.secretary',
      'query($id: ID!) { propertyCommittee(id: $id) { members { person { phone } } } }',
      {
        id: withCommittee[0].propertyCommittee.id,
      },
    );
    expect(staff.data.propertyCommittee.members.some((m: any) => m.person.phone !== null)).toBe(true);
    // Staff of another community see the committee, but not its members' contact details.
    const other = await w.as(
      'financial.secretary',
      'query($id: ID!) { propertyCommittee(id: $id) { members { person { phone username } } } }',
      {
        id: withCommittee[0].propertyCommittee.id,
      },
    );
    expect(
      other.data.propertyCommittee.members.every((m: any) => m.person.phone === null && m.person.username === null),
    ).toBe(true);
    // Display screens get no personal data.
    const screen = await w.as(
      'screen.hongshun',
      'query($id: ID!) { propertyCommittee(id: $id) { name members { id } chair { id } } }',
      {
        id: withCommittee[0].propertyCommittee.id,
      },
    );
    expect(screen.data.propertyCommittee).toMatchObject({ members: [], chair: null });
  });

  it('refuses compounds with a property company, other units, and incomplete input, changing nothing', async ({
    world: w,
    digest,
    op,
    input,
  }) => {
    const before = await digest();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ compoundId: w.unit('Wenxiangyuan') }, 'BAD_USER_INPUT', 'compoundId'],
      [{ compoundId: w.unit('Hongshun Road') }, 'BAD_USER_INPUT', 'compoundId'],
      [{ serviceMode: 'PROFESSIONAL_COMPANY' }, 'BAD_USER_INPUT', 'companyName'],
      [{ companyName: '某物业公司' }, 'BAD_USER_INPUT', 'companyName'],
      [{ partyOrganization: ' ' }, 'BAD_USER_INPUT', 'partyOrganization'],
      [{ foundedOn: '2999-01-01' }, 'BAD_USER_INPUT', 'foundedOn'],
      [{ compoundId: 'nope' }, 'NOT_FOUND', ''],
    ];
    for (const [change, expected, field] of cases) {
      const res = await op('admin', 'createPropertyCommittee', { ...input(), ...change });
      expect(code(res), JSON.stringify(change)).toBe(expected);
      if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
    }
    const message = (await op('admin', 'createPropertyCommittee', { ...input(), compoundId: w.unit('Wenxiangyuan') }))
      .errors?.[0]?.message;
    expect(message).toMatch(/property company/);
    const badDate = await op('admin', 'createPropertyCommittee', { ...input(), foundedOn: '2026-02-30' });
    expect(code(badDate)).toBe('BAD_USER_INPUT');
    expect(await digest()).toBe(before);
  });

  it('lets a secretary of another community, or a resident, change nothing', async ({
    world: w,
    digest,
    op,
    compoundsOf,
    input,
  }) => {
    const before = await digest();
    expect(code(await op('financial.secretary', 'createPropertyCommittee', input()))).toBe('FORBIDDEN');
    expect(code(await op('resident.wenxiangyuan.1', 'createPropertyCommittee', input()))).toBe('FORBIDDEN');
    expect(code(await op('wenxiangyuan.secretary', 'createPropertyCommittee', input()))).toBe('FORBIDDEN');
    const seeded = (await compoundsOf('Hongshun Road')).find((c) => c.propertyStatus === 'COMMITTEE').propertyCommittee
      .id;
    expect(code(await op('financial.secretary', 'updatePropertyCommittee', { committeeId: seeded, name: 'x' }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await op('financial.secretary', 'dissolvePropertyCommittee', { committeeId: seeded }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await op('resident.wenxiangyuan.1', 'dissolvePropertyCommittee', { committeeId: seeded }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await op('grid.hongshun', 'updatePropertyCommittee', { committeeId: seeded, name: 'x' }))).toBe(
      'FORBIDDEN',
    );
    const members = (
      await w.as('admin', 'query($id: ID!) { propertyCommittee(id: $id) { members { id role } } }', { id: seeded })
    ).data.propertyCommittee.members;
    const member = members.find((m: any) => m.role !== 'CHAIR');
    expect(code(await op('financial.secretary', 'removePropertyCommitteeMember', { memberId: member.id }))).toBe(
      'FORBIDDEN',
    );
    expect(
      code(
        await op('resident.wenxiangyuan.1', 'updatePropertyCommitteeMember', { memberId: member.id, role: 'CHAIR' }),
      ),
    ).toBe('FORBIDDEN');
    expect(code(await op('admin', 'removePropertyCommitteeMember', { memberId: 'x' }))).toBe('NOT_FOUND');
    expect(code(await op('admin', 'updatePropertyCommittee', { committeeId: 'x', name: 'x' }))).toBe('NOT_FOUND');
    expect(await digest()).toBe(before);
  });

  it('sets up a committee, refuses a second one, dissolves it and sets up a new one', async ({
    world: w,
    digest,
    op,
    events,
    cottonMill,
    input,
  }) => {
    const created = await op('hongshun.secretary', 'createPropertyCommittee', input());
    expect(created.errors).toBeUndefined();
    const committee = created.data.createPropertyCommittee.propertyCommittee;
    expect(committee).toMatchObject({
      status: 'ACTIVE',
      serviceMode: 'COMMUNITY_SUPPORTED',
      version: 1,
      memberCount: 0,
      chair: null,
      compound: { id: cottonMill, propertyStatus: 'COMMITTEE' },
    });
    expect((await events(committee.id)).map((e) => e.action)).toEqual(['CREATE']);

    const before = await digest();
    const second = await op('admin', 'createPropertyCommittee', { ...input(), name: '第二个物管会' });
    expect(code(second)).toBe('CONFLICT');
    // A recorded property company would contradict the committee: dissolve first.
    const company = await w.as(
      'admin',
      'mutation($i: UpdateOrgUnitInput!) { updateOrgUnit(input: $i) { orgUnit { id } } }',
      { i: { orgUnitId: cottonMill, hasPropertyManagement: true } },
    );
    expect(code(company)).toBe('INVALID_TRANSITION');
    // A stale version is refused.
    const stale = await op('admin', 'updatePropertyCommittee', {
      committeeId: committee.id,
      notes: 'x',
      expectedVersion: 7,
    });
    expect(code(stale)).toBe('CONFLICT');
    expect(await digest()).toBe(before);

    const updated = await op('hongshun.secretary', 'updatePropertyCommittee', {
      committeeId: committee.id,
      serviceMode: 'PROFESSIONAL_COMPANY',
      companyName: '介休市安居物业服务有限公司',
      expectedVersion: 1,
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updatePropertyCommittee.propertyCommittee).toMatchObject({
      serviceMode: 'PROFESSIONAL_COMPANY',
      companyName: '介休市安居物业服务有限公司',
      version: 2,
    });
    // Leaving PROFESSIONAL_COMPANY clears the company.
    const back = await op('hongshun.secretary', 'updatePropertyCommittee', {
      committeeId: committee.id,
      serviceMode: 'SELF_MANAGED',
    });
    expect(back.data.updatePropertyCommittee.propertyCommittee).toMatchObject({
      serviceMode: 'SELF_MANAGED',
      companyName: null,
    });

    const dissolved = await op('hongshun.secretary', 'dissolvePropertyCommittee', {
      committeeId: committee.id,
      reason: '业主大会决定引入物业公司',
    });
    expect(dissolved.errors).toBeUndefined();
    expect(dissolved.data.dissolvePropertyCommittee.propertyCommittee).toMatchObject({
      status: 'DISSOLVED',
      dissolvedOn: today(),
      compound: { propertyStatus: 'NONE' },
    });
    expect(code(await op('hongshun.secretary', 'dissolvePropertyCommittee', { committeeId: committee.id }))).toBe(
      'INVALID_TRANSITION',
    );
    expect(code(await op('admin', 'updatePropertyCommittee', { committeeId: committee.id, name: 'x' }))).toBe(
      'INVALID_TRANSITION',
    );
    expect((await events(committee.id)).map((e) => e.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'DISSOLVE']);

    const again = await op('admin', 'createPropertyCommittee', { ...input(), serviceMode: 'SELF_MANAGED' });
    expect(again.errors).toBeUndefined();
    expect(again.data.createPropertyCommittee.propertyCommittee.compound.propertyStatus).toBe('COMMITTEE');
    // The old one stays, dissolved, for history.
    const list = await w.as(
      'admin',
      'query($f: PropertyCommitteeListFilter) { propertyCommitteeList(filter: $f) { totalCount nodes { id status } } }',
      { f: { compoundId: cottonMill } },
    );
    expect(list.data.propertyCommitteeList.totalCount).toBe(2);
  });

  it('decides concurrent set-ups for one compound in the database: exactly one wins', async ({
    h,
    op,
    compoundsOf,
    input,
  }) => {
    const compound = (await compoundsOf('Financial Road')).find((c) => c.propertyStatus === 'COMMITTEE');
    const dissolve = await op('financial.secretary', 'dissolvePropertyCommittee', {
      committeeId: compound.propertyCommittee.id,
    });
    expect(dissolve.errors).toBeUndefined();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        op(i % 2 ? 'admin' : 'financial.secretary', 'createPropertyCommittee', {
          ...input(),
          compoundId: compound.id,
          name: `新物管会 ${i}`,
          partyOrganization: `新物管会党支部 ${i}`,
        }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => code(r) === 'CONFLICT')).toHaveLength(5);
    const { rows } = await h.db.query(
      `select count(*)::int as n from property_committee where compound_id = $1 and status = 'ACTIVE'`,
      [decodeId('OrgUnit', compound.id)],
    );
    expect(rows[0].n).toBe(1);
  });

  it('keeps exactly one chair among the members, who live or are party members in the compound', async ({
    world: w,
    digest,
    op,
    compoundsOf,
    residentsOf,
    events,
    cottonMill,
  }) => {
    const current = (await compoundsOf('Hongshun Road')).find((c) => c.name === 'Cotton Mill Dormitory')
      .propertyCommittee.id as string;
    const [r1, r2, r3] = (await residentsOf(cottonMill)) as [string, string, string];
    const [outsider] = await residentsOf(w.unit('Wenxiangyuan'));
    const add = (personId: string | undefined, role: string, extra: Record<string, unknown> = {}) =>
      op('hongshun.secretary', 'addPropertyCommitteeMember', { committeeId: current, personId, role, ...extra });

    const before = await digest();
    expect(code(await add(r1, 'MEMBER'))).toBe('BAD_USER_INPUT'); // the first member is the chair
    const notHere = await add(outsider, 'CHAIR');
    expect(code(notHere)).toBe('BAD_USER_INPUT');
    expect(notHere.errors?.[0]?.extensions?.field).toBe('personId');
    expect(code(await add(r1, 'CHAIR', { joinedOn: '2000-01-01' }))).toBe('BAD_USER_INPUT'); // before the founding
    expect(
      code(
        await op('financial.secretary', 'addPropertyCommitteeMember', {
          committeeId: current,
          personId: r1,
          role: 'CHAIR',
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(await digest()).toBe(before);

    const chair = await add(r1, 'CHAIR');
    expect(chair.errors).toBeUndefined();
    expect(chair.data.addPropertyCommitteeMember.propertyCommittee).toMatchObject({
      memberCount: 1,
      chair: { id: r1 },
      version: 2,
    });
    expect(code(await add(r2, 'CHAIR'))).toBe('CONFLICT'); // a second chair
    expect(code(await add(r1, 'MEMBER'))).toBe('CONFLICT'); // already a member
    const vice = await add(r2, 'VICE_CHAIR', { isPartyMember: true });
    expect(vice.errors).toBeUndefined();
    const withThree = await add(r3, 'MEMBER');
    const members = withThree.data.addPropertyCommitteeMember.propertyCommittee.members;
    expect(members.map((m: any) => m.role)).toEqual(['CHAIR', 'VICE_CHAIR', 'MEMBER']);
    expect(members[1].isPartyMember).toBe(true);

    const memberOf = (personId: string) => members.find((m: any) => m.person.id === personId).id as string;
    // Demoting or removing the chair while others remain is refused; nothing changes.
    const mid = await digest();
    expect(code(await op('admin', 'updatePropertyCommitteeMember', { memberId: memberOf(r1), role: 'MEMBER' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await op('admin', 'removePropertyCommitteeMember', { memberId: memberOf(r1) }))).toBe('BAD_USER_INPUT');
    expect(await digest()).toBe(mid);

    // Making another member CHAIR hands the chair over.
    const handover = await op('admin', 'updatePropertyCommitteeMember', { memberId: memberOf(r3), role: 'CHAIR' });
    expect(handover.errors).toBeUndefined();
    const after = handover.data.updatePropertyCommitteeMember.propertyCommittee;
    expect(after.chair.id).toBe(r3);
    expect(after.members.filter((m: any) => m.role === 'CHAIR')).toHaveLength(1);
    expect(after.members.find((m: any) => m.person.id === r1).role).toBe('VICE_CHAIR');

    expect(code(await op('admin', 'removePropertyCommitteeMember', { memberId: memberOf(r2) }))).toBeUndefined();
    const actions = (await events(current)).map((e) => e.action);
    expect(actions.slice(-5)).toEqual(['ADD_MEMBER', 'ADD_MEMBER', 'ADD_MEMBER', 'UPDATE_MEMBER', 'REMOVE_MEMBER']);
    const [handoverEvent] = (await events(current)).filter((e) => e.action === 'UPDATE_MEMBER');
    expect(handoverEvent?.data.previousChair).toMatchObject({ role: 'VICE_CHAIR' });

    // A dissolved committee's members are fixed.
    expect(code(await op('admin', 'dissolvePropertyCommittee', { committeeId: current }))).toBeUndefined();
    expect(code(await add(r2, 'MEMBER'))).toBe('INVALID_TRANSITION');
  });

  it('lists committees with total count, sort, pages and filters', async ({ h, world: w, compoundsOf, cottonMill }) => {
    const LIST = `query($f: PropertyCommitteeListFilter, $s: ListSort, $o: Int, $l: Int) {
      propertyCommitteeList(filter: $f, sort: $s, offset: $o, limit: $l) {
        totalCount nodes { id name foundedOn status serviceMode compound { id } } } }`;
    const all = await w.as('resident.financial.1', LIST, { l: 200 });
    const { rows } = await h.db.query('select count(*)::int as n from property_committee');
    expect(all.data.propertyCommitteeList.totalCount).toBe(rows[0].n);
    expect(rows[0].n).toBeGreaterThanOrEqual(22);

    const sorted = await w.as('admin', LIST, { s: { field: 'foundedOn', order: 'ASC' }, l: 200 });
    const dates = sorted.data.propertyCommitteeList.nodes.map((n: any) => n.foundedOn);
    expect(dates).toEqual([...dates].sort());
    const p1 = await w.as('admin', LIST, { s: { field: 'name' }, l: 5 });
    const p2 = await w.as('admin', LIST, { s: { field: 'name' }, o: 5, l: 5 });
    const p12 = await w.as('admin', LIST, { s: { field: 'name' }, l: 10 });
    expect([...p1.data.propertyCommitteeList.nodes, ...p2.data.propertyCommitteeList.nodes]).toEqual(
      p12.data.propertyCommitteeList.nodes,
    );

    const hongshunCompounds = new Set((await compoundsOf('Hongshun Road')).map((c) => c.id));
    const inHongshun = await w.as('admin', LIST, { f: { communityId: w.unit('Hongshun Road') }, l: 200 });
    expect(inHongshun.data.propertyCommitteeList.totalCount).toBeGreaterThan(0);
    expect(inHongshun.data.propertyCommitteeList.nodes.every((n: any) => hongshunCompounds.has(n.compound.id))).toBe(
      true,
    );

    const active = await w.as('admin', LIST, { f: { status: 'ACTIVE' }, l: 200 });
    const { rows: activeRows } = await h.db.query(
      `select count(*)::int as n from property_committee where status = 'ACTIVE'`,
    );
    expect(active.data.propertyCommitteeList.totalCount).toBe(activeRows[0].n);
    const professional = await w.as('admin', LIST, { f: { serviceMode: 'PROFESSIONAL_COMPANY' }, l: 200 });
    expect(
      professional.data.propertyCommitteeList.nodes.every((n: any) => n.serviceMode === 'PROFESSIONAL_COMPANY'),
    ).toBe(true);
    const q = await w.as('admin', LIST, { f: { q: '棉织厂' } });
    expect(q.data.propertyCommitteeList.nodes.every((n: any) => n.compound.id === cottonMill)).toBe(true);
    expect(q.data.propertyCommitteeList.totalCount).toBeGreaterThan(0);
    const ids = all.data.propertyCommitteeList.nodes.slice(0, 2).map((n: any) => n.id);
    const byIds = await w.as('admin', LIST, { f: { ids } });
    expect(byIds.data.propertyCommitteeList.nodes.map((n: any) => n.id).sort()).toEqual([...ids].sort());
    expect(code(await w.as('admin', LIST, { s: { field: 'members' } }))).toBe('BAD_USER_INPUT');
  });
});
