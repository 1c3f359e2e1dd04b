/**
 * The wish lifecycle as services: validate input, check scope and role, consult the transition table,
 * then write the wish and its event in one transaction. Events are handed to `publish` after commit.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUnder, isVerified, STAFF_ROLES, type Viewer } from '../auth/viewer.ts';
import { recordChange } from '../kernel/change-log.ts';
import { badInput, conflict, forbidden, invalidTransition, notFound } from '../kernel/errors.ts';
import { type IdRef, optionalText, requiredRef, requiredText } from '../kernel/input.ts';
import { notifyWishEvent } from '../notifications/notification.service.ts';
import { attachPhotos, checkPhotoIds } from '../photos/photo.service.ts';
import { awardForWishTransition } from '../points/points.service.ts';
import { assignablePeople, requireAssignable } from './dispatch.policy.ts';
import { claimedSinceOpened, insertWishEvent, type Publish } from './wish.events.ts';
import { loadWishFacts, type WishRow } from './wish.facts.ts';
import {
  actorsOf,
  evaluationAction,
  mayAct,
  nextStatus,
  releasesAssignees,
  type WishAction,
  type WishChannel,
} from './wish.lifecycle.ts';
import { canSeeWish, handlesWishes, isClaimerFor, relationsTo } from './wish.scope.ts';

const MAX_TITLE = 100;
const MAX_DESCRIPTION = 4000;
const MAX_NOTE = 2000;
const MAX_ADDRESS = 100;

export interface SubmitWishInput {
  title: string;
  description: string;
  categoryCode: string;
  /** The compound; undefined: the resident's own (or the listed-for resident's). */
  orgUnitId?: IdRef;
  channel?: WishChannel | null;
  /** A grid worker listing it on a resident's behalf. */
  residentId?: IdRef;
  /** Photos the viewer uploaded and has not attached yet (at most 9). */
  photoIds?: readonly IdRef[];
  /** Building, unit, room (at most 100 characters). */
  address?: string | null;
}

export interface DispatchWishInput {
  wishId: IdRef;
  assigneeIds: readonly IdRef[];
  supervisorId?: IdRef;
  dueAt?: Date | null;
  note?: string | null;
}

export interface MeetingInput {
  wishId: IdRef;
  heldAt: Date;
  place?: string | null;
  participants: string;
  decisions: string;
}

interface TransitionPlan {
  note?: string | null;
  data?: Record<string, unknown>;
  /** Extra writes inside the transaction, after the guarded status update. */
  apply?: (em: EntityManager, wish: WishRow, at: Date) => Promise<void>;
  /** Extra columns to set with the status (SQL fragments with their parameters). */
  set?: Record<string, unknown>;
  /** Checks that need the loaded wish and come after the role check (e.g. escalation at the top). */
  check?: (wish: WishRow) => void;
}

