/** Wishes, their events and meetings: queries, the lifecycle mutations and the live subscription. */

import type { Viewer } from '../../domain/auth/viewer.ts';
import { badInput, notFound } from '../../domain/kernel/errors.ts';
import { loadWishFacts } from '../../domain/wishes/wish.facts.ts';
import { availableActions, type WISH_STATUSES } from '../../domain/wishes/wish.lifecycle.ts';
import {
  findVisibleWish,
  findVisibleWishes,
  findWishMasked,
  isOverdue,
  listWishes,
  type WishEventRecord,
  type WishPage,
  type WishView,
  wishList,
  wishStatusCounts,
} from '../../domain/wishes/wish.queries.ts';
import { relationsTo } from '../../domain/wishes/wish.scope.ts';
import { wishEventIterator } from '../../realtime/wish-event-stream.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeId, encodeId } from '../ids.ts';
import { ListSortInput, listPage } from '../list.ts';
import type { CategoryView, MeetingView, OrgUnitView, PersonView } from '../loaders.ts';
import { WishActionEnum, WishChannelEnum, WishStatusEnum } from './enums.ts';
import { OrgUnitRef, PersonRef, WishCategoryRef } from './hierarchy.ts';

export const WishRef = builder.objectRef<WishView>('Wish');
export const WishEventRef = builder.objectRef<WishEventRecord>('WishEvent');
const MeetingRef = builder.objectRef<MeetingView>('Meeting');

const unit = async (ctx: Context, id: number) => (await ctx.loaders.orgUnit.load(id)) as OrgUnitView;

/** Loads a wish by id for output without a scope check: only for wishes the viewer just acted on or was sent. */
async function wishForOutput(ctx: Context, id: number): Promise<WishView> {
  const viewer = ctx.viewer;
  if (!viewer) throw notFound('Wish');
  const [visible] = await findVisibleWishes(ctx.em, viewer, [id]);
  // The viewer acted on it but no longer sees it (e.g. a claimer whose order moved on): show it masked.
  return visible ?? findWishMasked(ctx.em, id);
}

WishRef.implement({
  description: 'A micro-wish (微心愿): a small request listed by or for a resident.',
  fields: (t) => ({
    id: t.id({ resolve: (w) => encodeId('Wish', w.id) }),
    title: t.exposeString('title'),
    description: t.string({
      nullable: true,
      description: 'Null for display screens',
      resolve: (w) => (w.masked ? null : w.description),
    }),
    status: t.field({ type: WishStatusEnum, resolve: (w) => w.status }),
    channel: t.field({ type: WishChannelEnum, resolve: (w) => w.channel }),
    category: t.field({
      type: WishCategoryRef,
      resolve: async (w, _a, ctx) => (await ctx.loaders.category.load(w.categoryId)) as CategoryView,
    }),
    compound: t.field({ type: OrgUnitRef, resolve: (w, _a, ctx) => unit(ctx, w.compoundId) }),
    handlingUnit: t.field({ type: OrgUnitRef, resolve: (w, _a, ctx) => unit(ctx, w.handlingUnitId) }),
    resident: t.field({
      type: PersonRef,
      nullable: true,
      description: 'The resident it was listed for (null for display screens)',
      resolve: (w, _a, ctx) => (w.masked || w.residentId === null ? null : ctx.loaders.person.load(w.residentId)),
    }),
    listedBy: t.field({
      type: PersonRef,
      nullable: true,
      description: 'Who listed it: the resident, or a grid worker on their behalf (null for display screens)',
      resolve: (w, _a, ctx) => (w.masked ? null : ctx.loaders.person.load(w.listedById)),
    }),
    assignees: t.field({
      type: [PersonRef],
      description: 'Current assignees (empty for display screens)',
      resolve: async (w, _a, ctx) => {
        if (w.masked) return [];
        const rows = await ctx.loaders.assignments.load(w.id);
        const people = await Promise.all(
          rows.filter((a) => a.active && a.kind === 'ASSIGNEE').map((a) => ctx.loaders.person.load(a.personId)),
        );
        return people.filter((p): p is PersonView => p !== null);
      },
    }),
    supervisor: t.field({
      type: PersonRef,
      nullable: true,
      resolve: async (w, _a, ctx) => {
        if (w.masked) return null;
        const row = (await ctx.loaders.assignments.load(w.id)).find((a) => a.active && a.kind === 'SUPERVISOR');
        return row ? ctx.loaders.person.load(row.personId) : null;
      },
    }),
    rating: t.exposeInt('rating', { nullable: true, description: 'The latest rating, 1–5 stars' }),
    ratingComment: t.string({ nullable: true, resolve: (w) => (w.masked ? null : w.ratingComment) }),
    reopenCount: t.exposeInt('reopenCount'),
    dueAt: t.field({ type: 'DateTime', nullable: true, resolve: (w) => w.dueAt }),
    overdue: t.boolean({ description: 'Past its due date and not yet resolved', resolve: (w) => isOverdue(w) }),
    createdAt: t.field({ type: 'DateTime', resolve: (w) => w.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (w) => w.updatedAt }),
    events: t.field({
      type: [WishEventRef],
      description: 'The full history, oldest first',
      resolve: (w, _a, ctx) => ctx.loaders.events.load(w.id),
    }),
    meetings: t.field({
      type: [MeetingRef],
      description: 'Coordination meetings (empty for display screens)',
      resolve: (w, _a, ctx) => (w.masked ? [] : ctx.loaders.meetings.load(w.id)),
    }),
    availableActions: t.field({
      type: [WishActionEnum],
      description: 'The actions the viewer may take on this wish now',
      resolve: async (w, _a, ctx) => {
        if (!ctx.viewer) return [];
        const facts = (await loadWishFacts(ctx.em, [w.id])).get(w.id);
        return facts ? availableActions(facts.status, relationsTo(ctx.viewer, facts)) : [];
      },
    }),
  }),
});

