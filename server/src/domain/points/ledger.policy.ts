/**
 * Who may see and keep whose points ledger. A party member sees their own; branch secretaries keep the ledgers
 * of the party members of their subtree and street staff those of the whole street (they see them, record
 * manual entries and correct entries); only street staff edit the rules and grant the yearly basic points;
 * display screens show no rankings of people.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { hasRole, isMasked, isUnder, type Viewer } from '../auth/viewer.ts';
import { badInput, forbidden, notFound } from '../kernel/errors.ts';
import { pgArray } from '../kernel/sql.ts';

/** The subtrees whose ledgers the viewer keeps: secretaries their unit, street staff the street. */
export function ledgerScopes(viewer: Viewer): string[] {
  return viewer.roles.filter((r) => r.role === 'BRANCH_SECRETARY' || r.role === 'STREET_ADMIN').map((r) => r.scopePath);
}

/** The units where a person is a party member (only party members keep a ledger). */
async function partyMemberUnitPaths(em: EntityManager, personId: number): Promise<string[]> {
  const rows = await em.execute<{ path: string }[]>(
    `select u.path from person_role r join org_unit u on u.id = r.org_unit_id where r.person_id = ? and r.role = 'PARTY_MEMBER'`,
    [personId],
  );
  return rows.map((r) => r.path);
}

const keeps = (scopes: readonly string[], paths: readonly string[]) =>
  paths.some((path) => scopes.some((s) => isUnder(path, s)));

/** Their own ledger, or one the viewer keeps. */
export async function maySeeLedger(em: EntityManager, viewer: Viewer | null, personId: number): Promise<boolean> {
  if (!viewer) return false;
  if (viewer.personId === personId) return true;
  const scopes = ledgerScopes(viewer);
  if (scopes.length === 0) return false;
  return keeps(scopes, await partyMemberUnitPaths(em, personId));
}

/**
 * A party member whose ledger the viewer keeps, for recording or correcting: NOT_FOUND for an unknown person,
 * FORBIDDEN for roles that keep no ledger, BAD_USER_INPUT for someone who is no party member, NOT_FOUND for a
 * member outside the viewer's subtrees (as if they did not exist).
 */
export async function requireKeptLedger(em: EntityManager, viewer: Viewer, personId: number): Promise<number> {
  const paths = await partyMemberUnitPaths(em, personId);
  const [exists] = await em.execute<{ n: string }[]>('select count(*) as n from person where id = ?', [personId]);
  if (Number(exists?.n ?? 0) === 0) throw notFound('Person');
  const scopes = ledgerScopes(viewer);
  if (scopes.length === 0) throw forbidden('Only branch secretaries and street staff keep the points ledger');
  if (paths.length === 0) throw badInput('personId', 'is not a party member');
  if (!keeps(scopes, paths)) throw notFound('Person');
  return personId;
}

/** The ledger entries the viewer keeps, as an SQL condition over `point_entry e`. */
export function keptLedgersCondition(viewer: Viewer): { sql: string; params: unknown[] } {
  return {
    sql: `exists (select 1 from person_role pr join org_unit pu on pu.id = pr.org_unit_id
                  where pr.person_id = e.person_id and pr.role = 'PARTY_MEMBER' and pu.path like any (?::text[]))`,
    params: [pgArray(ledgerScopes(viewer).map((s) => `${s}%`))],
  };
}

export function requireRuleEditor(viewer: Viewer): void {
  if (!hasRole(viewer, ['STREET_ADMIN'])) throw forbidden('Only street staff edit point rules');
}

export function requireBasicPointsGranter(viewer: Viewer): void {
  if (!hasRole(viewer, ['STREET_ADMIN'])) throw forbidden('Only street staff grant basic points');
}

export function requireRankingViewer(viewer: Viewer): void {
  if (isMasked(viewer)) throw forbidden('Display screens do not show rankings of people');
}
