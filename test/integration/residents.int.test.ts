/**
 * Residents who register themselves: the contract's RegisterResident, PendingResidents, VerifyResident and
 * MyVerification as written; the rules on input (the field named, nothing created); the rate limit per client
 * address; what a PENDING or REJECTED resident may do (their account and notifications, nothing else); the
 * address line of a wish.
 */
import { describe, expect, vi } from 'vitest';
import { decodeId } from '../../server/src/graphql/ids.ts';
import { contractDocument } from '../support/contract.ts';
import { type GqlResult, type Harness, subscribe } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';

// The client address comes from X-Forwarded-For, so each test registers from addresses of its own.
const it = harnessTest.override('harnessOptions', { config: { trustProxy: true } });

const app = contractDocument('app');
let nextAddress = 1;
const freshAddress = () => `10.77.0.${nextAddress++}`;
let nextResident = 1;

/** One operation of the contract's app document, from a client address, with or without a token. */
async function op(
  h: Harness,
  operationName: string,
  variables: Record<string, unknown>,
  opts: { token?: string | null; address?: string } = {},
): Promise<GqlResult<any>> {
  const res = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-forwarded-for': opts.address ?? freshAddress(),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: JSON.stringify({ query: app, operationName, variables }),
  });
  return (await res.json()) as GqlResult<any>;
}

const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;
const field = (res: GqlResult) => res.errors?.[0]?.extensions?.field;

/** A valid registration at Wenxiangyuan, with a username and number no one has. */
function registration(w: { unit(name: string): string }, extra: Record<string, unknown> = {}) {
  const n = nextResident++;
  return {
    username: `new.resident.${n}`,
    password: 'a-good-password',
    displayName: `新居民${n}`,
    phone: `1770354${String(1000 + n).padStart(4, '0')}`,
    compoundId: w.unit('Wenxiangyuan'),
    address: '5号楼1单元302',
    ...extra,
  };
}

async function register(h: Harness, input: Record<string, unknown>) {
  const res = await op(h, 'RegisterResident', { input });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const login = await h.gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    u: input.username,
    p: input.password,
  });
  expect(login.errors).toBeUndefined();
  return { person: res.data.registerResident.person, token: login.data.login.token as string };
}

/** The contract's Notifications subscription of `token`, once it is live (its listener is on the hub). */
async function liveNotifications(h: Harness, token: string) {
  const listeners = h.app.hub.listenerCount();
  const live = subscribe(h.ws(token), app, {}, 'Notifications');
  await vi.waitFor(() => expect(h.app.hub.listenerCount()).toBe(listeners + 1), { timeout: 5_000, interval: 10 });
  return live;
}

const personCount = async (h: Harness) =>
  (await h.db.query('select count(*)::int as n from person')).rows[0].n as number;

