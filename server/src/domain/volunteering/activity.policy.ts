/**
 * Who may do what with volunteering: brands and themes are the street's; an activity is run by staff of its
 * organiser unit, a secretary above it, or the street; check-ins are recorded by secretaries above the organiser
 * or the street; who signed up and who came (names) is for staff whose area holds the organiser unit.
 */
import { hasRole, isMasked, isStaff, isUnder, STAFF_ROLES, type Viewer } from '../auth/viewer.ts';
import { forbidden } from '../kernel/errors.ts';
import { pgArray } from '../kernel/sql.ts';

export interface Organizer {
  id: number;
  /** Materialized path of the organiser unit. */
  path: string;
}

/** Service brands and monthly themes are edited by street staff (STREET_ADMIN) only. */
export function requireStreetAdmin(viewer: Viewer, what: string): void {
  if (!hasRole(viewer, ['STREET_ADMIN'])) throw forbidden(`Only street staff (STREET_ADMIN) may ${what}`);
}

/** STREET_ADMIN anywhere; a BRANCH_SECRETARY whose subtree holds the organiser; staff of the organiser unit itself. */
export function canManageActivity(viewer: Viewer, organizer: Organizer): boolean {
  return viewer.roles.some(
    (r) =>
      r.role === 'STREET_ADMIN' ||
      (r.role === 'BRANCH_SECRETARY' && isUnder(organizer.path, r.scopePath)) ||
      (STAFF_ROLES.includes(r.role) && r.orgUnitId === organizer.id),
  );
}

/** FORBIDDEN unless the viewer may manage activities of the organiser; `what` is the verb ("edit", "cancel"…). */
export function requireManager(viewer: Viewer, organizer: Organizer, what: string): void {
  if (!canManageActivity(viewer, organizer)) {
    throw forbidden(`Only staff of the organiser unit, a secretary above it, or the street may ${what}`);
  }
}

/** `canManageActivity` as an SQL condition over the activity `a` and its organiser unit `o`. */
export function manageableCondition(viewer: Viewer): { sql: string; params: unknown[] } {
  const secretaryPaths = viewer.roles.filter((r) => r.role === 'BRANCH_SECRETARY').map((r) => `${r.scopePath}%`);
  const ownUnits = viewer.roles.filter((r) => STAFF_ROLES.includes(r.role)).map((r) => r.orgUnitId);
  return {
    sql: '? or o.path like any (?::text[]) or a.organizer_id = any(?::int[])',
    params: [hasRole(viewer, ['STREET_ADMIN']), pgArray(secretaryPaths), pgArray(ownUnits)],
  };
}

/** Check-ins are recorded by a BRANCH_SECRETARY or STREET_ADMIN of the organiser unit or a unit above it. */
export function canRecordCheckIns(viewer: Viewer, organizerPath: string): boolean {
  return viewer.roles.some(
    (r) => r.role === 'STREET_ADMIN' || (r.role === 'BRANCH_SECRETARY' && isUnder(organizerPath, r.scopePath)),
  );
}

/** Names of who signed up and who attended: staff whose area holds the organiser unit. */
export function canSeeAttendees(viewer: Viewer, organizerPath: string): boolean {
  return viewer.roles.some(
    (r) => r.role === 'STREET_ADMIN' || (STAFF_ROLES.includes(r.role) && isUnder(organizerPath, r.scopePath)),
  );
}

/** A display screen account takes part in nothing. */
export function requireParticipant(viewer: Viewer): void {
  if (isMasked(viewer)) throw forbidden('A display screen account cannot sign up for activities');
}

/** Participation figures (no personal data): staff and display screens. */
export function maySeeParticipation(viewer: Viewer): boolean {
  return isStaff(viewer) || hasRole(viewer, ['DISPLAY']);
}
