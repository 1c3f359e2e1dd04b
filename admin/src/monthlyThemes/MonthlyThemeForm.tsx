import {
  DeleteButton,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useLocaleState,
  useRecordContext,
} from 'react-admin';
import { useLocalName } from '../common/names.tsx';
import { streetDate } from '../common/street-time.ts';
import { monthChoices } from './months.ts';

/** Save, and on an existing theme delete (refused by the server while activities use it), back to its year. */
const ThemeFormToolbar = () => {
  const record = useRecordContext<{ id: string; year: number }>();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {record?.id && <DeleteButton mutationMode="pessimistic" redirect={() => `/monthlyThemes?year=${record.year}`} />}
    </Toolbar>
  );
};

/** Year, month, title, brand, description and goals: the same form to create and to edit a theme. */
export const MonthlyThemeForm = () => {
  const [locale] = useLocaleState();
  const name = useLocalName();
  return (
    <SimpleForm defaultValues={{ year: streetDate(new Date()).year }} toolbar={<ThemeFormToolbar />}>
      <NumberInput source="year" validate={[required(), minValue(2000), maxValue(2100)]} step={1} />
      <SelectInput
        source="month"
        choices={monthChoices(locale)}
        translateChoice={false}
        validate={required()}
        helperText="wishgrid.monthlyThemes.oneTheme"
      />
      <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
      <ReferenceInput source="brand.id" reference="serviceBrands" filter={{ active: true }}>
        <SelectInput
          label="resources.monthlyThemes.fields.brand"
          optionText={(b: { name?: string; nameZh?: string }) => name(b)}
          emptyText="—"
        />
      </ReferenceInput>
      <TextInput source="description" multiline minRows={3} fullWidth validate={maxLength(4000)} />
      <TextInput source="goals" multiline minRows={3} fullWidth validate={maxLength(4000)} />
    </SimpleForm>
  );
};
