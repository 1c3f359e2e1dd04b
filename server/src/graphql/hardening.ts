/**
 * What makes the API fit to face the internet, for HTTP and graphql-ws alike (WebSocket operations run
 * through yoga.getEnveloped, so every envelop plugin here applies to them too):
 * - query limits: graphql-armor (depth, aliases, directives, tokens), a character limit and the cost estimate
 *   of ./cost.ts, which knows list sizes (as a validation rule, and again with the variables before the
 *   operation runs); a refused document gets GRAPHQL_VALIDATION_FAILED and a message that names the kind of
 *   limit, never its value;
 * - the work budget of ./work-budget.ts: rows and statements one operation may use as it runs, and the pool
 *   connections it may hold at once;
 * - CSRF prevention (HTTP): see CSRF_HEADERS; a refusal carries `extensions.code: "BAD_REQUEST"`;
 * - in production: no introspection, no "Did you mean …" suggestions (fields, arguments, types, enum values);
 * - rate limits on queries (weighted by cost), mutations and login (./rate-limit.ts);
 * - the HTTP request body size limit (the WebSocket message limit is ws's maxPayload, set in app.ts); a photo
 *   upload (GraphQL multipart request) may carry one file of up to 10 MiB besides, and a bigger one is refused
 *   as BAD_USER_INPUT naming `file` before its body is read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { useDisableIntrospection } from '@envelop/disable-introspection';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { characterLimitPlugin } from '@escape.tech/graphql-armor-character-limit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type DocumentNode, GraphQLError, type GraphQLSchema, getOperationAST, type ValidationContext } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { WebSocketServer } from 'ws';
import type { Config, QueryLimits } from '../config.ts';
import { MAX_PHOTO_BYTES } from '../domain/photos/photo.image.ts';
import { currentRequestId } from '../http/request-id.ts';
import { isUploadRequest } from '../http/uploads.ts';
import type { Logger } from '../logger.ts';
import { costLimitRule, estimateCost, useCostLimit } from './cost.ts';
import { MemoryRateLimitStore, type RateLimitStore, RedisRateLimitStore, useRateLimits } from './rate-limit.ts';
import { meterWork, useWorkBudget } from './work-budget.ts';

/** The messages of refused documents: they say which kind of limit, not its value. */
export const REFUSALS = {
  depth: 'Query is nested too deeply',
  aliases: 'Query uses too many aliases',
  cost: 'Query is too complex',
  directives: 'Query uses too many directives',
  tokens: 'Query is too long',
  characters: 'Query is too long',
  work: 'Query loads too much data',
} as const;
const REFUSAL_MESSAGES = new Set<string>(Object.values(REFUSALS));

/**
 * A browser sends a POST with a "simple" content type (text/plain, form data) or a GET cross-site without
 * a CORS preflight. Such a request must carry one of these headers (any value), which a cross-site page
 * cannot set without a preflight: GraphQL over HTTP's `GraphQL-Require-Preflight`, or the ones other servers
 * use. POSTs with `content-type: application/json` are never simple, so every JSON client works without one.
 */
export const CSRF_HEADERS = [
  'graphql-require-preflight',
  'x-graphql-csrf',
  'x-graphql-yoga-csrf',
  'apollo-require-preflight',
];
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** The code of a request refused before it is parsed (CSRF): the client must change how it sends it. */
export const CSRF_REFUSAL_CODE = 'BAD_REQUEST';

