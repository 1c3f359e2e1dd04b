/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ActivityRow on Activity {\n    id title place startsAt endsAt capacity pointsPerParticipant status\n    signedUpCount checkedInCount placesLeft canManage canRecordCheckIns version\n    theme { id year month title } organizer { id name nameZh kind }\n  }\n": typeof types.ActivityRowFragmentDoc,
    "\n  fragment ActivityPeople on Activity {\n    id status capacity signedUpCount checkedInCount placesLeft\n    signUps { person { id displayName } status signedUpAt cancelledAt checkedIn }\n    checkIns { person { id displayName } hours walkIn at recordedBy { id displayName } }\n  }\n": typeof types.ActivityPeopleFragmentDoc,
    "\n  fragment ActivityDetail on Activity { description createdAt updatedAt ...ActivityPeople }\n": typeof types.ActivityDetailFragmentDoc,
    "\n  subscription ActivitySignUps($activityId: ID!) { activitySignUps(activityId: $activityId) { ...ActivityPeople } }\n": typeof types.ActivitySignUpsDocument,
    "\n  mutation CancelActivity($input: CancelActivityInput!) { cancelActivity(input: $input) { activity { id status version } } }\n": typeof types.CancelActivityDocument,
    "\n  mutation FinishActivity($input: FinishActivityInput!) { finishActivity(input: $input) { activity { id status version } } }\n": typeof types.FinishActivityDocument,
    "\n  mutation CheckInToActivity($input: CheckInToActivityInput!) {\n    checkInToActivity(input: $input) { activity { id checkedInCount signedUpCount placesLeft } }\n  }\n": typeof types.CheckInToActivityDocument,
    "\n  mutation AppLogin($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token user { id displayName roles { role orgUnit { id name } } } }\n  }\n": typeof types.AppLoginDocument,
    "\n  query AppMe { me { id displayName verification address compound { id name nameZh } roles { role orgUnit { id name nameZh } } } }\n": typeof types.AppMeDocument,
    "\n  mutation AppRegisterResident($input: RegisterResidentInput!) {\n    registerResident(input: $input) { person { id displayName verification } }\n  }\n": typeof types.AppRegisterResidentDocument,
    "\n  query AppRegisterUnits($unit: ID!) { publicBoard(orgUnitId: $unit) { unit { id name nameZh } branches { unit { id name nameZh } } } }\n": typeof types.AppRegisterUnitsDocument,
    "\n  mutation AppSetLanguage($language: Language!) { setMyLanguage(language: $language) { id } }\n": typeof types.AppSetLanguageDocument,
    "\n  query AppCategories { wishCategories { id code name nameZh active sortOrder } }\n": typeof types.AppCategoriesDocument,
    "\n  query AppMyWishes($first: Int) {\n    wishes(filter: { mine: true }, first: $first) {\n      totalCount\n      edges { node { id title status createdAt dueAt overdue rating address category { code name nameZh } } }\n    }\n  }\n": typeof types.AppMyWishesDocument,
    "\n  query AppWish($id: ID!) {\n    wish(id: $id) {\n      id title description status address createdAt dueAt overdue rating ratingComment version\n      availableActions\n      category { code name nameZh }\n      compound { id name nameZh }\n      resident { id displayName }\n      assignees { id displayName }\n      photos { id stage url thumbnailUrl }\n      events { sequence action fromStatus toStatus at note actor { id displayName } }\n    }\n  }\n": typeof types.AppWishDocument,
    "\n  mutation AppSubmitWish($input: SubmitWishInput!) { submitWish(input: $input) { wish { id status } } }\n": typeof types.AppSubmitWishDocument,
    "\n  mutation AppEvaluateWish($input: EvaluateWishInput!) { evaluateWish(input: $input) { wish { id status rating ratingComment } } }\n": typeof types.AppEvaluateWishDocument,
    "\n  mutation AppCancelWish($input: CancelWishInput!) { cancelWish(input: $input) { wish { id status } } }\n": typeof types.AppCancelWishDocument,
    "\n  mutation AppClaimWish($input: ClaimWishInput!) { claimWish(input: $input) { wish { id status } } }\n": typeof types.AppClaimWishDocument,
    "\n  mutation AppAcceptWish($input: AcceptWishInput!) { acceptWish(input: $input) { wish { id status } } }\n": typeof types.AppAcceptWishDocument,
    "\n  mutation AppDeclineWish($input: DeclineWishInput!) { declineWish(input: $input) { wish { id status } } }\n": typeof types.AppDeclineWishDocument,
    "\n  mutation AppResolveWish($input: ResolveWishInput!) { resolveWish(input: $input) { wish { id status } } }\n": typeof types.AppResolveWishDocument,
    "\n  query AppMyOrders($first: Int) {\n    wishes(filter: { mine: true, status: [DISPATCHED, ACCEPTED] }, first: $first) {\n      totalCount\n      edges { node { id title status dueAt overdue address category { code name nameZh } compound { id name nameZh } } }\n    }\n  }\n": typeof types.AppMyOrdersDocument,
    "\n  query AppOpenPool($first: Int) {\n    wishes(filter: { status: [OPEN_FOR_CLAIM] }, first: $first) {\n      totalCount\n      edges { node { id title status dueAt category { code name nameZh } compound { id name nameZh } } }\n    }\n  }\n": typeof types.AppOpenPoolDocument,
    "\n  query AppActivities($year: Int!, $from: DateTime!) {\n    monthlyThemes(year: $year) { id month title description brand { name nameZh } }\n    activities(filter: { from: $from }, first: 50) {\n      edges {\n        node {\n          id title description place startsAt endsAt capacity placesLeft signedUpCount status mySignUp pointsPerParticipant\n          organizer { id name nameZh }\n        }\n      }\n    }\n  }\n": typeof types.AppActivitiesDocument,
    "\n  mutation AppSignUp($input: SignUpForActivityInput!) { signUpForActivity(input: $input) { activity { id mySignUp placesLeft signedUpCount } } }\n": typeof types.AppSignUpDocument,
    "\n  mutation AppCancelSignUp($input: CancelActivitySignUpInput!) {\n    cancelActivitySignUp(input: $input) { activity { id mySignUp placesLeft signedUpCount } }\n  }\n": typeof types.AppCancelSignUpDocument,
    "\n  query AppPoints($year: Int!) {\n    me { id points(year: $year) { year basic positive deductions total entries { id kind amount reason at } } }\n  }\n": typeof types.AppPointsDocument,
    "\n  query AppRanking($unit: ID!, $year: Int!) { pointRanking(orgUnitId: $unit, year: $year, first: 100) { rank total member { id } } }\n": typeof types.AppRankingDocument,
    "\n  query AppNotifications($first: Int) {\n    myNotifications(first: $first) { unreadCount nodes { id kind title body at readAt wish { id } activity { id } } }\n  }\n": typeof types.AppNotificationsDocument,
    "\n  mutation AppMarkRead($ids: [ID!]) { markNotificationsRead(ids: $ids) { unreadCount } }\n": typeof types.AppMarkReadDocument,
    "\n  subscription AppNotificationsLive { notifications { id kind title body at wish { id status } } }\n": typeof types.AppNotificationsLiveDocument,
    "\n  subscription AppWishEvents($afterSequence: Int) {\n    wishEvents(afterSequence: $afterSequence) { sequence action toStatus at wish { id status } }\n  }\n": typeof types.AppWishEventsDocument,
    "\n    mutation Login($username: String!, $password: String!) {\n      login(username: $username, password: $password) { token user { id displayName roles { role orgUnit { id name } } } }\n    }\n  ": typeof types.LoginDocument,
    "\n  subscription LiveWishEvents { wishEvents { sequence action fromStatus toStatus at wish { id title status } } }\n": typeof types.LiveWishEventsDocument,
    "\n  fragment MonthlyThemeRow on MonthlyTheme {\n    id year month title version updatedAt brand { id code name nameZh }\n    activities { id title startsAt status }\n  }\n": typeof types.MonthlyThemeRowFragmentDoc,
    "\n  fragment MonthlyThemeDetail on MonthlyTheme {\n    description goals createdAt\n    activities { id title place startsAt endsAt status capacity signedUpCount checkedInCount organizer { id name nameZh } }\n  }\n": typeof types.MonthlyThemeDetailFragmentDoc,
    "\n  query Open311Keys {\n    open311Keys { id label channel hint issuedAt lastUsedAt revokedAt active issuedBy { id displayName } }\n  }\n": typeof types.Open311KeysDocument,
    "\n  mutation IssueOpen311Key($input: IssueOpen311KeyInput!) {\n    issueOpen311Key(input: $input) { apiKey key { id label } }\n  }\n": typeof types.IssueOpen311KeyDocument,
    "\n  mutation RevokeOpen311Key($input: RevokeOpen311KeyInput!) {\n    revokeOpen311Key(input: $input) { key { id active revokedAt } }\n  }\n": typeof types.RevokeOpen311KeyDocument,
    "\n  fragment OrgUnitRow on OrgUnit {\n    id kind name nameZh population households hasPropertyManagement propertyStatus\n    partyOrganization retiredAt version parent { id kind name nameZh } children { id }\n  }\n": typeof types.OrgUnitRowFragmentDoc,
    "\n  fragment OrgUnitDetail on OrgUnit {\n    description createdAt updatedAt\n    children { id kind name nameZh population households propertyStatus retiredAt }\n    propertyCommittee { id name serviceMode companyName memberCount chair { id displayName } }\n  }\n": typeof types.OrgUnitDetailFragmentDoc,
    "\n  mutation MoveOrgUnit($input: MoveOrgUnitInput!) {\n    moveOrgUnit(input: $input) { orgUnit { id version parent { id name nameZh } } }\n  }\n": typeof types.MoveOrgUnitDocument,
    "\n  mutation RetireOrgUnit($input: RetireOrgUnitInput!) {\n    retireOrgUnit(input: $input) { orgUnit { id version retiredAt } }\n  }\n": typeof types.RetireOrgUnitDocument,
    "\n  query VerifierUnits {\n    me { id roles { role orgUnit { id name nameZh kind parent { id name nameZh } } } }\n  }\n": typeof types.VerifierUnitsDocument,
    "\n  query PanelPendingResidents($orgUnitId: ID!, $first: Int) {\n    pendingResidents(orgUnitId: $orgUnitId, first: $first) {\n      totalCount\n      nodes { id displayName phone address compound { id name nameZh } registeredAt }\n    }\n  }\n": typeof types.PanelPendingResidentsDocument,
    "\n  mutation PanelVerifyResident($input: VerifyResidentInput!) {\n    verifyResident(input: $input) { person { id displayName verification } }\n  }\n": typeof types.PanelVerifyResidentDocument,
    "\n  fragment PersonRow on Person {\n    id displayName username phone active createdAt\n    roles { role orgUnit { id kind name nameZh parent { id name nameZh } } }\n  }\n": typeof types.PersonRowFragmentDoc,
    "\n  mutation GrantRole($input: GrantRoleInput!) { grantRole(input: $input) { person { id roles { role orgUnit { id } } } } }\n": typeof types.GrantRoleDocument,
    "\n  mutation RevokeRole($input: RevokeRoleInput!) { revokeRole(input: $input) { person { id roles { role orgUnit { id } } } } }\n": typeof types.RevokeRoleDocument,
    "\n  mutation DeactivatePerson($input: DeactivatePersonInput!) { deactivatePerson(input: $input) { person { id active } } }\n": typeof types.DeactivatePersonDocument,
    "\n  mutation ReactivatePerson($input: ReactivatePersonInput!) { reactivatePerson(input: $input) { person { id active } } }\n": typeof types.ReactivatePersonDocument,
    "\n  fragment PointEntryRow on PointEntry {\n    id kind amount reason at year sourceType sourceKey reverses\n    rule { id code name nameZh } member { id displayName } recordedBy { id displayName }\n  }\n": typeof types.PointEntryRowFragmentDoc,
    "\n  mutation CorrectPointEntry($input: CorrectPointEntryInput!) { correctPointEntry(input: $input) { entry { id } } }\n": typeof types.CorrectPointEntryDocument,
    "\n  fragment PointRuleRow on PointRule { id code name nameZh kind amount capPerYear active description version updatedAt }\n": typeof types.PointRuleRowFragmentDoc,
    "\n  fragment CommitteeRow on PropertyCommittee {\n    id name foundedOn serviceMode companyName partyOrganization status dissolvedOn memberCount version\n    compound { id kind name nameZh parent { id name nameZh } } chair { id displayName }\n  }\n": typeof types.CommitteeRowFragmentDoc,
    "\n  fragment CommitteeDetail on PropertyCommittee {\n    notes createdAt updatedAt\n    members { id role isPartyMember joinedOn person { id displayName username phone } }\n  }\n": typeof types.CommitteeDetailFragmentDoc,
    "\n  mutation DissolvePropertyCommittee($input: DissolvePropertyCommitteeInput!) {\n    dissolvePropertyCommittee(input: $input) { propertyCommittee { id status dissolvedOn version } }\n  }\n": typeof types.DissolvePropertyCommitteeDocument,
    "\n  fragment CommitteeMembership on PropertyCommittee { id version memberCount chair { id displayName } members { id role } }\n": typeof types.CommitteeMembershipFragmentDoc,
    "\n  mutation AddPropertyCommitteeMember($input: AddPropertyCommitteeMemberInput!) {\n    addPropertyCommitteeMember(input: $input) { propertyCommittee { ...CommitteeMembership } }\n  }\n": typeof types.AddPropertyCommitteeMemberDocument,
    "\n  mutation UpdatePropertyCommitteeMember($input: UpdatePropertyCommitteeMemberInput!) {\n    updatePropertyCommitteeMember(input: $input) { propertyCommittee { ...CommitteeMembership } }\n  }\n": typeof types.UpdatePropertyCommitteeMemberDocument,
    "\n  mutation RemovePropertyCommitteeMember($input: RemovePropertyCommitteeMemberInput!) {\n    removePropertyCommitteeMember(input: $input) { propertyCommittee { ...CommitteeMembership } }\n  }\n": typeof types.RemovePropertyCommitteeMemberDocument,
    "\n  fragment ServiceBrandRow on ServiceBrand { id code name nameZh nameEn description active }\n": typeof types.ServiceBrandRowFragmentDoc,
    "\n  fragment WishCategoryRow on WishCategory { id code name nameZh dueInDays defaultLevel active sortOrder }\n": typeof types.WishCategoryRowFragmentDoc,
    "\n  mutation DeactivateWishCategory($input: DeactivateWishCategoryInput!) {\n    deactivateWishCategory(input: $input) { category { id active } }\n  }\n": typeof types.DeactivateWishCategoryDocument,
    "\n  mutation ReactivateWishCategory($input: UpdateWishCategoryInput!) {\n    updateWishCategory(input: $input) { category { id active } }\n  }\n": typeof types.ReactivateWishCategoryDocument,
    "\n  mutation RecordMeeting($input: RecordMeetingInput!) { recordMeeting(input: $input) { wish { id } } }\n": typeof types.RecordMeetingDocument,
    "\n  query WishStatusCounts($filter: WishListFilter) { wishStatusCounts(filter: $filter) { status count } }\n": typeof types.WishStatusCountsDocument,
    "\n  query AssignablePeople($wishId: ID!) {\n    assignablePeople(wishId: $wishId) { id displayName roles { role orgUnit { name nameZh } } }\n  }\n": typeof types.AssignablePeopleDocument,
    "\n  query WishCategoryChoices { wishCategories { code name nameZh } }\n": typeof types.WishCategoryChoicesDocument,
    "\n  fragment WishRow on Wish {\n    id title status channel overdue rating reopenCount createdAt updatedAt dueAt address\n    category { code name nameZh } compound { id name nameZh } handlingUnit { id name nameZh kind }\n  }\n": typeof types.WishRowFragmentDoc,
    "\n  fragment WishDetail on Wish {\n    description ratingComment availableActions\n    resident { id displayName phone } listedBy { id displayName } supervisor { id displayName }\n    assignees { id displayName }\n    events { sequence action fromStatus toStatus at note actor { id displayName } }\n    meetings { id heldAt place participants decisions recordedBy { id displayName } }\n    photos { id stage url thumbnailUrl }\n  }\n": typeof types.WishDetailFragmentDoc,
};
const documents: Documents = {
    "\n  fragment ActivityRow on Activity {\n    id title place startsAt endsAt capacity pointsPerParticipant status\n    signedUpCount checkedInCount placesLeft canManage canRecordCheckIns version\n    theme { id year month title } organizer { id name nameZh kind }\n  }\n": types.ActivityRowFragmentDoc,
    "\n  fragment ActivityPeople on Activity {\n    id status capacity signedUpCount checkedInCount placesLeft\n    signUps { person { id displayName } status signedUpAt cancelledAt checkedIn }\n    checkIns { person { id displayName } hours walkIn at recordedBy { id displayName } }\n  }\n": types.ActivityPeopleFragmentDoc,
    "\n  fragment ActivityDetail on Activity { description createdAt updatedAt ...ActivityPeople }\n": types.ActivityDetailFragmentDoc,
    "\n  subscription ActivitySignUps($activityId: ID!) { activitySignUps(activityId: $activityId) { ...ActivityPeople } }\n": types.ActivitySignUpsDocument,
    "\n  mutation CancelActivity($input: CancelActivityInput!) { cancelActivity(input: $input) { activity { id status version } } }\n": types.CancelActivityDocument,
    "\n  mutation FinishActivity($input: FinishActivityInput!) { finishActivity(input: $input) { activity { id status version } } }\n": types.FinishActivityDocument,
    "\n  mutation CheckInToActivity($input: CheckInToActivityInput!) {\n    checkInToActivity(input: $input) { activity { id checkedInCount signedUpCount placesLeft } }\n  }\n": types.CheckInToActivityDocument,
    "\n  mutation AppLogin($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token user { id displayName roles { role orgUnit { id name } } } }\n  }\n": types.AppLoginDocument,
    "\n  query AppMe { me { id displayName verification address compound { id name nameZh } roles { role orgUnit { id name nameZh } } } }\n": types.AppMeDocument,
    "\n  mutation AppRegisterResident($input: RegisterResidentInput!) {\n    registerResident(input: $input) { person { id displayName verification } }\n  }\n": types.AppRegisterResidentDocument,
    "\n  query AppRegisterUnits($unit: ID!) { publicBoard(orgUnitId: $unit) { unit { id name nameZh } branches { unit { id name nameZh } } } }\n": types.AppRegisterUnitsDocument,
    "\n  mutation AppSetLanguage($language: Language!) { setMyLanguage(language: $language) { id } }\n": types.AppSetLanguageDocument,
    "\n  query AppCategories { wishCategories { id code name nameZh active sortOrder } }\n": types.AppCategoriesDocument,
    "\n  query AppMyWishes($first: Int) {\n    wishes(filter: { mine: true }, first: $first) {\n      totalCount\n      edges { node { id title status createdAt dueAt overdue rating address category { code name nameZh } } }\n    }\n  }\n": types.AppMyWishesDocument,
    "\n  query AppWish($id: ID!) {\n    wish(id: $id) {\n      id title description status address createdAt dueAt overdue rating ratingComment version\n      availableActions\n      category { code name nameZh }\n      compound { id name nameZh }\n      resident { id displayName }\n      assignees { id displayName }\n      photos { id stage url thumbnailUrl }\n      events { sequence action fromStatus toStatus at note actor { id displayName } }\n    }\n  }\n": types.AppWishDocument,
    "\n  mutation AppSubmitWish($input: SubmitWishInput!) { submitWish(input: $input) { wish { id status } } }\n": types.AppSubmitWishDocument,
    "\n  mutation AppEvaluateWish($input: EvaluateWishInput!) { evaluateWish(input: $input) { wish { id status rating ratingComment } } }\n": types.AppEvaluateWishDocument,
    "\n  mutation AppCancelWish($input: CancelWishInput!) { cancelWish(input: $input) { wish { id status } } }\n": types.AppCancelWishDocument,
    "\n  mutation AppClaimWish($input: ClaimWishInput!) { claimWish(input: $input) { wish { id status } } }\n": types.AppClaimWishDocument,
    "\n  mutation AppAcceptWish($input: AcceptWishInput!) { acceptWish(input: $input) { wish { id status } } }\n": types.AppAcceptWishDocument,
    "\n  mutation AppDeclineWish($input: DeclineWishInput!) { declineWish(input: $input) { wish { id status } } }\n": types.AppDeclineWishDocument,
    "\n  mutation AppResolveWish($input: ResolveWishInput!) { resolveWish(input: $input) { wish { id status } } }\n": types.AppResolveWishDocument,
    "\n  query AppMyOrders($first: Int) {\n    wishes(filter: { mine: true, status: [DISPATCHED, ACCEPTED] }, first: $first) {\n      totalCount\n      edges { node { id title status dueAt overdue address category { code name nameZh } compound { id name nameZh } } }\n    }\n  }\n": types.AppMyOrdersDocument,
    "\n  query AppOpenPool($first: Int) {\n    wishes(filter: { status: [OPEN_FOR_CLAIM] }, first: $first) {\n      totalCount\n      edges { node { id title status dueAt category { code name nameZh } compound { id name nameZh } } }\n    }\n  }\n": types.AppOpenPoolDocument,
    "\n  query AppActivities($year: Int!, $from: DateTime!) {\n    monthlyThemes(year: $year) { id month title description brand { name nameZh } }\n    activities(filter: { from: $from }, first: 50) {\n      edges {\n        node {\n          id title description place startsAt endsAt capacity placesLeft signedUpCount status mySignUp pointsPerParticipant\n          organizer { id name nameZh }\n        }\n      }\n    }\n  }\n": types.AppActivitiesDocument,
    "\n  mutation AppSignUp($input: SignUpForActivityInput!) { signUpForActivity(input: $input) { activity { id mySignUp placesLeft signedUpCount } } }\n": types.AppSignUpDocument,
    "\n  mutation AppCancelSignUp($input: CancelActivitySignUpInput!) {\n    cancelActivitySignUp(input: $input) { activity { id mySignUp placesLeft signedUpCount } }\n  }\n": types.AppCancelSignUpDocument,
    "\n  query AppPoints($year: Int!) {\n    me { id points(year: $year) { year basic positive deductions total entries { id kind amount reason at } } }\n  }\n": types.AppPointsDocument,
    "\n  query AppRanking($unit: ID!, $year: Int!) { pointRanking(orgUnitId: $unit, year: $year, first: 100) { rank total member { id } } }\n": types.AppRankingDocument,
    "\n  query AppNotifications($first: Int) {\n    myNotifications(first: $first) { unreadCount nodes { id kind title body at readAt wish { id } activity { id } } }\n  }\n": types.AppNotificationsDocument,
    "\n  mutation AppMarkRead($ids: [ID!]) { markNotificationsRead(ids: $ids) { unreadCount } }\n": types.AppMarkReadDocument,
    "\n  subscription AppNotificationsLive { notifications { id kind title body at wish { id status } } }\n": types.AppNotificationsLiveDocument,
    "\n  subscription AppWishEvents($afterSequence: Int) {\n    wishEvents(afterSequence: $afterSequence) { sequence action toStatus at wish { id status } }\n  }\n": types.AppWishEventsDocument,
    "\n    mutation Login($username: String!, $password: String!) {\n      login(username: $username, password: $password) { token user { id displayName roles { role orgUnit { id name } } } }\n    }\n  ": types.LoginDocument,
    "\n  subscription LiveWishEvents { wishEvents { sequence action fromStatus toStatus at wish { id title status } } }\n": types.LiveWishEventsDocument,
    "\n  fragment MonthlyThemeRow on MonthlyTheme {\n    id year month title version updatedAt brand { id code name nameZh }\n    activities { id title startsAt status }\n  }\n": types.MonthlyThemeRowFragmentDoc,
    "\n  fragment MonthlyThemeDetail on MonthlyTheme {\n    description goals createdAt\n    activities { id title place startsAt endsAt status capacity signedUpCount checkedInCount organizer { id name nameZh } }\n  }\n": types.MonthlyThemeDetailFragmentDoc,
    "\n  query Open311Keys {\n    open311Keys { id label channel hint issuedAt lastUsedAt revokedAt active issuedBy { id displayName } }\n  }\n": types.Open311KeysDocument,
    "\n  mutation IssueOpen311Key($input: IssueOpen311KeyInput!) {\n    issueOpen311Key(input: $input) { apiKey key { id label } }\n  }\n": types.IssueOpen311KeyDocument,
    "\n  mutation RevokeOpen311Key($input: RevokeOpen311KeyInput!) {\n    revokeOpen311Key(input: $input) { key { id active revokedAt } }\n  }\n": types.RevokeOpen311KeyDocument,
    "\n  fragment OrgUnitRow on OrgUnit {\n    id kind name nameZh population households hasPropertyManagement propertyStatus\n    partyOrganization retiredAt version parent { id kind name nameZh } children { id }\n  }\n": types.OrgUnitRowFragmentDoc,
    "\n  fragment OrgUnitDetail on OrgUnit {\n    description createdAt updatedAt\n    children { id kind name nameZh population households propertyStatus retiredAt }\n    propertyCommittee { id name serviceMode companyName memberCount chair { id displayName } }\n  }\n": types.OrgUnitDetailFragmentDoc,
    "\n  mutation MoveOrgUnit($input: MoveOrgUnitInput!) {\n    moveOrgUnit(input: $input) { orgUnit { id version parent { id name nameZh } } }\n  }\n": types.MoveOrgUnitDocument,
    "\n  mutation RetireOrgUnit($input: RetireOrgUnitInput!) {\n    retireOrgUnit(input: $input) { orgUnit { id version retiredAt } }\n  }\n": types.RetireOrgUnitDocument,
    "\n  query VerifierUnits {\n    me { id roles { role orgUnit { id name nameZh kind parent { id name nameZh } } } }\n  }\n": types.VerifierUnitsDocument,
    "\n  query PanelPendingResidents($orgUnitId: ID!, $first: Int) {\n    pendingResidents(orgUnitId: $orgUnitId, first: $first) {\n      totalCount\n      nodes { id displayName phone address compound { id name nameZh } registeredAt }\n    }\n  }\n": types.PanelPendingResidentsDocument,
    "\n  mutation PanelVerifyResident($input: VerifyResidentInput!) {\n    verifyResident(input: $input) { person { id displayName verification } }\n  }\n": types.PanelVerifyResidentDocument,
    "\n  fragment PersonRow on Person {\n    id displayName username phone active createdAt\n    roles { role orgUnit { id kind name nameZh parent { id name nameZh } } }\n  }\n": types.PersonRowFragmentDoc,
    "\n  mutation GrantRole($input: GrantRoleInput!) { grantRole(input: $input) { person { id roles { role orgUnit { id } } } } }\n": types.GrantRoleDocument,
    "\n  mutation RevokeRole($input: RevokeRoleInput!) { revokeRole(input: $input) { person { id roles { role orgUnit { id } } } } }\n": types.RevokeRoleDocument,
    "\n  mutation DeactivatePerson($input: DeactivatePersonInput!) { deactivatePerson(input: $input) { person { id active } } }\n": types.DeactivatePersonDocument,
    "\n  mutation ReactivatePerson($input: ReactivatePersonInput!) { reactivatePerson(input: $input) { person { id active } } }\n": types.ReactivatePersonDocument,
    "\n  fragment PointEntryRow on PointEntry {\n    id kind amount reason at year sourceType sourceKey reverses\n    rule { id code name nameZh } member { id displayName } recordedBy { id displayName }\n  }\n": types.PointEntryRowFragmentDoc,
    "\n  mutation CorrectPointEntry($input: CorrectPointEntryInput!) { correctPointEntry(input: $input) { entry { id } } }\n": types.CorrectPointEntryDocument,
    "\n  fragment PointRuleRow on PointRule { id code name nameZh kind amount capPerYear active description version updatedAt }\n": types.PointRuleRowFragmentDoc,
    "\n  fragment CommitteeRow on PropertyCommittee {\n    id name foundedOn serviceMode companyName partyOrganization status dissolvedOn memberCount version\n    compound { id kind name nameZh parent { id name nameZh } } chair { id displayName }\n  }\n": types.CommitteeRowFragmentDoc,
    "\n  fragment CommitteeDetail on PropertyCommittee {\n    notes createdAt updatedAt\n    members { id role isPartyMember joinedOn person { id displayName username phone } }\n  }\n": types.CommitteeDetailFragmentDoc,
    "\n  mutation DissolvePropertyCommittee($input: DissolvePropertyCommitteeInput!) {\n    dissolvePropertyCommittee(input: $input) { propertyCommittee { id status dissolvedOn version } }\n  }\n": types.DissolvePropertyCommitteeDocument,
    "\n  fragment CommitteeMembership on PropertyCommittee { id version memberCount chair { id displayName } members { id role } }\n": types.CommitteeMembershipFragmentDoc,
    "\n  mutation AddPropertyCommitteeMember($input: AddPropertyCommitteeMemberInput!) {\n    addPropertyCommitteeMember(input: $input) { propertyCommittee { ...CommitteeMembership } }\n  }\n": types.AddPropertyCommitteeMemberDocument,
    "\n  mutation UpdatePropertyCommitteeMember($input: UpdatePropertyCommitteeMemberInput!) {\n    updatePropertyCommitteeMember(input: $input) { propertyCommittee { ...CommitteeMembership } }\n  }\n": types.UpdatePropertyCommitteeMemberDocument,
    "\n  mutation RemovePropertyCommitteeMember($input: RemovePropertyCommitteeMemberInput!) {\n    removePropertyCommitteeMember(input: $input) { propertyCommittee { ...CommitteeMembership } }\n  }\n": types.RemovePropertyCommitteeMemberDocument,
    "\n  fragment ServiceBrandRow on ServiceBrand { id code name nameZh nameEn description active }\n": types.ServiceBrandRowFragmentDoc,
    "\n  fragment WishCategoryRow on WishCategory { id code name nameZh dueInDays defaultLevel active sortOrder }\n": types.WishCategoryRowFragmentDoc,
    "\n  mutation DeactivateWishCategory($input: DeactivateWishCategoryInput!) {\n    deactivateWishCategory(input: $input) { category { id active } }\n  }\n": types.DeactivateWishCategoryDocument,
    "\n  mutation ReactivateWishCategory($input: UpdateWishCategoryInput!) {\n    updateWishCategory(input: $input) { category { id active } }\n  }\n": types.ReactivateWishCategoryDocument,
    "\n  mutation RecordMeeting($input: RecordMeetingInput!) { recordMeeting(input: $input) { wish { id } } }\n": types.RecordMeetingDocument,
    "\n  query WishStatusCounts($filter: WishListFilter) { wishStatusCounts(filter: $filter) { status count } }\n": types.WishStatusCountsDocument,
    "\n  query AssignablePeople($wishId: ID!) {\n    assignablePeople(wishId: $wishId) { id displayName roles { role orgUnit { name nameZh } } }\n  }\n": types.AssignablePeopleDocument,
    "\n  query WishCategoryChoices { wishCategories { code name nameZh } }\n": types.WishCategoryChoicesDocument,
    "\n  fragment WishRow on Wish {\n    id title status channel overdue rating reopenCount createdAt updatedAt dueAt address\n    category { code name nameZh } compound { id name nameZh } handlingUnit { id name nameZh kind }\n  }\n": types.WishRowFragmentDoc,
    "\n  fragment WishDetail on Wish {\n    description ratingComment availableActions\n    resident { id displayName phone } listedBy { id displayName } supervisor { id displayName }\n    assignees { id displayName }\n    events { sequence action fromStatus toStatus at note actor { id displayName } }\n    meetings { id heldAt place participants decisions recordedBy { id displayName } }\n    photos { id stage url thumbnailUrl }\n  }\n": types.WishDetailFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityRow on Activity {\n    id title place startsAt endsAt capacity pointsPerParticipant status\n    signedUpCount checkedInCount placesLeft canManage canRecordCheckIns version\n    theme { id year month title } organizer { id name nameZh kind }\n  }\n"): (typeof documents)["\n  fragment ActivityRow on Activity {\n    id title place startsAt endsAt capacity pointsPerParticipant status\n    signedUpCount checkedInCount placesLeft canManage canRecordCheckIns version\n    theme { id year month title } organizer { id name nameZh kind }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityPeople on Activity {\n    id status capacity signedUpCount checkedInCount placesLeft\n    signUps { person { id displayName } status signedUpAt cancelledAt checkedIn }\n    checkIns { person { id displayName } hours walkIn at recordedBy { id displayName } }\n  }\n"): (typeof documents)["\n  fragment ActivityPeople on Activity {\n    id status capacity signedUpCount checkedInCount placesLeft\n    signUps { person { id displayName } status signedUpAt cancelledAt checkedIn }\n    checkIns { person { id displayName } hours walkIn at recordedBy { id displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityDetail on Activity { description createdAt updatedAt ...ActivityPeople }\n"): (typeof documents)["\n  fragment ActivityDetail on Activity { description createdAt updatedAt ...ActivityPeople }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ActivitySignUps($activityId: ID!) { activitySignUps(activityId: $activityId) { ...ActivityPeople } }\n"): (typeof documents)["\n  subscription ActivitySignUps($activityId: ID!) { activitySignUps(activityId: $activityId) { ...ActivityPeople } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelActivity($input: CancelActivityInput!) { cancelActivity(input: $input) { activity { id status version } } }\n"): (typeof documents)["\n  mutation CancelActivity($input: CancelActivityInput!) { cancelActivity(input: $input) { activity { id status version } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishActivity($input: FinishActivityInput!) { finishActivity(input: $input) { activity { id status version } } }\n"): (typeof documents)["\n  mutation FinishActivity($input: FinishActivityInput!) { finishActivity(input: $input) { activity { id status version } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckInToActivity($input: CheckInToActivityInput!) {\n    checkInToActivity(input: $input) { activity { id checkedInCount signedUpCount placesLeft } }\n  }\n"): (typeof documents)["\n  mutation CheckInToActivity($input: CheckInToActivityInput!) {\n    checkInToActivity(input: $input) { activity { id checkedInCount signedUpCount placesLeft } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppLogin($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token user { id displayName roles { role orgUnit { id name } } } }\n  }\n"): (typeof documents)["\n  mutation AppLogin($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token user { id displayName roles { role orgUnit { id name } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppMe { me { id displayName verification address compound { id name nameZh } roles { role orgUnit { id name nameZh } } } }\n"): (typeof documents)["\n  query AppMe { me { id displayName verification address compound { id name nameZh } roles { role orgUnit { id name nameZh } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppRegisterResident($input: RegisterResidentInput!) {\n    registerResident(input: $input) { person { id displayName verification } }\n  }\n"): (typeof documents)["\n  mutation AppRegisterResident($input: RegisterResidentInput!) {\n    registerResident(input: $input) { person { id displayName verification } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppRegisterUnits($unit: ID!) { publicBoard(orgUnitId: $unit) { unit { id name nameZh } branches { unit { id name nameZh } } } }\n"): (typeof documents)["\n  query AppRegisterUnits($unit: ID!) { publicBoard(orgUnitId: $unit) { unit { id name nameZh } branches { unit { id name nameZh } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppSetLanguage($language: Language!) { setMyLanguage(language: $language) { id } }\n"): (typeof documents)["\n  mutation AppSetLanguage($language: Language!) { setMyLanguage(language: $language) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppCategories { wishCategories { id code name nameZh active sortOrder } }\n"): (typeof documents)["\n  query AppCategories { wishCategories { id code name nameZh active sortOrder } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppMyWishes($first: Int) {\n    wishes(filter: { mine: true }, first: $first) {\n      totalCount\n      edges { node { id title status createdAt dueAt overdue rating address category { code name nameZh } } }\n    }\n  }\n"): (typeof documents)["\n  query AppMyWishes($first: Int) {\n    wishes(filter: { mine: true }, first: $first) {\n      totalCount\n      edges { node { id title status createdAt dueAt overdue rating address category { code name nameZh } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppWish($id: ID!) {\n    wish(id: $id) {\n      id title description status address createdAt dueAt overdue rating ratingComment version\n      availableActions\n      category { code name nameZh }\n      compound { id name nameZh }\n      resident { id displayName }\n      assignees { id displayName }\n      photos { id stage url thumbnailUrl }\n      events { sequence action fromStatus toStatus at note actor { id displayName } }\n    }\n  }\n"): (typeof documents)["\n  query AppWish($id: ID!) {\n    wish(id: $id) {\n      id title description status address createdAt dueAt overdue rating ratingComment version\n      availableActions\n      category { code name nameZh }\n      compound { id name nameZh }\n      resident { id displayName }\n      assignees { id displayName }\n      photos { id stage url thumbnailUrl }\n      events { sequence action fromStatus toStatus at note actor { id displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppSubmitWish($input: SubmitWishInput!) { submitWish(input: $input) { wish { id status } } }\n"): (typeof documents)["\n  mutation AppSubmitWish($input: SubmitWishInput!) { submitWish(input: $input) { wish { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppEvaluateWish($input: EvaluateWishInput!) { evaluateWish(input: $input) { wish { id status rating ratingComment } } }\n"): (typeof documents)["\n  mutation AppEvaluateWish($input: EvaluateWishInput!) { evaluateWish(input: $input) { wish { id status rating ratingComment } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppCancelWish($input: CancelWishInput!) { cancelWish(input: $input) { wish { id status } } }\n"): (typeof documents)["\n  mutation AppCancelWish($input: CancelWishInput!) { cancelWish(input: $input) { wish { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppClaimWish($input: ClaimWishInput!) { claimWish(input: $input) { wish { id status } } }\n"): (typeof documents)["\n  mutation AppClaimWish($input: ClaimWishInput!) { claimWish(input: $input) { wish { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppAcceptWish($input: AcceptWishInput!) { acceptWish(input: $input) { wish { id status } } }\n"): (typeof documents)["\n  mutation AppAcceptWish($input: AcceptWishInput!) { acceptWish(input: $input) { wish { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppDeclineWish($input: DeclineWishInput!) { declineWish(input: $input) { wish { id status } } }\n"): (typeof documents)["\n  mutation AppDeclineWish($input: DeclineWishInput!) { declineWish(input: $input) { wish { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppResolveWish($input: ResolveWishInput!) { resolveWish(input: $input) { wish { id status } } }\n"): (typeof documents)["\n  mutation AppResolveWish($input: ResolveWishInput!) { resolveWish(input: $input) { wish { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppMyOrders($first: Int) {\n    wishes(filter: { mine: true, status: [DISPATCHED, ACCEPTED] }, first: $first) {\n      totalCount\n      edges { node { id title status dueAt overdue address category { code name nameZh } compound { id name nameZh } } }\n    }\n  }\n"): (typeof documents)["\n  query AppMyOrders($first: Int) {\n    wishes(filter: { mine: true, status: [DISPATCHED, ACCEPTED] }, first: $first) {\n      totalCount\n      edges { node { id title status dueAt overdue address category { code name nameZh } compound { id name nameZh } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppOpenPool($first: Int) {\n    wishes(filter: { status: [OPEN_FOR_CLAIM] }, first: $first) {\n      totalCount\n      edges { node { id title status dueAt category { code name nameZh } compound { id name nameZh } } }\n    }\n  }\n"): (typeof documents)["\n  query AppOpenPool($first: Int) {\n    wishes(filter: { status: [OPEN_FOR_CLAIM] }, first: $first) {\n      totalCount\n      edges { node { id title status dueAt category { code name nameZh } compound { id name nameZh } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppActivities($year: Int!, $from: DateTime!) {\n    monthlyThemes(year: $year) { id month title description brand { name nameZh } }\n    activities(filter: { from: $from }, first: 50) {\n      edges {\n        node {\n          id title description place startsAt endsAt capacity placesLeft signedUpCount status mySignUp pointsPerParticipant\n          organizer { id name nameZh }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AppActivities($year: Int!, $from: DateTime!) {\n    monthlyThemes(year: $year) { id month title description brand { name nameZh } }\n    activities(filter: { from: $from }, first: 50) {\n      edges {\n        node {\n          id title description place startsAt endsAt capacity placesLeft signedUpCount status mySignUp pointsPerParticipant\n          organizer { id name nameZh }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppSignUp($input: SignUpForActivityInput!) { signUpForActivity(input: $input) { activity { id mySignUp placesLeft signedUpCount } } }\n"): (typeof documents)["\n  mutation AppSignUp($input: SignUpForActivityInput!) { signUpForActivity(input: $input) { activity { id mySignUp placesLeft signedUpCount } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppCancelSignUp($input: CancelActivitySignUpInput!) {\n    cancelActivitySignUp(input: $input) { activity { id mySignUp placesLeft signedUpCount } }\n  }\n"): (typeof documents)["\n  mutation AppCancelSignUp($input: CancelActivitySignUpInput!) {\n    cancelActivitySignUp(input: $input) { activity { id mySignUp placesLeft signedUpCount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppPoints($year: Int!) {\n    me { id points(year: $year) { year basic positive deductions total entries { id kind amount reason at } } }\n  }\n"): (typeof documents)["\n  query AppPoints($year: Int!) {\n    me { id points(year: $year) { year basic positive deductions total entries { id kind amount reason at } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppRanking($unit: ID!, $year: Int!) { pointRanking(orgUnitId: $unit, year: $year, first: 100) { rank total member { id } } }\n"): (typeof documents)["\n  query AppRanking($unit: ID!, $year: Int!) { pointRanking(orgUnitId: $unit, year: $year, first: 100) { rank total member { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppNotifications($first: Int) {\n    myNotifications(first: $first) { unreadCount nodes { id kind title body at readAt wish { id } activity { id } } }\n  }\n"): (typeof documents)["\n  query AppNotifications($first: Int) {\n    myNotifications(first: $first) { unreadCount nodes { id kind title body at readAt wish { id } activity { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppMarkRead($ids: [ID!]) { markNotificationsRead(ids: $ids) { unreadCount } }\n"): (typeof documents)["\n  mutation AppMarkRead($ids: [ID!]) { markNotificationsRead(ids: $ids) { unreadCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AppNotificationsLive { notifications { id kind title body at wish { id status } } }\n"): (typeof documents)["\n  subscription AppNotificationsLive { notifications { id kind title body at wish { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AppWishEvents($afterSequence: Int) {\n    wishEvents(afterSequence: $afterSequence) { sequence action toStatus at wish { id status } }\n  }\n"): (typeof documents)["\n  subscription AppWishEvents($afterSequence: Int) {\n    wishEvents(afterSequence: $afterSequence) { sequence action toStatus at wish { id status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation Login($username: String!, $password: String!) {\n      login(username: $username, password: $password) { token user { id displayName roles { role orgUnit { id name } } } }\n    }\n  "): (typeof documents)["\n    mutation Login($username: String!, $password: String!) {\n      login(username: $username, password: $password) { token user { id displayName roles { role orgUnit { id name } } } }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveWishEvents { wishEvents { sequence action fromStatus toStatus at wish { id title status } } }\n"): (typeof documents)["\n  subscription LiveWishEvents { wishEvents { sequence action fromStatus toStatus at wish { id title status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MonthlyThemeRow on MonthlyTheme {\n    id year month title version updatedAt brand { id code name nameZh }\n    activities { id title startsAt status }\n  }\n"): (typeof documents)["\n  fragment MonthlyThemeRow on MonthlyTheme {\n    id year month title version updatedAt brand { id code name nameZh }\n    activities { id title startsAt status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MonthlyThemeDetail on MonthlyTheme {\n    description goals createdAt\n    activities { id title place startsAt endsAt status capacity signedUpCount checkedInCount organizer { id name nameZh } }\n  }\n"): (typeof documents)["\n  fragment MonthlyThemeDetail on MonthlyTheme {\n    description goals createdAt\n    activities { id title place startsAt endsAt status capacity signedUpCount checkedInCount organizer { id name nameZh } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Open311Keys {\n    open311Keys { id label channel hint issuedAt lastUsedAt revokedAt active issuedBy { id displayName } }\n  }\n"): (typeof documents)["\n  query Open311Keys {\n    open311Keys { id label channel hint issuedAt lastUsedAt revokedAt active issuedBy { id displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueOpen311Key($input: IssueOpen311KeyInput!) {\n    issueOpen311Key(input: $input) { apiKey key { id label } }\n  }\n"): (typeof documents)["\n  mutation IssueOpen311Key($input: IssueOpen311KeyInput!) {\n    issueOpen311Key(input: $input) { apiKey key { id label } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeOpen311Key($input: RevokeOpen311KeyInput!) {\n    revokeOpen311Key(input: $input) { key { id active revokedAt } }\n  }\n"): (typeof documents)["\n  mutation RevokeOpen311Key($input: RevokeOpen311KeyInput!) {\n    revokeOpen311Key(input: $input) { key { id active revokedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrgUnitRow on OrgUnit {\n    id kind name nameZh population households hasPropertyManagement propertyStatus\n    partyOrganization retiredAt version parent { id kind name nameZh } children { id }\n  }\n"): (typeof documents)["\n  fragment OrgUnitRow on OrgUnit {\n    id kind name nameZh population households hasPropertyManagement propertyStatus\n    partyOrganization retiredAt version parent { id kind name nameZh } children { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrgUnitDetail on OrgUnit {\n    description createdAt updatedAt\n    children { id kind name nameZh population households propertyStatus retiredAt }\n    propertyCommittee { id name serviceMode companyName memberCount chair { id displayName } }\n  }\n"): (typeof documents)["\n  fragment OrgUnitDetail on OrgUnit {\n    description createdAt updatedAt\n    children { id kind name nameZh population households propertyStatus retiredAt }\n    propertyCommittee { id name serviceMode companyName memberCount chair { id displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveOrgUnit($input: MoveOrgUnitInput!) {\n    moveOrgUnit(input: $input) { orgUnit { id version parent { id name nameZh } } }\n  }\n"): (typeof documents)["\n  mutation MoveOrgUnit($input: MoveOrgUnitInput!) {\n    moveOrgUnit(input: $input) { orgUnit { id version parent { id name nameZh } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetireOrgUnit($input: RetireOrgUnitInput!) {\n    retireOrgUnit(input: $input) { orgUnit { id version retiredAt } }\n  }\n"): (typeof documents)["\n  mutation RetireOrgUnit($input: RetireOrgUnitInput!) {\n    retireOrgUnit(input: $input) { orgUnit { id version retiredAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifierUnits {\n    me { id roles { role orgUnit { id name nameZh kind parent { id name nameZh } } } }\n  }\n"): (typeof documents)["\n  query VerifierUnits {\n    me { id roles { role orgUnit { id name nameZh kind parent { id name nameZh } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PanelPendingResidents($orgUnitId: ID!, $first: Int) {\n    pendingResidents(orgUnitId: $orgUnitId, first: $first) {\n      totalCount\n      nodes { id displayName phone address compound { id name nameZh } registeredAt }\n    }\n  }\n"): (typeof documents)["\n  query PanelPendingResidents($orgUnitId: ID!, $first: Int) {\n    pendingResidents(orgUnitId: $orgUnitId, first: $first) {\n      totalCount\n      nodes { id displayName phone address compound { id name nameZh } registeredAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PanelVerifyResident($input: VerifyResidentInput!) {\n    verifyResident(input: $input) { person { id displayName verification } }\n  }\n"): (typeof documents)["\n  mutation PanelVerifyResident($input: VerifyResidentInput!) {\n    verifyResident(input: $input) { person { id displayName verification } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonRow on Person {\n    id displayName username phone active createdAt\n    roles { role orgUnit { id kind name nameZh parent { id name nameZh } } }\n  }\n"): (typeof documents)["\n  fragment PersonRow on Person {\n    id displayName username phone active createdAt\n    roles { role orgUnit { id kind name nameZh parent { id name nameZh } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantRole($input: GrantRoleInput!) { grantRole(input: $input) { person { id roles { role orgUnit { id } } } } }\n"): (typeof documents)["\n  mutation GrantRole($input: GrantRoleInput!) { grantRole(input: $input) { person { id roles { role orgUnit { id } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeRole($input: RevokeRoleInput!) { revokeRole(input: $input) { person { id roles { role orgUnit { id } } } } }\n"): (typeof documents)["\n  mutation RevokeRole($input: RevokeRoleInput!) { revokeRole(input: $input) { person { id roles { role orgUnit { id } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivatePerson($input: DeactivatePersonInput!) { deactivatePerson(input: $input) { person { id active } } }\n"): (typeof documents)["\n  mutation DeactivatePerson($input: DeactivatePersonInput!) { deactivatePerson(input: $input) { person { id active } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivatePerson($input: ReactivatePersonInput!) { reactivatePerson(input: $input) { person { id active } } }\n"): (typeof documents)["\n  mutation ReactivatePerson($input: ReactivatePersonInput!) { reactivatePerson(input: $input) { person { id active } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PointEntryRow on PointEntry {\n    id kind amount reason at year sourceType sourceKey reverses\n    rule { id code name nameZh } member { id displayName } recordedBy { id displayName }\n  }\n"): (typeof documents)["\n  fragment PointEntryRow on PointEntry {\n    id kind amount reason at year sourceType sourceKey reverses\n    rule { id code name nameZh } member { id displayName } recordedBy { id displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CorrectPointEntry($input: CorrectPointEntryInput!) { correctPointEntry(input: $input) { entry { id } } }\n"): (typeof documents)["\n  mutation CorrectPointEntry($input: CorrectPointEntryInput!) { correctPointEntry(input: $input) { entry { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PointRuleRow on PointRule { id code name nameZh kind amount capPerYear active description version updatedAt }\n"): (typeof documents)["\n  fragment PointRuleRow on PointRule { id code name nameZh kind amount capPerYear active description version updatedAt }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommitteeRow on PropertyCommittee {\n    id name foundedOn serviceMode companyName partyOrganization status dissolvedOn memberCount version\n    compound { id kind name nameZh parent { id name nameZh } } chair { id displayName }\n  }\n"): (typeof documents)["\n  fragment CommitteeRow on PropertyCommittee {\n    id name foundedOn serviceMode companyName partyOrganization status dissolvedOn memberCount version\n    compound { id kind name nameZh parent { id name nameZh } } chair { id displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommitteeDetail on PropertyCommittee {\n    notes createdAt updatedAt\n    members { id role isPartyMember joinedOn person { id displayName username phone } }\n  }\n"): (typeof documents)["\n  fragment CommitteeDetail on PropertyCommittee {\n    notes createdAt updatedAt\n    members { id role isPartyMember joinedOn person { id displayName username phone } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DissolvePropertyCommittee($input: DissolvePropertyCommitteeInput!) {\n    dissolvePropertyCommittee(input: $input) { propertyCommittee { id status dissolvedOn version } }\n  }\n"): (typeof documents)["\n  mutation DissolvePropertyCommittee($input: DissolvePropertyCommitteeInput!) {\n    dissolvePropertyCommittee(input: $input) { propertyCommittee { id status dissolvedOn version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommitteeMembership on PropertyCommittee { id version memberCount chair { id displayName } members { id role } }\n"): (typeof documents)["\n  fragment CommitteeMembership on PropertyCommittee { id version memberCount chair { id displayName } members { id role } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPropertyCommitteeMember($input: AddPropertyCommitteeMemberInput!) {\n    addPropertyCommitteeMember(input: $input) { propertyCommittee { ...CommitteeMembership } }\n  }\n"): (typeof documents)["\n  mutation AddPropertyCommitteeMember($input: AddPropertyCommitteeMemberInput!) {\n    addPropertyCommitteeMember(input: $input) { propertyCommittee { ...CommitteeMembership } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePropertyCommitteeMember($input: UpdatePropertyCommitteeMemberInput!) {\n    updatePropertyCommitteeMember(input: $input) { propertyCommittee { ...CommitteeMembership } }\n  }\n"): (typeof documents)["\n  mutation UpdatePropertyCommitteeMember($input: UpdatePropertyCommitteeMemberInput!) {\n    updatePropertyCommitteeMember(input: $input) { propertyCommittee { ...CommitteeMembership } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePropertyCommitteeMember($input: RemovePropertyCommitteeMemberInput!) {\n    removePropertyCommitteeMember(input: $input) { propertyCommittee { ...CommitteeMembership } }\n  }\n"): (typeof documents)["\n  mutation RemovePropertyCommitteeMember($input: RemovePropertyCommitteeMemberInput!) {\n    removePropertyCommitteeMember(input: $input) { propertyCommittee { ...CommitteeMembership } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceBrandRow on ServiceBrand { id code name nameZh nameEn description active }\n"): (typeof documents)["\n  fragment ServiceBrandRow on ServiceBrand { id code name nameZh nameEn description active }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WishCategoryRow on WishCategory { id code name nameZh dueInDays defaultLevel active sortOrder }\n"): (typeof documents)["\n  fragment WishCategoryRow on WishCategory { id code name nameZh dueInDays defaultLevel active sortOrder }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateWishCategory($input: DeactivateWishCategoryInput!) {\n    deactivateWishCategory(input: $input) { category { id active } }\n  }\n"): (typeof documents)["\n  mutation DeactivateWishCategory($input: DeactivateWishCategoryInput!) {\n    deactivateWishCategory(input: $input) { category { id active } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateWishCategory($input: UpdateWishCategoryInput!) {\n    updateWishCategory(input: $input) { category { id active } }\n  }\n"): (typeof documents)["\n  mutation ReactivateWishCategory($input: UpdateWishCategoryInput!) {\n    updateWishCategory(input: $input) { category { id active } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMeeting($input: RecordMeetingInput!) { recordMeeting(input: $input) { wish { id } } }\n"): (typeof documents)["\n  mutation RecordMeeting($input: RecordMeetingInput!) { recordMeeting(input: $input) { wish { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WishStatusCounts($filter: WishListFilter) { wishStatusCounts(filter: $filter) { status count } }\n"): (typeof documents)["\n  query WishStatusCounts($filter: WishListFilter) { wishStatusCounts(filter: $filter) { status count } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignablePeople($wishId: ID!) {\n    assignablePeople(wishId: $wishId) { id displayName roles { role orgUnit { name nameZh } } }\n  }\n"): (typeof documents)["\n  query AssignablePeople($wishId: ID!) {\n    assignablePeople(wishId: $wishId) { id displayName roles { role orgUnit { name nameZh } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WishCategoryChoices { wishCategories { code name nameZh } }\n"): (typeof documents)["\n  query WishCategoryChoices { wishCategories { code name nameZh } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WishRow on Wish {\n    id title status channel overdue rating reopenCount createdAt updatedAt dueAt address\n    category { code name nameZh } compound { id name nameZh } handlingUnit { id name nameZh kind }\n  }\n"): (typeof documents)["\n  fragment WishRow on Wish {\n    id title status channel overdue rating reopenCount createdAt updatedAt dueAt address\n    category { code name nameZh } compound { id name nameZh } handlingUnit { id name nameZh kind }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WishDetail on Wish {\n    description ratingComment availableActions\n    resident { id displayName phone } listedBy { id displayName } supervisor { id displayName }\n    assignees { id displayName }\n    events { sequence action fromStatus toStatus at note actor { id displayName } }\n    meetings { id heldAt place participants decisions recordedBy { id displayName } }\n    photos { id stage url thumbnailUrl }\n  }\n"): (typeof documents)["\n  fragment WishDetail on Wish {\n    description ratingComment availableActions\n    resident { id displayName phone } listedBy { id displayName } supervisor { id displayName }\n    assignees { id displayName }\n    events { sequence action fromStatus toStatus at note actor { id displayName } }\n    meetings { id heldAt place participants decisions recordedBy { id displayName } }\n    photos { id stage url thumbnailUrl }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;