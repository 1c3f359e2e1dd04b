/**
 * Staff management of org units: create, update, move, retire, delete. Checks run in the contract's order —
 * input, NOT_FOUND, FORBIDDEN, state (INVALID_TRANSITION), CONFLICT — inside the transaction that writes, after
 * locking the rows they read, and every change writes its change_event in that same transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrgUnitKind } from '../../entities/org-unit.entity.ts';
import { activeCommitteesOf } from '../committees/committee.queries.ts';
import { checkExpectedVersion, requireVersion, updateVersioned } from '../kernel/concurrency.ts';
import { badInput, conflict, forbidden, invalidTransition, notFound } from '../kernel/errors.ts';
import {
  given,
  type IdRef,
  type Maybe,
  optionalCount,
  optionalText,
  requiredRef,
  requiredText,
} from '../kernel/input.ts';
import { isForeignKeyViolation, pgFailure } from '../kernel/pg-errors.ts';
import { ViewerService } from '../kernel/viewer-service.ts';
import {
  findOrgUnit,
  lockOrgUnit,
  lockOrgUnits,
  type OrgUnitRecord,
  siblingNamed,
  subtreeUse,
  unitReferences,
} from './org-unit.queries.ts';
import { managesUnit, mayPlaceUnder, PARENT_KINDS } from './organisation.policy.ts';

const MAX_NAME = 200;
const MAX_PARTY_ORG = 200;
const MAX_DESCRIPTION = 4000;

export interface UnitFieldsInput {
  name?: Maybe<string>;
  nameZh?: Maybe<string>;
  population?: Maybe<number>;
  households?: Maybe<number>;
  hasPropertyManagement?: Maybe<boolean>;
  partyOrganization?: Maybe<string>;
  description?: Maybe<string>;
}

export interface CreateOrgUnitInput extends UnitFieldsInput {
  kind: OrgUnitKind;
  parentId: IdRef;
}

export interface UpdateOrgUnitInput extends UnitFieldsInput {
  orgUnitId: IdRef;
  expectedVersion?: Maybe<number>;
}

export interface MoveOrgUnitInput {
  orgUnitId: IdRef;
  parentId: IdRef;
  expectedVersion?: Maybe<number>;
}

export interface OrgUnitRefInput {
  orgUnitId: IdRef;
  expectedVersion?: Maybe<number>;
}

/** Column ← field, for the unit fields an input may set. */
const UNIT_COLUMNS: Readonly<Record<keyof UnitFieldsInput, string>> = {
  name: 'name',
  nameZh: 'name_zh',
  population: 'population',
  households: 'households',
  hasPropertyManagement: 'has_property_management',
  partyOrganization: 'party_organization',
  description: 'description',
};

type UnitFields = Partial<Record<keyof UnitFieldsInput, unknown>>;

export class OrgUnitService extends ViewerService {
  async createOrgUnit(input: CreateOrgUnitInput): Promise<number> {
    const kind = input.kind;
    if (kind === 'STREET') {
      throw badInput(
        'kind',
        'the street is the root of the organisation: create a COMMUNITY, COMPOUND, GRID or PARTNER',
      );
    }
    const fields = unitFields(kind, input, 'create');
    const parentId = requiredRef(input.parentId, 'Parent unit');
    return this.em.transactional(async (em) => {
      // Locked so that two creations under one parent cannot both take a name.
      const parent = await lockOrgUnit(em, parentId, 'Parent unit');
      requireParentKind(kind, parent);
      if (!mayPlaceUnder(this.viewer, kind, parent.path)) {
        throw forbidden(`Your role may not create a ${kind} under ${parent.name}`);
      }
      if (parent.retiredAt) throw invalidTransition(`${parent.name} is retired: no new units go under it`);
      await requireFreeName(em, parent, fields.name as string, null);
      const [seq] = await em.execute<{ id: number }[]>(
        `select nextval(pg_get_serial_sequence('org_unit', 'id'))::int as id`,
      );
      const id = (seq as { id: number }).id;
      const at = this.now();
      const columns = Object.keys(fields) as (keyof UnitFieldsInput)[];
      await em.execute(
        `insert into org_unit (id, kind, parent_id, path, ${columns.map((c) => UNIT_COLUMNS[c]).join(', ')},
                               version, created_at, updated_at)
         values (?, ?, ?, ?, ${columns.map(() => '?').join(', ')}, 1, ?, ?)`,
        [id, kind, parent.id, `${parent.path}${id}/`, ...columns.map((c) => fields[c]), at, at],
      );
      await this.recordChange(em, 'OrgUnit', id, 'CREATE', at, { kind, parentId: parent.id, ...fields });
      return id;
    });
  }

