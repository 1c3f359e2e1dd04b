import ArchiveIcon from '@mui/icons-material/Archive';
import { DialogAction } from '../common/DialogAction.tsx';
import { useLocalName } from '../common/names.tsx';
import { inService, type UnitRecord } from './org-unit-enums.ts';
import { RETIRE_ORG_UNIT } from './queries.ts';

/**
 * Retires the unit after a confirmation. The server refuses while the unit still has open wishes, members,
 * units below it, an active committee or planned activities, and says which: that message is shown as is.
 */
export const RetireOrgUnitButton = () => {
  const name = useLocalName();
  return (
    <DialogAction
      when={inService}
      label="wishgrid.orgUnits.action.retire"
      icon={<ArchiveIcon />}
      color="warning"
      title="wishgrid.orgUnits.retire.title"
      content="wishgrid.orgUnits.retire.content"
      messageArgs={(unit: UnitRecord) => ({ name: name(unit) })}
      mutation={RETIRE_ORG_UNIT}
      variables={(_values, unit) => ({ input: { orgUnitId: unit.id, expectedVersion: unit.version } })}
      success="wishgrid.orgUnits.retire.done"
    />
  );
};
