import { Create, SimpleForm } from 'react-admin';
import { CommitteeFields } from './CommitteeFields.tsx';
import { CompoundWithoutManagementInput } from './CompoundWithoutManagementInput.tsx';

const today = () => new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD in the browser's time zone

// A second active committee for the same compound (e.g. set up meanwhile in another window) is refused by
// the server with CONFLICT: react-admin shows its message and the form stays.
export const PropertyCommitteeCreate = () => (
  <Create redirect="show" mutationMode="pessimistic">
    <SimpleForm defaultValues={{ serviceMode: 'SELF_MANAGED', foundedOn: today() }}>
      <CompoundWithoutManagementInput source="compoundId" />
      <CommitteeFields />
    </SimpleForm>
  </Create>
);
