/**
 * The points ledger: PointEntry, a member's PointSummary (Person.points), the ranking, their queries and the
 * staff's mutations. schema.ts calls the `register…` functions and merges the root fields with the rules' in
 * the published order (Pothos prints each kind in the order it was registered).
 */

import type { PersonRecord } from '../../domain/organisation/person.queries.ts';
import {
  entriesOf,
  findEntry,
  findRule,
  findVisibleEntry,
  listEntries,
  type PointEntryView,
  type PointSummary,
  pointRanking,
  type RankingRow,
  visibleSummary,
} from '../../domain/points/points.queries.ts';
import { PointsService } from '../../domain/points/points.service.ts';
import { POINT_ENTRY_KINDS, POINT_SOURCE_TYPES } from '../../entities/points.entity.ts';
import { builder, enumValues } from '../builder.ts';
import type { Context, LoggedInContext } from '../context.ts';
import { encodeId, optionalRef, ref, refs } from '../ids.ts';
import { listArgs, listPage } from '../list.ts';
import { implementPayload, payloadRef } from '../payload.ts';
import { PersonRef } from './person.ts';
import { PointRuleRef } from './point-rule.ts';

export const PointEntryKindEnum = enumValues(POINT_ENTRY_KINDS);
const PointSourceTypeEnum = enumValues(POINT_SOURCE_TYPES);

export const PointEntryRef = builder.objectRef<PointEntryView>('PointEntry');
const PointSummaryRef = builder.objectRef<PointSummary>('PointSummary');
const PointRankingRowRef = builder.objectRef<RankingRow>('PointRankingRow');
const PointEntryPayload = payloadRef('PointEntryPayload');

type QueryFieldBuilder = Parameters<Parameters<typeof builder.queryFields>[0]>[0];

const person = async (ctx: Context, id: number) => (await ctx.loaders.person.load(id)) as PersonRecord;

/** PointEntryKind and PointSourceType. */
export function registerPointEnums(): void {
  builder.enumType(PointEntryKindEnum, { name: 'PointEntryKind' });
  builder.enumType(PointSourceTypeEnum, { name: 'PointSourceType' });
}

/** PointEntry, PointSummary (and Person.points), PointRankingRow and PointEntryPayload. */
export function registerPointEntryTypes(): void {
  PointEntryRef.implement({
    description: "One line of a party member's ledger. `amount` is positive; `kind` says whether it adds or deducts.",
    fields: (t) => ({
      id: t.id({ resolve: (e) => encodeId('PointEntry', e.id) }),
      kind: t.field({ type: PointEntryKindEnum, resolve: (e) => e.kind }),
      amount: t.exposeInt('amount'),
      reason: t.exposeString('reason'),
      at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
      year: t.exposeInt('year'),
      sourceType: t.field({ type: PointSourceTypeEnum, resolve: (e) => e.sourceType }),
      sourceKey: t.exposeString('sourceKey', { nullable: true }),
      rule: t.field({ type: PointRuleRef, nullable: true, resolve: (e, _a, ctx) => findRule(ctx.em, e.ruleId) }),
      reverses: t.id({
        nullable: true,
        description: 'The entry this one corrects',
        resolve: (e) => (e.reversesId === null ? null : encodeId('PointEntry', e.reversesId)),
      }),
      member: t.field({ type: PersonRef, resolve: (e, _a, ctx) => person(ctx, e.personId) }),
      recordedBy: t.field({
        type: PersonRef,
        nullable: true,
        resolve: (e, _a, ctx) => (e.recordedById === null ? null : ctx.loaders.person.load(e.recordedById)),
      }),
    }),
  });

  PointSummaryRef.implement({
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
        resolve: (s, _a, ctx) => entriesOf(ctx.em, s.personId, s.year),
      }),
    }),
  });

  PointRankingRowRef.implement({
    fields: (t) => ({
      rank: t.exposeInt('rank', { description: 'Ties share a rank; the next rank skips (1, 2, 2, 4)' }),
      total: t.exposeInt('total'),
      member: t.field({ type: PersonRef, resolve: (r, _a, ctx) => person(ctx, r.personId) }),
    }),
  });

  builder.objectField(PersonRef, 'points', (t) =>
    t.field({
      type: PointSummaryRef,
      nullable: true,
      description: "The person's points for a year: for themselves, and for secretaries who keep their ledger",
      args: { year: t.arg.int({ required: true }) },
      resolve: (p, args, ctx) => visibleSummary(ctx.em, ctx.viewer, p.id, args.year),
    }),
  );

  implementPayload(PointEntryPayload, 'entry', PointEntryRef, 'Point entry', (ctx, id) => findEntry(ctx.em, id));
}

