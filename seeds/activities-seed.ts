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
import { localYearMonth } from '../server/src/domain/kernel/street-time.ts';

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

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Street time is UTC+8 (no daylight saving). */
const LOCAL_OFFSET = 8 * HOUR;
const ACTIVITY_COUNT = 300;
/** Activities that ended longer ago than this were marked finished by their organisers. */
const FINISHED_AFTER = 2 * DAY;
const INSERT_CHUNK = 2000;

type BrandCode = 'neighbourhood_festival' | 'emergency_drill' | 'red_saturday';

const BRANDS: readonly { code: BrandCode; nameZh: string; nameEn: string; description: string }[] = [
  {
    code: 'neighbourhood_festival',
    nameZh: '邻里节',
    nameEn: 'Happy Neighbourhood Festival',
    description: '邻里守望、互助共享：百家宴、跳蚤市场、亲子手工和节庆联欢，让邻居成为亲人。',
  },
  {
    code: 'emergency_drill',
    nameZh: '应急演练',
    nameEn: 'Community Emergency Drill',
    description: '消防、防汛、地震疏散和急救培训，由社区公共服务队伍和共建单位一起组织。',
  },
  {
    code: 'red_saturday',
    nameZh: '红色星期六',
    nameEn: 'Red Saturday',
    description: '每月一个星期六，党员带头、居民参与，清洁家园、关爱老人、文明劝导。',
  },
];

/** The theme of each month of the year: brand and zh title, goals. */
const THEMES: readonly { brand: BrandCode; title: string; goals: string }[] = [
  { brand: 'neighbourhood_festival', title: '新春邻里节·共度团圆年', goals: '走访慰问困难家庭，组织百家宴和写春联' },
  {
    brand: 'neighbourhood_festival',
    title: '元宵邻里情·猜灯谜闹元宵',
    goals: '每个社区至少一场元宵活动，党员带头参与',
  },
  { brand: 'red_saturday', title: '学雷锋志愿服务月', goals: '党员志愿者人人参与一次学雷锋服务' },
  { brand: 'emergency_drill', title: '春季消防安全应急演练', goals: '老旧小区消防通道全部畅通，演练覆盖每个社区' },
  { brand: 'red_saturday', title: '劳动创造美好家园·环境整治', goals: '清理楼道杂物和小广告，补植绿地' },
  { brand: 'emergency_drill', title: '安全生产月·防灾减灾演练', goals: '地震疏散和燃气泄漏处置演练进小区' },
  { brand: 'red_saturday', title: '七一党员先锋·红色星期六', goals: '庆祝党的生日，党员亮身份、办实事' },
  { brand: 'emergency_drill', title: '汛期防汛应急演练', goals: '低洼小区排涝演练，检查排水设施' },
  { brand: 'neighbourhood_festival', title: '中秋邻里节·月圆人团圆', goals: '中秋联欢和月饼DIY，关爱独居老人' },
  { brand: 'neighbourhood_festival', title: '重阳敬老邻里情', goals: '为高龄老人义诊、理发、送餐上门' },
  { brand: 'emergency_drill', title: '119消防宣传月应急演练', goals: '高层住宅火灾逃生演练和电动车充电安全宣传' },
  { brand: 'red_saturday', title: '冬季暖心红色星期六', goals: '清雪除冰，为困难群众送温暖' },
];

const TITLES: Readonly<Record<BrandCode, readonly string[]>> = {
  neighbourhood_festival: [
    '邻里百家宴',
    '邻里互助跳蚤市场',
    '亲子手工课',
    '楼道文化墙共绘',
    '社区厨艺大赛',
    '家风家训分享会',
    '邻里联欢会',
    '老照片里的社区故事会',
  ],
  emergency_drill: [
    '消防安全应急演练',
    '地震应急疏散演练',
    '燃气泄漏处置演练',
    '急救知识与心肺复苏培训',
    '高层住宅火灾逃生演练',
    '电动车充电安全宣传',
    '防汛排涝应急演练',
  ],
  red_saturday: [
    '小区环境大扫除',
    '楼道杂物清理',
    '绿地补植与树木养护',
    '小广告清理',
    '为独居老人送温暖',
    '文明交通劝导',
    '垃圾分类宣传',
  ],
};

const DESCRIPTIONS: Readonly<Record<BrandCode, string>> = {
  neighbourhood_festival: '欢迎邻居们携家人参加，党员志愿者负责组织和场地布置。',
  emergency_drill: '请参加者准时到场，演练由社区公共服务队伍和共建单位现场指导。',
  red_saturday: '党员带头、居民参与，工具由社区统一准备，请穿方便劳动的衣服。',
};

const POINTS: Readonly<Record<BrandCode, number>> = {
  neighbourhood_festival: 2,
  emergency_drill: 3,
  red_saturday: 5,
};

/** mulberry32, as in demo-seed.ts: small, fast, reproducible. */
class Rng {
  private a: number;

  constructor(seed: number) {
    this.a = seed >>> 0;
  }

  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('activities seed: pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Up to n distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }
}

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

const iso = (ms: number) => new Date(ms).toISOString();

/** Inserts rows through one jsonb_to_recordset statement per chunk: a few round trips for thousands of rows. */
async function bulkInsert(
  em: EntityManager,
  table: string,
  columns: readonly (readonly [string, string])[],
  rows: readonly object[],
): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  const types = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await em.execute(
      `insert into ${table} (${names}) select ${names} from jsonb_to_recordset(?::jsonb) as x(${types})`,
      [JSON.stringify(rows.slice(i, i + INSERT_CHUNK))],
    );
  }
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
    Date.UTC(year, month - 1, day, hour, minute) - LOCAL_OFFSET;

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
    change({
      entity_type: 'Activity',
      entity_id: id,
      action: 'CREATE',
      actor_id: org.staff,
      at: createdAt,
      data: { themeId: theme.id, organizerId: org.unit.id, capacity, startsAt: iso(startsAt) },
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
      change({
        entity_type: 'Activity',
        entity_id: id,
        action: 'SIGN_UP',
        actor_id: personId,
        at: signedUpAt,
        data: { personId },
      });
      if (cancelledAt !== null) {
        cancelledSignUps++;
        change({
          entity_type: 'Activity',
          entity_id: id,
          action: 'CANCEL_SIGN_UP',
          actor_id: personId,
          at: cancelledAt,
          data: { personId },
        });
      }
    }

    if (cancelled) {
      change({
        entity_type: 'Activity',
        entity_id: id,
        action: 'CANCEL',
        actor_id: org.staff,
        at: createdAt + DAY,
        data: { reason: '天气原因取消' },
      });
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
      change({
        entity_type: 'Activity',
        entity_id: id,
        action: 'CHECK_IN',
        actor_id: org.staff,
        at,
        data: { personId, hours, walkIn: !active.includes(personId) },
      });
    }
    if (status === 'FINISHED') {
      change({
        entity_type: 'Activity',
        entity_id: id,
        action: 'FINISH',
        actor_id: org.staff,
        at: finishedAt,
        data: {},
      });
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
  for (const table of ['service_brand', 'monthly_theme', 'activity']) {
    await em.execute(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
  }

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
