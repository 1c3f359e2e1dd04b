import {
  ArrayInput,
  Create,
  FormDataConsumer,
  PasswordInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { useStaffRoles } from '../common/staff-roles.ts';
import { OrgUnitInput } from '../orgUnits/OrgUnitInput.tsx';
import { roleChoices, SECRETARY_GRANTS, unitFilterFor } from './roles.ts';

/** A person needs at least one role (the API refuses none). */
const atLeastOneRole = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : 'wishgrid.people.rolesHint';

export const PersonCreate = () => {
  const { isStreetAdmin } = useStaffRoles();
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ roles: [{}] }}>
        <TextInput source="displayName" validate={required()} />
        <TextInput source="username" helperText="wishgrid.people.usernameHint" />
        <TextInput source="phone" />
        <PasswordInput source="password" helperText="wishgrid.people.passwordHint" />
        <ArrayInput source="roles" validate={atLeastOneRole} helperText="wishgrid.people.rolesHint">
          <SimpleFormIterator inline disableReordering>
            <SelectInput
              source="role"
              label="resources.people.fields.role"
              choices={roleChoices(isStreetAdmin ? undefined : SECRETARY_GRANTS)}
              validate={required()}
            />
            <FormDataConsumer>
              {({ scopedFormData }) => (
                <OrgUnitInput
                  source="orgUnitId"
                  label="wishgrid.people.unit"
                  filter={unitFilterFor(scopedFormData?.role)}
                  validate={required()}
                />
              )}
            </FormDataConsumer>
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
};
