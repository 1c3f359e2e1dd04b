import HowToRegIcon from '@mui/icons-material/HowToReg';
import { NumberInput, required, useRecordContext, useTranslate } from 'react-admin';
import { DialogAction } from '../common/DialogAction.tsx';
import { PersonInput } from '../pointEntries/PersonInput.tsx';
import type { ActivityRecord } from './activity-statuses.ts';
import { CHECK_IN } from './queries.ts';

/** Hours are optional; when given, more than nothing and at most a day. */
const validHours = (value: unknown) =>
  value === null || value === undefined || value === '' || (Number(value) > 0 && Number(value) <= 24)
    ? undefined
    : 'wishgrid.activities.checkInDialog.hoursHelp';

/**
 * Records that a person attended. Those who signed up and are not checked in yet are offered first; anyone
 * else the viewer may see can be found by name and comes as a walk-in. Hours default to the activity's length.
 */
export const CheckInButton = () => {
  const record = useRecordContext<ActivityRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const waiting = (record.signUps ?? [])
    .filter((s) => s.status === 'SIGNED_UP' && !s.checkedIn)
    .map((s) => ({ ...s.person, username: null, roles: [] }));
  return (
    <DialogAction
      label="wishgrid.activities.action.checkIn"
      icon={<HowToRegIcon />}
      variant="contained"
      size="medium"
      testId="check-in"
      title="wishgrid.activities.checkInDialog.title"
      mutation={CHECK_IN}
      variables={(values, activity: ActivityRecord) => ({
        input: {
          activityId: activity.id,
          personId: values.personId,
          ...(typeof values.hours === 'number' ? { hours: values.hours } : {}),
        },
      })}
      success="wishgrid.activities.checkInDialog.done"
      submitTestId="check-in-submit"
    >
      <PersonInput
        source="personId"
        label="wishgrid.activities.checkInDialog.person"
        helperText="wishgrid.activities.checkInDialog.personHelp"
        validate={required()}
        offered={{
          heading: translate('wishgrid.activities.checkInDialog.signedUp'),
          othersHeading: translate('wishgrid.activities.checkInDialog.others'),
          people: waiting,
        }}
        exclude={new Set((record.checkIns ?? []).map((c) => c.person.id))}
        noOptionsText="wishgrid.activities.checkInDialog.noOptions"
        size="medium"
        testId="check-in-person"
      />
      <NumberInput
        source="hours"
        label="wishgrid.activities.checkInDialog.hours"
        helperText="wishgrid.activities.checkInDialog.hoursHelp"
        validate={validHours}
        step={0.25}
        min={0.25}
        max={24}
        slotProps={{ htmlInput: { 'data-testid': 'check-in-hours' } }}
      />
    </DialogAction>
  );
};
