import { changed, mutation, pick, resourceQueries } from '../data/resource-queries.ts';

export const COMMITTEE_ROW_FIELDS = `id name foundedOn serviceMode companyName partyOrganization status dissolvedOn
  memberCount version compound { id kind name nameZh parent { id name nameZh } } chair { id displayName }`;

export const COMMITTEE_DETAIL_FIELDS = `notes createdAt updatedAt
  members { id role isPartyMember joinedOn person { id displayName username phone } }`;

const EDITABLE = ['name', 'foundedOn', 'serviceMode', 'partyOrganization', 'notes'] as const;

export default resourceQueries({
  listField: 'propertyCommitteeList',
  oneField: 'propertyCommittee',
  filterType: 'PropertyCommitteeListFilter',
  fields: COMMITTEE_ROW_FIELDS,
  detailFields: COMMITTEE_DETAIL_FIELDS,
  toFilter: (f) => pick(f, ['ids', 'q', 'compoundId', 'communityId', 'status', 'serviceMode']),
  create: mutation({
    field: 'createPropertyCommittee',
    inputType: 'CreatePropertyCommitteeInput',
    resultKey: 'propertyCommittee',
    fields: COMMITTEE_ROW_FIELDS,
    toInput: (d) => ({
      ...pick(d, ['compoundId', ...EDITABLE]),
      // The company is for PROFESSIONAL_COMPANY only (refused otherwise).
      ...(d.serviceMode === 'PROFESSIONAL_COMPANY' ? pick(d, ['companyName']) : {}),
    }),
  }),
  update: mutation({
    field: 'updatePropertyCommittee',
    inputType: 'UpdatePropertyCommitteeInput',
    resultKey: 'propertyCommittee',
    fields: `${COMMITTEE_ROW_FIELDS} ${COMMITTEE_DETAIL_FIELDS}`,
    toInput: (d, id, previous) => ({
      committeeId: id,
      ...(typeof previous?.version === 'number' ? { expectedVersion: previous.version } : {}),
      // Leaving PROFESSIONAL_COMPANY clears the company on the server: it is sent only for that mode.
      ...changed(d, previous, d.serviceMode === 'PROFESSIONAL_COMPANY' ? [...EDITABLE, 'companyName'] : EDITABLE),
    }),
  }),
});

export const DISSOLVE_COMMITTEE = `mutation DissolvePropertyCommittee($input: DissolvePropertyCommitteeInput!) {
  dissolvePropertyCommittee(input: $input) { propertyCommittee { id status dissolvedOn version } }
}`;

const MEMBERS = 'propertyCommittee { id version memberCount chair { id displayName } members { id role } }';

export const ADD_MEMBER = `mutation AddPropertyCommitteeMember($input: AddPropertyCommitteeMemberInput!) {
  addPropertyCommitteeMember(input: $input) { ${MEMBERS} }
}`;

export const UPDATE_MEMBER = `mutation UpdatePropertyCommitteeMember($input: UpdatePropertyCommitteeMemberInput!) {
  updatePropertyCommitteeMember(input: $input) { ${MEMBERS} }
}`;

export const REMOVE_MEMBER = `mutation RemovePropertyCommitteeMember($input: RemovePropertyCommitteeMemberInput!) {
  removePropertyCommitteeMember(input: $input) { ${MEMBERS} }
}`;
