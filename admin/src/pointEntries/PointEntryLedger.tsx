import { Chip } from '@mui/material';
import {
  DataTable,
  FunctionField,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  useListContext,
  useTranslate,
} from 'react-admin';
import { NameField, useLocalName } from '../common/names.tsx';
import { DateCol, ResourceList, SelectCol } from '../common/ResourceList.tsx';
import { useStaffRoles } from '../common/staff-roles.ts';
import { streetDate } from '../common/street-time.ts';
import { OrgUnitInput } from '../orgUnits/OrgUnitInput.tsx';
import { pointKindChoices } from '../pointRules/point-kinds.ts';
import { CorrectEntryButton } from './CorrectEntryButton.tsx';
import { EntryAmountField } from './EntryAmountField.tsx';
import { PersonInput } from './PersonInput.tsx';
import { PointsViewSwitch } from './PointsViewSwitch.tsx';
import { type PointEntryRecord, sourceTypeChoices } from './point-entry.ts';

const LedgerFilters = () => {
  const name = useLocalName();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <NumberInput key="year" source="year" min={2000} max={2100} alwaysOn />,
    <PersonInput key="personId" source="personId" personRole="PARTY_MEMBER" alwaysOn />,
    <OrgUnitInput key="orgUnitId" source="orgUnitId" label="resources.pointEntries.fields.orgUnitId" />,
    <SelectInput key="kind" source="kind" choices={pointKindChoices} />,
    <ReferenceInput key="ruleId" source="ruleId" reference="pointRules">
      <SelectInput optionText={(r: { name?: string; nameZh?: string }) => name(r)} />
    </ReferenceInput>,
    <SelectInput key="sourceType" source="sourceType" choices={sourceTypeChoices} />,
  ];
};

/** A correction cannot be corrected; an entry reversed on this page is marked instead of offered again. */
const CorrectionCell = () => {
  const { data } = useListContext<PointEntryRecord>();
  const translate = useTranslate();
  return (
    <FunctionField<PointEntryRecord>
      render={(entry) => {
        if (entry.sourceType === 'CORRECTION') return null;
        if ((data ?? []).some((other) => other.reverses === entry.id)) {
          return <Chip size="small" variant="outlined" label={translate('wishgrid.pointEntries.corrected')} />;
        }
        return <CorrectEntryButton />;
      }}
    />
  );
};

/** The points ledger of the members the viewer keeps: filters, sorting, pages; manual entries and corrections. */
export const PointEntryLedger = () => {
  const { isManager } = useStaffRoles();
  return (
    <ResourceList
      filters={LedgerFilters()}
      filterDefaultValues={{ year: streetDate(new Date()).year }}
      sort={{ field: 'at', order: 'DESC' }}
      creators="managers"
      toolbar={<PointsViewSwitch />}
      rowClick={false}
    >
      <DateCol source="at" moment />
      <DataTable.Col source="member.displayName" label="resources.pointEntries.fields.member" disableSort />
      <SelectCol source="kind" choices={pointKindChoices} />
      <DataTable.Col source="amount" field={EntryAmountField} />
      <DataTable.Col source="reason" disableSort />
      <DataTable.Col source="rule" disableSort>
        <NameField source="rule" />
      </DataTable.Col>
      <SelectCol source="sourceType" choices={sourceTypeChoices} disableSort />
      <DataTable.Col source="recordedBy.displayName" label="resources.pointEntries.fields.recordedBy" disableSort />
      {isManager && (
        <DataTable.Col label="wishgrid.pointEntries.correct" disableSort>
          <CorrectionCell />
        </DataTable.Col>
      )}
    </ResourceList>
  );
};
