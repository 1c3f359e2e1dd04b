/**
 * Authentication is checked before validation (the contract's order: UNAUTHENTICATED comes first).
 * Without a valid token a document may only log in (or introspect, where introspection is enabled).
 * WebSocket connections are refused at connection_init without a valid token, so this is HTTP's part.
 */
import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode, parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { TokenCheck } from '../domain/auth/auth.service.ts';

/** `publicBoard` is the street's public page (/public/<id>): rate-limited per address like a login (rate-limit.ts). */
const PUBLIC_ROOT_FIELDS = new Set(['login', 'publicBoard', 'registerResident', '__typename', '__schema', '__type']);

function rootFieldNames(document: DocumentNode, operationName: string | null | undefined): string[] {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return [];
  const names: string[] = [];
  for (const selection of operation.selectionSet.selections) {
    // Fragments at the root are rare; treat them as needing a token.
    names.push(selection.kind === Kind.FIELD ? selection.name.value : '…');
  }
  return names;
}

/**
 * Decides in `onParams` — before parsing and validation, and outside their caches — whether a request
 * without a valid token may go on: only if every root field of its operation is public.
 */
export function useAuthFirst(check: (request: Request) => Promise<TokenCheck>): Plugin {
  return {
    async onParams({ request, params, setResult }) {
      const result = await check(request);
      if (result.kind === 'ok') return;
      let names: string[] = [];
      try {
        names = params.query ? rootFieldNames(parse(params.query), params.operationName) : [];
      } catch {
        // A syntax error: still, without a token the first thing to say is UNAUTHENTICATED.
      }
      if (names.length > 0 && names.every((n) => PUBLIC_ROOT_FIELDS.has(n))) return;
      const message = result.kind === 'invalid' ? result.reason : 'Authentication required: send a valid bearer token';
      setResult({ errors: [new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } })] });
    },
  };
}

/** Variable values of the wrong type are the client's input error: give them the contract's code. */
export function useInputErrorCodes(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) || !result.errors) return;
          for (const error of result.errors) {
            if (!error.extensions?.code && !error.path && /^Variable "\$/.test(error.message)) {
              (error.extensions as Record<string, unknown>).code = 'BAD_USER_INPUT';
            }
          }
        },
      };
    },
  };
}
