import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useState } from 'react';
import { Button, Confirm, useRecordContext } from 'react-admin';
import { useApiAction } from '../common/api-action.ts';
import { DEACTIVATE_PERSON, REACTIVATE_PERSON } from './queries.ts';

/** Deactivates (after a confirmation: their sessions end) or reactivates the person. */
export const PersonActiveButton = () => {
  const record = useRecordContext<{ id: string; displayName: string; active: boolean }>();
  const [open, setOpen] = useState(false);
  const { run, pending } = useApiAction();
  if (!record) return null;
  const input = { input: { personId: record.id } };
  if (!record.active) {
    return (
      <Button
        label="wishgrid.people.action.reactivate"
        disabled={pending}
        onClick={() => run(REACTIVATE_PERSON, input, { success: 'wishgrid.people.reactivated' })}
      >
        <CheckCircleIcon />
      </Button>
    );
  }
  return (
    <>
      <Button label="wishgrid.people.action.deactivate" color="warning" onClick={() => setOpen(true)}>
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title="wishgrid.people.deactivate.title"
        content="wishgrid.people.deactivate.content"
        translateOptions={{ name: record.displayName }}
        onConfirm={async () => {
          await run(DEACTIVATE_PERSON, input, { success: 'wishgrid.people.deactivate.done' });
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
