import { Edit } from 'react-admin';
import { ActivityForm } from './ActivityForm.tsx';

// Pessimistic: a refusal (not PLANNED any more, a stale version, capacity below the sign-ups) shows at once.
export const ActivityEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <ActivityForm />
  </Edit>
);
