/** The display screen's data logic: street-time periods, merging live events, counts, texts and documents. */
import fs from 'node:fs';
import { buildSchema, parse, validate, visit } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  boardUnit,
  chainIds,
  formatRating,
  formatShare,
  openNow,
  statusRows,
  themeOfMonth,
  unitIdFromLocation,
} from '../../admin/src/screen/counts.ts';
import { type BoardEvent, FEED_LENGTH, highestSequence, mergeEvents } from '../../admin/src/screen/events.ts';
import { activityTime, eventTime, localName, longDate } from '../../admin/src/screen/format.ts';
import { retryDelayMs } from '../../admin/src/screen/live.ts';
import { createTranslate, labelOf, pickLocale, screenMessages } from '../../admin/src/screen/messages.ts';
import { boardPeriods, periodVariables } from '../../admin/src/screen/period.ts';
import * as documents from '../../admin/src/screen/queries.ts';
import { WISH_STATUSES } from '../../admin/src/wishes/wish-statuses.ts';

const at = (iso: string) => new Date(iso);

const event = (sequence: number, toStatus = 'SUBMITTED'): BoardEvent => ({
  sequence,
  action: 'SUBMIT',
  fromStatus: null,
  toStatus,
  at: '2026-11-27T02:00:00.000Z',
  wish: {
    title: `wish ${sequence}`,
    status: toStatus,
    category: { name: 'Street lamps', nameZh: '路灯照明' },
    compound: { name: 'Wenxiangyuan', nameZh: '文香苑' },
  },
});

const stats = (transitions: Record<string, number>, byStatus: Record<string, number> = {}) => ({
  transitions: Object.entries(transitions).map(([status, count]) => ({ status, count })),
  byStatus: Object.entries(byStatus).map(([status, count]) => ({ status, count })),
  total: 0,
  overdue: 0,
  averageRating: null,
  ratedCount: 0,
  reopenedShare: null,
});

