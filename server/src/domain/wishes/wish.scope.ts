/**
 * Who sees what: the one place where roles and org subtrees become visibility.
 * The same rule is expressed twice on purpose — as SQL for queries and as a function for live
 * events — and a test checks the two agree for every seeded wish and demo account.
 */
import type { Role } from '../../entities/person.entity.ts';
import { hasRole, isUnder, STAFF_ROLES, type Viewer } from '../auth/viewer.ts';
import { pgArray } from '../kernel/sql.ts';
import type { ActorRelation, WishStatus } from './wish.lifecycle.ts';

const HANDLER_ROLES: readonly Role[] = ['BRANCH_SECRETARY', 'STREET_ADMIN'];
const CLAIMER_ROLES: readonly Role[] = ['PARTY_MEMBER', 'VOLUNTEER'];

/** The facts about a wish that visibility depends on. */
export interface WishScopeFacts {
  status: WishStatus;
  compoundPath: string;
  handlingPath: string;
  residentId: number | null;
  listedById: number;
  /** Everyone ever assigned or named supervisor (active or released). */
  assigneeIds: readonly number[];
  /** Currently active assignees. */
  activeAssigneeIds: readonly number[];
}

function pathsOf(viewer: Viewer, roles: readonly Role[]): string[] {
  return viewer.roles.filter((r) => roles.includes(r.role)).map((r) => r.scopePath);
}

/** Subtrees whose wishes the viewer sees in full whatever their state (staff) or masked (display). */
export function wishScopePrefixes(viewer: Viewer) {
  return {
    staff: pathsOf(viewer, STAFF_ROLES),
    claim: pathsOf(viewer, CLAIMER_ROLES),
    display: pathsOf(viewer, ['DISPLAY']),
  };
}

export function canSeeWish(viewer: Viewer, wish: WishScopeFacts): boolean {
  const me = viewer.personId;
  if (wish.residentId === me || wish.listedById === me || wish.assigneeIds.includes(me)) return true;
  const { staff, claim, display } = wishScopePrefixes(viewer);
  if (staff.some((p) => isUnder(wish.compoundPath, p))) return true;
  if (display.some((p) => isUnder(wish.compoundPath, p))) return true;
  return wish.status === 'OPEN_FOR_CLAIM' && claim.some((p) => isUnder(wish.compoundPath, p));
}

/** The viewer is a branch secretary or street admin whose unit is the unit at `handlingPath` or above it. */
export function handlesAt(viewer: Viewer, handlingPath: string): boolean {
  return pathsOf(viewer, HANDLER_ROLES).some((p) => isUnder(handlingPath, p));
}

/** The viewer handles wishes somewhere (a branch secretary or street admin). */
export function handlesWishes(viewer: Viewer): boolean {
  return pathsOf(viewer, HANDLER_ROLES).length > 0;
}

/** Members and volunteers of the compound's subtree may claim (and so may look at an order they lost). */
export function isClaimerFor(viewer: Viewer, compoundPath: string): boolean {
  return pathsOf(viewer, CLAIMER_ROLES).some((p) => isUnder(compoundPath, p));
}

export function relationsTo(viewer: Viewer, wish: WishScopeFacts): Set<ActorRelation> {
  const me = viewer.personId;
  const relations = new Set<ActorRelation>();
  // Only a wish listed for a resident has an owner: the resident, or the grid worker who listed it for them (who
  // brings the resident's word back). A secretary who listed it handles it: she never rates her own work.
  const listedForResident = wish.residentId !== null && wish.listedById === me && hasRole(viewer, ['GRID_WORKER']);
  if (wish.residentId === me || listedForResident) relations.add('OWNER');
  if (wish.listedById === me) relations.add('LISTER');
  if (wish.activeAssigneeIds.includes(me)) relations.add('ASSIGNEE');
  if (handlesAt(viewer, wish.handlingPath)) {
    relations.add('HANDLER');
    // Nobody can evaluate a wish listed with no resident: its handlers close it without an evaluation.
    if (wish.residentId === null) relations.add('CLOSER');
  }
  if (isClaimerFor(viewer, wish.compoundPath)) relations.add('CLAIMER');
  return relations;
}

/**
 * The same visibility rule as `canSeeWish`, as a SQL condition over `w` (wish) and `c` (its compound).
 * Returns the SQL text and its positional parameters.
 */
export function wishVisibilitySql(viewer: Viewer): { sql: string; params: unknown[] } {
  const { staff, claim, display } = wishScopePrefixes(viewer);
  const full = [...staff, ...display].map((p) => `${p}%`);
  const claimable = claim.map((p) => `${p}%`);
  return {
    sql: `(w.resident_id = ? or w.listed_by_id = ?
      or exists (select 1 from assignment a where a.wish_id = w.id and a.person_id = ?)
      or c.path like any (?::text[])
      or (w.status = 'OPEN_FOR_CLAIM' and c.path like any (?::text[])))`,
    params: [viewer.personId, viewer.personId, viewer.personId, pgArray(full), pgArray(claimable)],
  };
}

/** Which units can this viewer ask about (a unit on the path to, or inside, one of their subtrees)? */
export function relatesToUnit(viewer: Viewer, unitPath: string): boolean {
  return viewer.roles.some((r) => isUnder(unitPath, r.scopePath) || isUnder(r.scopePath, unitPath));
}
