import { expectedVersion, mutation, pick, resourceQueries, updateMutation } from '../data/resource-queries.ts';
import { graphql } from '../gql/gql.ts';

export const OrgUnitRow = graphql(`
  fragment OrgUnitRow on OrgUnit {
    id kind name nameZh population households hasPropertyManagement propertyStatus
    partyOrganization retiredAt version parent { id kind name nameZh } children { id }
  }
`);

export const OrgUnitDetail = graphql(`
  fragment OrgUnitDetail on OrgUnit {
    description createdAt updatedAt
    children { id kind name nameZh population households propertyStatus retiredAt }
    propertyCommittee { id name serviceMode companyName memberCount chair { id displayName } }
  }
`);

const EDITABLE = ['name', 'nameZh', 'population', 'households', 'partyOrganization', 'description'] as const;

export default resourceQueries({
  listField: 'orgUnitList',
  oneField: 'orgUnit',
  filterType: 'OrgUnitListFilter',
  row: OrgUnitRow,
  detail: OrgUnitDetail,
  toFilter: (f) => pick(f, ['ids', 'q', 'kind', 'parentId', 'underId', 'retired']),
  create: mutation({
    field: 'createOrgUnit',
    resultKey: 'orgUnit',
    fragments: [OrgUnitRow],
    toInput: (d) => ({
      ...pick(d, ['kind', 'parentId', ...EDITABLE]),
      // Required for compounds, refused for every other kind.
      ...(d.kind === 'COMPOUND' ? { hasPropertyManagement: d.hasPropertyManagement === true } : {}),
    }),
  }),
  update: updateMutation({
    field: 'updateOrgUnit',
    resultKey: 'orgUnit',
    fragments: [OrgUnitRow, OrgUnitDetail],
    idKey: 'orgUnitId',
    editable: (_d, previous) => (previous?.kind === 'COMPOUND' ? [...EDITABLE, 'hasPropertyManagement'] : EDITABLE),
  }),
  // The payload has only `deletedId`: the data provider answers `{ id }`, all react-admin needs.
  delete: mutation({
    field: 'deleteOrgUnit',
    resultKey: 'orgUnit',
    toInput: (_data, id, previous) => ({ orgUnitId: id, ...expectedVersion(previous) }),
  }),
});

/** Re-parents a unit with its subtree. */
export const MOVE_ORG_UNIT = graphql(`
  mutation MoveOrgUnit($input: MoveOrgUnitInput!) {
    moveOrgUnit(input: $input) { orgUnit { id version parent { id name nameZh } } }
  }
`);

/** Takes a unit out of service; the server refuses (with what blocks it) while it still has work or people. */
export const RETIRE_ORG_UNIT = graphql(`
  mutation RetireOrgUnit($input: RetireOrgUnitInput!) {
    retireOrgUnit(input: $input) { orgUnit { id version retiredAt } }
  }
`);