WishEventRef.implement({
  description: 'One transition of one wish. `sequence` grows across all wishes.',
  fields: (t) => ({
    sequence: t.exposeInt('sequence'),
    action: t.field({ type: WishActionEnum, resolve: (e) => e.action }),
    fromStatus: t.field({ type: WishStatusEnum, nullable: true, resolve: (e) => e.fromStatus }),
    toStatus: t.field({ type: WishStatusEnum, resolve: (e) => e.toStatus }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    note: t.string({
      nullable: true,
      authScopes: { personalData: true },
      unauthorizedResolver: () => null,
      resolve: (e) => e.note,
    }),
    actor: t.field({
      type: PersonRef,
      nullable: true,
      authScopes: { personalData: true },
      unauthorizedResolver: () => null,
      resolve: (e, _a, ctx) => (e.actorId === null ? null : ctx.loaders.person.load(e.actorId)),
    }),
    wish: t.field({
      type: WishRef,
      description: 'The wish as it is when the event is delivered',
      resolve: (e, _a, ctx) => wishForOutput(ctx, e.wishId),
    }),
  }),
});

MeetingRef.implement({
  description: 'A coordination meeting held about a wish.',
  fields: (t) => ({
    id: t.id({ resolve: (m) => encodeId('Meeting', m.id) }),
    heldAt: t.field({ type: 'DateTime', resolve: (m) => m.heldAt }),
    place: t.exposeString('place', { nullable: true }),
    participants: t.exposeString('participants'),
    decisions: t.exposeString('decisions'),
    recordedBy: t.field({
      type: PersonRef,
      resolve: async (m, _a, ctx) => (await ctx.loaders.person.load(m.recordedById)) as PersonView,
    }),
  }),
});

const PageInfo = builder.objectRef<WishPage>('PageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage'),
    startCursor: t.string({ nullable: true, resolve: (p) => p.edges[0]?.cursor ?? null }),
    endCursor: t.string({ nullable: true, resolve: (p) => p.edges[p.edges.length - 1]?.cursor ?? null }),
  }),
});

const WishEdge = builder.objectRef<WishPage['edges'][number]>('WishEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: WishRef, resolve: (e) => e.node }),
  }),
});

const WishConnection = builder.objectRef<WishPage>('WishConnection').implement({
  fields: (t) => ({
    totalCount: t.exposeInt('totalCount', { description: 'All wishes matching the filter, across pages' }),
    pageInfo: t.field({ type: PageInfo, resolve: (p) => p }),
    edges: t.field({ type: [WishEdge], resolve: (p) => p.edges }),
  }),
});

