import { BooleanField, DataTable, NullableBooleanInput, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { DateCol, LocalNameCol, ResourceList, SelectCol } from '../common/ResourceList.tsx';
import { useStaffRoles } from '../common/staff-roles.ts';
import { EditPointRuleButton } from './EditPointRuleButton.tsx';
import { type PointRuleRecord, pointKindChoices } from './point-kinds.ts';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={pointKindChoices} alwaysOn />,
  <NullableBooleanInput key="active" source="active" />,
];

/** The rules as data: amounts and yearly caps; street staff edit them in place. */
export const PointRuleList = () => {
  const translate = useTranslate();
  const { isStreetAdmin } = useStaffRoles();
  return (
    <ResourceList filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25} rowClick={false}>
      <DataTable.Col source="code" />
      <LocalNameCol label="resources.pointRules.fields.localName" />
      <SelectCol source="kind" choices={pointKindChoices} />
      <DataTable.NumberCol source="amount" />
      <DataTable.Col<PointRuleRecord>
        source="capPerYear"
        disableSort
        render={(r) => (r.capPerYear === null ? translate('wishgrid.pointRules.noCap') : r.capPerYear)}
      />
      <DataTable.Col source="active" disableSort field={BooleanField} />
      <DataTable.Col source="description" disableSort />
      <DateCol source="updatedAt" showTime />
      {isStreetAdmin && (
        <DataTable.Col label="ra.action.edit" disableSort>
          <EditPointRuleButton />
        </DataTable.Col>
      )}
    </ResourceList>
  );
};
