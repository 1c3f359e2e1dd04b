import EventBusyIcon from '@mui/icons-material/EventBusy';
import { TextInput } from 'react-admin';
import { DialogAction } from '../common/DialogAction.tsx';
import type { ActivityRecord } from './activity-statuses.ts';
import { CANCEL_ACTIVITY } from './queries.ts';

/** Calls a planned activity off, with an optional reason. */
export const CancelActivityButton = () => (
  <DialogAction
    label="wishgrid.activities.action.cancel"
    icon={<EventBusyIcon />}
    color="error"
    title="wishgrid.activities.cancelDialog.title"
    content="wishgrid.activities.cancelDialog.content"
    mutation={CANCEL_ACTIVITY}
    variables={(values, activity: ActivityRecord) => {
      const reason = typeof values.reason === 'string' ? values.reason.trim() : '';
      return { input: { id: activity.id, ...(reason ? { reason } : {}) } };
    }}
    success="wishgrid.activities.cancelDialog.done"
    submitColor="error"
  >
    <TextInput source="reason" label="wishgrid.activities.cancelDialog.reason" multiline minRows={2} fullWidth />
  </DialogAction>
);