describe('resident registration', () => {
  it('registers a PENDING resident of the compound, who may log in and read their account and notifications', async ({
    h,
    world: w,
  }) => {
    const input = registration(w, { phone: '177 0354 9001' });
    const res = await op(h, 'RegisterResident', { input });
    expect(res.errors).toBeUndefined();
    expect(res.data.registerResident.person).toEqual({
      id: expect.any(String),
      displayName: input.displayName,
      verification: 'PENDING',
    });
    const id = decodeId('Person', res.data.registerResident.person.id);
    const { rows } = await h.db.query(
      `select p.verification, p.phone, p.address, p.registered_at is not null as registered, r.role, u.name
         from person p join person_role r on r.person_id = p.id join org_unit u on u.id = r.org_unit_id where p.id = $1`,
      [id],
    );
    expect(rows).toEqual([
      {
        verification: 'PENDING',
        phone: '17703549001',
        address: '5号楼1单元302',
        registered: true,
        role: 'RESIDENT',
        name: 'Wenxiangyuan',
      },
    ]);
    const changes = await h.db.query(
      `select action from change_event where entity_type = 'Person' and entity_id = $1`,
      [id],
    );
    expect(changes.rows).toEqual([{ action: 'REGISTER' }]);

    const login = await h.gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
      u: input.username,
      p: input.password,
    });
    const token = login.data.login.token;
    expect((await op(h, 'MyVerification', {}, { token })).data.me).toEqual({
      id: res.data.registerResident.person.id,
      verification: 'PENDING',
    });
    const mine = await op(h, 'MyNotifications', { first: 10 }, { token });
    expect(mine).toEqual({ data: { myNotifications: { unreadCount: 0, nodes: [] } } });
    expect((await op(h, 'MarkNotificationsRead', {}, { token })).data.markNotificationsRead.unreadCount).toBe(0);
  });

  it('refuses a PENDING resident everything else with FORBIDDEN, changing nothing', async ({ h, world: w }) => {
    const { token } = await register(h, registration(w));
    const wishes = async () => (await h.db.query('select count(*)::int as n from wish')).rows[0].n;
    const before = await wishes();
    const submit = await h.gql(
      'mutation($input: SubmitWishInput!) { submitWish(input: $input) { wish { id } } }',
      { input: { title: '楼道灯坏了', description: '三楼', categoryCode: 'repairs', address: '5号楼1单元302' } },
      token,
    );
    expect(code(submit)).toBe('FORBIDDEN');
    expect(submit.errors?.[0]?.message).toMatch(/verification/);
    expect(await wishes()).toBe(before);

    const activity = await h.gql(
      '{ activities(first: 1, filter: { upcoming: true }) { edges { node { id } } } }',
      {},
      await w.token('admin'),
    );
    const activityId = activity.data.activities.edges[0]?.node.id;
    expect(activityId).toBeDefined();
    const signUp = await h.gql(
      'mutation($input: SignUpForActivityInput!) { signUpForActivity(input: $input) { activity { id } } }',
      { input: { activityId } },
      token,
    );
    expect(code(signUp)).toBe('FORBIDDEN');

    // The other read paths: nothing beyond the account and notifications.
    expect(code(await op(h, 'MyOrders', { first: 5 }, { token }))).toBe('FORBIDDEN');
    expect(code(await op(h, 'OpenPool', { first: 5 }, { token }))).toBe('FORBIDDEN');
    for (const query of [
      '{ activities(first: 5) { totalCount } }',
      '{ orgUnits { id } }',
      '{ wishCategories { code } }',
      '{ wishStatusCounts { count } }',
      `{ wish(id: "${Buffer.from('Wish:1').toString('base64url')}") { id } }`,
    ]) {
      expect(code(await h.gql(query, {}, token)), query).toBe('FORBIDDEN');
    }
    const live = subscribe(h.ws(token), 'subscription { wishEvents { sequence } }');
    await live.until(() => live.errors.length > 0, 5_000, 'the refusal');
    expect(live.errors[0].extensions.code).toBe('FORBIDDEN');
    live.dispose();
  });

  it('names the field of bad input and creates nothing (BAD_USER_INPUT before NOT_FOUND)', async ({ h, world: w }) => {
    const { rows } = await h.db.query(
      `select p.phone from person p join person_role r on r.person_id = p.id join org_unit u on u.id = r.org_unit_id
        where p.username = 'resident.wenxiangyuan.1' and r.role = 'RESIDENT'`,
    );
    const takenPhone = rows[0].phone as string;
    const before = await personCount(h);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ username: 'ab' }, 'BAD_USER_INPUT', 'username'],
      [{ username: 'has space' }, 'BAD_USER_INPUT', 'username'],
      [{ username: 'x'.repeat(33) }, 'BAD_USER_INPUT', 'username'],
      [{ username: 'Admin' }, 'BAD_USER_INPUT', 'username'],
      [{ password: 'short' }, 'BAD_USER_INPUT', 'password'],
      [{ displayName: '  ' }, 'BAD_USER_INPUT', 'displayName'],
      [{ phone: '12345' }, 'BAD_USER_INPUT', 'phone'],
      [{ phone: '23800138000' }, 'BAD_USER_INPUT', 'phone'],
      [{ phone: '1380013800a' }, 'BAD_USER_INPUT', 'phone'],
      [{ address: '' }, 'BAD_USER_INPUT', 'address'],
      [{ address: '号'.repeat(101) }, 'BAD_USER_INPUT', 'address'],
      [{ phone: takenPhone }, 'BAD_USER_INPUT', 'phone'],
      [{ compoundId: w.unit('Hongshun Road') }, 'BAD_USER_INPUT', 'compoundId'],
      // The contract's order: the input's own faults come before an unknown compound.
      [{ username: 'ab', compoundId: 'nonsense' }, 'BAD_USER_INPUT', 'username'],
      [{ username: 'admin', compoundId: 'nonsense' }, 'BAD_USER_INPUT', 'username'],
    ];
    for (const [change, expected, name] of cases) {
      const res = await op(h, 'RegisterResident', { input: registration(w, change) });
      expect([code(res), field(res)], JSON.stringify(change)).toEqual([expected, name]);
      expect(res.errors?.[0]?.message).toContain(name);
    }
    const unknown = await op(h, 'RegisterResident', { input: registration(w, { compoundId: 'nonsense' }) });
    expect(code(unknown)).toBe('NOT_FOUND');
    const missing = await op(h, 'RegisterResident', { input: { username: 'someone' } });
    expect(code(missing)).toBe('BAD_USER_INPUT');
    expect(await personCount(h)).toBe(before);

    // A number already registered in another compound is no obstacle.
    const elsewhere = await op(h, 'RegisterResident', {
      input: registration(w, { phone: takenPhone, compoundId: w.unit('Shanxi Printing') }),
    });
    expect(elsewhere.errors).toBeUndefined();
  });

  it('limits registrations per client address (RATE_LIMITED with retryAfterSeconds), not per server', async ({
    h,
    world: w,
  }) => {
    const address = freshAddress();
    const before = await personCount(h);
    const results: GqlResult[] = [];
    // Five attempts a minute (RATE_LIMIT_REGISTRATIONS_PER_IP_PER_MINUTE), valid or not, then no more.
    for (let i = 0; i < 6; i++) {
      results.push(await op(h, 'RegisterResident', { input: registration(w) }, { address }));
    }
    expect(results.slice(0, 5).map(code)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(code(results[5] as GqlResult)).toBe('RATE_LIMITED');
    expect((results[5] as any).errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(await personCount(h)).toBe(before + 5);
    // Another address registers.
    expect((await op(h, 'RegisterResident', { input: registration(w) })).errors).toBeUndefined();
  });
});

