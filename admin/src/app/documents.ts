/**
 * Everything the residents' and members' app asks the API, as typed documents (`npm run codegen` writes their
 * types into src/gql/). Only operations of the schema: contract/app.graphql, wishes, activities and points.
 */
import { graphql } from '../gql/gql.ts';

export const APP_LOGIN = graphql(`
  mutation AppLogin($username: String!, $password: String!) {
    login(username: $username, password: $password) { token user { id displayName roles { role orgUnit { id name } } } }
  }
`);

export const APP_ME = graphql(`
  query AppMe { me { id displayName verification address compound { id name nameZh } roles { role orgUnit { id name nameZh } } } }
`);

export const APP_REGISTER = graphql(`
  mutation AppRegisterResident($input: RegisterResidentInput!) {
    registerResident(input: $input) { person { id displayName verification } }
  }
`);

export const APP_UNITS_PUBLIC = graphql(`
  query AppRegisterUnits($unit: ID!) { publicBoard(orgUnitId: $unit) { unit { id name nameZh } branches { unit { id name nameZh } } } }
`);

export const APP_SET_LANGUAGE = graphql(`
  mutation AppSetLanguage($language: Language!) { setMyLanguage(language: $language) { id } }
`);

export const APP_CATEGORIES = graphql(`
  query AppCategories { wishCategories { id code name nameZh active sortOrder } }
`);

export const APP_MY_WISHES = graphql(`
  query AppMyWishes($first: Int) {
    wishes(filter: { mine: true }, first: $first) {
      totalCount
      edges { node { id title status createdAt dueAt overdue rating address category { code name nameZh } } }
    }
  }
`);

export const APP_WISH = graphql(`
  query AppWish($id: ID!) {
    wish(id: $id) {
      id title description status address createdAt dueAt overdue rating ratingComment version
      availableActions
      category { code name nameZh }
      compound { id name nameZh }
      resident { id displayName }
      assignees { id displayName }
      photos { id stage url thumbnailUrl }
      events { sequence action fromStatus toStatus at note actor { id displayName } }
    }
  }
`);

export const APP_SUBMIT_WISH = graphql(`
  mutation AppSubmitWish($input: SubmitWishInput!) { submitWish(input: $input) { wish { id status } } }
`);

export const APP_EVALUATE = graphql(`
  mutation AppEvaluateWish($input: EvaluateWishInput!) { evaluateWish(input: $input) { wish { id status rating ratingComment } } }
`);

export const APP_CANCEL = graphql(`
  mutation AppCancelWish($input: CancelWishInput!) { cancelWish(input: $input) { wish { id status } } }
`);

export const APP_CLAIM = graphql(`
  mutation AppClaimWish($input: ClaimWishInput!) { claimWish(input: $input) { wish { id status } } }
`);

export const APP_ACCEPT = graphql(`
  mutation AppAcceptWish($input: AcceptWishInput!) { acceptWish(input: $input) { wish { id status } } }
`);

export const APP_DECLINE = graphql(`
  mutation AppDeclineWish($input: DeclineWishInput!) { declineWish(input: $input) { wish { id status } } }
`);

export const APP_RESOLVE = graphql(`
  mutation AppResolveWish($input: ResolveWishInput!) { resolveWish(input: $input) { wish { id status } } }
`);

export const APP_MY_ORDERS = graphql(`
  query AppMyOrders($first: Int) {
    wishes(filter: { mine: true, status: [DISPATCHED, ACCEPTED] }, first: $first) {
      totalCount
      edges { node { id title status dueAt overdue address category { code name nameZh } compound { id name nameZh } } }
    }
  }
`);

export const APP_OPEN_POOL = graphql(`
  query AppOpenPool($first: Int) {
    wishes(filter: { status: [OPEN_FOR_CLAIM] }, first: $first) {
      totalCount
      edges { node { id title status dueAt category { code name nameZh } compound { id name nameZh } } }
    }
  }
`);

export const APP_ACTIVITIES = graphql(`
  query AppActivities($year: Int!, $from: DateTime!) {
    monthlyThemes(year: $year) { id month title description brand { name nameZh } }
    activities(filter: { from: $from }, first: 50) {
      edges {
        node {
          id title description place startsAt endsAt capacity placesLeft signedUpCount status mySignUp pointsPerParticipant
          organizer { id name nameZh }
        }
      }
    }
  }
`);

export const APP_SIGN_UP = graphql(`
  mutation AppSignUp($input: SignUpForActivityInput!) { signUpForActivity(input: $input) { activity { id mySignUp placesLeft signedUpCount } } }
`);

export const APP_CANCEL_SIGN_UP = graphql(`
  mutation AppCancelSignUp($input: CancelActivitySignUpInput!) {
    cancelActivitySignUp(input: $input) { activity { id mySignUp placesLeft signedUpCount } }
  }
`);

export const APP_POINTS = graphql(`
  query AppPoints($year: Int!) {
    me { id points(year: $year) { year basic positive deductions total entries { id kind amount reason at } } }
  }
`);

export const APP_RANKING = graphql(`
  query AppRanking($unit: ID!, $year: Int!) { pointRanking(orgUnitId: $unit, year: $year, first: 100) { rank total member { id } } }
`);

export const APP_NOTIFICATIONS = graphql(`
  query AppNotifications($first: Int) {
    myNotifications(first: $first) { unreadCount nodes { id kind title body at readAt wish { id } activity { id } } }
  }
`);

export const APP_MARK_READ = graphql(`
  mutation AppMarkRead($ids: [ID!]) { markNotificationsRead(ids: $ids) { unreadCount } }
`);

export const APP_NOTIFICATIONS_LIVE = graphql(`
  subscription AppNotificationsLive { notifications { id kind title body at wish { id status } } }
`);

export const APP_WISH_EVENTS = graphql(`
  subscription AppWishEvents($afterSequence: Int) {
    wishEvents(afterSequence: $afterSequence) { sequence action toStatus at wish { id status } }
  }
`);
