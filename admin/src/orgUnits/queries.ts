import { gql } from '@apollo/client/core';
import { changed, type MutationSpec, mutation, pick, resourceQueries } from '../data/resource-queries.ts';

export const ORG_UNIT_ROW_FIELDS = `id kind name nameZh population households hasPropertyManagement propertyStatus
  partyOrganization retiredAt version parent { id kind name nameZh } children { id }`;

export const ORG_UNIT_DETAIL_FIELDS = `description createdAt updatedAt
  children { id kind name nameZh population households propertyStatus retiredAt }
  propertyCommittee { id name serviceMode companyName memberCount chair { id displayName } }`;

const EDITABLE = ['name', 'nameZh', 'population', 'households', 'partyOrganization', 'description'] as const;

// DeleteOrgUnitPayload has only `deletedId` (a scalar), which `mutation()` cannot select: the spec is written
// out, and build-query falls back to `{ id }` as the deleted record since the payload has no `orgUnit`.
const deleteOrgUnit: MutationSpec = {
  document: gql`
    mutation DeleteOrgUnit($input: DeleteOrgUnitInput!) {
      deleteOrgUnit(input: $input) {
        deletedId
      }
    }
  `,
  field: 'deleteOrgUnit',
  resultKey: 'orgUnit',
  toInput: (_data, id, previous) => ({
    orgUnitId: id,
    ...(typeof previous?.version === 'number' ? { expectedVersion: previous.version } : {}),
  }),
};

export default resourceQueries({
  listField: 'orgUnitList',
  oneField: 'orgUnit',
  filterType: 'OrgUnitListFilter',
  fields: ORG_UNIT_ROW_FIELDS,
  detailFields: ORG_UNIT_DETAIL_FIELDS,
  toFilter: (f) => pick(f, ['ids', 'q', 'kind', 'parentId', 'underId', 'retired']),
  create: mutation({
    field: 'createOrgUnit',
    inputType: 'CreateOrgUnitInput',
    resultKey: 'orgUnit',
    fields: ORG_UNIT_ROW_FIELDS,
    toInput: (d) => ({
      ...pick(d, ['kind', 'parentId', ...EDITABLE]),
      // Required for compounds, refused for every other kind.
      ...(d.kind === 'COMPOUND' ? { hasPropertyManagement: d.hasPropertyManagement === true } : {}),
    }),
  }),
  update: mutation({
    field: 'updateOrgUnit',
    inputType: 'UpdateOrgUnitInput',
    resultKey: 'orgUnit',
    fields: `${ORG_UNIT_ROW_FIELDS} ${ORG_UNIT_DETAIL_FIELDS}`,
    toInput: (d, id, previous) => ({
      orgUnitId: id,
      ...(typeof previous?.version === 'number' ? { expectedVersion: previous.version } : {}),
      ...changed(d, previous, previous?.kind === 'COMPOUND' ? [...EDITABLE, 'hasPropertyManagement'] : EDITABLE),
    }),
  }),
  delete: deleteOrgUnit,
});

/** Re-parents a unit with its subtree. */
export const MOVE_ORG_UNIT = `mutation MoveOrgUnit($input: MoveOrgUnitInput!) {
  moveOrgUnit(input: $input) { orgUnit { id version parent { id name nameZh } } }
}`;

/** Takes a unit out of service; the server refuses (with what blocks it) while it still has work or people. */
export const RETIRE_ORG_UNIT = `mutation RetireOrgUnit($input: RetireOrgUnitInput!) {
  retireOrgUnit(input: $input) { orgUnit { id version retiredAt } }
}`;