describe('resident verification', () => {
  it('lists the pending residents of a subtree for its grid workers and secretaries, as the contract reads them', async ({
    h,
    world: w,
  }) => {
    const wenxiangyuan = w.unit('Wenxiangyuan');
    const grid = await op(
      h,
      'PendingResidents',
      { orgUnitId: wenxiangyuan },
      { token: await w.token('grid.hongshun') },
    );
    expect(grid.errors).toBeUndefined();
    const page = grid.data.pendingResidents;
    expect(page.totalCount).toBeGreaterThanOrEqual(3);
    const seeded = page.nodes.find((n: any) => n.displayName === '赵丽萍');
    expect(seeded).toEqual({
      id: expect.any(String),
      displayName: '赵丽萍',
      phone: '19903540101',
      address: '3号楼2单元401',
      compound: { id: wenxiangyuan, name: 'Wenxiangyuan' },
      registeredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // Oldest registration first.
    const times = page.nodes.map((n: any) => Date.parse(n.registeredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    const secretary = await op(
      h,
      'PendingResidents',
      { orgUnitId: w.unit('Hongshun Road'), first: 1 },
      { token: await w.token('hongshun.secretary') },
    );
    expect(secretary.data.pendingResidents.nodes).toHaveLength(1);
    expect(secretary.data.pendingResidents.totalCount).toBe(page.totalCount);

    const financial = await w.token('financial.secretary');
    const outside = await op(h, 'PendingResidents', { orgUnitId: wenxiangyuan }, { token: financial });
    expect(outside.data.pendingResidents).toEqual({ totalCount: 0, nodes: [] });
    const own = await op(h, 'PendingResidents', { orgUnitId: w.unit('Financial Road') }, { token: financial });
    expect(own.data.pendingResidents.nodes.map((n: any) => n.displayName)).toContain('李卫东');

    const token = await w.token('grid.hongshun');
    expect(code(await op(h, 'PendingResidents', { orgUnitId: wenxiangyuan }, {}))).toBe('UNAUTHENTICATED');
    expect(code(await op(h, 'PendingResidents', { orgUnitId: wenxiangyuan, first: 500 }, { token }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await op(h, 'PendingResidents', { orgUnitId: 'nonsense' }, { token }))).toBe('NOT_FOUND');
    const member = await w.token('member.wenxiangyuan.1');
    expect(code(await op(h, 'PendingResidents', { orgUnitId: wenxiangyuan }, { token: member }))).toBe('FORBIDDEN');
  });

  it('verifies a resident with its change-log row and a notification, after which they list a wish with an address', async ({
    h,
    world: w,
  }) => {
    const { person, token } = await register(h, registration(w));
    // A PENDING resident may subscribe to their notifications: the decision arrives live.
    const live = await liveNotifications(h, token);
    const verify = await op(
      h,
      'VerifyResident',
      { input: { personId: person.id, approve: true } },
      { token: await w.token('wenxiangyuan.secretary') },
    );
    expect(verify).toEqual({ data: { verifyResident: { person: { id: person.id, verification: 'VERIFIED' } } } });
    const id = decodeId('Person', person.id);
    const { rows } = await h.db.query(
      `select action, data->>'to' as "to" from change_event where entity_type = 'Person' and entity_id = $1 order by sequence`,
      [id],
    );
    expect(rows).toEqual([
      { action: 'REGISTER', to: null },
      { action: 'VERIFY', to: 'VERIFIED' },
    ]);
    const notes = await op(h, 'MyNotifications', { first: 5 }, { token });
    expect(notes.data.myNotifications.unreadCount).toBe(1);
    expect(notes.data.myNotifications.nodes).toEqual([
      {
        id: expect.any(String),
        kind: 'VERIFICATION',
        title: '注册已通过审核',
        body: '您在文香苑的居民注册已通过审核，欢迎使用。',
        at: expect.any(String),
        readAt: null,
        wish: null,
        activity: null,
      },
    ]);
    const [delivered] = await live.next(1);
    expect(delivered.notifications).toEqual({
      id: notes.data.myNotifications.nodes[0].id,
      kind: 'VERIFICATION',
      title: '注册已通过审核',
      body: '您在文香苑的居民注册已通过审核，欢迎使用。',
      at: expect.any(String),
      wish: null,
    });
    live.dispose();

    const submit = await h.gql(
      'mutation($input: SubmitWishInput!) { submitWish(input: $input) { wish { id address } } }',
      {
        input: {
          title: '楼道灯坏了',
          description: '五号楼一单元三楼',
          categoryCode: 'repairs',
          address: ' 5号楼1单元302 ',
        },
      },
      token,
    );
    expect(submit.errors).toBeUndefined();
    const wishId = submit.data.submitWish.wish.id;
    expect(submit.data.submitWish.wish.address).toBe('5号楼1单元302');
    const read = (as: string) => h.gql('query($id: ID!) { wish(id: $id) { address } }', { id: wishId }, as);
    expect((await read(await w.token('wenxiangyuan.secretary'))).data.wish.address).toBe('5号楼1单元302');
    expect((await read(await w.token('screen.hongshun'))).data.wish).toEqual({ address: null });
    // Staff find it by its address; a display screen, which may not read addresses, does not.
    const search = async (as: string) =>
      (await h.gql('{ wishList(filter: { q: "5号楼1单元302" }) { nodes { id } } }', {}, as)).data.wishList.nodes;
    expect(await search(await w.token('wenxiangyuan.secretary'))).toContainEqual({ id: wishId });
    expect(await search(await w.token('screen.hongshun'))).not.toContainEqual({ id: wishId });
    const long = await h.gql(
      'mutation($input: SubmitWishInput!) { submitWish(input: $input) { wish { id } } }',
      { input: { title: '太长', description: '', categoryCode: 'repairs', address: '号'.repeat(101) } },
      token,
    );
    expect([code(long), field(long)]).toEqual(['BAD_USER_INPUT', 'address']);
  });

  it('refuses a registration only with a reason, tells the resident in their language, and keeps them out', async ({
    h,
    world: w,
  }) => {
    const { person, token } = await register(h, registration(w, { language: 'EN' }));
    expect((await h.gql('{ me { language } }', {}, token)).data.me.language).toBe('EN');
    const secretary = await w.token('wenxiangyuan.secretary');
    const before = (await h.db.query('select count(*)::int as n from change_event')).rows[0].n;
    const noReason = await op(
      h,
      'VerifyResident',
      { input: { personId: person.id, approve: false } },
      { token: secretary },
    );
    expect([code(noReason), field(noReason)]).toEqual(['BAD_USER_INPUT', 'reason']);
    expect((await h.db.query('select count(*)::int as n from change_event')).rows[0].n).toBe(before);

    const refused = await op(
      h,
      'VerifyResident',
      { input: { personId: person.id, approve: false, reason: '该房号无此住户' } },
      { token: secretary },
    );
    expect(refused.data.verifyResident.person.verification).toBe('REJECTED');
    const notes = (await op(h, 'MyNotifications', {}, { token })).data.myNotifications;
    expect(notes.nodes[0]).toMatchObject({
      kind: 'VERIFICATION',
      title: 'Registration refused',
      body: 'Your registration as a resident of Wenxiangyuan was refused: 该房号无此住户',
    });
    const again = await op(
      h,
      'VerifyResident',
      { input: { personId: person.id, approve: false, reason: '重复' } },
      { token: secretary },
    );
    expect(code(again)).toBe('INVALID_TRANSITION');
    // Still shut out, and still able to read their account.
    expect((await op(h, 'MyVerification', {}, { token })).data.me.verification).toBe('REJECTED');
    const submit = await h.gql(
      'mutation($input: SubmitWishInput!) { submitWish(input: $input) { wish { id } } }',
      { input: { title: '楼道灯坏了', description: '', categoryCode: 'repairs' } },
      token,
    );
    expect(code(submit)).toBe('FORBIDDEN');
    // Their choice of language applies to what they were sent before, too.
    expect((await h.gql('mutation { setMyLanguage(language: ZH_CN) { language } }', {}, token)).data).toEqual({
      setMyLanguage: { language: 'ZH_CN' },
    });
    expect((await op(h, 'MyNotifications', {}, { token })).data.myNotifications.nodes[0]).toMatchObject({
      title: '注册未通过审核',
      body: '您在文香苑的居民注册未通过审核：该房号无此住户',
    });
  });

  it('checks verifyResident in the contract order: UNAUTHENTICATED, BAD_USER_INPUT, NOT_FOUND, FORBIDDEN', async ({
    h,
    world: w,
  }) => {
    const { person, token: pending } = await register(h, registration(w));
    const input = { personId: person.id, approve: true };
    expect(code(await op(h, 'VerifyResident', { input }, {}))).toBe('UNAUTHENTICATED');
    const grid = await w.token('grid.hongshun');
    expect(
      code(await op(h, 'VerifyResident', { input: { personId: 'nonsense', approve: false } }, { token: grid })),
    ).toBe('BAD_USER_INPUT');
    expect(
      code(await op(h, 'VerifyResident', { input: { personId: 'nonsense', approve: true } }, { token: grid })),
    ).toBe('NOT_FOUND');
    // Staff of another community do not see the resident; neither do members or residents.
    for (const username of ['financial.secretary', 'member.wenxiangyuan.1', 'resident.wenxiangyuan.1']) {
      expect(code(await op(h, 'VerifyResident', { input }, { token: await w.token(username) })), username).toBe(
        'NOT_FOUND',
      );
    }
    // A pending resident may do nothing but read: FORBIDDEN.
    expect(code(await op(h, 'VerifyResident', { input }, { token: pending }))).toBe('FORBIDDEN');
    const { rows } = await h.db.query('select verification from person where id = $1', [decodeId('Person', person.id)]);
    expect(rows[0].verification).toBe('PENDING');
    // A grid worker of the community verifies; a person staff created is no registration to decide.
    expect((await op(h, 'VerifyResident', { input }, { token: grid })).errors).toBeUndefined();
    const seeded = await op(
      h,
      'VerifyResident',
      { input: { personId: await w.person('resident.wenxiangyuan.2'), approve: true } },
      { token: grid },
    );
    expect(code(seeded)).toBe('INVALID_TRANSITION');
  });
});
