/**
 * An Open311 request's parameters: the query string, and for a POST its body — form-encoded as the
 * specification sends it, or JSON (an object of strings or numbers). Body parameters win over the query
 * string's. Every value is text: control characters (other than line breaks and tabs in the multi-line ones)
 * are refused, naming the parameter, as GraphQL's text inputs are.
 */
import type http from 'node:http';
import { forbiddenControl } from '../../graphql/input-text.plugin.ts';

/** A failure of the request itself (not of the domain), with its HTTP status. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'Open311Error';
  }
}

const MULTI_LINE = new Set(['description', 'address_string']);
/** The longest value of any parameter (a description is at most 4,000 characters; the wish service says so). */
const MAX_VALUE = 20_000;

export class Params {
  constructor(private readonly values: ReadonlyMap<string, string>) {}

  /** The parameter's text, or undefined when it is absent (an empty value counts as absent). */
  text(name: string): string | undefined {
    const value = this.values.get(name);
    if (value === undefined || value === '') return undefined;
    if (value.length > MAX_VALUE) throw new Open311Error(400, `${name}: must be at most ${MAX_VALUE} characters`);
    const control = forbiddenControl(value, MULTI_LINE.has(name));
    if (control !== null) {
      const hex = control.toString(16).toUpperCase().padStart(4, '0');
      throw new Open311Error(400, `${name}: must not contain control characters (found U+${hex})`);
    }
    return value;
  }

  /** A comma-separated list (GeoReport's multiple values), without empty items; undefined when absent. */
  list(name: string, max: number): string[] | undefined {
    const text = this.text(name);
    if (text === undefined) return undefined;
    const items = [...new Set(text.split(',').map((s) => s.trim()))].filter((s) => s !== '');
    if (items.length > max) throw new Open311Error(400, `${name}: at most ${max} values`);
    return items;
  }
}

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** The parameters of the request (see the module comment). */
export async function readParams(
  req: http.IncomingMessage,
  query: URLSearchParams,
  withBody: boolean,
  maxBytes: number,
): Promise<Params> {
  const values = new Map<string, string>();
  for (const [k, v] of query) if (!values.has(k)) values.set(k, v);
  if (!withBody) return new Params(values);
  const body = await readBody(req, maxBytes);
  const type = (req.headers['content-type'] ?? FORM).split(';')[0]?.trim().toLowerCase() ?? FORM;
  const fromBody = new Map<string, string>();
  if (type === FORM || (type === '' && body !== '')) {
    for (const [k, v] of new URLSearchParams(body)) if (!fromBody.has(k)) fromBody.set(k, v);
  } else if (type === JSON_TYPE || type.endsWith('+json')) {
    for (const [k, v] of Object.entries(jsonObject(body))) {
      if (v === null) continue;
      if (typeof v !== 'string' && typeof v !== 'number') {
        throw new Open311Error(400, `${k.slice(0, 50)}: must be a string`);
      }
      fromBody.set(k, String(v));
    }
  } else {
    throw new Open311Error(400, `Send the request body as ${FORM} (or ${JSON_TYPE}), not ${type.slice(0, 100)}`);
  }
  for (const [k, v] of fromBody) values.set(k, v);
  return new Params(values);
}

function jsonObject(body: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new Open311Error(400, 'The request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Open311Error(400, 'The request body must be a JSON object of parameters');
  }
  return value as Record<string, unknown>;
}

/** The body as UTF-8 text, at most `maxBytes`. */
async function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string> {
  const tooLarge = () => new Open311Error(413, `The request body may be at most ${maxBytes} bytes`);
  const length = req.headers['content-length'];
  if (length !== undefined && (!/^\d+$/.test(length) || Number(length) > maxBytes)) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(buffer);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new Open311Error(400, 'The request body is not valid UTF-8');
  }
}