  async updateOrgUnit(input: UpdateOrgUnitInput): Promise<number> {
    if (!(Object.keys(UNIT_COLUMNS) as (keyof UnitFieldsInput)[]).some((k) => given(input[k]))) {
      throw badInput('input', 'name at least one field to change');
    }
    const unitId = requiredRef(input.orgUnitId, 'Org unit');
    checkExpectedVersion(input.expectedVersion);
    return this.em.transactional(async (em) => {
      const unit = await lockOrgUnit(em, unitId, 'Org unit');
      const fields = unitFields(unit.kind, input, 'update');
      const was = unit as unknown as Record<string, unknown>;
      const columns = (Object.keys(fields) as (keyof UnitFieldsInput)[]).filter((c) => fields[c] !== was[c]);
      if (!managesUnit(this.viewer, unit)) throw forbidden(`Your role may not change ${unit.name}`);
      if (fields.hasPropertyManagement === true && !unit.hasPropertyManagement) {
        if ((await activeCommitteesOf(em, [unit.id])).length > 0) {
          throw invalidTransition(
            `${unit.name} has an ACTIVE property committee: dissolve it before recording a property company`,
          );
        }
      }
      if (fields.name !== undefined && unit.parentId !== null) {
        const parent = await findOrgUnit(em, unit.parentId);
        if (parent) await requireFreeName(em, parent, fields.name as string, unit.id);
      }
      requireVersion(unit.name, unit, input.expectedVersion);
      if (columns.length === 0) return unit.id;
      const at = this.now();
      await saveUnit(em, unit, Object.fromEntries(columns.map((c) => [UNIT_COLUMNS[c], fields[c]])), at);
      const changes = Object.fromEntries(columns.map((c) => [c, { from: was[c], to: fields[c] }]));
      await this.recordChange(em, 'OrgUnit', unit.id, 'UPDATE', at, changes);
      return unit.id;
    });
  }

