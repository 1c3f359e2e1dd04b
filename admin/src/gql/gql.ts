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
    "\n    mutation Login($username: String!, $password: String!) {\n      login(username: $username, password: $password) { token user { id displayName roles { role orgUnit { id name } } } }\n    }\n  ": typeof types.LoginDocument,
    "\n  subscription LiveWishEvents { wishEvents { sequence action fromStatus toStatus at wish { id title status } } }\n": typeof types.LiveWishEventsDocument,
    "\n  fragment MonthlyThemeRow on MonthlyTheme {\n    id year month title version updatedAt brand { id code name nameZh }\n    activities { id title startsAt status }\n  }\n": typeof types.MonthlyThemeRowFragmentDoc,
    "\n  fragment MonthlyThemeDetail on MonthlyTheme {\n    description goals createdAt\n    activities { id title place startsAt endsAt status capacity signedUpCount checkedInCount organizer { id name nameZh } }\n  }\n": typeof types.MonthlyThemeDetailFragmentDoc,
    "\n  fragment OrgUnitRow on OrgUnit {\n    id kind name nameZh population households hasPropertyManagement propertyStatus\n    partyOrganization retiredAt version parent { id kind name nameZh } children { id }\n  }\n": typeof types.OrgUnitRowFragmentDoc,
    "\n  fragment OrgUnitDetail on OrgUnit {\n    description createdAt updatedAt\n    children { id kind name nameZh population households propertyStatus retiredAt }\n    propertyCommittee { id name serviceMode companyName memberCount chair { id displayName } }\n  }\n": typeof types.OrgUnitDetailFragmentDoc,
    "\n  mutation MoveOrgUnit($input: MoveOrgUnitInput!) {\n    moveOrgUnit(input: $input) { orgUnit { id version parent { id name nameZh } } }\n  }\n": typeof types.MoveOrgUnitDocument,
    "\n  mutation RetireOrgUnit($input: RetireOrgUnitInput!) {\n    retireOrgUnit(input: $input) { orgUnit { id version retiredAt } }\n  }\n": typeof types.RetireOrgUnitDocument,
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
    "\n  fragment WishRow on Wish {\n    id title status channel overdue rating reopenCount createdAt updatedAt dueAt\n    category { code name nameZh } compound { id name nameZh } handlingUnit { id name nameZh kind }\n  }\n": typeof types.WishRowFragmentDoc,
    "\n  fragment WishDetail on Wish {\n    description ratingComment availableActions\n    resident { id displayName phone } listedBy { id displayName } supervisor { id displayName }\n    assignees { id displayName }\n    events { sequence action fromStatus toStatus at note actor { id displayName } }\n    meetings { id heldAt place participants decisions recordedBy { id displayName } }\n  }\n": typeof types.WishDetailFragmentDoc,
};
const documents: Documents = {
    "\n  fragment ActivityRow on Activity {\n    id title place startsAt endsAt capacity pointsPerParticipant status\n    signedUpCount checkedInCount placesLeft canManage canRecordCheckIns version\n    theme { id year month title } organizer { id name nameZh kind }\n  }\n": types.ActivityRowFragmentDoc,
    "\n  fragment ActivityPeople on Activity {\n    id status capacity signedUpCount checkedInCount placesLeft\n    signUps { person { id displayName } status signedUpAt cancelledAt checkedIn }\n    checkIns { person { id displayName } hours walkIn at recordedBy { id displayName } }\n  }\n": types.ActivityPeopleFragmentDoc,
    "\n  fragment ActivityDetail on Activity { description createdAt updatedAt ...ActivityPeople }\n": types.ActivityDetailFragmentDoc,
    "\n  subscription ActivitySignUps($activityId: ID!) { activitySignUps(activityId: $activityId) { ...ActivityPeople } }\n": types.ActivitySignUpsDocument,
    "\n  mutation CancelActivity($input: CancelActivityInput!) { cancelActivity(input: $input) { activity { id status version } } }\n": types.CancelActivityDocument,
    "\n  mutation FinishActivity($input: FinishActivityInput!) { finishActivity(input: $input) { activity { id status version } } }\n": types.FinishActivityDocument,
    "\n  mutation CheckInToActivity($input: CheckInToActivityInput!) {\n    checkInToActivity(input: $input) { activity { id checkedInCount signedUpCount placesLeft } }\n  }\n": types.CheckInToActivityDocument,
    "\n    mutation Login($username: String!, $password: String!) {\n      login(username: $username, password: $password) { token user { id displayName roles { role orgUnit { id name } } } }\n    }\n  ": types.LoginDocument,
    "\n  subscription LiveWishEvents { wishEvents { sequence action fromStatus toStatus at wish { id title status } } }\n": types.LiveWishEventsDocument,
    "\n  fragment MonthlyThemeRow on MonthlyTheme {\n    id year month title version updatedAt brand { id code name nameZh }\n    activities { id title startsAt status }\n  }\n": types.MonthlyThemeRowFragmentDoc,
    "\n  fragment MonthlyThemeDetail on MonthlyTheme {\n    description goals createdAt\n    activities { id title place startsAt endsAt status capacity signedUpCount checkedInCount organizer { id name nameZh } }\n  }\n": types.MonthlyThemeDetailFragmentDoc,
    "\n  fragment OrgUnitRow on OrgUnit {\n    id kind name nameZh population households hasPropertyManagement propertyStatus\n    partyOrganization retiredAt version parent { id kind name nameZh } children { id }\n  }\n": types.OrgUnitRowFragmentDoc,
    "\n  fragment OrgUnitDetail on OrgUnit {\n    description createdAt updatedAt\n    children { id kind name nameZh population households propertyStatus retiredAt }\n    propertyCommittee { id name serviceMode companyName memberCount chair { id displayName } }\n  }\n": types.OrgUnitDetailFragmentDoc,
    "\n  mutation MoveOrgUnit($input: MoveOrgUnitInput!) {\n    moveOrgUnit(input: $input) { orgUnit { id version parent { id name nameZh } } }\n  }\n": types.MoveOrgUnitDocument,
    "\n  mutation RetireOrgUnit($input: RetireOrgUnitInput!) {\n    retireOrgUnit(input: $input) { orgUnit { id version retiredAt } }\n  }\n": types.RetireOrgUnitDocument,
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
    "\n  fragment WishRow on Wish {\n    id title status channel overdue rating reopenCount createdAt updatedAt dueAt\n    category { code name nameZh } compound { id name nameZh } handlingUnit { id name nameZh kind }\n  }\n": types.WishRowFragmentDoc,
    "\n  fragment WishDetail on Wish {\n    description ratingComment availableActions\n    resident { id displayName phone } listedBy { id displayName } supervisor { id displayName }\n    assignees { id displayName }\n    events { sequence action fromStatus toStatus at note actor { id displayName } }\n    meetings { id heldAt place participants decisions recordedBy { id displayName } }\n  }\n": types.WishDetailFragmentDoc,
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
export function graphql(source: "\n  fragment WishRow on Wish {\n    id title status channel overdue rating reopenCount createdAt updatedAt dueAt\n    category { code name nameZh } compound { id name nameZh } handlingUnit { id name nameZh kind }\n  }\n"): (typeof documents)["\n  fragment WishRow on Wish {\n    id title status channel overdue rating reopenCount createdAt updatedAt dueAt\n    category { code name nameZh } compound { id name nameZh } handlingUnit { id name nameZh kind }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WishDetail on Wish {\n    description ratingComment availableActions\n    resident { id displayName phone } listedBy { id displayName } supervisor { id displayName }\n    assignees { id displayName }\n    events { sequence action fromStatus toStatus at note actor { id displayName } }\n    meetings { id heldAt place participants decisions recordedBy { id displayName } }\n  }\n"): (typeof documents)["\n  fragment WishDetail on Wish {\n    description ratingComment availableActions\n    resident { id displayName phone } listedBy { id displayName } supervisor { id displayName }\n    assignees { id displayName }\n    events { sequence action fromStatus toStatus at note actor { id displayName } }\n    meetings { id heldAt place participants decisions recordedBy { id displayName } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;