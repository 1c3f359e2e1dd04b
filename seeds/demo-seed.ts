/**
 * The deterministic demo seed: Xiguan Street's organisation, its people and demo accounts, the wish
 * categories and ~10 months of wish history, written in one transaction into an empty, migrated database.
 *
 * Everything is first generated in memory by a pure function of (seed, now), then bulk-inserted with
 * explicit ids. Wish histories are produced by walking the lifecycle table (`nextStatus`) and checking every
 * actor against the scope rules (`relationsTo` + `mayAct`), so a seed that breaks the rules fails loudly.
 */
import type { EntityName, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../server/src/domain/auth/password.ts';
import type { Viewer } from '../server/src/domain/auth/viewer.ts';
import {
  mayAct,
  nextStatus,
  releasesAssignees,
  WISH_STATUSES,
  type WishAction,
  type WishChannel,
  type WishStatus,
} from '../server/src/domain/wishes/wish.lifecycle.ts';
import { relationsTo, type WishScopeFacts } from '../server/src/domain/wishes/wish.scope.ts';
import {
  Assignment,
  Meeting,
  ORG_UNIT_KINDS,
  OrgUnit,
  type OrgUnitKind,
  Person,
  PersonRole,
  type Role,
  Wish,
  WishCategory,
  WishEvent,
} from '../server/src/entities/index.ts';
import { seedActivities } from './activities-seed.ts';
import { seedCommittees } from './committees-seed.ts';
import { seedPointsLedger } from './points-seed.ts';
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
  WISH_TEMPLATES,
  type WishTemplate,
} from './wish-texts.ts';
import {
  CATEGORIES,
  type CategoryCode,
  type CategoryFacts,
  COMMUNITIES,
  DEMO_ACCOUNTS,
  GIVEN_NAME_CHARS,
  PARTNERS,
  type PartnerKey,
  PHONE_PREFIXES,
  STREET,
  STREET_STAFF,
  SURNAMES,
} from './xiguan-street.ts';

export interface SeedOptions {
  /** The password of every demo account (WISHGRID_DEMO_PASSWORD). */
  demoPassword: string;
  /** All timestamps are relative to it. Default: today, 00:00 UTC. */
  now?: Date;
  /** PRNG seed: the same seed and `now` give the same data. */
  seed?: number;
}

export interface SeedSummary {
  units: Record<OrgUnitKind, number>;
  people: number;
  /** People with a login (the demo accounts). */
  accounts: number;
  personRoles: number;
  categories: number;
  wishes: Record<WishStatus, number>;
  events: number;
  assignments: number;
  meetings: number;
}

export const DEFAULT_SEED = 20240123;

// ---------------------------------------------------------------------------------------------------------
// Knobs of the generated history

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Wishes go back about ten months. */
const HISTORY_DAYS = 300;
/** The server's default AUTO_CLOSE_DAYS: RESOLVED wishes older than this get auto-closed. */
const AUTO_CLOSE_DAYS = 7;
/** Jiexiu is on China Standard Time (UTC+8, no DST): people act between 08:00 and 21:00 local time. */
const LOCAL_OFFSET = 8 * HOUR;

/** How many wishes end in each state (320 in all); the scripted ones count towards these. */
const STATUS_TARGETS: Readonly<Record<WishStatus, number>> = {
  SUBMITTED: 26,
  OPEN_FOR_CLAIM: 12,
  DISPATCHED: 16,
  ACCEPTED: 20,
  RESOLVED: 20,
  CLOSED: 196,
  REJECTED: 14,
  CANCELLED: 16,
};

/** Window of the last event, in days before `now` ([at most, at least]), by final state. */
const LAST_EVENT_WINDOWS: Readonly<Record<WishStatus, readonly [number, number]>> = {
  SUBMITTED: [6, 0.02],
  OPEN_FOR_CLAIM: [8, 0.02],
  DISPATCHED: [6, 0.02],
  ACCEPTED: [15, 0.02],
  // Must stay younger than AUTO_CLOSE_DAYS, or the server's sweep would close them at once.
  RESOLVED: [5, 0.02],
  CLOSED: [HISTORY_DAYS, 0.5],
  REJECTED: [HISTORY_DAYS, 0.5],
  CANCELLED: [HISTORY_DAYS, 0.5],
};

const CATEGORY_WEIGHTS: Readonly<Record<CategoryCode, number>> = {
  parking: 14,
  greenery: 12,
  repairs: 20,
  street_lamps: 10,
  sanitation: 16,
  safety: 7,
  property_disputes: 8,
  elderly_care: 8,
  other: 5,
};

const CHANNEL_WEIGHTS: readonly (readonly [WishChannel, number])[] = [
  ['APP', 60],
  ['GRID_VISIT', 22],
  ['HOTLINE', 8],
  ['WALK_IN', 10],
];

/** Chance that a generated wish is escalated one level, by its category's default handling level. */
const ESCALATION_CHANCE: Readonly<Record<CategoryFacts['defaultLevel'], number>> = {
  COMPOUND: 0.06,
  COMMUNITY: 0.35,
  STREET: 0.55,
};

const MAX_GENERATED_MEETINGS = 5;
const INSERT_CHUNK = 500;

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for demo data and fully reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('seed: pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return this.pick(items);
  }

  /** Up to n distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The organisation and its people

interface UnitDraft {
  id: number;
  kind: OrgUnitKind;
  name: string;
  nameZh: string;
  parent: UnitDraft | null;
  path: string;
  population: number | null;
  households: number | null;
  hasPropertyManagement: boolean | null;
  partyOrganization: string | null;
  description: string | null;
}

interface RoleDraft {
  id: number;
  role: Role;
  unit: UnitDraft;
}

interface PersonDraft {
  id: number;
  username: string | null;
  displayName: string;
  phone: string | null;
  roles: RoleDraft[];
}

interface CommunityWorld {
  unit: UnitDraft;
  secretary: PersonDraft;
  /** The worker of the community's general grid. */
  gridWorker: PersonDraft;
}

