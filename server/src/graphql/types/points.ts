/** The points ledger: balances, rankings, rules and entries. */

import { hasRole, isMasked, isUnder, type Viewer } from '../../domain/auth/viewer.ts';
import { badInput, forbidden, notFound } from '../../domain/kernel/errors.ts';
import { runList } from '../../domain/kernel/list.ts';
import { NO_UNIT, pgArray } from '../../domain/kernel/sql.ts';
import {
  grantYearlyBasic,
  POINT_ENTRY_COLUMNS,
  type PointEntryView,
  type PointSummary,
  PointsService,
  pointRanking,
  pointSummary,
  type RankingRow,
} from '../../domain/points/points.service.ts';
import { POINT_ENTRY_KINDS, POINT_SOURCE_TYPES } from '../../entities/points.entity.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeId, encodeId } from '../ids.ts';
import { ListSortInput, listPage } from '../list.ts';
import type { PersonView } from '../loaders.ts';
import { PersonRef } from './hierarchy.ts';

export const PointEntryKindEnum = builder.enumType('PointEntryKind', { values: POINT_ENTRY_KINDS });
const PointSourceTypeEnum = builder.enumType('PointSourceType', { values: POINT_SOURCE_TYPES });

interface RuleView {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: (typeof POINT_ENTRY_KINDS)[number];
  amount: number;
  capPerYear: number | null;
  active: boolean;
  description: string | null;
  version: number;
  updatedAt: Date;
}

const RULE_COLUMNS = `r.id, r.code, r.name_zh as "nameZh", r.name_en as "nameEn", r.kind, r.amount, r.cap_per_year as "capPerYear",
  r.active, r.description, r.version, r.updated_at as "updatedAt"`;

export const PointRuleRef = builder.objectRef<RuleView>('PointRule').implement({
  description: 'How many points an action earns or costs; edited by street staff.',
  fields: (t) => ({
    id: t.id({ resolve: (r) => encodeId('PointRule', r.id) }),
    code: t.exposeString('code'),
    name: t.exposeString('nameEn'),
    nameZh: t.exposeString('nameZh'),
    kind: t.field({ type: PointEntryKindEnum, resolve: (r) => r.kind }),
    amount: t.exposeInt('amount'),
    capPerYear: t.exposeInt('capPerYear', { nullable: true, description: 'Most one member may get by it in a year' }),
    active: t.exposeBoolean('active'),
    description: t.exposeString('description', { nullable: true }),
    version: t.exposeInt('version'),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.updatedAt }),
  }),
});

async function ruleById(ctx: Context, id: number): Promise<RuleView | null> {
  const [rule] = await ctx.em.execute<RuleView[]>(`select ${RULE_COLUMNS} from point_rule r where r.id = ?`, [id]);
  return rule ?? null;
}

export const PointEntryRef = builder.objectRef<PointEntryView>('PointEntry').implement({
  description: "One line of a party member's ledger. `amount` is positive; `kind` says whether it adds or deducts.",
  fields: (t) => ({
    id: t.id({ resolve: (e) => encodeId('PointEntry', e.id) }),
    kind: t.field({ type: PointEntryKindEnum, resolve: (e) => e.kind }),
    amount: t.exposeInt('amount'),
    reason: t.exposeString('reason'),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    year: t.exposeInt('year'),
    sourceType: t.field({
      type: PointSourceTypeEnum,
      resolve: (e) => e.sourceType as (typeof POINT_SOURCE_TYPES)[number],
    }),
    sourceKey: t.exposeString('sourceKey', { nullable: true }),
    rule: t.field({
      type: PointRuleRef,
      nullable: true,
      resolve: (e, _a, ctx) => (e.ruleId === null ? null : ruleById(ctx, e.ruleId)),
    }),
    reverses: t.id({
      nullable: true,
      description: 'The entry this one corrects',
      resolve: (e) => (e.reversesId === null ? null : encodeId('PointEntry', e.reversesId)),
    }),
    member: t.field({
      type: PersonRef,
      resolve: async (e, _a, ctx) => (await ctx.loaders.person.load(e.personId)) as PersonView,
    }),
    recordedBy: t.field({
      type: PersonRef,
      nullable: true,
      resolve: (e, _a, ctx) => (e.recordedById === null ? null : ctx.loaders.person.load(e.recordedById)),
    }),
  }),
});