const WishFilter = builder.inputType('WishFilter', {
  fields: (t) => ({
    status: t.field({ type: [WishStatusEnum] }),
    orgUnitId: t.id({ description: "That unit's whole subtree" }),
    categoryCode: t.string(),
    overdue: t.boolean(),
    mine: t.boolean({ description: 'Listed by, or assigned to, the viewer' }),
  }),
});

const WishListFilter = builder.inputType('WishListFilter', {
  fields: (t) => ({
    ids: t.idList(),
    q: t.string({ description: 'Text in the title or description' }),
    status: t.field({ type: [WishStatusEnum] }),
    orgUnitId: t.id({ description: "That unit's whole subtree (by the wish's compound)" }),
    handlingUnitId: t.id({ description: 'Handled by exactly this unit' }),
    categoryCode: t.string(),
    overdue: t.boolean(),
    mine: t.boolean(),
  }),
});

const WishStatusCount = builder
  .objectRef<{ status: (typeof WISH_STATUSES)[number]; count: number }>('WishStatusCount')
  .implement({
    fields: (t) => ({
      status: t.field({ type: WishStatusEnum, resolve: (c) => c.status }),
      count: t.exposeInt('count'),
    }),
  });

const listFilter = (f: typeof WishListFilter.$inferInput | null | undefined) => ({
  ...f,
  ids: f?.ids?.map(String) ?? null,
  orgUnitId: f?.orgUnitId?.toString() ?? null,
  handlingUnitId: f?.handlingUnitId?.toString() ?? null,
});

