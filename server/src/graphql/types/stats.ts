/** Aggregates for the dashboard and the display boards: counts and averages, no personal data. */

import { badInput, notFound } from '../../domain/kernel/errors.ts';
import type { OrgUnitRecord } from '../../domain/organisation/org-unit.queries.ts';
import { recentVisibleEvents } from '../../domain/wishes/wish.queries.ts';
import { type StatusCount, type UnitWishStats, type WishStats, wishStats } from '../../domain/wishes/wish.stats.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { encodeId, ref } from '../ids.ts';
import { OrgUnitRef } from './org-unit.ts';
import { WishEventRef } from './wish.ts';
import { WishStatusEnum } from './wish-enums.ts';

const StatusCountRef = builder.objectRef<StatusCount>('StatusCount').implement({
  fields: (t) => ({
    status: t.field({ type: WishStatusEnum, resolve: (c) => c.status }),
    count: t.exposeInt('count'),
  }),
});

const UnitWishStatsRef = builder.objectRef<UnitWishStats>('UnitWishStats').implement({
  fields: (t) => ({
    unit: t.field({
      type: OrgUnitRef,
      resolve: async (u, _a, ctx) => (await ctx.loaders.orgUnit.load(u.unitId)) as OrgUnitRecord,
    }),
    unitId: t.id({ resolve: (u) => encodeId('OrgUnit', u.unitId) }),
    total: t.exposeInt('total'),
    open: t.exposeInt('open'),
    closed: t.exposeInt('closed'),
    overdue: t.exposeInt('overdue'),
  }),
});

const WishStatsRef = builder.objectRef<WishStats>('WishStats').implement({
  description: 'Wishes the viewer may see, in a unit subtree and a period',
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'Wishes listed before the end of the period' }),
    byStatus: t.field({ type: [StatusCountRef], resolve: (s) => s.byStatus }),
    byCommunity: t.field({ type: [UnitWishStatsRef], resolve: (s) => s.byCommunity }),
    overdue: t.exposeInt('overdue'),
    averageHoursToClose: t.exposeFloat('averageHoursToClose', { nullable: true }),
    averageRating: t.exposeFloat('averageRating', { nullable: true, description: 'Evaluations in the period' }),
    ratedCount: t.exposeInt('ratedCount'),
    reopenedShare: t.exposeFloat('reopenedShare', {
      nullable: true,
      description: 'Share of evaluations that reopened',
    }),
    transitions: t.field({
      type: [StatusCountRef],
      description: 'Transitions in the period, by the state they produced',
      resolve: (s) => s.transitions,
    }),
  }),
});

/** The subtree an optional orgUnitId names; NOT_FOUND when the id does not decode or names no unit. */
async function unitPathOf(ctx: Context, id: string | null | undefined): Promise<string | null> {
  if (id === null || id === undefined) return null;
  const unitId = ref('OrgUnit', id);
  const unit = unitId === null ? null : await ctx.loaders.orgUnit.load(unitId);
  if (!unit) throw notFound('Org unit');
  return unit.path;
}

builder.queryFields((t) => ({
  wishStats: t.withAuth({ loggedIn: true }).field({
    type: WishStatsRef,
    args: { orgUnitId: t.arg.id(), from: t.arg({ type: 'DateTime' }), to: t.arg({ type: 'DateTime' }) },
    resolve: async (_r, args, ctx) => {
      if (args.from && args.to && args.from >= args.to) throw badInput('to', 'must be after from');
      return wishStats(ctx.em, ctx.viewer, {
        unitPath: await unitPathOf(ctx, args.orgUnitId),
        from: args.from ?? null,
        to: args.to ?? null,
      });
    },
  }),
  recentWishEvents: t.withAuth({ loggedIn: true }).field({
    type: [WishEventRef],
    description: 'The latest events the viewer may see, newest first: what a board shows before live events arrive',
    args: { orgUnitId: t.arg.id(), last: t.arg.int({ description: 'How many (default 20, at most 100)' }) },
    resolve: async (_r, args, ctx) => {
      const last = args.last ?? 20;
      if (!Number.isInteger(last) || last < 1 || last > 100) throw badInput('last', 'must be between 1 and 100');
      return recentVisibleEvents(ctx.em, ctx.viewer, await unitPathOf(ctx, args.orgUnitId), last);
    },
  }),
}));
