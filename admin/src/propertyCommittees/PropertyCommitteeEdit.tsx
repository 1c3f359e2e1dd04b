import { DateInput, Edit, FormDataConsumer, Labeled, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { UnitLink } from '../orgUnits/UnitLink.tsx';
import { serviceModeChoices } from './committee-enums.ts';

// Pessimistic: a stale version (CONFLICT) or a refusal keeps the form open with the server's message.
export const PropertyCommitteeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <Labeled label="resources.propertyCommittees.fields.compound">
        <UnitLink source="compound" />
      </Labeled>
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
  </Edit>
);
