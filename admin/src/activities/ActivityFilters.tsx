import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  NullableBooleanInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
} from 'react-admin';
import { OrgUnitInput } from '../orgUnits/OrgUnitInput.tsx';
import { activityStatusChoices } from './activity-statuses.ts';

export const themeOptionText = (t: { year: number; month: number; title: string } | undefined) =>
  t ? `${t.year}-${String(t.month).padStart(2, '0')} ${t.title}` : '';

/** The activity list's filters, one per field of the API's ActivityListFilter. */
export const activityFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <OrgUnitInput key="orgUnitId" source="orgUnitId" label="resources.activities.fields.orgUnitId" alwaysOn />,
  <SelectInput key="status" source="status" choices={activityStatusChoices} alwaysOn />,
  <ReferenceInput key="themeId" source="themeId" reference="monthlyThemes" sort={{ field: 'month', order: 'DESC' }}>
    <AutocompleteInput filterToQuery={(q: string) => ({ q })} optionText={themeOptionText} sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
  <NullableBooleanInput key="upcoming" source="upcoming" />,
  <BooleanInput key="manageable" source="manageable" />,
];
