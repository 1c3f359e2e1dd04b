import type { ReactNode } from 'react';
import { CreateButton, FilterButton, TopToolbar } from 'react-admin';
import { useStaffRoles } from './staff-roles.ts';

/** Who may create records of a list's resource (the server decides in the end; this only hides the button). */
export type Creators = 'managers' | 'streetAdmins' | 'nobody';

/**
 * A staff list's toolbar: the list's own buttons first (e.g. a view switch), the filter button, and "create"
 * for those who may create: managers (street staff and secretaries) or street staff only.
 */
export const ListActions = ({ creators, children }: { creators: Creators; children?: ReactNode }) => {
  const { isManager, isStreetAdmin } = useStaffRoles();
  const mayCreate = creators === 'managers' ? isManager : creators === 'streetAdmins' && isStreetAdmin;
  return (
    <TopToolbar>
      {children}
      <FilterButton />
      {mayCreate ? <CreateButton /> : null}
    </TopToolbar>
  );
};
