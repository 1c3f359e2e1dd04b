/**
 * `wishEvents` subscribers grouped by operation and audience (graphql/wish-event-groups.ts): one execution per
 * group and event must not cost anyone their own view, their session's end or their place in the sequence.
 */
import { describe, expect } from 'vitest';
import { WebSocket } from 'ws';
import { DEMO_PASSWORD, type Harness, LOGIN, subscribe } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';

const EVENTS = `subscription($a: Int) { wishEvents(afterSequence: $a) {
  sequence action toStatus note
  wish { id title description resident { displayName } listedBy { displayName } }
} }`;

/** Small, so that a reader who stops reading is found out after a few events. */
const MAX_BUFFERED = 16 * 1024;
const it = harnessTest.override('harnessOptions', { config: { wsMaxBufferedBytes: MAX_BUFFERED } });

let accounts = 0;

/** A new DISPLAY account of `unitName`, logged in. */
async function display(h: Harness, unitName: string): Promise<string> {
  const admin = await h.login('admin');
  const units = (await h.gql('{ orgUnits { id name } }', {}, admin)).data.orgUnits as { id: string; name: string }[];
  const unit = units.find((u) => u.name.startsWith(unitName));
  const username = `screen.test.${process.pid}.${++accounts}`;
  const created = await h.gql(
    'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }',
    {
      input: {
        displayName: `大屏 ${accounts}`,
        username,
        password: DEMO_PASSWORD,
        roles: [{ role: 'DISPLAY', orgUnitId: unit?.id }],
      },
    },
    admin,
  );
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  return (await h.gql(LOGIN, { u: username, p: DEMO_PASSWORD })).data.login.token as string;
}

type Event = { sequence: number; description?: string | null; [k: string]: unknown };
const events = (items: { wishEvents: Event }[]) => items.map((m) => m.wishEvents);

/** A raw graphql-transport-ws subscriber whose reading can be paused (a phone on a stalled network). */
function rawSubscriber(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const received: Event[] = [];
  let closed: { code: number; reason: string } | null = null;
  const acked = new Promise<void>((resolve, reject) => {
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: 'slow', type: 'subscribe', payload: { query, variables } }));
        resolve();
      } else if (message.type === 'next') received.push(message.payload.data.wishEvents);
    });
    socket.on('close', (code, reason) => {
      closed = { code, reason: String(reason) };
      reject(new Error(`closed ${code}`));
    });
  });
  return {
    socket,
    received,
    acked,
    get closed() {
      return closed;
    },
  };
}

