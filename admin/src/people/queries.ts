import { changed, mutation, pick, resourceQueries } from '../data/resource-queries.ts';
import { graphql } from '../gql/gql.ts';

export const PersonRow = graphql(`
  fragment PersonRow on Person {
    id displayName username phone active createdAt
    roles { role orgUnit { id kind name nameZh parent { id name nameZh } } }
  }
`);

type RoleRow = { role?: unknown; orgUnitId?: unknown };

export default resourceQueries({
  listField: 'personList',
  oneField: 'person',
  filterType: 'PersonListFilter',
  row: PersonRow,
  toFilter: (f) => pick(f, ['ids', 'q', 'orgUnitId', 'role', 'active']),
  create: mutation({
    field: 'createPerson',
    resultKey: 'person',
    fragments: [PersonRow],
    toInput: (d) => ({
      ...pick(d, ['displayName', 'username', 'phone', 'password']),
      roles: ((d.roles as RoleRow[] | undefined) ?? []).map((r) => ({ role: r.role, orgUnitId: r.orgUnitId })),
    }),
  }),
  update: mutation({
    field: 'updatePerson',
    resultKey: 'person',
    fragments: [PersonRow],
    toInput: (d, id, previous) => ({
      personId: id,
      ...changed(d, previous, ['displayName', 'username', 'phone']),
      // The password is never read back: a new one is sent only when typed.
      ...(typeof d.password === 'string' && d.password !== '' ? { password: d.password } : {}),
    }),
  }),
});

export const GRANT_ROLE = graphql(`
  mutation GrantRole($input: GrantRoleInput!) { grantRole(input: $input) { person { id roles { role orgUnit { id } } } } }
`);

export const REVOKE_ROLE = graphql(`
  mutation RevokeRole($input: RevokeRoleInput!) { revokeRole(input: $input) { person { id roles { role orgUnit { id } } } } }
`);

export const DEACTIVATE_PERSON = graphql(`
  mutation DeactivatePerson($input: DeactivatePersonInput!) { deactivatePerson(input: $input) { person { id active } } }
`);

export const REACTIVATE_PERSON = graphql(`
  mutation ReactivatePerson($input: ReactivatePersonInput!) { reactivatePerson(input: $input) { person { id active } } }
`);
