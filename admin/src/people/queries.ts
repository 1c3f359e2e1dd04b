import { changed, mutation, pick, resourceQueries } from '../data/resource-queries.ts';

export const PERSON_ROW_FIELDS = `id displayName username phone active createdAt
  roles { role orgUnit { id kind name nameZh parent { id name nameZh } } }`;

type RoleRow = { role?: unknown; orgUnitId?: unknown };

export default resourceQueries({
  listField: 'personList',
  oneField: 'person',
  filterType: 'PersonListFilter',
  fields: PERSON_ROW_FIELDS,
  toFilter: (f) => pick(f, ['ids', 'q', 'orgUnitId', 'role', 'active']),
  create: mutation({
    field: 'createPerson',
    inputType: 'CreatePersonInput',
    resultKey: 'person',
    fields: PERSON_ROW_FIELDS,
    toInput: (d) => ({
      ...pick(d, ['displayName', 'username', 'phone', 'password']),
      roles: ((d.roles as RoleRow[] | undefined) ?? []).map((r) => ({ role: r.role, orgUnitId: r.orgUnitId })),
    }),
  }),
  update: mutation({
    field: 'updatePerson',
    inputType: 'UpdatePersonInput',
    resultKey: 'person',
    fields: PERSON_ROW_FIELDS,
    toInput: (d, id, previous) => ({
      personId: id,
      ...changed(d, previous, ['displayName', 'username', 'phone']),
      // The password is never read back: a new one is sent only when typed.
      ...(typeof d.password === 'string' && d.password !== '' ? { password: d.password } : {}),
    }),
  }),
});

export const GRANT_ROLE = `mutation GrantRole($input: GrantRoleInput!) {
  grantRole(input: $input) { person { id roles { role orgUnit { id } } } }
}`;

export const REVOKE_ROLE = `mutation RevokeRole($input: RevokeRoleInput!) {
  revokeRole(input: $input) { person { id roles { role orgUnit { id } } } }
}`;

export const DEACTIVATE_PERSON = `mutation DeactivatePerson($input: DeactivatePersonInput!) {
  deactivatePerson(input: $input) { person { id active } }
}`;

export const REACTIVATE_PERSON = `mutation ReactivatePerson($input: ReactivatePersonInput!) {
  reactivatePerson(input: $input) { person { id active } }
}`;
