import { Create, DateInput, FormDataConsumer, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { CompoundWithoutManagementInput } from './CompoundWithoutManagementInput.tsx';
import { serviceModeChoices } from './committee-enums.ts';

const today = () => new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD in the browser's time zone

// A second active committee for the same compound (e.g. set up meanwhile in another window) is refused by
// the server with CONFLICT: react-admin shows its message and the form stays.
export const PropertyCommitteeCreate = () => (
  <Create redirect="show" mutationMode="pessimistic">
    <SimpleForm defaultValues={{ serviceMode: 'SELF_MANAGED', foundedOn: today() }}>
      <CompoundWithoutManagementInput source="compoundId" />
      <TextInput source="name" validate={required()} />
      <DateInput source="foundedOn" validate={required()} />
      <SelectInput source="serviceMode" choices={serviceModeChoices} validate={required()} />
      <FormDataConsumer<{ serviceMode?: string }>>
        {({ formData }) =>
          formData.serviceMode === 'PROFESSIONAL_COMPANY' ? (
            <TextInput
              source="companyName"
              validate={required()}
              helperText="wishgrid.propertyCommittees.companyHint"
            />
          ) : null
        }
      </FormDataConsumer>
      <TextInput source="partyOrganization" validate={required()} />
      <TextInput source="notes" multiline minRows={2} />
    </SimpleForm>
  </Create>
);
