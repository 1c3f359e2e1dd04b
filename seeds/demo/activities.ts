/**
 * The volunteer side of the demo seed: the three service brands, the twelve monthly themes of the year of
 * `now`, and about 300 activities across that year, organised by communities, compounds and the social
 * organisation incubation base — past ones with sign-ups, no-shows, walk-ins and check-ins, future ones
 * with sign-ups so far. Runs inside the demo seed's transaction, after the people exist, and reads them
 * from the database; a pure function of (seed, now, the seeded people). Everything is bulk-inserted.
 *
 * The article's "participating party members and residents exceeded 30,000" counts participations over
 * several years; this seed holds one year of a few hundred people, so its figures are far smaller.
 * `activityParticipation` reports attendances and unique participants separately for that reason.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { localYearMonth, STREET_UTC_OFFSET_MS } from '../../server/src/domain/kernel/street-time.ts';
import { BRANDS, type BrandCode, DESCRIPTIONS, POINTS, THEMES, TITLES } from './activity-texts.ts';
import { bulkInsert, resetSerials } from './insert.ts';
import { Rng } from './rng.ts';
import { DAY, HOUR, iso, MINUTE } from './time.ts';

export interface ActivitiesSeedOptions {
  now: Date;
  seed: number;
}

export interface ActivitiesSeedSummary {
  brands: number;
  themes: number;
  activities: number;
  signUps: number;
  cancelledSignUps: number;
  checkIns: number;
  walkIns: number;
  changeEvents: number;
}

const ACTIVITY_COUNT = 300;
/** Activities that ended longer ago than this were marked finished by their organisers. */
const FINISHED_AFTER = 2 * DAY;

interface Unit {
  id: number;
  kind: string;
  name: string;
  nameZh: string;
  path: string;
}

interface Organizer {
  unit: Unit;
  /** Who may take part: members, volunteers and residents of its subtree (of the street for the base). */
  pool: number[];
  /** Creates its activities and records check-ins. */
  staff: number;
  place: string;
  capacity: readonly [number, number];
}

interface ChangeRow {
  entity_type: string;
  entity_id: number;
  action: string;
  actor_id: number | null;
  at: string;
  data: Record<string, unknown> | null;
}