export function refusal(message: string): GraphQLError {
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

export function queryLimitPlugins(limits: QueryLimits): Plugin[] {
  return [
    EnvelopArmorPlugin({
      // Suggestions are removed by useNoSuggestions (armor's own misses the enum values).
      blockFieldSuggestion: { enabled: false },
      maxDepth: { n: limits.maxDepth, ...refuseWith(REFUSALS.depth) },
      maxAliases: { n: limits.maxAliases, ...refuseWith(REFUSALS.aliases) },
      // armor's cost knows no list sizes: ./cost.ts estimates instead.
      costLimit: { enabled: false },
      maxDirectives: { n: limits.maxDirectives, ...refuseWith(REFUSALS.directives) },
      maxTokens: { n: limits.maxTokens, ...refuseWith(REFUSALS.tokens) },
    }) as Plugin,
    // After armor, always: armor's token limit replaces the parse function, and the character limit wraps the
    // parse function it finds — registered before, it would be replaced and silently lost.
    characterLimitPlugin({ maxLength: limits.maxCharacters, ...refuseWith(REFUSALS.characters) }) as Plugin,
    {
      onValidate({ addValidationRule }) {
        addValidationRule(costLimitRule(limits.maxCost, (context) => context.reportError(refusal(REFUSALS.cost))));
      },
    },
    // With the variables, just before the operation runs (the validation above saw the document alone).
    useCostLimit(limits.maxCost, () => refusal(REFUSALS.cost)),
  ];
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function withoutSuggestions(errors: readonly Error[] | undefined): void {
  for (const error of errors ?? []) {
    if (error.message.includes('Did you mean')) {
      (error as { message: string }).message = error.message.replace(SUGGESTION, '');
    }
  }
}

/**
 * No "Did you mean …" in any error (production): validation (fields, arguments, types, enum values written in
 * the document) and execution (variable values) alike, over HTTP and WebSocket.
 */
function useNoSuggestions(): Plugin {
  const strip = (result: unknown) => {
    if (typeof result === 'object' && result !== null && 'errors' in result) {
      withoutSuggestions((result as { errors?: readonly Error[] }).errors);
    }
  };
  return {
    onValidate() {
      return ({ result }) => withoutSuggestions(result);
    },
    onExecute() {
      return { onExecuteDone: ({ result }) => strip(result) };
    },
    onSubscribe() {
      return {
        onSubscribeResult: ({ result }) => strip(result),
        onSubscribeError: ({ error }) => withoutSuggestions([error as Error]),
      };
    },
  };
}

/**
 * A document that does not parse is one that does not fit the schema, for the contract: GRAPHQL_VALIDATION_FAILED
 * over HTTP as over graphql-ws (rather than yoga's own GRAPHQL_PARSE_FAILED).
 */
function useParseErrorCode(): Plugin {
  return {
    onParse() {
      return ({ result }) => {
        if (!(result instanceof Error) || result.name !== 'GraphQLError') return;
        const error = result as { extensions?: Record<string, unknown> };
        if (error.extensions && !error.extensions.code) error.extensions.code = 'GRAPHQL_VALIDATION_FAILED';
      };
    },
  };
}

/** Whether a Node request carries one of the CSRF_HEADERS (a photo upload without one is refused unread). */
export function carriesCsrfHeader(req: IncomingMessage): boolean {
  return CSRF_HEADERS.some((name) => req.headers[name] !== undefined);
}

/** CSRF prevention (see CSRF_HEADERS): refuses, with a code, before the request is parsed. */
function useCsrfPrevention(): Plugin {
  return {
    onRequestParse({ request }) {
      const type = request.headers.get('content-type')?.toLowerCase();
      // A JSON (or other non-simple) POST was preflighted by the browser.
      if (type && !SIMPLE_CONTENT_TYPES.some((simple) => type.startsWith(simple))) return;
      if (CSRF_HEADERS.some((name) => request.headers.has(name))) return;
      throw new GraphQLError(
        'Send this request with the header GraphQL-Require-Preflight (or as application/json): a request a browser may send from another site is refused',
        { extensions: { code: CSRF_REFUSAL_CODE, http: { status: 403 } } },
      );
    },
  };
}

/** The EntityManager of one operation, metered by its work budget (see ./work-budget.ts). */
export function meterOperation(em: EntityManager, config: Pick<Config, 'workLimits'>): EntityManager {
  return meterWork(em, config.workLimits, () => refusal(REFUSALS.work));
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
    useCsrfPrevention(),
    useParseErrorCode(),
    ...queryLimitPlugins(config.queryLimits),
    ...(config.production ? [useDisableIntrospection() as Plugin, useNoSuggestions()] : []),
    useWorkBudget(() => refusal(REFUSALS.work)),
    // After the cost estimate, which weighs each query for the budget.
    useRateLimits({
      limits: config.rateLimits,
      store,
      trustProxy: config.trustProxy,
      onStoreError: (err) => logger.warn({ err }, 'rate limit not checked: the counter store failed'),
    }),
  ];

  const answer = (res: ServerResponse, status: number, message: string, field?: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
    const extensions = field
      ? { code: 'BAD_USER_INPUT', field, requestId: currentRequestId() }
      : { code: 'GRAPHQL_VALIDATION_FAILED', requestId: currentRequestId() };
    res.end(JSON.stringify({ errors: [{ message, extensions }] }));
  };

  return {
    plugins,
    refuseOversizedRequest(req, res) {
      const length = req.headers['content-length'];
      if (length !== undefined) {
        // A photo upload (a GraphQL multipart request) may carry one file of MAX_PHOTO_BYTES besides the operation;
        // a bigger one is refused from its Content-Length, before a byte of it is read.
        const upload = isUploadRequest(req);
        if (upload && /^\d+$/.test(length) && Number(length) > MAX_PHOTO_BYTES + config.httpMaxBodyBytes) {
          answer(res, 413, 'file: must be at most 10 MiB', 'file');
          return true;
        }
        if (!/^\d+$/.test(length) || Number(length) > config.httpMaxBodyBytes + (upload ? MAX_PHOTO_BYTES : 0)) {
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
 * With `variables`, the cost is estimated as it would be for a request that sends them.
 */
export function limitRefusals(
  source: string,
  schema: GraphQLSchema,
  limits: QueryLimits,
  variables?: Record<string, unknown>,
): string[] {
  const yoga = createYoga({ schema, plugins: queryLimitPlugins(limits), logging: false });
  const { parse, validate, schema: enveloped } = yoga.getEnveloped({ params: { query: source } });
  try {
    const document = parse(source);
    const errors: readonly GraphQLError[] = validate(enveloped, document);
    const refused = errors.map((e) => e.message).filter((m) => REFUSAL_MESSAGES.has(m));
    if (variables && refused.length === 0 && costOver(schema, document, limits.maxCost, variables)) {
      refused.push(REFUSALS.cost);
    }
    return refused;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return REFUSAL_MESSAGES.has(message) ? [message] : [];
  }
}

function costOver(schema: GraphQLSchema, document: DocumentNode, maxCost: number, variables: Record<string, unknown>) {
  const operation = getOperationAST(document);
  return (
    operation !== null && operation !== undefined && estimateCost(schema, document, operation, variables) > maxCost
  );
}
