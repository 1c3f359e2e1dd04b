/**
 * What an operation will cost, estimated before it runs: every field counts once for every time it will be
 * resolved, so a selection under a list counts as many times as the page the list will really return — the
 * literal or variable page size (`limit`, `first`, `last`), or the list's default page, never more than its
 * maximum. Lists without a page argument return at most their maximum (withListCaps cuts them there), so an
 * estimate is an upper bound of the fields resolved: `wishList(limit: 200) { nodes { events { wish { events …`
 * multiplies 200 by 100 per level and is refused before anything runs.
 *
 * The same estimate runs as a validation rule (the document alone: variables count as their default value or
 * the list's default page) and, with the request's variables, when the operation is about to execute or
 * subscribe — over HTTP and graphql-ws alike. It also weighs the operation for the query rate budget.
 */
import {
  type ASTVisitor,
  type DocumentNode,
  defaultFieldResolver,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  getOperationAST,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  valueFromASTUntyped,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_LIMIT, UNPAGED_CAP } from '../domain/kernel/list.ts';
import { MAX_PHOTOS_PER_WISH } from '../domain/photos/photo.queries.ts';

/** A list's page: how many items it returns without an argument, and at most. */
export interface PageSize {
  default: number;
  max: number;
  /** The argument that sets the page size, if the list takes one. */
  arg?: string;
}

const fixed = (n: number): PageSize => ({ default: n, max: n });

/** The list convention (`xxxList(filter, sort, offset, limit)`): 25 by default, at most MAX_LIMIT. */
const LIST_CONVENTION: PageSize = { arg: 'limit', default: 25, max: MAX_LIMIT };

/**
 * Fields that return a page object: its `nodes` or `edges` hold the page. Every `Query.<name>List` follows the
 * list convention (added below); the connections take `first`.
 */
const PAGES: Record<string, PageSize> = {
  'Query.wishes': { arg: 'first', default: 20, max: 100 },
  'Query.activities': { arg: 'first', default: 20, max: 100 },
  'Query.myNotifications': { arg: 'first', default: 20, max: 100 },
  'Query.pendingResidents': { arg: 'first', default: 50, max: 200 },
};
const PAGE_ITEMS = new Set(['nodes', 'edges']);

/**
 * Every list field of the schema (a test checks that none is missing) with its page. Lists without an
 * argument return their default page, which is also their maximum.
 */
export const LIST_SIZES: Record<string, PageSize> = {
  'Query.orgUnits': fixed(UNPAGED_CAP),
  'Query.wishCategories': fixed(200),
  'Query.people': fixed(UNPAGED_CAP),
  'Query.wishStatusCounts': fixed(8),
  'Query.assignablePeople': fixed(300),
  'Query.serviceBrands': fixed(200),
  'Query.monthlyThemes': fixed(12),
  'Query.pointRanking': { arg: 'first', default: 10, max: 100 },
  'Query.pointRules': fixed(200),
  'Query.recentWishEvents': { arg: 'last', default: 20, max: 100 },
  'OrgUnit.children': fixed(50),
  'Person.roles': fixed(15),
  'PropertyCommittee.members': fixed(50),
  'Wish.assignees': fixed(20),
  'Wish.events': fixed(100),
  'Wish.meetings': fixed(50),
  'Wish.availableActions': fixed(14),
  'MonthlyTheme.activities': fixed(100),
  'Activity.signUps': fixed(UNPAGED_CAP),
  'Activity.checkIns': fixed(UNPAGED_CAP),
  'ActivityParticipation.byMonth': fixed(120),
  'PointSummary.entries': fixed(UNPAGED_CAP),
  'WishStats.byStatus': fixed(8),
  'WishStats.byCommunity': fixed(100),
  'WishStats.transitions': fixed(8),
  'Query.open311Keys': fixed(200),
  'Query.similarWishes': fixed(5),
  'Query.hotSpots': fixed(100),
  'PublicBoard.upcomingActivities': fixed(10),
  'PublicBoard.branches': fixed(50),
  'Wish.photos': fixed(MAX_PHOTOS_PER_WISH),
};

/**
 * Fields that read the database once per object they are resolved for (not batched by a loader): each counts
 * as this many fields.
 */
export const FIELD_WEIGHTS: Record<string, number> = {
  'WishEvent.wish': 10,
  'Wish.availableActions': 10,
  'Activity.signUps': 10,
  'Activity.checkIns': 10,
  'MonthlyTheme.activities': 10,
  'PointEntry.rule': 10,
  'PointSummary.entries': 10,
  'Person.points': 10,
};

/** The page of a page-returning field (`Query.xxxList` or a connection), or undefined. */
function pageOf(coordinate: string): PageSize | undefined {
  if (PAGES[coordinate]) return PAGES[coordinate];
  return /^Query\.\w+List$/.test(coordinate) ? LIST_CONVENTION : undefined;
}

type Variables = Readonly<Record<string, unknown>> | null | undefined;

