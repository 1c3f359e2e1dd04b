/**
 * The points ledger: "basic points + positive points − deductions" (DESIGN.md §5).
 *
 * Automatic entries are written by the transaction of their cause (a wish transition, a check-in, the end
 * of an activity) and are unique per (rule, source, person): `on conflict do nothing` makes a replay a no-op.
 * Amounts and yearly caps come from `point_rule` rows that staff edit. Nothing is updated or deleted: a
 * correction is a reversing entry.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PointEntryKind } from '../../entities/points.entity.ts';
import type { Viewer } from '../auth/viewer.ts';
import { recordChange } from '../kernel/change-log.ts';
import { requireVersion, updateVersioned } from '../kernel/concurrency.ts';
import { badInput, conflict, notFound } from '../kernel/errors.ts';
import { type IdRef, requiredRef } from '../kernel/input.ts';
import { pgArray } from '../kernel/sql.ts';
import { localYear } from '../kernel/street-time.ts';
import type { WishAction } from '../wishes/wish.lifecycle.ts';
import { requireBasicPointsGranter, requireKeptLedger, requireRuleEditor } from './ledger.policy.ts';
import { checkYear } from './points.queries.ts';

/** The rules the server applies by itself; their amounts and caps are data. */
export const RULES = {
  basicYearly: 'BASIC_YEARLY',
  wishResolved: 'WISH_RESOLVED',
  wishResolvedLarge: 'WISH_RESOLVED_LARGE',
  wishFiveStar: 'WISH_FIVE_STAR',
  wishLowRating: 'WISH_LOW_RATING',
  wishAbandoned: 'WISH_ABANDONED',
  activityAttended: 'ACTIVITY_ATTENDED',
  activityNoShow: 'ACTIVITY_NO_SHOW',
} as const;

/** Points years follow the street's calendar (UTC+8), not the server's clock zone. */
export const pointsYear = localYear;

interface RuleRow {
  id: number;
  kind: PointEntryKind;
  amount: number;
  cap_per_year: number | null;
  active: boolean;
}

async function ruleByCode(em: EntityManager, code: string): Promise<RuleRow | null> {
  const [rule] = await em.execute<RuleRow[]>(
    'select id, kind, amount, cap_per_year, active from point_rule where code = ?',
    [code],
  );
  return rule?.active ? rule : null;
}

/** Of these people, the party members (only they keep a points ledger). */
async function partyMembers(em: EntityManager, personIds: readonly number[]): Promise<number[]> {
  if (personIds.length === 0) return [];
  const rows = await em.execute<{ person_id: number }[]>(
    `select distinct person_id from person_role where role = 'PARTY_MEMBER' and person_id = any(?::int[])`,
    [pgArray(personIds)],
  );
  return rows.map((r) => r.person_id).sort((a, b) => a - b);
}

/**
 * Awards `rule` to each person once for `sourceKey`. With a yearly cap the entry is cut to what is left
 * of it (and skipped when nothing is). Returns how many entries were written.
 */
async function award(
  em: EntityManager,
  opts: {
    code: string;
    personIds: readonly number[];
    sourceType: 'WISH' | 'ACTIVITY' | 'YEAR';
    sourceKey: string;
    reason: string;
    at: Date;
    amount?: number;
    recordedBy?: number | null;
  },
): Promise<number> {
  const rule = await ruleByCode(em, opts.code);
  if (!rule) return 0;
  const year = pointsYear(opts.at);
  let written = 0;
  for (const personId of opts.personIds) {
    let amount = opts.amount ?? rule.amount;
    if (rule.cap_per_year !== null) {
      // Net of corrections: a reversed entry no longer counts against the cap.
      const [used] = await em.execute<{ n: string | null }[]>(
        `select sum(e.amount) - coalesce(sum(r.amount), 0) as n
           from point_entry e left join point_entry r on r.reverses_id = e.id
          where e.person_id = ? and e.rule_id = ? and e.year = ?`,
        [personId, rule.id, year],
      );
      amount = Math.min(amount, rule.cap_per_year - Number(used?.n ?? 0));
    }
    if (amount <= 0) continue;
    const inserted = await em.execute<{ id: number }[]>(
      `insert into point_entry (person_id, year, kind, amount, rule_id, reason, source_type, source_key, recorded_by_id, at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (rule_id, source_key, person_id) do nothing returning id`,
      [
        personId,
        year,
        rule.kind,
        amount,
        rule.id,
        opts.reason,
        opts.sourceType,
        opts.sourceKey,
        opts.recordedBy ?? null,
        opts.at,
      ],
    );
    written += inserted.length;
  }
  return written;
}

export interface WishTransitionFacts {
  wishId: number;
  action: WishAction;
  at: Date;
  /** Active assignees just before the transition (those who did the work being resolved or rated). */
  assigneeIds: readonly number[];
  actorId: number | null;
  rating?: number | null;
}

