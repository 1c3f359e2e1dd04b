import { Edit } from 'react-admin';
import { ServiceBrandForm } from './ServiceBrandForm.tsx';

// Pessimistic: a refusal (a code taken, a brand still used by a theme) shows at once, with the server's words.
export const ServiceBrandEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <ServiceBrandForm />
  </Edit>
);
