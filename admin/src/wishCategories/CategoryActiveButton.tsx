import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useState } from 'react';
import { Button, Confirm, useRecordContext } from 'react-admin';
import { useApiAction } from '../common/api-action.ts';
import { useLocalName } from '../common/names.tsx';
import { DEACTIVATE_CATEGORY, REACTIVATE_CATEGORY } from './queries.ts';

/** Stops offering the category for new wishes (after a confirmation), or offers it again. */
export const CategoryActiveButton = () => {
  const record = useRecordContext<{ id: string; name: string; nameZh: string; active: boolean }>();
  const name = useLocalName();
  const [open, setOpen] = useState(false);
  const { run, pending } = useApiAction();
  if (!record) return null;
  if (!record.active) {
    return (
      <Button
        label="wishgrid.wishCategories.action.reactivate"
        disabled={pending}
        onClick={() =>
          run(
            REACTIVATE_CATEGORY,
            { input: { categoryId: record.id, active: true } },
            { success: 'wishgrid.wishCategories.reactivated' },
          )
        }
      >
        <CheckCircleIcon />
      </Button>
    );
  }
  return (
    <>
      <Button label="wishgrid.wishCategories.action.deactivate" color="warning" onClick={() => setOpen(true)}>
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title="wishgrid.wishCategories.deactivate.title"
        content="wishgrid.wishCategories.deactivate.content"
        translateOptions={{ name: name(record) }}
        onConfirm={async () => {
          await run(
            DEACTIVATE_CATEGORY,
            { input: { categoryId: record.id } },
            { success: 'wishgrid.wishCategories.deactivate.done' },
          );
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