interface CompoundWorld {
  unit: UnitDraft;
  community: CommunityWorld;
  secretary: PersonDraft;
  /** Party members and volunteers attached to the compound: who takes and claims its orders. */
  members: PersonDraft[];
  residents: PersonDraft[];
  /** Its own grid's worker, or the community's general grid worker. */
  gridWorker: PersonDraft;
}

interface CategoryRow extends CategoryFacts {
  id: number;
}

interface World {
  units: UnitDraft[];
  people: PersonDraft[];
  roles: RoleDraft[];
  categories: CategoryRow[];
  compounds: CompoundWorld[];
  streetAdmins: PersonDraft[];
  partnerContacts: Map<PartnerKey, PersonDraft>;
  person(username: string): PersonDraft;
  compound(name: string): CompoundWorld;
}

function buildUnits(): { units: UnitDraft[]; byName: Map<string, UnitDraft> } {
  const units: UnitDraft[] = [];
  const byName = new Map<string, UnitDraft>();
  const add = (
    kind: OrgUnitKind,
    parent: UnitDraft | null,
    fields: Pick<UnitDraft, 'name' | 'nameZh'> & Partial<UnitDraft>,
  ): UnitDraft => {
    const id = units.length + 1;
    const unit: UnitDraft = {
      population: null,
      households: null,
      hasPropertyManagement: null,
      partyOrganization: null,
      description: null,
      ...fields,
      id,
      kind,
      parent,
      path: `${parent?.path ?? '/'}${id}/`,
    };
    if (byName.has(unit.name)) throw new Error(`seed: duplicate unit name ${unit.name}`);
    units.push(unit);
    byName.set(unit.name, unit);
    return unit;
  };

  const street = add('STREET', null, { ...STREET });
  for (const c of COMMUNITIES) {
    add('COMMUNITY', street, {
      name: c.name,
      nameZh: c.nameZh,
      partyOrganization: c.partyOrganization,
      population: c.population,
      households: c.households,
    });
  }
  for (const p of PARTNERS) {
    add('PARTNER', street, {
      name: p.name,
      nameZh: p.nameZh,
      partyOrganization: p.partyOrganization,
      description: p.description,
    });
  }
  for (const c of COMMUNITIES) {
    const community = byName.get(c.name) as UnitDraft;
    for (const k of c.compounds) {
      add('COMPOUND', community, {
        name: k.name,
        nameZh: k.nameZh,
        hasPropertyManagement: k.hasPropertyManagement,
        population: k.population,
        households: k.households,
        partyOrganization: `${k.name} Party Branch`,
      });
    }
  }
  for (const c of COMMUNITIES) {
    add('GRID', byName.get(c.name) as UnitDraft, { ...c.generalGrid });
    for (const k of c.compounds.filter((k) => k.ownGrid)) {
      add('GRID', byName.get(k.name) as UnitDraft, { name: `${k.name} Grid`, nameZh: `${k.nameZh}网格` });
    }
  }
  return { units, byName };
}

class PeopleBuilder {
  readonly people: PersonDraft[] = [];
  readonly roles: RoleDraft[] = [];
  private readonly names = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(private readonly rng: Rng) {
    for (const a of DEMO_ACCOUNTS) this.names.add(a.displayName);
    for (const s of STREET_STAFF) this.names.add(s.displayName);
    for (const p of PARTNERS) this.names.add(p.contactName);
  }

  add(fields: { username?: string; displayName?: string; phone?: string | null }): PersonDraft {
    const person: PersonDraft = {
      id: this.people.length + 1,
      username: fields.username ?? null,
      displayName: fields.displayName ?? this.newName(),
      phone: fields.phone === undefined ? this.newPhone() : fields.phone,
      roles: [],
    };
    if (person.phone) this.phones.add(person.phone);
    this.people.push(person);
    return person;
  }

  grant(person: PersonDraft, role: Role, unit: UnitDraft): PersonDraft {
    const row: RoleDraft = { id: this.roles.length + 1, role, unit };
    person.roles.push(row);
    this.roles.push(row);
    return person;
  }

  private newName(): string {
    for (;;) {
      const given = this.rng.chance(0.8)
        ? this.rng.pick(GIVEN_NAME_CHARS) + this.rng.pick(GIVEN_NAME_CHARS)
        : this.rng.pick(GIVEN_NAME_CHARS);
      const name = this.rng.pick(SURNAMES) + given;
      if (!this.names.has(name)) {
        this.names.add(name);
        return name;
      }
    }
  }

  private newPhone(): string {
    for (;;) {
      const phone = this.rng.pick(PHONE_PREFIXES) + String(this.rng.int(0, 99_999_999)).padStart(8, '0');
      if (!this.phones.has(phone)) return phone;
    }
  }
}

