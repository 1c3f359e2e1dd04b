import { BooleanInput, maxLength, regex, required, SimpleForm, TextInput } from 'react-admin';

const CODE = regex(/^[A-Za-z0-9_-]{1,50}$/, 'wishgrid.serviceBrands.codeHelp');

/** The fields a street admin sets on a brand, for both create and edit. */
export const ServiceBrandForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={[required(), CODE]} helperText="wishgrid.serviceBrands.codeHelp" />
    <TextInput source="nameZh" validate={[required(), maxLength(100)]} />
    <TextInput source="nameEn" validate={[required(), maxLength(100)]} />
    <TextInput source="description" multiline minRows={3} fullWidth />
    <BooleanInput source="active" defaultValue helperText="wishgrid.serviceBrands.inactiveHelp" />
  </SimpleForm>
);
