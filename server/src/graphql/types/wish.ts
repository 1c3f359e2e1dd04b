/** Wishes, their events and meetings: queries, the lifecycle mutations and the live subscription. */

import { badInput, notFound } from '../../domain/kernel/errors.ts';
import type { OrgUnitRecord } from '../../domain/organisation/org-unit.queries.ts';
import type { PersonRecord } from '../../domain/organisation/person.queries.ts';
import type { WishCategoryRecord } from '../../domain/organisation/wish-category.queries.ts';
import { loadWishFacts } from '../../domain/wishes/wish.facts.ts';
import { availableActions, type WISH_STATUSES } from '../../domain/wishes/wish.lifecycle.ts';
import {
  findVisibleWish,
  findVisibleWishes,
  findWishMasked,
  isOverdue,
  listWishes,
  type MeetingRecord,
  type WishEventRecord,
  type WishPage,
  type WishView,
  wishList,
  wishStatusCounts,
} from '../../domain/wishes/wish.queries.ts';
import { relationsTo } from '../../domain/wishes/wish.scope.ts';
import { wishEventIterator } from '../../realtime/wish-event-stream.ts';
import { builder } from '../builder.ts';
import type { Context, LoggedInContext } from '../context.ts';
import { encodeId, optionalRef, ref, refs } from '../ids.ts';
import { ListSortInput, listPage } from '../list.ts';
import { OrgUnitRef } from './org-unit.ts';
import { PersonRef } from './person.ts';
import { WishCategoryRef } from './wish-category.ts';
import { WishActionEnum, WishChannelEnum, WishStatusEnum } from './wish-enums.ts';

export const WishRef = builder.objectRef<WishView>('Wish');
export const WishEventRef = builder.objectRef<WishEventRecord>('WishEvent');
const MeetingRef = builder.objectRef<MeetingRecord>('Meeting');

const unit = async (ctx: Context, id: number) => (await ctx.loaders.orgUnit.load(id)) as OrgUnitRecord;

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
      resolve: async (w, _a, ctx) => (await ctx.loaders.category.load(w.categoryId)) as WishCategoryRecord,
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
        return people.filter((p): p is PersonRecord => p !== null);
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
      description: 'The full history, oldest first (masked wishes: without notes and actors)',
      resolve: async (w, _a, ctx) => {
        const events = await ctx.loaders.events.load(w.id);
        // A masked wish (a screen's, or another resident's shown as a similar wish) names nobody in its history.
        return w.masked ? events.map((e) => ({ ...e, note: null, actorId: null })) : events;
      },
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
    address: t.string({
      nullable: true,
      description: 'Building, unit, room, as listed (null for display screens)',
      resolve: (w) => (w.masked ? null : w.address),
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
      resolve: async (m, _a, ctx) => (await ctx.loaders.person.load(m.recordedById)) as PersonRecord,
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
  ids: refs('Wish', f?.ids),
  orgUnitId: optionalRef('OrgUnit', f?.orgUnitId),
  handlingUnitId: optionalRef('OrgUnit', f?.handlingUnitId),
});

