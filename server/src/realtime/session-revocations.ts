/**
 * The sessions behind this replica's open WebSocket connections. A connection ends (the transport closes its
 * socket with 4403) when its session ends anywhere: at once when the live hub announces, from any replica, a
 * logout, a deactivation, a new password or a role change — and at the latest at the next periodic check,
 * which also catches expiry, a unit moved in the tree and anything the hub missed. While connected, a display
 * screen's session renews as it would with every request.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  renewSessions,
  rolesKey,
  type SessionChange,
  type SessionState,
  sessionStates,
} from '../domain/auth/sessions.ts';
import type { Logger } from '../logger.ts';
import type { WishEventHub } from './wish-event-hub.ts';

export const SESSION_ENDED = 'Session ended: log in again';
export const SESSION_EXPIRED = 'The token has expired: log in again';
export const ROLES_CHANGED = 'Your roles changed: open a new connection';

/** One open connection's session, as it was when the connection was opened (its expiry kept up to date). */
export interface LiveSession {
  readonly tokenHash: string;
  readonly personId: number;
  /** The viewer's roles when the connection opened: a connection never serves other roles. */
  readonly rolesKey: string;
  /** A display screen: its session renews while it is connected. */
  readonly renews: boolean;
  expiresAt: Date;
  /** Null while the session lasts; then why it ended (the close reason). */
  ended: string | null;
}

export interface LiveSessionsOptions {
  em: () => EntityManager;
  hub: WishEventHub;
  /** Milliseconds between checks of every open connection's session against the database. */
  checkEveryMs: number;
  /** The lifetime a display screen's session is renewed to. */
  displayTtlSeconds: number;
  logger?: Logger;
}

/** Why a session no longer serves a connection, or null if it still does. */
export function endedReason(session: LiveSession, state: SessionState | undefined, now = Date.now()): string | null {
  if (!state?.active) return SESSION_ENDED;
  if (state.expiresAt.getTime() <= now) return SESSION_EXPIRED;
  if (rolesKey(state.roles) !== session.rolesKey) return ROLES_CHANGED;
  return null;
}

export class LiveSessions {
  /** Each open connection's session, with what ends its connection (the transport closes the socket). */
  private readonly open = new Map<LiveSession, (reason: string) => void>();
  private readonly byToken = new Map<string, Set<LiveSession>>();
  private readonly byPerson = new Map<number, Set<LiveSession>>();
  private readonly offHub: () => void;
  private readonly timer: NodeJS.Timeout;
  private checking: Promise<void> | null = null;

  constructor(private readonly options: LiveSessionsOptions) {
    this.offHub = options.hub.onSessionChange((change) => this.changed(change));
    this.timer = setInterval(() => void this.check(), options.checkEveryMs);
    this.timer.unref();
  }

  /** Registers an open connection; `onEnd` is called once, when its session ends. */
  add(session: LiveSession, onEnd: (reason: string) => void): void {
    if (session.ended) return;
    this.open.set(session, onEnd);
    add(this.byToken, session.tokenHash, session);
    add(this.byPerson, session.personId, session);
  }

  /** Forgets a connection (its socket closed). */
  delete(session: LiveSession): void {
    this.open.delete(session);
    remove(this.byToken, session.tokenHash, session);
    remove(this.byPerson, session.personId, session);
  }

  /** Open connections. */
  get size(): number {
    return this.open.size;
  }

  /** Ends a connection's session: marks it, forgets it, and lets the transport close the socket. */
  end(session: LiveSession, reason: string): void {
    const onEnd = this.open.get(session);
    this.delete(session);
    if (session.ended) return;
    session.ended = reason;
    onEnd?.(reason);
  }

  /** Checks one connection's session against the database now; false (and the session ended) if it is over. */
  async recheck(session: LiveSession): Promise<boolean> {
    if (session.ended) return false;
    const state = (await sessionStates(this.options.em(), [session.tokenHash])).get(session.tokenHash);
    const reason = endedReason(session, state);
    if (reason) this.end(session, reason);
    else session.expiresAt = (state as SessionState).expiresAt;
    return reason === null;
  }

  /** Checks every open connection's session (one query for all); runs every `checkEveryMs`. */
  check(): Promise<void> {
    this.checking ??= this.checkAll()
      .catch((err) => this.options.logger?.warn({ err }, 'checking the sessions of open connections failed'))
      .finally(() => {
        this.checking = null;
      });
    return this.checking;
  }

  private async checkAll(): Promise<void> {
    if (this.byToken.size === 0) return;
    const em = this.options.em();
    const states = await sessionStates(em, [...this.byToken.keys()]);
    const now = Date.now();
    const ttlMs = this.options.displayTtlSeconds * 1000;
    const renew: string[] = [];
    for (const [hash, sessions] of [...this.byToken]) {
      const state = states.get(hash);
      for (const session of [...sessions]) {
        const reason = endedReason(session, state, now);
        if (reason) this.end(session, reason);
        else session.expiresAt = (state as SessionState).expiresAt;
      }
      const live = [...(this.byToken.get(hash) ?? [])];
      if (state && live.some((s) => s.renews) && state.expiresAt.getTime() - now < ttlMs / 2) renew.push(hash);
    }
    if (renew.length === 0) return;
    const expiresAt = new Date(now + ttlMs);
    await renewSessions(em, renew, expiresAt);
    for (const hash of renew) for (const session of this.byToken.get(hash) ?? []) session.expiresAt = expiresAt;
  }

  private changed(change: SessionChange): void {
    try {
      if (change.kind === 'sessions-ended') {
        for (const hash of change.tokenHashes) {
          for (const session of [...(this.byToken.get(hash) ?? [])]) this.end(session, SESSION_ENDED);
        }
      } else if (change.kind === 'roles-changed') {
        for (const session of [...(this.byPerson.get(change.personId) ?? [])]) this.end(session, ROLES_CHANGED);
      }
    } catch (err) {
      this.options.logger?.error({ err }, 'ending the connections of a session failed');
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.offHub();
    await this.checking;
  }
}

function add<K>(map: Map<K, Set<LiveSession>>, key: K, session: LiveSession): void {
  const sessions = map.get(key) ?? new Set<LiveSession>();
  sessions.add(session);
  map.set(key, sessions);
}

function remove<K>(map: Map<K, Set<LiveSession>>, key: K, session: LiveSession): void {
  const sessions = map.get(key);
  if (!sessions) return;
  sessions.delete(session);
  if (sessions.size === 0) map.delete(key);
}
