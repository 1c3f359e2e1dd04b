import UndoIcon from '@mui/icons-material/Undo';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { useApiAction } from '../common/api-action.ts';
import type { PointEntryRecord } from './point-entry.ts';

const CORRECT = `mutation CorrectPointEntry($input: CorrectPointEntryInput!) {
  correctPointEntry(input: $input) { entry { id } }
}`;

/** Reverses an entry: the original stays and a reversing entry is added, with the reason asked here. */
export const CorrectEntryButton = () => {
  const record = useRecordContext<PointEntryRecord>();
  const translate = useTranslate();
  const { run, pending } = useApiAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!record) return null;
  const close = () => {
    setOpen(false);
    setReason('');
  };
  const submit = async () => {
    const ok = await run(
      CORRECT,
      { input: { entryId: record.id, reason: reason.trim() } },
      { success: 'wishgrid.pointEntries.correctDone' },
    );
    if (ok) close();
  };
  return (
    <>
      <Button
        size="small"
        color="warning"
        startIcon={<UndoIcon />}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid="correct-entry"
      >
        {translate('wishgrid.pointEntries.correct')}
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" onClick={(e) => e.stopPropagation()}>
        <DialogTitle>{translate('wishgrid.pointEntries.correctTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {translate('wishgrid.pointEntries.correctContent', {
              member: record.member.displayName,
              amount: record.kind === 'DEDUCTION' ? -record.amount : record.amount,
              reason: record.reason,
            })}
          </DialogContentText>
          <TextField
            sx={{ mt: 2 }}
            fullWidth
            required
            multiline
            minRows={2}
            label={translate('wishgrid.pointEntries.correctReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'correct-reason' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('ra.action.cancel')}</Button>
          <Button
            color="warning"
            variant="contained"
            onClick={submit}
            disabled={pending || reason.trim() === ''}
            data-testid="correct-submit"
          >
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