  /** Re-parents a unit: the paths of the unit and its whole subtree change in one statement. */
  async moveOrgUnit(input: MoveOrgUnitInput): Promise<number> {
    const unitId = requiredRef(input.orgUnitId, 'Org unit');
    const parentId = requiredRef(input.parentId, 'Parent unit');
    checkExpectedVersion(input.expectedVersion);
    return this.em.transactional(async (em) => {
      // Both rows locked in id order (no deadlock between two moves); paths are read after the locks.
      const rows = await lockOrgUnits(em, [unitId, parentId]);
      const unit = rows.find((r) => r.id === unitId);
      if (!unit) throw notFound('Org unit');
      const parent = rows.find((r) => r.id === parentId);
      if (!parent) throw notFound('Parent unit');
      if (unit.kind === 'STREET') throw badInput('orgUnitId', 'the street is the root of the organisation');
      if (parent.id === unit.id || parent.path.startsWith(unit.path)) {
        throw badInput('parentId', `${parent.name} is ${unit.name} itself or lies below it: a unit cannot move there`);
      }
      requireParentKind(unit.kind, parent);
      if (unit.parentId === parent.id) throw badInput('parentId', `${unit.name} is already under ${parent.name}`);
      if (!managesUnit(this.viewer, unit)) throw forbidden(`Your role may not move ${unit.name}`);
      if (!mayPlaceUnder(this.viewer, unit.kind, parent.path)) {
        throw forbidden(`Your role may not move a ${unit.kind} under ${parent.name}`);
      }
      if (unit.retiredAt) throw invalidTransition(`${unit.name} is retired: it cannot move`);
      if (parent.retiredAt) throw invalidTransition(`${parent.name} is retired: no units go under it`);
      await requireFreeName(em, parent, unit.name, unit.id);
      requireVersion(unit.name, unit, input.expectedVersion);
      const at = this.now();
      const newPath = `${parent.path}${unit.id}/`;
      const moved = await em.execute<{ id: number }[]>(
        `update org_unit
            set path = ?::text || substr(path, ?::int),
                parent_id = case when id = ? then ?::int else parent_id end,
                version = case when id = ? then version + 1 else version end,
                updated_at = case when id = ? then ?::timestamptz else updated_at end
          where path like ? returning id`,
        [newPath, unit.path.length + 1, unit.id, parent.id, unit.id, unit.id, at, `${unit.path}%`],
      );
      await this.recordChange(em, 'OrgUnit', unit.id, 'MOVE', at, {
        fromParentId: unit.parentId,
        toParentId: parent.id,
        fromPath: unit.path,
        toPath: newPath,
        subtreeSize: moved.length,
      });
      return unit.id;
    });
  }

  /** Soft: the unit stays for history but takes no new work. Refused while it has open work or people. */
  retireOrgUnit(input: OrgUnitRefInput): Promise<number> {
    return this.endUnit(input, 'retire', async (em, unit) => {
      if (unit.retiredAt) throw invalidTransition(`${unit.name} is already retired`);
      const at = this.now();
      const use = await subtreeUse(em, unit, at);
      const blockers = [
        use.openWishes ? plural(use.openWishes, 'open wish', 'open wishes') : null,
        use.members ? `${plural(use.members, 'member')} (people holding a role there)` : null,
        use.children ? `${plural(use.children, 'active unit')} below it` : null,
        use.committees ? plural(use.committees, 'active property committee') : null,
        use.activities ? plural(use.activities, 'planned activity', 'planned activities') : null,
      ].filter((b): b is string => b !== null);
      if (blockers.length > 0) {
        throw invalidTransition(`${unit.name} cannot be retired: it still has ${listing(blockers)}`);
      }
      requireVersion(unit.name, unit, input.expectedVersion);
      await saveUnit(em, unit, { retired_at: at }, at);
      await this.recordChange(em, 'OrgUnit', unit.id, 'RETIRE', at);
      return unit.id;
    });
  }

  /** Hard delete, only for a unit nothing refers to (a mistake caught before any use). */
  deleteOrgUnit(input: OrgUnitRefInput): Promise<number> {
    return this.endUnit(input, 'delete', async (em, unit) => {
      const u = await unitReferences(em, unit.id);
      const blockers = [
        u.openWishes ? plural(u.openWishes, 'open wish', 'open wishes') : null,
        u.wishes - u.openWishes ? plural(u.wishes - u.openWishes, 'finished wish', 'finished wishes') : null,
        u.members ? `${plural(u.members, 'member')} (people holding a role there)` : null,
        u.children ? `${plural(u.children, 'unit')} below it` : null,
        u.committees ? plural(u.committees, 'property committee') : null,
        u.activities ? plural(u.activities, 'activity', 'activities') : null,
        u.themes ? plural(u.themes, 'monthly theme') : null,
      ].filter((b): b is string => b !== null);
      if (blockers.length > 0) {
        throw invalidTransition(
          `${unit.name} cannot be deleted: it has ${listing(blockers)}` +
            (u.openWishes || u.members || u.children ? '' : '; retire it instead to keep its history'),
        );
      }
      requireVersion(unit.name, unit, input.expectedVersion);
      const at = this.now();
      try {
        await em.execute('delete from org_unit where id = ?', [unit.id]);
      } catch (err) {
        // Something this check does not know about still refers to the unit.
        if (isForeignKeyViolation(err)) {
          throw invalidTransition(
            `${unit.name} cannot be deleted: ${pgFailure(err)?.table ?? 'other'} records refer to it; retire it instead`,
          );
        }
        throw err;
      }
      // The change log keeps the unit as it was (its timestamps aside).
      const { createdAt: _created, updatedAt: _updated, ...deleted } = unit;
      await this.recordChange(em, 'OrgUnit', unit.id, 'DELETE', at, deleted);
      return unit.id;
    });
  }

