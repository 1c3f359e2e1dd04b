/**
 * Mutation payloads: `{ <field>: <Type>! }`, the object a mutation changed, read again after it, or
 * `{ deletedId: ID! }` after a delete. A payload's value is the changed row's id.
 */
import type { ImplementableObjectRef, ObjectRef } from '@pothos/core';
import { notFound } from '../domain/kernel/errors.ts';
import { builder } from './builder.ts';
import type { LoggedInContext } from './context.ts';
import { encodeId, type IdType } from './ids.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** A payload type (implemented where the published schema lists it). */
export const payloadRef = (name: string) => builder.objectRef<number>(name);

/** `{ <field>: <Type>! }`, read with `load`; NOT_FOUND naming `what` if the row is gone meanwhile. */
export function implementPayload<T>(
  payload: ImplementableObjectRef<Types, number>,
  field: string,
  type: ObjectRef<Types, T>,
  what: string,
  load: (ctx: LoggedInContext, id: number) => Promise<T | null>,
): void {
  const read = async (id: number, _args: unknown, ctx: LoggedInContext): Promise<T> => {
    const row = await load(ctx, id);
    if (row === null) throw notFound(what);
    return row;
  };
  payload.implement({
    // `read` returns the type's shape; Pothos cannot relate a generic T to its resolver type, hence the cast.
    fields: (t) => ({ [field]: t.withAuth({ loggedIn: true }).field({ type, resolve: read as never }) }),
  });
}

/** `{ deletedId: ID! }`: the id the deleted object had (with the field's description, where the schema has one). */
export function implementDeletedPayload(
  payload: ImplementableObjectRef<Types, number>,
  type: IdType,
  description?: string,
): void {
  payload.implement({
    fields: (t) => ({
      deletedId: t.id({ ...(description ? { description } : {}), resolve: (id) => encodeId(type, id) }),
    }),
  });
}
