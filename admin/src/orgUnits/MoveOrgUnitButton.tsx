import DriveFileMoveIcon from '@mui/icons-material/DriveFileMove';
import { useRecordContext } from 'react-admin';
import { DialogAction } from '../common/DialogAction.tsx';
import { useLocalName } from '../common/names.tsx';
import { ParentUnitInput } from './OrgUnitInput.tsx';
import { inService, type UnitRecord } from './org-unit-enums.ts';
import { MOVE_ORG_UNIT } from './queries.ts';

/** Re-parents the unit (and its subtree) under a unit picked by name. */
export const MoveOrgUnitButton = () => {
  const record = useRecordContext<UnitRecord>();
  const name = useLocalName();
  return (
    <DialogAction
      when={inService}
      label="wishgrid.orgUnits.action.move"
      icon={<DriveFileMoveIcon />}
      title="wishgrid.orgUnits.move.title"
      content="wishgrid.orgUnits.move.hint"
      messageArgs={(unit: UnitRecord) => ({ name: name(unit) })}
      mutation={MOVE_ORG_UNIT}
      variables={(values, unit) => ({
        input: { orgUnitId: unit.id, parentId: values.parentId, expectedVersion: unit.version },
      })}
      success="wishgrid.orgUnits.move.done"
    >
      <ParentUnitInput kind={record?.kind} />
    </DialogAction>
  );
};
