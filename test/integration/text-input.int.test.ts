/**
 * Text input is text: a NUL or another control character in any kind of string input — a variable, an argument or
 * input field written in the document, a variable's default value, a list item, every list's `q`, `categoryCode`,
 * `login(username)` — is BAD_USER_INPUT naming the field, over HTTP (never a 500) and graphql-ws alike, and changes
 * nothing; line breaks and tabs pass in multi-line texts only. DateTimes outside the years 1900–2200 are refused
 * the same way (year 0000 used to be a 500).
 */
import { describe, expect } from 'vitest';
import { type GqlResult, postGraphql, subscribe } from '../support/harness.ts';
import { harnessTest as it } from '../support/harness-test.ts';
import { tablesDigest } from '../support/tables.ts';

/** Every table a request could change (sessions aside: a login that succeeds opens one). */
const TABLES = [
  'org_unit',
  'person',
  'person_role',
  'wish_category',
  'wish',
  'wish_event',
  'assignment',
  'meeting',
  'change_event',
  'property_committee',
  'property_committee_member',
  'service_brand',
  'monthly_theme',
  'activity',
  'activity_sign_up',
  'activity_check_in',
  'point_rule',
  'point_entry',
];

const NUL = '\u0000';
/** Control characters of each kind: C0 (NUL, ESC, BEL, VT), DEL and C1 (NEL, CSI). */
const CONTROLS = ['\u0000', '\u001b', '\u0007', '\u000b', '\u007f', '\u0085', '\u009b'];

interface Probe {
  what: string;
  as: string | null;
  query: string;
  variables?: Record<string, unknown>;
  field: string;
}

/** The probe's answer over HTTP: the status must not be a server error. */
async function post(url: string, token: string | null, probe: Probe): Promise<GqlResult<any>> {
  const res = await postGraphql(url, { query: probe.query, variables: probe.variables ?? {} }, token);
  expect(res.status, `${probe.what}: HTTP status`).toBeLessThan(500);
  return (await res.json()) as GqlResult<any>;
}

function expectRefused(res: GqlResult<any>, probe: Pick<Probe, 'what' | 'field'>): void {
  const error = res.errors?.[0];
  expect(error?.extensions?.code, `${probe.what}: ${JSON.stringify(res.errors)}`).toBe('BAD_USER_INPUT');
  expect(error?.extensions?.field, `${probe.what}: field`).toBe(probe.field);
  expect(error?.message, `${probe.what}: message`).toContain(probe.field);
  expect(res.data ?? null, probe.what).toBeNull();
}

const SUBMIT = 'mutation($input: SubmitWishInput!) { submitWish(input: $input) { wish { id } } }';
const wishInput = (change: Record<string, unknown>) => ({
  input: { title: '楼道灯不亮', description: '三单元二楼', categoryCode: 'street_lamps', ...change },
});
const LISTS = [
  'wishList',
  'personList',
  'orgUnitList',
  'wishCategoryList',
  'propertyCommitteeList',
  'serviceBrandList',
  'monthlyThemeList',
  'activityList',
  'pointRuleList',
  'pointEntryList',
];

