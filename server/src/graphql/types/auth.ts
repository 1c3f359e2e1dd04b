/** Login and the viewer's own account. */
import { login, logout } from '../../domain/auth/auth.service.ts';
import type { PersonRecord } from '../../domain/organisation/person.queries.ts';
import { builder } from '../builder.ts';
import { ownRecord, PersonRef } from './person.ts';

interface LoginResult {
  token: string;
  expiresAt: Date;
  personId: number;
}

const LoginPayload = builder.objectRef<LoginResult>('LoginPayload').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as `Authorization: Bearer <token>`' }),
    expiresAt: t.field({ type: 'DateTime', resolve: (r) => r.expiresAt }),
    user: t.field({
      type: PersonRef,
      // The person who just logged in: their own contacts (person.policy.ts), though the request had no token.
      resolve: async (r, _args, ctx) => ownRecord((await ctx.loaders.person.load(r.personId)) as PersonRecord),
    }),
  }),
});

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayload,
    args: { username: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      login(ctx.em, args.username, args.password, ctx.config.tokenTtlSeconds, ctx.config.displayTokenTtlSeconds),
  }),
  logout: t.withAuth({ session: true }).boolean({
    // Over WebSocket the token is the one of connection_init. Its open WebSocket connections, on every replica,
    // are closed with 4403 (the one that sent this after the answer).
    description: 'Revoke the token this request was sent with',
    resolve: async (_root, _args, ctx) => {
      const ended = await logout(ctx.em, ctx.authorization);
      // Committed (one statement outside a transaction): every replica closes the sockets of this token.
      if (ended.length > 0) ctx.hub.publishSessionChange({ kind: 'sessions-ended', tokenHashes: ended });
      return true;
    },
  }),
}));

builder.queryFields((t) => ({
  me: t.withAuth({ session: true }).field({
    type: PersonRef,
    resolve: async (_root, _args, ctx) => (await ctx.loaders.person.load(ctx.viewer.personId)) as PersonRecord,
  }),
}));