builder.queryFields((t) => ({
  wishList: t.withAuth({ loggedIn: true }).field({
    type: listPage('Wish', WishRef),
    description: 'Wishes for staff screens: filters, sorting and offset pages (the list convention)',
    args: {
      filter: t.arg({ type: WishListFilter }),
      sort: t.arg({ type: ListSortInput }),
      offset: t.arg.int(),
      limit: t.arg.int(),
    },
    resolve: (_root, args, ctx) => wishList(ctx.em, ctx.viewer, listFilter(args.filter), args),
  }),
  wishStatusCounts: t.withAuth({ loggedIn: true }).field({
    type: [WishStatusCount],
    description: "How many visible wishes match the filter in each status (the filter's own status aside)",
    args: { filter: t.arg({ type: WishListFilter }) },
    resolve: (_root, args, ctx) => wishStatusCounts(ctx.em, ctx.viewer, listFilter(args.filter)),
  }),
  assignablePeople: t.field({
    type: [PersonRef],
    description: 'Whom the viewer may dispatch the wish to, nearest first; empty if they do not handle it',
    authScopes: { staff: true },
    args: { wishId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const rows = await ctx.wishes.assignablePeople(ref('Wish', args.wishId));
      const people = await Promise.all(rows.map((r) => ctx.loaders.person.load(r.id)));
      return people.filter((p): p is PersonRecord => p !== null);
    },
  }),
  wish: t.withAuth({ loggedIn: true }).field({
    type: WishRef,
    nullable: true,
    description: 'A wish the viewer may see; null if it does not exist or lies outside their view',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => findVisibleWish(ctx.em, ctx.viewer, ref('Wish', args.id)),
  }),
  wishes: t.withAuth({ loggedIn: true }).field({
    type: WishConnection,
    description: 'Wishes the viewer may see, newest first',
    args: { filter: t.arg({ type: WishFilter }), first: t.arg.int(), after: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const page = await listWishes(ctx.em, ctx.viewer, {
        filter: args.filter ? { ...args.filter, orgUnitId: optionalRef('OrgUnit', args.filter.orgUnitId) } : null,
        first: args.first ?? null,
        after: args.after ?? null,
      });
      // The page came with its categories and units: the cards' fields need no further statement.
      for (const u of page.units) ctx.loaders.orgUnit.prime(u.id, u);
      for (const k of page.categories) ctx.loaders.category.prime(k.id, k);
      return page;
    },
  }),
}));

// ---- Mutations: parse, call the service, return the wish. ----

export const WishPayload = builder.objectRef<{ wishId: number }>('WishPayload').implement({
  fields: (t) => ({
    wish: t.field({ type: WishRef, resolve: (p, _a, ctx) => wishForOutput(ctx, p.wishId) }),
  }),
});

/** The wish a lifecycle input names (decoded by the service, so a bad id is NOT_FOUND after input checks). */
const wishIdField = { description: 'The wish' } as const;

