import LinkOffIcon from '@mui/icons-material/LinkOff';
import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Button as MuiButton,
} from '@mui/material';
import { useState } from 'react';
import { Button, DateInput, Form, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { useApiAction } from '../common/api-action.ts';
import { DISSOLVE_COMMITTEE } from './queries.ts';

/** Dissolves an active committee (date and reason); it stays, DISSOLVED, for history. */
export const DissolveCommitteeButton = () => {
  const record = useRecordContext<{ id: string; name: string; status: string; version: number }>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run, pending } = useApiAction();
  if (record?.status !== 'ACTIVE') return null;
  const submit = async (values: Record<string, unknown>) => {
    const input: Record<string, unknown> = { committeeId: record.id, expectedVersion: record.version };
    if (values.dissolvedOn) input.dissolvedOn = values.dissolvedOn;
    if (values.reason) input.reason = values.reason;
    const ok = await run(DISSOLVE_COMMITTEE, { input }, { success: 'wishgrid.propertyCommittees.dissolve.done' });
    if (ok) setOpen(false);
  };
  return (
    <>
      <Button label="wishgrid.propertyCommittees.action.dissolve" color="warning" onClick={() => setOpen(true)}>
        <LinkOffIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <Form record={{}} onSubmit={submit}>
          <DialogTitle>{translate('wishgrid.propertyCommittees.dissolve.title', { name: record.name })}</DialogTitle>
          <DialogContent>
            <DialogContentText>{translate('wishgrid.propertyCommittees.dissolve.content')}</DialogContentText>
            <DateInput source="dissolvedOn" label="wishgrid.propertyCommittees.dissolve.dissolvedOn" />
            <TextInput source="reason" label="wishgrid.propertyCommittees.dissolve.reason" multiline fullWidth />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" color="warning" disabled={pending}>
              {translate('wishgrid.propertyCommittees.action.dissolve')}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
