/** Names → ids of the seeded demo world, and the wish operations as small typed helpers. */
import { expect } from 'vitest';
import type { GqlResult, Harness } from './harness.ts';

export const WISH_FIELDS = `id title status rating reopenCount description
  compound { id name } handlingUnit { id name kind } assignees { id displayName }`;

export interface World {
  unit(name: string): string;
  person(username: string): Promise<string>;
  token(username: string): Promise<string>;
  submit(username: string, input?: Record<string, unknown>): Promise<any>;
  act(username: string, mutation: string, input: Record<string, unknown>): Promise<GqlResult<any>>;
  /** Runs a mutation that must succeed and returns the wish. */
  ok(username: string, mutation: string, input: Record<string, unknown>): Promise<any>;
}

export async function loadWorld(h: Harness): Promise<World> {
  const admin = await h.login('admin');
  const units = await h.gql('{ orgUnits { id name kind } }', {}, admin);
  const byName = new Map<string, string>();
  for (const u of units.data.orgUnits) byName.set(u.name, u.id);
  const people = new Map<string, string>();
  const world: World = {
    unit(name) {
      const exact = byName.get(name);
      if (exact) return exact;
      const match = [...byName.entries()].find(([n]) => n.startsWith(name));
      if (!match) throw new Error(`no org unit named ${name}`);
      return match[1];
    },
    async person(username) {
      const known = people.get(username);
      if (known) return known;
      const me = await h.gql('{ me { id } }', {}, await h.login(username));
      people.set(username, me.data.me.id);
      return me.data.me.id;
    },
    token: (username) => h.login(username),
    async submit(username, input = {}) {
      const res = await world.act(username, 'submitWish', {
        title: '单元门口的台阶破损',
        description: '二单元门口台阶松动，老人出入不便',
        categoryCode: 'repairs',
        ...input,
      });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data.submitWish.wish;
    },
    async act(username, mutation, input) {
      const type = `${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input`;
      return h.gql(
        `mutation($input: ${type}!) { ${mutation}(input: $input) { wish { ${WISH_FIELDS} } } }`,
        { input },
        await h.login(username),
      );
    },
    async ok(username, mutation, input) {
      const res = await world.act(username, mutation, input);
      expect(res.errors, `${username} ${mutation}: ${JSON.stringify(res.errors)}`).toBeUndefined();
      return res.data[mutation].wish;
    },
  };
  return world;
}

/** A digest of everything the wish loop writes: equal before and after means nothing changed. */
export async function wishTablesDigest(h: Harness): Promise<string> {
  const { rows } = await h.db.query(`
    select md5(string_agg(t, '|' order by t)) as d from (
      select 'w' || row_to_json(w)::text as t from wish w
      union all select 'e' || row_to_json(e)::text from wish_event e
      union all select 'a' || row_to_json(a)::text from assignment a
      union all select 'm' || row_to_json(m)::text from meeting m
    ) x`);
  return rows[0].d as string;
}
