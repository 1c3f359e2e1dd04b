import {
  AutocompleteInput,
  DateTimeInput,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
} from 'react-admin';
import { OrgUnitInput } from '../orgUnits/OrgUnitInput.tsx';
import { themeOptionText } from './ActivityFilters.tsx';

const endsAfterStart = (value: unknown, values: { startsAt?: unknown }) =>
  value && values.startsAt && new Date(String(value)) <= new Date(String(values.startsAt))
    ? 'wishgrid.activities.endsBeforeStart'
    : undefined;

/** Theme, organiser, time, place, capacity and points: the same form to create and to edit an activity. */
export const ActivityForm = () => (
  // No delete: the API keeps activities (a planned one is called off with "cancel").
  <SimpleForm
    defaultValues={{ capacity: 20, pointsPerParticipant: 0 }}
    toolbar={
      <Toolbar>
        <SaveButton />
      </Toolbar>
    }
  >
    <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
    <ReferenceInput source="theme.id" reference="monthlyThemes" sort={{ field: 'month', order: 'DESC' }}>
      <AutocompleteInput
        label="resources.activities.fields.theme"
        filterToQuery={(q: string) => ({ q })}
        optionText={themeOptionText}
        helperText="wishgrid.activities.themeHelp"
        sx={{ minWidth: 320 }}
      />
    </ReferenceInput>
    <OrgUnitInput source="organizer.id" label="resources.activities.fields.organizer" validate={required()} />
    <TextInput source="place" validate={[required(), maxLength(200)]} fullWidth />
    <DateTimeInput source="startsAt" validate={required()} />
    <DateTimeInput source="endsAt" validate={[required(), endsAfterStart]} />
    <NumberInput source="capacity" validate={[required(), minValue(1), maxValue(10000)]} step={1} />
    <NumberInput
      source="pointsPerParticipant"
      validate={[minValue(0), maxValue(1000)]}
      step={1}
      helperText="wishgrid.activities.pointsHelp"
    />
    <TextInput source="description" multiline minRows={3} fullWidth validate={maxLength(4000)} />
  </SimpleForm>
);
