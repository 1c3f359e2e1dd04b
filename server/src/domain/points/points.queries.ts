/**
 * Reading the points ledger: rules, entries (one, a member's year, the staff list), a member's summary for a
 * year, and the ranking of a subtree. Who may see which ledger: ledger.policy.ts.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PointEntryKind, PointSourceType } from '../../entities/points.entity.ts';
import type { Viewer } from '../auth/viewer.ts';
import { badInput, notFound } from '../kernel/errors.ts';
import type { IdRef } from '../kernel/input.ts';
import {
  Conditions,
  type ListArgs,
  type ListPage,
  refsFilter,
  runList,
  searchCondition,
  UNPAGED_CAP,
} from '../kernel/list.ts';
import { subtreePattern, unitPath } from '../organisation/org-unit.queries.ts';
import { keptLedgersCondition, maySeeLedger, requireRankingViewer } from './ledger.policy.ts';

/** Points years, rankings and grants are for years 2000–2100. */
export function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw badInput('year', 'must be a year between 2000 and 2100');
  }
  return year;
}

// ---- Rules ----

export interface RuleView {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: PointEntryKind;
  amount: number;
  capPerYear: number | null;
  active: boolean;
  description: string | null;
  version: number;
  updatedAt: Date;
}

const RULE_COLUMNS = `r.id, r.code, r.name_zh as "nameZh", r.name_en as "nameEn", r.kind, r.amount, r.cap_per_year as "capPerYear",
  r.active, r.description, r.version, r.updated_at as "updatedAt"`;

/** A rule; null for an unknown or undecodable reference. */
export async function findRule(em: EntityManager, id: IdRef): Promise<RuleView | null> {
  if (id === null) return null;
  const [rule] = await em.execute<RuleView[]>(`select ${RULE_COLUMNS} from point_rule r where r.id = ?`, [id]);
  return rule ?? null;
}

export function allRules(em: EntityManager): Promise<RuleView[]> {
  return em.execute<RuleView[]>(`select ${RULE_COLUMNS} from point_rule r order by r.kind, r.code`);
}

export interface RuleListFilter {
  ids?: readonly IdRef[] | null;
  q?: string | null;
  kind?: PointEntryKind | null;
  active?: boolean | null;
}

export function listRules(
  em: EntityManager,
  filter: RuleListFilter | null | undefined,
  args: ListArgs,
): Promise<ListPage<RuleView>> {
  const c = new Conditions().add(refsFilter('r.id', filter?.ids));
  c.add(searchCondition(['r.code', 'r.name_zh', 'r.name_en'], filter?.q));
  if (filter?.kind) c.and('r.kind = ?', filter.kind);
  if (filter?.active != null) c.and('r.active = ?', filter.active);
  return runList<RuleView>(
    em,
    {
      select: RULE_COLUMNS,
      from: 'from point_rule r',
      where: c.where,
      params: c.params,
      sortable: {
        code: 'r.code',
        name: 'r.name_en',
        nameZh: 'r.name_zh',
        kind: 'r.kind',
        amount: 'r.amount',
        updatedAt: 'r.updated_at',
      },
      defaultSort: { field: 'code', order: 'ASC' },
      tieBreaker: 'r.id',
    },
    args,
  );
}

// ---- Entries ----

export interface PointEntryView {
  id: number;
  personId: number;
  year: number;
  kind: PointEntryKind;
  amount: number;
  ruleId: number | null;
  reason: string;
  sourceType: PointSourceType;
  sourceKey: string | null;
  reversesId: number | null;
  recordedById: number | null;
  at: Date;
}

const POINT_ENTRY_COLUMNS = `e.id, e.person_id as "personId", e.year, e.kind, e.amount, e.rule_id as "ruleId", e.reason,
  e.source_type as "sourceType", e.source_key as "sourceKey", e.reverses_id as "reversesId",
  e.recorded_by_id as "recordedById", e.at`;

/** An entry by its row id, whoever's it is (for the payload of a command the viewer was allowed). */
export async function findEntry(em: EntityManager, id: number): Promise<PointEntryView | null> {
  const [entry] = await em.execute<PointEntryView[]>(
    `select ${POINT_ENTRY_COLUMNS} from point_entry e where e.id = ?`,
    [id],
  );
  return entry ?? null;
}

/** An entry of a ledger the viewer may see; null otherwise (or for an unknown or undecodable reference). */
export async function findVisibleEntry(em: EntityManager, viewer: Viewer, id: IdRef): Promise<PointEntryView | null> {
  const entry = id === null ? null : await findEntry(em, id);
  return entry && (await maySeeLedger(em, viewer, entry.personId)) ? entry : null;
}

/** A member's entries of a year, newest first (at most UNPAGED_CAP). */
export function entriesOf(em: EntityManager, personId: number, year: number): Promise<PointEntryView[]> {
  return em.execute<PointEntryView[]>(
    `select ${POINT_ENTRY_COLUMNS} from point_entry e where e.person_id = ? and e.year = ?
      order by e.at desc, e.id desc limit ${UNPAGED_CAP}`,
    [personId, year],
  );
}

