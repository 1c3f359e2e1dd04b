/**
 * Rate limits on mutations (per signed-in person), on queries and subscriptions (a budget of estimated cost per
 * signed-in person, or per client address without a token) and on login (per username and client address, and
 * per client address), in fixed windows that start with the first hit. One process counts in memory; with
 * REDIS_URL every replica counts in Redis (SET NX EX + INCRBY in one MULTI), so a limit holds across replicas.
 *
 * Checked when an operation is about to execute or subscribe — after authentication, validation and the cost
 * estimate (./cost.ts), before any resolver — so a refused operation changes nothing, over HTTP and graphql-ws.
 */
import type { IncomingMessage } from 'node:http';
import {
  type DocumentNode,
  type FieldNode,
  GraphQLError,
  type GraphQLSchema,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { RateLimits } from '../config.ts';
import type { Viewer } from '../domain/auth/viewer.ts';
import { operationCost } from './cost.ts';

export const WINDOW_SECONDS = 60;

export interface RateLimitStore {
  /** Adds `cost` to the key's counter in its current window: the new count and the seconds left in the window. */
  hit(key: string, cost: number, windowSeconds: number): Promise<{ count: number; resetInSeconds: number }>;
  close(): Promise<void>;
}

/** Counters of one process. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly counters = new Map<string, { count: number; resetAt: number }>();
  private hits = 0;

  async hit(key: string, cost: number, windowSeconds: number) {
    const now = Date.now();
    if (++this.hits % 1000 === 0) {
      for (const [k, v] of this.counters) if (v.resetAt <= now) this.counters.delete(k);
    }
    let entry = this.counters.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.counters.set(key, entry);
    }
    entry.count += cost;
    return { count: entry.count, resetInSeconds: Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) };
  }

  async close() {
    this.counters.clear();
  }
}

/** Counters shared by every replica that uses the same Redis and database. */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly client: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
    onError: (err: Error) => void,
  ) {
    // Fail fast rather than queue: a mutation must not wait for a Redis that is down.
    this.client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
    this.client.on('error', onError);
  }

  async hit(key: string, cost: number, windowSeconds: number) {
    const k = `${this.prefix}${key}`;
    const replies = await this.client.multi().set(k, '0', 'EX', windowSeconds, 'NX').incrby(k, cost).pttl(k).exec();
    if (!replies) throw new Error('Redis transaction aborted');
    for (const [err] of replies) if (err) throw err;
    const count = Number(replies[1]?.[1]);
    const pttl = Number(replies[2]?.[1]);
    return { count, resetInSeconds: pttl > 0 ? Math.ceil(pttl / 1000) : windowSeconds };
  }

  async close() {
    this.client.disconnect();
  }
}

type LimitContext = {
  viewer?: Viewer | null;
  /** HTTP: the Node request (yoga's server context). */
  req?: IncomingMessage;
  /** graphql-ws: the upgrade request of the socket. */
  extra?: { request?: IncomingMessage };
};

/** The client's address: the socket's peer, or behind a trusted proxy the last X-Forwarded-For hop. */
export function clientAddress(context: LimitContext, trustProxy: boolean): string {
  const req = context.req ?? context.extra?.request;
  if (trustProxy) {
    const header = req?.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((h) => h.trim());
    const last = hops.filter((h) => h !== '').pop();
    if (last) return last;
  }
  return req?.socket?.remoteAddress ?? 'unknown';
}

function rootFields(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      fields.push(...rootFields(document, selection.selectionSet, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION)
        fields.push(...rootFields(document, fragment.selectionSet, seen));
    }
  }
  return fields;
}

/**
 * The username a login field will really use, however the document wrote it (a literal, a variable, a
 * variable's default value), as the login compares it: trimmed; counted case-insensitively.
 */
function loginUsername(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  field: FieldNode,
  variables: Record<string, unknown> | null | undefined,
): string {
  const definition = schema.getMutationType()?.getFields().login;
  if (!definition) return '';
  try {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
    if (!coerced.coerced) return '';
    const { username } = getArgumentValues(definition, field, coerced.coerced);
    return typeof username === 'string' ? username.trim().toLowerCase().slice(0, 120) : '';
  } catch {
    // Values the login cannot take: it is refused before it reads anything.
    return '';
  }
}

export function rateLimited(what: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many ${what}: retry later (in ${retryAfterSeconds} s)`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds },
  });
}

export interface RateLimitOptions {
  limits: RateLimits;
  store: RateLimitStore;
  trustProxy: boolean;
  /** The store failed: the operation goes on (availability over the limit) and this is told. */
  onStoreError: (err: unknown) => void;
}

interface OperationArgs {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
  contextValue?: unknown;
}

export function useRateLimits({ limits, store, trustProxy, onStoreError }: RateLimitOptions): Plugin {
  /** The refusal of the operation, or null when it may run. */
  async function check(args: OperationArgs): Promise<GraphQLError | null> {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return null;
    const context = (args.contextValue ?? {}) as LimitContext;
    const address = clientAddress(context, trustProxy);
    const who = context.viewer ? `person:${context.viewer.personId}` : `ip:${address}`;
    // key → [limit, cost, what]
    const checks = new Map<string, { limit: number; cost: number; what: string }>();
    const add = (key: string, limit: number, what: string, cost = 1) => {
      if (limit <= 0) return;
      const check = checks.get(key);
      if (check) check.cost += cost;
      else checks.set(key, { limit, cost, what });
    };
    if (operation.operation !== 'mutation') {
      // Weighted by the estimate, so a heavy query uses up the budget faster than `{ me { id } }`.
      add(`queries:${who}`, limits.queryCostPerMinute, 'queries', operationCost(args.contextValue));
      // The public board needs no token: without one, each request for it counts like a login attempt of the address.
      if (
        !context.viewer &&
        rootFields(args.document, operation.selectionSet).some((f) => f.name.value === 'publicBoard')
      ) {
        add(`public:ip:${address}`, limits.loginsPerIpPerMinute, 'requests for the public board');
      }
    } else {
      for (const field of rootFields(args.document, operation.selectionSet)) {
        const name = field.name.value;
        if (name === '__typename') continue;
        if (name === 'login') {
          const username = loginUsername(args.schema, operation, field, args.variableValues);
          add(`login:user:${address}:${username}`, limits.loginsPerMinute, 'login attempts');
          add(`login:ip:${address}`, limits.loginsPerIpPerMinute, 'login attempts');
        } else if (name === 'registerResident') {
          // Anyone may register, so registrations count per client address, with or without a token.
          add(`register:ip:${address}`, limits.registrationsPerIpPerMinute, 'registrations');
        } else {
          add(`mutations:${who}`, limits.mutationsPerMinute, 'changes');
        }
      }
    }
    if (checks.size === 0) return null;
    let results: { count: number; resetInSeconds: number; limit: number; what: string }[];
    try {
      results = await Promise.all(
        [...checks].map(async ([key, c]) => ({ ...(await store.hit(key, c.cost, WINDOW_SECONDS)), ...c })),
      );
    } catch (err) {
      onStoreError(err);
      return null;
    }
    const over = results.filter((r) => r.count > r.limit);
    if (over.length === 0) return null;
    const retryAfter = Math.max(...over.map((r) => r.resetInSeconds));
    return rateLimited(over[0]?.what ?? 'requests', retryAfter);
  }

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const refused = await check(args);
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      const refused = await check(args);
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
  };
}