describe('control characters in text input', () => {
  it('are BAD_USER_INPUT naming the field in every kind of string input, changing nothing', async ({ h, world: w }) => {
    const resident = 'resident.wenxiangyuan.1';
    const probes: Probe[] = [
      {
        what: 'login username variable',
        as: null,
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        variables: { u: `admin${NUL}`, p: 'wishgrid-demo' },
        field: 'username',
      },
      {
        what: 'login username literal',
        as: null,
        query: 'mutation { login(username: "adm\\u0000in", password: "wishgrid-demo") { token } }',
        field: 'username',
      },
      {
        what: 'login username default value',
        as: null,
        query: 'mutation($u: String = "adm\\u0000in") { login(username: $u, password: "wishgrid-demo") { token } }',
        field: 'username',
      },
      {
        what: 'login password',
        as: null,
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        variables: { u: 'admin', p: `wishgrid-demo${NUL}` },
        field: 'password',
      },
      ...CONTROLS.map((c) => ({
        what: `submitWish title U+${c.charCodeAt(0).toString(16)}`,
        as: resident,
        query: SUBMIT,
        variables: wishInput({ title: `楼道${c}灯不亮` }),
        field: 'title',
      })),
      {
        what: 'a line break in a title',
        as: resident,
        query: SUBMIT,
        variables: wishInput({ title: '楼道\n灯' }),
        field: 'title',
      },
      {
        what: 'a tab in a categoryCode',
        as: resident,
        query: SUBMIT,
        variables: wishInput({ categoryCode: 'street_lamps\t' }),
        field: 'categoryCode',
      },
      ...CONTROLS.map((c) => ({
        what: `submitWish description U+${c.charCodeAt(0).toString(16)}`,
        as: resident,
        query: SUBMIT,
        variables: wishInput({ description: `三单元${c}二楼` }),
        field: 'description',
      })),
      {
        what: 'categoryCode',
        as: resident,
        query: SUBMIT,
        variables: wishInput({ categoryCode: `street${NUL}lamps` }),
        field: 'categoryCode',
      },
      {
        what: 'an input object written in the document',
        as: resident,
        query:
          'mutation { submitWish(input: { title: "楼道\\u0000灯", description: "d", categoryCode: "street_lamps" }) { wish { id } } }',
        field: 'title',
      },
      {
        what: 'a default value of an input object',
        as: resident,
        query: `mutation($input: SubmitWishInput! = { title: "t", description: "d\\u0000", categoryCode: "street_lamps" }) {
          submitWish(input: $input) { wish { id } } }`,
        field: 'description',
      },
      ...LISTS.map((list) => ({
        what: `${list} q`,
        as: 'admin',
        query: `query($q: String) { ${list}(filter: { q: $q }) { totalCount } }`,
        variables: { q: `a${NUL}` },
        field: 'q',
      })),
      {
        what: 'a literal q',
        as: 'admin',
        query: '{ wishList(filter: { q: "\\u0000" }) { totalCount } }',
        field: 'q',
      },
      {
        what: 'wishes categoryCode',
        as: 'admin',
        query: 'query($c: String) { wishes(filter: { categoryCode: $c }) { totalCount } }',
        variables: { c: `repairs${NUL}` },
        field: 'categoryCode',
      },
      {
        what: 'wishList categoryCode',
        as: 'admin',
        query: 'query($f: WishListFilter) { wishList(filter: $f) { totalCount } }',
        variables: { f: { categoryCode: `repairs${NUL}` } },
        field: 'categoryCode',
      },
      {
        what: 'an item of an id list',
        as: 'admin',
        query: 'query($f: WishListFilter) { wishList(filter: $f) { totalCount } }',
        variables: { f: { ids: ['V2lzaDox', `x${NUL}`] } },
        field: 'ids',
      },
      {
        what: 'a sort field',
        as: 'admin',
        query: 'query($s: ListSort) { wishList(sort: $s) { totalCount } }',
        variables: { s: { field: `id${NUL}` } },
        field: 'field',
      },
      {
        what: 'an ID argument',
        as: 'admin',
        query: 'query($id: ID!) { wish(id: $id) { id } }',
        variables: { id: `V2lzaDox${NUL}` },
        field: 'id',
      },
      {
        what: 'createPerson displayName',
        as: 'admin',
        query: 'mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }',
        variables: {
          i: { displayName: `王${NUL}阿姨`, roles: [{ role: 'RESIDENT', orgUnitId: w.unit('Wenxiangyuan') }] },
        },
        field: 'displayName',
      },
      {
        what: 'createPerson phone',
        as: 'admin',
        query: 'mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }',
        variables: {
          i: {
            displayName: '王阿姨',
            phone: `139${NUL}`,
            roles: [{ role: 'RESIDENT', orgUnitId: w.unit('Wenxiangyuan') }],
          },
        },
        field: 'phone',
      },
    ];
    const tokens = new Map<string, string>();
    for (const who of new Set(probes.map((p) => p.as))) if (who) tokens.set(who, await h.login(who));
    const before = await tablesDigest(h, TABLES);
    for (const probe of probes)
      expectRefused(await post(h.url, probe.as && (tokens.get(probe.as) ?? null), probe), probe);
    expect(await tablesDigest(h, TABLES)).toBe(before);
    // The refused login attempts are not counted as failed logins of anyone: admin still logs in.
    expect(
      (await h.gql('mutation { login(username: "admin", password: "wishgrid-demo") { token } }')).errors,
    ).toBeUndefined();
  });

  it('let line breaks and tabs through in multi-line texts, and nothing else', async ({ h, world: w }) => {
    const wish = await w.submit('resident.wenxiangyuan.1', { description: '三单元二楼\n楼梯口\r\n\t左手边' });
    const { rows } = await h.db.query('select description from wish where title = $1 order by id desc limit 1', [
      '单元门口的台阶破损',
    ]);
    expect(rows[0].description).toBe('三单元二楼\n楼梯口\r\n\t左手边');
    await w.dispatchAccepted('wenxiangyuan.secretary', wish.id, 'member.wenxiangyuan.1');
    const bad = await w.act('member.wenxiangyuan.1', 'resolveWish', { wishId: wish.id, note: `修好了${NUL}` });
    expectRefused(bad, { what: 'resolve note', field: 'note' });
    expect(
      await w.ok('member.wenxiangyuan.1', 'resolveWish', { wishId: wish.id, note: '换了灯泡\n\t已试亮' }),
    ).toMatchObject({ status: 'RESOLVED' });
  });

  it('are refused over graphql-ws too: queries, mutations and subscriptions', async ({ h, world: w }) => {
    const client = h.ws(await h.login('admin'));
    try {
      const run = (query: string, variables: Record<string, unknown>) =>
        new Promise<GqlResult<any>>((resolve, reject) => {
          let result: GqlResult<any> = {};
          client.subscribe(
            { query, variables },
            {
              next: (v) => {
                result = v as GqlResult<any>;
              },
              error: reject,
              complete: () => resolve(result),
            },
          );
        });
      expectRefused(await run('query($q: String) { wishList(filter: { q: $q }) { totalCount } }', { q: `x${NUL}` }), {
        what: 'ws query',
        field: 'q',
      });
      const before = await tablesDigest(h, TABLES);
      expectRefused(
        await run(SUBMIT, {
          input: { title: `t${NUL}`, description: 'd', categoryCode: 'repairs', orgUnitId: w.unit('Wenxiangyuan') },
        }),
        {
          what: 'ws mutation',
          field: 'title',
        },
      );
      expect(await tablesDigest(h, TABLES)).toBe(before);
      const sub = subscribe(client, 'subscription($u: ID) { wishEvents(orgUnitId: $u) { sequence } }', {
        u: `${w.unit('Wenxiangyuan')}${NUL}`,
      });
      await sub.until(() => sub.errors.length > 0 || sub.completed);
      const error = sub.errors[0];
      expect(error?.extensions?.code ?? error?.[0]?.extensions?.code, JSON.stringify(sub.errors)).toBe(
        'BAD_USER_INPUT',
      );
      sub.dispose();
    } finally {
      await client.dispose();
    }
  });
});

