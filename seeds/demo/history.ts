/**
 * The history writer: walks a wish's script through the lifecycle table (`nextStatus`), checking every actor
 * against the server's scope rules (`relationsTo` + `mayAct`), so a seed that breaks the rules fails loudly;
 * then moves the whole history by whole days so that its last event lands in the wanted window.
 */
import type { Viewer } from '../../server/src/domain/auth/viewer.ts';
import { STREET_UTC_OFFSET_MS } from '../../server/src/domain/kernel/street-time.ts';
import {
  mayAct,
  nextStatus,
  releasesAssignees,
  type WishAction,
  type WishChannel,
  type WishStatus,
} from '../../server/src/domain/wishes/wish.lifecycle.ts';
import { relationsTo, type WishScopeFacts } from '../../server/src/domain/wishes/wish.scope.ts';
import type { CategoryCode } from '../xiguan-street.ts';
import type { Rng } from './rng.ts';
import { DAY, HOUR, MINUTE, minutes } from './time.ts';
import type { MeetingSpec, Step, WishSpec } from './wish-spec.ts';
import {
  ABANDON_REASONS,
  CANCEL_REASONS,
  DECLINE_REASONS,
  ESCALATE_AFTER_WORK_REASONS,
  ESCALATE_TO_COMMUNITY_REASONS,
  ESCALATE_TO_STREET_REASONS,
  EVALUATION_COMMENTS,
  MEETING_DECISIONS,
  REJECT_REASONS,
  REOPEN_COMMENTS,
} from './wish-texts.ts';
import type { CategoryRow, CompoundWorld, PersonDraft, UnitDraft, World } from './world.ts';

/** Wishes go back about ten months. */
export const HISTORY_DAYS = 300;
/** The server's default AUTO_CLOSE_DAYS: RESOLVED wishes older than this get auto-closed. */
export const AUTO_CLOSE_DAYS = 7;

export interface EventDraft {
  action: WishAction;
  fromStatus: WishStatus | null;
  toStatus: WishStatus;
  actor: PersonDraft | null;
  at: number;
  note: string | null;
  data: Record<string, unknown> | null;
}

export interface AssignmentDraft {
  person: PersonDraft;
  kind: 'ASSIGNEE' | 'SUPERVISOR';
  active: boolean;
  assignedAt: number;
  assignedBy: PersonDraft | null;
  releasedAt: number | null;
}

export interface MeetingDraft {
  heldAt: number;
  place: string;
  participants: string;
  decisions: string;
  recordedBy: PersonDraft;
}

export interface WishDraft {
  id: number;
  title: string;
  description: string;
  category: CategoryRow;
  compound: CompoundWorld;
  handling: UnitDraft;
  status: WishStatus;
  channel: WishChannel;
  resident: PersonDraft | null;
  listedBy: PersonDraft;
  rating: number | null;
  ratingComment: string | null;
  reopenCount: number;
  dueAt: number;
  createdAt: number;
  updatedAt: number;
  events: EventDraft[];
  assignments: AssignmentDraft[];
  meetings: MeetingDraft[];
  /** Working state of the walk, not stored. */
  acceptedBy: PersonDraft | null;
  lastDispatcher: PersonDraft | null;
  /** People who declined or abandoned it: not picked again. */
  excluded: Set<PersonDraft>;
}

/** The person as the server's scope rules see them: a grid covers its parent, as in auth.service.ts's loadViewer. */
function viewerOf(person: PersonDraft): Viewer {
  return {
    personId: person.id,
    displayName: person.displayName,
    roles: person.roles.map((r) => ({
      role: r.role,
      orgUnitId: r.unit.id,
      orgPath: r.unit.path,
      scopePath: r.unit.kind === 'GRID' && r.unit.parent ? r.unit.parent.path : r.unit.path,
    })),
  };
}