export interface EntryListFilter {
  ids?: readonly IdRef[] | null;
  q?: string | null;
  /** Undefined: anyone; null (an undecodable id): no entries. */
  personId?: IdRef;
  /** Members of this unit's subtree. Undefined: anywhere; null (an undecodable id): no entries. */
  orgUnitId?: IdRef;
  year?: number | null;
  kind?: PointEntryKind | null;
  /** Undefined: any rule; null (an undecodable id): no entries. */
  ruleId?: IdRef;
  sourceType?: PointSourceType | null;
}

/** The staff list of the entries of the ledgers the viewer keeps. */
export async function listEntries(
  em: EntityManager,
  viewer: Viewer,
  filter: EntryListFilter | null | undefined,
  args: ListArgs,
): Promise<ListPage<PointEntryView>> {
  // Scope first: members of the viewer's subtrees.
  const c = new Conditions().add(keptLedgersCondition(viewer)).add(refsFilter('e.id', filter?.ids));
  c.add(searchCondition(['e.reason'], filter?.q));
  if (filter?.personId !== undefined) c.and('e.person_id = ?', filter.personId ?? -1);
  if (filter?.orgUnitId !== undefined) {
    const path = await unitPath(em, filter.orgUnitId);
    c.and(
      `exists (select 1 from person_role pr join org_unit pu on pu.id = pr.org_unit_id
                where pr.person_id = e.person_id and pr.role = 'PARTY_MEMBER' and pu.path like ?)`,
      subtreePattern(path),
    );
  }
  if (filter?.year != null) c.and('e.year = ?', filter.year);
  if (filter?.kind) c.and('e.kind = ?', filter.kind);
  if (filter?.ruleId !== undefined) c.and('e.rule_id = ?', filter.ruleId ?? -1);
  if (filter?.sourceType) c.and('e.source_type = ?', filter.sourceType);
  return runList<PointEntryView>(
    em,
    {
      select: POINT_ENTRY_COLUMNS,
      from: 'from point_entry e',
      where: c.where,
      params: c.params,
      sortable: { at: 'e.at', amount: 'e.amount', kind: 'e.kind', year: 'e.year', id: 'e.id' },
      defaultSort: { field: 'at', order: 'DESC' },
      tieBreaker: 'e.id',
    },
    args,
  );
}

// ---- Balances and rankings ----

export interface PointSummary {
  personId: number;
  year: number;
  basic: number;
  positive: number;
  deductions: number;
  total: number;
}

export async function pointSummary(em: EntityManager, personId: number, year: number): Promise<PointSummary> {
  const [row] = await em.execute<{ basic: string; positive: string; deductions: string }[]>(
    `select coalesce(sum(amount) filter (where kind = 'BASIC'), 0) as basic,
            coalesce(sum(amount) filter (where kind = 'POSITIVE'), 0) as positive,
            coalesce(sum(amount) filter (where kind = 'DEDUCTION'), 0) as deductions
       from point_entry where person_id = ? and year = ?`,
    [personId, year],
  );
  const basic = Number(row?.basic ?? 0);
  const positive = Number(row?.positive ?? 0);
  const deductions = Number(row?.deductions ?? 0);
  return { personId, year, basic, positive, deductions, total: basic + positive - deductions };
}

/** A person's summary for a year: for themselves and for those who keep their ledger; null for others. */
export async function visibleSummary(
  em: EntityManager,
  viewer: Viewer | null,
  personId: number,
  year: number,
): Promise<PointSummary | null> {
  checkYear(year);
  return (await maySeeLedger(em, viewer, personId)) ? pointSummary(em, personId, year) : null;
}

export interface RankingRow {
  rank: number;
  total: number;
  personId: number;
}

/**
 * Party members of a unit's subtree by total, highest first; ties share a rank and the next skips (1, 2, 2, 4).
 * `first` defaults to 10 (at most 100); display screens are refused.
 */
export async function pointRanking(
  em: EntityManager,
  viewer: Viewer,
  args: { orgUnitId: IdRef; year: number; first?: number | null },
): Promise<RankingRow[]> {
  checkYear(args.year);
  const first = args.first ?? 10;
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
  const path = await unitPath(em, args.orgUnitId);
  if (path === null) throw notFound('Org unit');
  requireRankingViewer(viewer);
  const rows = await em.execute<{ rank: string; total: string; person_id: number }[]>(
    `with members as (
       select distinct r.person_id from person_role r join org_unit u on u.id = r.org_unit_id
        where r.role = 'PARTY_MEMBER' and u.path like ?
     ), totals as (
       -- The year's balances as the database keeps them beside the ledger (Migration20261201000120_PointYearTotals).
       select m.person_id, coalesce(t.total, 0) as total
         from members m left join point_year_total t on t.person_id = m.person_id and t.year = ?
     )
     select rank() over (order by total desc) as rank, total, person_id from totals
      order by total desc, person_id limit ?`,
    [`${path}%`, args.year, first],
  );
  return rows.map((r) => ({ rank: Number(r.rank), total: Number(r.total), personId: r.person_id }));
}
