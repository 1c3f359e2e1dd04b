/**
 * The deterministic demo seed: Xiguan Street's organisation, its people and demo accounts, the wish
 * categories and ~10 months of wish history, then the activities, the property committees and the points
 * ledgers, written in one transaction into an empty, migrated database.
 *
 * The organisation and the wishes are first generated in memory by a pure function of (seed, now)
 * (world.ts, history.ts, scripted-wishes.ts, random-wishes.ts), then bulk-inserted with explicit ids
 * (insert.ts); the other parts read what is there and add theirs (activities.ts, committees.ts, points.ts).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../../server/src/domain/auth/password.ts';
import { WISH_STATUSES, type WishStatus } from '../../server/src/domain/wishes/wish.lifecycle.ts';
import { ORG_UNIT_KINDS, OrgUnit, type OrgUnitKind } from '../../server/src/entities/index.ts';
import { seedActivities } from './activities.ts';
import { seedCommittees } from './committees.ts';
import { HISTORY_DAYS, HistoryWriter, type WishDraft } from './history.ts';
import { insertOrganisation, insertWishes, resetSerials } from './insert.ts';
import { seedOpen311Keys } from './open311.ts';
import { seedPointsLedger } from './points.ts';
import { RandomWishes, STATUS_TARGETS } from './random-wishes.ts';
import { seedPendingRegistrations } from './registrations.ts';
import { Rng } from './rng.ts';
import { scriptedSpecs } from './scripted-wishes.ts';
import { DAY } from './time.ts';
import { buildWorld, type World } from './world.ts';

export interface SeedOptions {
  /** The password of every demo account (WISHGRID_DEMO_PASSWORD). */
  demoPassword: string;
  /** All timestamps are relative to it. Default: today, 00:00 UTC. */
  now?: Date;
  /** PRNG seed: the same seed and `now` give the same data. */
  seed?: number;
}

export interface SeedSummary {
  units: Record<OrgUnitKind, number>;
  people: number;
  /** People with a login (the demo accounts). */
  accounts: number;
  personRoles: number;
  categories: number;
  wishes: Record<WishStatus, number>;
  events: number;
  assignments: number;
  meetings: number;
}

export const DEFAULT_SEED = 20240123;

/** Tables whose ids the seed sets explicitly, with their serial column. */
const SERIAL_COLUMNS = [
  ['org_unit', 'id'],
  ['person', 'id'],
  ['person_role', 'id'],
  ['wish_category', 'id'],
  ['wish', 'id'],
  ['assignment', 'id'],
  ['meeting', 'id'],
  ['wish_event', 'sequence'],
] as const;

interface DemoData {
  world: World;
  wishes: WishDraft[];
  /** When the organisation and people were set up: before all wishes. */
  setupAt: number;
}

/** The organisation and the wish histories: a pure function of (seed, now). */
function generate(seed: number, now: number): DemoData {
  const rng = new Rng(seed);
  const world = buildWorld(rng);
  const writer = new HistoryWriter(rng, world, now);
  const random = new RandomWishes(rng, world, writer);

  const drafts = scriptedSpecs(world, rng).map((spec) => writer.write(spec));
  const remaining = { ...STATUS_TARGETS };
  for (const w of drafts) remaining[w.status] = Math.max(0, remaining[w.status] - 1);
  for (const status of WISH_STATUSES) {
    for (let i = 0; i < remaining[status]; i++) {
      const w = writer.write(random.spec(status));
      if (w.status !== status) throw new Error(`seed: planned ${status}, got ${w.status}`);
      drafts.push(w);
    }
  }
  // Ids follow creation time, as they would have in real life.
  drafts.sort((a, b) => a.createdAt - b.createdAt);
  drafts.forEach((w, i) => {
    w.id = i + 1;
  });
  return { world, wishes: drafts, setupAt: now - (HISTORY_DAYS + 30) * DAY };
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/**
 * Seeds the demo data into an empty, migrated database, in one transaction.
 * Throws if `org_unit` already has rows (nothing is written then).
 */
export async function seedDemoData(em: EntityManager, options: SeedOptions): Promise<SeedSummary> {
  const now = (options.now ?? startOfUtcDay(new Date())).getTime();
  if (!Number.isFinite(now)) throw new Error('seedDemoData: options.now is not a valid date');
  const seed = options.seed ?? DEFAULT_SEED;
  const { world, wishes, setupAt } = generate(seed, now);

  return em.transactional(async (tx) => {
    // Serialises concurrent seeders (e.g. several replicas starting at once): the second one then sees rows.
    await tx.execute('lock table org_unit in exclusive mode');
    if ((await tx.count(OrgUnit, {})) > 0) {
      throw new Error(
        'seedDemoData: the database already has data (org_unit is not empty); the demo seed only runs on an empty database',
      );
    }
    const accounts = world.people.filter((p) => p.username !== null);
    const hashes = new Map(
      await Promise.all(accounts.map(async (p) => [p, await hashPassword(options.demoPassword)] as const)),
    );
    await insertOrganisation(tx, world, hashes, setupAt);
    const events = await insertWishes(tx, wishes);
    await resetSerials(tx, SERIAL_COLUMNS);

    // Other parts of the street's demo data go here, before the ledger.
    await seedActivities(tx, { now: new Date(now), seed });

    await seedCommittees(tx, { now: new Date(now), seed });

    await seedOpen311Keys(tx, { now: new Date(now) });

    const registered = await seedPendingRegistrations(tx, { now: new Date(now) });

    // KEEP LAST: the points ledgers are derived from everything seeded above.
    await seedPointsLedger(tx, new Date(now));

    const count = <K extends string>(keys: readonly K[], of: readonly K[]) =>
      Object.fromEntries(keys.map((k) => [k, of.filter((x) => x === k).length])) as Record<K, number>;
    return {
      units: count(
        ORG_UNIT_KINDS,
        world.units.map((u) => u.kind),
      ),
      people: world.people.length + registered,
      accounts: accounts.length,
      personRoles: world.roles.length,
      categories: world.categories.length,
      wishes: count(
        WISH_STATUSES,
        wishes.map((w) => w.status),
      ),
      events,
      assignments: wishes.reduce((n, w) => n + w.assignments.length, 0),
      meetings: wishes.reduce((n, w) => n + w.meetings.length, 0),
    };
  });
}
