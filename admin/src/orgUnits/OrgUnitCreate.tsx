import {
  BooleanInput,
  Create,
  FormDataConsumer,
  minValue,
  NumberInput,
  number,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { useStaffRoles } from '../common/staff-roles.ts';
import { ParentUnitInput } from './OrgUnitInput.tsx';
import { creatableKindChoices, type OrgUnitKind } from './org-unit-enums.ts';

/** Branch secretaries add compounds and grids in their subtree; street staff any kind. */
export const OrgUnitCreate = () => {
  const { isStreetAdmin } = useStaffRoles();
  const kinds = creatableKindChoices(isStreetAdmin);
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ hasPropertyManagement: false }}>
        <SelectInput source="kind" choices={kinds} validate={required()} />
        <FormDataConsumer<{ kind?: OrgUnitKind }>>
          {({ formData }) => <ParentUnitInput kind={formData.kind} />}
        </FormDataConsumer>
        <TextInput source="nameZh" validate={required()} />
        <TextInput source="name" validate={required()} />
        <NumberInput source="population" validate={[number(), minValue(0)]} />
        <NumberInput source="households" validate={[number(), minValue(0)]} />
        <FormDataConsumer<{ kind?: OrgUnitKind }>>
          {({ formData }) => (formData.kind === 'COMPOUND' ? <BooleanInput source="hasPropertyManagement" /> : null)}
        </FormDataConsumer>
        <TextInput source="partyOrganization" />
        <TextInput source="description" multiline minRows={2} />
      </SimpleForm>
    </Create>
  );
};
