/** Login, bearer tokens and the viewer they stand for. */

import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PersonVerification } from '../../entities/person.entity.ts';
import { isMasked, type Viewer, type ViewerRole } from '../auth/viewer.ts';
import { badInput, unauthenticated } from '../kernel/errors.ts';
import { verifyPassword } from './password.ts';
import { hashToken, type RoleRow, toViewerRole } from './sessions.ts';

/** A viewer's roles read beside their person `p`: one row per role, or one row of nulls for a person with none. */
const ROLE_COLUMNS = 'r.role, r.org_unit_id, u.path, u.kind, pu.path as parent_path';
const ROLE_JOINS = `left join person_role r on r.person_id = p.id
       left join org_unit u on u.id = r.org_unit_id
       left join org_unit pu on pu.id = u.parent_id`;

/** The roles among such rows (the row of nulls of a person with no role holds none). */
function heldRoles(rows: readonly Partial<RoleRow>[]): ViewerRole[] {
  return rows
    .filter((r) => r.role != null && r.org_unit_id != null && r.path != null)
    .map((r) => toViewerRole(r as RoleRow));
}

export async function loadViewer(em: EntityManager, personId: number): Promise<Viewer | null> {
  const rows = await em.execute<({ display_name: string; verification: PersonVerification } & Partial<RoleRow>)[]>(
    `select p.display_name, p.verification, ${ROLE_COLUMNS} from person p ${ROLE_JOINS} where p.id = ? order by r.id`,
    [personId],
  );
  const first = rows[0];
  if (!first) return null;
  return { personId, displayName: first.display_name, roles: heldRoles(rows), verification: first.verification };
}

export async function login(
  em: EntityManager,
  username: string,
  password: string,
  ttlSeconds: number,
  /** The lifetime of a display screen's token (DISPLAY-only accounts). */
  displayTtlSeconds: number = ttlSeconds,
): Promise<{ token: string; personId: number; expiresAt: Date }> {
  const name = (username ?? '').trim();
  if (name.length === 0) throw badInput('username', 'must not be empty');
  if (name.length > 100) throw badInput('username', 'must be at most 100 characters');
  if ((password ?? '').length === 0) throw badInput('password', 'must not be empty');
  if (password.length > 200) throw badInput('password', 'must be at most 200 characters');
  const [person] = await em.execute<{ id: number; password_hash: string | null; active: boolean }[]>(
    'select id, password_hash, active from person where username = ?',
    [name],
  );
  const ok = await verifyPassword(password, person?.password_hash);
  // A deactivated account is refused exactly like a wrong password: the answer says nothing about the account.
  if (!person || !ok || !person.active) throw unauthenticated('Wrong username or password');
  const token = randomBytes(32).toString('base64url');
  const viewer = await loadViewer(em, person.id);
  const ttl = viewer && isMasked(viewer) ? displayTtlSeconds : ttlSeconds;
  const expiresAt = new Date(Date.now() + ttl * 1000);
  await em.execute('insert into auth_session (token_hash, person_id, created_at, expires_at) values (?, ?, ?, ?)', [
    hashToken(token),
    person.id,
    new Date(),
    expiresAt,
  ]);
  return { token, personId: person.id, expiresAt };
}

/** The session behind a valid token: its hash (how revocations name it) and when it expires. */
export interface SessionInfo {
  tokenHash: string;
  expiresAt: Date;
}

export type TokenCheck =
  | { kind: 'none' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'ok'; viewer: Viewer; session: SessionInfo };

/** Reads `Bearer <token>`; anything else present but unusable is 'invalid', never silently anonymous. */
export async function authenticate(
  em: EntityManager,
  header: string | null | undefined,
  /** Display screens renew their token as they use it, so a wall screen never needs a person to log in again. */
  displayTtlSeconds?: number,
): Promise<TokenCheck> {
  if (header === null || header === undefined || header.trim() === '') return { kind: 'none' };
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header.trim());
  if (!match) return { kind: 'invalid', reason: 'Malformed authorization: expected "Bearer <token>"' };
  const tokenHash = hashToken(match[1] as string);
  // The session, its person and their roles in one statement (one row per role, at least one row).
  const rows = await em.execute<
    ({
      person_id: number;
      expires_at: Date;
      active: boolean;
      display_name: string;
      verification: PersonVerification;
    } & Partial<RoleRow>)[]
  >(
    `select s.person_id, s.expires_at, p.active, p.display_name, p.verification, ${ROLE_COLUMNS}
       from auth_session s join person p on p.id = s.person_id ${ROLE_JOINS}
      where s.token_hash = ? order by r.id`,
    [tokenHash],
  );
  const session = rows[0];
  // Deactivating a person also deletes their sessions; checking `active` here covers any token left over.
  if (!session?.active) return { kind: 'invalid', reason: 'Unknown or revoked token: log in again' };
  if (new Date(session.expires_at).getTime() <= Date.now()) {
    return { kind: 'invalid', reason: 'The token has expired: log in again' };
  }
  const viewer: Viewer = {
    personId: session.person_id,
    displayName: session.display_name,
    roles: heldRoles(rows),
    verification: session.verification,
  };
  let expiresAt = new Date(session.expires_at);
  if (displayTtlSeconds && isMasked(viewer)) {
    // Renewed when less than half its lifetime is left: at most one write per half lifetime.
    if (expiresAt.getTime() - Date.now() < (displayTtlSeconds * 1000) / 2) {
      expiresAt = new Date(Date.now() + displayTtlSeconds * 1000);
      await em.execute('update auth_session set expires_at = ? where token_hash = ?', [expiresAt, tokenHash]);
    }
  }
  return { kind: 'ok', viewer, session: { tokenHash, expiresAt } };
}

/**
 * Revokes the token of `header`. Returns the hash of the session it ended (none if there was none), for the
 * caller to announce to every replica's open connections once this has committed.
 */
export async function logout(em: EntityManager, header: string | null | undefined): Promise<string[]> {
  const match = /^Bearer\s+(\S+)$/i.exec((header ?? '').trim());
  if (!match) return [];
  return endSessions(em, 'token_hash = ?', [hashToken(match[1] as string)]);
}

/**
 * Deletes the sessions of a person (in the caller's transaction): after deactivation, a new password or a removed
 * username. Returns their hashes, to announce once the transaction has committed.
 */
export function endSessionsOf(em: EntityManager, personId: number): Promise<string[]> {
  return endSessions(em, 'person_id = ?', [personId]);
}

async function endSessions(em: EntityManager, where: string, params: unknown[]): Promise<string[]> {
  const deleted = await em.execute<{ token_hash: string }[]>(
    `delete from auth_session where ${where} returning token_hash`,
    params,
  );
  return deleted.map((r) => r.token_hash);
}