function scopeFacts(w: WishDraft): WishScopeFacts {
  return {
    status: w.status,
    compoundPath: w.compound.unit.path,
    handlingPath: w.handling.path,
    residentId: w.resident?.id ?? null,
    listedById: w.listedBy.id,
    assigneeIds: w.assignments.map((a) => a.person.id),
    activeAssigneeIds: w.assignments.filter((a) => a.active && a.kind === 'ASSIGNEE').map((a) => a.person.id),
  };
}

function defaultGap(action: WishAction, from: WishStatus, category: CategoryRow): readonly [number, number] {
  switch (action) {
    case 'DISPATCH':
      return from === 'OPEN_FOR_CLAIM' ? [minutes(2), minutes(4)] : [30, minutes(2)];
    case 'OPEN_FOR_CLAIM':
    case 'REJECT':
    case 'MERGE':
      return [30, minutes(2)];
    case 'ESCALATE':
      return from === 'SUBMITTED' ? [120, minutes(3)] : [minutes(1), minutes(4)];
    case 'CLAIM':
      return [10, minutes(1)];
    case 'ACCEPT':
      return [20, minutes(1)];
    case 'DECLINE':
      return [60, minutes(1)];
    case 'ABANDON':
      return [minutes(1), minutes(4)];
    case 'RESOLVE':
      return [180, minutes(Math.min(category.dueInDays, 10))];
    case 'EVALUATE':
    case 'REOPEN':
    case 'CLOSE_UNEVALUATED':
      return [60, minutes(5)];
    case 'CANCEL':
      return [60, minutes(3)];
    case 'SUBMIT':
    case 'AUTO_CLOSE':
      throw new Error(`seed: ${action} has no gap`);
  }
}

