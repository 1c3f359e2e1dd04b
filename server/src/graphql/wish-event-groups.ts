/**
 * `wishEvents` over graphql-ws for many subscribers at once.
 *
 * Subscribers whose operation (the document, its operation name and its variables other than the one that
 * carries `afterSequence`) and audience are the same form one group. An audience is what decides both which events
 * a viewer receives and how they are shown:
 * - a DISPLAY-only account is masked and never related to a wish by its person, so all DISPLAY accounts with the
 *   same roles (the same subtrees) share one audience; one that is nevertheless named on a wish (resident, lister,
 *   assignee) gets that wish's events executed for itself;
 * - anyone else is one audience per person and roles: rules about "me" (my own contacts, my ledger, my relation to
 *   a wish) reach through any selection, so two people are never assumed to see the same thing. Several tabs or
 *   devices of one person share a group.
 *
 * The process holds one listener on the hub. Events are taken in sequence order (a skipped sequence is read from
 * the database first, see EVENT_ORDER_LOCK); for each event, every group whose filter matches executes the
 * document once, with one set of loaders for the whole event (the wish rows are read once per event, whatever the
 * number of groups), and the serialised payload is framed for each subscriber (only the operation id differs).
 * A group whose filter does not match costs that test. An idle subscriber holds its socket, its operation id and
 * its last sequence: no ORM fork, no loaders.
 *
 * A subscriber with `afterSequence` first receives the stored events after it (executed for it alone), while live
 * events wait in its queue; then the queue, from the first sequence it has not seen. A socket that does not read
 * (more than `maxBufferedBytes` waiting) is closed with 1013 and a reason that says to resume with afterSequence,
 * so one slow reader never holds memory or time for the others.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { type DocumentNode, type ExecutionResult, execute, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { WebSocket } from 'ws';
import type { Config } from '../config.ts';
import { asDatabaseUnavailable } from '../db/faults.ts';
import { rolesKey } from '../domain/auth/sessions.ts';
import { isMasked, isUnder, type Viewer } from '../domain/auth/viewer.ts';
import type { PublishedWishEvent } from '../domain/wishes/wish.events.ts';
import { loadWishFacts } from '../domain/wishes/wish.facts.ts';
import {
  currentSequence,
  type EventScope,
  storedEventsBetween,
  visibleEventsBetween,
  type WishEventRecord,
} from '../domain/wishes/wish.queries.ts';
import { canSeeWish } from '../domain/wishes/wish.scope.ts';
import type { Logger } from '../logger.ts';
import type { WishEventHub } from '../realtime/wish-event-hub.ts';
import { operationContext } from './context.ts';
import { createLoaders } from './loaders.ts';

/** Try Again Later: what a client that fell behind gets; it reconnects and resumes with `afterSequence`. */
export const SLOW_CONSUMER_CLOSE_CODE = 1013;
export const SLOW_CONSUMER_CLOSE_REASON = 'Too far behind: reconnect and resume with afterSequence';
const REPLAY_PAGE = 500;
const GAP_PAGE = 1_000;

/** The operation of a subscriber, as the transport parsed and validated it. */
export interface GroupedOperation {
  /** The document as sent, its operation name and its variables. */
  query: string;
  operationName: string | null;
  variables: Readonly<Record<string, unknown>> | null;
  schema: GraphQLSchema;
  document: DocumentNode;
}

/** Where a subscriber's messages go. */
export interface GroupedTarget {
  /** The graphql-ws operation id. */
  id: string;
  socket: WebSocket;
  /**
   * May a message go out now? false: the session is over (the transport closes the socket); a promise while the
   * session is checked again.
   */
  admit(): boolean | Promise<boolean>;
  /** A result that carries errors, as this socket must receive it (with its request id). */
  withErrors(result: ExecutionResult): ExecutionResult;
}

export interface JoinRequest {
  viewer: Viewer;
  scope: EventScope;
  afterSequence: number | null;
  /** The variable that carries `afterSequence` (not part of the group's key), if it is a variable. */
  afterVariable: string | null;
}

/** What the `wishEvents` resolver calls over graphql-ws: the transport has bound the operation and the socket. */
export type LiveWishEventsJoin = (request: JoinRequest) => AsyncIterableIterator<never>;

interface Payload {
  sequence: number;
  at: string;
  /** The serialised result, or the result itself when it carries errors (framed per socket). */
  json: string | null;
  result: ExecutionResult;
}

class Subscriber {
  /** The last sequence this subscriber has been sent (or has said it has seen). */
  last = 0;
  /** While catching up or while its session is checked again: what arrived meanwhile. */
  queue: Payload[] | null = [];
  gone = false;
  readonly prefix: string;

