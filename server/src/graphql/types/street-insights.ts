/**
 * What the street learns from its wishes: similar wishes before listing one (and following it instead), merging a
 * duplicate, hot spots, and the public board that needs no token.
 */
import DataLoader from 'dataloader';
import { followedBy, mergedInto, supporterCounts, wishVersions } from '../../domain/insights/followers.queries.ts';
import { type HotSpot, hotSpots } from '../../domain/insights/hot-spots.queries.ts';
import { InsightsService } from '../../domain/insights/insights.service.ts';
import {
  type PublicActivity,
  type PublicBoard,
  type PublicBranch,
  type PublicUnit,
  publicBoard,
  publicBoardEnabled,
} from '../../domain/insights/public-board.queries.ts';
import { type SimilarWish, similarWishes } from '../../domain/insights/similar-wishes.queries.ts';
import type { OrgUnitRecord } from '../../domain/organisation/org-unit.queries.ts';
import type { WishCategoryRecord } from '../../domain/organisation/wish-category.queries.ts';
import { findVisibleWishes, findWishMasked, type WishView } from '../../domain/wishes/wish.queries.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { encodeId, optionalRef, ref } from '../ids.ts';
import { OrgUnitRef } from './org-unit.ts';
import { WishPayload, WishRef } from './wish.ts';
import { WishCategoryRef } from './wish-category.ts';

/** Batches (within one tick, never cached: a subscription's next event reads afresh) of the Wish fields below. */
interface InsightLoaders {
  supporters: DataLoader<number, number>;
  followed: DataLoader<number, boolean>;
  mergedInto: DataLoader<number, number | null>;
  versions: DataLoader<number, number>;
  boardEnabled: DataLoader<number, boolean>;
}
const loadersOf = new WeakMap<Context, InsightLoaders>();
function insightLoaders(ctx: Context): InsightLoaders {
  let loaders = loadersOf.get(ctx);
  if (!loaders) {
    const personId = ctx.viewer?.personId ?? null;
    loaders = {
      supporters: new DataLoader(
        async (ids) => {
          const counts = await supporterCounts(ctx.em, ids);
          return ids.map((id) => counts.get(id) ?? 0);
        },
        { cache: false },
      ),
      followed: new DataLoader(
        async (ids) => {
          const mine = personId === null ? new Set<number>() : await followedBy(ctx.em, personId, ids);
          return ids.map((id) => mine.has(id));
        },
        { cache: false },
      ),
      mergedInto: new DataLoader(
        async (ids) => {
          const into = await mergedInto(ctx.em, ids);
          return ids.map((id) => into.get(id) ?? null);
        },
        { cache: false },
      ),
      versions: new DataLoader(
        async (ids) => {
          const versions = await wishVersions(ctx.em, ids);
          return ids.map((id) => versions.get(id) ?? 0);
        },
        { cache: false },
      ),
      boardEnabled: new DataLoader(async (ids) => Promise.all(ids.map((id) => publicBoardEnabled(ctx.em, id))), {
        cache: false,
      }),
    };
    loadersOf.set(ctx, loaders);
  }
  return loaders;
}

/** A wish as the viewer may see it: in full where they may, else masked (as a display screen sees it). */
async function wishAsSeen(ctx: Context, id: number): Promise<WishView> {
  const [visible] = ctx.viewer ? await findVisibleWishes(ctx.em, ctx.viewer, [id]) : [];
  return visible ?? findWishMasked(ctx.em, id);
}

builder.objectFields(WishRef, (t) => ({
  version: t.int({
    description: 'Grows with every transition: send it back as expectedVersion (mergeWish) to refuse a stale change',
    resolve: (w, _a, ctx) => insightLoaders(ctx).versions.load(w.id),
  }),
  supporterCount: t.int({
    description: 'How many people follow this wish instead of listing it again (its resident not counted)',
    resolve: (w, _a, ctx) => insightLoaders(ctx).supporters.load(w.id),
  }),
  followedByMe: t.boolean({
    description: 'The viewer follows this wish (followWish)',
    resolve: (w, _a, ctx) => insightLoaders(ctx).followed.load(w.id),
  }),
  mergedInto: t.field({
    type: WishRef,
    nullable: true,
    description: 'The original this duplicate was merged into (mergeWish); null for a wish never merged',
    resolve: async (w, _a, ctx) => {
      const into = await insightLoaders(ctx).mergedInto.load(w.id);
      return into === null ? null : wishAsSeen(ctx, into);
    },
  }),
}));

