import { Edit } from 'react-admin';
import { MonthlyThemeForm } from './MonthlyThemeForm.tsx';

// Pessimistic, so a refusal (the month taken, a stale version) shows at once and nothing looks saved.
export const MonthlyThemeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <MonthlyThemeForm />
  </Edit>
);
