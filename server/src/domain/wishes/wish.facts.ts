/** Loading the facts that scope and the lifecycle decide on, in one place. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../kernel/sql.ts';
import type { WishStatus } from './wish.lifecycle.ts';
import type { WishScopeFacts } from './wish.scope.ts';

export interface WishRow extends WishScopeFacts {
  id: number;
  version: number;
  compoundId: number;
  handlingUnitId: number;
  handlingKind: string;
  handlingParentId: number | null;
}

/** The scope facts of wishes by id. Transitions re-check `version` when they write (optimistic). */
export async function loadWishFacts(em: EntityManager, ids: readonly number[]): Promise<Map<number, WishRow>> {
  const result = new Map<number, WishRow>();
  if (ids.length === 0) return result;
  const rows = await em.execute<
    {
      id: number;
      version: number;
      status: WishStatus;
      resident_id: number | null;
      listed_by_id: number;
      compound_id: number;
      handling_unit_id: number;
      compound_path: string;
      handling_path: string;
      handling_kind: string;
      handling_parent_id: number | null;
    }[]
  >(
    `select w.id, w.version, w.status, w.resident_id, w.listed_by_id, w.compound_id, w.handling_unit_id,
            c.path as compound_path, h.path as handling_path, h.kind as handling_kind, h.parent_id as handling_parent_id
       from wish w join org_unit c on c.id = w.compound_id join org_unit h on h.id = w.handling_unit_id
      where w.id = any(?::int[])`,
    [pgArray(ids)],
  );
  const assignments = await em.execute<{ wish_id: number; person_id: number; kind: string; active: boolean }[]>(
    'select wish_id, person_id, kind, active from assignment where wish_id = any(?::int[]) order by id',
    [pgArray(ids)],
  );
  for (const r of rows) {
    const mine = assignments.filter((a) => a.wish_id === r.id);
    result.set(r.id, {
      id: r.id,
      version: r.version,
      status: r.status,
      residentId: r.resident_id,
      listedById: r.listed_by_id,
      compoundId: r.compound_id,
      handlingUnitId: r.handling_unit_id,
      compoundPath: r.compound_path,
      handlingPath: r.handling_path,
      handlingKind: r.handling_kind,
      handlingParentId: r.handling_parent_id,
      assigneeIds: [...new Set(mine.map((a) => a.person_id))],
      activeAssigneeIds: mine.filter((a) => a.active && a.kind === 'ASSIGNEE').map((a) => a.person_id),
    });
  }
  return result;
}