let listFilter: ReturnType<typeof defineListFilter>;
const defineListFilter = () =>
  builder.inputType('PointEntryListFilter', {
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

export function registerPointEntryListFilter(): void {
  listFilter = defineListFilter();
}

export const pointEntryQueries = (t: QueryFieldBuilder) => ({
  pointRanking: t.withAuth({ loggedIn: true }).field({
    type: [PointRankingRowRef],
    description: "Party members of a unit's subtree (a branch, a community, the street) by total points",
    args: {
      orgUnitId: t.arg.id({ required: true }),
      year: t.arg.int({ required: true }),
      first: t.arg.int({ description: 'How many rows (default 10, at most 100)' }),
    },
    resolve: (_r, args, ctx) =>
      pointRanking(ctx.em, ctx.viewer, { ...args, orgUnitId: ref('OrgUnit', args.orgUnitId) }),
  }),
  pointEntry: t.withAuth({ loggedIn: true }).field({
    type: PointEntryRef,
    nullable: true,
    description: 'An entry of a ledger the viewer may see (their own, or one they keep); null otherwise',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => findVisibleEntry(ctx.em, ctx.viewer, ref('PointEntry', args.id)),
  }),
  pointEntryList: t.withAuth({ $all: { loggedIn: true, staff: true } }).field({
    type: listPage('PointEntry', PointEntryRef),
    description: 'Ledger entries of the party members whose ledgers the viewer keeps',
    args: listArgs(listFilter),
    resolve: (_r, { filter, ...args }, ctx) =>
      listEntries(
        ctx.em,
        ctx.viewer,
        filter
          ? {
              ...filter,
              ids: refs('PointEntry', filter.ids),
              personId: optionalRef('Person', filter.personId),
              orgUnitId: optionalRef('OrgUnit', filter.orgUnitId),
              ruleId: optionalRef('PointRule', filter.ruleId),
            }
          : null,
        args,
      ),
  }),
});

const service = (ctx: LoggedInContext) => new PointsService(ctx.em, ctx.viewer);

/** RecordPointsInput and CorrectPointEntryInput, and the mutations that take them (printed in the same order). */
export function registerPointEntryMutations(): void {
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

  builder.mutationFields((t) => ({
    recordPoints: t.withAuth({ loggedIn: true }).field({
      type: PointEntryPayload,
      description: 'A manual entry by a secretary, with a reason',
      args: { input: t.arg({ type: RecordPointsInput, required: true }) },
      resolve: (_r, { input }, ctx) => service(ctx).recordManual({ ...input, personId: ref('Person', input.personId) }),
    }),
    correctPointEntry: t.withAuth({ loggedIn: true }).field({
      type: PointEntryPayload,
      description: 'Reverse an entry: the original stays and a reversing entry is added',
      args: { input: t.arg({ type: CorrectPointEntryInput, required: true }) },
      resolve: (_r, { input }, ctx) =>
        service(ctx).correct({ entryId: ref('PointEntry', input.entryId), reason: input.reason }),
    }),
  }));
}

/** grantBasicPoints (after updatePointRule in the published order). */
export function registerGrantBasicPoints(): void {
  builder.mutationField('grantBasicPoints', (t) =>
    t.withAuth({ loggedIn: true }).int({
      description: 'Credit the yearly basic points to every party member who has none for the year; returns how many',
      args: { year: t.arg.int({ required: true }) },
      resolve: (_r, args, ctx) => service(ctx).grantBasic(args.year),
    }),
  );
}
