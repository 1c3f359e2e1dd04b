/**
 * Counting a viewer's wishes from the `wish_count` summary (compound × category × status, kept by the database in
 * the same transaction as every change: Migration20261201000100_WishCounts) instead of aggregating every wish.
 *
 * Exact, not an estimate: a viewer sees (wish.scope.ts) every wish under their staff and display subtrees, the
 * OPEN_FOR_CLAIM wishes under their member/volunteer subtrees, and any wish they are the resident, lister or an
 * assignee of. When the claim subtrees lie inside the full ones (or there are none), that is the summary's rows
 * of the full subtrees plus the wishes tied to the viewer personally whose compound is outside them — a handful,
 * found through the resident, lister and assignment indexes. The filters the summary can answer are a unit's
 * subtree, statuses and a category; anything else (or a claim-only viewer) is counted from `wish` as before.
 */
import { isUnder, type Viewer } from '../auth/viewer.ts';
import { pgArray } from '../kernel/sql.ts';
import type { WishStatus } from './wish.lifecycle.ts';
import { wishScopePrefixes } from './wish.scope.ts';

export interface SummaryFilter {
  /** Only compounds whose path starts with this (a unit's subtree, or a pattern nothing matches); null: all. */
  unitPath: string | null;
  /** Only these statuses; null or empty: all. */
  statuses: readonly WishStatus[] | null;
  /** Only this category (by code; an unknown code matches nothing); null: all. */
  categoryCode: string | null;
}

/** The prefixes, without those inside another (their subtrees are already counted). */
function outermost(prefixes: readonly string[]): string[] {
  const unique = [...new Set(prefixes)];
  return unique.filter((p) => !unique.some((q) => q !== p && isUnder(p, q)));
}

/** The subtrees whose every wish the viewer sees, or null when the viewer's visibility is not made of them. */
export function wholeSubtrees(viewer: Viewer): string[] | null {
  const { staff, claim, display } = wishScopePrefixes(viewer);
  const full = outermost([...staff, ...display]);
  return claim.every((p) => full.some((f) => isUnder(p, f))) ? full : null;
}

/**
 * The viewer's whole subtrees (`full`), and those cut down to a unit's subtree (`counted`: the deeper of the two
 * when one holds the other, else nothing); null when the viewer's visibility is not made of whole subtrees.
 */
export function countedSubtrees(viewer: Viewer, unit: string | null): { full: string[]; counted: string[] } | null {
  const full = wholeSubtrees(viewer);
  if (full === null) return null;
  const counted =
    unit === null ? full : outermost(full.flatMap((f) => (isUnder(unit, f) ? [unit] : isUnder(f, unit) ? [f] : [])));
  return { full, counted };
}

/** `w.id in (…)`: the wishes tied to the person (resident, lister, ever assigned), through their indexes. */
export const PERSONAL_WISHES = `w.id in (select id from wish where resident_id = ? union select id from wish where listed_by_id = ?
                          union select wish_id from assignment where person_id = ?)`;

/**
 * A derived table of `(compound_id, status, n)` rows whose `n` add up, per compound and status, to the number of
 * wishes the viewer sees that match the filter; null when the summary cannot answer (count from `wish`).
 */
export function visibleWishCountRows(viewer: Viewer, filter: SummaryFilter): { sql: string; params: unknown[] } | null {
  const subtrees = countedSubtrees(viewer, filter.unitPath);
  if (subtrees === null) return null;
  const { full, counted } = subtrees;
  const unit = filter.unitPath;
  const statuses = filter.statuses && filter.statuses.length > 0 ? filter.statuses : null;
  const extra = (alias: string) => {
    const where: string[] = [];
    const params: unknown[] = [];
    if (statuses) {
      where.push(`${alias}.status = any(?::wish_status[])`);
      params.push(pgArray(statuses));
    }
    if (filter.categoryCode !== null) {
      where.push(`${alias}.category_id = (select id from wish_category where code = ?)`);
      params.push(filter.categoryCode);
    }
    return { sql: where.map((w) => ` and ${w}`).join(''), params };
  };
  const summary = extra('s');
  const own = extra('w');
  const me = viewer.personId;
  return {
    sql: `select s.compound_id, s.status, s.n from wish_count s join org_unit c on c.id = s.compound_id
           where c.path like any(?::text[])${summary.sql}
          union all
          select w.compound_id, w.status, 1 from wish w join org_unit c on c.id = w.compound_id
           where ${PERSONAL_WISHES}
             and not (c.path like any(?::text[]))${unit === null ? '' : ' and c.path like ?'}${own.sql}`,
    params: [
      pgArray(counted.map((p) => `${p}%`)),
      ...summary.params,
      me,
      me,
      me,
      pgArray(full.map((p) => `${p}%`)),
      ...(unit === null ? [] : [`${unit}%`]),
      ...own.params,
    ],
  };
}

/** A scalar subquery: how many wishes the viewer sees that match the filter; null when the summary cannot answer. */
export function visibleWishCountSql(viewer: Viewer, filter: SummaryFilter): { sql: string; params: unknown[] } | null {
  const rows = visibleWishCountRows(viewer, filter);
  return rows && { sql: `(select coalesce(sum(x.n), 0) from (${rows.sql}) x)`, params: rows.params };
}
