/** The board's figures: counts per status for today and this week, satisfaction, this month's theme. */
import { countOf, openCount, type StatusCount, WISH_STATUSES, type WishStatus } from '../wishes/wish-statuses.ts';

export { countOf, type StatusCount };

/** What `wishStats` gives the board (no personal data). */
export interface PeriodStats {
  /** Changes in the period, by the state they produced */
  transitions: StatusCount[];
  /** Every wish listed before the end of the period, by its current state */
  byStatus: StatusCount[];
  total: number;
  overdue: number;
  averageRating: number | null;
  ratedCount: number;
  reopenedShare: number | null;
}

export interface StatusRow {
  status: WishStatus;
  today: number;
  week: number;
}

/** One row per status, in lifecycle order: status changes today and this week. */
export function statusRows(today: PeriodStats | undefined, week: PeriodStats | undefined): StatusRow[] {
  return WISH_STATUSES.map((status) => ({
    status,
    today: countOf(today?.transitions, status),
    week: countOf(week?.transitions, status),
  }));
}

/** Wishes open right now (listed and not yet resolved, rejected or cancelled). */
export function openNow(stats: PeriodStats | undefined): number {
  return openCount(stats?.byStatus);
}

/** "4.2", or null when nobody rated in the period. */
export function formatRating(average: number | null | undefined): string | null {
  return average === null || average === undefined ? null : average.toFixed(1);
}

/** "5.6%", or null when there is no evaluation to take a share of. */
export function formatShare(share: number | null | undefined): string | null {
  if (share === null || share === undefined) return null;
  const percent = share * 100;
  return `${percent >= 10 || percent === 0 ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

export function themeOfMonth<T extends { month: number }>(themes: readonly T[] | undefined, month: number): T | null {
  return themes?.find((theme) => theme.month === month) ?? null;
}

export interface AccountRole {
  role: string;
  orgUnit: { id: string };
}

/**
 * Which unit the board shows, given the account's roles, the unit in the address (if any) and that
 * unit's chain of ids up to the street (the unit first; null when the server does not know it). A DISPLAY
 * account shows its own unit or one below it: another community's board would only show zeros (the
 * server scopes every figure), so it says the account may not show it instead.
 */
export function boardUnit(
  roles: readonly AccountRole[],
  addressUnit: string | null,
  chain: readonly string[] | null,
): { unitId: string } | { problem: 'noUnit' | 'forbidden' } {
  const screenUnits = roles.filter((r) => r.role === 'DISPLAY').map((r) => r.orgUnit.id);
  if (addressUnit === null) {
    const own = screenUnits[0] ?? roles[0]?.orgUnit.id;
    return own ? { unitId: own } : { problem: 'noUnit' };
  }
  if (screenUnits.length === 0) return { unitId: addressUnit };
  if (chain?.some((id) => screenUnits.includes(id))) return { unitId: addressUnit };
  return { problem: 'forbidden' };
}

/** A unit's id and its ancestors' ids, nearest first (as UNIT_CHAIN returns them). */
export type UnitChainNode = { id: string; parent?: UnitChainNode | null } | null;

export function chainIds(node: UnitChainNode | undefined): string[] | null {
  if (!node) return null;
  const ids: string[] = [];
  for (let at: UnitChainNode | undefined = node; at; at = at.parent) ids.push(at.id);
  return ids;
}

/**
 * The org unit the board shows: the id in `/screen/<id>`; for development (the Vite page
 * /admin/screen.html) a `?unit=<id>` parameter. Null: none given (the account's own unit is used).
 */
export function unitIdFromLocation(pathname: string, search: string): string | null {
  const match = /^\/screen\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1]) {
    try {
      return decodeURIComponent(match[1]);
    } catch {
      return null;
    }
  }
  const unit = new URLSearchParams(search).get('unit');
  return unit === null || unit === '' ? null : unit;
}
