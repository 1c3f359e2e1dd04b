import type { ReactNode } from 'react';
import {
  BooleanInput,
  Edit,
  minValue,
  NumberInput,
  number,
  required,
  SimpleForm,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { LocalNameTitle } from './LocalNameTitle.tsx';

const CompoundOnly = ({ children }: { children: ReactNode }) => {
  const record = useRecordContext<{ kind: string }>();
  return record?.kind === 'COMPOUND' ? children : null;
};

// Pessimistic: a stale version (CONFLICT) or a refusal keeps the form open with the server's message.
export const OrgUnitEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" title={<LocalNameTitle resource="orgUnits" />}>
    <SimpleForm>
      <TextInput source="nameZh" validate={required()} />
      <TextInput source="name" validate={required()} />
      <NumberInput source="population" validate={[number(), minValue(0)]} />
      <NumberInput source="households" validate={[number(), minValue(0)]} />
      <CompoundOnly>
        <BooleanInput source="hasPropertyManagement" />
      </CompoundOnly>
      <TextInput source="partyOrganization" />
      <TextInput source="description" multiline minRows={2} />
    </SimpleForm>
  </Edit>
);
