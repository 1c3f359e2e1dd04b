import { ArrayInput, Create, PasswordInput, required, SimpleForm, SimpleFormIterator, TextInput } from 'react-admin';
import { RoleInput, RoleUnitInput } from './RoleInputs.tsx';

/** A person needs at least one role (the API refuses none). */
const atLeastOneRole = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : 'wishgrid.people.rolesHint';

export const PersonCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ roles: [{}] }}>
      <TextInput source="displayName" validate={required()} />
      <TextInput source="username" helperText="wishgrid.people.usernameHint" />
      <TextInput source="phone" />
      <PasswordInput source="password" helperText="wishgrid.people.passwordHint" />
      <ArrayInput source="roles" validate={atLeastOneRole} helperText="wishgrid.people.rolesHint">
        <SimpleFormIterator inline disableReordering>
          <RoleInput />
          <RoleUnitInput scoped />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  </Create>
);