const PointSummaryRef = builder.objectRef<PointSummary>('PointSummary').implement({
  description: 'basic + positive − deductions, for one member and year',
  fields: (t) => ({
    year: t.exposeInt('year'),
    basic: t.exposeInt('basic'),
    positive: t.exposeInt('positive'),
    deductions: t.exposeInt('deductions'),
    total: t.exposeInt('total'),
    entries: t.field({
      type: [PointEntryRef],
      description: 'Newest first',
      resolve: (s, _a, ctx) =>
        ctx.em.execute<PointEntryView[]>(
          `select ${POINT_ENTRY_COLUMNS} from point_entry e where e.person_id = ? and e.year = ? order by e.at desc, e.id desc`,
          [s.personId, s.year],
        ),
    }),
  }),
});

const PointRankingRowRef = builder.objectRef<RankingRow>('PointRankingRow').implement({
  fields: (t) => ({
    rank: t.exposeInt('rank', { description: 'Ties share a rank; the next rank skips (1, 2, 2, 4)' }),
    total: t.exposeInt('total'),
    member: t.field({
      type: PersonRef,
      resolve: async (r, _a, ctx) => (await ctx.loaders.person.load(r.personId)) as PersonView,
    }),
  }),
});

/** Subtrees whose ledgers the viewer keeps (secretaries: their unit; street staff: the street). */
function ledgerScopes(viewer: Viewer): string[] {
  return viewer.roles.filter((r) => r.role === 'BRANCH_SECRETARY' || r.role === 'STREET_ADMIN').map((r) => r.scopePath);
}

async function maySeeLedger(ctx: Context, personId: number): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (viewer.personId === personId) return true;
  const scopes = ledgerScopes(viewer);
  if (scopes.length === 0) return false;
  const units = await ctx.em.execute<{ path: string }[]>(
    `select u.path from person_role r join org_unit u on u.id = r.org_unit_id where r.person_id = ? and r.role = 'PARTY_MEMBER'`,
    [personId],
  );
  return units.some((u) => scopes.some((s) => isUnder(u.path, s)));
}

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw badInput('year', 'must be a year between 2000 and 2100');
  return year;
}

builder.objectField(PersonRef, 'points', (t) =>
  t.field({
    type: PointSummaryRef,
    nullable: true,
    description: "The person's points for a year: for themselves, and for secretaries who keep their ledger",
    args: { year: t.arg.int({ required: true }) },
    resolve: async (person, args, ctx) => {
      checkYear(args.year);
      return (await maySeeLedger(ctx, person.id)) ? pointSummary(ctx.em, person.id, args.year) : null;
    },
  }),
);

const PointRuleListFilter = builder.inputType('PointRuleListFilter', {
  fields: (t) => ({
    ids: t.idList(),
    q: t.string(),
    kind: t.field({ type: PointEntryKindEnum }),
    active: t.boolean(),
  }),
});

const PointEntryListFilter = builder.inputType('PointEntryListFilter', {
  fields: (t) => ({
    ids: t.idList(),
    q: t.string({ description: 'Text in the reason' }),
    personId: t.id(),
    orgUnitId: t.id({ description: "Members of this unit's subtree" }),
    year: t.int(),
    kind: t.field({ type: PointEntryKindEnum }),
    ruleId: t.id(),
    sourceType: t.field({ type: PointSourceTypeEnum }),
  }),
});

const decodeAll = (type: 'PointRule' | 'PointEntry', ids: readonly (string | number)[]) =>
  ids.map((id) => decodeId(type, String(id))).filter((id): id is number => id !== null);

