import { graphql } from '../gql/gql.ts';

/** The viewer's roles with their units (a grid worker verifies in the grid's parent, where the compounds are). */
export const VERIFIER_UNITS = graphql(`
  query VerifierUnits {
    me { id roles { role orgUnit { id name nameZh kind parent { id name nameZh } } } }
  }
`);

export const PENDING_RESIDENTS = graphql(`
  query PanelPendingResidents($orgUnitId: ID!, $first: Int) {
    pendingResidents(orgUnitId: $orgUnitId, first: $first) {
      totalCount
      nodes { id displayName phone address compound { id name nameZh } registeredAt }
    }
  }
`);

export const VERIFY_RESIDENT = graphql(`
  mutation PanelVerifyResident($input: VerifyResidentInput!) {
    verifyResident(input: $input) { person { id displayName verification } }
  }
`);
