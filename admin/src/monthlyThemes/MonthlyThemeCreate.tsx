import { Create } from 'react-admin';
import { MonthlyThemeForm } from './MonthlyThemeForm.tsx';

// Back to the year of the new theme, where it now fills its month. A month already taken is refused by the
// server (CONFLICT); react-admin shows its message and the form stays as it was.
export const MonthlyThemeCreate = () => (
  <Create redirect={(_resource, _id, data) => `/monthlyThemes?year=${String(data?.year ?? '')}`}>
    <MonthlyThemeForm />
  </Create>
);
