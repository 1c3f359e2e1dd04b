/**
 * What makes the API fit to face the internet, for HTTP and graphql-ws alike (WebSocket operations run
 * through yoga.getEnveloped, so every envelop plugin here applies to them too):
 * - query limits: graphql-armor (depth, aliases, cost, directives, tokens) plus a character limit; a refused
 *   document gets GRAPHQL_VALIDATION_FAILED and a message that names the kind of limit, never its value;
 * - CSRF prevention (HTTP): see CSRF_HEADERS;
 * - in production: no introspection, no "Did you mean …" suggestions;
 * - rate limits on mutations and login (./rate-limit.ts);
 * - the HTTP request body size limit (the WebSocket message limit is ws's maxPayload, set in app.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { useDisableIntrospection } from '@envelop/disable-introspection';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { characterLimitPlugin } from '@escape.tech/graphql-armor-character-limit';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError, type GraphQLSchema, type ValidationContext } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { WebSocketServer } from 'ws';
import type { Config, QueryLimits } from '../config.ts';
import type { Logger } from '../logger.ts';
import { MemoryRateLimitStore, type RateLimitStore, RedisRateLimitStore, useRateLimits } from './rate-limit.ts';

/** The messages of refused documents: they say which kind of limit, not its value. */
export const REFUSALS = {
  depth: 'Query is nested too deeply',
  aliases: 'Query uses too many aliases',
  cost: 'Query is too complex',
  directives: 'Query uses too many directives',
  tokens: 'Query is too long',
  characters: 'Query is too long',
} as const;
const REFUSAL_MESSAGES = new Set<string>(Object.values(REFUSALS));

/**
 * A browser sends a POST with a "simple" content type (text/plain, form data) or a GET cross-site without
 * a CORS preflight. Such a request must carry one of these headers (any value), which a cross-site page
 * cannot set without a preflight. POSTs with `content-type: application/json` are never simple, so every
 * JSON client works without a header.
 */
export const CSRF_HEADERS = ['x-graphql-csrf', 'x-graphql-yoga-csrf', 'apollo-require-preflight'];

function refusal(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
}

/**
 * armor's refusals carry no code and, by default, reveal the limit: each one reports our own error instead —
 * to the validation context for the validation rules, or thrown from the parser for tokens and characters.
 */
function refuseWith(message: string) {
  return {
    exposeLimits: false,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null) => {
        if (context) context.reportError(refusal(message));
        else throw refusal(message);
      },
    ],
  };
}

export function queryLimitPlugins(limits: QueryLimits, production: boolean): Plugin[] {
  return [
    EnvelopArmorPlugin({
      // The suggestions tell an outsider the schema's field names; developers keep them.
      blockFieldSuggestion: { enabled: production, mask: '' },
      maxDepth: { n: limits.maxDepth, ...refuseWith(REFUSALS.depth) },
      maxAliases: { n: limits.maxAliases, ...refuseWith(REFUSALS.aliases) },
      costLimit: { maxCost: limits.maxCost, ...refuseWith(REFUSALS.cost) },
      maxDirectives: { n: limits.maxDirectives, ...refuseWith(REFUSALS.directives) },
      maxTokens: { n: limits.maxTokens, ...refuseWith(REFUSALS.tokens) },
    }) as Plugin,
    // After armor, always: armor's token limit replaces the parse function, and the character limit wraps the
    // parse function it finds — registered before, it would be replaced and silently lost.
    characterLimitPlugin({ maxLength: limits.maxCharacters, ...refuseWith(REFUSALS.characters) }) as Plugin,
  ];
}

/** Variable values are checked at execution: their enum suggestions go too in production. */
function useNoExecutionSuggestions(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) || !result.errors) return;
          for (const error of result.errors) {
            if (/Did you mean/.test(error.message)) {
              (error as { message: string }).message = error.message.replace(/\s*Did you mean [^?]*\?/g, '');
            }
          }
        },
      };
    },
  };
}

export interface Hardening {
  plugins: Plugin[];
  /** Answers (and returns true) for an HTTP request whose body is too large or of unknown length. */
  refuseOversizedRequest(req: IncomingMessage, res: ServerResponse): boolean;
  close(): Promise<void>;
}

export function createHardening(config: Config, options: { namespace: string; logger: Logger }): Hardening {
  const { logger } = options;
  let storeWarned = 0;
  const store: RateLimitStore = config.redisUrl
    ? new RedisRateLimitStore(config.redisUrl, `wishgrid:${options.namespace}:rate:`, (err) => {
        if (storeWarned++ % 100 === 0) logger.warn({ err }, 'rate limit store (Redis) error');
      })
    : new MemoryRateLimitStore();

  const plugins: Plugin[] = [
    useCSRFPrevention({ requestHeaders: CSRF_HEADERS }),
    ...queryLimitPlugins(config.queryLimits, config.production),
    ...(config.production ? [useDisableIntrospection() as Plugin, useNoExecutionSuggestions()] : []),
    useRateLimits({
      limits: config.rateLimits,
      store,
      trustProxy: config.trustProxy,
      onStoreError: (err) => logger.warn({ err }, 'rate limit not checked: the counter store failed'),
    }),
  ];

  const answer = (res: ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
    res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }));
  };

  return {
    plugins,
    refuseOversizedRequest(req, res) {
      const length = req.headers['content-length'];
      if (length !== undefined) {
        if (!/^\d+$/.test(length) || Number(length) > config.httpMaxBodyBytes) {
          answer(res, 413, 'Request is too large');
          return true;
        }
        return false;
      }
      if (req.headers['transfer-encoding'] !== undefined) {
        answer(res, 411, 'Send the request with a Content-Length');
        return true;
      }
      return false;
    },
    close: () => store.close(),
  };
}

/**
 * A socket's errors (a message over maxPayload — ws has already closed it with 1009 —, a reset connection)
 * go to the log as warnings. graphql-ws would print each one with its stack to stderr: call this after
 * useServer, so its listener is attached and can be replaced.
 */
export function logSocketErrors(wss: WebSocketServer, logger: Logger): void {
  wss.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (err) => {
      logger.warn({ err }, 'WebSocket connection error');
      if (socket.readyState === socket.OPEN) socket.close(1011, 'Internal server error');
    });
  });
}

/**
 * The limit refusals a document would get, without running it: every other validation problem (a field the
 * schema does not have yet, say) is left out. Used to keep the contract's and the panel's documents in bounds.
 */
export function limitRefusals(source: string, schema: GraphQLSchema, limits: QueryLimits): string[] {
  const yoga = createYoga({ schema, plugins: queryLimitPlugins(limits, false), logging: false });
  const { parse, validate, schema: enveloped } = yoga.getEnveloped({ params: { query: source } });
  try {
    const document = parse(source);
    const errors: readonly GraphQLError[] = validate(enveloped, document);
    return errors.map((e) => e.message).filter((m) => REFUSAL_MESSAGES.has(m));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return REFUSAL_MESSAGES.has(message) ? [message] : [];
  }
}
