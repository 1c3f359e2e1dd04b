/**
 * Text input is text: a NUL byte or another control character (Unicode Cc: U+0000–U+001F, U+007F–U+009F) in any
 * string input — an argument or input-object field written in the document, a variable, a variable's default value,
 * an item of a list — is BAD_USER_INPUT naming the field, before any resolver runs (so none can forget it, and
 * PostgreSQL never sees a NUL it would refuse with a 500). Line breaks and tabs (\n, \r, \t) are allowed in the
 * multi-line texts only (descriptions, notes, reasons, comments, meeting minutes). An envelop plugin: HTTP and
 * graphql-ws operations both run through it.
 *
 * It also names the field of a variable that failed its type (`Variable "$input" got invalid value … at
 * "input.dueAt"`): `extensions.field` is `dueAt`, as for the domain's own BAD_USER_INPUT.
 */
import {
  type DocumentNode,
  GraphQLError,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  type ValueNode,
  visit,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Input fields (and arguments) whose text may run over several lines. */
export const MULTI_LINE_FIELDS: ReadonlySet<string> = new Set([
  'description',
  'notes',
  'note',
  'reason',
  'comment',
  'participants',
  'decisions',
  'goals',
  'address',
]);

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** The first control character the text may not hold (its code), or null. */
export function forbiddenControl(text: string, multiLine: boolean): number | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (!(multiLine && (c === TAB || c === LF || c === CR))) return c;
    } else if (c >= 0x7f && c <= 0x9f) {
      return c;
    }
  }
  return null;
}

function refusal(field: string, code: number): GraphQLError {
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const allowed = MULTI_LINE_FIELDS.has(field) ? ' other than line breaks and tabs' : '';
  return new GraphQLError(`${field}: must not contain control characters${allowed} (found U+${hex})`, {
    extensions: { code: 'BAD_USER_INPUT', field },
  });
}

function checkText(text: string, field: string): GraphQLError | null {
  const code = forbiddenControl(text, MULTI_LINE_FIELDS.has(field));
  return code === null ? null : refusal(field, code);
}

/**
 * Checks a value written in the document; `name` is the argument or input field it is given for. Records, for each
 * variable it meets, the name of the argument or field the variable stands for.
 */
function checkLiteral(root: ValueNode, rootName: string, usages: Map<string, string>): GraphQLError | null {
  const stack: [ValueNode, string][] = [[root, rootName]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, name] = item;
    switch (node.kind) {
      case Kind.STRING: {
        const error = checkText(node.value, name);
        if (error) return error;
        break;
      }
      case Kind.LIST:
        for (const value of node.values) stack.push([value, name]);
        break;
      case Kind.OBJECT:
        for (const field of node.fields) stack.push([field.value, field.name.value]);
        break;
      case Kind.VARIABLE:
        if (!usages.has(node.name.value)) usages.set(node.name.value, name);
        break;
      default:
        break;
    }
  }
  return null;
}

/** An object as JSON makes them (not a File or another class instance). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Checks a variable's value as the client sent it (JSON): every string in it, named by its nearest field. */
function checkRaw(root: unknown, rootName: string): GraphQLError | null {
  const stack: [unknown, string][] = [[root, rootName]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [value, name] = item;
    if (typeof value === 'string') {
      const error = checkText(value, name);
      if (error) return error;
    } else if (Array.isArray(value)) {
      for (const v of value) stack.push([v, name]);
    } else if (isPlainObject(value)) {
      for (const [key, v] of Object.entries(value)) stack.push([v, key]);
    }
    // Anything else is no text: a number, a boolean, an uploaded File of a multipart request (its bytes are not
    // walked one by one).
  }
  return null;
}

/** The first control character in the operation's string inputs, as a BAD_USER_INPUT error; null if there is none. */
export function controlCharacterError(
  document: DocumentNode,
  operationName: string | null | undefined,
  variableValues: Readonly<Record<string, unknown>> | null | undefined,
): GraphQLError | null {
  const operation: OperationDefinitionNode | null | undefined = getOperationAST(document, operationName);
  if (!operation) return null; // execution reports that itself
  const usages = new Map<string, string>();
  let found: GraphQLError | null = null;
  // Arguments of fields and directives, in the operation and in every fragment it may spread.
  visit(document, {
    VariableDefinition: () => false,
    Argument(node) {
      found ??= checkLiteral(node.value, node.name.value, usages);
      return false;
    },
  });
  if (found) return found;
  for (const definition of operation.variableDefinitions ?? []) {
    const variable = definition.variable.name.value;
    const name = usages.get(variable) ?? variable;
    const given = variableValues !== null && variableValues !== undefined && Object.hasOwn(variableValues, variable);
    const error = given
      ? checkRaw(variableValues[variable], name)
      : definition.defaultValue
        ? checkLiteral(definition.defaultValue, name, new Map())
        : null;
    if (error) return error;
  }
  return null;
}

const VARIABLE_ERROR = /^Variable "\$(\w+)" got invalid value[\s\S]*? at "([^"]+)"/;
const WHOLE_VARIABLE_ERROR = /^Variable "\$(\w+)" (?:got invalid value|of (?:required|non-null) type)/;

/** The field a variable's coercion error is about: the last name of its path (`input.assigneeIds[0]` → assigneeIds). */
export function variableErrorField(message: string): string | null {
  const inner = VARIABLE_ERROR.exec(message);
  if (inner?.[2]) {
    const names = inner[2].split('.').map((n) => n.replace(/\[\d+\]/g, ''));
    return names.filter((n) => n !== '').at(-1) ?? null;
  }
  return WHOLE_VARIABLE_ERROR.exec(message)?.[1] ?? null;
}

export function useInputText(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = controlCharacterError(args.document, args.operationName, args.variableValues);
      if (error) {
        setResultAndStopExecution({ errors: [error] });
        return;
      }
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) || !result.errors) return;
          for (const e of result.errors) {
            const extensions = e.extensions as Record<string, unknown>;
            if (e.path || extensions.field !== undefined || !e.message.startsWith('Variable "$')) continue;
            if (!Object.isExtensible(extensions)) continue;
            const field = variableErrorField(e.message);
            if (field) extensions.field = field;
          }
        },
      };
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = controlCharacterError(args.document, args.operationName, args.variableValues);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
