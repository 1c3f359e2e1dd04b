import { Edit, PasswordInput, required, SimpleForm, TextInput } from 'react-admin';

// Roles change on the person's page (grant / revoke); here the name, login and phone.
export const PersonEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <TextInput source="displayName" validate={required()} />
      <TextInput source="username" helperText="wishgrid.people.usernameHint" />
      <TextInput source="phone" />
      <PasswordInput source="password" helperText="wishgrid.people.newPasswordHint" />
    </SimpleForm>
  </Edit>
);
