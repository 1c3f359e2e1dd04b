/** A subscriber that drops, misses transitions and reconnects with its last sequence loses nothing. */
import { describe, expect } from 'vitest';
import { subscribe } from '../support/harness.ts';
import { harnessTest as it } from '../support/harness-test.ts';

const EVENTS = `subscription($orgUnitId: ID, $afterSequence: Int) {
  wishEvents(orgUnitId: $orgUnitId, afterSequence: $afterSequence) { sequence action wish { id } }
}`;

describe('replay after a reconnect', () => {
  it('receives exactly the 10 missed transitions in order, then live events, with no duplicate at the seam', async ({
    h,
    world: w,
  }) => {
    const token = await w.token('hongshun.secretary');
    const unit = w.unit('Wenxiangyuan');
    const first = h.ws(token);
    const live = subscribe(first, EVENTS, { orgUnitId: unit, afterSequence: await h.lastSequence() });
    const a = await w.submit('resident.wenxiangyuan.1');
    const [seen] = await live.next(1);
    const lastSeen = seen.wishEvents.sequence as number;
    await first.dispose(); // the connection drops

    const missed: number[] = [];
    const member = await w.person('member.wenxiangyuan.1');
    const steps: [string, string, Record<string, unknown>][] = [
      ['hongshun.secretary', 'dispatchWish', { wishId: a.id, assigneeIds: [member] }],
      ['member.wenxiangyuan.1', 'acceptWish', { wishId: a.id }],
      ['member.wenxiangyuan.1', 'resolveWish', { wishId: a.id, note: 'ok' }],
      ['resident.wenxiangyuan.1', 'evaluateWish', { wishId: a.id, rating: 5 }],
    ];
    for (const [who, op, input] of steps) await w.ok(who, op, input);
    for (let i = 0; i < 3; i++) {
      const b = await w.submit('resident.wenxiangyuan.2');
      await w.ok('hongshun.secretary', 'rejectWish', { wishId: b.id, reason: '重复' });
    }
    const { rows } = await h.db.query(
      `select e.sequence::int from wish_event e join wish w on w.id = e.wish_id where e.sequence > $1 order by 1`,
      [lastSeen],
    );
    missed.push(...rows.map((r) => r.sequence));
    expect(missed).toHaveLength(10);

    const second = h.ws(token);
    const resumed = subscribe(second, EVENTS, { orgUnitId: unit, afterSequence: lastSeen });
    const replayed = await resumed.next(10);
    expect(replayed.map((m: any) => m.wishEvents.sequence)).toEqual(missed);
    const c = await w.submit('resident.wenxiangyuan.3');
    await resumed.until(() => resumed.items.length >= 11, 5000, 'the live event after the replay');
    expect(resumed.items[10].wishEvents).toMatchObject({ action: 'SUBMIT', wish: { id: c.id } });
    expect(resumed.items[10].wishEvents.sequence).toBeGreaterThan(missed.at(-1)!);
    expect(new Set(resumed.items.map((m: any) => m.wishEvents.sequence)).size).toBe(resumed.items.length);
    await second.dispose();
  });

  it('events committed while a subscriber is catching up arrive once, in order', async ({ h, world: w }) => {
    const token = await w.token('admin');
    const start = await h.lastSequence();
    const client = h.ws(token);
    const sub = subscribe(client, EVENTS, { afterSequence: start });
    // transitions race with the replay query
    const wishes = await Promise.all([1, 2, 3, 4, 5].map(() => w.submit('resident.wenxiangyuan.1')));
    await Promise.all(wishes.map((x) => w.ok('hongshun.secretary', 'rejectWish', { wishId: x.id, reason: 'dup' })));
    await sub.until(() => sub.items.length >= 10, 5000, 'ten events');
    const seqs = sub.items.map((m: any) => m.wishEvents.sequence);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
    const { rows } = await h.db.query('select sequence::int from wish_event where sequence > $1 order by 1', [start]);
    expect(seqs).toEqual(rows.map((r) => r.sequence));
    await client.dispose();
  });

  it('gives a client that claims a sequence beyond the stored ones only the events after it', async ({
    h,
    world: w,
  }) => {
    const start = await h.lastSequence();
    const client = h.ws(await w.token('admin'));
    const sub = subscribe(client, EVENTS, { afterSequence: start + 3 });
    for (let i = 0; i < 3; i++) await w.submit('resident.wenxiangyuan.1');
    // the subscription may start after some of them: submit until one lands past start + 3
    const later = await w.submit('resident.wenxiangyuan.1');
    await sub.until(() => sub.items.some((m: any) => m.wishEvents.wish.id === later.id), 5000, 'the event after it');
    expect(sub.items.every((m: any) => m.wishEvents.sequence > start + 3)).toBe(true);
    await client.dispose();
  });
});