describe('the board periods (street time, UTC+8)', () => {
  it('start "today" at the street’s midnight, not the screen’s', () => {
    // 00:30 on 27 November in Jiexiu is still 26 November in UTC.
    const p = boardPeriods(at('2026-11-26T16:30:00Z'));
    expect(p.dayKey).toBe('2026-11-27');
    expect(periodVariables(p.today)).toEqual({ from: '2026-11-26T16:00:00.000Z', to: '2026-11-27T16:00:00.000Z' });
  });

  it('roll "today" over exactly at midnight', () => {
    expect(boardPeriods(at('2026-11-27T15:59:59Z')).dayKey).toBe('2026-11-27');
    expect(boardPeriods(at('2026-11-27T16:00:00Z')).dayKey).toBe('2026-11-28');
    expect(boardPeriods(at('2026-11-27T16:00:00Z')).today.from.toISOString()).toBe('2026-11-27T16:00:00.000Z');
  });

  it('run the week from Monday 00:00 to the next Monday', () => {
    const friday = boardPeriods(at('2026-11-27T06:00:00Z'));
    expect(periodVariables(friday.week)).toEqual({ from: '2026-11-22T16:00:00.000Z', to: '2026-11-29T16:00:00.000Z' });
    // Sunday evening is still that week; Monday 00:00 starts the next.
    expect(boardPeriods(at('2026-11-29T15:59:00Z')).week.from.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(boardPeriods(at('2026-11-29T16:00:00Z')).week.from.toISOString()).toBe('2026-11-29T16:00:00.000Z');
  });

  it('take the month and year of the street’s calendar, across the year’s end', () => {
    const newYearsEve = boardPeriods(at('2026-12-31T17:00:00Z')); // 1 January 2027, 01:00 in Jiexiu
    expect([newYearsEve.year, newYearsEve.month]).toEqual([2027, 1]);
    expect(periodVariables(newYearsEve.monthPeriod)).toEqual({
      from: '2026-12-31T16:00:00.000Z',
      to: '2027-01-31T16:00:00.000Z',
    });
    const december = boardPeriods(at('2026-12-15T04:00:00Z'));
    expect(december.monthPeriod.to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('the latest status changes', () => {
  it('keep each sequence once, newest first, at most the feed’s length', () => {
    const initial = [event(10), event(8), event(9)];
    const merged = mergeEvents(initial, [event(11), event(9), event(12)]);
    expect(merged.map((e) => e.sequence)).toEqual([12, 11, 10, 9, 8]);
    const many = Array.from({ length: 30 }, (_, i) => event(i + 1));
    expect(mergeEvents([], many).map((e) => e.sequence)).toEqual(Array.from({ length: FEED_LENGTH }, (_, i) => 30 - i));
  });

  it('keep the copy already on the board when a replay repeats an event', () => {
    const shown = event(5);
    const replayed = { ...event(5), wish: { ...event(5).wish, status: 'CLOSED' } };
    expect(mergeEvents([shown], [replayed])[0]).toBe(shown);
  });

  it('drop events older than the whole feed after a long replay', () => {
    const full = Array.from({ length: FEED_LENGTH }, (_, i) => event(100 + i));
    expect(mergeEvents(full, [event(3)]).some((e) => e.sequence === 3)).toBe(false);
  });

  it('resume after the highest sequence seen (0 when none)', () => {
    expect(highestSequence([event(7), event(42), event(9)])).toBe(42);
    expect(highestSequence([])).toBe(0);
    expect(highestSequence([event(3)], 50)).toBe(50);
  });
});

describe('the counts', () => {
  it('give every status a row in lifecycle order, with today’s and this week’s changes', () => {
    const rows = statusRows(stats({ SUBMITTED: 2, CLOSED: 1 }), stats({ SUBMITTED: 9, ACCEPTED: 4, CLOSED: 6 }));
    expect(rows.map((r) => r.status)).toEqual(WISH_STATUSES);
    expect(rows.find((r) => r.status === 'SUBMITTED')).toEqual({ status: 'SUBMITTED', today: 2, week: 9 });
    expect(rows.find((r) => r.status === 'ACCEPTED')).toEqual({ status: 'ACCEPTED', today: 0, week: 4 });
    expect(statusRows(undefined, undefined).every((r) => r.today === 0 && r.week === 0)).toBe(true);
  });

  it('count as open what is listed and not yet resolved, rejected or cancelled', () => {
    expect(
      openNow(stats({}, { SUBMITTED: 3, OPEN_FOR_CLAIM: 1, DISPATCHED: 2, ACCEPTED: 4, RESOLVED: 5, CLOSED: 40 })),
    ).toBe(10);
    expect(openNow(undefined)).toBe(0);
  });

  it('format the month’s satisfaction, with nothing to show when nobody rated', () => {
    expect(formatRating(4.194)).toBe('4.2');
    expect(formatRating(null)).toBeNull();
    expect(formatShare(2 / 36)).toBe('5.6%');
    expect(formatShare(0.25)).toBe('25%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(null)).toBeNull();
  });

  it('pick this month’s theme', () => {
    const themes = [
      { month: 10, title: '重阳敬老邻里情' },
      { month: 11, title: '119消防宣传月应急演练' },
    ];
    expect(themeOfMonth(themes, 11)?.title).toBe('119消防宣传月应急演练');
    expect(themeOfMonth(themes, 12)).toBeNull();
    expect(themeOfMonth(undefined, 1)).toBeNull();
  });
});

describe('the unit a board shows', () => {
  it('comes from /screen/<id>, or ?unit= on the development page', () => {
    expect(unitIdFromLocation('/screen/T3JnVW5pdDoy', '')).toBe('T3JnVW5pdDoy');
    expect(unitIdFromLocation('/screen/T3JnVW5pdDoy/', '?unit=other')).toBe('T3JnVW5pdDoy');
    expect(unitIdFromLocation('/screen/T3JnVW5pdDoy%3D', '')).toBe('T3JnVW5pdDoy=');
    expect(unitIdFromLocation('/admin/screen.html', '?unit=T3JnVW5pdDoz')).toBe('T3JnVW5pdDoz');
    expect(unitIdFromLocation('/screen/', '')).toBeNull();
    expect(unitIdFromLocation('/screen/a/b', '')).toBeNull();
  });
});

describe('the unit a DISPLAY account may show', () => {
  const screen = [{ role: 'DISPLAY', orgUnit: { id: 'hongshun' } }];

  it('is its own unit when the address names none', () => {
    expect(boardUnit(screen, null, null)).toEqual({ unitId: 'hongshun' });
    expect(boardUnit([], null, null)).toEqual({ problem: 'noUnit' });
  });

  it('is the address’s unit when it is the account’s own or lies below it', () => {
    expect(boardUnit(screen, 'hongshun', ['hongshun', 'street'])).toEqual({ unitId: 'hongshun' });
    expect(boardUnit(screen, 'wenxiangyuan', ['wenxiangyuan', 'hongshun', 'street'])).toEqual({
      unitId: 'wenxiangyuan',
    });
  });

  it('is refused for another community or an unknown unit (the board would only show zeros)', () => {
    expect(boardUnit(screen, 'financial', ['financial', 'street'])).toEqual({ problem: 'forbidden' });
    expect(boardUnit(screen, 'nowhere', null)).toEqual({ problem: 'forbidden' });
  });

  it('is left to the server for accounts that are not screens', () => {
    expect(
      boardUnit([{ role: 'STREET_ADMIN', orgUnit: { id: 'street' } }], 'financial', ['financial', 'street']),
    ).toEqual({ unitId: 'financial' });
  });

  it('reads the chain of ids from the nested parents', () => {
    expect(chainIds({ id: 'grid', parent: { id: 'compound', parent: { id: 'community', parent: null } } })).toEqual([
      'grid',
      'compound',
      'community',
    ]);
    expect(chainIds(null)).toBeNull();
  });
});

describe('reconnecting', () => {
  it('backs off exponentially from one second up to thirty, with jitter', () => {
    expect(retryDelayMs(0, () => 0)).toBe(1_000);
    expect(retryDelayMs(1, () => 0)).toBe(2_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(8_500);
    expect(retryDelayMs(5, () => 0)).toBe(30_000);
    // A screen that has been retrying all night still tries every half minute or so.
    expect(retryDelayMs(10_000, () => 0.999)).toBeLessThan(31_000);
  });
});

describe('the board’s texts', () => {
  const keys = (locale: keyof typeof screenMessages) => Object.keys(screenMessages[locale]).sort();

  it('have the same keys in zh-CN and English, none empty', () => {
    expect(keys('en')).toEqual(keys('zh-CN'));
    for (const messages of Object.values(screenMessages)) {
      expect(Object.entries(messages).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });

  it('fill placeholders and label statuses and actions', () => {
    const t = createTranslate('zh-CN');
    expect(t('activities.signedUp', { count: 3, capacity: 30 })).toBe('已报名 3/30');
    expect(labelOf(t, 'status', 'RESOLVED')).toBe('待评单');
    expect(labelOf(t, 'action', 'DISPATCH')).toBe('支部派单');
    expect(labelOf(t, 'action', 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(pickLocale('?lang=en')).toBe('en');
    expect(pickLocale('?lang=fr')).toBe('zh-CN');
  });

  it('show times on the street’s clock', () => {
    const t = createTranslate('zh-CN');
    const now = at('2026-11-27T06:21:00Z');
    expect(longDate(now, t)).toBe('2026年11月27日 周五');
    expect(eventTime('2026-11-27T02:05:00Z', now, t)).toEqual({ day: null, time: '10:05' });
    expect(eventTime('2026-11-26T11:47:00Z', now, t)).toEqual({ day: '11月26日', time: '19:47' });
    expect(activityTime('2026-11-28T06:30:00.000Z', t)).toBe('11月28日 周六 14:30');
    expect(localName({ name: 'Wenxiangyuan', nameZh: '文香苑' }, 'zh-CN')).toBe('文香苑');
    expect(localName({ name: 'Wenxiangyuan', nameZh: '' }, 'zh-CN')).toBe('Wenxiangyuan');
  });
});

describe('the board’s documents', () => {
  const schema = buildSchema(fs.readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
  const sources: [string, string][] = Object.entries(documents);

  it('are valid against the printed schema', () => {
    expect(sources.map(([name]) => name).sort()).toEqual([
      'BOARD',
      'LOGIN',
      'MY_UNITS',
      'RECENT_EVENTS',
      'UNIT_CHAIN',
      'WISH_EVENTS',
    ]);
    for (const [name, source] of sources) expect(validate(schema, parse(source)), name).toEqual([]);
  });

  it('never ask for a person, a description, a note or an actor', () => {
    const personal = new Set(
      'displayName username phone description note actor resident listedBy assignees supervisor members chair ratingComment signUps checkIns meetings'.split(
        ' ',
      ),
    );
    for (const [name, source] of sources) {
      const fields: string[] = [];
      visit(parse(source), { Field: (node) => void fields.push(node.name.value) });
      expect(
        fields.filter((field) => personal.has(field)),
        name,
      ).toEqual([]);
    }
  });
});
