import { Box, Paper, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { type ActivityRecord, activityActions } from './activity-statuses.ts';
import { CheckInButton } from './CheckInButton.tsx';

const Count = ({ label, value, testId }: { label: string; value: string | number; testId: string }) => (
  <Paper variant="outlined" sx={{ px: 2, py: 1, minWidth: 120 }}>
    <Typography variant="caption" color="textSecondary">
      {label}
    </Typography>
    <Typography variant="h5" data-testid={testId}>
      {value}
    </Typography>
  </Paper>
);

/** Sign-ups against capacity, check-ins and places left (live), with the check-in action for staff who may. */
export const ActivityCounts = () => {
  const record = useRecordContext<ActivityRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center', px: 2, pt: 2 }}>
      <Count
        label={translate('resources.activities.fields.signedUpCount')}
        value={`${record.signedUpCount} / ${record.capacity}`}
        testId="activity-signed-up"
      />
      <Count
        label={translate('resources.activities.fields.checkedInCount')}
        value={record.checkedInCount}
        testId="activity-checked-in"
      />
      <Count
        label={translate('resources.activities.fields.placesLeft')}
        value={record.placesLeft}
        testId="activity-places-left"
      />
      <Box sx={{ flexGrow: 1 }} />
      {activityActions(record).checkIn && <CheckInButton />}
    </Stack>
  );
};
