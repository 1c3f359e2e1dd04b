import { Create } from 'react-admin';
import { ActivityForm } from './ActivityForm.tsx';

export const ActivityCreate = () => (
  <Create redirect="show">
    <ActivityForm />
  </Create>
);