export async function seedActivities(
  em: EntityManager,
  options: ActivitiesSeedOptions,
): Promise<ActivitiesSeedSummary> {
  const now = options.now.getTime();
  const rng = new Rng((options.seed ^ 0x5eed_ac71) >>> 0);
  const { year } = localYearMonth(options.now);
  /** An instant given in street time. */
  const local = (month: number, day: number, hour = 0, minute = 0) =>
    Date.UTC(year, month - 1, day, hour, minute) - STREET_UTC_OFFSET_MS;

  // ---- What the rest of the seed made: units, people, staff ----
  const units = await em.execute<Unit[]>(
    `select id, kind, name, name_zh as "nameZh", path from org_unit
      where kind in ('STREET', 'COMMUNITY', 'COMPOUND', 'PARTNER') order by id`,
  );
  const street = units.find((u) => u.kind === 'STREET');
  if (!street) throw new Error('activities seed: no street unit; seed the organisation first');
  const participants = await em.execute<{ person_id: number; path: string }[]>(
    `select distinct r.person_id, u.path from person_role r join org_unit u on u.id = r.org_unit_id
       join person p on p.id = r.person_id
      where p.active and r.role in ('PARTY_MEMBER', 'VOLUNTEER', 'RESIDENT') and u.kind in ('COMPOUND', 'COMMUNITY', 'GRID')
      order by r.person_id, u.path`,
  );
  const secretaries = await em.execute<{ person_id: number; org_unit_id: number }[]>(
    `select person_id, org_unit_id from person_role where role = 'BRANCH_SECRETARY' order by id`,
  );
  const [admin] = await em.execute<{ id: number }[]>(
    `select p.id from person p join person_role r on r.person_id = p.id
      where r.role = 'STREET_ADMIN' order by (p.username = 'admin') desc nulls last, p.id limit 1`,
  );
  if (!admin) throw new Error('activities seed: no STREET_ADMIN to run the street-level activities');
  const secretaryOf = new Map(secretaries.map((s) => [s.org_unit_id, s.person_id]));
  const poolUnder = (path: string) => [
    ...new Set(participants.filter((p) => p.path.startsWith(path)).map((p) => p.person_id)),
  ];

  const organizer = (unit: Unit): Organizer => {
    const base = unit.kind === 'PARTNER';
    return {
      unit,
      pool: poolUnder(base ? street.path : unit.path),
      staff: (base ? undefined : secretaryOf.get(unit.id)) ?? admin.id,
      place:
        unit.kind === 'COMPOUND'
          ? `${unit.nameZh}${rng.pick(['小区广场', '党群服务站', '小区活动室'])}`
          : base
            ? `${unit.nameZh}活动室`
            : `${unit.nameZh}党群服务中心`,
      capacity: unit.kind === 'COMPOUND' ? [8, 20] : base ? [30, 60] : [20, 40],
    };
  };
  const communities = units.filter((u) => u.kind === 'COMMUNITY').map(organizer);
  const compounds = units
    .filter((u) => u.kind === 'COMPOUND')
    .map(organizer)
    .filter((o) => o.pool.length >= 4);
  const incubator = units.find((u) => u.kind === 'PARTNER' && /incubation/i.test(u.name));
  const base = incubator ? organizer(incubator) : null;
  const byName = (name: string) => [...communities, ...compounds].find((o) => o.unit.name === name);
  // Demo accounts live here: give them activities to look at every month.
  const featured = [byName('Wenxiangyuan'), byName('Hongshun Road Community')].filter(
    (o): o is Organizer => o !== undefined,
  );

  const changes: ChangeRow[] = [];
  const change = (row: Omit<ChangeRow, 'at'> & { at: number }) => changes.push({ ...row, at: iso(row.at) });
  const activityChange = (id: number, action: string, actorId: number, at: number, data: Record<string, unknown>) =>
    change({ entity_type: 'Activity', entity_id: id, action, actor_id: actorId, at, data });

  // ---- Brands and themes, set up in the autumn before the year ----
  const setupAt = local(1, 1) - 45 * DAY;
  const brandRows = BRANDS.map((b, i) => ({
    id: i + 1,
    code: b.code,
    name_zh: b.nameZh,
    name_en: b.nameEn,
    description: b.description,
    active: true,
    created_at: iso(setupAt),
    updated_at: iso(setupAt),
  }));
  for (const b of brandRows) {
    change({
      entity_type: 'ServiceBrand',
      entity_id: b.id,
      action: 'CREATE',
      actor_id: admin.id,
      at: setupAt,
      data: { code: b.code, nameZh: b.name_zh, nameEn: b.name_en },
    });
  }
  const brandId = (code: BrandCode) => (brandRows.find((b) => b.code === code) as { id: number }).id;
  const themeRows = THEMES.map((t, i) => {
    const createdAt = setupAt + (i + 1) * HOUR;
    return {
      id: i + 1,
      street_id: street.id,
      year,
      month: i + 1,
      title: t.title,
      brand_id: brandId(t.brand),
      description: `${year}年${i + 1}月主题：${t.title}`,
      goals: t.goals,
      created_at: iso(createdAt),
      updated_at: iso(createdAt),
      version: 1,
    };
  });
  for (const t of themeRows) {
    change({
      entity_type: 'MonthlyTheme',
      entity_id: t.id,
      action: 'CREATE',
      actor_id: admin.id,
      at: Date.parse(t.created_at),
      data: { year: t.year, month: t.month, title: t.title, brandId: t.brand_id },
    });
  }

  // ---- Activities, their sign-ups and check-ins ----
  const activityRows: Record<string, unknown>[] = [];
  const signUpRows: Record<string, unknown>[] = [];
  const checkInRows: Record<string, unknown>[] = [];
  let walkIns = 0;
  let cancelledSignUps = 0;

  for (let i = 0; i < ACTIVITY_COUNT; i++) {
    const month = (i % 12) + 1;
    const theme = themeRows[month - 1] as (typeof themeRows)[number];
    const brand = (THEMES[month - 1] as (typeof THEMES)[number]).brand;
    const org =
      i % 10 === 0 && featured.length > 0
        ? (featured[(i / 10) % featured.length] as Organizer)
        : base && rng.chance(0.15)
          ? base
          : rng.chance(0.4)
            ? rng.pick(communities)
            : rng.pick(compounds);
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    let day = rng.int(1, daysInMonth);
    if (brand === 'red_saturday') {
      // Red Saturday is on a Saturday.
      const saturdays = Array.from({ length: daysInMonth }, (_, d) => d + 1).filter(
        (d) => new Date(Date.UTC(year, month - 1, d)).getUTCDay() === 6,
      );
      day = rng.pick(saturdays);
    }
    const startsAt = local(month, day, rng.pick([8, 9, 9, 10, 14, 15, 16]), rng.pick([0, 0, 30]));
    const endsAt = startsAt + rng.pick([90, 120, 120, 150, 180]) * MINUTE;
    const capacity = Math.min(
      org.capacity[1],
      Math.max(org.capacity[0], rng.int(org.capacity[0], org.capacity[1]), Math.ceil(org.pool.length / 4)),
    );
    const id = i + 1;
    const createdAt = Math.min(startsAt - rng.int(7, 25) * DAY, now - HOUR);
    const cancelled = rng.chance(0.03);
    const status = cancelled ? 'CANCELLED' : endsAt < now - FINISHED_AFTER ? 'FINISHED' : 'PLANNED';
    const finishedAt = endsAt + rng.int(2, 40) * HOUR;
    activityRows.push({
      id,
      theme_id: theme.id,
      organizer_id: org.unit.id,
      title: `${org.unit.nameZh}${rng.pick(TITLES[brand])}`,
      description: DESCRIPTIONS[brand],
      place: org.place,
      starts_at: iso(startsAt),
      ends_at: iso(endsAt),
      capacity,
      points_per_participant: POINTS[brand],
      status,
      created_by_id: org.staff,
      created_at: iso(createdAt),
      updated_at: iso(cancelled ? createdAt + DAY : status === 'FINISHED' ? finishedAt : createdAt),
      version: status === 'PLANNED' ? 1 : 2,
    });
    activityChange(id, 'CREATE', org.staff, createdAt, {
      themeId: theme.id,
      organizerId: org.unit.id,
      capacity,
      startsAt: iso(startsAt),
    });

    // Sign-ups: past activities filled half to all of their places, future ones fill up over time.
    const started = startsAt <= now;
    const signUpsClose = Math.min(startsAt, now);
    const fill = started ? 0.5 + rng.next() * 0.5 : rng.chance(0.06) ? 1 : rng.next() * 0.6;
    const wanted = Math.min(org.pool.length, Math.round(capacity * fill));
    const active = rng.sample(org.pool, wanted);
    // A few change their minds before it starts.
    const withdrawn = rng.sample(
      org.pool.filter((p) => !active.includes(p)),
      rng.chance(0.35) ? rng.int(1, 2) : 0,
    );
    for (const personId of [...active, ...withdrawn]) {
      const signedUpAt = createdAt + Math.floor(rng.next() * Math.max(1, signUpsClose - createdAt - HOUR));
      const stays = active.includes(personId);
      const cancelledAt = stays
        ? null
        : signedUpAt + Math.floor(rng.next() * Math.max(1, signUpsClose - signedUpAt - MINUTE));
      signUpRows.push({
        activity_id: id,
        person_id: personId,
        status: stays ? 'SIGNED_UP' : 'CANCELLED',
        signed_up_at: iso(signedUpAt),
        cancelled_at: cancelledAt === null ? null : iso(cancelledAt),
      });
      activityChange(id, 'SIGN_UP', personId, signedUpAt, { personId });
      if (cancelledAt !== null) {
        cancelledSignUps++;
        activityChange(id, 'CANCEL_SIGN_UP', personId, cancelledAt, { personId });
      }
    }

    if (cancelled) {
      activityChange(id, 'CANCEL', org.staff, createdAt + DAY, { reason: '天气原因取消' });
      continue;
    }
    if (!started) continue;

    // Check-ins: most who signed up come (the rest are no-shows); a few walk in without signing up.
    const attendees = active.filter(() => rng.chance(0.85));
    const walkers = rng.sample(
      org.pool.filter((p) => !active.includes(p)),
      Math.min(rng.int(0, 3), capacity - active.length),
    );
    walkIns += walkers.length;
    const scheduled = (endsAt - startsAt) / HOUR;
    for (const personId of [...attendees, ...walkers]) {
      const at = Math.min(startsAt + rng.int(0, 30) * MINUTE, now - MINUTE);
      const hours = rng.chance(0.15) ? scheduled - 0.5 : scheduled;
      checkInRows.push({ activity_id: id, person_id: personId, hours, recorded_by_id: org.staff, at: iso(at) });
      activityChange(id, 'CHECK_IN', org.staff, at, { personId, hours, walkIn: !active.includes(personId) });
    }
    if (status === 'FINISHED') {
      activityChange(id, 'FINISH', org.staff, finishedAt, {});
    }
  }

  // ---- Write ----
  await bulkInsert(
    em,
    'service_brand',
    [
      ['id', 'int'],
      ['code', 'text'],
      ['name_zh', 'text'],
      ['name_en', 'text'],
      ['description', 'text'],
      ['active', 'boolean'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    brandRows,
  );
  await bulkInsert(
    em,
    'monthly_theme',
    [
      ['id', 'int'],
      ['street_id', 'int'],
      ['year', 'int'],
      ['month', 'int'],
      ['title', 'text'],
      ['brand_id', 'int'],
      ['description', 'text'],
      ['goals', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
      ['version', 'int'],
    ],
    themeRows,
  );
  await bulkInsert(
    em,
    'activity',
    [
      ['id', 'int'],
      ['theme_id', 'int'],
      ['organizer_id', 'int'],
      ['title', 'text'],
      ['description', 'text'],
      ['place', 'text'],
      ['starts_at', 'timestamptz'],
      ['ends_at', 'timestamptz'],
      ['capacity', 'int'],
      ['points_per_participant', 'int'],
      ['status', 'activity_status'],
      ['created_by_id', 'int'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
      ['version', 'int'],
    ],
    activityRows,
  );
  await bulkInsert(
    em,
    'activity_sign_up',
    [
      ['activity_id', 'int'],
      ['person_id', 'int'],
      ['status', 'sign_up_status'],
      ['signed_up_at', 'timestamptz'],
      ['cancelled_at', 'timestamptz'],
    ],
    signUpRows,
  );
  await bulkInsert(
    em,
    'activity_check_in',
    [
      ['activity_id', 'int'],
      ['person_id', 'int'],
      ['hours', 'float8'],
      ['recorded_by_id', 'int'],
      ['at', 'timestamptz'],
    ],
    checkInRows,
  );
  // The change log in time order, as the live server would have written it.
  changes.sort((a, b) => a.at.localeCompare(b.at) || a.entity_id - b.entity_id);
  await bulkInsert(
    em,
    'change_event',
    [
      ['entity_type', 'text'],
      ['entity_id', 'int'],
      ['action', 'text'],
      ['actor_id', 'int'],
      ['at', 'timestamptz'],
      ['data', 'jsonb'],
    ],
    changes,
  );
  await resetSerials(em, [
    ['service_brand', 'id'],
    ['monthly_theme', 'id'],
    ['activity', 'id'],
  ]);

  return {
    brands: brandRows.length,
    themes: themeRows.length,
    activities: activityRows.length,
    signUps: signUpRows.length - cancelledSignUps,
    cancelledSignUps,
    checkIns: checkInRows.length,
    walkIns,
    changeEvents: changes.length,
  };
}
