/** Two people can never both win one order: the database decides, over real concurrent HTTP requests. */
import { describe, expect } from 'vitest';
import { decodeId } from '../../server/src/graphql/ids.ts';
import { harnessTest as it } from '../support/harness-test.ts';

const CLAIMERS = [...[1, 2, 3, 4, 5].map((i) => `member.wenxiangyuan.${i}`), 'volunteer.wenxiangyuan.1'];

describe('claim race', () => {
  // Everyone is logged in before the race starts.
  it.beforeAll(async ({ world: w }) => {
    for (const name of CLAIMERS) await w.token(name);
  });

  it('30 concurrent claims on one open wish: exactly 1 success, 29 CONFLICT, one CLAIM event — 20 rounds', async ({
    h,
    world: w,
  }) => {
    for (let round = 0; round < 20; round++) {
      const wish = await w.submit('resident.wenxiangyuan.1', { title: `认领竞争 ${round}` });
      await w.ok('wenxiangyuan.secretary', 'openWishForClaim', { wishId: wish.id });
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => w.act(CLAIMERS[i % CLAIMERS.length]!, 'claimWish', { wishId: wish.id })),
      );
      const winners = results.filter((r) => !r.errors);
      const codes = results.filter((r) => r.errors).map((r) => r.errors![0]!.extensions?.code);
      expect(winners, `round ${round}`).toHaveLength(1);
      expect(codes, `round ${round}`).toEqual(Array(29).fill('CONFLICT'));
      const { rows } = await h.db.query(
        `select (select count(*) from wish_event where wish_id = $1 and action = 'CLAIM')::int as claims,
                (select count(*) from assignment where wish_id = $1 and active)::int as assignees, status
           from wish where id = $1`,
        [decodeId('Wish', wish.id)],
      );
      expect(rows[0], `round ${round}`).toEqual({ claims: 1, assignees: 1, status: 'ACCEPTED' });
    }
  });

  it('the winner asking again also gets CONFLICT', async ({ world: w }) => {
    const wish = await w.submit('resident.wenxiangyuan.2');
    await w.ok('wenxiangyuan.secretary', 'openWishForClaim', { wishId: wish.id });
    await w.ok('member.wenxiangyuan.1', 'claimWish', { wishId: wish.id });
    const again = await w.act('member.wenxiangyuan.1', 'claimWish', { wishId: wish.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
