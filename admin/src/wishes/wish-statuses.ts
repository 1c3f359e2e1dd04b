/**
 * How the panel, the dashboard and the display screen show each state of a wish. The states themselves
 * come from the schema (generated: src/gql/); this table is keyed by them, so a new state does not compile
 * until it has its row. Rows are in the order a wish reaches them (see DESIGN.md §3).
 */
import type { WishStatus } from '../gql/graphql.ts';

export type { WishStatus };

type ChipColor = 'default' | 'primary' | 'secondary' | 'info' | 'success' | 'warning' | 'error';

interface StatusLook {
  /** The list's chip */
  chip: ChipColor;
  /** Charts (close to the display screen's colours) */
  chart: string;
  /** Still being worked on (the server's PENDING_STATUSES): counts as open */
  open: boolean;
}

const LOOKS = {
  SUBMITTED: { chip: 'warning', chart: '#f59e0b', open: true },
  OPEN_FOR_CLAIM: { chip: 'secondary', chart: '#06b6d4', open: true },
  DISPATCHED: { chip: 'info', chart: '#3b82f6', open: true },
  ACCEPTED: { chip: 'primary', chart: '#8b5cf6', open: true },
  RESOLVED: { chip: 'success', chart: '#14b8a6', open: false },
  CLOSED: { chip: 'default', chart: '#22c55e', open: false },
  REJECTED: { chip: 'error', chart: '#ef4444', open: false },
  CANCELLED: { chip: 'default', chart: '#94a3b8', open: false },
} as const satisfies Record<WishStatus, StatusLook>;

/** Every state, in lifecycle order. */
export const WISH_STATUSES = Object.keys(LOOKS) as WishStatus[];

/** Wishes still being worked on. */
export const OPEN_STATUSES: readonly WishStatus[] = WISH_STATUSES.filter((status) => LOOKS[status].open);

export const STATUS_CHIP_COLORS: Readonly<Record<WishStatus, ChipColor>> = mapStatuses((s) => LOOKS[s].chip);

/** One colour per state, the same on every chart. */
export const STATUS_COLORS: Readonly<Record<WishStatus, string>> = mapStatuses((s) => LOOKS[s].chart);

function mapStatuses<T>(of: (status: WishStatus) => T): Record<WishStatus, T> {
  return Object.fromEntries(WISH_STATUSES.map((status) => [status, of(status)])) as Record<WishStatus, T>;
}

/** Choices for SelectField/SelectInput; react-admin translates each name as an i18n key. */
export const wishStatusChoices = WISH_STATUSES.map((status) => ({ id: status, name: `wishgrid.status.${status}` }));

export interface StatusCount {
  status: string;
  count: number;
}

/** The count of one state in a list of counts (zero when absent). */
export const countOf = (counts: readonly StatusCount[] | undefined, status: string): number =>
  counts?.find((c) => c.status === status)?.count ?? 0;

/** Wishes open right now, from counts by state. */
export const openCount = (byStatus: readonly StatusCount[] | undefined): number =>
  OPEN_STATUSES.reduce((sum, status) => sum + countOf(byStatus, status), 0);
