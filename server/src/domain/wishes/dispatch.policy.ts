/**
 * Who may be dispatched an order by whom: a handler (branch secretary or street admin) may assign people with a
 * working role (party member, volunteer, grid worker, secretary) in one of the handler's subtrees, or anyone at a
 * partner unit. (Who may dispatch at all is the lifecycle table's ACTORS: the wish's HANDLERs.)
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.ts';
import { badInput } from '../kernel/errors.ts';
import { pgArray } from '../kernel/sql.ts';
import type { WishScopeFacts } from './wish.scope.ts';

/** The condition "person `p` may take orders from this handler", as SQL over `person p`. */
function assignableCondition(viewer: Viewer): { sql: string; params: unknown[] } {
  const scopes = viewer.roles
    .filter((r) => r.role === 'BRANCH_SECRETARY' || r.role === 'STREET_ADMIN')
    .map((r) => `${r.scopePath}%`);
  return {
    sql: `exists (select 1 from person_role er join org_unit eu on eu.id = er.org_unit_id
                   where er.person_id = p.id
                     and er.role in ('PARTY_MEMBER', 'VOLUNTEER', 'GRID_WORKER', 'BRANCH_SECRETARY')
                     and (eu.kind = 'PARTNER' or eu.path like any (?::text[])))`,
    params: [pgArray(scopes)],
  };
}

/**
 * BAD_USER_INPUT naming the field (`assigneeIds`, `supervisorId`) that holds a person who is unknown, deactivated or
 * may not take orders from this handler. One query for all the fields.
 */
export async function requireAssignable(
  em: EntityManager,
  viewer: Viewer,
  fields: Readonly<Record<string, readonly number[]>>,
): Promise<void> {
  const all = [...new Set(Object.values(fields).flat())];
  if (all.length === 0) return;
  const eligible = assignableCondition(viewer);
  const rows = await em.execute<{ id: number; eligible: boolean }[]>(
    `select p.id, ${eligible.sql} as eligible from person p where p.id = any(?::int[]) and p.active`,
    [...eligible.params, pgArray(all)],
  );
  for (const [field, ids] of Object.entries(fields)) {
    const what = field === 'supervisorId' ? 'is' : 'contains';
    for (const id of ids) {
      const row = rows.find((r) => r.id === id);
      if (!row) throw badInput(field, `${what} an unknown or deactivated person`);
      if (!row.eligible) throw badInput(field, `${what} a person who cannot take orders in your area`);
    }
  }
}

/** Whom this handler may dispatch the wish to, nearest first: its compound, the handling unit's area, partners. */
export function assignablePeople(
  em: EntityManager,
  viewer: Viewer,
  wish: Pick<WishScopeFacts, 'compoundPath' | 'handlingPath'>,
): Promise<{ id: number; unitPath: string }[]> {
  const eligible = assignableCondition(viewer);
  return em.execute<{ id: number; unitPath: string }[]>(
    `select p.id, min(u.path) as "unitPath" from person p
       join person_role r on r.person_id = p.id join org_unit u on u.id = r.org_unit_id
      where p.active and ${eligible.sql}
      group by p.id, p.display_name
      order by bool_or(u.path like ?) desc, bool_or(u.path like ?) desc, bool_or(u.kind = 'PARTNER'), p.display_name, p.id
      limit 300`,
    [...eligible.params, `${wish.compoundPath}%`, `${wish.handlingPath}%`],
  );
}