/** Called by the wish service inside the transaction that writes the event. */
export async function awardForWishTransition(em: EntityManager, t: WishTransitionFacts): Promise<void> {
  const sourceKey = `wish:${t.wishId}`;
  const base = { sourceType: 'WISH' as const, sourceKey, at: t.at };
  if (t.action === 'RESOLVE') {
    const members = await partyMembers(em, t.assigneeIds);
    await award(em, { ...base, code: RULES.wishResolved, personIds: members, reason: 'Resolved a wish' });
    const [size] = await em.execute<{ level: string }[]>(
      'select c.default_level as level from wish w join wish_category c on c.id = w.category_id where w.id = ?',
      [t.wishId],
    );
    if (size && size.level !== 'COMPOUND') {
      await award(em, { ...base, code: RULES.wishResolvedLarge, personIds: members, reason: 'Resolved a larger wish' });
    }
  } else if (t.action === 'EVALUATE' && t.rating === 5) {
    const members = await partyMembers(em, t.assigneeIds);
    await award(em, { ...base, code: RULES.wishFiveStar, personIds: members, reason: 'Five-star evaluation' });
  } else if (t.action === 'REOPEN') {
    const members = await partyMembers(em, t.assigneeIds);
    await award(em, {
      ...base,
      code: RULES.wishLowRating,
      personIds: members,
      reason: `${t.rating ?? 1}-star evaluation`,
    });
  } else if (t.action === 'ABANDON' && t.actorId !== null) {
    const members = await partyMembers(em, [t.actorId]);
    await award(em, { ...base, code: RULES.wishAbandoned, personIds: members, reason: 'Abandoned an accepted order' });
  }
}

/** Attendance points for a party member, inside the check-in's transaction. */
export async function awardAttendance(
  em: EntityManager,
  c: { activityId: number; personId: number; at: Date; actorId?: number | null },
): Promise<void> {
  const [activity] = await em.execute<{ points: number; title: string }[]>(
    'select points_per_participant as points, title from activity where id = ?',
    [c.activityId],
  );
  if (!activity) return;
  await award(em, {
    code: RULES.activityAttended,
    personIds: await partyMembers(em, [c.personId]),
    sourceType: 'ACTIVITY',
    sourceKey: `activity:${c.activityId}`,
    reason: `Attended: ${activity.title}`.slice(0, 500),
    at: c.at,
    ...(activity.points > 0 ? { amount: activity.points } : {}),
    recordedBy: c.actorId ?? null,
  });
}

/** When an activity is over: party members who signed up and never checked in lose points, once. */
export async function deductNoShows(em: EntityManager, c: { activityId: number; at: Date }): Promise<number> {
  const rows = await em.execute<{ person_id: number; title: string }[]>(
    `select s.person_id, a.title from activity_sign_up s join activity a on a.id = s.activity_id
      where s.activity_id = ? and s.status = 'SIGNED_UP'
        and not exists (select 1 from activity_check_in ci where ci.activity_id = s.activity_id and ci.person_id = s.person_id)`,
    [c.activityId],
  );
  if (rows.length === 0) return 0;
  return award(em, {
    code: RULES.activityNoShow,
    personIds: await partyMembers(
      em,
      rows.map((r) => r.person_id),
    ),
    sourceType: 'ACTIVITY',
    sourceKey: `activity:${c.activityId}`,
    reason: `No-show: ${rows[0]?.title ?? ''}`.slice(0, 500),
    at: c.at,
  });
}

/** The yearly basic allotment for every party member who has none for `year` yet. */
export async function grantYearlyBasic(em: EntityManager, year: number, at: Date): Promise<number> {
  const members = await em.execute<{ person_id: number }[]>(
    `select distinct r.person_id from person_role r join person p on p.id = r.person_id
      where r.role = 'PARTY_MEMBER' and p.active order by r.person_id`,
  );
  return award(em, {
    code: RULES.basicYearly,
    personIds: members.map((m) => m.person_id),
    sourceType: 'YEAR',
    sourceKey: `year:${year}`,
    reason: `Basic points ${year}`,
    at,
  });
}

// ---- Staff: manual entries, corrections, rules, the yearly grant ----

const MAX_REASON = 500;

function reasonOf(value: string): string {
  const reason = (value ?? '').trim();
  if (reason.length === 0) throw badInput('reason', 'must not be empty');
  if (reason.length > MAX_REASON) throw badInput('reason', `must be at most ${MAX_REASON} characters`);
  return reason;
}

export interface RuleUpdate {
  ruleId: IdRef;
  amount?: number | null;
  capPerYear?: number | null;
  clearCap?: boolean | null;
  active?: boolean | null;
  nameZh?: string | null;
  nameEn?: string | null;
  expectedVersion?: number | null;
}

