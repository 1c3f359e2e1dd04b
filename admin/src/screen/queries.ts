/**
 * Everything the board asks the API. Only statuses, titles, categories, units, counts and public
 * activity details — never a person, a description, a note or an actor (the server masks them for
 * DISPLAY accounts anyway; the board does not even ask).
 */

export const LOGIN = /* GraphQL */ `
  mutation ScreenLogin($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      user {
        roles {
          role
          orgUnit {
            id
          }
        }
      }
    }
  }
`;

/** The unit a screen account is attached to, for a board opened without a unit in its address. */
export const MY_UNITS = /* GraphQL */ `
  query ScreenUnits {
    me {
      roles {
        role
        orgUnit {
          id
        }
      }
    }
  }
`;

/** A unit and its ancestors up to the street (street → community → compound → grid: three levels up). */
export const UNIT_CHAIN = /* GraphQL */ `
  query ScreenUnitChain($unit: ID!) {
    orgUnit(id: $unit) {
      id
      parent {
        id
        parent {
          id
          parent {
            id
          }
        }
      }
    }
  }
`;

const STATS =
  'transitions { status count } byStatus { status count } total overdue averageRating ratedCount reopenedShare';

/** The figures, themes and activities: re-read after events, reconnects, every few minutes and at midnight. */
export const BOARD = /* GraphQL */ `
  query ScreenBoard(
    $unit: ID!
    $todayFrom: DateTime!
    $todayTo: DateTime!
    $weekFrom: DateTime!
    $weekTo: DateTime!
    $monthFrom: DateTime!
    $monthTo: DateTime!
    $year: Int!
  ) {
    orgUnit(id: $unit) {
      name
      nameZh
    }
    today: wishStats(orgUnitId: $unit, from: $todayFrom, to: $todayTo) { ${STATS} }
    week: wishStats(orgUnitId: $unit, from: $weekFrom, to: $weekTo) { ${STATS} }
    month: wishStats(orgUnitId: $unit, from: $monthFrom, to: $monthTo) { ${STATS} }
    monthlyThemes(year: $year) {
      month
      title
      brand {
        name
        nameZh
      }
    }
    activities(filter: { orgUnitId: $unit, upcoming: true }, first: 5) {
      edges {
        node {
          id
          title
          startsAt
          place
          capacity
          signedUpCount
          organizer {
            name
            nameZh
          }
        }
      }
    }
  }
`;

const EVENT =
  'sequence action fromStatus toStatus at wish { title status category { name nameZh } compound { name nameZh } }';

export const RECENT_EVENTS = /* GraphQL */ `
  query ScreenRecentEvents($unit: ID!, $last: Int!) {
    recentWishEvents(orgUnitId: $unit, last: $last) { ${EVENT} }
  }
`;

export const WISH_EVENTS = /* GraphQL */ `
  subscription ScreenWishEvents($unit: ID!, $afterSequence: Int) {
    wishEvents(orgUnitId: $unit, afterSequence: $afterSequence) { ${EVENT} }
  }
`;