describe('grouped wishEvents subscribers', () => {
  it('share one group per operation and audience, and each receives exactly what its viewer may see', async ({
    h,
    world: w,
  }) => {
    const start = await h.lastSequence();
    const displays = [await w.token('screen.hongshun'), await w.token('screen.hongshun'), await display(h, 'Hongshun')];
    const others = {
      financialScreen: await display(h, 'Financial'),
      secretary: await w.token('hongshun.secretary'),
      financial: await w.token('financial.secretary'),
      resident: await w.token('resident.wenxiangyuan.1'),
      member: await w.token('member.wenxiangyuan.1'),
    };
    const clients = [...displays, ...Object.values(others), others.secretary].map((t) => h.ws(t));
    const subs = clients.map((c) => subscribe(c, EVENTS, { a: start }));
    // Three Hongshun screens (two people): one group; the secretary's two sockets: one group; four more.
    await expect.poll(() => h.app.liveGroups(), { timeout: 15_000 }).toEqual({ groups: 6, subscribers: 9 });

    const member = await w.person('member.wenxiangyuan.1');
    const a = await w.submit('resident.wenxiangyuan.1', { description: '私人信息：3号楼2单元401' });
    await w.ok('hongshun.secretary', 'dispatchWish', { wishId: a.id, assigneeIds: [member] });
    await w.ok('member.wenxiangyuan.1', 'acceptWish', { wishId: a.id });
    const b = await w.submit('resident.financial.1');
    await w.ok('financial.secretary', 'rejectWish', { wishId: b.id, reason: '重复' });
    const c = await w.submit('resident.wenxiangyuan.2');
    await w.ok('hongshun.secretary', 'openWishForClaim', { wishId: c.id });
    const { rows } = await h.db.query('select max(sequence)::int as s from wish_event');
    const last = rows[0].s as number;

    // What each must receive: the screens and the secretary's sockets the five events of their subtree, the
    // Financial Road screen and secretary the two of theirs, the resident the three of their own wish, the member
    // the dispatch to them, their accept and the order opened to their compound.
    const counts = [5, 5, 5, 2, 5, 2, 3, 3, 5];
    for (const [i, sub] of subs.entries()) {
      await sub.until(() => sub.items.length >= (counts[i] as number), 15_000, `subscriber ${i}'s events`);
      expect(sub.errors).toEqual([]);
    }
    // Live and grouped, each got what a subscriber of its own gets replaying the same history (replay reads with
    // the viewer's own SQL visibility and executes for that subscriber alone). Not the member: replay shows the
    // history of the wishes they see now (dispatched to them since), live what they could see at the time.
    const tokens = [...displays, ...Object.values(others), others.secretary];
    for (const [i, sub] of subs.entries()) {
      if (i === 7) continue;
      const replay = subscribe(h.ws(tokens[i] as string), EVENTS, { a: start });
      await replay.until(() => replay.items.length >= (counts[i] as number), 15_000, `subscriber ${i}'s replay`);
      expect(
        events(sub.items).filter((e) => e.sequence <= last),
        `subscriber ${i}`,
      ).toEqual(events(replay.items));
      replay.dispose();
    }
    const [screen, , , financialScreen, secretary, financial, resident, memberSub] = subs.map((s) => events(s.items));
    // Screens: the wishes of their own subtree, masked.
    expect(screen?.map((e) => e.wish)).toContainEqual({
      id: a.id,
      title: expect.any(String),
      description: null,
      resident: null,
      listedBy: null,
    });
    expect(screen?.some((e) => (e.wish as { id: string }).id === b.id)).toBe(false);
    expect(financialScreen?.map((e) => (e.wish as { id: string }).id)).toEqual([b.id, b.id]);
    // The secretary sees the resident's words; the Financial Road secretary sees none of Hongshun's wishes.
    expect(secretary?.find((e) => (e.wish as { id: string }).id === a.id)?.wish).toMatchObject({
      description: '私人信息：3号楼2单元401',
    });
    expect(financial?.map((e) => (e.wish as { id: string }).id)).toEqual([b.id, b.id]);
    // The resident: their own wish only; the member: the order dispatched to them and the one open for claim.
    expect(new Set(resident?.map((e) => (e.wish as { id: string }).id))).toEqual(new Set([a.id]));
    expect(memberSub?.map((e) => e.action)).toEqual(['DISPATCH', 'ACCEPT', 'OPEN_FOR_CLAIM']);

    for (const client of clients) await client.dispose();
    await expect.poll(() => h.app.liveGroups(), { timeout: 15_000 }).toEqual({ groups: 0, subscribers: 0 });
  });

  it('a session that ends closes its own socket (4403) while its group goes on for the others', async ({
    h,
    world: w,
  }) => {
    const start = await h.lastSequence();
    const leaving = await display(h, 'Hongshun');
    const staying = await display(h, 'Hongshun');
    let closedWith: number | null = null;
    const leavingClient = h.ws(leaving, {
      retryAttempts: 0,
      on: { closed: (e) => (closedWith = (e as CloseEvent).code) },
    });
    const gone = subscribe(leavingClient, EVENTS, { a: start });
    const stays = subscribe(h.ws(staying), EVENTS, { a: start });
    await expect.poll(() => h.app.liveGroups(), { timeout: 15_000 }).toEqual({ groups: 1, subscribers: 2 });
    const first = await w.submit('resident.wenxiangyuan.3');
    await gone.until(() => gone.items.length >= 1);
    await stays.until(() => stays.items.length >= 1);

    expect((await h.gql('mutation { logout }', {}, leaving)).data.logout).toBe(true);
    await expect.poll(() => closedWith, { timeout: 15_000 }).toBe(4403);
    await expect.poll(() => h.app.liveGroups(), { timeout: 15_000 }).toEqual({ groups: 1, subscribers: 1 });
    const second = await w.submit('resident.wenxiangyuan.3');
    await stays.until(() => events(stays.items).some((e) => (e.wish as { id: string }).id === second.id));
    expect(events(gone.items).map((e) => (e.wish as { id: string }).id)).toEqual([first.id]);
    stays.dispose();
  });

  it('a reader that stops reading is closed with 1013 without delaying the others, and resumes exactly', async ({
    h,
    world: w,
  }) => {
    const token = await w.token('hongshun.secretary');
    const start = await h.lastSequence();
    // Fifteen aliases of a 4,000-character description: about 180 KB per event, 7 MB in all: more than the
    // kernel's socket buffers hold for a reader that has stopped.
    const heavy = `subscription($a: Int) { wishEvents(afterSequence: $a) { sequence wish {
      ${Array.from({ length: 15 }, (_, i) => `d${i}: description`).join(' ')} } } }`;
    const slow = rawSubscriber(h.url, token, heavy, { a: start });
    await slow.acked;
    const fast = subscribe(h.ws(token), heavy, { a: start });
    await expect.poll(() => h.app.liveGroups(), { timeout: 15_000 }).toEqual({ groups: 1, subscribers: 2 });
    slow.socket.pause(); // reads nothing more: the kernel's buffers fill, then the server's

    for (let i = 0; i < 40; i++) {
      await w.submit(`resident.wenxiangyuan.${(i % 3) + 1}`, { description: '长'.repeat(4_000) });
    }
    const { rows } = await h.db.query('select sequence::int from wish_event where sequence > $1 order by 1', [start]);
    const all = rows.map((r) => r.sequence as number);
    expect(all).toHaveLength(40);
    // The fast reader gets all 40 in order while the slow one holds back.
    await fast.until(() => fast.items.length >= all.length, 10_000, 'the fast reader');
    expect(events(fast.items).map((e) => e.sequence)).toEqual(all);
    await expect.poll(() => h.app.liveGroups(), { timeout: 10_000 }).toEqual({ groups: 1, subscribers: 1 });

    slow.socket.resume();
    await expect.poll(() => slow.closed, { timeout: 10_000 }).toMatchObject({ code: 1013 });
    expect(slow.closed?.reason).toMatch(/afterSequence/);
    const seen = slow.received.map((e) => e.sequence);
    expect(seen).toEqual(all.slice(0, seen.length));
    expect(seen.length).toBeLessThan(all.length);

    // Resuming from the last event it read gives exactly the rest, once each.
    const resumed = subscribe(h.ws(token), heavy, { a: seen.at(-1) ?? start });
    await resumed.until(() => resumed.items.length >= all.length - seen.length, 10_000, 'the rest');
    expect([...seen, ...events(resumed.items).map((e) => e.sequence)]).toEqual(all);
    resumed.dispose();
    fast.dispose();
  });
});
