import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { errorMessage, gqlMutate } from '../data/graphql-client.ts';

const RECORD_MEETING = `mutation RecordMeeting($input: RecordMeetingInput!) {
  recordMeeting(input: $input) { wish { id } }
}`;

/** `YYYY-MM-DDTHH:mm` of now in the browser's zone, what a datetime-local input shows. */
const nowLocal = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * Records an on-site coordination meeting (the handling secretary or an assignee may; the server decides
 * and its refusal is shown as it says it).
 */
export const RecordMeetingButton = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [heldAt, setHeldAt] = useState(nowLocal());
  const [place, setPlace] = useState('');
  const [participants, setParticipants] = useState('');
  const [decisions, setDecisions] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const submit = async () => {
    setBusy(true);
    try {
      await gqlMutate(RECORD_MEETING, {
        input: {
          wishId: record.id,
          heldAt: new Date(heldAt).toISOString(),
          ...(place.trim() ? { place: place.trim() } : {}),
          participants,
          decisions,
        },
      });
      notify(translate('wishgrid.wishes.meetingRecorded'), { type: 'success' });
      setOpen(false);
      setPlace('');
      setParticipants('');
      setDecisions('');
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="record-meeting">
        {translate('wishgrid.wishes.recordMeeting')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('wishgrid.wishes.recordMeeting')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              type="datetime-local"
              label={translate('wishgrid.wishes.heldAt')}
              value={heldAt}
              onChange={(e) => setHeldAt(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              label={translate('wishgrid.wishes.place')}
              value={place}
              onChange={(e) => setPlace(e.target.value)}
            />
            <TextField
              label={translate('wishgrid.wishes.participants')}
              value={participants}
              onChange={(e) => setParticipants(e.target.value)}
              required
              multiline
            />
            <TextField
              label={translate('wishgrid.wishes.decisions')}
              value={decisions}
              onChange={(e) => setDecisions(e.target.value)}
              required
              multiline
              minRows={3}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={busy || participants.trim() === '' || decisions.trim() === '' || heldAt === ''}
            onClick={() => void submit()}
          >
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