builder.objectFields(OrgUnitRef, (t) => ({
  publicBoardEnabled: t.boolean({
    nullable: true,
    description: "A street's public board (/public/<id>) is on; null for other units (their street decides)",
    resolve: (u, _a, ctx) => (u.kind === 'STREET' ? insightLoaders(ctx).boardEnabled.load(u.id) : null),
  }),
}));

// ---- Similar wishes ----

const SimilarWishRef = builder.objectRef<SimilarWish>('SimilarWish').implement({
  description: 'A wish that resembles the one being written: follow it instead of listing it again',
  fields: (t) => ({
    similarity: t.float({ description: '0–1, higher is more alike', resolve: (s) => s.similarity }),
    wish: t.field({
      type: WishRef,
      description: "Another resident's wish comes as a display screen sees it: no names, no description",
      resolve: (s) => s.wish,
    }),
  }),
});

const SimilarWishesInput = builder.inputType('SimilarWishesInput', {
  fields: (t) => ({
    title: t.string({ required: true, description: '1–100 characters' }),
    description: t.string({ description: 'At most 4000 characters' }),
    categoryCode: t.string({ description: 'Only wishes of this category' }),
    orgUnitId: t.id({ description: "The compound; defaults to the viewer's own" }),
  }),
});

// ---- Hot spots ----

const HotSpotRef = builder.objectRef<HotSpot>('HotSpot').implement({
  description: 'A category that keeps coming back in one compound',
  fields: (t) => ({
    count: t.exposeInt('count', { description: 'Wishes of the category listed in the compound in the window' }),
    firstAt: t.field({ type: 'DateTime', description: 'The first of them was listed', resolve: (h) => h.firstAt }),
    lastAt: t.field({ type: 'DateTime', description: 'The latest of them was listed', resolve: (h) => h.lastAt }),
    compound: t.field({
      type: OrgUnitRef,
      resolve: async (h, _a, ctx) => (await ctx.loaders.orgUnit.load(h.compoundId)) as OrgUnitRecord,
    }),
    category: t.field({
      type: WishCategoryRef,
      resolve: async (h, _a, ctx) => (await ctx.loaders.category.load(h.categoryId)) as WishCategoryRecord,
    }),
  }),
});

// ---- The public board ----

const PublicUnitRef = builder.objectRef<PublicUnit>('PublicUnit').implement({
  description: 'A unit on the public board: its id and names only',
  fields: (t) => ({
    id: t.id({ resolve: (u) => encodeId('OrgUnit', u.id) }),
    name: t.exposeString('name', { description: 'English name' }),
    nameZh: t.exposeString('nameZh', { description: 'Simplified Chinese name' }),
  }),
});

const PublicThemeRef = builder.objectRef<{ title: string }>('PublicTheme').implement({
  description: "The street's theme of the month",
  fields: (t) => ({ title: t.exposeString('title') }),
});

const PublicActivityRef = builder.objectRef<PublicActivity>('PublicActivity').implement({
  description: 'An upcoming volunteer activity (who signed up is never shown)',
  fields: (t) => ({
    title: t.exposeString('title'),
    startsAt: t.field({ type: 'DateTime', resolve: (a) => a.startsAt }),
    endsAt: t.field({ type: 'DateTime', resolve: (a) => a.endsAt }),
    place: t.exposeString('place'),
    organizer: t.field({ type: PublicUnitRef, resolve: (a) => a.organizer }),
  }),
});

const PublicBranchRef = builder.objectRef<PublicBranch>('PublicBranch').implement({
  description: "One branch's results: a street's community, or a community's compound",
  fields: (t) => ({
    unit: t.field({ type: PublicUnitRef, resolve: (b) => b.unit }),
    resolved: t.exposeInt('resolved', { description: 'Wishes resolved this month' }),
    averageRating: t.float({
      nullable: true,
      description: 'Mean rating (1–5) over the last 365 days; null without ratings',
      resolve: (b) => b.averageRating,
    }),
  }),
});

const PublicBoardRef = builder.objectRef<PublicBoard>('PublicBoard').implement({
  description: "A street's or community's results for everyone: counts, ratings, the theme; never a person or a title",
  fields: (t) => ({
    unit: t.field({ type: PublicUnitRef, resolve: (b) => b.unit }),
    resolvedThisMonth: t.exposeInt('resolvedThisMonth', {
      description: 'Wishes resolved in this calendar month (China Standard Time)',
    }),
    openNow: t.exposeInt('openNow', { description: 'Wishes waiting for work now (not yet resolved)' }),
    averageRating: t.float({
      nullable: true,
      description: 'Mean rating (1–5) over the last 365 days; null without ratings',
      resolve: (b) => b.averageRating,
    }),
    averageDaysToClose: t.float({
      nullable: true,
      description: 'Mean days from listing to closing, over wishes closed in the last 365 days',
      resolve: (b) => b.averageDaysToClose,
    }),
    theme: t.field({ type: PublicThemeRef, nullable: true, resolve: (b) => b.theme }),
    upcomingActivities: t.field({
      type: [PublicActivityRef],
      description: 'Activities in the next 30 days, of this unit and the units above it (at most 10)',
      resolve: (b) => b.upcomingActivities,
    }),
    branches: t.field({ type: [PublicBranchRef], resolve: (b) => b.branches }),
  }),
});

