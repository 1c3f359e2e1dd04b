/**
 * GraphQL over WebSocket (graphql-ws) on the HTTP server's /graphql path. The connection authenticates in
 * connection_init (a bad token closes it with 4403); each operation runs through yoga's envelop, so parsing,
 * validation, the hardening limits and the context are the same as over HTTP.
 *
 * A connection lives only as long as its session, with the roles it was opened with. Every operation checks the
 * session again (an ended one is refused with UNAUTHENTICATED and the socket closed with 4403), and the socket is
 * closed with 4403 as soon as its session ends on any replica (realtime/session-revocations.ts): no subscription
 * event is delivered after that. A query or mutation already being answered (the socket's own `logout`) gets its
 * answer first. A socket runs at most `wsMaxSubscriptions` subscriptions at once.
 */
import type http from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type ExecutionResult, GraphQLError, getOperationAST } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Config } from '../config.ts';
import { authenticate, type TokenCheck } from '../domain/auth/auth.service.ts';
import { rolesKey } from '../domain/auth/sessions.ts';
import { isMasked } from '../domain/auth/viewer.ts';
import { requestIdOf, withRequestId } from '../http/request-id.ts';
import type { Logger } from '../logger.ts';
import { type LiveSession, LiveSessions, ROLES_CHANGED, SESSION_ENDED } from '../realtime/session-revocations.ts';
import type { WishEventHub } from '../realtime/wish-event-hub.ts';
import type { Context } from './context.ts';
import { meterOperation } from './hardening.ts';
import { WishEventGroups } from './wish-event-groups.ts';
import { UNAVAILABLE_CLOSE_CODE, UNAVAILABLE_CLOSE_REASON } from './ws-faults.ts';
import { type GraphqlHttp, maskError } from './yoga.ts';

/** The close code of a connection whose session is refused or has ended. */
export const SESSION_CLOSE_CODE = 4403;
/** How long a socket whose session ended waits for the answers of its queries and mutations in flight. */
const ANSWER_GRACE_MS = 2_000;

interface Connection {
  /** The authorization of connection_init, checked again for every operation. */
  header: string;
  session: LiveSession;
  /** Ids of the subscription operations running on this socket. */
  subscriptions: Set<string>;
  /** Ids of the queries and mutations being answered. */
  answering: Set<string>;
  closeTimer?: NodeJS.Timeout;
  /** The session's check in progress, shared by the subscriptions that wait for it. */
  rechecking?: Promise<boolean>;
}

/** Which of `ids` graphql-ws still runs (it forgets an operation when it ends, however it ends). */
const prune = (ids: Set<string>, running: object) => {
  for (const id of ids) if (!(id in running)) ids.delete(id);
  return ids;
};

const unauthenticated = (message: string) => new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });

/** Why a valid-looking check does not serve this connection any more, or null if it does. */
function refusalOf(check: TokenCheck, session: LiveSession): string | null {
  if (check.kind === 'invalid') return check.reason;
  if (check.kind === 'none') return SESSION_ENDED;
  return rolesKey(check.viewer.roles) === session.rolesKey ? null : ROLES_CHANGED;
}

function closeForbidden(socket: WebSocket, reason: string): void {
  if (socket.readyState === socket.OPEN) socket.close(SESSION_CLOSE_CODE, reason);
}

