import { Edit, Labeled, SimpleForm } from 'react-admin';
import { UnitLink } from '../orgUnits/UnitLink.tsx';
import { CommitteeFields } from './CommitteeFields.tsx';

// Pessimistic: a stale version (CONFLICT) or a refusal keeps the form open with the server's message.
export const PropertyCommitteeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <Labeled label="resources.propertyCommittees.fields.compound">
        <UnitLink source="compound" />
      </Labeled>
      <CommitteeFields />
    </SimpleForm>
  </Edit>
);
