import { CreateButton, FilterButton, TopToolbar } from 'react-admin';
import { useStaffRoles } from './staff-roles.ts';

/**
 * A staff list's toolbar: the filter button, and "create" for those who may create (managers — street
 * staff and secretaries — or street staff only). The server decides in the end; this only hides the button.
 */
export const ListActions = ({ creators }: { creators: 'managers' | 'streetAdmins' }) => {
  const { isManager, isStreetAdmin } = useStaffRoles();
  const mayCreate = creators === 'managers' ? isManager : isStreetAdmin;
  return (
    <TopToolbar>
      <FilterButton />
      {mayCreate ? <CreateButton /> : null}
    </TopToolbar>
  );
};
