import {
  Create,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { PersonInput } from './PersonInput.tsx';
import { manualKindChoices } from './point-entry.ts';

/** A manual entry by a secretary or street staff: a party member, add or deduct, 1–1000 points, a reason. */
export const PointEntryCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ kind: 'POSITIVE' }}>
      <PersonInput source="personId" personRole="PARTY_MEMBER" validate={required()} />
      <SelectInput
        source="kind"
        choices={manualKindChoices}
        validate={required()}
        helperText="wishgrid.pointEntries.manualHelp"
      />
      <NumberInput
        source="amount"
        validate={[required(), minValue(1), maxValue(1000)]}
        step={1}
        helperText="wishgrid.pointEntries.amountHelp"
      />
      <TextInput
        source="reason"
        validate={[required(), maxLength(500)]}
        multiline
        minRows={2}
        fullWidth
        helperText="wishgrid.pointEntries.reasonHelp"
      />
    </SimpleForm>
  </Create>
);
