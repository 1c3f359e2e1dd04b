/**
 * What the signed-in person may manage, read from their roles (getIdentity). Only used to hide buttons the
 * viewer could not use anyway: the server decides every change and its scope.
 */
import { useGetIdentity } from 'react-admin';
import type { SessionRole } from '../auth/session.ts';

export interface StaffRoles {
  /** STREET_ADMIN: manages everything across the street. */
  isStreetAdmin: boolean;
  /** BRANCH_SECRETARY somewhere: manages compounds, grids, people and committees in their subtree. */
  isSecretary: boolean;
  /** The units the viewer is a branch secretary of. */
  secretaryUnitIds: string[];
  /** Admin or secretary: may create and change things within their scope. */
  isManager: boolean;
}

export function staffRolesOf(roles: readonly SessionRole[] | undefined): StaffRoles {
  const list = roles ?? [];
  const isStreetAdmin = list.some((r) => r.role === 'STREET_ADMIN');
  const secretaryUnitIds = list.flatMap((r) => (r.role === 'BRANCH_SECRETARY' && r.orgUnit ? [r.orgUnit.id] : []));
  const isSecretary = secretaryUnitIds.length > 0;
  return { isStreetAdmin, isSecretary, secretaryUnitIds, isManager: isStreetAdmin || isSecretary };
}

export function useStaffRoles(): StaffRoles {
  const { identity } = useGetIdentity();
  return staffRolesOf(identity?.roles as SessionRole[] | undefined);
}
