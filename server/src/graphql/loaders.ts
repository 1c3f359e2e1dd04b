/**
 * Per-request batching of the lookups that GraphQL fields fan out into: one loader per table (and key), each
 * returning the domain's record and calling the domain's query, so one query per loader per tick. A long-lived
 * subscription calls `clear()` before each event it delivers, so no event is resolved from an older read.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { activeCommitteesOf, membersOf } from '../domain/committees/committee.queries.ts';
import { childrenOf, findOrgUnits } from '../domain/organisation/org-unit.queries.ts';
import { findPeople, rolesOfPeople } from '../domain/organisation/person.queries.ts';
import { findWishCategories } from '../domain/organisation/wish-category.queries.ts';
import { assignmentsOfWishes, eventsOfWishes, meetingsOfWishes } from '../domain/wishes/wish.queries.ts';

type Find<T> = (keys: readonly number[]) => Promise<T[]>;

/** The rows of each key, in the order the query gives them. */
function byKey<T>(find: Find<T>, key: (row: T) => number) {
  return async (keys: readonly number[]): Promise<T[][]> => {
    const rows = new Map<number, T[]>();
    for (const r of await find(keys)) rows.set(key(r), [...(rows.get(key(r)) ?? []), r]);
    return keys.map((k) => rows.get(k) ?? []);
  };
}

/** All rows per key (e.g. the rows of a parent). */
const many = <T>(find: Find<T>, key: (row: T) => number) => new DataLoader<number, T[]>(byKey(find, key));

/** At most one row per key (e.g. a row by its id); null where there is none. */
const one = <T>(find: Find<T>, key: (row: T) => number) =>
  new DataLoader<number, T | null>(async (keys) => (await byKey(find, key)(keys)).map((rows) => rows[0] ?? null));

const id = (row: { id: number }) => row.id;

export function createLoaders(em: EntityManager) {
  const loaders = {
    orgUnit: one((ids) => findOrgUnits(em, ids), id),
    children: many(
      (ids) => childrenOf(em, ids),
      (u) => u.parentId as number,
    ),
    person: one((ids) => findPeople(em, ids), id),
    roles: many(
      (ids) => rolesOfPeople(em, ids),
      (r) => r.personId,
    ),
    category: one((ids) => findWishCategories(em, ids), id),
    /** The ACTIVE committee of a compound. */
    activeCommittee: one(
      (ids) => activeCommitteesOf(em, ids),
      (c) => c.compoundId,
    ),
    committeeMembers: many(
      (ids) => membersOf(em, ids),
      (m) => m.committeeId,
    ),
    assignments: many(
      (ids) => assignmentsOfWishes(em, ids),
      (a) => a.wishId,
    ),
    events: many(
      (ids) => eventsOfWishes(em, ids),
      (e) => e.wishId,
    ),
    meetings: many(
      (ids) => meetingsOfWishes(em, ids),
      (m) => m.wishId,
    ),
  };
  return {
    ...loaders,
    /** Forget everything: a long-lived subscription calls this before each event it delivers. */
    clear(): void {
      for (const loader of Object.values(loaders)) loader.clearAll();
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