const SubmitWishInput = builder.inputType('SubmitWishInput', {
  fields: (t) => ({
    title: t.string({ required: true, description: '1–100 characters' }),
    description: t.string({ required: true, description: 'At most 4000 characters' }),
    categoryCode: t.string({ required: true }),
    orgUnitId: t.id({ description: "The compound; defaults to the resident's own" }),
    channel: t.field({ type: WishChannelEnum, description: 'Default APP' }),
    residentId: t.id({ description: "A grid worker listing it on a resident's behalf" }),
    photoIds: t.idList({ description: 'Up to 9 photos you uploaded (uploadPhoto) and have not attached yet' }),
    address: t.string({ description: 'Building, unit, room (at most 100 characters), e.g. "3号楼2单元401"' }),
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

type Types = typeof builder.$inferSchemaTypes;
/** What a step input carries: the wish, and its note or reason when the step takes one. */
interface StepFields {
  wishId: string;
  note?: string | null;
  reason?: string | null;
}

/** An input of the shape most lifecycle steps take: the wish, and at most one text (a note or a reason). */
function stepInput(
  name: string,
  text?: { field: 'note' | 'reason'; required: boolean },
): PothosSchemaTypes.InputObjectRef<Types, StepFields> {
  return builder.inputType(name, {
    fields: (t) => ({
      wishId: t.id({ required: true, ...wishIdField }),
      ...(text ? { [text.field]: t.string({ required: text.required }) } : {}),
    }),
  }) as unknown as PothosSchemaTypes.InputObjectRef<Types, StepFields>;
}
const OpenWishForClaimInput = stepInput('OpenWishForClaimInput', { field: 'note', required: false });
const ClaimWishInput = stepInput('ClaimWishInput');
const AcceptWishInput = stepInput('AcceptWishInput');
const DeclineWishInput = stepInput('DeclineWishInput', { field: 'reason', required: false });
const AbandonWishInput = stepInput('AbandonWishInput', { field: 'reason', required: true });
const ResolveWishInput = builder.inputType('ResolveWishInput', {
  fields: (t) => ({
    wishId: t.id({ required: true, ...wishIdField }),
    note: t.string({ required: true }),
    photoIds: t.idList({ description: 'Up to 9 photos of the work done, uploaded by you and not attached yet' }),
  }),
});
const EvaluateWishInput = builder.inputType('EvaluateWishInput', {
  fields: (t) => ({
    wishId: t.id({ required: true, ...wishIdField }),
    rating: t.int({ required: true, description: '1–5 stars: 3–5 close the wish, 1–2 reopen it' }),
    comment: t.string(),
  }),
});
const EscalateWishInput = stepInput('EscalateWishInput', { field: 'reason', required: true });
const RejectWishInput = stepInput('RejectWishInput', { field: 'reason', required: true });
const CancelWishInput = stepInput('CancelWishInput', { field: 'reason', required: false });
const CloseUnevaluatedInput = stepInput('CloseWishWithoutEvaluationInput', { field: 'reason', required: true });
const RecordMeetingInput = builder.inputType('RecordMeetingInput', {
  fields: (t) => ({
    wishId: t.id({ required: true, ...wishIdField }),
    heldAt: t.field({ type: 'DateTime', required: true }),
    place: t.string(),
    participants: t.string({ required: true }),
    decisions: t.string({ required: true }),
  }),
});

const step = (input: StepFields) => ({ ...input, wishId: ref('Wish', input.wishId) });

builder.mutationFields((t) => {
  /** One lifecycle step: parse the input, let the wish service decide, return the wish. */
  const lifecycle = <I extends object>(
    input: PothosSchemaTypes.InputObjectRef<Types, I>,
    description: string,
    run: (ctx: LoggedInContext, input: I) => Promise<number>,
  ) =>
    t.withAuth({ loggedIn: true }).field({
      type: WishPayload,
      description,
      args: { input: t.arg({ type: input, required: true }) },
      resolve: async (_r, args, ctx) => ({ wishId: await run(ctx, (args as { input: I }).input) }),
    });
  return {
    submitWish: lifecycle(SubmitWishInput, 'List a wish (点单)', (ctx, input) =>
      ctx.wishes.submit({
        ...input,
        orgUnitId: optionalRef('OrgUnit', input.orgUnitId),
        residentId: optionalRef('Person', input.residentId),
        photoIds: refs('Photo', input.photoIds),
      }),
    ),
    dispatchWish: lifecycle(DispatchWishInput, 'Assign a wish to people (派单)', (ctx, input) =>
      ctx.wishes.dispatch({
        wishId: ref('Wish', input.wishId),
        assigneeIds: input.assigneeIds.map((id) => ref('Person', id)),
        supervisorId: optionalRef('Person', input.supervisorId),
        dueAt: input.dueAt ?? null,
        note: input.note ?? null,
      }),
    ),
    openWishForClaim: lifecycle(OpenWishForClaimInput, 'Publish a wish to the volunteer pool of its area', (ctx, i) =>
      ctx.wishes.openForClaim(step(i)),
    ),
    claimWish: lifecycle(ClaimWishInput, 'Take an order from the pool (接单); the first claim wins', (ctx, i) =>
      ctx.wishes.claim(step(i)),
    ),
    acceptWish: lifecycle(AcceptWishInput, 'Accept a dispatched order (接单)', (ctx, i) => ctx.wishes.accept(step(i))),
    declineWish: lifecycle(DeclineWishInput, 'Decline a dispatched order: it goes back to SUBMITTED', (ctx, i) =>
      ctx.wishes.decline(step(i)),
    ),
    abandonWish: lifecycle(AbandonWishInput, 'Give up an accepted order: it goes back to SUBMITTED', (ctx, i) =>
      ctx.wishes.abandon({ ...step(i), reason: i.reason ?? '' }),
    ),
    resolveWish: lifecycle(ResolveWishInput, 'Report an order done', (ctx, i) =>
      ctx.wishes.resolve({ ...step(i), note: i.note ?? '', photoIds: refs('Photo', i.photoIds) }),
    ),
    evaluateWish: lifecycle(
      EvaluateWishInput,
      'Rate the result (评单): 3–5 stars close the wish, 1–2 reopen it',
      (ctx, input) =>
        ctx.wishes.evaluate({
          wishId: ref('Wish', input.wishId),
          rating: input.rating,
          comment: input.comment ?? null,
        }),
    ),
    escalateWish: lifecycle(
      EscalateWishInput,
      'Move the handling one level up (compound → community → street)',
      (ctx, i) => ctx.wishes.escalate({ ...step(i), reason: i.reason ?? '' }),
    ),
    rejectWish: lifecycle(RejectWishInput, 'Refuse a wish, with the reason', (ctx, i) =>
      ctx.wishes.reject({ ...step(i), reason: i.reason ?? '' }),
    ),
    cancelWish: lifecycle(CancelWishInput, 'Withdraw a wish (the resident, before anyone accepted it)', (ctx, i) =>
      ctx.wishes.cancel(step(i)),
    ),
    closeWishWithoutEvaluation: lifecycle(
      CloseUnevaluatedInput,
      'Close a resolved wish listed with no resident, which nobody can evaluate (its handling secretary, with the reason)',
      (ctx, i) => ctx.wishes.closeWithoutEvaluation({ ...step(i), reason: i.reason ?? '' }),
    ),
    recordMeeting: lifecycle(RecordMeetingInput, 'Record a coordination meeting about a wish', async (ctx, input) => {
      const wishId = ref('Wish', input.wishId);
      await ctx.wishes.recordMeeting({ ...input, wishId });
      return wishId as number;
    }),
  };
});

builder.subscriptionFields((t) => ({
  wishEvents: t.withAuth({ loggedIn: true }).field({
    type: WishEventRef,
    description:
      'Wish events the viewer may see, optionally of one unit subtree or one wish. With afterSequence, stored events after it come first, then live ones.',
    args: { orgUnitId: t.arg.id(), wishId: t.arg.id(), afterSequence: t.arg.int() },
    subscribe: async (_root, args, ctx, info) => {
      const viewer = ctx.viewer;
      if (args.afterSequence !== null && args.afterSequence !== undefined && args.afterSequence < 0) {
        throw badInput('afterSequence', 'must not be negative');
      }
      let unitPath: string | null = null;
      if (args.orgUnitId !== null && args.orgUnitId !== undefined) {
        const unitId = ref('OrgUnit', args.orgUnitId);
        const found = unitId === null ? null : await ctx.loaders.orgUnit.load(unitId);
        if (!found) throw notFound('Org unit');
        unitPath = found.path;
      }
      let wishId: number | null = null;
      if (args.wishId !== null && args.wishId !== undefined) {
        const wish = await findVisibleWish(ctx.em, viewer, ref('Wish', args.wishId));
        if (!wish) throw notFound('Wish');
        wishId = wish.id;
      }
      const scope = { unitPath, wishId };
      const afterSequence = args.afterSequence ?? null;
      if (ctx.liveWishEvents) {
        // Over graphql-ws: executed once per group of subscribers with the same operation and audience.
        const argument = info.fieldNodes[0]?.arguments?.find((a) => a.name.value === 'afterSequence');
        const afterVariable = argument?.value.kind === 'Variable' ? argument.value.name.value : null;
        return ctx.liveWishEvents({ viewer, scope, afterSequence, afterVariable });
      }
      return wishEventIterator({
        hub: ctx.hub,
        em: ctx.em,
        viewer,
        scope,
        afterSequence,
        // Each delivered event shows the wish as it is now, not as an earlier event cached it.
        beforeEach: () => ctx.loaders.clear(),
      });
    },
    resolve: (event) => event,
  }),
}));