export class WishService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly publish: Publish,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get actorId(): number | null {
    return this.viewer?.personId ?? null;
  }

  async submit(input: SubmitWishInput): Promise<number> {
    const viewer = this.requireViewer();
    const title = requiredText('title', input.title, MAX_TITLE);
    if ((input.description ?? '').length > MAX_DESCRIPTION) {
      throw badInput('description', `must be at most ${MAX_DESCRIPTION} characters`);
    }
    const description = (input.description ?? '').trim();
    const address = optionalText('address', input.address, MAX_ADDRESS);
    const code = (input.categoryCode ?? '').trim();
    const [category] = await this.em.execute<{ id: number; due_in_days: number }[]>(
      'select id, due_in_days from wish_category where code = ? and active',
      [code],
    );
    if (!category) throw badInput('categoryCode', `unknown category "${code.slice(0, 50)}"`);
    const photoIds = await checkPhotoIds(this.em, viewer, input.photoIds);

    let residentId: number | null = null;
    if (input.residentId !== undefined) residentId = requiredRef(input.residentId, 'Resident');
    let compoundId: number | null;
    if (input.orgUnitId !== undefined) {
      compoundId = requiredRef(input.orgUnitId, 'Org unit');
    } else if (residentId !== null) {
      // Listed on a resident's behalf: their own compound.
      const [home] = await this.em.execute<{ org_unit_id: number }[]>(
        `select org_unit_id from person_role where person_id = ? and role = 'RESIDENT' order by id limit 1`,
        [residentId],
      );
      compoundId = home?.org_unit_id ?? null;
      if (compoundId === null) throw badInput('residentId', 'is not a resident of any compound');
    } else {
      compoundId = viewer.roles.find((r) => r.role === 'RESIDENT')?.orgUnitId ?? null;
      if (compoundId === null) throw badInput('orgUnitId', 'required: you are not a resident of any compound');
    }
    const [unit] = await this.em.execute<{ id: number; kind: string; path: string; retired_at: string | null }[]>(
      'select id, kind, path, retired_at from org_unit where id = ?',
      [compoundId],
    );
    if (!unit) throw notFound('Org unit');
    if (unit.kind !== 'COMPOUND') throw badInput('orgUnitId', 'must be a compound');
    if (unit.retired_at !== null) throw badInput('orgUnitId', 'the compound is retired and takes no new wishes');
    if (residentId !== null) {
      const [resident] = await this.em.execute<{ ok: boolean; found: boolean }[]>(
        `select exists (select 1 from person_role where person_id = ? and role = 'RESIDENT' and org_unit_id = ?) as ok,
                exists (select 1 from person where id = ?) as found`,
        [residentId, unit.id, residentId],
      );
      if (!resident?.found) throw notFound('Resident');
      if (!resident?.ok) throw badInput('residentId', 'is not a resident of that compound');
    }

    const residentHere = viewer.roles.some((r) => r.role === 'RESIDENT' && r.orgUnitId === unit.id);
    const staffHere = viewer.roles.some((r) => STAFF_ROLES.includes(r.role) && isUnder(unit.path, r.scopePath));
    if (staffHere) {
      // Staff list on a resident's behalf (grid visit, hotline, walk-in) or record it without one.
    } else if (residentHere && (residentId === null || residentId === viewer.personId)) {
      residentId = viewer.personId;
    } else {
      throw forbidden('Only a resident of the compound, or staff responsible for it, may list a wish there');
    }

    if (!isVerified(viewer)) {
      throw forbidden('Your registration waits for verification by your compound: you may list wishes once verified');
    }
    const at = this.now();
    const dueAt = new Date(at.getTime() + category.due_in_days * 86_400_000);
    const { id, event } = await this.em.transactional(async (em) => {
      const [row] = await em.execute<{ id: number }[]>(
        `insert into wish (title, description, category_id, compound_id, handling_unit_id, status, channel,
                           resident_id, listed_by_id, reopen_count, due_at, version, created_at, updated_at, address)
         values (?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, 0, ?, 1, ?, ?, ?) returning id`,
        [
          title,
          description,
          category.id,
          unit.id,
          unit.id,
          input.channel ?? 'APP',
          residentId,
          viewer.personId,
          dueAt,
          at,
          at,
          address,
        ],
      );
      const wishId = (row as { id: number }).id;
      const facts = (await loadWishFacts(em, [wishId])).get(wishId) as WishRow;
      const event = await insertWishEvent(em, {
        facts,
        action: 'SUBMIT',
        from: null,
        to: 'SUBMITTED',
        at,
        actorId: this.actorId,
        note: null,
        data: null,
      });
      await attachPhotos(em, { photoIds, uploaderId: viewer.personId, wishId, stage: 'SUBMITTED', at });
      return { id: wishId, event };
    });
    this.publish([event]);
    return id;
  }

  async dispatch(input: DispatchWishInput): Promise<number> {
    const viewer = this.requireViewer();
    if (!Array.isArray(input.assigneeIds) || input.assigneeIds.length === 0) {
      throw badInput('assigneeIds', 'name at least one person');
    }
    if (input.assigneeIds.length > 20) throw badInput('assigneeIds', 'at most 20 people');
    const note = optionalText('note', input.note, MAX_NOTE);
    if (input.dueAt && input.dueAt.getTime() <= this.now().getTime()) throw badInput('dueAt', 'must be in the future');
    const assigneeIds = [...new Set(input.assigneeIds)];
    if (assigneeIds.includes(null)) throw badInput('assigneeIds', 'contains an unknown person');
    const supervisorId = input.supervisorId === undefined ? null : input.supervisorId;
    if (input.supervisorId === null) throw badInput('supervisorId', 'is an unknown person');
    // Whom one may dispatch to depends on whose orders they take: a viewer who handles no wishes at all (a display
    // screen, a resident) is refused by the lifecycle below (NOT_FOUND or FORBIDDEN), not by their choice of people.
    if (handlesWishes(viewer)) {
      await requireAssignable(this.em, viewer, {
        assigneeIds: assigneeIds as number[],
        supervisorId: supervisorId === null ? [] : [supervisorId],
      });
    }

    return await this.transition(input.wishId, 'DISPATCH', {
      note,
      data: { assigneeIds, supervisorId },
      set: input.dueAt ? { due_at: input.dueAt } : {},
      apply: async (em, wish, at) => {
        for (const personId of assigneeIds as number[]) {
          await em.execute(
            `insert into assignment (wish_id, person_id, kind, active, assigned_at, assigned_by_id) values (?, ?, 'ASSIGNEE', true, ?, ?)`,
            [wish.id, personId, at, viewer.personId],
          );
        }
        if (supervisorId) {
          await em.execute(
            `insert into assignment (wish_id, person_id, kind, active, assigned_at, assigned_by_id) values (?, ?, 'SUPERVISOR', true, ?, ?)`,
            [wish.id, supervisorId, at, viewer.personId],
          );
        }
      },
    });
  }

  /**
   * Whom the viewer may dispatch this wish to, nearest first (its compound, then the handling unit's area,
   * then partner units). Empty for a viewer who does not handle it.
   */
  async assignablePeople(wishRef: IdRef): Promise<{ id: number; unitPath: string }[]> {
    const viewer = this.requireViewer();
    const wish = await this.loadVisible(wishRef);
    if (!relationsTo(viewer, wish).has('HANDLER')) return [];
    return assignablePeople(this.em, viewer, wish);
  }

  openForClaim(input: { wishId: IdRef; note?: string | null }): Promise<number> {
    const note = optionalText('note', input.note, MAX_NOTE);
    return this.transition(input.wishId, 'OPEN_FOR_CLAIM', { note });
  }

  claim(input: { wishId: IdRef }): Promise<number> {
    const viewer = this.requireViewer();
    return this.transition(input.wishId, 'CLAIM', {
      data: { assigneeIds: [viewer.personId] },
      apply: async (em, wish, at) => {
        await em.execute(
          `insert into assignment (wish_id, person_id, kind, active, assigned_at, assigned_by_id) values (?, ?, 'ASSIGNEE', true, ?, null)`,
          [wish.id, viewer.personId, at],
        );
      },
    });
  }

  accept(input: { wishId: IdRef }): Promise<number> {
    return this.transition(input.wishId, 'ACCEPT', {});
  }

  decline(input: { wishId: IdRef; reason?: string | null }): Promise<number> {
    const note = optionalText('reason', input.reason, MAX_NOTE);
    return this.transition(input.wishId, 'DECLINE', { note });
  }

  abandon(input: { wishId: IdRef; reason: string }): Promise<number> {
    const note = requiredText('reason', input.reason, MAX_NOTE);
    return this.transition(input.wishId, 'ABANDON', { note });
  }

  async resolve(input: { wishId: IdRef; note: string; photoIds?: readonly IdRef[] }): Promise<number> {
    const viewer = this.requireViewer();
    const note = requiredText('note', input.note, MAX_NOTE);
    const photoIds = await checkPhotoIds(this.em, viewer, input.photoIds);
    return this.transition(input.wishId, 'RESOLVE', {
      note,
      apply: (em, wish, at) =>
        attachPhotos(em, { photoIds, uploaderId: viewer.personId, wishId: wish.id, stage: 'RESOLVED', at }),
    });
  }

  evaluate(input: { wishId: IdRef; rating: number; comment?: string | null }): Promise<number> {
    if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
      throw badInput('rating', 'must be a whole number of stars from 1 to 5');
    }
    const comment = optionalText('comment', input.comment, MAX_NOTE);
    const action = evaluationAction(input.rating);
    return this.transition(input.wishId, action, {
      note: comment,
      data: { rating: input.rating },
      set: {
        rating: input.rating,
        rating_comment: comment,
        ...(action === 'REOPEN' ? { reopen_count: { raw: 'reopen_count + 1' } } : {}),
      },
    });
  }

  /**
   * Close a RESOLVED wish that was listed with no resident, so nobody can evaluate it: its handling secretary
   * says so explicitly (with the reason). No rating, no rating points, and no satisfaction figure counts it.
   */
  closeWithoutEvaluation(input: { wishId: IdRef; reason: string }): Promise<number> {
    const note = requiredText('reason', input.reason, MAX_NOTE);
    return this.transition(input.wishId, 'CLOSE_UNEVALUATED', { note });
  }

  escalate(input: { wishId: IdRef; reason: string }): Promise<number> {
    const note = requiredText('reason', input.reason, MAX_NOTE);
    let target: number | null = null;
    return this.transition(input.wishId, 'ESCALATE', {
      note,
      check: (wish) => {
        if (wish.handlingKind === 'STREET' || wish.handlingParentId === null) {
          throw invalidTransition(`The wish is ${wish.status} and already handled by the street: it cannot go higher`);
        }
        target = wish.handlingParentId;
      },
      get data() {
        return { toUnitId: target };
      },
      get set() {
        return { handling_unit_id: target };
      },
    });
  }

  reject(input: { wishId: IdRef; reason: string }): Promise<number> {
    const note = requiredText('reason', input.reason, MAX_NOTE);
    return this.transition(input.wishId, 'REJECT', { note });
  }

  cancel(input: { wishId: IdRef; reason?: string | null }): Promise<number> {
    const note = optionalText('reason', input.reason, MAX_NOTE);
    return this.transition(input.wishId, 'CANCEL', { note });
  }

  /**
   * Close a duplicate into the wish it repeats (a handler of the duplicate; both in one compound): the duplicate
   * becomes REJECTED by a MERGE event whose data names the original, and its resident and followers follow the
   * original instead. REJECTED, not CLOSED: nothing was done on the duplicate itself, so no resolved figure, rating
   * or point counts it, and Open311 never reports it as fixed.
   */
  async merge(input: { wishId: IdRef; intoWishId: IdRef; expectedVersion?: number | null }): Promise<number> {
    if (input.wishId !== null && input.wishId === input.intoWishId) {
      throw badInput('intoWishId', 'must be another wish than the duplicate');
    }
    const wish = await this.loadVisible(input.wishId);
    const into = await this.loadVisible(input.intoWishId);
    if (into.compoundId !== wish.compoundId) throw badInput('intoWishId', 'must be a wish of the same compound');
    return this.apply(wish, 'MERGE', {
      data: { intoWishId: into.id },
      check: (w) => {
        if (into.status === 'REJECTED' || into.status === 'CANCELLED') {
          throw invalidTransition(`The wish to merge into is ${into.status}: merge into the wish it was closed for`);
        }
        if (
          input.expectedVersion !== null &&
          input.expectedVersion !== undefined &&
          input.expectedVersion !== w.version
        ) {
          throw conflict('The wish changed meanwhile: reload it and try again');
        }
      },
      apply: async (em, w, at) => {
        await em.execute(
          `insert into wish_follower (wish_id, person_id, created_at)
           select ?, s.person_id, ? from (
             select person_id from wish_follower where wish_id = ?
             union select resident_id from wish where id = ? and resident_id is not null) s
            where s.person_id is distinct from (select resident_id from wish where id = ?)
           on conflict do nothing`,
          [into.id, at, w.id, w.id, into.id],
        );
        await em.execute('delete from wish_follower where wish_id = ?', [w.id]);
      },
    });
  }

  /** Close RESOLVED wishes that waited longer than `days` for an evaluation. Returns how many closed. */
  async autoClose(days: number): Promise<number> {
    const cutoff = new Date(this.now().getTime() - days * 86_400_000);
    const due = await this.em.execute<{ id: number }[]>(
      `select id from wish where status = 'RESOLVED' and updated_at < ? order by id limit 500`,
      [cutoff],
    );
    let closed = 0;
    for (const { id } of due) {
      try {
        await this.transitionById(id, 'AUTO_CLOSE', { note: `No evaluation within ${days} days` });
        closed++;
      } catch {
        // Someone evaluated it meanwhile: nothing to close.
      }
    }
    return closed;
  }

  async recordMeeting(input: MeetingInput): Promise<number> {
    const viewer = this.requireViewer();
    const participants = requiredText('participants', input.participants, MAX_NOTE);
    const decisions = requiredText('decisions', input.decisions, MAX_DESCRIPTION);
    const place = optionalText('place', input.place, 200);
    const wish = await this.loadVisible(input.wishId);
    const relations = relationsTo(viewer, wish);
    if (!relations.has('HANDLER') && !relations.has('ASSIGNEE')) {
      throw forbidden('Only the handling secretary or an assignee may record a coordination meeting');
    }
    const at = this.now();
    return this.em.transactional(async (em) => {
      const [row] = await em.execute<{ id: number }[]>(
        `insert into meeting (wish_id, held_at, place, participants, decisions, recorded_by_id, created_at)
         values (?, ?, ?, ?, ?, ?, ?) returning id`,
        [wish.id, input.heldAt, place, participants, decisions, viewer.personId, at],
      );
      const id = (row as { id: number }).id;
      // Not a transition of the wish (no WishEvent), but a change all the same: it goes to the change log.
      await recordChange(
        em,
        { entityType: 'Meeting', entityId: id, action: 'RECORD', actorId: viewer.personId, data: { wishId: wish.id } },
        at,
      );
      return id;
    });
  }

  private requireViewer(): Viewer {
    if (!this.viewer) throw forbidden('This action needs a person');
    return this.viewer;
  }

  private async loadVisible(id: IdRef, action?: WishAction): Promise<WishRow> {
    const viewer = this.requireViewer();
    const wish = id === null ? undefined : (await loadWishFacts(this.em, [id])).get(id);
    // A claimer may look at an order of their area even after someone else took it: they get CONFLICT, not NOT_FOUND.
    const visible =
      wish && (canSeeWish(viewer, wish) || (action === 'CLAIM' && isClaimerFor(viewer, wish.compoundPath)));
    if (!wish || !visible) throw notFound('Wish');
    return wish;
  }

  private transition(wishRef: IdRef, action: WishAction, plan: TransitionPlan): Promise<number> {
    return this.loadVisible(wishRef, action).then((wish) => this.apply(wish, action, plan));
  }

  private async transitionById(id: number, action: WishAction, plan: TransitionPlan): Promise<number> {
    const wish = (await loadWishFacts(this.em, [id])).get(id);
    if (!wish) throw notFound('Wish');
    return this.apply(wish, action, plan);
  }

  private async apply(wish: WishRow, action: WishAction, plan: TransitionPlan): Promise<number> {
    const relations = this.viewer ? relationsTo(this.viewer, wish) : new Set(['SYSTEM' as const]);
    if (!mayAct(action, relations)) {
      throw forbidden(`${actorsOf(action)} of this wish`);
    }
    const next = nextStatus(wish.status, action);
    if (next === null) {
      if (action === 'CLAIM' && (await claimedSinceOpened(this.em, wish.id))) {
        throw conflict('Someone else has already taken this order');
      }
      throw invalidTransition(`The wish is ${wish.status}: ${action} is not possible now`);
    }
    plan.check?.(wish);
    const at = this.now();
    const event = await this.em.transactional(async (em) => {
      const set: Record<string, unknown> = { ...(plan.set ?? {}) };
      const columns = Object.keys(set);
      const assignments = columns.map((c) => {
        const v = set[c];
        return v && typeof v === 'object' && 'raw' in (v as object)
          ? `${c} = ${(v as { raw: string }).raw}`
          : `${c} = ?`;
      });
      const values = columns.map((c) => set[c]).filter((v) => !(v && typeof v === 'object' && 'raw' in (v as object)));
      const updated = await em.execute<{ id: number }[]>(
        `update wish set status = ?, version = version + 1, updated_at = ?${assignments.map((a) => `, ${a}`).join('')}
          where id = ? and version = ? returning id`,
        [next, at, ...values, wish.id, wish.version],
      );
      if (updated.length === 0) {
        // The row changed since we read it: the database decided for someone else.
        throw conflict(
          action === 'CLAIM'
            ? 'Someone else has already taken this order'
            : 'The wish changed meanwhile: reload it and try again',
        );
      }
      if (releasesAssignees(action)) {
        await em.execute('update assignment set active = false, released_at = ? where wish_id = ? and active', [
          at,
          wish.id,
        ]);
      }
      await plan.apply?.(em, wish, at);
      const facts = (await loadWishFacts(em, [wish.id])).get(wish.id) as WishRow;
      const event = await insertWishEvent(em, {
        facts,
        action,
        from: wish.status,
        to: next,
        at,
        actorId: this.actorId,
        note: plan.note ?? null,
        data: plan.data ?? null,
      });
      // Points earned or lost by this transition, exactly once, in the same transaction.
      await awardForWishTransition(em, {
        wishId: wish.id,
        action,
        at,
        assigneeIds: wish.activeAssigneeIds,
        actorId: this.actorId,
        rating: typeof plan.data?.rating === 'number' ? plan.data.rating : null,
      });
      // Whom this transition concerns is told, in the same transaction (announced with the event).
      event.notifiedIds = await notifyWishEvent(em, event);
      return event;
    });
    // Published only now, after the commit: a subscriber never sees an event that could still roll back.
    this.publish([event]);
    return wish.id;
  }
}
