import ArchiveIcon from '@mui/icons-material/Archive';
import { useState } from 'react';
import { Button, Confirm, useRecordContext } from 'react-admin';
import { useApiAction } from '../common/api-action.ts';
import { useLocalName } from '../common/names.tsx';
import { RETIRE_ORG_UNIT } from './queries.ts';

type UnitRecord = { id: string; kind: string; name: string; nameZh: string; version: number; retiredAt?: string };

/**
 * Retires the unit after a confirmation. The server refuses while the unit still has open wishes, members,
 * units below it, an active committee or planned activities, and says which: that message is shown as is.
 */
export const RetireOrgUnitButton = () => {
  const record = useRecordContext<UnitRecord>();
  const name = useLocalName();
  const [open, setOpen] = useState(false);
  const { run, pending } = useApiAction();
  if (!record || record.kind === 'STREET' || record.retiredAt) return null;
  const retire = async () => {
    await run(
      RETIRE_ORG_UNIT,
      { input: { orgUnitId: record.id, expectedVersion: record.version } },
      { success: 'wishgrid.orgUnits.retire.done' },
    );
    setOpen(false);
  };
  return (
    <>
      <Button label="wishgrid.orgUnits.action.retire" color="warning" onClick={() => setOpen(true)}>
        <ArchiveIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title="wishgrid.orgUnits.retire.title"
        translateOptions={{ name: name(record) }}
        content="wishgrid.orgUnits.retire.content"
        onConfirm={retire}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
