import { mutation, pick, resourceQueries, updateMutation } from '../data/resource-queries.ts';
import { graphql } from '../gql/gql.ts';

export const CommitteeRow = graphql(`
  fragment CommitteeRow on PropertyCommittee {
    id name foundedOn serviceMode companyName partyOrganization status dissolvedOn memberCount version
    compound { id kind name nameZh parent { id name nameZh } } chair { id displayName }
  }
`);

export const CommitteeDetail = graphql(`
  fragment CommitteeDetail on PropertyCommittee {
    notes createdAt updatedAt
    members { id role isPartyMember joinedOn person { id displayName username phone } }
  }
`);

const EDITABLE = ['name', 'foundedOn', 'serviceMode', 'partyOrganization', 'notes'] as const;

export default resourceQueries({
  listField: 'propertyCommitteeList',
  oneField: 'propertyCommittee',
  filterType: 'PropertyCommitteeListFilter',
  row: CommitteeRow,
  detail: CommitteeDetail,
  toFilter: (f) => pick(f, ['ids', 'q', 'compoundId', 'communityId', 'status', 'serviceMode']),
  create: mutation({
    field: 'createPropertyCommittee',
    resultKey: 'propertyCommittee',
    fragments: [CommitteeRow],
    toInput: (d) => ({
      ...pick(d, ['compoundId', ...EDITABLE]),
      // The company is for PROFESSIONAL_COMPANY only (refused otherwise).
      ...(d.serviceMode === 'PROFESSIONAL_COMPANY' ? pick(d, ['companyName']) : {}),
    }),
  }),
  update: updateMutation({
    field: 'updatePropertyCommittee',
    resultKey: 'propertyCommittee',
    fragments: [CommitteeRow, CommitteeDetail],
    idKey: 'committeeId',
    // Leaving PROFESSIONAL_COMPANY clears the company on the server: it is sent only for that mode.
    editable: (d) => (d.serviceMode === 'PROFESSIONAL_COMPANY' ? [...EDITABLE, 'companyName'] : EDITABLE),
  }),
});

export const DISSOLVE_COMMITTEE = graphql(`
  mutation DissolvePropertyCommittee($input: DissolvePropertyCommitteeInput!) {
    dissolvePropertyCommittee(input: $input) { propertyCommittee { id status dissolvedOn version } }
  }
`);

/** What a change of members updates on the committee's page. */
export const CommitteeMembership = graphql(`
  fragment CommitteeMembership on PropertyCommittee { id version memberCount chair { id displayName } members { id role } }
`);

export const ADD_MEMBER = graphql(`
  mutation AddPropertyCommitteeMember($input: AddPropertyCommitteeMemberInput!) {
    addPropertyCommitteeMember(input: $input) { propertyCommittee { ...CommitteeMembership } }
  }
`);

export const UPDATE_MEMBER = graphql(`
  mutation UpdatePropertyCommitteeMember($input: UpdatePropertyCommitteeMemberInput!) {
    updatePropertyCommitteeMember(input: $input) { propertyCommittee { ...CommitteeMembership } }
  }
`);

export const REMOVE_MEMBER = graphql(`
  mutation RemovePropertyCommitteeMember($input: RemovePropertyCommitteeMemberInput!) {
    removePropertyCommitteeMember(input: $input) { propertyCommittee { ...CommitteeMembership } }
  }
`);