builder.queryFields((t) => ({
  wishList: t.field({
    type: listPage('Wish', WishRef),
    description: 'Wishes for staff screens: filters, sorting and offset pages (the list convention)',
    authScopes: { loggedIn: true },
    args: {
      filter: t.arg({ type: WishListFilter }),
      sort: t.arg({ type: ListSortInput }),
      offset: t.arg.int(),
      limit: t.arg.int(),
    },
    resolve: (_root, args, ctx) => wishList(ctx.em, ctx.viewer as Viewer, listFilter(args.filter), args),
  }),
  wishStatusCounts: t.field({
    type: [WishStatusCount],
    description: "How many visible wishes match the filter in each status (the filter's own status aside)",
    authScopes: { loggedIn: true },
    args: { filter: t.arg({ type: WishListFilter }) },
    resolve: (_root, args, ctx) => wishStatusCounts(ctx.em, ctx.viewer as Viewer, listFilter(args.filter)),
  }),
  assignablePeople: t.field({
    type: [PersonRef],
    description: 'Whom the viewer may dispatch the wish to, nearest first; empty if they do not handle it',
    authScopes: { staff: true },
    args: { wishId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const rows = await ctx.wishes.assignablePeople(String(args.wishId));
      const people = await Promise.all(rows.map((r) => ctx.loaders.person.load(r.id)));
      return people.filter((p): p is PersonView => p !== null);
    },
  }),
  wish: t.field({
    type: WishRef,
    nullable: true,
    description: 'A wish the viewer may see; null if it does not exist or lies outside their view',
    authScopes: { loggedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => (ctx.viewer ? findVisibleWish(ctx.em, ctx.viewer, String(args.id)) : null),
  }),
  wishes: t.field({
    type: WishConnection,
    description: 'Wishes the viewer may see, newest first',
    authScopes: { loggedIn: true },
    args: { filter: t.arg({ type: WishFilter }), first: t.arg.int(), after: t.arg.string() },
    resolve: (_root, args, ctx) => {
      if (!ctx.viewer) throw notFound('Viewer');
      return listWishes(ctx.em, ctx.viewer, {
        filter: args.filter ? { ...args.filter, orgUnitId: args.filter.orgUnitId?.toString() ?? null } : null,
        first: args.first ?? null,
        after: args.after ?? null,
      });
    },
  }),
}));

// ---- Mutations: parse, call the service, return the wish. ----

const WishPayload = builder.objectRef<{ wishId: number }>('WishPayload').implement({
  fields: (t) => ({
    wish: t.field({ type: WishRef, resolve: (p, _a, ctx) => wishForOutput(ctx, p.wishId) }),
  }),
});

const wishIdField = { description: 'The wish' } as const;

const SubmitWishInput = builder.inputType('SubmitWishInput', {
  fields: (t) => ({
    title: t.string({ required: true, description: '1–100 characters' }),
    description: t.string({ required: true, description: 'At most 4000 characters' }),
    categoryCode: t.string({ required: true }),
    orgUnitId: t.id({ description: "The compound; defaults to the resident's own" }),
    channel: t.field({ type: WishChannelEnum, description: 'Default APP' }),
    residentId: t.id({ description: "A grid worker listing it on a resident's behalf" }),
  }),
});
const DispatchWishInput = builder.inputType('DispatchWishInput', {
  fields: (t) => ({
    wishId: t.id({ required: true, ...wishIdField }),
    assigneeIds: t.idList({ required: true, description: "One or more people, or partner units' contacts" }),
    supervisorId: t.id({ description: 'Optional supervisor of the order' }),
    dueAt: t.field({ type: 'DateTime' }),
    note: t.string(),
  }),
});
const OpenWishForClaimInput = builder.inputType('OpenWishForClaimInput', {
  fields: (t) => ({ wishId: t.id({ required: true, ...wishIdField }), note: t.string() }),
});
const ClaimWishInput = builder.inputType('ClaimWishInput', {
  fields: (t) => ({ wishId: t.id({ required: true, ...wishIdField }) }),
});
const AcceptWishInput = builder.inputType('AcceptWishInput', {
  fields: (t) => ({ wishId: t.id({ required: true, ...wishIdField }) }),
});
const DeclineWishInput = builder.inputType('DeclineWishInput', {
  fields: (t) => ({ wishId: t.id({ required: true, ...wishIdField }), reason: t.string() }),
});
const AbandonWishInput = builder.inputType('AbandonWishInput', {
  fields: (t) => ({ wishId: t.id({ required: true, ...wishIdField }), reason: t.string({ required: true }) }),
});
const ResolveWishInput = builder.inputType('ResolveWishInput', {
  fields: (t) => ({ wishId: t.id({ required: true, ...wishIdField }), note: t.string({ required: true }) }),
});
const EvaluateWishInput = builder.inputType('EvaluateWishInput', {
  fields: (t) => ({
    wishId: t.id({ required: true, ...wishIdField }),
    rating: t.int({ required: true, description: '1–5 stars: 3–5 close the wish, 1–2 reopen it' }),
    comment: t.string(),
  }),
});
const EscalateWishInput = builder.inputType('EscalateWishInput', {
  fields: (t) => ({ wishId: t.id({ required: true, ...wishIdField }), reason: t.string({ required: true }) }),
});
const RejectWishInput = builder.inputType('RejectWishInput', {
  fields: (t) => ({ wishId: t.id({ required: true, ...wishIdField }), reason: t.string({ required: true }) }),
});
const CancelWishInput = builder.inputType('CancelWishInput', {
  fields: (t) => ({ wishId: t.id({ required: true, ...wishIdField }), reason: t.string() }),
});
const RecordMeetingInput = builder.inputType('RecordMeetingInput', {
  fields: (t) => ({
    wishId: t.id({ required: true, ...wishIdField }),
    heldAt: t.field({ type: 'DateTime', required: true }),
    place: t.string(),
    participants: t.string({ required: true }),
    decisions: t.string({ required: true }),
  }),
});

const id = (value: string | number) => String(value);

builder.mutationFields((t) => ({
  submitWish: t.field({
    type: WishPayload,
    description: 'List a wish (点单)',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: SubmitWishInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      wishId: await ctx.wishes.submit({
        ...input,
        orgUnitId: input.orgUnitId == null ? null : id(input.orgUnitId),
        residentId: input.residentId == null ? null : id(input.residentId),
      }),
    }),
  }),
  dispatchWish: t.field({
    type: WishPayload,
    description: 'Assign a wish to people (派单)',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: DispatchWishInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      wishId: await ctx.wishes.dispatch({
        wishId: id(input.wishId),
        assigneeIds: input.assigneeIds.map(id),
        supervisorId: input.supervisorId == null ? null : id(input.supervisorId),
        dueAt: input.dueAt ?? null,
        note: input.note ?? null,
      }),
    }),
  }),
  openWishForClaim: t.field({
    type: WishPayload,
    description: 'Publish a wish to the volunteer pool of its area',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: OpenWishForClaimInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      wishId: await ctx.wishes.openForClaim({ wishId: id(input.wishId), note: input.note ?? null }),
    }),
  }),
  claimWish: t.field({
    type: WishPayload,
    description: 'Take an order from the pool (接单); the first claim wins',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: ClaimWishInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({ wishId: await ctx.wishes.claim({ wishId: id(input.wishId) }) }),
  }),
  acceptWish: t.field({
    type: WishPayload,
    description: 'Accept a dispatched order (接单)',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: AcceptWishInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({ wishId: await ctx.wishes.accept({ wishId: id(input.wishId) }) }),
  }),
  declineWish: t.field({
    type: WishPayload,
    description: 'Decline a dispatched order: it goes back to SUBMITTED',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: DeclineWishInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      wishId: await ctx.wishes.decline({ wishId: id(input.wishId), reason: input.reason ?? null }),
    }),
  }),
  abandonWish: t.field({
    type: WishPayload,
    description: 'Give up an accepted order: it goes back to SUBMITTED',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: AbandonWishInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      wishId: await ctx.wishes.abandon({ wishId: id(input.wishId), reason: input.reason }),
    }),
  }),
  resolveWish: t.field({
    type: WishPayload,
    description: 'Report an order done',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: ResolveWishInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      wishId: await ctx.wishes.resolve({ wishId: id(input.wishId), note: input.note }),
    }),
  }),
  evaluateWish: t.field({
    type: WishPayload,
    description: 'Rate the result (评单): 3–5 stars close the wish, 1–2 reopen it',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: EvaluateWishInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      wishId: await ctx.wishes.evaluate({
        wishId: id(input.wishId),
        rating: input.rating,
        comment: input.comment ?? null,
      }),
    }),
  }),
  escalateWish: t.field({
    type: WishPayload,
    description: 'Move the handling one level up (compound → community → street)',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: EscalateWishInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      wishId: await ctx.wishes.escalate({ wishId: id(input.wishId), reason: input.reason }),
    }),
  }),
  rejectWish: t.field({
    type: WishPayload,
    description: 'Refuse a wish, with the reason',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: RejectWishInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      wishId: await ctx.wishes.reject({ wishId: id(input.wishId), reason: input.reason }),
    }),
  }),
  cancelWish: t.field({
    type: WishPayload,
    description: 'Withdraw a wish (the resident, before anyone accepted it)',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: CancelWishInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      wishId: await ctx.wishes.cancel({ wishId: id(input.wishId), reason: input.reason ?? null }),
    }),
  }),
  recordMeeting: t.field({
    type: WishPayload,
    description: 'Record a coordination meeting about a wish',
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: RecordMeetingInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      await ctx.wishes.recordMeeting({ ...input, wishId: id(input.wishId) });
      const wishId = decodeId('Wish', id(input.wishId));
      return { wishId: wishId as number };
    },
  }),
}));

