import { streetMidnight } from '../common/street-time.ts';
import { mutation, pick, resourceQueries, updateMutation } from '../data/resource-queries.ts';
import { graphql } from '../gql/gql.ts';

export const ActivityRow = graphql(`
  fragment ActivityRow on Activity {
    id title place startsAt endsAt capacity pointsPerParticipant status
    signedUpCount checkedInCount placesLeft canManage canRecordCheckIns version
    theme { id year month title } organizer { id name nameZh kind }
  }
`);

/** Who signed up and who came, with the counts: what the show page and the live subscription read. */
export const ActivityPeople = graphql(`
  fragment ActivityPeople on Activity {
    id status capacity signedUpCount checkedInCount placesLeft
    signUps { person { id displayName } status signedUpAt cancelledAt checkedIn }
    checkIns { person { id displayName } hours walkIn at recordedBy { id displayName } }
  }
`);

export const ActivityDetail = graphql(`
  fragment ActivityDetail on Activity { description createdAt updatedAt ...ActivityPeople }
`);

const EDITABLE = [
  'themeId',
  'organizerId',
  'title',
  'description',
  'place',
  'startsAt',
  'endsAt',
  'capacity',
  'pointsPerParticipant',
] as const;

/** The form edits `theme.id` and `organizer.id` (as the record reads); the API takes `themeId`, `organizerId`. */
function asInput(data: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!data) return {};
  const theme = data.theme as { id?: string | null } | null | undefined;
  const organizer = data.organizer as { id?: string | null } | null | undefined;
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  return {
    ...data,
    themeId: theme?.id || null,
    organizerId: organizer?.id || undefined,
    startsAt: iso(data.startsAt),
    endsAt: iso(data.endsAt),
  };
}

/** A calendar day of the street ('2026-11-27', from a date input) → the instant it starts there. */
function dayStart(value: unknown, plusDays = 0): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  return streetMidnight(y, m, d + plusDays).toISOString();
}

export default resourceQueries({
  listField: 'activityList',
  oneField: 'activity',
  filterType: 'ActivityListFilter',
  row: ActivityRow,
  detail: ActivityDetail,
  toFilter: (f) => ({
    ...pick(f, ['ids', 'q', 'orgUnitId', 'themeId', 'upcoming', 'manageable']),
    // The date filters name whole days: from the start of `from` to the end of `to`, street time.
    ...(dayStart(f.from) ? { from: dayStart(f.from) } : {}),
    ...(dayStart(f.to, 1) ? { to: dayStart(f.to, 1) } : {}),
    ...(f.status ? { status: Array.isArray(f.status) ? f.status : [f.status] } : {}),
  }),
  create: mutation({
    field: 'createActivity',
    resultKey: 'activity',
    fragments: [ActivityRow],
    toInput: (d) => pick(asInput(d), EDITABLE),
  }),
  update: updateMutation({
    field: 'updateActivity',
    resultKey: 'activity',
    fragments: [ActivityRow],
    editable: EDITABLE,
    asInput,
  }),
});

/** The activity now, then again after each sign-up, cancellation, check-in or edit (over the live socket). */
export const ACTIVITY_SIGN_UPS = graphql(`
  subscription ActivitySignUps($activityId: ID!) { activitySignUps(activityId: $activityId) { ...ActivityPeople } }
`);

export const CANCEL_ACTIVITY = graphql(`
  mutation CancelActivity($input: CancelActivityInput!) { cancelActivity(input: $input) { activity { id status version } } }
`);

export const FINISH_ACTIVITY = graphql(`
  mutation FinishActivity($input: FinishActivityInput!) { finishActivity(input: $input) { activity { id status version } } }
`);

export const CHECK_IN = graphql(`
  mutation CheckInToActivity($input: CheckInToActivityInput!) {
    checkInToActivity(input: $input) { activity { id checkedInCount signedUpCount placesLeft } }
  }
`);
