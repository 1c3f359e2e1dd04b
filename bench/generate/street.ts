/**
 * The whole street at scale, as COPY lines: residents (and the party members among them) across the 66 compounds
 * in proportion to their populations, ten years of wishes through valid lifecycle paths with their events and
 * assignments, activities with check-ins, and the points ledgers. Deterministic for a given seed; ids continue
 * after the demo seed's, and event sequences follow time.
 */
import type { Client } from 'pg';
import { line, must } from './copy.ts';

export interface Table {
  name: string;
  columns: string[];
  lines: string[];
}

export interface StreetOptions {
  residents: number;
  events: number;
  activities: number;
  now: Date;
  seed: number;
}

const DAY = 86_400_000;
const YEARS = 10;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Step = [action: string, from: string | null, to: string];
/** Lifecycle paths (every step is a transition of wish.lifecycle.ts's TRANSITIONS). */
const DISPATCHED: Step[] = [
  ['SUBMIT', null, 'SUBMITTED'],
  ['DISPATCH', 'SUBMITTED', 'DISPATCHED'],
  ['ACCEPT', 'DISPATCHED', 'ACCEPTED'],
  ['RESOLVE', 'ACCEPTED', 'RESOLVED'],
  ['EVALUATE', 'RESOLVED', 'CLOSED'],
];
const CLAIMED: Step[] = [
  ['SUBMIT', null, 'SUBMITTED'],
  ['OPEN_FOR_CLAIM', 'SUBMITTED', 'OPEN_FOR_CLAIM'],
  ['CLAIM', 'OPEN_FOR_CLAIM', 'ACCEPTED'],
  ['RESOLVE', 'ACCEPTED', 'RESOLVED'],
  ['EVALUATE', 'RESOLVED', 'CLOSED'],
];
const REOPENED: Step[] = [
  ...DISPATCHED.slice(0, 4),
  ['REOPEN', 'RESOLVED', 'SUBMITTED'],
  ['DISPATCH', 'SUBMITTED', 'DISPATCHED'],
  ['ACCEPT', 'DISPATCHED', 'ACCEPTED'],
  ['RESOLVE', 'ACCEPTED', 'RESOLVED'],
  ['EVALUATE', 'RESOLVED', 'CLOSED'],
];
const REJECTED: Step[] = [
  ['SUBMIT', null, 'SUBMITTED'],
  ['REJECT', 'SUBMITTED', 'REJECTED'],
];
const CANCELLED: Step[] = [
  ['SUBMIT', null, 'SUBMITTED'],
  ['CANCEL', 'SUBMITTED', 'CANCELLED'],
];
const MEAN_EVENTS = 0.6 * 5 + 0.25 * 5 + 0.07 * 10 + 0.04 * 2 + 0.04 * 2;

interface Facts {
  streetId: number;
  staffId: number;
  compounds: { id: number; communityId: number; population: number }[];
  categories: { id: number; level: string; dueDays: number }[];
  next: Record<string, number>;
}

async function facts(client: Client): Promise<Facts> {
  const q = async <T>(sql: string) => (await client.query(sql)).rows as T[];
  const [street] = await q<{ id: number }>(`select id from org_unit where kind = 'STREET'`);
  const [staff] = await q<{ person_id: number }>(
    `select person_id from person_role where role = 'STREET_ADMIN' order by id limit 1`,
  );
  const compounds = await q<{ id: number; parent_id: number; population: number | null }>(
    `select id, parent_id, population from org_unit where kind = 'COMPOUND' order by id`,
  );
  const categories = await q<{ id: number; default_level: string; due_in_days: number }>(
    'select id, default_level, due_in_days from wish_category order by id',
  );
  const next: Record<string, number> = {};
  for (const [table, col] of [
    ['person', 'id'],
    ['person_role', 'id'],
    ['wish', 'id'],
    ['wish_event', 'sequence'],
    ['assignment', 'id'],
    ['activity', 'id'],
    ['activity_check_in', 'id'],
    ['point_entry', 'id'],
  ] as const) {
    const [r] = await q<{ m: string | null }>(`select max(${col}) as m from ${table}`);
    next[table] = Number(r?.m ?? 0) + 1;
  }
  if (!street || !staff) throw new Error('generate: seed the demo first');
  return {
    streetId: street.id,
    staffId: staff.person_id,
    compounds: compounds.map((c) => ({ id: c.id, communityId: c.parent_id, population: c.population ?? 0 })),
    categories: categories.map((c) => ({ id: c.id, level: c.default_level, dueDays: c.due_in_days })),
    next,
  };
}

