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
import { OrgUnitInput } from './OrgUnitInput.tsx';
import { creatableKindChoices, type OrgUnitKind, PARENT_KINDS } from './org-unit-enums.ts';

/** Branch secretaries add compounds and grids in their subtree; street staff any kind. */
const SECRETARY_KINDS = ['COMPOUND', 'GRID'];

export const OrgUnitCreate = () => {
  const { isStreetAdmin } = useStaffRoles();
  const kinds = isStreetAdmin
    ? creatableKindChoices
    : creatableKindChoices.filter((c) => SECRETARY_KINDS.includes(c.id));
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ hasPropertyManagement: false }}>
        <SelectInput source="kind" choices={kinds} validate={required()} />
        <FormDataConsumer<{ kind?: OrgUnitKind }>>
          {({ formData }) => {
            const parentKinds = formData.kind ? PARENT_KINDS[formData.kind] : [];
            return (
              <OrgUnitInput
                source="parentId"
                label="resources.orgUnits.fields.parentId"
                filter={parentKinds.length === 1 ? { kind: parentKinds[0] } : {}}
                validate={required()}
              />
            );
          }}
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
