/**
 * The contract's `Wishes` query is lean: a page costs at most 3 SQL statements whatever its size (the session
 * lookup included), and answers exactly what the per-wish paths (`Wish`, `wishList`) answer for the same wishes.
 */
import { describe, expect } from 'vitest';
import { contractDocument } from '../support/contract.ts';
import type { Harness } from '../support/harness.ts';
import { harnessTest as it } from '../support/harness-test.ts';

const WISHES = contractDocument('wishes');
const CARD = ['id', 'title', 'status', 'category', 'compound', 'handlingUnit', 'createdAt', 'updatedAt'];

/** Counts every statement the server sends through its ORM connection while `act` runs. */
async function statementsOf<T>(h: Harness, act: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const connection = h.app.orm.em.getConnection();
  const execute = connection.execute.bind(connection);
  const statements: string[] = [];
  connection.execute = ((...args: Parameters<typeof execute>) => {
    statements.push(String(args[0]).slice(0, 80));
    return execute(...args);
  }) as typeof connection.execute;
  try {
    return { result: await act(), statements };
  } finally {
    connection.execute = execute;
  }
}

describe('the Wishes list', () => {
  for (const first of [10, 100]) {
    it(`costs at most 3 statements for a page of ${first}, the session lookup included`, async ({ h, world: w }) => {
      const token = await w.token('admin');
      const { result, statements } = await statementsOf(h, () => h.operation(WISHES, 'Wishes', { first }, token));
      expect(result.errors).toBeUndefined();
      expect(result.data.wishes.edges).toHaveLength(first);
      // The session lookup is one of them: the counter sees the whole request.
      expect(statements.length).toBeGreaterThanOrEqual(2);
      expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(3);
      // The next page too (a cursor), and a filtered one (a subtree: its path is one more statement).
      const after = result.data.wishes.pageInfo.endCursor;
      const next = await statementsOf(h, () => h.operation(WISHES, 'Wishes', { first, after }, token));
      expect(next.result.errors).toBeUndefined();
      expect(next.statements.length).toBeLessThanOrEqual(3);
      const filtered = await statementsOf(h, () =>
        h.operation(WISHES, 'Wishes', { first, filter: { orgUnitId: w.unit('Hongshun Road Community') } }, token),
      );
      expect(filtered.result.errors).toBeUndefined();
      expect(filtered.statements.length).toBeLessThanOrEqual(3);
    });
  }

  it('answers what the per-wish paths answer: same cards, same total, same order', async ({ h, world: w }) => {
    for (const username of ['admin', 'hongshun.secretary', 'screen.hongshun']) {
      const token = await w.token(username);
      const big = await h.operation(WISHES, 'Wishes', { first: 100 }, token);
      expect(big.errors).toBeUndefined();
      const conn = big.data.wishes;
      const staff = await h.gql('{ wishList(limit: 0) { totalCount } }', {}, token);
      expect(conn.totalCount).toBe(staff.data.wishList.totalCount);
      expect(conn.totalCount).toBeGreaterThan(0);
      // Pages of 10 walked by cursor give the same cards as one page of 100.
      const walked: any[] = [];
      let after: string | null = null;
      while (walked.length < Math.min(conn.totalCount, 30)) {
        const page: any = await h.operation(WISHES, 'Wishes', { first: 10, after }, token);
        expect(page.data.wishes.totalCount).toBe(conn.totalCount);
        walked.push(...page.data.wishes.edges);
        after = page.data.wishes.pageInfo.endCursor;
        if (!page.data.wishes.pageInfo.hasNextPage) break;
      }
      expect(walked).toEqual(conn.edges.slice(0, walked.length));
      expect(conn.pageInfo.hasNextPage).toBe(conn.totalCount > 100);
      // Each card equals the single-wish query's (findVisibleWish and the loaders).
      for (const edge of conn.edges.slice(0, 12)) {
        const one = await h.operation(contractDocument('wishes'), 'Wish', { id: edge.node.id }, token);
        const card = Object.fromEntries(CARD.map((k) => [k, one.data.wish[k]]));
        expect(edge.node).toEqual(card);
      }
    }
  });

  it('answers an empty page with the total, and past the end with none', async ({ h, world: w }) => {
    const token = await w.token('admin');
    const none = await h.operation(WISHES, 'Wishes', { first: 0 }, token);
    expect(none.data.wishes.edges).toEqual([]);
    expect(none.data.wishes.totalCount).toBeGreaterThan(0);
    expect(none.data.wishes.pageInfo.hasNextPage).toBe(true);
    const nothing = await h.operation(WISHES, 'Wishes', { first: 5, filter: { categoryCode: 'no-such-code' } }, token);
    expect(nothing.data.wishes).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
  });
});