/** Splits `total` over weights, largest remainders first, so the parts sum to `total` exactly. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; k < total - parts.reduce((s, p) => s + p, 0); k++) {
    const i = must(order[k])[1];
    parts[i] = must(parts[i]) + 1;
  }
  return parts;
}

export async function generateStreet(client: Client, opts: StreetOptions): Promise<Table[]> {
  const f = await facts(client);
  const rand = rng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => must(xs[Math.floor(rand() * xs.length)]);
  const now = opts.now.getTime();
  const start = now - YEARS * 365 * DAY;
  const tables = {
    person: { name: 'person', columns: ['id', 'display_name', 'created_at', 'active'], lines: [] as string[] },
    person_role: {
      name: 'person_role',
      columns: ['id', 'person_id', 'role', 'org_unit_id', 'created_at'],
      lines: [] as string[],
    },
    wish: {
      name: 'wish',
      columns: [
        'id',
        'title',
        'description',
        'category_id',
        'compound_id',
        'handling_unit_id',
        'status',
        'channel',
        'resident_id',
        'listed_by_id',
        'rating',
        'reopen_count',
        'due_at',
        'version',
        'created_at',
        'updated_at',
      ],
      lines: [] as string[],
    },
    wish_event: {
      name: 'wish_event',
      columns: ['sequence', 'wish_id', 'action', 'from_status', 'to_status', 'actor_id', 'at', 'data'],
      lines: [] as string[],
    },
    assignment: {
      name: 'assignment',
      columns: ['id', 'wish_id', 'person_id', 'kind', 'active', 'assigned_at', 'assigned_by_id', 'released_at'],
      lines: [] as string[],
    },
    activity: {
      name: 'activity',
      columns: [
        'id',
        'organizer_id',
        'title',
        'place',
        'starts_at',
        'ends_at',
        'capacity',
        'points_per_participant',
        'status',
        'created_by_id',
        'created_at',
        'updated_at',
      ],
      lines: [] as string[],
    },
    activity_check_in: {
      name: 'activity_check_in',
      columns: ['id', 'activity_id', 'person_id', 'hours', 'recorded_by_id', 'at'],
      lines: [] as string[],
    },
    point_entry: {
      name: 'point_entry',
      columns: [
        'id',
        'person_id',
        'year',
        'kind',
        'amount',
        'reason',
        'source_type',
        'source_key',
        'recorded_by_id',
        'at',
      ],
      lines: [] as string[],
    },
  };
  const setup = new Date(start - 30 * DAY);

  // Residents, in proportion to the compounds' populations; every 25th is also a party member of the compound.
  const perCompound = apportion(
    opts.residents,
    f.compounds.map((c) => c.population),
  );
  const residentsOf = new Map<number, number[]>();
  const membersOf = new Map<number, number[]>();
  let personId = must(f.next.person);
  let roleId = must(f.next.person_role);
  f.compounds.forEach((c, i) => {
    const residents: number[] = [];
    const members: number[] = [];
    for (let k = 0; k < must(perCompound[i]); k++) {
      const id = personId++;
      residents.push(id);
      tables.person.lines.push(line([id, `居民${id}`, setup, true]));
      tables.person_role.lines.push(line([roleId++, id, 'RESIDENT', c.id, setup]));
      if (k % 25 === 0) {
        members.push(id);
        tables.person_role.lines.push(line([roleId++, id, 'PARTY_MEMBER', c.id, setup]));
      }
    }
    residentsOf.set(c.id, residents);
    membersOf.set(c.id, members.length > 0 ? members : residents);
  });
  const weighted = f.compounds.filter((_, i) => must(perCompound[i]) > 0);
  const weights = weighted.map((c) => must(residentsOf.get(c.id)).length);
  const cumulative: number[] = [];
  weights.reduce((s, w, i) => (cumulative[i] = s + w), 0);
  const totalWeight = cumulative[cumulative.length - 1] ?? 0;
  const pickCompound = () => {
    const x = rand() * totalWeight;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (must(cumulative[mid]) > x) hi = mid;
      else lo = mid + 1;
    }
    return must(weighted[lo]);
  };

  // Wishes: creation times spread over ten years (growing towards now), in id order; events sorted by time.
  const wishCount = Math.round(opts.events / MEAN_EVENTS);
  const times = Array.from({ length: wishCount }, () => start + Math.sqrt(rand()) * (now - start - DAY));
  times.sort((a, b) => a - b);
  const eventRows: { at: number; wishId: number; step: Step; actor: number | null; rating: number | null }[] = [];
  let wishId = must(f.next.wish);
  let assignmentId = must(f.next.assignment);
  const ledgerWish: { person: number; at: number; wish: number }[] = [];
  for (const created of times) {
    const id = wishId++;
    const compound = pickCompound();
    const category = pick(f.categories);
    const handling =
      category.level === 'STREET' ? f.streetId : category.level === 'COMMUNITY' ? compound.communityId : compound.id;
    const resident = pick(must(residentsOf.get(compound.id)));
    const assignee = pick(must(membersOf.get(compound.id)));
    const r = rand();
    let path = r < 0.6 ? DISPATCHED : r < 0.85 ? CLAIMED : r < 0.92 ? REOPENED : r < 0.96 ? REJECTED : CANCELLED;
    // Recent wishes are still under way: cut the path short by their age.
    const ageDays = (now - created) / DAY;
    if (ageDays < 30) path = path.slice(0, Math.max(1, Math.min(path.length, Math.ceil(ageDays / 6))));
    let at = created;
    let rating: number | null = null;
    let assigned = false;
    for (const step of path) {
      const [action] = step;
      const actor =
        action === 'SUBMIT' || action === 'EVALUATE' || action === 'REOPEN' || action === 'CANCEL'
          ? resident
          : action === 'ACCEPT' || action === 'CLAIM' || action === 'RESOLVE'
            ? assignee
            : f.staffId;
      const stepRating = action === 'EVALUATE' ? 3 + Math.floor(rand() * 3) : action === 'REOPEN' ? 1 : null;
      if (action === 'EVALUATE') rating = stepRating;
      eventRows.push({ at, wishId: id, step, actor, rating: stepRating });
      if (!assigned && (action === 'DISPATCH' || action === 'CLAIM')) {
        assigned = true;
        tables.assignment.lines.push(
          line([
            assignmentId++,
            id,
            assignee,
            'ASSIGNEE',
            true,
            new Date(at),
            action === 'CLAIM' ? null : f.staffId,
            null,
          ]),
        );
      }
      if (action === 'RESOLVE') ledgerWish.push({ person: assignee, at, wish: id });
      at = Math.min(now - 60_000, at + (0.2 + rand() * 3) * DAY);
    }
    const last = must(path[path.length - 1]);
    const status = last[2];
    const updated = must(eventRows[eventRows.length - 1]).at;
    tables.wish.lines.push(
      line([
        id,
        `心愿 ${id}`,
        `第 ${id} 个心愿的说明`,
        category.id,
        compound.id,
        handling,
        status,
        pick(['APP', 'GRID_VISIT', 'HOTLINE', 'WALK_IN']),
        resident,
        resident,
        rating,
        path.filter((s) => s[0] === 'REOPEN').length,
        new Date(created + category.dueDays * DAY),
        path.length,
        new Date(created),
        new Date(updated),
      ]),
    );
  }
  eventRows.sort((a, b) => a.at - b.at);
  let sequence = must(f.next.wish_event);
  for (const e of eventRows) {
    tables.wish_event.lines.push(
      line([
        sequence++,
        e.wishId,
        e.step[0],
        e.step[1],
        e.step[2],
        e.actor,
        new Date(e.at),
        e.rating === null ? null : JSON.stringify({ rating: e.rating }),
      ]),
    );
  }

  // Activities of the communities over ten years, with check-ins (mostly party members) and their points.
  const communities = [...new Set(f.compounds.map((c) => c.communityId))];
  let activityId = must(f.next.activity);
  let checkInId = must(f.next.activity_check_in);
  let entryId = must(f.next.point_entry);
  const allMembers = [...membersOf.values()].flat();
  for (let k = 0; k < opts.activities; k++) {
    const id = activityId++;
    const startsAt = start + rand() * (now - start);
    const finished = startsAt < now - DAY;
    const points = 2 + Math.floor(rand() * 4);
    tables.activity.lines.push(
      line([
        id,
        pick(communities),
        `活动 ${id}`,
        '社区广场',
        new Date(startsAt),
        new Date(startsAt + 2 * 3_600_000),
        40,
        points,
        finished ? 'FINISHED' : 'PLANNED',
        f.staffId,
        new Date(startsAt - 7 * DAY),
        new Date(startsAt),
      ]),
    );
    if (!finished) continue;
    const attendees = new Set<number>();
    const n = 10 + Math.floor(rand() * 20);
    while (attendees.size < n) attendees.add(pick(allMembers));
    for (const person of attendees) {
      const at = new Date(startsAt + 3_600_000);
      tables.activity_check_in.lines.push(line([checkInId++, id, person, 2, f.staffId, at]));
      tables.point_entry.lines.push(
        line([
          entryId++,
          person,
          at.getUTCFullYear(),
          'POSITIVE',
          points,
          `活动 ${id}`,
          'ACTIVITY',
          `activity:${id}`,
          f.staffId,
          at,
        ]),
      );
    }
  }
  // Yearly basic points for every party member, and points for wishes they resolved.
  const firstYear = new Date(start).getUTCFullYear();
  const lastYear = opts.now.getUTCFullYear();
  for (const person of allMembers) {
    for (let year = firstYear; year <= lastYear; year++) {
      tables.point_entry.lines.push(
        line([
          entryId++,
          person,
          year,
          'BASIC',
          60,
          `${year} 年基本分`,
          'YEAR',
          `year:${year}`,
          f.staffId,
          new Date(Date.UTC(year, 0, 1)),
        ]),
      );
    }
  }
  for (const w of ledgerWish) {
    const at = new Date(w.at);
    tables.point_entry.lines.push(
      line([
        entryId++,
        w.person,
        at.getUTCFullYear(),
        'POSITIVE',
        3,
        `心愿 ${w.wish}`,
        'WISH',
        `wish:${w.wish}`,
        null,
        at,
      ]),
    );
  }
  return Object.values(tables);
}

/** After loading with explicit ids: the serials continue after them. */
export const SERIALS: readonly [string, string][] = [
  ['person', 'id'],
  ['person_role', 'id'],
  ['wish', 'id'],
  ['wish_event', 'sequence'],
  ['assignment', 'id'],
  ['activity', 'id'],
  ['activity_check_in', 'id'],
  ['point_entry', 'id'],
];
