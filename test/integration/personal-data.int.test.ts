/**
 * Personal data by field: a person's `phone` and `username` reach only the person, street staff, and staff whose
 * subtree holds one of the units the person holds a role at — by every path that reaches a Person (rankings,
 * wishes' residents, listers, assignees and supervisors, event actors, committee members, activity attendees,
 * people lists, login.user, me). The expectation is computed from the database, independently of the server, and
 * each returned person is compared with it both ways: a contact shown where it may not be, and one hidden where it
 * may be shown, both fail.
 */
import { describe, expect } from 'vitest';
import { decodeId, encodeId } from '../../server/src/graphql/ids.ts';
import { DEMO_PASSWORD, type Harness, LOGIN } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';

const STAFF_ACCOUNTS = [
  'admin',
  'hongshun.secretary',
  'wenxiangyuan.secretary',
  'financial.secretary',
  'grid.hongshun',
];
const OTHER_ACCOUNTS = [
  'member.wenxiangyuan.1',
  'volunteer.wenxiangyuan.1',
  'resident.wenxiangyuan.1',
  'member.financial.1',
  'resident.financial.1',
  'screen.hongshun',
];
const STAFF_ROLES = new Set(['BRANCH_SECRETARY', 'GRID_WORKER', 'STREET_ADMIN']);
const PERSON = '{ id phone username }';

interface PersonFacts {
  phone: string | null;
  username: string | null;
  /** Paths of the units the person holds a role at. */
  paths: string[];
}

interface Oracle {
  people: Map<number, PersonFacts>;
  /** Whether `viewer` (a username) may read the contacts of the person with this id. */
  allowed(viewer: string, personId: number): boolean;
  unitIds: { id: number; kind: string }[];
  year: number;
}

async function loadOracle(h: Harness): Promise<Oracle> {
  const people = new Map<number, PersonFacts>();
  const rows = await h.db.query<{ id: number; phone: string | null; username: string | null; paths: string[] }>(
    `select p.id, p.phone, p.username, coalesce(array_agg(u.path) filter (where u.id is not null), '{}') as paths
       from person p left join person_role r on r.person_id = p.id left join org_unit u on u.id = r.org_unit_id
      group by p.id`,
  );
  for (const r of rows.rows) people.set(r.id, { phone: r.phone, username: r.username, paths: r.paths });
  const viewers = new Map<string, { id: number; admin: boolean; scopes: string[] }>();
  const roles = await h.db.query<{ id: number; username: string; role: string; path: string; scope: string }>(
    `select p.id, p.username, r.role, u.path,
            case when u.kind = 'GRID' and pu.path is not null then pu.path else u.path end as scope
       from person p join person_role r on r.person_id = p.id join org_unit u on u.id = r.org_unit_id
       left join org_unit pu on pu.id = u.parent_id
      where p.username = any($1::text[])`,
    [[...STAFF_ACCOUNTS, ...OTHER_ACCOUNTS]],
  );
  for (const r of roles.rows) {
    const v = viewers.get(r.username) ?? { id: r.id, admin: false, scopes: [] };
    if (r.role === 'STREET_ADMIN') v.admin = true;
    if (STAFF_ROLES.has(r.role)) v.scopes.push(r.scope);
    viewers.set(r.username, v);
  }
  const units = await h.db.query<{ id: number; kind: string }>('select id, kind from org_unit order by path');
  const [busiest] = (
    await h.db.query<{ year: number }>('select year from point_entry group by year order by count(*) desc limit 1')
  ).rows;
  return {
    people,
    unitIds: units.rows,
    year: busiest?.year ?? new Date().getFullYear(),
    allowed(viewer, personId) {
      const v = viewers.get(viewer);
      if (!v) throw new Error(`no viewer ${viewer}`);
      if (v.id === personId || v.admin) return true;
      const paths = people.get(personId)?.paths ?? [];
      return paths.some((p) => v.scopes.some((s) => p.startsWith(s)));
    },
  };
}

