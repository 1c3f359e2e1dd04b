import {
  BooleanField,
  DataTable,
  DateField,
  FunctionField,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectField,
  SelectInput,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { NameField } from '../common/names.tsx';
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
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const { isStreetAdmin } = useStaffRoles();
  return (
    <List exporter={false} filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source={locale === 'en' ? 'name' : 'nameZh'} label="resources.pointRules.fields.localName">
          <NameField source="" />
        </DataTable.Col>
        <DataTable.Col source="kind">
          <SelectField source="kind" choices={pointKindChoices} />
        </DataTable.Col>
        <DataTable.NumberCol source="amount" />
        <DataTable.Col source="capPerYear" disableSort>
          <FunctionField<PointRuleRecord>
            render={(r) => (r.capPerYear === null ? translate('wishgrid.pointRules.noCap') : r.capPerYear)}
          />
        </DataTable.Col>
        <DataTable.Col source="active" disableSort>
          <BooleanField source="active" />
        </DataTable.Col>
        <DataTable.Col source="description" disableSort />
        <DataTable.Col source="updatedAt">
          <DateField source="updatedAt" showTime locales={locale} />
        </DataTable.Col>
        {isStreetAdmin && (
          <DataTable.Col label="ra.action.edit" disableSort>
            <EditPointRuleButton />
          </DataTable.Col>
        )}
      </DataTable>
    </List>
  );
};
