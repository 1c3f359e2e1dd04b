/** The dashboard's pure helpers: the API's figures → what its cards and SVG charts draw. */
import fs from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  closeTime,
  communityGroups,
  dashboardScopes,
  formatPercent,
  formatRating,
  monthlySeries,
  openCount,
  periodRange,
  STATUS_COLORS,
  share,
  statusBars,
} from '../../admin/src/dashboard/aggregate.ts';
import { categoryLabelLayout, niceStep, niceTicks, textWidth } from '../../admin/src/dashboard/charts/scale.ts';
import * as documents from '../../admin/src/dashboard/queries.ts';
import { WISH_STATUSES } from '../../admin/src/wishes/wish-statuses.ts';

const counts = (map: Record<string, number>) => Object.entries(map).map(([status, count]) => ({ status, count }));

const community = (unitId: string, nameZh: string, total: number, open: number, closed: number, overdue: number) => ({
  unitId,
  total,
  open,
  closed,
  overdue,
  unit: { name: `${nameZh} (en)`, nameZh },
});

describe('wishes by status', () => {
  it('has a bar for every status in lifecycle order, zero when none, labelled and coloured', () => {
    const bars = statusBars(counts({ CLOSED: 196, SUBMITTED: 26 }), (s) => `label ${s}`);
    expect(bars.map((b) => b.key)).toEqual(WISH_STATUSES);
    expect(bars[0]).toEqual({ key: 'SUBMITTED', label: 'label SUBMITTED', value: 26, color: STATUS_COLORS.SUBMITTED });
    expect(bars.find((b) => b.key === 'DISPATCHED')?.value).toBe(0);
  });

  it('counts as open the four states before resolution', () => {
    expect(
      openCount(counts({ SUBMITTED: 26, OPEN_FOR_CLAIM: 12, DISPATCHED: 18, ACCEPTED: 21, RESOLVED: 20, CLOSED: 9 })),
    ).toBe(77);
    expect(openCount(undefined)).toBe(0);
  });
});

describe('wishes by community', () => {
  it('groups open, closed and overdue per community, by name, busiest first', () => {
    const groups = communityGroups(
      [
        community('b', '金融路社区', 46, 13, 33, 3),
        community('a', '洪顺路社区', 63, 20, 43, 1),
        community('c', '北关社区', 46, 9, 26, 1),
      ],
      (unit) => unit.nameZh,
    );
    expect(groups.categories).toEqual([
      { key: 'a', label: '洪顺路社区' },
      { key: 'c', label: '北关社区' },
      { key: 'b', label: '金融路社区' },
    ]);
    expect(groups.values).toEqual([
      [20, 43, 1],
      [9, 26, 1],
      [13, 33, 3],
    ]);
    expect(communityGroups([], (u) => u.name)).toEqual({ categories: [], values: [] });
  });
});

describe('figures on the cards', () => {
  it('show the time to close in days from two days on, in hours below, nothing without data', () => {
    expect(closeTime(300.1)).toEqual({ unit: 'days', value: '12.5' });
    expect(closeTime(48)).toEqual({ unit: 'days', value: '2.0' });
    expect(closeTime(5.25)).toEqual({ unit: 'hours', value: '5.3' });
    expect(closeTime(null)).toBeNull();
    expect(closeTime(Number.NaN)).toBeNull();
  });

  it('give shares and ratings, and a dash when there is nothing to divide', () => {
    expect(share(13, 77)).toBeCloseTo(0.1688);
    expect(share(1, 0)).toBeNull();
    expect(formatPercent(13 / 77)).toBe('17%');
    expect(formatPercent(2 / 36)).toBe('5.6%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(null)).toBe('–');
    expect(formatRating(4.1944)).toBe('4.2');
    expect(formatRating(null)).toBe('–');
  });
});

describe('activity participation per month', () => {
  const byMonth = [
    { month: 1, activities: 24, attendances: 355, uniqueParticipants: 269, signUps: 385 },
    { month: 3, activities: 25, attendances: 488, uniqueParticipants: 328, signUps: 547 },
    { month: 12, activities: 25, attendances: 0, uniqueParticipants: 0, signUps: 240 },
  ];

  it('has every month up to the current one, zero for months without activities', () => {
    const series = monthlySeries(byMonth, 3);
    expect(series.months).toEqual([1, 2, 3]);
    expect(series.attendances).toEqual([355, 0, 488]);
    expect(series.uniqueParticipants).toEqual([269, 0, 328]);
  });

  it('leaves the months still ahead out rather than drawing them as zero', () => {
    expect(monthlySeries(byMonth, 11).months).toHaveLength(11);
    expect(monthlySeries(byMonth).months).toHaveLength(12);
  });
});

describe('periods and scope', () => {
  it('reads the period on the street’s clock', () => {
    const now = new Date('2026-11-27T06:00:00Z');
    expect(periodRange('month', now)).toEqual({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
    expect(periodRange('year', now)).toEqual({ from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(periodRange('all', now)).toEqual({});
    // 00:30 on 1 January in Jiexiu is already the new year.
    expect(periodRange('year', new Date('2026-12-31T16:30:00Z')).from).toBe('2026-12-31T16:00:00.000Z');
  });

  it('shows the street to a street admin first, then the units someone is secretary of, and nothing to others', () => {
    const street = { id: 'S', name: 'Xiguan Street' };
    const hongshun = { id: 'H', name: 'Hongshun Road Community' };
    expect(
      dashboardScopes([
        { role: 'BRANCH_SECRETARY', orgUnit: hongshun },
        { role: 'PARTY_MEMBER', orgUnit: { id: 'W', name: 'Wenxiangyuan' } },
        { role: 'STREET_ADMIN', orgUnit: street },
        { role: 'BRANCH_SECRETARY', orgUnit: hongshun },
      ]),
    ).toEqual([street, hongshun]);
    expect(dashboardScopes([{ role: 'DISPLAY', orgUnit: hongshun }])).toEqual([]);
    expect(dashboardScopes(undefined)).toEqual([]);
  });
});

describe('chart scales', () => {
  it('round the axis up to 1, 2, 2.5 or 5 × 10ⁿ steps, whole numbers for counts', () => {
    expect(niceStep(0.3)).toBe(0.5);
    expect(niceStep(37)).toBe(50);
    expect(niceStep(24)).toBe(25);
    expect(niceTicks(196)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(43)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(0.6, 4, false)).toEqual([0, 0.2, 0.4, 0.6]);
  });

  it('slant category labels only when they are wider than their bars’ room', () => {
    expect(textWidth('洪顺路社区', 12)).toBe(60);
    expect(textWidth('ab', 10)).toBe(12);
    expect(categoryLabelLayout(['洪顺路社区', '北关社区'], 120, 12).slanted).toBe(false);
    const slanted = categoryLabelLayout(['Hongshun Road Community'], 60, 12);
    expect(slanted.slanted).toBe(true);
    expect(slanted.height).toBeGreaterThan(60);
  });
});

describe('the dashboard’s documents', () => {
  it('are valid against the printed schema', () => {
    const schema = buildSchema(fs.readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
    const sources: [string, string][] = Object.entries(documents);
    expect(sources.length).toBe(4);
    for (const [name, source] of sources) expect(validate(schema, parse(source)), name).toEqual([]);
  });
});
