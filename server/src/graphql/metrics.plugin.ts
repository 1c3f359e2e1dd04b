/**
 * What the GraphQL layer adds to the HTTP front (http/traffic.ts), for HTTP and graphql-ws alike:
 * - operation counts and durations by operation name and type, subscriptions running, errors by code;
 * - `extensions.requestId` on every error a client receives — over HTTP in yoga's onResultProcess, over the
 *   WebSocket in graphql-ws's onNext and onError hooks (observeGraphqlWs): both run after error masking;
 * - the event lag: a subscription field's resolver notes the `at` of the event it is resolving, and the moment
 *   graphql-ws is about to send the message, the time since that commit is observed;
 * - the graceful stop, over the WebSocket (HTTP requests are handled at the front door, http/traffic.ts): once it
 *   began, an operation is refused with SERVICE_UNAVAILABLE as it arrives, before anything of it runs; one that
 *   arrived before is in flight — and waited for — until its answer is sent (a subscription: until it starts).
 */
import type { IncomingMessage } from 'node:http';
import {
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
} from 'graphql';
import { createGraphQLError, isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import type { Metrics, OperationType, Transport } from '../http/metrics.ts';
import { requestIdOf, withRequestId } from '../http/request-id.ts';
import { type Shutdown, STOPPING_MESSAGE } from '../http/shutdown.ts';
import { currentRequest } from '../http/traffic.ts';

/** The contexts this plugin tells apart: yoga's (HTTP, with Node's request) and graphql-ws's (with `extra`). */
interface TransportContext {
  req?: IncomingMessage;
  extra?: { request?: IncomingMessage };
}

const transportOf = (context: unknown): Transport => ((context as TransportContext | null)?.extra ? 'ws' : 'http');

const stoppingError = () => new GraphQLError(STOPPING_MESSAGE, { extensions: { code: 'SERVICE_UNAVAILABLE' } });

/** Operation context → the `at` of the event its subscription field resolved last (sent next). */
const resolvedEvents = new WeakMap<object, string>();
const noted = new WeakSet<object>();

/** Wraps each subscription field's resolver (once per schema object) to note the event it resolves. */
function noteResolvedEvents(schema: GraphQLSchema): void {
  for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
    const resolve = field.resolve;
    if (!resolve || noted.has(field)) continue;
    noted.add(field);
    field.resolve = (source, args, context, info) => {
      const at = (source as { at?: unknown } | null)?.at;
      if (typeof at === 'string' && context !== null && typeof context === 'object') resolvedEvents.set(context, at);
      return resolve(source, args, context, info);
    };
  }
}

function operationOf(args: ExecutionArgs): { name: string | undefined; type: OperationType } {
  const operation = getOperationAST(args.document, args.operationName);
  return { name: operation?.name?.value, type: operation?.operation ?? 'query' };
}

type ResultLike = { errors?: readonly GraphQLError[] | readonly unknown[] };

/** The result with `extensions.requestId` on each error; GraphQL errors stay GraphQL errors (yoga needs them). */
function withRequestIds<T extends ResultLike>(result: T, requestId: string): T {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((error) => {
    const e = error as GraphQLError;
    if (!(e instanceof Error)) return withRequestId(e, requestId);
    return createGraphQLError(e.message, {
      nodes: e.nodes,
      source: e.source,
      positions: e.positions,
      path: e.path,
      originalError: e.originalError ?? undefined,
      extensions: { ...e.extensions, requestId },
    });
  });
  return { ...result, errors };
}

export function useObservability({ metrics }: { metrics: Metrics }): Plugin {
  return {
    onSchemaChange({ schema }) {
      noteResolvedEvents(schema);
    },
    onExecute({ args }) {
      const { name, type } = operationOf(args);
      const request = currentRequest();
      if (request && request.transport === 'http') request.operation = name ?? 'anonymous';
      const transport = transportOf(args.contextValue);
      const started = performance.now();
      return {
        onExecuteDone({ result }) {
          const ok = !isAsyncIterable(result) && !result.errors?.length;
          metrics.observeOperation(name, type, transport, ok, (performance.now() - started) / 1000);
        },
      };
    },
    onSubscribe({ args }) {
      const { name } = operationOf(args);
      const transport = transportOf(args.contextValue);
      const request = currentRequest();
      if (request && request.transport === 'http') request.operation = name ?? 'anonymous';
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) {
            metrics.observeOperation(name, 'subscription', transport, false, null);
            return;
          }
          metrics.observeOperation(name, 'subscription', transport, true, null);
          // A stream over HTTP (server-sent events) never ends by itself: the stop does not wait for it.
          if (transport === 'http') request?.stream?.();
          return { onEnd: metrics.subscriptionStarted(transport) };
        },
      };
    },
    onResultProcess({ result, setResult, serverContext }) {
      const req = (serverContext as TransportContext | undefined)?.req;
      if (!req) return;
      const requestId = requestIdOf(req);
      const request = currentRequest();
      const seen = (errors: ResultLike['errors']) => {
        if (!errors?.length) return;
        metrics.countErrors(errors, 'http');
        if (!request) return;
        request.errors ??= [];
        for (const e of errors as GraphQLFormattedError[]) {
          const code = e.extensions?.code;
          request.errors.push(typeof code === 'string' ? code : 'NONE');
        }
      };
      if (isAsyncIterable(result)) {
        setResult(
          mapAsyncIterator(result, (r: ExecutionResult) => {
            seen(r.errors);
            return withRequestIds(r, requestId);
          }),
        );
      } else if (Array.isArray(result)) {
        for (const r of result) seen(r.errors);
        setResult(result.map((r) => withRequestIds(r, requestId)));
      } else {
        seen(result.errors);
        setResult(withRequestIds(result, requestId));
      }
    },
  };
}