  /** Retiring and deleting: the unit, locked, if it is not the street and the viewer manages it. */
  private endUnit(
    input: OrgUnitRefInput,
    verb: 'retire' | 'delete',
    end: (em: EntityManager, unit: OrgUnitRecord) => Promise<number>,
  ): Promise<number> {
    const unitId = requiredRef(input.orgUnitId, 'Org unit');
    checkExpectedVersion(input.expectedVersion);
    return this.em.transactional(async (em) => {
      const unit = await lockOrgUnit(em, unitId, 'Org unit');
      if (unit.kind === 'STREET') throw badInput('orgUnitId', `the street cannot be ${verb}d`);
      if (!managesUnit(this.viewer, unit)) throw forbidden(`Your role may not ${verb} ${unit.name}`);
      return end(em, unit);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Helpers

/** Writes columns of a locked unit, moving its version on. */
async function saveUnit(em: EntityManager, unit: OrgUnitRecord, set: Record<string, unknown>, at: Date) {
  if (!(await updateVersioned(em, { table: 'org_unit', id: unit.id, set, version: unit.version, at }))) {
    throw conflict(`${unit.name} changed while you changed it: reload and try again`);
  }
}

function requireParentKind(kind: OrgUnitKind, parent: OrgUnitRecord): void {
  const allowed = PARENT_KINDS[kind];
  if (!allowed.includes(parent.kind)) {
    throw badInput(
      'parentId',
      `a ${kind} goes under a ${allowed.join(' or a ')}, not under the ${parent.kind} ${parent.name}`,
    );
  }
}

/** Sibling units keep distinct names (staff find units by name). */
async function requireFreeName(
  em: EntityManager,
  parent: { id: number; name: string },
  name: string,
  selfId: number | null,
) {
  if (await siblingNamed(em, parent.id, name, selfId)) {
    throw conflict(`${parent.name} already has a unit named "${name}"`);
  }
}

/**
 * Validates the unit fields an input sets, for a unit of this kind. Create requires names (and, for a compound,
 * whether it has property management).
 */
function unitFields(kind: OrgUnitKind, input: UnitFieldsInput, mode: 'create' | 'update'): UnitFields {
  const out: UnitFields = {};
  if (mode === 'create' || given(input.name)) out.name = requiredText('name', input.name, MAX_NAME);
  if (mode === 'create' || given(input.nameZh)) out.nameZh = requiredText('nameZh', input.nameZh, MAX_NAME);
  if (given(input.population)) out.population = optionalCount('population', input.population);
  if (given(input.households)) out.households = optionalCount('households', input.households);
  if (given(input.partyOrganization)) {
    out.partyOrganization = optionalText('partyOrganization', input.partyOrganization, MAX_PARTY_ORG);
  }
  if (given(input.description)) out.description = optionalText('description', input.description, MAX_DESCRIPTION);
  if (kind === 'COMPOUND') {
    if (mode === 'create' || given(input.hasPropertyManagement)) {
      if (input.hasPropertyManagement !== true && input.hasPropertyManagement !== false) {
        throw badInput('hasPropertyManagement', 'say whether a property company manages the compound (true or false)');
      }
      out.hasPropertyManagement = input.hasPropertyManagement;
    }
  } else if (input.hasPropertyManagement !== null && input.hasPropertyManagement !== undefined) {
    throw badInput('hasPropertyManagement', 'is for compounds only');
  }
  return out;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function listing(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
