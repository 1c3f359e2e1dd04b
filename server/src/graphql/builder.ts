import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import { isMasked, isStaff, isVerified } from '../domain/auth/viewer.ts';
import type { UploadedFile } from '../domain/photos/photo.service.ts';
import type { Context, LoggedInContext } from './context.ts';

export interface AuthScopes {
  /**
   * A valid bearer token of a verified person. A self-registered resident still PENDING (or REJECTED) has only
   * `session`: they may read `me` and their notifications, and nothing else (FORBIDDEN).
   */
  loggedIn: boolean;
  /** A valid bearer token, verified or not. */
  session: boolean;
  /** BRANCH_SECRETARY, GRID_WORKER or STREET_ADMIN somewhere. */
  staff: boolean;
  /** Anyone but a display screen: may see names, phone numbers and descriptions. */
  personalData: boolean;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  // `t.withAuth({ loggedIn: true })` gives its resolvers a context whose viewer is never null.
  AuthContexts: { loggedIn: LoggedInContext; session: LoggedInContext };
  // Fields are non-null unless they say `nullable: true`: a client can rely on what the schema promises.
  DefaultFieldNullability: false;
  Scalars: {
    /** Opaque global IDs travel as strings both ways (the domain decodes them, so errors keep the contract's order). */
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
    /** A calendar date "YYYY-MM-DD" (no time, no zone), kept as a string end to end. */
    Date: { Input: string; Output: string };
    /** An uploaded file (GraphQL multipart request), input only: see types/photo.ts. */
    File: { Input: UploadedFile; Output: never };
  };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      loggedIn: ctx.viewer !== null && isVerified(ctx.viewer),
      session: ctx.viewer !== null,
      staff: ctx.viewer !== null && isVerified(ctx.viewer) && isStaff(ctx.viewer),
      personalData: ctx.viewer !== null && !isMasked(ctx.viewer),
    }),
    unauthorizedError: (_parent, ctx, info) =>
      ctx.viewer
        ? new GraphQLError(
            isVerified(ctx.viewer)
              ? `Your role may not use ${info.parentType.name}.${info.fieldName}`
              : 'Your registration waits for verification by your compound: until then you may only read your account and notifications',
            { extensions: { code: 'FORBIDDEN' } },
          )
        : new GraphQLError('Authentication required: send a valid bearer token', {
            extensions: { code: 'UNAUTHENTICATED' },
          }),
  },
});

const ISO_WITH_ZONE = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** The years a DateTime may name: anything else is a typo or a probe, and the database would refuse some of them. */
export const DATETIME_YEARS = { min: 1900, max: 2200 } as const;

builder.scalarType('DateTime', {
  description: `An ISO 8601 date and time with a time zone, e.g. 2026-11-27T08:30:00.000Z (years ${DATETIME_YEARS.min}–${DATETIME_YEARS.max})`,
  serialize: (value) => (value instanceof Date ? value : new Date(value)).toISOString(),
  parseValue: (value) => {
    const written = typeof value === 'string' ? ISO_WITH_ZONE.exec(value) : null;
    const at = written ? new Date(value as string) : null;
    if (!written || !at || Number.isNaN(at.getTime())) {
      throw new GraphQLError('DateTime must be an ISO 8601 string with a time zone', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    // The year as written (the offset moves the instant by less than a day, which the database takes).
    const year = Number(written[1]);
    if (year < DATETIME_YEARS.min || year > DATETIME_YEARS.max) {
      throw new GraphQLError(`DateTime must lie in the years ${DATETIME_YEARS.min}–${DATETIME_YEARS.max}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return at;
  },
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date: 2026-02-30 is refused. */
function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

builder.scalarType('Date', {
  description: 'A calendar date, YYYY-MM-DD, e.g. 2026-03-15',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string' || !isCalendarDate(value)) {
      throw new GraphQLError('Date must be a calendar date written YYYY-MM-DD', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value;
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

/**
 * An enum's values as an object that stands for the GraphQL enum wherever a type is named (`type: RoleEnum`), so
 * that `builder.enumType(RoleEnum, { name: 'Role' })` can register it where the published schema lists it.
 */
export function enumValues<const T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}
