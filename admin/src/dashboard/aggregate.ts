/**
 * Pure aggregation and formatting for the dashboard: the API's figures → what the cards and charts draw.
 * No React here, so the rules are unit-tested (test/unit/dashboard-aggregate.test.ts).
 */
import type { SessionRole } from '../auth/session.ts';
import { monthPeriod, streetDate, yearPeriod } from '../common/street-time.ts';
import {
  countOf,
  openCount,
  STATUS_COLORS,
  type StatusCount,
  WISH_STATUSES,
  type WishStatus,
} from '../wishes/wish-statuses.ts';
import type { BarDatum } from './charts/BarChart.tsx';

export { openCount, STATUS_COLORS, type StatusCount };

export interface CommunityStats {
  unitId: string;
  total: number;
  open: number;
  closed: number;
  overdue: number;
  unit: { name: string; nameZh: string };
}

export interface MonthlyParticipation {
  month: number;
  activities: number;
  attendances: number;
  uniqueParticipants: number;
  signUps: number;
}

export const SERIES_COLORS = {
  open: '#3b82f6',
  closed: '#22c55e',
  overdue: '#ef4444',
  attendances: '#c62828',
  uniqueParticipants: '#f59e0b',
} as const;

/** Every status in lifecycle order (zero when none), labelled and coloured. */
export function statusBars(byStatus: readonly StatusCount[], label: (status: WishStatus) => string): BarDatum[] {
  return WISH_STATUSES.map((status) => ({
    key: status,
    label: label(status),
    value: countOf(byStatus, status),
    color: STATUS_COLORS[status],
  }));
}

/** Communities by name (the chart's categories) with their open, closed and overdue counts, busiest first. */
export function communityGroups(
  byCommunity: readonly CommunityStats[],
  name: (unit: CommunityStats['unit']) => string,
): { categories: { key: string; label: string }[]; values: number[][] } {
  const sorted = [...byCommunity].sort((a, b) => b.total - a.total || name(a.unit).localeCompare(name(b.unit)));
  return {
    categories: sorted.map((c) => ({ key: c.unitId, label: name(c.unit) })),
    values: sorted.map((c) => [c.open, c.closed, c.overdue]),
  };
}

/** Hours as the card shows them: days (one decimal) from two days on, hours below; null without data. */
export function closeTime(hours: number | null | undefined): { unit: 'days' | 'hours'; value: string } | null {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return null;
  if (hours >= 48) return { unit: 'days', value: (hours / 24).toFixed(1) };
  return { unit: 'hours', value: hours.toFixed(1) };
}

/** part / whole, or null when there is no whole. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** "5.6%", "12%", "0%"; "–" for no value. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const percent = value * 100;
  return `${percent >= 10 || percent === 0 ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

export function formatRating(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toFixed(1);
}

/**
 * Participation per month of `year`, January to `throughMonth` (the months still ahead are left out,
 * not drawn as zero), every month present even without activities.
 */
export function monthlySeries(byMonth: readonly MonthlyParticipation[], throughMonth = 12) {
  const months = Array.from({ length: Math.max(0, Math.min(12, throughMonth)) }, (_, i) => i + 1);
  const of = (month: number) => byMonth.find((m) => m.month === month);
  return {
    months,
    attendances: months.map((m) => of(m)?.attendances ?? 0),
    uniqueParticipants: months.map((m) => of(m)?.uniqueParticipants ?? 0),
  };
}

export type PeriodKind = 'month' | 'year' | 'all';

/** The `from` / `to` arguments for a period on the street's clock (none for all time). */
export function periodRange(kind: PeriodKind, now: Date): { from?: string; to?: string } {
  if (kind === 'all') return {};
  const period = kind === 'month' ? monthPeriod(now) : yearPeriod(streetDate(now).year);
  return { from: period.from.toISOString(), to: period.to.toISOString() };
}

export interface ScopeUnit {
  id: string;
  name: string;
}

/**
 * The units whose figures the viewer's dashboard shows: the street for a STREET_ADMIN (first), then each
 * unit they are a branch secretary of. Empty for anyone else.
 */
export function dashboardScopes(roles: readonly SessionRole[] | undefined): ScopeUnit[] {
  const units: ScopeUnit[] = [];
  const ordered = [...(roles ?? [])].sort(
    (a, b) => Number(b.role === 'STREET_ADMIN') - Number(a.role === 'STREET_ADMIN'),
  );
  for (const role of ordered) {
    if ((role.role === 'STREET_ADMIN' || role.role === 'BRANCH_SECRETARY') && role.orgUnit) {
      if (!units.some((u) => u.id === role.orgUnit?.id)) units.push({ id: role.orgUnit.id, name: role.orgUnit.name });
    }
  }
  return units;
}