  constructor(
    readonly viewer: Viewer,
    readonly target: GroupedTarget,
    readonly end: (error?: unknown) => void,
  ) {
    this.prefix = `{"id":${JSON.stringify(target.id)},"type":"next","payload":`;
  }
}

class Group {
  readonly members = new Set<Subscriber>();
  /** Masked groups: members by person, to find the ones a wish names. */
  readonly byPerson = new Map<number, Set<Subscriber>>();

  constructor(
    readonly key: string,
    readonly operation: GroupedOperation,
    /** Who the shared execution runs as: the person itself, or for a masked audience nobody in particular. */
    readonly viewer: Viewer,
    readonly masked: boolean,
    readonly scope: EventScope,
  ) {}

  add(s: Subscriber): void {
    this.members.add(s);
    if (!this.masked) return;
    const same = this.byPerson.get(s.viewer.personId) ?? new Set();
    same.add(s);
    this.byPerson.set(s.viewer.personId, same);
  }

  delete(s: Subscriber): void {
    this.members.delete(s);
    const same = this.byPerson.get(s.viewer.personId);
    same?.delete(s);
    if (same?.size === 0) this.byPerson.delete(s.viewer.personId);
  }

  inScope(e: PublishedWishEvent): boolean {
    return (
      (this.scope.unitPath === null || isUnder(e.facts.compoundPath, this.scope.unitPath)) &&
      (this.scope.wishId === null || this.scope.wishId === e.wishId)
    );
  }
}

/** Nobody: a masked group's shared execution is related to no wish by its person. */
const NOBODY = -1;

export interface WishEventGroupsOptions {
  hub: WishEventHub;
  config: Config;
  /** A fork for one event's (or one replay's) reads, metered like an operation. */
  fork: () => EntityManager;
  maxBufferedBytes: number;
  /** What a client may see of an error in an event's result (the errors of any operation are masked alike). */
  maskError: (error: GraphQLError) => Error;
  /** `count` subscribers were sent the event committed at `at`. */
  delivered?: (at: string, count: number) => void;
  /** Every socket of grouped subscribers, closed because the events they need could not be read. */
  unavailable?: (socket: WebSocket) => void;
  logger?: Logger;
}

export class WishEventGroups {
  private readonly groups = new Map<string, Group>();
  private readonly subscribers = new Map<Subscriber, Group>();
  private readonly incoming: PublishedWishEvent[] = [];
  /** The last sequence taken from the hub; null until a subscriber has read the stored one. */
  private last: number | null = null;
  private pumping = false;
  /** Listening to the hub while there are subscribers (stops listening when the last one leaves). */
  private off: (() => void) | null = null;

  constructor(private readonly options: WishEventGroupsOptions) {}

  private listen(): void {
    this.off ??= this.options.hub.on((event) => {
      this.incoming.push(event);
      void this.pump();
    });
  }

  /** Groups and subscribers now (for tests and metrics). */
  stats() {
    return { groups: this.groups.size, subscribers: this.subscribers.size };
  }

  join(request: JoinRequest, operation: GroupedOperation, target: GroupedTarget): AsyncIterableIterator<never> {
    const masked = isMasked(request.viewer);
    const audience = masked
      ? `masked ${rolesKey(request.viewer.roles)}`
      : `${request.viewer.personId} ${rolesKey(request.viewer.roles)}`;
    const variables = { ...operation.variables };
    if (request.afterVariable !== null) delete variables[request.afterVariable];
    const key = JSON.stringify([
      audience,
      operation.query,
      operation.operationName,
      sortedEntries(variables),
      request.scope.unitPath,
      request.scope.wishId,
    ]);
    let group = this.groups.get(key);
    if (!group) {
      const viewer = masked ? { personId: NOBODY, displayName: '', roles: request.viewer.roles } : request.viewer;
      group = new Group(key, operation, viewer, masked, request.scope);
      this.groups.set(key, group);
    }
    this.listen();
    const { iterator, end } = parkedIterator(() => this.leave(subscriber));
    const subscriber = new Subscriber(request.viewer, target, end);
    group.add(subscriber);
    this.subscribers.set(subscriber, group);
    void this.catchUp(subscriber, group, request.afterSequence).catch((err: unknown) =>
      subscriber.end(asDatabaseUnavailable(err) ?? err),
    );
    return iterator;
  }

