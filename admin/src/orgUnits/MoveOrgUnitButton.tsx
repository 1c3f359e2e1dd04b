import DriveFileMoveIcon from '@mui/icons-material/DriveFileMove';
import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Button as MuiButton,
} from '@mui/material';
import { useState } from 'react';
import { Button, Form, required, useRecordContext, useTranslate } from 'react-admin';
import { useApiAction } from '../common/api-action.ts';
import { useLocalName } from '../common/names.tsx';
import { OrgUnitInput } from './OrgUnitInput.tsx';
import { type OrgUnitKind, PARENT_KINDS } from './org-unit-enums.ts';
import { MOVE_ORG_UNIT } from './queries.ts';

type UnitRecord = { id: string; kind: OrgUnitKind; name: string; nameZh: string; version: number; retiredAt?: string };

/** Re-parents the unit (and its subtree) under a unit picked by name. */
export const MoveOrgUnitButton = () => {
  const record = useRecordContext<UnitRecord>();
  const translate = useTranslate();
  const name = useLocalName();
  const [open, setOpen] = useState(false);
  const { run, pending } = useApiAction();
  if (!record || record.kind === 'STREET' || record.retiredAt) return null;
  const parentKinds = PARENT_KINDS[record.kind];
  // One possible kind narrows the picker on the server; a grid may go under a community or a compound.
  const filter = parentKinds.length === 1 ? { kind: parentKinds[0] } : {};
  const submit = async (values: Record<string, unknown>) => {
    const ok = await run(
      MOVE_ORG_UNIT,
      { input: { orgUnitId: record.id, parentId: values.parentId, expectedVersion: record.version } },
      { success: 'wishgrid.orgUnits.move.done' },
    );
    if (ok) setOpen(false);
  };
  return (
    <>
      <Button label="wishgrid.orgUnits.action.move" onClick={() => setOpen(true)}>
        <DriveFileMoveIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <Form record={{}} onSubmit={submit}>
          <DialogTitle>{translate('wishgrid.orgUnits.move.title', { name: name(record) })}</DialogTitle>
          <DialogContent>
            <DialogContentText>{translate('wishgrid.orgUnits.move.hint')}</DialogContentText>
            <OrgUnitInput
              source="parentId"
              label="resources.orgUnits.fields.parentId"
              filter={filter}
              validate={required()}
            />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={pending}>
              {translate('ra.action.confirm')}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
