/** Per-request batching of the lookups that GraphQL fields fan out into (one query per kind per tick). */
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../domain/kernel/sql.ts';
import { eventsOfWishes, type WishEventRecord } from '../domain/wishes/wish.queries.ts';
import type { Role } from '../entities/person.entity.ts';

class Batcher<K, V> {
  private cache = new Map<K, Promise<V>>();
  private pending: { key: K; resolve: (v: V) => void; reject: (e: unknown) => void }[] = [];

  constructor(
    private readonly fetch: (keys: K[]) => Promise<Map<K, V>>,
    private readonly missing: V,
  ) {}

  load(key: K): Promise<V> {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const promise = new Promise<V>((resolve, reject) => {
      if (this.pending.length === 0) queueMicrotask(() => void this.flush());
      this.pending.push({ key, resolve, reject });
    });
    this.cache.set(key, promise);
    return promise;
  }

  clear(): void {
    this.cache.clear();
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const found = await this.fetch([...new Set(batch.map((b) => b.key))]);
      for (const b of batch) b.resolve(found.has(b.key) ? (found.get(b.key) as V) : this.missing);
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
  }
}

export interface OrgUnitView {
  id: number;
  kind: 'STREET' | 'COMMUNITY' | 'COMPOUND' | 'GRID' | 'PARTNER';
  name: string;
  nameZh: string;
  parentId: number | null;
  path: string;
  population: number | null;
  households: number | null;
  hasPropertyManagement: boolean | null;
  partyOrganization: string | null;
}

export interface PersonView {
  id: number;
  username: string | null;
  displayName: string;
  phone: string | null;
}

export interface CategoryView {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  defaultLevel: string;
  dueInDays: number;
}

export interface RoleView {
  role: Role;
  orgUnitId: number;
}

export interface MeetingView {
  id: number;
  wishId: number;
  heldAt: Date;
  place: string | null;
  participants: string;
  decisions: string;
  recordedById: number;
}

export interface AssignmentView {
  personId: number;
  kind: 'ASSIGNEE' | 'SUPERVISOR';
  active: boolean;
}

export const ORG_UNIT_COLUMNS = `id, kind, name, name_zh as "nameZh", parent_id as "parentId", path, population, households,
  has_property_management as "hasPropertyManagement", party_organization as "partyOrganization"`;

function byId<T extends { id: number }>(rows: T[]): Map<number, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

function grouped<T>(rows: T[], key: (r: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
  return map;
}

export function createLoaders(em: EntityManager) {
  const loaders = {
    orgUnit: new Batcher<number, OrgUnitView | null>(
      async (ids) =>
        byId(
          await em.execute<OrgUnitView[]>(`select ${ORG_UNIT_COLUMNS} from org_unit where id = any(?::int[])`, [
            pgArray(ids),
          ]),
        ),
      null,
    ),
    children: new Batcher<number, OrgUnitView[]>(
      async (ids) =>
        grouped(
          await em.execute<OrgUnitView[]>(
            `select ${ORG_UNIT_COLUMNS} from org_unit where parent_id = any(?::int[]) order by id`,
            [pgArray(ids)],
          ),
          (u) => u.parentId as number,
        ),
      [],
    ),
    person: new Batcher<number, PersonView | null>(
      async (ids) =>
        byId(
          await em.execute<PersonView[]>(
            'select id, username, display_name as "displayName", phone from person where id = any(?::int[])',
            [pgArray(ids)],
          ),
        ),
      null,
    ),
    roles: new Batcher<number, (RoleView & { personId: number })[]>(
      async (ids) =>
        grouped(
          await em.execute<(RoleView & { personId: number })[]>(
            'select person_id as "personId", role, org_unit_id as "orgUnitId" from person_role where person_id = any(?::int[]) order by id',
            [pgArray(ids)],
          ),
          (r) => r.personId,
        ),
      [],
    ),
    category: new Batcher<number, CategoryView | null>(
      async (ids) =>
        byId(
          await em.execute<CategoryView[]>(
            `select id, code, name_zh as "nameZh", name_en as "nameEn", default_level as "defaultLevel",
                    due_in_days as "dueInDays" from wish_category where id = any(?::int[])`,
            [pgArray(ids)],
          ),
        ),
      null,
    ),
    assignments: new Batcher<number, (AssignmentView & { wishId: number })[]>(
      async (ids) =>
        grouped(
          await em.execute<(AssignmentView & { wishId: number })[]>(
            `select wish_id as "wishId", person_id as "personId", kind, active from assignment
              where wish_id = any(?::int[]) order by id`,
            [pgArray(ids)],
          ),
          (a) => a.wishId,
        ),
      [],
    ),
    events: new Batcher<number, WishEventRecord[]>(
      async (ids) => grouped(await eventsOfWishes(em, ids), (e) => e.wishId),
      [],
    ),
    meetings: new Batcher<number, MeetingView[]>(
      async (ids) =>
        grouped(
          await em.execute<MeetingView[]>(
            `select id, wish_id as "wishId", held_at as "heldAt", place, participants, decisions,
                    recorded_by_id as "recordedById" from meeting where wish_id = any(?::int[]) order by held_at, id`,
            [pgArray(ids)],
          ),
          (m) => m.wishId,
        ),
      [],
    ),
    /** Forget everything: a long-lived subscription calls this before each event it delivers. */
    clear(): void {
      for (const value of Object.values(loaders)) if (value instanceof Batcher) value.clear();
    },
  };
  return loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;