  private leave(s: Subscriber): void {
    s.gone = true;
    s.queue = null;
    const group = this.subscribers.get(s);
    if (!group) return;
    this.subscribers.delete(s);
    group.delete(s);
    if (group.members.size === 0) this.groups.delete(group.key);
    if (this.subscribers.size === 0) {
      // Nobody listens: the next subscriber reads the stored sequence again.
      this.off?.();
      this.off = null;
      this.last = null;
      this.incoming.length = 0;
    }
  }

  /** Stored events after `afterSequence` (for this subscriber alone), then what queued meanwhile. */
  private async catchUp(s: Subscriber, group: Group, afterSequence: number | null): Promise<void> {
    const em = this.options.fork();
    // Joined first, then the watermark: whatever commits after it arrives through the queue.
    let last = await currentSequence(em);
    if (this.last === null) {
      this.last = last;
      void this.pump();
    }
    if (afterSequence !== null && afterSequence < last) {
      let from = afterSequence;
      while (from < last && !s.gone) {
        const page = await visibleEventsBetween(em, s.viewer, group.scope, from, last, REPLAY_PAGE);
        const loaders = createLoaders(em);
        for (const record of page) {
          if (s.gone) return;
          this.sendOne(s, await this.execute(group, s.viewer, record, em, loaders));
        }
        from = page.length === REPLAY_PAGE ? (page.at(-1) as WishEventRecord).sequence : last;
      }
    }
    // A client that says it has seen more than is stored (e.g. the database was restored) gets only newer events.
    if (afterSequence !== null && afterSequence > last) last = afterSequence;
    s.last = Math.max(s.last, last);
    this.flush(s);
  }

