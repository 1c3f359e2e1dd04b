import { Create } from 'react-admin';
import { ServiceBrandForm } from './ServiceBrandForm.tsx';

export const ServiceBrandCreate = () => (
  <Create redirect="list">
    <ServiceBrandForm />
  </Create>
);