/** Checks every person object found anywhere in `data` against the oracle; returns how many were shown / hidden. */
function checkPeople(oracle: Oracle, viewer: string, data: unknown, where: string): { shown: number; hidden: number } {
  const counts = { shown: 0, hidden: 0 };
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...value);
    } else if (value !== null && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if ('phone' in o && 'username' in o && typeof o.id === 'string') {
        const id = decodeId('Person', o.id);
        const facts = id === null ? undefined : oracle.people.get(id);
        expect(facts, `${where}: unknown person ${o.id}`).toBeDefined();
        const expected = oracle.allowed(viewer, id as number)
          ? { phone: facts?.phone ?? null, username: facts?.username ?? null }
          : { phone: null, username: null };
        expect({ phone: o.phone, username: o.username }, `${viewer} ${where}: person ${id}`).toEqual(expected);
        if (expected.phone !== null || expected.username !== null) counts.shown++;
        else if (facts?.phone || facts?.username) counts.hidden++;
      }
      stack.push(...Object.values(o));
    }
  }
  return counts;
}

const it = harnessTest.extend('oracle', { scope: 'file' }, async ({ h }) => loadOracle(h));

/** Runs a query as `username` and returns its data (it must not fail). */
async function query(h: Harness, username: string, document: string, variables: Record<string, unknown> = {}) {
  const res = await h.gql(document, variables, await h.login(username));
  expect(res.errors, `${username}: ${JSON.stringify(res.errors)}`).toBeUndefined();
  return res.data;
}

