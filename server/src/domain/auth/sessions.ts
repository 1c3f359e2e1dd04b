/**
 * Sessions as the live transport sees them: what ends or changes one — a message the live hub carries to every
 * replica once the change has committed — and the state of many sessions at once, for the periodic check of
 * the WebSocket connections a replica holds open.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../../entities/person.entity.ts';
import { pgArray } from '../kernel/sql.ts';
import type { ViewerRole } from './viewer.ts';

/** Tokens are stored (and named between replicas) only as this hash. */
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export type SessionChange =
  /** `logout`, deactivation, a new password or a removed username: these sessions have ended. */
  | { kind: 'sessions-ended'; tokenHashes: string[] }
  /** A role granted or revoked: the sessions stay, but a connection opened with the old roles must reopen. */
  | { kind: 'roles-changed'; personId: number };

/** Hands a change to the live hub; called only after the transaction that made it has committed. */
export type PublishSessionChange = (change: SessionChange) => void;

export interface RoleRow {
  role: Role;
  org_unit_id: number;
  path: string;
  kind: string;
  parent_path: string | null;
}

export function toViewerRole(row: RoleRow): ViewerRole {
  return {
    role: row.role,
    orgUnitId: row.org_unit_id,
    orgPath: row.path,
    // A grid covers the general area it belongs to (its community or compound).
    scopePath: row.kind === 'GRID' && row.parent_path ? row.parent_path : row.path,
  };
}

/** The roles a viewer holds as one comparable string: role, unit and the unit's place in the tree. */
export const rolesKey = (roles: readonly ViewerRole[]): string =>
  roles.map((r) => `${r.role}@${r.orgUnitId}@${r.orgPath}@${r.scopePath}`).join(',');

export interface SessionState {
  personId: number;
  expiresAt: Date;
  /** The person is active (a deactivated person's sessions are deleted too; this covers any left over). */
  active: boolean;
  roles: ViewerRole[];
}

/** The sessions of these token hashes that still exist, by hash (a revoked one is absent). */
export async function sessionStates(
  em: EntityManager,
  tokenHashes: readonly string[],
): Promise<Map<string, SessionState>> {
  const states = new Map<string, SessionState>();
  if (tokenHashes.length === 0) return states;
  const sessions = await em.execute<{ token_hash: string; person_id: number; expires_at: Date; active: boolean }[]>(
    `select s.token_hash, s.person_id, s.expires_at, p.active
       from auth_session s join person p on p.id = s.person_id
      where s.token_hash = any(?::text[])`,
    [pgArray([...new Set(tokenHashes)])],
  );
  if (sessions.length === 0) return states;
  const roleRows = await em.execute<(RoleRow & { person_id: number })[]>(
    `select r.person_id, r.role, r.org_unit_id, u.path, u.kind, pu.path as parent_path
       from person_role r join org_unit u on u.id = r.org_unit_id left join org_unit pu on pu.id = u.parent_id
      where r.person_id = any(?::int[]) order by r.id`,
    [pgArray([...new Set(sessions.map((s) => s.person_id))])],
  );
  const roles = new Map<number, ViewerRole[]>();
  for (const row of roleRows) {
    const held = roles.get(row.person_id) ?? [];
    held.push(toViewerRole(row));
    roles.set(row.person_id, held);
  }
  for (const s of sessions) {
    states.set(s.token_hash, {
      personId: s.person_id,
      expiresAt: new Date(s.expires_at),
      active: s.active,
      roles: roles.get(s.person_id) ?? [],
    });
  }
  return states;
}

/** Moves the expiry of these sessions to `expiresAt` (display screens renew theirs while they are connected). */
export async function renewSessions(em: EntityManager, tokenHashes: readonly string[], expiresAt: Date) {
  if (tokenHashes.length === 0) return;
  await em.execute('update auth_session set expires_at = ? where token_hash = any(?::text[]) and expires_at < ?', [
    expiresAt,
    pgArray([...new Set(tokenHashes)]),
    expiresAt,
  ]);
}
