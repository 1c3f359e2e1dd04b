/**
 * The work one operation may do, counted as it runs: every statement its resolvers, loaders and list queries
 * send through the context's EntityManager is metered here. An operation that loads more rows (or sends more
 * statements) than its budget is stopped — its next statement fails at once, and the whole answer becomes one
 * refusal — before it holds the memory or the connections of the street. And it never holds more than a few
 * pool connections at a time: its statements queue behind a small gate, so one operation cannot take the pool
 * from everyone else.
 *
 * Mutations are not stopped half-way (their writes run in transactions on their own EntityManager, and a
 * committed change must not be answered as refused); they are gated like any other operation. A subscription
 * gets a fresh budget for every event it delivers.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { type GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { WorkLimits } from '../config.ts';

export class WorkBudget {
  rows = 0;
  statements = 0;
  /** Queries and subscriptions are stopped when over budget; mutations only counted. */
  enforced = true;
  exceeded = false;
  /** The most statements that ran at once. */
  peakConcurrency = 0;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limits: WorkLimits,
    private readonly refusal: () => GraphQLError,
  ) {}

  /** Runs one statement within the budget and the gate. */
  async run<T>(statement: () => Promise<T>): Promise<T> {
    if (this.enforced && this.exceeded) throw this.refusal();
    this.statements++;
    if (this.enforced && this.statements > this.limits.maxStatements) throw this.exceed();
    await this.acquire();
    try {
      const result = await statement();
      if (Array.isArray(result)) this.rows += result.length;
      if (this.enforced && this.rows > this.limits.maxRows) throw this.exceed();
      return result;
    } finally {
      this.release();
    }
  }

  /** A new count (the next event of a subscription). */
  reset(): void {
    this.rows = 0;
    this.statements = 0;
    this.exceeded = false;
  }

  private exceed(): GraphQLError {
    this.exceeded = true;
    return this.refusal();
  }

  private async acquire(): Promise<void> {
    if (this.running >= this.limits.maxConcurrentStatements) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    this.peakConcurrency = Math.max(this.peakConcurrency, this.running);
  }

  private release(): void {
    this.running--;
    this.waiting.shift()?.();
  }
}

const budgets = new WeakMap<object, WorkBudget>();

/**
 * The EntityManager of one operation's context, metered: its `execute` (every read of the domain's queries
 * and loaders) runs within a new WorkBudget.
 */
export function meterWork(em: EntityManager, limits: WorkLimits, refusal: () => GraphQLError): EntityManager {
  const budget = new WorkBudget(limits, refusal);
  const execute = em.execute.bind(em);
  em.execute = ((...args: Parameters<typeof execute>) => budget.run(() => execute(...args))) as typeof em.execute;
  budgets.set(em, budget);
  return em;
}

/** The budget of an operation's context (through its metered EntityManager), if it has one. */
export function workBudgetOf(context: unknown): WorkBudget | undefined {
  const em = (context as { em?: unknown } | null | undefined)?.em;
  return typeof em === 'object' && em !== null ? budgets.get(em) : undefined;
}

/** Starts each operation's count, and answers an operation that went over its budget with the refusal alone. */
export function useWorkBudget(refusal: () => GraphQLError): Plugin {
  return {
    onExecute({ args }) {
      const budget = workBudgetOf(args.contextValue);
      if (!budget) return;
      budget.reset();
      budget.enforced = getOperationAST(args.document, args.operationName)?.operation !== 'mutation';
      return {
        onExecuteDone({ result, setResult }) {
          // The partial answer is dropped with everything it holds.
          if (budget.enforced && budget.exceeded && !(Symbol.asyncIterator in result))
            setResult({ errors: [refusal()] });
        },
      };
    },
    onSubscribe({ args }) {
      const budget = workBudgetOf(args.contextValue);
      if (!budget) return;
      budget.reset();
      budget.enforced = true;
      return {
        onSubscribeResult() {
          return {
            onNext({ setResult }) {
              if (budget.exceeded) setResult({ errors: [refusal()] });
              budget.reset();
            },
          };
        },
      };
    },
  };
}
