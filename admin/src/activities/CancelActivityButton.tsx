import EventBusyIcon from '@mui/icons-material/EventBusy';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { useApiAction } from '../common/api-action.ts';
import type { ActivityRecord } from './activity-statuses.ts';

const CANCEL = `mutation CancelActivity($input: CancelActivityInput!) {
  cancelActivity(input: $input) { activity { id status version } }
}`;

/** Calls a planned activity off, with an optional reason. */
export const CancelActivityButton = () => {
  const record = useRecordContext<ActivityRecord>();
  const translate = useTranslate();
  const { run, pending } = useApiAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!record) return null;
  const submit = async () => {
    const text = reason.trim();
    const ok = await run(
      CANCEL,
      { input: { id: record.id, ...(text ? { reason: text } : {}) } },
      { success: 'wishgrid.activities.cancelDialog.done' },
    );
    if (ok) setOpen(false);
  };
  return (
    <>
      <Button size="small" color="error" startIcon={<EventBusyIcon />} onClick={() => setOpen(true)}>
        {translate('wishgrid.activities.action.cancel')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('wishgrid.activities.cancelDialog.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('wishgrid.activities.cancelDialog.content')}</DialogContentText>
          <TextField
            sx={{ mt: 2 }}
            fullWidth
            multiline
            minRows={2}
            label={translate('wishgrid.activities.cancelDialog.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" onClick={submit} disabled={pending}>
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
