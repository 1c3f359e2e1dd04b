/**
 * The shape of the staff mutations: one required `input` argument, a logged-in viewer, and a payload made from
 * the id the domain returns (payload.ts).
 */
import type { InputObjectRef, ObjectRef } from '@pothos/core';
import type { builder } from './builder.ts';
import type { LoggedInContext } from './context.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type MutationFields = PothosSchemaTypes.MutationFieldBuilder<Types, Types['Root']>;

export function inputMutation<Input extends object>(
  t: MutationFields,
  payload: ObjectRef<Types, number>,
  input: InputObjectRef<Types, Input>,
  run: (input: Input, ctx: LoggedInContext) => Promise<number>,
  description?: string,
) {
  return t.withAuth({ loggedIn: true }).field({
    type: payload,
    description,
    args: { input: t.arg({ type: input, required: true }) },
    // The argument map is generic here, so TypeScript cannot see `input` in it; Pothos guarantees it.
    resolve: (_root, args, ctx) => run((args as unknown as { input: Input }).input, ctx),
  });
}
