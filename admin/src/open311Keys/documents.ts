import { graphql } from '../gql/gql.ts';

export const OPEN311_KEYS = graphql(`
  query Open311Keys {
    open311Keys { id label channel hint issuedAt lastUsedAt revokedAt active issuedBy { id displayName } }
  }
`);

export const ISSUE_OPEN311_KEY = graphql(`
  mutation IssueOpen311Key($input: IssueOpen311KeyInput!) {
    issueOpen311Key(input: $input) { apiKey key { id label } }
  }
`);

export const REVOKE_OPEN311_KEY = graphql(`
  mutation RevokeOpen311Key($input: RevokeOpen311KeyInput!) {
    revokeOpen311Key(input: $input) { key { id active revokedAt } }
  }
`);