/** The page size a list field will really return: its argument's value (within 0…max), or its default. */
function sizeOf(page: PageSize, field: FieldNode, variables: Variables, defaults: Map<string, unknown>): number {
  let value: unknown;
  const arg = page.arg ? field.arguments?.find((a) => a.name.value === page.arg) : undefined;
  if (arg?.value.kind === Kind.INT) value = Number(arg.value.value);
  else if (arg?.value.kind === Kind.VARIABLE && variables) {
    // Unknown variables (a document checked on its own) count as the list's default page: the check with the
    // request's variables comes before the operation runs.
    const name = arg.value.name.value;
    value = name in variables ? variables[name] : defaults.get(name);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return page.default;
  // Outside the range the resolver refuses it (BAD_USER_INPUT naming the argument): it loads nothing more.
  return Math.min(page.max, Math.max(0, Math.floor(value)));
}

/** The estimator of one document: fragments are costed once per page size (so a fragment bomb stays linear). */
class Estimator {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly memo = new Map<string, number>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Variables,
    private readonly defaults: Map<string, unknown>,
  ) {
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(d.name.value, d);
  }

  /** The cost of one resolution of the selection on `type`; `page` is the page size of a page object. */
  selection(selectionSet: SelectionSetNode, type: GraphQLNamedType | undefined, page: number): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) total += this.field(selection, type, page);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : type;
        total += this.selection(selection.selectionSet, on ?? undefined, page);
      } else {
        const name = selection.name.value;
        const key = `${name}|${page}`;
        const known = this.memo.get(key);
        if (known !== undefined) {
          total += known;
          continue;
        }
        const fragment = this.fragments.get(name);
        // A cycle (refused by validation anyway) or an unknown fragment costs nothing more.
        if (!fragment || this.visiting.has(name)) continue;
        this.visiting.add(name);
        const on = this.schema.getType(fragment.typeCondition.name.value) ?? undefined;
        const cost = this.selection(fragment.selectionSet, on, page);
        this.visiting.delete(name);
        this.memo.set(key, cost);
        total += cost;
      }
    }
    return total;
  }

  private field(node: FieldNode, parent: GraphQLNamedType | undefined, page: number): number {
    const name = node.name.value;
    // Introspection is off in production and what GraphiQL needs in development.
    if (name === '__schema' || name === '__type') return 0;
    if (name === '__typename' || !parent || !isObjectType(parent)) return 1;
    const definition = parent.getFields()[name];
    if (!definition) return 1;
    const coordinate = `${parent.name}.${name}`;
    const weight = FIELD_WEIGHTS[coordinate] ?? 1;
    const list = LIST_SIZES[coordinate];
    let items = 1;
    if (isListType(getNullableType(definition.type))) {
      items = PAGE_ITEMS.has(name) && !list ? page : this.size(list ?? UNKNOWN_LIST, node);
    }
    const pageObject = pageOf(coordinate);
    const inner = pageObject ? this.size(pageObject, node) : 1;
    const children = node.selectionSet ? this.selection(node.selectionSet, getNamedType(definition.type), inner) : 0;
    return weight + items * (node.selectionSet ? children : isListType(getNullableType(definition.type)) ? 1 : 0);
  }

  private size(page: PageSize, node: FieldNode): number {
    return sizeOf(page, node, this.variables, this.defaults);
  }
}

/** A list field nobody registered in LIST_SIZES (a test makes sure there is none). */
const UNKNOWN_LIST: PageSize = fixed(UNPAGED_CAP);

function variableDefaults(operation: OperationDefinitionNode): Map<string, unknown> {
  const defaults = new Map<string, unknown>();
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue) defaults.set(v.variable.name.value, valueFromASTUntyped(v.defaultValue));
  }
  return defaults;
}

/**
 * The estimated cost of one operation of the document, with the request's variables (one it does not send
 * counts as its default value). Without `variables` (a document checked on its own), a variable page size counts
 * as the list's default page.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables?: Variables,
): number {
  const root = schema.getRootType(operation.operation) ?? undefined;
  return new Estimator(schema, document, variables, variableDefaults(operation)).selection(
    operation.selectionSet,
    root,
    1,
  );
}

/** The validation rule: every operation of the document, on its own, within `maxCost`. */
export function costLimitRule(maxCost: number, refuse: (context: ValidationContext) => void): ValidationRule {
  return function CostLimit(context: ValidationContext): ASTVisitor {
    return {
      Document(document) {
        for (const d of document.definitions) {
          if (d.kind !== Kind.OPERATION_DEFINITION) continue;
          if (estimateCost(context.getSchema(), document, d) > maxCost) {
            refuse(context);
            return;
          }
        }
      },
    };
  };
}

const costs = new WeakMap<object, number>();

/** The estimated cost of the operation running with this context (set when it started), or 1. */
export function operationCost(context: unknown): number {
  return (typeof context === 'object' && context !== null && costs.get(context)) || 1;
}

/**
 * The estimate with the request's variables, when the operation is about to execute or subscribe: refused
 * with `refusal()` beyond `maxCost`; otherwise the cost is kept for operationCost().
 */
export function useCostLimit(maxCost: number, refusal: () => GraphQLError): Plugin {
  const check = (args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    operationName?: string | null;
    variableValues?: Variables;
    contextValue?: unknown;
  }): boolean => {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return true;
    const cost = estimateCost(args.schema, args.document, operation, args.variableValues ?? {});
    if (typeof args.contextValue === 'object' && args.contextValue !== null) costs.set(args.contextValue, cost);
    return cost <= maxCost;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!check(args)) setResultAndStopExecution({ errors: [refusal()] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      if (!check(args)) setResultAndStopExecution({ errors: [refusal()] });
    },
  };
}

const capped = new WeakSet<GraphQLField<unknown, unknown>>();

/**
 * Cuts every list without a page argument at its maximum (LIST_SIZES), so the estimate holds whatever the
 * data: the first `max` items, in the list's own order. Changes the schema's resolvers in place, once.
 */
export function withListCaps(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const size = LIST_SIZES[`${type.name}.${field.name}`];
      if (!size || size.arg || capped.has(field)) continue;
      capped.add(field);
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const cut = (value: unknown) =>
        Array.isArray(value) && value.length > size.max ? value.slice(0, size.max) : value;
      field.resolve = (source, args, context, info) => {
        const value = resolve(source, args, context, info);
        return value instanceof Promise ? value.then(cut) : cut(value);
      };
    }
  }
  return schema;
}
