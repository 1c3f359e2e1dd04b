/**
 * The four-step work method as one pure table: (state, action) → next state, and who may act.
 * No I/O here; services consult it and write the wish and its event in one transaction.
 */
export {
  WISH_ACTIONS,
  WISH_CHANNELS,
  WISH_STATUSES,
  type WishAction,
  type WishChannel,
  type WishStatus,
} from '../../entities/wish.entity.ts';

import { WISH_ACTIONS, type WishAction, type WishStatus } from '../../entities/wish.entity.ts';

/**
 * How the actor stands to the wish:
 * - OWNER: the resident it was listed for, or the grid worker who listed it for that resident (a wish listed with
 *   no resident has no owner: nobody rates it)
 * - LISTER: whoever listed it, with or without a resident (may withdraw what they listed)
 * - HANDLER: a branch secretary or street admin whose unit is the handling unit or above it
 * - CLOSER: a HANDLER of a wish listed with no resident: closes it, once resolved, without an evaluation
 * - ASSIGNEE: an active assignee
 * - CLAIMER: a party member or volunteer whose unit's subtree holds the wish's compound
 * - SYSTEM: the server itself (the auto-close sweep)
 */
export type ActorRelation = 'OWNER' | 'LISTER' | 'HANDLER' | 'CLOSER' | 'ASSIGNEE' | 'CLAIMER' | 'SYSTEM';

/** Who each relation is, in words (for FORBIDDEN messages). */
export const RELATION_NAMES: Readonly<Record<ActorRelation, string>> = {
  OWNER: 'the resident (or the grid worker who listed it for them)',
  LISTER: 'whoever listed it',
  HANDLER: 'secretaries of its handling unit or above',
  CLOSER: 'secretaries of its handling unit or above, when it was listed with no resident',
  ASSIGNEE: 'its assignees',
  CLAIMER: "party members and volunteers of its compound's area",
  SYSTEM: 'the server',
};

export const TERMINAL_STATUSES: readonly WishStatus[] = ['CLOSED', 'REJECTED', 'CANCELLED'];
/** States in which a wish still waits for work: only these can be overdue. */
export const PENDING_STATUSES: readonly WishStatus[] = ['SUBMITTED', 'OPEN_FOR_CLAIM', 'DISPATCHED', 'ACCEPTED'];

type Table = Readonly<Record<WishStatus, Partial<Record<WishAction, WishStatus>>>>;

export const TRANSITIONS: Table = {
  SUBMITTED: {
    DISPATCH: 'DISPATCHED',
    OPEN_FOR_CLAIM: 'OPEN_FOR_CLAIM',
    ESCALATE: 'SUBMITTED',
    REJECT: 'REJECTED',
    CANCEL: 'CANCELLED',
    MERGE: 'REJECTED',
  },
  OPEN_FOR_CLAIM: { CLAIM: 'ACCEPTED', DISPATCH: 'DISPATCHED', CANCEL: 'CANCELLED', MERGE: 'REJECTED' },
  DISPATCHED: {
    ACCEPT: 'ACCEPTED',
    DECLINE: 'SUBMITTED',
    ESCALATE: 'SUBMITTED',
    CANCEL: 'CANCELLED',
    MERGE: 'REJECTED',
  },
  ACCEPTED: { RESOLVE: 'RESOLVED', ESCALATE: 'SUBMITTED', ABANDON: 'SUBMITTED', MERGE: 'REJECTED' },
  RESOLVED: { EVALUATE: 'CLOSED', REOPEN: 'SUBMITTED', AUTO_CLOSE: 'CLOSED', CLOSE_UNEVALUATED: 'CLOSED' },
  CLOSED: {},
  REJECTED: {},
  CANCELLED: {},
};

/** Who may take each action, whatever the state (the state is checked after the actor). */
export const ACTORS: Readonly<Record<WishAction, readonly ActorRelation[]>> = {
  SUBMIT: ['OWNER', 'LISTER'],
  DISPATCH: ['HANDLER'],
  OPEN_FOR_CLAIM: ['HANDLER'],
  CLAIM: ['CLAIMER'],
  ACCEPT: ['ASSIGNEE'],
  DECLINE: ['ASSIGNEE'],
  ABANDON: ['ASSIGNEE'],
  RESOLVE: ['ASSIGNEE'],
  EVALUATE: ['OWNER'],
  REOPEN: ['OWNER'],
  ESCALATE: ['HANDLER'],
  REJECT: ['HANDLER'],
  CANCEL: ['OWNER', 'LISTER'],
  AUTO_CLOSE: ['SYSTEM'],
  CLOSE_UNEVALUATED: ['CLOSER'],
  // A duplicate closed into the wish it repeats (REJECTED, with the original in the event's data).
  MERGE: ['HANDLER'],
};

export function nextStatus(status: WishStatus, action: WishAction): WishStatus | null {
  return TRANSITIONS[status][action] ?? null;
}

export function mayAct(action: WishAction, relations: ReadonlySet<ActorRelation>): boolean {
  return ACTORS[action].some((r) => relations.has(r));
}

/** Why an actor may not take an action: who may. */
export function actorsOf(action: WishAction): string {
  return `${action} is for ${ACTORS[action].map((r) => RELATION_NAMES[r]).join(' or ')}`;
}

/**
 * Evaluation: 3–5 stars close the wish, 1–2 stars reopen it. Only EVALUATE and REOPEN carry a rating: AUTO_CLOSE
 * and CLOSE_UNEVALUATED close without one and count in no satisfaction figure.
 */
export function evaluationAction(rating: number): 'EVALUATE' | 'REOPEN' {
  return rating >= 3 ? 'EVALUATE' : 'REOPEN';
}

/** The actions a viewer may take on a wish right now (for the panel's buttons). */
export function availableActions(status: WishStatus, relations: ReadonlySet<ActorRelation>): WishAction[] {
  return WISH_ACTIONS.filter((a) => a !== 'AUTO_CLOSE' && nextStatus(status, a) !== null && mayAct(a, relations));
}

/** Transitions that hand the wish back to the pool release its current assignees. */
export function releasesAssignees(action: WishAction): boolean {
  return (
    action === 'DECLINE' || action === 'ABANDON' || action === 'ESCALATE' || action === 'REOPEN' || action === 'MERGE'
  );
}