function buildWorld(rng: Rng): World {
  const { units, byName } = buildUnits();
  const unit = (name: string): UnitDraft => {
    const found = byName.get(name);
    if (!found) throw new Error(`seed: unknown unit ${name}`);
    return found;
  };
  const b = new PeopleBuilder(rng);

  // Demo accounts first, so they get the smallest ids.
  const byUsername = new Map<string, PersonDraft>();
  for (const a of DEMO_ACCOUNTS) {
    const person = b.grant(
      b.add({ username: a.username, displayName: a.displayName, phone: a.phone }),
      a.role,
      unit(a.unit),
    );
    byUsername.set(a.username, person);
  }
  const person = (username: string): PersonDraft => {
    const found = byUsername.get(username);
    if (!found) throw new Error(`seed: unknown demo account ${username}`);
    return found;
  };
  const holders = (role: Role, u: UnitDraft) =>
    b.people.filter((p) => p.roles.some((r) => r.role === role && r.unit === u));

  const street = unit(STREET.name);
  const streetAdmins = [person('admin')];
  for (const s of STREET_STAFF) streetAdmins.push(b.grant(b.add({ displayName: s.displayName }), s.role, street));

  const partnerContacts = new Map<PartnerKey, PersonDraft>();
  for (const p of PARTNERS) {
    partnerContacts.set(p.key, b.grant(b.add({ displayName: p.contactName }), 'VOLUNTEER', unit(p.name)));
  }

  const compounds: CompoundWorld[] = [];
  for (const c of COMMUNITIES) {
    const cu = unit(c.name);
    const generalGrid = unit(c.generalGrid.name);
    const community: CommunityWorld = {
      unit: cu,
      secretary: holders('BRANCH_SECRETARY', cu)[0] ?? b.grant(b.add({}), 'BRANCH_SECRETARY', cu),
      gridWorker: holders('GRID_WORKER', generalGrid)[0] ?? b.grant(b.add({}), 'GRID_WORKER', generalGrid),
    };

    for (const k of c.compounds) {
      const ku = unit(k.name);
      const secretary = holders('BRANCH_SECRETARY', ku)[0] ?? b.grant(b.add({}), 'BRANCH_SECRETARY', ku);
      // Many branch secretaries are resident party members of their own compound (the article). Demo accounts
      // keep exactly the one role of contract/DEMO-ACCOUNTS.md.
      if (secretary.username === null && rng.chance(0.3)) b.grant(secretary, 'RESIDENT', ku);
      const gridWorker = k.ownGrid ? b.grant(b.add({}), 'GRID_WORKER', unit(`${k.name} Grid`)) : community.gridWorker;

      const members = [...holders('PARTY_MEMBER', ku), ...holders('VOLUNTEER', ku)];
      const wantedMembers = rng.int(3, 6);
      while (members.length < wantedMembers) {
        const member = b.grant(b.add({}), rng.chance(0.15) ? 'VOLUNTEER' : 'PARTY_MEMBER', ku);
        // A few members also live there: one person, several roles.
        if (rng.chance(0.12)) b.grant(member, 'RESIDENT', ku);
        members.push(member);
      }
      const existingResidents = holders('RESIDENT', ku).length;
      const wantedResidents = existingResidents + rng.int(existingResidents > 1 ? 2 : 3, 6);
      for (let i = existingResidents; i < wantedResidents; i++) {
        // Some elderly residents have no mobile phone: grid workers list their wishes for them.
        b.grant(b.add(rng.chance(0.12) ? { phone: null } : {}), 'RESIDENT', ku);
      }
      compounds.push({ unit: ku, community, secretary, members, residents: holders('RESIDENT', ku), gridWorker });
    }
  }

  const categories = CATEGORIES.map((c, i) => ({ ...c, id: i + 1 }));
  return {
    units,
    people: b.people,
    roles: b.roles,
    categories,
    compounds,
    streetAdmins,
    partnerContacts,
    person,
    compound: (name) => {
      const found = compounds.find((c) => c.unit.name === name);
      if (!found) throw new Error(`seed: unknown compound ${name}`);
      return found;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Wish histories

interface EventDraft {
  action: WishAction;
  fromStatus: WishStatus | null;
  toStatus: WishStatus;
  actor: PersonDraft | null;
  at: number;
  note: string | null;
  data: Record<string, unknown> | null;
}

interface AssignmentDraft {
  person: PersonDraft;
  kind: 'ASSIGNEE' | 'SUPERVISOR';
  active: boolean;
  assignedAt: number;
  assignedBy: PersonDraft | null;
  releasedAt: number | null;
}

interface MeetingDraft {
  heldAt: number;
  place: string;
  participants: string;
  decisions: string;
  recordedBy: PersonDraft;
}

interface WishDraft {
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

interface MeetingSpec {
  place?: string;
  participants?: string;
  decisions?: string;
  /** Minutes after the previous event or meeting. */
  after?: readonly [number, number];
}

/** One transition to apply; whatever is left out is chosen by the walker. */
interface Step {
  action: WishAction;
  actor?: PersonDraft;
  assignees?: readonly PersonDraft[];
  supervisor?: PersonDraft | null;
  rating?: number;
  note?: string;
  /** Minutes after the previous event (then moved into daytime). */
  after?: readonly [number, number];
  /** Coordination meetings held before this step. */
  meetings?: readonly MeetingSpec[];
}

interface WishSpec {
  title: string;
  description: string;
  category: CategoryCode;
  compound: CompoundWorld;
  channel: WishChannel;
  resident: PersonDraft | null;
  listedBy: PersonDraft;
  resolveNote: string;
  steps: readonly Step[];
  /** The last event falls this many days before `now`: [at most, at least]; at least one day wide. */
  lastEventDaysAgo: readonly [number, number];
}

/** The person as the server's scope rules see them (a grid's scope is its parent, as in scope.ts). */
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

const minutes = (days: number) => Math.round(days * 24 * 60);

function defaultGap(action: WishAction, from: WishStatus, category: CategoryRow): readonly [number, number] {
  switch (action) {
    case 'DISPATCH':
      return from === 'OPEN_FOR_CLAIM' ? [minutes(2), minutes(4)] : [30, minutes(2)];
    case 'OPEN_FOR_CLAIM':
    case 'REJECT':
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
      return [60, minutes(5)];
    case 'CANCEL':
      return [60, minutes(3)];
    case 'SUBMIT':
    case 'AUTO_CLOSE':
      throw new Error(`seed: ${action} has no gap`);
  }
}

class HistoryWriter {
  private generatedMeetings = 0;
  /** "compound id|title" already used: one compound does not get the same wish twice. */
  private readonly usedTitles = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly world: World,
    private readonly now: number,
  ) {}

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
    const local = t + LOCAL_OFFSET;
    const dayStart = Math.floor(local / DAY) * DAY;
    const hour = (local - dayStart) / HOUR;
    if (hour >= 8 && hour < 21) return t;
    return dayStart + (hour < 8 ? 0 : DAY) + 8 * HOUR + this.rng.int(0, 90) * MINUTE - LOCAL_OFFSET;
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

  /** A random wish that ends in `target`, with detours (escalation, decline, abandon, reopen) now and then. */
  randomSpec(target: WishStatus): WishSpec {
    const { rng, world } = this;
    let compound: CompoundWorld;
    let category: CategoryRow;
    let template: WishTemplate;
    let fill: (text: string) => string;
    do {
      compound = rng.weighted(world.compounds, (c) => c.unit.population ?? 1);
      category = rng.weighted(world.categories, (c) => CATEGORY_WEIGHTS[c.code]);
      template = rng.pick(WISH_TEMPLATES[category.code]);
      const [name, building, entrance] = [compound.unit.nameZh, `${rng.int(1, 16)}号楼`, `${rng.int(1, 4)}单元`];
      fill = (text) =>
        text.replaceAll('{compound}', name).replaceAll('{building}', building).replaceAll('{unit}', entrance);
    } while (this.usedTitles.has(`${compound.unit.id}|${fill(template.title)}`));

    let channel = rng.weighted(CHANNEL_WEIGHTS, ([, weight]) => weight)[0];
    const resident = channel === 'HOTLINE' ? null : rng.pick(compound.residents);
    if (channel === 'APP' && resident?.phone === null) channel = 'GRID_VISIT';
    // Grid workers record visits and hotline calls; the general grid's worker staffs the service hall.
    const listedBy =
      channel === 'APP'
        ? (resident as PersonDraft)
        : channel === 'WALK_IN'
          ? compound.community.gridWorker
          : compound.gridWorker;

    const steps = this.randomSteps(target, category);
    const resolve = steps.at(-1)?.action === 'EVALUATE' ? steps.at(-2) : undefined;
    if (
      resolve?.action === 'RESOLVE' &&
      this.generatedMeetings < MAX_GENERATED_MEETINGS &&
      steps.some((s) => s.action === 'ESCALATE') &&
      MEETING_DECISIONS[category.code] &&
      rng.chance(0.5)
    ) {
      this.generatedMeetings += 1;
      resolve.meetings = [{}];
    }
    return {
      title: fill(template.title),
      description: fill(template.description),
      category: category.code,
      compound,
      channel,
      resident,
      listedBy,
      resolveNote: fill(template.resolveNote),
      steps,
      lastEventDaysAgo: LAST_EVENT_WINDOWS[target],
    };
  }

  private randomSteps(target: WishStatus, category: CategoryRow): Step[] {
    const { rng } = this;
    const s = (...actions: WishAction[]): Step[] => actions.map((action) => ({ action }));
    const steps: Step[] = [];
    // Detours: each leaves the wish SUBMITTED again.
    let escalations = rng.chance(ESCALATION_CHANCE[category.defaultLevel]) ? 1 : 0;
    if (escalations === 1 && category.defaultLevel === 'STREET' && rng.chance(0.5)) escalations = 2;
    for (let i = 0; i < escalations; i++) {
      steps.push(
        ...rng.weighted([s('ESCALATE'), s('DISPATCH', 'ESCALATE'), s('DISPATCH', 'ACCEPT', 'ESCALATE')], (d) =>
          d.length === 1 ? 6 : d.length === 2 ? 2 : 1,
        ),
      );
    }
    if (rng.chance(0.06)) steps.push(...s('DISPATCH', 'DECLINE'));
    if (rng.chance(0.05)) {
      steps.push(...(rng.chance(0.5) ? s('OPEN_FOR_CLAIM', 'CLAIM', 'ABANDON') : s('DISPATCH', 'ACCEPT', 'ABANDON')));
    }
    if (rng.chance(0.07)) steps.push(...s('DISPATCH', 'ACCEPT', 'RESOLVE', 'REOPEN'));

    const work = () => (rng.chance(0.3) ? s('OPEN_FOR_CLAIM', 'CLAIM') : s('DISPATCH', 'ACCEPT'));
    switch (target) {
      case 'SUBMITTED':
        break;
      case 'OPEN_FOR_CLAIM':
        steps.push(...s('OPEN_FOR_CLAIM'));
        break;
      case 'DISPATCHED':
        steps.push(...(rng.chance(0.15) ? s('OPEN_FOR_CLAIM', 'DISPATCH') : s('DISPATCH')));
        break;
      case 'ACCEPTED':
        steps.push(...work());
        break;
      case 'RESOLVED':
        steps.push(...work(), ...s('RESOLVE'));
        break;
      case 'CLOSED':
        steps.push(...work(), ...s('RESOLVE', rng.chance(0.12) ? 'AUTO_CLOSE' : 'EVALUATE'));
        break;
      case 'REJECTED':
        steps.push(...s('REJECT'));
        break;
      case 'CANCELLED':
        steps.push(...rng.pick([s('CANCEL'), s('OPEN_FOR_CLAIM', 'CANCEL'), s('DISPATCH', 'CANCEL')]));
        break;
    }
    return steps;
  }
}

/** The article's two stories, and enough history around the demo accounts to try every screen. */
function scriptedSpecs(world: World, rng: Rng): WishSpec[] {
  const u = world.person;
  const [admin, hs, ws, fs, grid] = [
    'admin',
    'hongshun.secretary',
    'wenxiangyuan.secretary',
    'financial.secretary',
    'grid.hongshun',
  ].map(u) as [PersonDraft, PersonDraft, PersonDraft, PersonDraft, PersonDraft];
  const [m1, m2, m3, m4, m5] = [1, 2, 3, 4, 5].map((i) => u(`member.wenxiangyuan.${i}`)) as [
    PersonDraft,
    PersonDraft,
    PersonDraft,
    PersonDraft,
    PersonDraft,
  ];
  const [r1, r2, r3] = [1, 2, 3].map((i) => u(`resident.wenxiangyuan.${i}`)) as [PersonDraft, PersonDraft, PersonDraft];
  const v1 = u('volunteer.wenxiangyuan.1');
  const mf = u('member.financial.1');
  const rf = u('resident.financial.1');
  const landscaping = world.partnerContacts.get('landscaping') as PersonDraft;
  const power = world.partnerContacts.get('power') as PersonDraft;

  const wenxiangyuan = world.compound('Wenxiangyuan');
  const printing = world.compound('Shanxi Printing and Dyeing Factory Compound');
  const peoplesBank = world.compound("People's Bank Dormitory");
  const otherResident = (k: CompoundWorld) => rng.pick(k.residents.filter((p) => p.username === null));
  const app = (k: CompoundWorld, resident: PersonDraft) => ({
    compound: k,
    channel: 'APP' as const,
    resident,
    listedBy: resident,
  });

  return [
    {
      // The article: a grid worker hears it on a visit; the community secretary coordinates on site.
      title: '文香苑停车难，希望规划停车位',
      description:
        '小区车位长期紧张，回家总要绕好几圈才能找到地方停车，又怕乱停耽误邻居出行。车位规划的事物业和居民一直没谈拢，' +
        '大家希望社区出面协调解决。（网格员入户走访时记录）',
      category: 'parking',
      compound: wenxiangyuan,
      channel: 'GRID_VISIT',
      resident: r1,
      listedBy: grid,
      resolveNote: '经多次协调，文香苑新增机动车停车位12个、电动车充电桩10个，停车难问题有效缓解。',
      steps: [
        {
          action: 'ESCALATE',
          actor: ws,
          note: '车位规划物业与居民未达成一致，居民希望社区出面协调。',
          after: [180, minutes(1)],
        },
        {
          action: 'DISPATCH',
          actor: hs,
          assignees: [m1, m2, grid],
          supervisor: ws,
          note: '王润梅书记到文香苑实地了解情况后派单：参会党员和网格员参与协调，监督落实。',
          after: [minutes(1), minutes(2)],
        },
        { action: 'ACCEPT', actor: m1, after: [60, 240] },
        {
          action: 'RESOLVE',
          actor: m1,
          after: [minutes(18), minutes(25)],
          meetings: [
            {
              place: '文香苑小区现场',
              participants:
                '王润梅（洪顺路社区党支部书记）、李建华（文香苑党支部书记）、物业项目经理、党员郭志刚、刘桂兰、网格员赵敏、居民代表6名',
              decisions:
                '现场协调会：物业与居民代表共同重新规划小区停车区域；利用东侧空地建设电动车充电桩；党员和网格员监督落实。',
              after: [minutes(1), minutes(3)],
            },
            {
              place: '文香苑小区活动室',
              participants: '王润梅（洪顺路社区党支部书记）、物业项目经理、党员代表5名、居民代表6名',
              decisions:
                '确认新增12个机动车停车位和10个电动车充电桩的位置与施工时间；物业负责施工，党员志愿者负责施工期间秩序引导。',
              after: [minutes(10), minutes(15)],
            },
          ],
        },
        { action: 'EVALUATE', actor: r1, rating: 5, note: '车位和充电桩都有了，停车不用再绕圈子，感谢社区和党员们！' },
      ],
      lastEventDaysAgo: [215, 190],
    },
    {
      // The article: the Landscaping Center and the grid worker prune the branches together.
      title: '雨天树枝往居民家里滴水',
      description:
        '小区里的几棵大树长得比楼还高，下雨天树枝侧面漏下来的雨水直接滴进居民家里，窗台和墙面都泡坏了，希望尽快修剪。',
      category: 'greenery',
      ...app(printing, rf),
      resolveNote: '园林绿化中心工作人员与网格员一起修剪了高大树枝，雨天不再往居民家中滴水。',
      steps: [
        {
          action: 'DISPATCH',
          actor: fs,
          assignees: [landscaping, printing.gridWorker],
          note: '联系园林部门处理，网格员配合。',
        },
        { action: 'ACCEPT', actor: landscaping },
        { action: 'RESOLVE', actor: landscaping },
        { action: 'EVALUATE', actor: rf, rating: 5, note: '修剪得很及时，下雨再也不往家里滴水了。' },
      ],
      lastEventDaysAgo: [150, 120],
    },
    {
      // Too big for the community: escalated to the street, which brings in the power company.
      title: '小区变压器老化，夏天频繁跳闸停电',
      description: '小区变压器用了二十多年，一到夏天用电高峰就跳闸，老人怕热，冰箱里的东西也坏了，希望彻底解决。',
      category: 'safety',
      ...app(peoplesBank, otherResident(peoplesBank)),
      resolveNote: '供电公司完成小区变压器增容改造，改造期间安排临时供电，跳闸问题已解决。',
      steps: [
        { action: 'ESCALATE', actor: peoplesBank.secretary },
        { action: 'ESCALATE', actor: fs },
        { action: 'DISPATCH', actor: admin, assignees: [power, peoplesBank.gridWorker] },
        { action: 'ACCEPT', actor: power },
        {
          action: 'RESOLVE',
          actor: power,
          after: [minutes(5), minutes(9)],
          meetings: [
            {
              place: '人民银行宿舍现场',
              participants: `王秀芳（西关街道党工委书记）、宋杰（金融路社区党支部书记）、${power.displayName}（国网介休市供电公司）、${peoplesBank.secretary.displayName}（人民银行宿舍党支部书记）、居民代表5名`,
              decisions: '供电公司对小区变压器进行增容改造；街道协调改造期间临时供电；网格员每日巡查并及时通知居民。',
            },
          ],
        },
        { action: 'EVALUATE', rating: 5 },
      ],
      lastEventDaysAgo: [180, 160],
    },
    // --- Wenxiangyuan, around the demo accounts
    {
      title: '3号楼2单元楼道堆放杂物',
      description: '3号楼2单元楼道里堆着旧家具和纸箱，晚上上下楼容易磕碰，也有火灾隐患，希望帮忙清理。',
      category: 'sanitation',
      ...app(wenxiangyuan, r1),
      resolveNote: '协助住户清理楼道杂物，共清运两车，楼道已恢复通畅。',
      steps: [{ action: 'DISPATCH', actor: ws, assignees: [m2] }, { action: 'ACCEPT' }, { action: 'RESOLVE' }],
      lastEventDaysAgo: [2, 0.2],
    },
    {
      title: '5号楼1单元楼梯台阶破损',
      description: '5号楼1单元一楼到二楼的台阶塌了两级角，老人上下楼容易绊倒，希望尽快修补。',
      category: 'repairs',
      ...app(wenxiangyuan, r2),
      resolveNote: '已用水泥修补破损台阶，并加装防滑条。',
      steps: [],
      lastEventDaysAgo: [1.5, 0.02],
    },
    {
      title: '7号楼3单元楼道声控灯坏了',
      description: '7号楼3单元三楼到五楼的声控灯都不亮了，晚上上下楼只能用手机照明。',
      category: 'street_lamps',
      ...app(wenxiangyuan, r3),
      resolveNote: '更换声控灯三盏，楼道照明恢复。',
      steps: [{ action: 'DISPATCH', actor: ws, assignees: [m1], supervisor: null }],
      lastEventDaysAgo: [1.5, 0.02],
    },
    {
      title: '独居老人希望有人定期探望',
      description: '对门的李奶奶八十多岁了，子女都在外地，一个人住，前几天还摔了一跤，希望有人能定期上门看看。',
      category: 'elderly_care',
      ...app(wenxiangyuan, r2),
      resolveNote: '安排党员结对帮扶，每周上门探望两次。',
      steps: [
        { action: 'DISPATCH', actor: ws, assignees: [m3, m4], supervisor: null },
        { action: 'ACCEPT', actor: m3 },
      ],
      lastEventDaysAgo: [4, 0.5],
    },
    {
      title: '小区中心绿地杂草丛生',
      description: '小区中心绿地很久没人打理，杂草有半人高，蚊子特别多，希望组织大家清理一下。',
      category: 'greenery',
      ...app(wenxiangyuan, r3),
      resolveNote: '党员志愿者清除杂草并补种了花草。',
      steps: [{ action: 'OPEN_FOR_CLAIM', actor: ws }],
      lastEventDaysAgo: [3, 0.02],
    },
    {
      title: '希望小区增设健身器材',
      description: '小区里没有健身器材，老人和孩子没有活动的地方，希望在东侧空地安装一些。（网格员走访时记录）',
      category: 'other',
      compound: wenxiangyuan,
      channel: 'GRID_VISIT',
      resident: otherResident(wenxiangyuan),
      listedBy: grid,
      resolveNote: '协调体育部门在小区空地安装健身器材一套。',
      steps: [{ action: 'OPEN_FOR_CLAIM', actor: hs }],
      lastEventDaysAgo: [5, 0.02],
    },
    {
      title: '2号楼1单元单元门关不上',
      description: '2号楼1单元的闭门器坏了，单元门总是关不上，冬天楼道里很冷，也不安全。',
      category: 'repairs',
      ...app(wenxiangyuan, r1),
      resolveNote: '已更换闭门器，单元门恢复正常。',
      steps: [
        { action: 'DISPATCH', actor: ws, assignees: [m4], supervisor: null },
        { action: 'ACCEPT' },
        { action: 'RESOLVE' },
        { action: 'REOPEN', rating: 2, note: '闭门器换了没两天又坏了，问题没有解决。' },
        { action: 'DISPATCH', actor: ws, assignees: [m5], supervisor: null },
        { action: 'ACCEPT' },
        { action: 'RESOLVE', note: '更换了质量更好的液压闭门器并反复调试，单元门已能自动关严。' },
        { action: 'EVALUATE', rating: 4, note: '这次修好了，就是跑了两趟。' },
      ],
      lastEventDaysAgo: [90, 60],
    },
    {
      title: '楼道墙上小广告太多',
      description: '1号楼各单元楼道墙上贴满了小广告，很影响环境。',
      category: 'sanitation',
      ...app(wenxiangyuan, r2),
      resolveNote: '志愿者清除小广告并粉刷了墙面。',
      steps: [
        { action: 'OPEN_FOR_CLAIM', actor: ws },
        { action: 'CLAIM', actor: v1 },
        { action: 'RESOLVE' },
        { action: 'AUTO_CLOSE' },
      ],
      lastEventDaysAgo: [50, 30],
    },
    {
      title: '4号楼门口长期被私家车占用',
      description: '4号楼门口常年停着一辆私家车，老人推轮椅进出很不方便，希望协调挪走。',
      category: 'parking',
      ...app(wenxiangyuan, r3),
      resolveNote: '联系车主挪车，已设置禁停标识。',
      steps: [{ action: 'CANCEL', note: '车主已经自己挪走了，撤回诉求。' }],
      lastEventDaysAgo: [40, 20],
    },
    {
      title: '楼上邻居装修噪音扰民',
      description: '楼上邻居装修了两个多月，周末一大早就开始电钻，希望管一管。',
      category: 'other',
      ...app(wenxiangyuan, r2),
      resolveNote: '已协调。',
      steps: [
        {
          action: 'REJECT',
          actor: ws,
          note: '经核实属于邻里之间的民事纠纷，已请人民调解员上门调解，不作为工单受理。',
        },
      ],
      lastEventDaysAgo: [120, 100],
    },
    {
      title: '6号楼旁树枝遮挡窗户影响采光',
      description: '6号楼南侧的几棵杨树长得比楼还高，树枝伸到窗前，屋里白天都要开灯，希望修剪。',
      category: 'greenery',
      ...app(wenxiangyuan, r3),
      resolveNote: '联系园林部门对树枝进行修剪，已不再遮挡窗户。',
      steps: [
        { action: 'DISPATCH', actor: ws, assignees: [m5], supervisor: null },
        { action: 'DECLINE', note: '本人近期外出，无法按时处理，申请改派。' },
        { action: 'DISPATCH', actor: ws, assignees: [m2, landscaping], supervisor: null },
        { action: 'ACCEPT', actor: m2 },
        { action: 'RESOLVE' },
        { action: 'EVALUATE', rating: 5 },
      ],
      lastEventDaysAgo: [160, 140],
    },
    {
      title: '希望楼道加装扶手方便老人',
      description: '8号楼2单元住的多是老年人，希望在楼梯靠墙一侧加装扶手。',
      category: 'elderly_care',
      ...app(wenxiangyuan, r1),
      resolveNote: '在楼道靠墙一侧加装了扶手。',
      steps: [
        { action: 'OPEN_FOR_CLAIM', actor: ws },
        { action: 'CLAIM', actor: m4 },
        { action: 'ABANDON', note: '需要专业施工队安装，志愿者无法完成，申请退回。' },
        { action: 'DISPATCH', actor: ws, assignees: [m1], supervisor: null },
        { action: 'ACCEPT' },
        { action: 'RESOLVE' },
        { action: 'EVALUATE', rating: 3 },
      ],
      lastEventDaysAgo: [250, 230],
    },
    // --- Hongshun Road: wishes waiting for dispatch
    ...(['Hongshun Garden', 'Mianshan Garden'] as const).map((name, i): WishSpec => {
      const k = world.compound(name);
      return {
        title: i === 0 ? '小区路灯不亮，夜间出行不便' : '垃圾清运不及时',
        description:
          i === 0
            ? '小区里靠近3号楼的几盏路灯坏了很久，晚上黑漆漆的，老人下楼遛弯都不敢走。'
            : '小区垃圾桶满了好几天没人清运，气味很大，还招苍蝇。',
        category: i === 0 ? 'street_lamps' : 'sanitation',
        ...app(k, otherResident(k)),
        resolveNote: '已处理。',
        steps: [],
        lastEventDaysAgo: [3, 0.02],
      };
    }),
    {
      title: '物业撤出后小区无人管理',
      description: '原物业公司合同到期撤走了，小区没人管，垃圾没人清，大门也没人看。',
      category: 'property_disputes',
      ...app(world.compound('Cotton Mill Dormitory'), otherResident(world.compound('Cotton Mill Dormitory'))),
      resolveNote: '协助成立物业管理委员会，引入社区托管服务。',
      steps: [{ action: 'ESCALATE' }],
      lastEventDaysAgo: [4, 0.02],
    },
    // --- Financial Road, around resident.financial.1 and member.financial.1
    {
      title: '9号楼门牌号脱落',
      description: '9号楼的楼号牌掉了，快递和来访的人经常找错楼，希望重新安装。',
      category: 'repairs',
      ...app(printing, rf),
      resolveNote: '已重新安装楼号牌。',
      steps: [],
      lastEventDaysAgo: [2, 0.02],
    },
    {
      title: '2号楼1单元楼道堆放杂物',
      description: '2号楼1单元楼道里堆放了旧家具和自行车，影响通行，希望清理。',
      category: 'sanitation',
      ...app(printing, rf),
      resolveNote: '协助住户清理楼道杂物。',
      steps: [
        { action: 'DISPATCH', actor: printing.secretary, assignees: [mf], supervisor: null },
        { action: 'ACCEPT' },
      ],
      lastEventDaysAgo: [3, 0.2],
    },
    {
      title: '老人行动不便，需要代买药品',
      description: '家里老人腿脚不便，常吃的降压药需要定期去医院开，希望志愿者帮忙代购。',
      category: 'elderly_care',
      ...app(printing, otherResident(printing)),
      resolveNote: '志愿者每月代购药品并送药上门。',
      steps: [{ action: 'DISPATCH', actor: printing.secretary, assignees: [mf], supervisor: null }],
      lastEventDaysAgo: [1.5, 0.02],
    },
    {
      title: '快递无处存放，经常丢件',
      description: '小区没有快递柜，快递经常放在门口丢失。',
      category: 'other',
      ...app(printing, otherResident(printing)),
      resolveNote: '协调快递企业设置智能快递柜。',
      steps: [{ action: 'OPEN_FOR_CLAIM', actor: fs }],
      lastEventDaysAgo: [4, 0.02],
    },
    {
      title: '小区路面坑洼积水',
      description: '小区主路有几处大坑，下雨后积水，老人和孩子走路容易摔倒。',
      category: 'repairs',
      ...app(printing, rf),
      resolveNote: '已对坑洼路面进行硬化修补。',
      steps: [
        { action: 'DISPATCH', actor: printing.secretary, assignees: [mf, printing.gridWorker], supervisor: null },
        { action: 'ACCEPT', actor: mf },
        { action: 'RESOLVE' },
        { action: 'EVALUATE', rating: 4 },
      ],
      lastEventDaysAgo: [80, 60],
    },
    {
      title: '主路窨井盖缺失',
      description: '小区主路上有一个窨井盖不见了，晚上很危险。',
      category: 'safety',
      ...app(printing, rf),
      resolveNote: '已补装井盖并设置警示标志。',
      steps: [
        { action: 'DISPATCH', actor: fs, assignees: [mf], supervisor: null },
        { action: 'ACCEPT' },
        { action: 'RESOLVE' },
      ],
      lastEventDaysAgo: [3, 0.2],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Generation (pure) and insertion

interface DemoData {
  world: World;
  wishes: WishDraft[];
  /** When the organisation and people were set up: before all wishes. */
  setupAt: number;
}

function generate(seed: number, now: number): DemoData {
  const rng = new Rng(seed);
  const world = buildWorld(rng);
  const writer = new HistoryWriter(rng, world, now);

  const drafts = scriptedSpecs(world, rng).map((spec) => writer.write(spec));
  const remaining = { ...STATUS_TARGETS };
  for (const w of drafts) remaining[w.status] = Math.max(0, remaining[w.status] - 1);
  for (const status of WISH_STATUSES) {
    for (let i = 0; i < remaining[status]; i++) {
      const w = writer.write(writer.randomSpec(status));
      if (w.status !== status) throw new Error(`seed: planned ${status}, got ${w.status}`);
      drafts.push(w);
    }
  }
  // Ids follow creation time, as they would have in real life.
  drafts.sort((a, b) => a.createdAt - b.createdAt);
  drafts.forEach((w, i) => {
    w.id = i + 1;
  });
  return { world, wishes: drafts, setupAt: now - (HISTORY_DAYS + 30) * DAY };
}

async function insertAll<T extends object>(em: EntityManager, entity: EntityName<T>, rows: RequiredEntityData<T>[]) {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await em.insertMany<T>(entity, rows.slice(i, i + INSERT_CHUNK));
  }
}

/** Tables whose ids the seed sets explicitly, with their serial column. */
const SERIAL_COLUMNS = [
  ['org_unit', 'id'],
  ['person', 'id'],
  ['person_role', 'id'],
  ['wish_category', 'id'],
  ['wish', 'id'],
  ['assignment', 'id'],
  ['meeting', 'id'],
  ['wish_event', 'sequence'],
] as const;

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/**
 * Seeds the demo data into an empty, migrated database, in one transaction.
 * Throws if `org_unit` already has rows (nothing is written then).
 */
export async function seedDemoData(em: EntityManager, options: SeedOptions): Promise<SeedSummary> {
  const now = (options.now ?? startOfUtcDay(new Date())).getTime();
  if (!Number.isFinite(now)) throw new Error('seedDemoData: options.now is not a valid date');
  const { world, wishes, setupAt } = generate(options.seed ?? DEFAULT_SEED, now);

  return em.transactional(async (tx) => {
    // Serialises concurrent seeders (e.g. several replicas starting at once): the second one then sees rows.
    await tx.execute('lock table org_unit in exclusive mode');
    if ((await tx.count(OrgUnit, {})) > 0) {
      throw new Error(
        'seedDemoData: the database already has data (org_unit is not empty); the demo seed only runs on an empty database',
      );
    }
    const accounts = world.people.filter((p) => p.username !== null);
    const hashes = new Map(
      await Promise.all(accounts.map(async (p) => [p, await hashPassword(options.demoPassword)] as const)),
    );
    const setup = new Date(setupAt);

    await insertAll(
      tx,
      OrgUnit,
      world.units.map((u) => ({
        id: u.id,
        kind: u.kind,
        name: u.name,
        nameZh: u.nameZh,
        parent: u.parent?.id ?? null,
        path: u.path,
        population: u.population,
        households: u.households,
        hasPropertyManagement: u.hasPropertyManagement,
        partyOrganization: u.partyOrganization,
        description: u.description,
        createdAt: setup,
        updatedAt: setup,
      })),
    );
    await insertAll(
      tx,
      Person,
      world.people.map((p) => ({
        id: p.id,
        username: p.username,
        displayName: p.displayName,
        phone: p.phone,
        passwordHash: hashes.get(p) ?? null,
        createdAt: new Date(setupAt + p.id * MINUTE),
      })),
    );
    await insertAll(
      tx,
      PersonRole,
      world.people.flatMap((p) =>
        p.roles.map((r) => ({
          id: r.id,
          person: p.id,
          role: r.role,
          orgUnit: r.unit.id,
          createdAt: new Date(setupAt + p.id * MINUTE),
        })),
      ),
    );
    await insertAll(
      tx,
      WishCategory,
      world.categories.map((c) => ({
        id: c.id,
        code: c.code,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        defaultLevel: c.defaultLevel,
        dueInDays: c.dueInDays,
        sortOrder: c.sortOrder,
        active: true,
      })),
    );
    await insertAll(
      tx,
      Wish,
      wishes.map((w) => ({
        id: w.id,
        title: w.title,
        description: w.description,
        category: w.category.id,
        compound: w.compound.unit.id,
        handlingUnit: w.handling.id,
        status: w.status,
        channel: w.channel,
        resident: w.resident?.id ?? null,
        listedBy: w.listedBy.id,
        rating: w.rating,
        ratingComment: w.ratingComment,
        reopenCount: w.reopenCount,
        dueAt: new Date(w.dueAt),
        // One SUBMIT plus one per transition: the optimistic-lock counter after this history.
        version: w.events.length,
        createdAt: new Date(w.createdAt),
        updatedAt: new Date(w.updatedAt),
      })),
    );
    await insertAll(
      tx,
      Assignment,
      wishes
        .flatMap((w) => w.assignments.map((a) => ({ w, a })))
        .map(({ w, a }, i) => ({
          id: i + 1,
          wish: w.id,
          person: a.person.id,
          kind: a.kind,
          active: a.active,
          assignedAt: new Date(a.assignedAt),
          assignedBy: a.assignedBy?.id ?? null,
          releasedAt: a.releasedAt === null ? null : new Date(a.releasedAt),
        })),
    );
    await insertAll(
      tx,
      Meeting,
      wishes
        .flatMap((w) => w.meetings.map((m) => ({ w, m })))
        .map(({ w, m }, i) => ({
          id: i + 1,
          wish: w.id,
          heldAt: new Date(m.heldAt),
          place: m.place,
          participants: m.participants,
          decisions: m.decisions,
          recordedBy: m.recordedBy.id,
          // Written up two hours after the meeting.
          createdAt: new Date(m.heldAt + 2 * HOUR),
        })),
    );
    // The sequence grows across all wishes in time order, as the live server would have produced it.
    const events = wishes
      .flatMap((w) => w.events.map((e, index) => ({ w, e, index })))
      .sort((a, b) => a.e.at - b.e.at || a.w.id - b.w.id || a.index - b.index);
    await insertAll(
      tx,
      WishEvent,
      events.map(({ w, e }, i) => ({
        sequence: i + 1,
        wish: w.id,
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actor: e.actor?.id ?? null,
        at: new Date(e.at),
        note: e.note,
        data: e.data,
      })),
    );
    for (const [table, column] of SERIAL_COLUMNS) {
      await tx.execute(
        `select setval(pg_get_serial_sequence('${table}', '${column}'), (select max("${column}") from "${table}"))`,
      );
    }

    // Other parts of the street's demo data go here, before the ledger.
    await seedActivities(tx, { now: new Date(now), seed: options.seed ?? DEFAULT_SEED });

    await seedCommittees(tx, { now: new Date(now), seed: options.seed ?? DEFAULT_SEED });

    // KEEP LAST: the points ledgers are derived from everything seeded above.
    await seedPointsLedger(tx, new Date(now));

    const count = <K extends string>(keys: readonly K[], of: readonly K[]) =>
      Object.fromEntries(keys.map((k) => [k, of.filter((x) => x === k).length])) as Record<K, number>;
    return {
      units: count(
        ORG_UNIT_KINDS,
        world.units.map((u) => u.kind),
      ),
      people: world.people.length,
      accounts: accounts.length,
      personRoles: world.roles.length,
      categories: world.categories.length,
      wishes: count(
        WISH_STATUSES,
        wishes.map((w) => w.status),
      ),
      events: events.length,
      assignments: wishes.reduce((n, w) => n + w.assignments.length, 0),
      meetings: wishes.reduce((n, w) => n + w.meetings.length, 0),
    };
  });
}
