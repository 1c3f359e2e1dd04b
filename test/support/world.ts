/** Names → ids of the seeded demo world, and what the demo accounts do through the API, as small helpers. */
import { expect } from 'vitest';
import type { GqlResult, Harness } from './harness.ts';

export const WISH_FIELDS = `id title status rating reopenCount description
  compound { id name } handlingUnit { id name kind } assignees { id displayName }`;

/** `mutation($input: <Name>Input!) { <name>(input: $input) { <selection> } }`: the shape of every mutation. */
const mutationDocument = (name: string, selection: string) =>
  `mutation($input: ${name[0]?.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${selection} } }`;

/** A step of a wish's way: who runs which wish mutation, with what besides the wish's id. */
export type WishStep = [username: string, mutation: string, extra?: Record<string, unknown>];

export interface World {
  unit(name: string): string;
  person(username: string): Promise<string>;
  token(username: string): Promise<string>;
  /** Runs a query or mutation as the demo account `username`. */
  as(username: string, query: string, variables?: Record<string, unknown>): Promise<GqlResult<any>>;
  /** Runs the mutation `name` with `input` as `username`, selecting `selection` from its payload. */
  mutate(username: string, name: string, input: Record<string, unknown>, selection: string): Promise<GqlResult<any>>;
  /** `mutate` with `selection` fixed: `(username, name, input)` for the mutations of one type. */
  mutator(
    selection: string,
  ): (username: string, name: string, input: Record<string, unknown>) => Promise<GqlResult<any>>;
  submit(username: string, input?: Record<string, unknown>): Promise<any>;
  act(username: string, mutation: string, input: Record<string, unknown>): Promise<GqlResult<any>>;
  /** Runs a mutation that must succeed and returns the wish. */
  ok(username: string, mutation: string, input: Record<string, unknown>): Promise<any>;
  /** Runs each step on the wish (each must succeed) and returns the wish as the last step left it. */
  walk(wishId: string, steps: WishStep[]): Promise<any>;
  /** `dispatcher` dispatches the wish to the party member `member`, who accepts it. */
  dispatchAccepted(dispatcher: string, wishId: string, member: string): Promise<any>;
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
    as: async (username, query, variables = {}) => h.gql(query, variables, await h.login(username)),
    mutate: (username, name, input, selection) => world.as(username, mutationDocument(name, selection), { input }),
    mutator: (selection) => (username, name, input) => world.mutate(username, name, input, selection),
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
    act: (username, mutation, input) => world.mutate(username, mutation, input, `wish { ${WISH_FIELDS} }`),
    async ok(username, mutation, input) {
      const res = await world.act(username, mutation, input);
      expect(res.errors, `${username} ${mutation}: ${JSON.stringify(res.errors)}`).toBeUndefined();
      return res.data[mutation].wish;
    },
    async walk(wishId, steps) {
      let wish: any;
      for (const [who, mutation, extra] of steps) wish = await world.ok(who, mutation, { wishId, ...extra });
      return wish;
    },
    async dispatchAccepted(dispatcher, wishId, member) {
      await world.ok(dispatcher, 'dispatchWish', { wishId, assigneeIds: [await world.person(member)] });
      return world.ok(member, 'acceptWish', { wishId });
    },
  };
  return world;
}