builder.queryFields((t) => ({
  pointRanking: t.field({
    type: [PointRankingRowRef],
    description: "Party members of a unit's subtree (a branch, a community, the street) by total points",
    authScopes: { loggedIn: true },
    args: {
      orgUnitId: t.arg.id({ required: true }),
      year: t.arg.int({ required: true }),
      first: t.arg.int({ description: 'How many rows (default 10, at most 100)' }),
    },
    resolve: async (_r, args, ctx) => {
      checkYear(args.year);
      const first = args.first ?? 10;
      if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
      const unitId = decodeId('OrgUnit', String(args.orgUnitId));
      const unit = unitId === null ? null : await ctx.loaders.orgUnit.load(unitId);
      if (!unit) throw notFound('Org unit');
      if (ctx.viewer && isMasked(ctx.viewer)) throw forbidden('Display screens do not show rankings of people');
      return pointRanking(ctx.em, unit.path, args.year, first);
    },
  }),
  pointRule: t.field({
    type: PointRuleRef,
    nullable: true,
    authScopes: { loggedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => {
      const id = decodeId('PointRule', String(args.id));
      return id === null ? null : ruleById(ctx, id);
    },
  }),
  pointEntry: t.field({
    type: PointEntryRef,
    nullable: true,
    description: 'An entry of a ledger the viewer may see (their own, or one they keep); null otherwise',
    authScopes: { loggedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const id = decodeId('PointEntry', String(args.id));
      if (id === null) return null;
      const [entry] = await ctx.em.execute<PointEntryView[]>(
        `select ${POINT_ENTRY_COLUMNS} from point_entry e where e.id = ?`,
        [id],
      );
      return entry && (await maySeeLedger(ctx, entry.personId)) ? entry : null;
    },
  }),
  pointRules: t.field({
    type: [PointRuleRef],
    authScopes: { loggedIn: true },
    resolve: (_r, _a, ctx) =>
      ctx.em.execute<RuleView[]>(`select ${RULE_COLUMNS} from point_rule r order by r.kind, r.code`),
  }),
  pointRuleList: t.field({
    type: listPage('PointRule', PointRuleRef),
    authScopes: { staff: true },
    args: {
      filter: t.arg({ type: PointRuleListFilter }),
      sort: t.arg({ type: ListSortInput }),
      offset: t.arg.int(),
      limit: t.arg.int(),
    },
    resolve: (_r, args, ctx) => {
      const where: string[] = [];
      const params: unknown[] = [];
      const f = args.filter;
      if (f?.ids) {
        where.push('r.id = any(?::int[])');
        params.push(pgArray(decodeAll('PointRule', f.ids)));
      }
      if (f?.q) {
        where.push('(r.code ilike ? or r.name_zh ilike ? or r.name_en ilike ?)');
        params.push(...Array(3).fill(`%${f.q}%`));
      }
      if (f?.kind) {
        where.push('r.kind = ?');
        params.push(f.kind);
      }
      if (f?.active != null) {
        where.push('r.active = ?');
        params.push(f.active);
      }
      return runList<RuleView>(
        ctx.em,
        {
          select: RULE_COLUMNS,
          from: 'from point_rule r',
          where,
          params,
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
    },
  }),
  pointEntryList: t.field({
    type: listPage('PointEntry', PointEntryRef),
    description: 'Ledger entries of the party members whose ledgers the viewer keeps',
    authScopes: { staff: true },
    args: {
      filter: t.arg({ type: PointEntryListFilter }),
      sort: t.arg({ type: ListSortInput }),
      offset: t.arg.int(),
      limit: t.arg.int(),
    },
    resolve: async (_r, args, ctx) => {
      const viewer = ctx.viewer as Viewer;
      const scopes = ledgerScopes(viewer).map((s) => `${s}%`);
      // Scope first: members of the viewer's subtrees.
      const where = [
        `exists (select 1 from person_role pr join org_unit pu on pu.id = pr.org_unit_id
                  where pr.person_id = e.person_id and pr.role = 'PARTY_MEMBER' and pu.path like any (?::text[]))`,
      ];
      const params: unknown[] = [pgArray(scopes)];
      const f = args.filter;
      if (f?.ids) {
        where.push('e.id = any(?::int[])');
        params.push(pgArray(decodeAll('PointEntry', f.ids)));
      }
      if (f?.q) {
        where.push('e.reason ilike ?');
        params.push(`%${f.q}%`);
      }
      if (f?.personId != null) {
        where.push('e.person_id = ?');
        params.push(decodeId('Person', String(f.personId)) ?? -1);
      }
      if (f?.orgUnitId != null) {
        const unitId = decodeId('OrgUnit', String(f.orgUnitId));
        const unit = unitId === null ? null : await ctx.loaders.orgUnit.load(unitId);
        where.push(`exists (select 1 from person_role pr join org_unit pu on pu.id = pr.org_unit_id
                     where pr.person_id = e.person_id and pr.role = 'PARTY_MEMBER' and pu.path like ?)`);
        params.push(unit ? `${unit.path}%` : NO_UNIT);
      }
      if (f?.year != null) {
        where.push('e.year = ?');
        params.push(f.year);
      }
      if (f?.kind) {
        where.push('e.kind = ?');
        params.push(f.kind);
      }
      if (f?.ruleId != null) {
        where.push('e.rule_id = ?');
        params.push(decodeId('PointRule', String(f.ruleId)) ?? -1);
      }
      if (f?.sourceType) {
        where.push('e.source_type = ?');
        params.push(f.sourceType);
      }
      return runList<PointEntryView>(
        ctx.em,
        {
          select: POINT_ENTRY_COLUMNS,
          from: 'from point_entry e',
          where,
          params,
          sortable: { at: 'e.at', amount: 'e.amount', kind: 'e.kind', year: 'e.year', id: 'e.id' },
          defaultSort: { field: 'at', order: 'DESC' },
          tieBreaker: 'e.id',
        },
        args,
      );
    },
  }),
}));

const RecordPointsInput = builder.inputType('RecordPointsInput', {
  fields: (t) => ({
    personId: t.id({ required: true }),
    kind: t.field({ type: PointEntryKindEnum, required: true, description: 'POSITIVE or DEDUCTION' }),
    amount: t.int({ required: true, description: '1–1000' }),
    reason: t.string({ required: true }),
  }),
});
const CorrectPointEntryInput = builder.inputType('CorrectPointEntryInput', {
  fields: (t) => ({ entryId: t.id({ required: true }), reason: t.string({ required: true }) }),
});
const UpdatePointRuleInput = builder.inputType('UpdatePointRuleInput', {
  fields: (t) => ({
    ruleId: t.id({ required: true }),
    amount: t.int(),
    capPerYear: t.int(),
    clearCap: t.boolean({ description: 'Remove the yearly cap' }),
    active: t.boolean(),
    nameZh: t.string(),
    nameEn: t.string(),
    expectedVersion: t.int({ description: 'Refuse with CONFLICT if the rule changed since this version' }),
  }),
});

const PointEntryPayload = builder.objectRef<{ entryId: number }>('PointEntryPayload').implement({
  fields: (t) => ({
    entry: t.field({
      type: PointEntryRef,
      resolve: async (p, _a, ctx) => {
        const [entry] = await ctx.em.execute<PointEntryView[]>(
          `select ${POINT_ENTRY_COLUMNS} from point_entry e where e.id = ?`,
          [p.entryId],
        );
        return entry as PointEntryView;
      },
    }),
  }),
});

const PointRulePayload = builder.objectRef<{ ruleId: number }>('PointRulePayload').implement({
  fields: (t) => ({
    rule: t.field({ type: PointRuleRef, resolve: async (p, _a, ctx) => (await ruleById(ctx, p.ruleId)) as RuleView }),
  }),
});

const service = (ctx: Context) => new PointsService(ctx.em, ctx.viewer as Viewer);

builder.mutationFields((t) => ({
  recordPoints: t.field({
    type: PointEntryPayload,
    description: 'A manual entry by a secretary, with a reason',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: RecordPointsInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      entryId: await service(ctx).recordManual({ ...input, personId: String(input.personId) }),
    }),
  }),
  correctPointEntry: t.field({
    type: PointEntryPayload,
    description: 'Reverse an entry: the original stays and a reversing entry is added',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: CorrectPointEntryInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      entryId: await service(ctx).correct({ entryId: String(input.entryId), reason: input.reason }),
    }),
  }),
  updatePointRule: t.field({
    type: PointRulePayload,
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: UpdatePointRuleInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      ruleId: await service(ctx).updateRule({ ...input, ruleId: String(input.ruleId) }),
    }),
  }),
  grantBasicPoints: t.int({
    description: 'Credit the yearly basic points to every party member who has none for the year; returns how many',
    authScopes: { loggedIn: true },
    args: { year: t.arg.int({ required: true }) },
    resolve: async (_r, args, ctx) => {
      checkYear(args.year);
      if (!ctx.viewer || !hasRole(ctx.viewer, ['STREET_ADMIN']))
        throw forbidden('Only street staff grant basic points');
      return ctx.em.transactional((em) => grantYearlyBasic(em, args.year, new Date()));
    },
  }),
}));
