import { enumChoices, inOrder } from '../common/enum-choices.ts';
import type { OrgUnitKind, OrgUnitRowFragment, PropertyStatus } from '../gql/graphql.ts';

export type { OrgUnitKind };

/** A unit as the list and its page read it. */
export type UnitRecord = OrgUnitRowFragment;

/** A unit staff may still move or retire: below the street, and not retired. */
export const inService = (unit: UnitRecord): boolean => unit.kind !== 'STREET' && !unit.retiredAt;

interface KindRules {
  /** Where a unit of this kind may hang (the server's rule, used to narrow the parent pickers) */
  parents: readonly OrgUnitKind[];
  /** Who adds units of this kind: street staff, also branch secretaries (in their subtree), or nobody (the root) */
  createdBy: 'nobody' | 'streetAdmin' | 'secretary';
  /** Staff may add units below it */
  hasChildren: boolean;
}

/** Each kind of unit, in display order. */
const KINDS = {
  STREET: { parents: [], createdBy: 'nobody', hasChildren: true },
  COMMUNITY: { parents: ['STREET'], createdBy: 'streetAdmin', hasChildren: true },
  COMPOUND: { parents: ['COMMUNITY'], createdBy: 'secretary', hasChildren: true },
  GRID: { parents: ['COMMUNITY', 'COMPOUND'], createdBy: 'secretary', hasChildren: false },
  PARTNER: { parents: ['STREET'], createdBy: 'streetAdmin', hasChildren: false },
} as const satisfies Record<OrgUnitKind, KindRules>;

export const ORG_UNIT_KINDS = Object.keys(KINDS) as OrgUnitKind[];

/** The picker's filter for a parent of a unit of `kind`: narrowed on the server when one kind fits. */
export function parentFilterFor(kind: OrgUnitKind | undefined): Record<string, unknown> {
  const parents: readonly OrgUnitKind[] = kind ? KINDS[kind].parents : [];
  return parents.length === 1 ? { kind: parents[0] } : {};
}

/** Secretaries manage (create, edit, move, retire) the units of these kinds in their subtree. */
export const isSecretaryKind = (kind: string): boolean => KINDS[kind as OrgUnitKind]?.createdBy === 'secretary';

export const hasChildKinds = (kind: string): boolean => KINDS[kind as OrgUnitKind]?.hasChildren ?? false;

/** A compound's property management, in display order. */
export const PROPERTY_STATUSES = inOrder<PropertyStatus>({ MANAGED_BY_COMPANY: 1, COMMITTEE: 2, NONE: 3 });

export const orgUnitKindChoices = enumChoices(ORG_UNIT_KINDS, 'wishgrid.orgUnits.kind');

/** The kinds the viewer may create: street staff every kind below the street, secretaries compounds and grids. */
export const creatableKindChoices = (isStreetAdmin: boolean) =>
  orgUnitKindChoices.filter(
    ({ id }) => KINDS[id].createdBy === 'secretary' || (isStreetAdmin && KINDS[id].createdBy === 'streetAdmin'),
  );

export const propertyStatusChoices = enumChoices(PROPERTY_STATUSES, 'wishgrid.orgUnits.propertyStatus');
