// Kinds of unit and a compound's property management, as the API names them; labels are i18n keys.
export const ORG_UNIT_KINDS = ['STREET', 'COMMUNITY', 'COMPOUND', 'GRID', 'PARTNER'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** Kinds staff create (the street is the root). */
export const CREATABLE_KINDS: readonly OrgUnitKind[] = ['COMMUNITY', 'COMPOUND', 'GRID', 'PARTNER'];

/** Where each kind may hang (the server's rule, used to narrow the parent pickers). */
export const PARENT_KINDS: Readonly<Record<OrgUnitKind, readonly OrgUnitKind[]>> = {
  STREET: [],
  COMMUNITY: ['STREET'],
  COMPOUND: ['COMMUNITY'],
  GRID: ['COMMUNITY', 'COMPOUND'],
  PARTNER: ['STREET'],
};

export const PROPERTY_STATUSES = ['MANAGED_BY_COMPANY', 'COMMITTEE', 'NONE'] as const;

const choices = (values: readonly string[], prefix: string) =>
  values.map((value) => ({ id: value, name: `${prefix}.${value}` }));

export const orgUnitKindChoices = choices(ORG_UNIT_KINDS, 'wishgrid.orgUnits.kind');
export const creatableKindChoices = choices(CREATABLE_KINDS, 'wishgrid.orgUnits.kind');
export const propertyStatusChoices = choices(PROPERTY_STATUSES, 'wishgrid.orgUnits.propertyStatus');
