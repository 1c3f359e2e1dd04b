/**
 * Capacity holds under concurrency: the database decides who gets the last places, over real concurrent
 * HTTP requests from different people.
 */
import { describe, expect } from 'vitest';
import { hashPassword } from '../../server/src/domain/auth/password.ts';
import { DEMO_PASSWORD } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';

const CAPACITY = 10;
const PEOPLE = 2 * CAPACITY;
const ROUNDS = 5;

const SIGN_UP = `mutation($input: SignUpForActivityInput!) { signUpForActivity(input: $input) { activity { id signedUpCount } } }`;
const CREATE = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id capacity } } }`;

/** The tokens of extra volunteers of Wenxiangyuan, written straight into this file's own database. */
const it = harnessTest.extend('tokens', { scope: 'file' }, async ({ h }) => {
  const hash = await hashPassword(DEMO_PASSWORD);
  const { rows } = await h.db.query<{ id: number }>(
    `insert into person (username, display_name, password_hash, created_at)
     select 'capacity.tester.' || n, '容量测试志愿者' || n, $1, now() from generate_series(1, $2::int) n
     returning id`,
    [hash, PEOPLE],
  );
  await h.db.query(
    `insert into person_role (person_id, role, org_unit_id, created_at)
     select p, 'VOLUNTEER', (select id from org_unit where name = 'Wenxiangyuan'), now() from unnest($1::int[]) p`,
    [rows.map((r) => r.id)],
  );
  const tokens: string[] = [];
  for (let n = 1; n <= PEOPLE; n++) tokens.push(await h.login(`capacity.tester.${n}`));
  return tokens;
});

describe('activity capacity under concurrent sign-ups', () => {
  it(`${PEOPLE} concurrent sign-ups for ${CAPACITY} places: exactly ${CAPACITY} succeed, the rest are refused as full — ${ROUNDS} rounds`, async ({
    h,
    world: w,
    tokens,
  }) => {
    const admin = await w.token('admin');
    for (let round = 0; round < ROUNDS; round++) {
      const startsAt = new Date(Date.now() + 3 * 24 * 3600_000);
      const created = await h.gql(
        CREATE,
        {
          input: {
            organizerId: w.unit('Wenxiangyuan'),
            title: `容量测试 ${round}`,
            place: '文香苑小区广场',
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
            capacity: CAPACITY,
          },
        },
        admin,
      );
      expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
      const activityId = created.data.createActivity.activity.id;

      const results = await Promise.all(tokens.map((token) => h.gql(SIGN_UP, { input: { activityId } }, token)));
      const winners = results.filter((r) => !r.errors);
      // The code and the field (every error also carries its request's id in extensions.requestId).
      const refusals = results
        .filter((r) => r.errors)
        .map((r) => ({ code: r.errors?.[0]?.extensions?.code, field: r.errors?.[0]?.extensions?.field }));
      expect(winners, `round ${round}`).toHaveLength(CAPACITY);
      expect(refusals, `round ${round}`).toEqual(
        Array(PEOPLE - CAPACITY).fill({ code: 'BAD_USER_INPUT', field: 'activityId' }),
      );
      // Each winner saw a count no larger than the capacity; the last one saw it full.
      const seen = winners.map((r) => r.data.signUpForActivity.activity.signedUpCount as number);
      expect(Math.max(...seen)).toBe(CAPACITY);

      const { rows } = await h.db.query(
        `select (select count(*) from activity_sign_up where activity_id = a.id and status = 'SIGNED_UP')::int as signed_up,
                (select count(*) from activity_sign_up where activity_id = a.id)::int as rows,
                (select count(*) from change_event where entity_type = 'Activity' and entity_id = a.id and action = 'SIGN_UP')::int as events
           from activity a where a.title = $1`,
        [`容量测试 ${round}`],
      );
      expect(rows[0], `round ${round}`).toEqual({ signed_up: CAPACITY, rows: CAPACITY, events: CAPACITY });
    }
  });

  it('a place freed by a cancellation goes to the next concurrent asker, and only one', async ({
    h,
    world: w,
    tokens,
  }) => {
    const admin = await w.token('admin');
    const startsAt = new Date(Date.now() + 4 * 24 * 3600_000);
    const created = await h.gql(
      CREATE,
      {
        input: {
          organizerId: w.unit('Wenxiangyuan'),
          title: '容量测试 取消后补位',
          place: '文香苑小区广场',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
          capacity: 2,
        },
      },
      admin,
    );
    const activityId = created.data.createActivity.activity.id;
    for (const token of tokens.slice(0, 2)) {
      const res = await h.gql(SIGN_UP, { input: { activityId } }, token);
      expect(res.errors).toBeUndefined();
    }
    const cancel = await h.gql(
      `mutation($input: CancelActivitySignUpInput!) { cancelActivitySignUp(input: $input) { activity { signedUpCount } } }`,
      { input: { activityId } },
      tokens[0],
    );
    expect(cancel.data.cancelActivitySignUp.activity.signedUpCount).toBe(1);
    // The one who cancelled and eight others race for the freed place.
    const racers = [tokens[0] as string, ...tokens.slice(2, 10)];
    const results = await Promise.all(racers.map((token) => h.gql(SIGN_UP, { input: { activityId } }, token)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors?.[0]?.extensions?.code)).toEqual(
      Array(racers.length - 1).fill('BAD_USER_INPUT'),
    );
    const { rows } = await h.db.query(
      `select count(*) filter (where s.status = 'SIGNED_UP')::int as signed_up from activity_sign_up s
         join activity a on a.id = s.activity_id where a.title = '容量测试 取消后补位'`,
    );
    expect(rows[0].signed_up).toBe(2);
  });
});
