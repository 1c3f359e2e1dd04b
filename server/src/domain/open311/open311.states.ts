/**
 * A wish's state as GeoReport v2 reports it. `status` is `open` or `closed`; `status_notes` carries the wish's
 * own state, as "<STATE> · <words>" (the state's code, then what it means in the client's language), so a
 * machine reads the code and a person the words. Honest states:
 * - open: SUBMITTED, OPEN_FOR_CLAIM, DISPATCHED, ACCEPTED and RESOLVED — a resolved wish waits for the resident's
 *   evaluation and may still be reopened, so it is not closed before they (or the auto-close) close it; a reopened
 *   wish is open again, and its notes say how often it was reopened;
 * - closed: CLOSED (the notes say how: evaluated, closed without an evaluation, merged into another wish),
 *   REJECTED (the notes say it was rejected and not done: never reported as fixed) and CANCELLED (withdrawn).
 */
import type { WishStatus } from '../../entities/wish.entity.ts';
import type { PublicWishRecord } from './open311.queries.ts';

export type Open311Status = 'open' | 'closed';
export type Open311Locale = 'zh' | 'en';

const CLOSED_STATES: readonly WishStatus[] = ['CLOSED', 'REJECTED', 'CANCELLED'];

export function open311Status(status: WishStatus): Open311Status {
  return CLOSED_STATES.includes(status) ? 'closed' : 'open';
}

/** The wish states behind each GeoReport status (for the `status` filter). */
export function statesOf(status: Open311Status, all: readonly WishStatus[]): WishStatus[] {
  return all.filter((s) => open311Status(s) === status);
}

const STATE_WORDS: Record<Open311Locale, Record<WishStatus, string>> = {
  zh: {
    SUBMITTED: '已受理，待分派',
    OPEN_FOR_CLAIM: '待认领',
    DISPATCHED: '已派单，待接单',
    ACCEPTED: '办理中',
    RESOLVED: '已办理，待居民评价',
    CLOSED: '已办结',
    REJECTED: '已驳回，未办理',
    CANCELLED: '已撤回',
  },
  en: {
    SUBMITTED: 'received, awaiting dispatch',
    OPEN_FOR_CLAIM: 'open for volunteers to claim',
    DISPATCHED: 'dispatched, awaiting acceptance',
    ACCEPTED: 'in progress',
    RESOLVED: "done by the assignee, awaiting the resident's evaluation",
    CLOSED: 'closed',
    REJECTED: 'rejected: not done',
    CANCELLED: 'withdrawn',
  },
};

/** How a CLOSED wish was closed, by the action that closed it (any other: the state's own words). */
const CLOSING_WORDS: Record<Open311Locale, Readonly<Record<string, string>>> = {
  zh: {
    EVALUATE: '已办结（居民已评价）',
    AUTO_CLOSE: '已办结（居民逾期未评价）',
    CLOSE_UNEVALUATED: '已办结（无居民评价）',
    MERGE: '已合并到另一心愿（重复）',
  },
  en: {
    EVALUATE: 'closed after the resident evaluated it',
    AUTO_CLOSE: 'closed: the resident did not evaluate it in time',
    CLOSE_UNEVALUATED: 'closed without an evaluation (listed with no resident)',
    MERGE: 'merged into another wish (a duplicate)',
  },
};

const REOPENED: Record<Open311Locale, (n: number) => string> = {
  zh: (n) => `曾重新打开 ${n} 次`,
  en: (n) => `reopened ${n} time${n === 1 ? '' : 's'}`,
};

export function statusNotes(
  wish: Pick<PublicWishRecord, 'status' | 'lastAction' | 'reopenCount'>,
  locale: Open311Locale,
): string {
  const closing =
    wish.status === 'CLOSED' && wish.lastAction && Object.hasOwn(CLOSING_WORDS[locale], wish.lastAction)
      ? CLOSING_WORDS[locale][wish.lastAction]
      : undefined;
  const parts = [wish.status, closing ?? STATE_WORDS[locale][wish.status]];
  if (wish.reopenCount > 0) parts.push(REOPENED[locale](wish.reopenCount));
  return parts.join(' · ');
}