export function attachGraphqlWs(
  server: http.Server,
  yoga: GraphqlHttp,
  {
    config,
    orm,
    hub,
    logger,
    observe = (options) => options,
    delivered,
  }: {
    config: Config;
    orm: MikroORM;
    hub: WishEventHub;
    logger?: Logger;
    /** Decorates graphql-ws's options (graphql/metrics.plugin.ts: request ids on errors, metrics). */
    observe?: <T>(options: T) => T;
    /** `count` grouped subscribers were sent the event committed at `at` (delivery lag metrics). */
    delivered?: (at: string, count: number) => void;
  },
) {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: config.wsMaxPayloadBytes });
  const sessions = new LiveSessions({
    em: () => orm.em.fork(),
    hub,
    checkEveryMs: config.wsSessionCheckSeconds * 1000,
    displayTtlSeconds: config.displayTokenTtlSeconds,
    logger,
  });
  const connections = new Set<Connection>();
  const groups = new WishEventGroups({
    hub,
    config,
    fork: () => meterOperation(orm.em.fork(), config),
    maxBufferedBytes: config.wsMaxBufferedBytes,
    maskError: (error) => {
      const masked = maskError(error, 'Unexpected error.', false);
      if (masked !== error && !(masked instanceof GraphQLError && masked.extensions.code === 'SERVICE_UNAVAILABLE')) {
        logger?.error({ err: error }, 'unexpected error in a wish event');
      }
      return masked;
    },
    delivered,
    unavailable: (socket) => {
      if (socket.readyState === socket.OPEN) socket.close(UNAVAILABLE_CLOSE_CODE, UNAVAILABLE_CLOSE_REASON);
    },
    logger,
  });
  /** Contexts of grouped subscriptions: released once the subscription has started (the group does the rest). */
  const grouped = new WeakSet<object>();

  /**
   * May a grouped subscriber's message go out? Not once the session has ended (the socket is closed now); after
   * the session's expiry time, once the database says it still lasts (a display's is renewed).
   */
  function admit(connection: Connection, socket: WebSocket): boolean | Promise<boolean> {
    const { session } = connection;
    if (!session.ended && Date.now() < session.expiresAt.getTime()) return true;
    if (session.ended) {
      closeForbidden(socket, session.ended);
      return false;
    }
    connection.rechecking ??= sessions
      .recheck(session)
      .catch((err) => {
        logger?.warn({ err }, 'the session of a subscriber could not be checked');
        return true;
      })
      .then(() => {
        connection.rechecking = undefined;
        if (session.ended) closeForbidden(socket, session.ended);
        return !session.ended;
      });
    return connection.rechecking;
  }

  /**
   * The session ended: close the socket once the queries and mutations in flight have been answered (graphql-ws
   * forgets an operation after its last message is written), within ANSWER_GRACE_MS.
   */
  function ended(connection: Connection, socket: WebSocket, ctx: { subscriptions: object }, reason: string) {
    const deadline = Date.now() + ANSWER_GRACE_MS;
    const attempt = () => {
      if (prune(connection.answering, ctx.subscriptions).size === 0 || Date.now() >= deadline) {
        closeForbidden(socket, reason);
      } else {
        connection.closeTimer = setTimeout(attempt, 5);
      }
    };
    setImmediate(attempt);
  }

  const wsServer = useServer<Record<string, unknown>, { connection?: Connection }>(
    observe({
      // Close reasons never carry an internal message, whatever NODE_ENV says.
      isProd: true,
      connectionInitWaitTimeout: config.wsConnectionInitTimeoutMs,
      execute: (args) => (args.rootValue as { execute: typeof import('graphql').execute }).execute(args),
      subscribe: async (args) => {
        const result = await (args.rootValue as { subscribe: typeof import('graphql').subscribe }).subscribe(args);
        if (grouped.has(args.contextValue as object)) {
          // The group executes the events: this subscriber keeps no fork, loaders or services of its own.
          const light = args.contextValue as Record<string, unknown>;
          light.em = undefined;
          light.loaders = undefined;
          light.wishes = undefined;
        }
        return result;
      },
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization;
        if (typeof header !== 'string') return false; // closes the socket with 4403 Forbidden
        const check = await authenticate(orm.em.fork(), header, config.displayTokenTtlSeconds);
        const { socket } = ctx.extra;
        if (check.kind !== 'ok' || socket.readyState !== socket.OPEN) return false;
        const connection: Connection = {
          header,
          session: {
            tokenHash: check.session.tokenHash,
            personId: check.viewer.personId,
            rolesKey: rolesKey(check.viewer.roles),
            renews: isMasked(check.viewer),
            expiresAt: check.session.expiresAt,
            ended: null,
          },
          subscriptions: new Set(),
          answering: new Set(),
        };
        ctx.extra.connection = connection;
        connections.add(connection);
        sessions.add(connection.session, (reason) => ended(connection, socket, ctx, reason));
        socket.once('close', () => {
          clearTimeout(connection.closeTimer);
          sessions.delete(connection.session);
          connections.delete(connection);
        });
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const connection = ctx.extra.connection as Connection;
        // The session again, for every operation: ended, expired, deactivated or with other roles, it is refused.
        let check: TokenCheck = { kind: 'invalid', reason: connection.session.ended ?? SESSION_ENDED };
        if (!connection.session.ended) {
          try {
            check = await authenticate(orm.em.fork(), connection.header, config.displayTokenTtlSeconds);
          } catch (err) {
            logger?.warn({ err }, 'the session of a WebSocket operation could not be checked');
            return [
              new GraphQLError('The service is unavailable: retry later', {
                extensions: { code: 'SERVICE_UNAVAILABLE' },
              }),
            ];
          }
        }
        const refusal = connection.session.ended ?? refusalOf(check, connection.session);
        if (refusal !== null || check.kind !== 'ok') {
          connection.answering.add(id); // the socket closes after this refusal is sent
          sessions.end(connection.session, refusal ?? SESSION_ENDED);
          return [unauthenticated(refusal ?? SESSION_ENDED)];
        }
        connection.session.expiresAt = check.session.expiresAt;
        const {
          schema: enveloped,
          execute,
          subscribe,
          contextFactory,
          parse,
          validate,
        } = yoga.getEnveloped({
          ...ctx,
          tokenCheck: check,
          params: payload,
        });
        let document: ReturnType<typeof parse>;
        try {
          document = parse(payload.query);
        } catch (err) {
          const message = err instanceof Error ? err.message : 'Syntax error';
          return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })];
        }
        const errors = validate(enveloped, document);
        if (errors.length > 0) return errors;
        if (getOperationAST(document, payload.operationName)?.operation === 'subscription') {
          const max = config.wsMaxSubscriptions;
          if (prune(connection.subscriptions, ctx.subscriptions).size >= max) {
            return [
              new GraphQLError(
                `At most ${max} subscriptions per connection: complete one before starting another, or open another connection`,
                { extensions: { code: 'BAD_USER_INPUT', limit: max } },
              ),
            ];
          }
          connection.subscriptions.add(id);
        } else {
          connection.answering.add(id);
        }
        const contextValue = (await contextFactory()) as Context;
        // Over the socket the token is the one of connection_init (`logout` revokes it).
        contextValue.authorization = connection.header;
        const { socket } = ctx.extra;
        contextValue.liveWishEvents = (request) => {
          grouped.add(contextValue);
          const operation = {
            query: payload.query,
            operationName: payload.operationName ?? null,
            variables: payload.variables ?? null,
            schema: enveloped,
            document,
          };
          return groups.join(request, operation, {
            id,
            socket,
            admit: () => admit(connection, socket),
            withErrors: (result: ExecutionResult) => ({
              ...result,
              errors: result.errors?.map((e) => withRequestId(e, requestIdOf(ctx.extra.request))) as never,
            }),
          });
        };
        return {
          schema: enveloped,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue,
          rootValue: { execute, subscribe },
        };
      },
      onNext: async (ctx, id) => {
        const connection = ctx.extra.connection;
        if (!connection?.subscriptions.has(id)) return;
        const { session } = connection;
        // No event reaches a socket whose session has ended: closing it now drops this message.
        if (!session.ended && Date.now() >= session.expiresAt.getTime()) {
          try {
            await sessions.recheck(session);
          } catch (err) {
            logger?.warn({ err }, 'the session of a subscriber could not be checked');
          }
        }
        if (session.ended) closeForbidden(ctx.extra.socket, session.ended);
      },
      onComplete: (ctx, id) => {
        const connection = ctx.extra.connection;
        if (!connection) return;
        connection.subscriptions.delete(id);
        // The ones answered before (this one is forgotten once its `complete` is written).
        prune(connection.answering, ctx.subscriptions);
      },
    }),
    wss,
  );
  return {
    wss,
    sessions,
    /** Open sockets that passed connection_init, and the subscriptions they run. */
    stats: () => ({
      connections: connections.size,
      subscriptions: [...connections].reduce((n, c) => n + c.subscriptions.size, 0),
    }),
    groups,
    dispose: async () => {
      groups.close();
      await sessions.stop();
      await wsServer.dispose();
    },
  };
}