export class HistoryWriter {
  /** "compound id|title" already used: one compound does not get the same wish twice. */
  private readonly usedTitles = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly world: World,
    private readonly now: number,
  ) {}

  /** Whether the compound already has a wish of this title. */
  hasTitle(compound: CompoundWorld, title: string): boolean {
    return this.usedTitles.has(`${compound.unit.id}|${title}`);
  }

  /** Walks the spec's steps through the lifecycle table, then moves the whole history into its window. */
  write(spec: WishSpec): WishDraft {
    const { rng } = this;
    const category = this.category(spec.category);
    // Provisional start; `place` shifts the finished history by whole days, which keeps it in daytime.
    const start = Math.floor(this.now / DAY) * DAY - 400 * DAY + rng.int(1, 12 * 60) * MINUTE;
    const w: WishDraft = {
      id: 0,
      title: spec.title,
      description: spec.description,
      category,
      compound: spec.compound,
      handling: spec.compound.unit,
      status: 'SUBMITTED',
      channel: spec.channel,
      resident: spec.resident,
      listedBy: spec.listedBy,
      rating: null,
      ratingComment: null,
      reopenCount: 0,
      dueAt: 0,
      createdAt: 0,
      updatedAt: 0,
      events: [],
      assignments: [],
      meetings: [],
      acceptedBy: null,
      lastDispatcher: null,
      excluded: new Set(),
    };
    if ([...w.title].length > 100) throw new Error(`seed: title too long: ${w.title}`);
    this.usedTitles.add(`${w.compound.unit.id}|${w.title}`);
    let t = this.daytime(start);
    w.createdAt = t;
    w.dueAt = t + category.dueInDays * DAY;
    this.checkActor(spec.listedBy, w, 'SUBMIT');
    this.record(w, 'SUBMIT', spec.listedBy, t, null, { channel: spec.channel });

    let resolvedAt = 0;
    for (const step of spec.steps) {
      for (const m of step.meetings ?? []) {
        t = this.daytime(t + this.gap(m.after ?? [minutes(1), minutes(4)]));
        w.meetings.push(this.meeting(w, t, m));
      }
      if (step.action === 'AUTO_CLOSE') {
        t = resolvedAt + AUTO_CLOSE_DAYS * DAY; // the system sweep, not a person: no daytime
      } else {
        t = this.daytime(t + this.gap(step.after ?? defaultGap(step.action, w.status, category)));
      }
      this.apply(w, step, t, spec.resolveNote);
      if (step.action === 'RESOLVE') resolvedAt = t;
    }
    this.place(w, spec.lastEventDaysAgo);
    return w;
  }

  /** Random minutes in [min, max]. */
  private gap([min, max]: readonly [number, number]): number {
    return this.rng.int(min, max) * MINUTE;
  }

  /** Moves a time at night to the next morning, 08:00–09:30 local time. */
  private daytime(t: number): number {
    const local = t + STREET_UTC_OFFSET_MS;
    const dayStart = Math.floor(local / DAY) * DAY;
    const hour = (local - dayStart) / HOUR;
    if (hour >= 8 && hour < 21) return t;
    return dayStart + (hour < 8 ? 0 : DAY) + 8 * HOUR + this.rng.int(0, 90) * MINUTE - STREET_UTC_OFFSET_MS;
  }

  private apply(w: WishDraft, step: Step, at: number, resolveNote: string): void {
    const { rng } = this;
    const { action } = step;
    const to = nextStatus(w.status, action);
    if (!to) throw new Error(`seed: ${action} is not allowed from ${w.status} (wish "${w.title}")`);
    const actor = action === 'AUTO_CLOSE' ? null : (step.actor ?? this.defaultActor(w, action));
    if (actor) this.checkActor(actor, w, action);

    let note: string | null = step.note ?? null;
    let data: Record<string, unknown> | null = null;
    switch (action) {
      case 'DISPATCH': {
        const assignees = step.assignees ?? this.pickAssignees(w);
        const supervisor = step.supervisor !== undefined ? step.supervisor : this.pickSupervisor(w, assignees);
        for (const person of assignees) w.assignments.push(this.assignment(person, 'ASSIGNEE', at, actor));
        if (supervisor) w.assignments.push(this.assignment(supervisor, 'SUPERVISOR', at, actor));
        w.dueAt = at + w.category.dueInDays * DAY;
        w.lastDispatcher = actor;
        data = {
          assigneeIds: assignees.map((p) => p.id),
          supervisorId: supervisor?.id ?? null,
          dueInDays: w.category.dueInDays,
        };
        break;
      }
      case 'CLAIM':
        w.assignments.push(this.assignment(actor as PersonDraft, 'ASSIGNEE', at, null));
        w.acceptedBy = actor;
        break;
      case 'ACCEPT':
        w.acceptedBy = actor;
        break;
      case 'DECLINE':
      case 'ABANDON':
        w.excluded.add(actor as PersonDraft);
        note ??= rng.pick(action === 'DECLINE' ? DECLINE_REASONS : ABANDON_REASONS);
        break;
      case 'RESOLVE':
        note ??= resolveNote;
        break;
      case 'EVALUATE':
      case 'REOPEN': {
        const rating =
          step.rating ??
          (action === 'EVALUATE' ? rng.weighted([5, 4, 3], (r) => (r === 5 ? 55 : r === 4 ? 30 : 15)) : rng.int(1, 2));
        if (rating >= 3 !== (action === 'EVALUATE')) throw new Error(`seed: rating ${rating} does not fit ${action}`);
        note ??= action === 'EVALUATE' ? rng.pick(EVALUATION_COMMENTS[rating as 3 | 4 | 5]) : rng.pick(REOPEN_COMMENTS);
        w.rating = rating;
        w.ratingComment = note;
        if (action === 'REOPEN') w.reopenCount += 1;
        data = { rating };
        break;
      }
      case 'ESCALATE': {
        const from = w.handling;
        if (!from.parent) throw new Error(`seed: cannot escalate above ${from.name} (wish "${w.title}")`);
        note ??= rng.pick(
          w.status !== 'SUBMITTED'
            ? ESCALATE_AFTER_WORK_REASONS
            : from.kind === 'COMPOUND'
              ? ESCALATE_TO_COMMUNITY_REASONS
              : ESCALATE_TO_STREET_REASONS,
        );
        w.handling = from.parent;
        data = { fromUnitId: from.id, toUnitId: from.parent.id };
        break;
      }
      case 'REJECT':
        note ??= rng.pick(REJECT_REASONS);
        break;
      case 'CANCEL':
        note ??= rng.pick(CANCEL_REASONS);
        break;
      case 'AUTO_CLOSE':
        data = { afterDays: AUTO_CLOSE_DAYS };
        break;
      case 'CLOSE_UNEVALUATED':
        note ??= '热线来电未留居民信息，无人评价，办结后结案。';
        break;
      case 'OPEN_FOR_CLAIM':
      case 'SUBMIT':
        break;
    }
    if (releasesAssignees(action)) {
      for (const a of w.assignments.filter((a) => a.active)) {
        a.active = false;
        a.releasedAt = at;
      }
      w.acceptedBy = null;
    }
    this.record(w, action, actor, at, note, data);
  }

  private record(
    w: WishDraft,
    action: WishAction,
    actor: PersonDraft | null,
    at: number,
    note: string | null,
    data: Record<string, unknown> | null,
  ): void {
    const toStatus = action === 'SUBMIT' ? 'SUBMITTED' : (nextStatus(w.status, action) as WishStatus);
    const last = w.events.at(-1);
    if (last && at <= last.at) throw new Error(`seed: events of "${w.title}" are not in time order`);
    w.events.push({ action, fromStatus: action === 'SUBMIT' ? null : w.status, toStatus, actor, at, note, data });
    w.status = toStatus;
    w.updatedAt = at;
  }

  private checkActor(actor: PersonDraft, w: WishDraft, action: WishAction): void {
    if (!mayAct(action, relationsTo(viewerOf(actor), scopeFacts(w)))) {
      throw new Error(`seed: ${actor.displayName} may not ${action} wish "${w.title}" (${w.status})`);
    }
  }

  private defaultActor(w: WishDraft, action: WishAction): PersonDraft {
    const owner = w.resident ?? w.listedBy;
    switch (action) {
      case 'DISPATCH':
      case 'OPEN_FOR_CLAIM':
      case 'REJECT':
      case 'MERGE':
      case 'CLOSE_UNEVALUATED':
        return this.handler(w.handling, w.compound);
      case 'ESCALATE':
        // Whoever holds it sends it up: the compound's or the community's own secretary.
        return w.handling.kind === 'COMPOUND' ? w.compound.secretary : this.handler(w.handling, w.compound);
      case 'CLAIM':
        return this.rng.pick(this.claimers(w));
      case 'ACCEPT':
      case 'DECLINE': {
        const primary = w.assignments.find((a) => a.active && a.kind === 'ASSIGNEE');
        if (!primary) throw new Error(`seed: nobody to ${action} wish "${w.title}"`);
        return primary.person;
      }
      case 'ABANDON':
      case 'RESOLVE':
        if (!w.acceptedBy) throw new Error(`seed: nobody accepted wish "${w.title}"`);
        return w.acceptedBy;
      case 'EVALUATE':
      case 'REOPEN':
      case 'CANCEL':
      case 'SUBMIT':
        return owner;
      case 'AUTO_CLOSE':
        throw new Error('seed: AUTO_CLOSE has no actor');
    }
  }

  /** A secretary (or street staff) whose unit is the handling unit or above it. */
  private handler(unit: UnitDraft, compound: CompoundWorld): PersonDraft {
    switch (unit.kind) {
      case 'COMPOUND':
        return this.rng.chance(0.75) ? compound.secretary : compound.community.secretary;
      case 'COMMUNITY':
        return compound.community.secretary;
      default:
        return this.rng.chance(0.7) ? this.world.person('admin') : this.rng.pick(this.world.streetAdmins);
    }
  }

  private isOwner(w: WishDraft, p: PersonDraft): boolean {
    return p === w.resident || p === w.listedBy;
  }

  private claimers(w: WishDraft): PersonDraft[] {
    const pool = w.compound.members.filter((p) => !this.isOwner(w, p));
    const fresh = pool.filter((p) => !w.excluded.has(p));
    return fresh.length > 0 ? fresh : pool;
  }

  private pickAssignees(w: WishDraft): PersonDraft[] {
    const { rng } = this;
    const picked = rng.sample(this.claimers(w), rng.chance(0.35) ? 2 : 1);
    const grid = w.compound.gridWorker;
    if (rng.chance(0.25) && !this.isOwner(w, grid) && !w.excluded.has(grid)) picked.push(grid);
    const partner = w.category.partner ? this.world.partnerContacts.get(w.category.partner) : undefined;
    const partnerChance = w.handling.kind === 'COMPOUND' ? 0.15 : 0.6;
    // A partner brought in does the professional part, so it comes first (and accepts).
    if (partner && !w.excluded.has(partner) && rng.chance(partnerChance)) picked.unshift(partner);
    if (picked.length === 0) picked.push(grid);
    return picked;
  }

  private pickSupervisor(w: WishDraft, assignees: readonly PersonDraft[]): PersonDraft | null {
    const grid = w.compound.gridWorker;
    return this.rng.chance(0.2) && !assignees.includes(grid) && !this.isOwner(w, grid) ? grid : null;
  }

  private assignment(
    person: PersonDraft,
    kind: AssignmentDraft['kind'],
    at: number,
    by: PersonDraft | null,
  ): AssignmentDraft {
    return { person, kind, active: true, assignedAt: at, assignedBy: by, releasedAt: null };
  }

  private meeting(w: WishDraft, heldAt: number, spec: MeetingSpec): MeetingDraft {
    const recordedBy = w.lastDispatcher ?? w.compound.secretary;
    const k = w.compound;
    const chairs = [recordedBy, k.secretary].filter((p, i, all) => all.indexOf(p) === i);
    return {
      heldAt,
      place: spec.place ?? `${k.unit.nameZh}现场`,
      participants:
        spec.participants ??
        [
          ...chairs.map((p) => `${p.displayName}（${this.title(p)}）`),
          k.unit.hasPropertyManagement ? '物业项目经理' : '物业管理委员会成员',
          `党员代表${this.rng.int(2, 5)}名`,
          `居民代表${this.rng.int(3, 8)}名`,
        ].join('、'),
      decisions:
        spec.decisions ?? MEETING_DECISIONS[w.category.code] ?? '明确责任分工和完成时限，党员和网格员监督落实。',
      recordedBy,
    };
  }

  private title(p: PersonDraft): string {
    const role = p.roles.find((r) => r.role === 'BRANCH_SECRETARY' || r.role === 'STREET_ADMIN');
    if (!role) return '网格员';
    return role.role === 'STREET_ADMIN' ? `${role.unit.nameZh}党工委` : `${role.unit.nameZh}党支部书记`;
  }

  /** Shifts the history by whole days (so it stays in daytime) so that its last event lands in the window. */
  private place(w: WishDraft, [maxAge, minAge]: readonly [number, number]): void {
    const lo = Math.ceil(
      Math.max(this.now - maxAge * DAY - w.updatedAt, this.now - HISTORY_DAYS * DAY - w.createdAt) / DAY,
    );
    const hi = Math.floor((this.now - minAge * DAY - w.updatedAt) / DAY);
    if (lo > hi) throw new Error(`seed: the history of "${w.title}" does not fit its window`);
    const shift = this.rng.int(lo, hi) * DAY;
    w.createdAt += shift;
    w.updatedAt += shift;
    w.dueAt += shift;
    for (const e of w.events) e.at += shift;
    for (const m of w.meetings) m.heldAt += shift;
    for (const a of w.assignments) {
      a.assignedAt += shift;
      if (a.releasedAt !== null) a.releasedAt += shift;
    }
  }

  private category(code: CategoryCode): CategoryRow {
    const found = this.world.categories.find((c) => c.code === code);
    if (!found) throw new Error(`seed: unknown category ${code}`);
    return found;
  }
}
