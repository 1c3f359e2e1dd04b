import { FormDataConsumer, required, SelectInput } from 'react-admin';
import { useStaffRoles } from '../common/staff-roles.ts';
import { OrgUnitInput } from '../orgUnits/OrgUnitInput.tsx';
import { grantableRoleChoices, unitFilterFor } from './roles.ts';

/** A role the viewer may grant. */
export const RoleInput = () => {
  const { isStreetAdmin } = useStaffRoles();
  return (
    <SelectInput
      source="role"
      label="resources.people.fields.role"
      choices={grantableRoleChoices(isStreetAdmin)}
      validate={required()}
    />
  );
};

/**
 * The unit the role next to it is held at, the picker narrowed to the kinds of unit the role fits;
 * `scoped` inside an array input (one row of a person's roles).
 */
export const RoleUnitInput = ({ scoped = false }: { scoped?: boolean }) => (
  <FormDataConsumer>
    {({ formData, scopedFormData }) => (
      <OrgUnitInput
        source="orgUnitId"
        label="wishgrid.people.unit"
        filter={unitFilterFor((scoped ? scopedFormData : formData)?.role)}
        validate={required()}
      />
    )}
  </FormDataConsumer>
);
