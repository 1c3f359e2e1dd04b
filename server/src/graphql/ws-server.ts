/**
 * GraphQL over WebSocket (graphql-ws) on the HTTP server's /graphql path. The connection authenticates once in
 * connection_init (a bad token closes it with 4403); each operation runs through yoga's envelop, so parsing,
 * validation, the hardening limits and the context are the same as over HTTP.
 */
import type http from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Config } from '../config.ts';
import { authenticate, type TokenCheck } from '../domain/auth/auth.service.ts';
import type { GraphqlHttp } from './yoga.ts';

export function attachGraphqlWs(
  server: http.Server,
  yoga: GraphqlHttp,
  { config, orm }: { config: Config; orm: MikroORM },
) {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: config.wsMaxPayloadBytes });
  const wsServer = useServer<Record<string, unknown>, { tokenCheck?: TokenCheck }>(
    {
      connectionInitWaitTimeout: config.wsConnectionInitTimeoutMs,
      execute: (args) => (args.rootValue as { execute: typeof import('graphql').execute }).execute(args),
      subscribe: (args) => (args.rootValue as { subscribe: typeof import('graphql').subscribe }).subscribe(args),
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization;
        const check = await authenticate(
          orm.em.fork(),
          typeof header === 'string' ? header : null,
          config.displayTokenTtlSeconds,
        );
        if (check.kind !== 'ok') return false; // closes the socket with 4403 Forbidden
        ctx.extra.tokenCheck = check;
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const {
          schema: enveloped,
          execute,
          subscribe,
          contextFactory,
          parse,
          validate,
        } = yoga.getEnveloped({
          ...ctx,
          tokenCheck: ctx.extra.tokenCheck,
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
        return {
          schema: enveloped,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wss,
  );
  return { wss, dispose: () => wsServer.dispose() };
}