export class PointsService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async recordManual(input: {
    personId: IdRef;
    kind: PointEntryKind;
    amount: number;
    reason: string;
  }): Promise<number> {
    if (input.kind === 'BASIC') {
      throw badInput('kind', 'manual entries are POSITIVE or DEDUCTION; basic points are yearly');
    }
    if (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > 1000) {
      throw badInput('amount', 'must be a whole number from 1 to 1000');
    }
    const reason = reasonOf(input.reason);
    const personId = await requireKeptLedger(this.em, this.viewer, requiredRef(input.personId, 'Person'));
    const at = this.now();
    return this.em.transactional(async (em) => {
      const [row] = await em.execute<{ id: number }[]>(
        `insert into point_entry (person_id, year, kind, amount, rule_id, reason, source_type, source_key, recorded_by_id, at)
         values (?, ?, ?, ?, null, ?, 'MANUAL', null, ?, ?) returning id`,
        [personId, pointsYear(at), input.kind, input.amount, reason, this.viewer.personId, at],
      );
      return (row as { id: number }).id;
    });
  }

  /** Reverses an entry: the original stays, a reversing entry of the opposite sign is added. */
  async correct(input: { entryId: IdRef; reason: string }): Promise<number> {
    const reason = reasonOf(input.reason);
    const entryId = requiredRef(input.entryId, 'Point entry');
    const [entry] = await this.em.execute<
      { person_id: number; kind: PointEntryKind; amount: number; source_type: string; year: number }[]
    >('select person_id, kind, amount, source_type, year from point_entry where id = ?', [entryId]);
    if (!entry) throw notFound('Point entry');
    await requireKeptLedger(this.em, this.viewer, entry.person_id);
    if (entry.source_type === 'CORRECTION') {
      throw badInput('entryId', 'a correction cannot be corrected: record a manual entry');
    }
    const at = this.now();
    const reverseKind: PointEntryKind = entry.kind === 'DEDUCTION' ? 'POSITIVE' : 'DEDUCTION';
    return this.em.transactional(async (em) => {
      const rows = await em.execute<{ id: number }[]>(
        `insert into point_entry (person_id, year, kind, amount, rule_id, reason, source_type, source_key, reverses_id, recorded_by_id, at)
         values (?, ?, ?, ?, null, ?, 'CORRECTION', null, ?, ?, ?)
         on conflict (reverses_id) do nothing returning id`,
        [entry.person_id, entry.year, reverseKind, entry.amount, reason, entryId, this.viewer.personId, at],
      );
      if (rows.length === 0) throw conflict('This entry has already been corrected');
      return (rows[0] as { id: number }).id;
    });
  }

  async updateRule(input: RuleUpdate): Promise<number> {
    if (input.amount != null && (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > 1000)) {
      throw badInput('amount', 'must be a whole number from 1 to 1000');
    }
    if (input.capPerYear != null && (!Number.isInteger(input.capPerYear) || input.capPerYear < 1)) {
      throw badInput('capPerYear', 'must be a positive whole number');
    }
    for (const field of ['nameZh', 'nameEn'] as const) {
      const v = input[field];
      if (v != null && (v.trim().length === 0 || v.length > 100)) throw badInput(field, 'must be 1–100 characters');
    }
    const ruleId = requiredRef(input.ruleId, 'Point rule');
    const [rule] = await this.em.execute<{ version: number }[]>('select version from point_rule where id = ?', [
      ruleId,
    ]);
    if (!rule) throw notFound('Point rule');
    requireRuleEditor(this.viewer);
    const set: Record<string, unknown> = {};
    if (input.amount != null) set.amount = input.amount;
    if (input.capPerYear != null) set.cap_per_year = input.capPerYear;
    if (input.clearCap) set.cap_per_year = null;
    if (input.active != null) set.active = input.active;
    if (input.nameZh != null) set.name_zh = input.nameZh.trim();
    if (input.nameEn != null) set.name_en = input.nameEn.trim();
    requireVersion('The rule', rule, input.expectedVersion);
    const at = this.now();
    return this.em.transactional(async (em) => {
      if (!(await updateVersioned(em, { table: 'point_rule', id: ruleId, set, version: rule.version, at }))) {
        throw conflict('The rule changed meanwhile: reload it and try again');
      }
      await recordChange(
        em,
        { entityType: 'PointRule', entityId: ruleId, action: 'UPDATE', actorId: this.viewer.personId, data: set },
        at,
      );
      return ruleId;
    });
  }

  /** The yearly basic points for every party member who has none for `year` yet; returns how many were credited. */
  async grantBasic(year: number): Promise<number> {
    checkYear(year);
    requireBasicPointsGranter(this.viewer);
    return this.em.transactional((em) => grantYearlyBasic(em, year, this.now()));
  }
}
