import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { DialogAction } from '../common/DialogAction.tsx';
import type { ActivityRecord } from './activity-statuses.ts';
import { FINISH_ACTIVITY } from './queries.ts';

/** Closes a started activity: check-ins end, sign-ups without one become no-shows. */
export const FinishActivityButton = () => (
  <DialogAction
    label="wishgrid.activities.action.finish"
    icon={<EventAvailableIcon />}
    title="wishgrid.activities.finishDialog.title"
    content="wishgrid.activities.finishDialog.content"
    messageArgs={(activity: ActivityRecord) => ({ title: activity.title })}
    mutation={FINISH_ACTIVITY}
    variables={(_values, activity) => ({ input: { id: activity.id } })}
    success="wishgrid.activities.finishDialog.done"
  />
);
