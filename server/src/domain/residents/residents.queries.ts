/** Residents waiting for verification, for the staff who verify them. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.ts';
import { badInput, forbidden, notFound } from '../kernel/errors.ts';
import type { IdRef } from '../kernel/input.ts';
import { pgArray } from '../kernel/sql.ts';
import { findOrgUnit } from '../organisation/org-unit.queries.ts';
import { PERSON_COLUMNS, type PersonRecord } from '../organisation/person.queries.ts';
import { verifierPaths, verifierPathsWithin } from './residents.policy.ts';

/** `pendingResidents(first)`: 50 by default, at most 200. */
export const PENDING_PAGE = { default: 50, max: 200 } as const;

export interface PendingResidents {
  totalCount: number;
  /** Oldest registration first: who waits longest is verified first. */
  nodes: PersonRecord[];
}

/**
 * The PENDING residents of the compounds in the unit's subtree that the viewer verifies. NOT_FOUND for an unknown
 * unit; FORBIDDEN for a viewer who verifies nobody (a party member, a resident, a display screen).
 */
export async function pendingResidents(
  em: EntityManager,
  viewer: Viewer,
  unitId: IdRef,
  first: number | null | undefined,
): Promise<PendingResidents> {
  const size = first ?? PENDING_PAGE.default;
  if (!Number.isInteger(size) || size < 0 || size > PENDING_PAGE.max) {
    throw badInput('first', `must be a whole number 0–${PENDING_PAGE.max}`);
  }
  const unit = unitId === null ? null : await findOrgUnit(em, unitId);
  if (!unit) throw notFound('Org unit');
  if (verifierPaths(viewer).length === 0) {
    throw forbidden('Only grid workers and secretaries verify the residents of their compounds');
  }
  const prefixes = verifierPathsWithin(viewer, unit.path);
  if (prefixes.length === 0) return { totalCount: 0, nodes: [] };
  const where = `p.verification = 'PENDING' and exists (
      select 1 from person_role r join org_unit u on u.id = r.org_unit_id
       where r.person_id = p.id and r.role = 'RESIDENT' and u.path like any (?::text[]))`;
  const patterns = pgArray(prefixes.map((p) => `${p}%`));
  const [count] = await em.execute<{ n: number }[]>(`select count(*)::int as n from person p where ${where}`, [
    patterns,
  ]);
  const nodes =
    size === 0
      ? []
      : await em.execute<PersonRecord[]>(
          `select ${PERSON_COLUMNS} from person p where ${where} order by p.registered_at, p.id limit ?`,
          [patterns, size],
        );
  return { totalCount: count?.n ?? 0, nodes };
}

/** The compound a resident lives in (their first RESIDENT role), or null. */
export async function homeCompounds(
  em: EntityManager,
  personIds: readonly number[],
): Promise<{ personId: number; compoundId: number }[]> {
  if (personIds.length === 0) return [];
  return em.execute<{ personId: number; compoundId: number }[]>(
    `select distinct on (person_id) person_id as "personId", org_unit_id as "compoundId"
       from person_role where role = 'RESIDENT' and person_id = any(?::int[]) order by person_id, id`,
    [pgArray(personIds)],
  );
}
