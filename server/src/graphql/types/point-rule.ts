/**
 * PointRule: the type, its queries and its mutation. schema.ts calls the `register…` functions and merges the
 * root fields with the entries' in the published order (Pothos prints each kind in the order it was registered).
 */

import { allRules, findRule, listRules, type RuleView } from '../../domain/points/points.queries.ts';
import { PointsService } from '../../domain/points/points.service.ts';
import { builder } from '../builder.ts';
import { encodeId, ref, refs } from '../ids.ts';
import { listArgs, listPage } from '../list.ts';
import { implementPayload, payloadRef } from '../payload.ts';
import { PointEntryKindEnum } from './point-entry.ts';

export const PointRuleRef = builder.objectRef<RuleView>('PointRule');
const PointRulePayload = payloadRef('PointRulePayload');

type QueryFieldBuilder = Parameters<Parameters<typeof builder.queryFields>[0]>[0];

export function registerPointRule(): void {
  PointRuleRef.implement({
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
}

let listFilter: ReturnType<typeof defineListFilter>;
const defineListFilter = () =>
  builder.inputType('PointRuleListFilter', {
    fields: (t) => ({
      ids: t.idList(),
      q: t.string(),
      kind: t.field({ type: PointEntryKindEnum }),
      active: t.boolean(),
    }),
  });

export function registerPointRuleListFilter(): void {
  listFilter = defineListFilter();
}

export const registerPointRulePayload = () =>
  implementPayload(PointRulePayload, 'rule', PointRuleRef, 'Point rule', (ctx, id) => findRule(ctx.em, id));

export const pointRuleQueries = (t: QueryFieldBuilder) => ({
  pointRule: t.withAuth({ loggedIn: true }).field({
    type: PointRuleRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => findRule(ctx.em, ref('PointRule', args.id)),
  }),
  pointRules: t.withAuth({ loggedIn: true }).field({
    type: [PointRuleRef],
    resolve: (_r, _a, ctx) => allRules(ctx.em),
  }),
  pointRuleList: t.field({
    type: listPage('PointRule', PointRuleRef),
    authScopes: { staff: true },
    args: listArgs(listFilter),
    resolve: (_r, { filter, ...args }, ctx) =>
      listRules(ctx.em, filter ? { ...filter, ids: refs('PointRule', filter.ids) } : null, args),
  }),
});

/** UpdatePointRuleInput and updatePointRule. */
export function registerPointRuleMutation(): void {
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

  builder.mutationField('updatePointRule', (t) =>
    t.withAuth({ loggedIn: true }).field({
      type: PointRulePayload,
      args: { input: t.arg({ type: UpdatePointRuleInput, required: true }) },
      resolve: (_r, { input }, ctx) =>
        new PointsService(ctx.em, ctx.viewer).updateRule({ ...input, ruleId: ref('PointRule', input.ruleId) }),
    }),
  );
}
