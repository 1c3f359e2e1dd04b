import UndoIcon from '@mui/icons-material/Undo';
import { maxLength, required, TextInput } from 'react-admin';
import { DialogAction } from '../common/DialogAction.tsx';
import { type PointEntryRecord, signedAmount } from './point-entry.ts';
import { CORRECT_ENTRY } from './queries.ts';

/** Reverses an entry: the original stays and a reversing entry is added, with the reason asked here. */
export const CorrectEntryButton = () => (
  <DialogAction
    label="wishgrid.pointEntries.correct"
    icon={<UndoIcon />}
    color="warning"
    testId="correct-entry"
    title="wishgrid.pointEntries.correctTitle"
    content="wishgrid.pointEntries.correctContent"
    messageArgs={(entry: PointEntryRecord) => ({
      member: entry.member.displayName,
      amount: signedAmount(entry),
      reason: entry.reason,
    })}
    mutation={CORRECT_ENTRY}
    variables={(values, entry) => ({ input: { entryId: entry.id, reason: String(values.reason).trim() } })}
    success="wishgrid.pointEntries.correctDone"
    submitColor="warning"
    submitTestId="correct-submit"
    stopPropagation
  >
    <TextInput
      source="reason"
      label="wishgrid.pointEntries.correctReason"
      validate={[required(), maxLength(500)]}
      multiline
      minRows={2}
      fullWidth
      slotProps={{ htmlInput: { 'data-testid': 'correct-reason' } }}
    />
  </DialogAction>
);