const MergeWishInput = builder.inputType('MergeWishInput', {
  fields: (t) => ({
    wishId: t.id({ required: true, description: 'The duplicate' }),
    intoWishId: t.id({ required: true, description: 'The original it repeats (same compound)' }),
    expectedVersion: t.int({ description: 'Refuse with CONFLICT if the duplicate changed since this version' }),
  }),
});

const PublicBoardSettingRef = builder
  .objectRef<{ streetId: number; enabled: boolean }>('PublicBoardSettingPayload')
  .implement({
    fields: (t) => ({
      street: t.field({
        type: OrgUnitRef,
        resolve: async (s, _a, ctx) => (await ctx.loaders.orgUnit.load(s.streetId)) as OrgUnitRecord,
      }),
      enabled: t.exposeBoolean('enabled'),
    }),
  });

builder.queryFields((t) => ({
  similarWishes: t.withAuth({ loggedIn: true }).field({
    type: [SimilarWishRef],
    description:
      'Wishes of the compound (open, or closed in the last 30 days) that resemble this one, most similar first, at most 5',
    args: { input: t.arg({ type: SimilarWishesInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      similarWishes(ctx.em, ctx.viewer, { ...input, orgUnitId: optionalRef('OrgUnit', input.orgUnitId) }),
  }),
  hotSpots: t.withAuth({ loggedIn: true }).field({
    type: [HotSpotRef],
    description:
      '(compound, category) pairs with `minimum` (3) or more wishes listed in the last `days` (30, 1–365) days in the subtree, most first. Staff and display screens.',
    args: { orgUnitId: t.arg.id({ required: true }), days: t.arg.int(), minimum: t.arg.int() },
    resolve: (_r, args, ctx) =>
      hotSpots(ctx.em, ctx.viewer, {
        orgUnitId: ref('OrgUnit', args.orgUnitId),
        days: args.days,
        minimum: args.minimum,
      }),
  }),
  publicBoard: t.field({
    type: PublicBoardRef,
    description:
      "A street's or community's public board. Needs no token. NOT_FOUND when the street switched its board off.",
    args: { orgUnitId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => publicBoard(ctx.em, ref('OrgUnit', args.orgUnitId)),
  }),
}));

builder.mutationFields((t) => ({
  followWish: t.withAuth({ loggedIn: true }).field({
    type: WishPayload,
    description: 'Follow a wish instead of listing it again (已有相似心愿：关注它): you count as a supporter',
    args: { wishId: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => ({
      wishId: await new InsightsService(ctx.em, ctx.viewer).follow(ref('Wish', args.wishId)),
    }),
  }),
  unfollowWish: t.withAuth({ loggedIn: true }).field({
    type: WishPayload,
    description: 'Stop following a wish',
    args: { wishId: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => ({
      wishId: await new InsightsService(ctx.em, ctx.viewer).unfollow(ref('Wish', args.wishId)),
    }),
  }),
  mergeWish: t.withAuth({ loggedIn: true }).field({
    type: WishPayload,
    description:
      'Close a duplicate into the wish it repeats (its handling secretary): REJECTED by a MERGE event naming the original; its resident and followers follow the original',
    args: { input: t.arg({ type: MergeWishInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      wishId: await ctx.wishes.merge({
        wishId: ref('Wish', input.wishId),
        intoWishId: ref('Wish', input.intoWishId),
        expectedVersion: input.expectedVersion,
      }),
    }),
  }),
  setPublicBoardEnabled: t.withAuth({ loggedIn: true }).field({
    type: PublicBoardSettingRef,
    description: "Switch a street's public board on or off (the street's admins and secretaries)",
    args: { streetId: t.arg.id({ required: true }), enabled: t.arg.boolean({ required: true }) },
    resolve: async (_r, args, ctx) => ({
      streetId: await new InsightsService(ctx.em, ctx.viewer).setPublicBoardEnabled(
        ref('OrgUnit', args.streetId),
        args.enabled,
      ),
      enabled: args.enabled,
    }),
  }),
}));
