import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { Button } from '@mui/material';
import { useState } from 'react';
import { Confirm, useRecordContext, useTranslate } from 'react-admin';
import { useApiAction } from '../common/api-action.ts';
import type { ActivityRecord } from './activity-statuses.ts';

const FINISH = `mutation FinishActivity($input: FinishActivityInput!) {
  finishActivity(input: $input) { activity { id status version } }
}`;

/** Closes a started activity: check-ins end, sign-ups without one become no-shows. */
export const FinishActivityButton = () => {
  const record = useRecordContext<ActivityRecord>();
  const translate = useTranslate();
  const { run, pending } = useApiAction();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <>
      <Button size="small" startIcon={<EventAvailableIcon />} onClick={() => setOpen(true)}>
        {translate('wishgrid.activities.action.finish')}
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title="wishgrid.activities.finishDialog.title"
        content="wishgrid.activities.finishDialog.content"
        translateOptions={{ title: record.title }}
        onConfirm={async () => {
          await run(FINISH, { input: { id: record.id } }, { success: 'wishgrid.activities.finishDialog.done' });
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