  /** Sends what queued (newer than what the subscriber has), then lets live events through. */
  private flush(s: Subscriber): void {
    const queued = s.queue ?? [];
    s.queue = null;
    for (const payload of queued) {
      if (s.gone) return;
      if (payload.sequence > s.last) this.sendOne(s, payload);
    }
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.incoming.length > 0) {
        if (this.last === null) {
          // Nobody has subscribed yet: nothing to deliver. Someone is joining: hold events for the watermark.
          if (this.subscribers.size === 0) this.incoming.length = 0;
          return;
        }
        await this.accept(this.incoming.shift() as PublishedWishEvent, this.last);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async accept(event: PublishedWishEvent, last: number): Promise<void> {
    if (event.sequence <= last) return;
    if (event.sequence > last + 1 && this.subscribers.size > 0) {
      try {
        await this.fillGap(last, event.sequence - 1);
      } catch (err) {
        // The missed events cannot be read: every grouped subscriber is told to come back and resume from the
        // last sequence it received, so nothing is skipped silently.
        this.options.logger?.warn({ err }, 'missed wish events could not be read; closing live subscribers');
        for (const s of [...this.subscribers.keys()]) {
          this.options.unavailable?.(s.target.socket);
          this.leave(s);
        }
      }
    }
    // Everyone left meanwhile: the next subscriber starts from the stored sequence.
    if (this.last === null) return;
    this.last = event.sequence;
    if (this.subscribers.size > 0) await this.dispatch(event);
  }

  /** Events that committed but whose message has not arrived (or never will): read, routed, delivered in order. */
  private async fillGap(after: number, upTo: number): Promise<void> {
    const em = this.options.fork();
    for (let from = after; from < upTo; ) {
      const page = await storedEventsBetween(em, from, upTo, GAP_PAGE);
      if (page.length === 0) return;
      const facts = await loadWishFacts(em, [...new Set(page.map((e) => e.wishId))]);
      for (const record of page) {
        const row = facts.get(record.wishId);
        if (!row) continue;
        const { id: _id, version: _version, ...scope } = row;
        if (this.last === null) return;
        this.last = record.sequence;
        await this.dispatch({ ...record, facts: scope });
      }
      from = (page.at(-1) as WishEventRecord).sequence;
    }
  }

  /** One event to every group that may see it: one execution per group, shared reads for the whole event. */
  private async dispatch(event: PublishedWishEvent): Promise<void> {
    const { facts, ...record } = event;
    let reads: { em: EntityManager; loaders: ReturnType<typeof createLoaders> } | null = null;
    const shared = () => {
      if (!reads) {
        const em = this.options.fork();
        reads = { em, loaders: createLoaders(em) };
      }
      return reads;
    };
    const jobs: Promise<void>[] = [];
    const run = (group: Group, viewer: Viewer, to: (s: Subscriber) => boolean) => {
      const { em, loaders } = shared();
      jobs.push(
        this.execute(group, viewer, record, em, loaders).then((payload) => {
          let sent = 0;
          for (const s of group.members) if (to(s) && this.deliver(s, payload)) sent++;
          if (sent > 0) this.options.delivered?.(payload.at, sent);
        }),
      );
    };
    for (const group of this.groups.values()) {
      if (!group.inScope(event)) continue;
      if (!group.masked) {
        if (canSeeWish(group.viewer, facts)) run(group, group.viewer, () => true);
        continue;
      }
      // Members the wish names see it as themselves; the others share one execution.
      const named = new Set<Subscriber>();
      for (const personId of [facts.residentId, facts.listedById, ...facts.assigneeIds]) {
        for (const s of personId === null ? [] : (group.byPerson.get(personId) ?? [])) named.add(s);
      }
      for (const s of named) if (canSeeWish(s.viewer, facts)) run(group, s.viewer, (m) => m === s);
      if (canSeeWish(group.viewer, facts)) run(group, group.viewer, (m) => !named.has(m));
    }
    await Promise.all(jobs);
  }

  private async execute(
    group: Group,
    viewer: Viewer,
    record: WishEventRecord,
    em: EntityManager,
    loaders: ReturnType<typeof createLoaders>,
  ): Promise<Payload> {
    const { schema, document, operationName, variables } = group.operation;
    const { hub, config, maskError } = this.options;
    // graphql-js executes a subscription operation's selection on the event given as its root value (what its
    // subscribe() does for each event); envelop's executor would subscribe again instead.
    let result = (await execute({
      schema,
      document,
      rootValue: record,
      contextValue: operationContext({ em, hub, config }, viewer, null, loaders),
      variableValues: variables,
      operationName,
    })) as ExecutionResult;
    if (result.errors?.length) result = { ...result, errors: result.errors.map((e) => maskError(e)) as never };
    const json = result.errors?.length ? null : JSON.stringify(result);
    return { sequence: record.sequence, at: record.at, json, result };
  }

  /** Sends a live event now (true), or queues it, or drops it for a subscriber that has it or has gone. */
  private deliver(s: Subscriber, payload: Payload): boolean {
    if (s.gone) return false;
    if (s.queue) {
      s.queue.push(payload);
      return false;
    }
    if (payload.sequence <= s.last) return false;
    const admitted = s.target.admit();
    if (admitted === true) return this.send(s, payload);
    if (admitted === false) this.leave(s);
    else {
      // The session is being checked again: hold this subscriber's events until it is known.
      s.queue = [payload];
      void admitted.then(
        (ok) => (ok ? this.flush(s) : this.leave(s)),
        () => this.leave(s),
      );
    }
    return false;
  }

  /** Writes one event to the socket (true), unless the socket is closed or too far behind (closed now). */
  private send(s: Subscriber, payload: Payload): boolean {
    const { socket } = s.target;
    if (s.gone || socket.readyState !== socket.OPEN) return false;
    if (socket.bufferedAmount > this.options.maxBufferedBytes) {
      socket.close(SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_CLOSE_REASON);
      this.leave(s);
      return false;
    }
    const json = payload.json ?? JSON.stringify(s.target.withErrors(payload.result));
    socket.send(`${s.prefix}${json}}`);
    s.last = payload.sequence;
    return true;
  }

  /** Replayed or held events, one subscriber at a time. */
  private sendOne(s: Subscriber, payload: Payload): void {
    if (this.send(s, payload)) this.options.delivered?.(payload.at, 1);
  }

  close(): void {
    for (const s of [...this.subscribers.keys()]) s.end();
  }
}

function sortedEntries(values: Record<string, unknown>): [string, unknown][] {
  return Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * An iterator that yields nothing: the group writes the subscriber's messages itself. It ends when graphql-ws
 * returns it (the client completed, or the socket closed), or with an error when the subscriber's replay failed.
 */
function parkedIterator(onEnd: () => void): {
  iterator: AsyncIterableIterator<never>;
  end: (error?: unknown) => void;
} {
  let ended = false;
  let failure: { error: unknown } | null = null;
  let waiting: { resolve: (r: IteratorResult<never>) => void; reject: (e: unknown) => void } | null = null;
  const done = { done: true, value: undefined } as IteratorResult<never>;
  const end = (error?: unknown) => {
    if (ended) return;
    ended = true;
    onEnd();
    if (error !== undefined) failure = { error };
    if (failure) waiting?.reject(failure.error);
    else waiting?.resolve(done);
    waiting = null;
  };
  const iterator: AsyncIterableIterator<never> = {
    next: () =>
      new Promise<IteratorResult<never>>((resolve, reject) => {
        if (failure) reject(failure.error);
        else if (ended) resolve(done);
        else waiting = { resolve, reject };
      }),
    return: async () => {
      end();
      return done;
    },
    throw: async (error?: unknown) => {
      end(error);
      return done;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return { iterator, end };
}
