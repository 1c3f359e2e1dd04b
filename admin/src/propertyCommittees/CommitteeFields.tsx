import { DateInput, FormDataConsumer, required, SelectInput, TextInput } from 'react-admin';
import { serviceModeChoices } from './committee-enums.ts';

/** The committee's own fields, shared by the create and edit forms (a company only for PROFESSIONAL_COMPANY). */
export const CommitteeFields = () => (
  <>
    <TextInput source="name" validate={required()} />
    <DateInput source="foundedOn" validate={required()} />
    <SelectInput source="serviceMode" choices={serviceModeChoices} validate={required()} />
    <FormDataConsumer<{ serviceMode?: string }>>
      {({ formData }) =>
        formData.serviceMode === 'PROFESSIONAL_COMPANY' ? (
          <TextInput source="companyName" validate={required()} helperText="wishgrid.propertyCommittees.companyHint" />
        ) : null
      }
    </FormDataConsumer>
    <TextInput source="partyOrganization" validate={required()} />
    <TextInput source="notes" multiline minRows={2} />
  </>
);