type WsContext = { extra: { request: IncomingMessage }; subscriptions: Record<string, unknown> };

/** The part of graphql-ws's hooks this module wraps. */
interface WsHooks {
  onSubscribe?: (ctx: WsContext, id: string, payload: unknown) => unknown;
  onOperation?: (ctx: WsContext, id: string, payload: unknown, args: ExecutionArgs, result: unknown) => unknown;
  onNext?: (ctx: WsContext, id: string, payload: unknown, args: ExecutionArgs, result: ExecutionResult) => unknown;
  onError?: (ctx: WsContext, id: string, payload: unknown, errors: readonly GraphQLError[]) => unknown;
  onComplete?: (ctx: WsContext, id: string, payload: unknown) => unknown;
  onClose?: (ctx: WsContext, code?: number, reason?: string) => unknown;
}

/**
 * Decorates graphql-ws's server options; their own hooks run first, and what they return is kept:
 * - an operation arriving after the stop began is refused with SERVICE_UNAVAILABLE before their onSubscribe
 *   (which checks the session) runs; one admitted before counts as in flight until it is answered (onComplete,
 *   or onError), a subscription until it has started (onOperation), or until its socket closes;
 * - the errors sent get `extensions.requestId` (the socket's upgrade request id) and are counted by code;
 * - an event's delivery lag is observed as its message is about to be sent.
 */
export function observeGraphqlWs({ metrics, shutdown }: { metrics: Metrics; shutdown: Shutdown }) {
  /** Per connection: the in-flight release of each operation id. */
  const inFlight = new WeakMap<object, Map<string, () => void>>();
  const settle = (ctx: object, id: string) => {
    const ops = inFlight.get(ctx);
    ops?.get(id)?.();
    ops?.delete(id);
  };

  return <T>(options: T): T => {
    const hooks = options as WsHooks;
    const decorated: WsHooks = {
      async onSubscribe(ctx, id, payload) {
        if (shutdown.stopping) return [stoppingError()];
        let ops = inFlight.get(ctx);
        if (!ops) {
          ops = new Map();
          inFlight.set(ctx, ops);
        }
        ops.get(id)?.();
        ops.set(id, shutdown.trackOperation());
        try {
          const result = await hooks.onSubscribe?.(ctx, id, payload);
          // Refused, and completed by the client meanwhile: graphql-ws sends nothing and calls no other hook.
          if (Array.isArray(result) && !(id in ctx.subscriptions)) settle(ctx, id);
          return result;
        } catch (err) {
          settle(ctx, id);
          throw err;
        }
      },
      async onOperation(ctx, id, payload, args, result) {
        const replaced = await hooks.onOperation?.(ctx, id, payload, args, result);
        if (isAsyncIterable(replaced ?? result)) settle(ctx, id);
        return replaced;
      },
      async onNext(ctx, id, payload, args, result) {
        const replaced = (await hooks.onNext?.(ctx, id, payload, args, result)) as ExecutionResult | undefined;
        const context = args.contextValue;
        if (context !== null && typeof context === 'object') {
          const at = resolvedEvents.get(context);
          if (at !== undefined) {
            resolvedEvents.delete(context);
            metrics.eventDelivered(at);
          }
        }
        const sent = replaced ?? result;
        if (!sent.errors?.length) return replaced;
        metrics.countErrors(sent.errors, 'ws');
        const requestId = requestIdOf(ctx.extra.request);
        return { ...sent, errors: sent.errors.map((e) => withRequestId(e, requestId)) };
      },
      async onError(ctx, id, payload, errors) {
        try {
          const replaced = (await hooks.onError?.(ctx, id, payload, errors)) as
            | readonly GraphQLFormattedError[]
            | undefined;
          const sent: readonly (GraphQLError | GraphQLFormattedError)[] = replaced ?? errors;
          metrics.countErrors(sent, 'ws');
          const requestId = requestIdOf(ctx.extra.request);
          return sent.map((e) => withRequestId(e, requestId));
        } finally {
          // graphql-ws sends the error right after this hook, in the same turn.
          setImmediate(() => settle(ctx, id));
        }
      },
      async onComplete(ctx, id, payload) {
        try {
          return await hooks.onComplete?.(ctx, id, payload);
        } finally {
          settle(ctx, id);
        }
      },
      async onClose(ctx, code, reason) {
        try {
          return await hooks.onClose?.(ctx, code, reason);
        } finally {
          for (const release of inFlight.get(ctx)?.values() ?? []) release();
          inFlight.delete(ctx);
        }
      },
    };
    return { ...options, ...decorated } as T;
  };
}
