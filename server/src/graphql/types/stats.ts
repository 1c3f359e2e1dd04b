/** Aggregates for the dashboard and the display boards: counts and averages, no personal data. */

import type { Viewer } from '../../domain/auth/viewer.ts';
import { badInput, notFound } from '../../domain/kernel/errors.ts';
import { currentSequence, visibleEventsBetween, type WishEventRecord } from '../../domain/wishes/wish.queries.ts';
import { type StatusCount, type UnitWishStats, type WishStats, wishStats } from '../../domain/wishes/wish.stats.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeId, encodeId } from '../ids.ts';
import type { OrgUnitView } from '../loaders.ts';
import { WishStatusEnum } from './enums.ts';
import { OrgUnitRef } from './hierarchy.ts';
import { WishEventRef } from './wishes.ts';

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
      resolve: async (u, _a, ctx) => (await ctx.loaders.orgUnit.load(u.unitId)) as OrgUnitView,
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

async function unitPathOf(ctx: Context, id: string | number | null | undefined): Promise<string | null> {
  if (id === null || id === undefined) return null;
  const unitId = decodeId('OrgUnit', String(id));
  const unit = unitId === null ? null : await ctx.loaders.orgUnit.load(unitId);
  if (!unit) throw notFound('Org unit');
  return unit.path;
}

builder.queryFields((t) => ({
  wishStats: t.field({
    type: WishStatsRef,
    authScopes: { loggedIn: true },
    args: { orgUnitId: t.arg.id(), from: t.arg({ type: 'DateTime' }), to: t.arg({ type: 'DateTime' }) },
    resolve: async (_r, args, ctx) => {
      if (args.from && args.to && args.from >= args.to) throw badInput('to', 'must be after from');
      return wishStats(ctx.em, ctx.viewer as Viewer, {
        unitPath: await unitPathOf(ctx, args.orgUnitId),
        from: args.from ?? null,
        to: args.to ?? null,
      });
    },
  }),
  recentWishEvents: t.field({
    type: [WishEventRef],
    description: 'The latest events the viewer may see, newest first: what a board shows before live events arrive',
    authScopes: { loggedIn: true },
    args: { orgUnitId: t.arg.id(), last: t.arg.int({ description: 'How many (default 20, at most 100)' }) },
    resolve: async (_r, args, ctx) => {
      const last = args.last ?? 20;
      if (!Number.isInteger(last) || last < 1 || last > 100) throw badInput('last', 'must be between 1 and 100');
      const unitPath = await unitPathOf(ctx, args.orgUnitId);
      const upTo = await currentSequence(ctx.em);
      // Walk back in windows until enough visible events are found (most are visible to staff and boards).
      const found: WishEventRecord[] = [];
      let high = upTo;
      for (let window = 500; high > 0 && found.length < last; window *= 4) {
        const low = Math.max(0, high - window);
        const chunk = await visibleEventsBetween(
          ctx.em,
          ctx.viewer as Viewer,
          { unitPath, wishId: null },
          low,
          high,
          100_000,
        );
        found.unshift(...chunk);
        high = low;
      }
      return found.slice(-last).reverse();
    },
  }),
}));