builder.subscriptionFields((t) => ({
  wishEvents: t.field({
    type: WishEventRef,
    description:
      'Wish events the viewer may see, optionally of one unit subtree or one wish. With afterSequence, stored events after it come first, then live ones.',
    authScopes: { loggedIn: true },
    args: { orgUnitId: t.arg.id(), wishId: t.arg.id(), afterSequence: t.arg.int() },
    subscribe: async (_root, args, ctx) => {
      const viewer = ctx.viewer;
      if (!viewer) throw notFound('Viewer');
      if (args.afterSequence !== null && args.afterSequence !== undefined && args.afterSequence < 0) {
        throw badInput('afterSequence', 'must not be negative');
      }
      let unitPath: string | null = null;
      if (args.orgUnitId !== null && args.orgUnitId !== undefined) {
        const unitId = decodeId('OrgUnit', id(args.orgUnitId));
        const found = unitId === null ? null : await ctx.loaders.orgUnit.load(unitId);
        if (!found) throw notFound('Org unit');
        unitPath = found.path;
      }
      let wishId: number | null = null;
      if (args.wishId !== null && args.wishId !== undefined) {
        const wish = await findVisibleWish(ctx.em, viewer, id(args.wishId));
        if (!wish) throw notFound('Wish');
        wishId = wish.id;
      }
      return wishEventIterator({
        hub: ctx.hub,
        em: ctx.em,
        viewer,
        scope: { unitPath, wishId },
        afterSequence: args.afterSequence ?? null,
      });
    },
    resolve: (event, _args, ctx) => {
      // Each delivered event shows the wish as it is now, not as an earlier event cached it.
      ctx.loaders.clear();
      return event;
    },
  }),
}));