describe('DateTimes outside 1900–2200', () => {
  it('are BAD_USER_INPUT, whether sent as variables or written in the document, changing nothing', async ({
    h,
    world: w,
  }) => {
    const secretary = await h.login('wenxiangyuan.secretary');
    const admin = await h.login('admin');
    const wish = await w.submit('resident.wenxiangyuan.1');
    const m1 = await w.person('member.wenxiangyuan.1');
    const before = await tablesDigest(h, TABLES);
    const DISPATCH = 'mutation($input: DispatchWishInput!) { dispatchWish(input: $input) { wish { id } } }';
    for (const dueAt of [
      '0000-01-01T00:00:00Z',
      '0001-06-01T00:00:00+08:00',
      '1899-12-31T23:59:59Z',
      '2201-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999Z',
    ]) {
      const probe = {
        what: `dueAt ${dueAt}`,
        as: null,
        query: DISPATCH,
        variables: { input: { wishId: wish.id, assigneeIds: [m1], dueAt } },
        field: 'dueAt',
      };
      const res = await post(h.url, secretary, probe);
      expectRefused(res, probe);
      expect(res.errors?.[0]?.message).toMatch(/1900.2200|ISO 8601/);
    }
    const MEETING = 'mutation($i: RecordMeetingInput!) { recordMeeting(input: $i) { wish { id } } }';
    const meeting = {
      what: 'heldAt year 0',
      as: null,
      query: MEETING,
      variables: { i: { wishId: wish.id, heldAt: '0000-01-01T00:00:00Z', participants: 'p', decisions: 'd' } },
      field: 'heldAt',
    };
    expectRefused(await post(h.url, secretary, meeting), meeting);
    // Written in the document: refused before anything runs, with the same code.
    for (const query of [
      '{ activityList(filter: { from: "0000-01-01T00:00:00Z" }) { totalCount } }',
      '{ wishStats(to: "2999-01-01T00:00:00Z") { total } }',
    ]) {
      const res = await post(h.url, admin, { what: query, as: null, query, field: '' });
      expect(res.errors?.[0]?.extensions?.code, `${query}: ${JSON.stringify(res.errors)}`).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toContain('1900');
    }
    expect(await tablesDigest(h, TABLES)).toBe(before);
    // The edges of the range are fine.
    const edges = await h.gql(
      'query($from: DateTime, $to: DateTime) { wishStats(from: $from, to: $to) { total } }',
      { from: '1900-01-01T00:00:00Z', to: '2200-12-31T23:59:59Z' },
      admin,
    );
    expect(edges.errors).toBeUndefined();
  });
});