describe('personal data by field', () => {
  it('pointRanking: every staff account, every unit — contacts only where the person holds a role in their subtree', async ({
    h,
    oracle,
  }) => {
    for (const viewer of STAFF_ACCOUNTS) {
      let shown = 0;
      let hidden = 0;
      // Ten units per request: one request per account per batch, not one per unit.
      for (let i = 0; i < oracle.unitIds.length; i += 10) {
        const batch = oracle.unitIds.slice(i, i + 10);
        const fields = batch.map(
          (u, k) =>
            `u${k}: pointRanking(orgUnitId: "${encodeId('OrgUnit', u.id)}", year: ${oracle.year}, first: 100) { rank member ${PERSON} }`,
        );
        const data = await query(h, viewer, `{ ${fields.join(' ')} }`);
        const c = checkPeople(oracle, viewer, data, `pointRanking batch ${i / 10}`);
        shown += c.shown;
        hidden += c.hidden;
      }
      // The check can fail both ways: the admin sees every member's contacts, a secretary some but not all.
      expect(shown, `${viewer} shown`).toBeGreaterThan(0);
      if (viewer === 'admin') expect(hidden).toBe(0);
      else expect(hidden, `${viewer} hidden`).toBeGreaterThan(0);
    }
  });

  it('pointRanking for everyone else: no contacts but their own', async ({ h, oracle, world }) => {
    const ranking = `query($u: ID!, $y: Int!) { pointRanking(orgUnitId: $u, year: $y, first: 100) { member ${PERSON} } }`;
    const variables = { u: world.unit('Xiguan Street'), y: oracle.year };
    for (const viewer of OTHER_ACCOUNTS.filter((v) => v !== 'screen.hongshun')) {
      const c = checkPeople(oracle, viewer, await query(h, viewer, ranking, variables), 'street ranking');
      expect(c.shown, viewer).toBeLessThanOrEqual(1);
      expect(c.hidden, viewer).toBeGreaterThan(0);
    }
    // Display screens get no ranking of people at all.
    const screen = await h.gql(ranking, variables, await h.login('screen.hongshun'));
    expect(screen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("wishes: residents, listers, assignees, supervisors and event actors, for every account's whole view", async ({
    h,
    oracle,
  }) => {
    const page = `query($offset: Int) { wishList(offset: $offset, limit: 50, sort: { field: "id", order: ASC }) {
      totalCount nodes { resident ${PERSON} listedBy ${PERSON} assignees ${PERSON} supervisor ${PERSON}
                         events { actor ${PERSON} } } } }`;
    for (const viewer of [...STAFF_ACCOUNTS, ...OTHER_ACCOUNTS]) {
      let hidden = 0;
      let total = 0;
      for (let offset = 0; offset === 0 || offset < total; offset += 50) {
        const data = await query(h, viewer, page, { offset });
        total = data.wishList.totalCount;
        hidden += checkPeople(oracle, viewer, data, `wishList offset ${offset}`).hidden;
      }
      if (viewer === 'admin') expect(hidden).toBe(0);
      // Secretaries dispatch to partner units' contacts, outside every community's subtree.
      if (viewer === 'hongshun.secretary' || viewer === 'financial.secretary')
        expect(hidden, viewer).toBeGreaterThan(0);
    }
  });

  it('committee members and chairs, activity attendees and the people lists', async ({ h, oracle }) => {
    const committees = `query($offset: Int) { propertyCommitteeList(offset: $offset, limit: 20) { totalCount nodes {
      chair ${PERSON} members { person ${PERSON} } } } }`;
    /** Every committee the viewer lists, page by page. */
    const allCommittees = async (viewer: string) => {
      let members = 0;
      for (let offset = 0, total = 1; offset < total; offset += 20) {
        const data = await query(h, viewer, committees, { offset });
        total = data.propertyCommitteeList.totalCount;
        const c = checkPeople(oracle, viewer, data, `committees offset ${offset}`);
        members += c.shown + c.hidden;
      }
      return members;
    };
    const activities = `query($offset: Int) { activityList(offset: $offset, limit: 2, filter: { status: [FINISHED] }) { totalCount nodes {
      signUps { person ${PERSON} } checkIns { person ${PERSON} recordedBy ${PERSON} } } } }`;
    const lists = `query($street: ID!) { personList(limit: 100) { nodes ${PERSON} } people(orgUnitId: $street) ${PERSON} }`;
    const [street] = (await h.db.query<{ id: number }>("select id from org_unit where kind = 'STREET'")).rows;
    for (const viewer of STAFF_ACCOUNTS) {
      expect(await allCommittees(viewer), `${viewer}: committee members`).toBeGreaterThan(0);
      let attendees = 0;
      // Attendee lists are long (a page of two activities is a full query): ten finished activities per account.
      for (const offset of [0, 2, 4, 6, 8]) {
        const data = await query(h, viewer, activities, { offset });
        const c = checkPeople(oracle, viewer, data, `activities offset ${offset}`);
        attendees += c.shown + c.hidden;
      }
      if (viewer === 'admin') expect(attendees, 'the admin sees attendees').toBeGreaterThan(0);
      checkPeople(
        oracle,
        viewer,
        await query(h, viewer, lists, { street: encodeId('OrgUnit', street?.id ?? 0) }),
        'lists',
      );
    }
    for (const viewer of OTHER_ACCOUNTS) await allCommittees(viewer);
  });

  it('login.user and me: the person sees their own contacts', async ({ h, oracle }) => {
    for (const viewer of ['resident.wenxiangyuan.1', 'grid.hongshun', 'screen.hongshun']) {
      const login = await h.gql(
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user ${PERSON} } }`,
        {
          u: viewer,
          p: DEMO_PASSWORD,
        },
      );
      expect(login.errors).toBeUndefined();
      const user = login.data.login.user;
      expect(user.username).toBe(viewer);
      const me = await h.gql(`{ me ${PERSON} }`, {}, login.data.login.token);
      expect(me.data.me).toEqual(user);
      checkPeople(oracle, viewer, { user, me: me.data.me }, 'login.user and me');
    }
    // The login document the harness uses still answers.
    const plain = await h.gql(LOGIN, { u: 'admin', p: DEMO_PASSWORD });
    expect(plain.data.login.token).toEqual(expect.any(String));
  });
});
