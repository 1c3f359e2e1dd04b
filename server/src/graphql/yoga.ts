/**
 * The GraphQL endpoint over HTTP (graphql-yoga): authentication before parsing, the hardening plugins, error
 * masking (domain errors keep their code; anything else is logged and masked), and the per-request context.
 * graphql-ws operations run through the same yoga instance (`getEnveloped`), so they get the same plugins.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { createYoga, maskError as defaultMaskError, type Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { authenticate, type TokenCheck } from '../domain/auth/auth.service.ts';
import type { Logger } from '../logger.ts';
import type { WishEventHub } from '../realtime/wish-event-hub.ts';
import { useAuthFirst, useInputErrorCodes } from './auth-first.plugin.ts';
import { type Context, operationContext } from './context.ts';
import { withListCaps } from './cost.ts';
import {
  databaseFailedHere,
  domainErrorOf,
  domainToGraphQLError,
  isDatabaseUnavailable,
  isGraphQLError,
  serviceUnavailableError,
} from './errors.ts';
import { meterOperation } from './hardening.ts';
import { useInputText } from './input-text.plugin.ts';
import { schema } from './schema.ts';

export interface GraphqlHttpOptions {
  config: Config;
  logger: Logger;
  orm: MikroORM;
  hub: WishEventHub;
  // biome-ignore lint/suspicious/noExplicitAny: envelop plugins are typed by their own contexts
  plugins: Plugin<any>[];
}

/** Server context of a yoga request: what the WebSocket server passes for its operations. */
export interface ServerContext {
  tokenCheck?: TokenCheck;
  request?: Request;
}

/** What a client may see of an error: domain and schema errors as they are, anything else masked. */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  // The database could not be reached in time: SERVICE_UNAVAILABLE (HTTP 503); db/availability.ts logs why.
  if (isDatabaseUnavailable(error)) return serviceUnavailableError(isGraphQLError(error) ? error : undefined);
  const domain = domainErrorOf(error);
  // Returned as it is (it already carries the code), so it is not logged as unexpected.
  if (domain) return isGraphQLError(error) ? error : domainToGraphQLError(domain);
  // Errors the schema raises on purpose (scope-auth, scalars) are GraphQL errors all the way down.
  if (isGraphQLError(error) && (!error.originalError || isGraphQLError(error.originalError))) return error;
  // An unexpected error after the database failed this request is a consequence of that failure.
  if (databaseFailedHere()) return serviceUnavailableError(isGraphQLError(error) ? error : undefined);
  return defaultMaskError(error, message, isDev);
}

export function createGraphqlHttp({ config, logger, orm, hub, plugins }: GraphqlHttpOptions) {
  const tokenChecks = new WeakMap<Request, TokenCheck>();

  return createYoga<ServerContext, Context>({
    // Every list without a page argument stops at its maximum (the cost estimate counts on it).
    schema: withListCaps(schema),
    graphqlEndpoint: '/graphql',
    graphiql: !config.production,
    landingPage: false,
    logging: {
      debug: (...args) => logger.debug({ args }, 'yoga'),
      info: (...args) => logger.info({ args }, 'yoga'),
      warn: (...args) => logger.warn({ args }, 'yoga'),
      // Unexpected errors arrive here unmasked; the client got "Unexpected error." (A database that cannot be
      // reached is no surprise: the client got SERVICE_UNAVAILABLE and db/availability.ts reports the outage.)
      error: (err, ...rest) => {
        if (!isDatabaseUnavailable(err) && !databaseFailedHere()) logger.error({ err, rest }, 'unexpected error');
      },
    },
    maskedErrors: {
      // Never the original error in a response, whatever NODE_ENV says: it goes to the log only.
      isDev: false,
      maskError,
    },
    plugins: [
      useAuthFirst(async (request) => {
        const check = await authenticate(
          orm.em.fork(),
          request.headers.get('authorization'),
          config.displayTokenTtlSeconds,
        );
        tokenChecks.set(request, check);
        return check;
      }),
      useInputErrorCodes(),
      useInputText(),
      ...plugins,
    ],
    context: (initial): Context => {
      const request = initial.request;
      const check = initial.tokenCheck ?? (request ? tokenChecks.get(request) : undefined) ?? { kind: 'none' };
      const viewer = check.kind === 'ok' ? check.viewer : null;
      // Metered: the operation's reads count against its work budget and hold at most a few connections.
      const em = meterOperation(orm.em.fork(), config);
      return operationContext({ em, hub, config }, viewer, request?.headers.get('authorization') ?? null);
    },
  });
}

export type GraphqlHttp = ReturnType<typeof createGraphqlHttp>;
