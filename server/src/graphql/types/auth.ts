/** Login and the viewer's own account. */
import { login, logout } from '../../domain/auth/auth.service.ts';
import { builder } from '../builder.ts';
import type { PersonView } from '../loaders.ts';
import { PersonRef } from './hierarchy.ts';

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
      resolve: async (r, _args, ctx) => (await ctx.loaders.person.load(r.personId)) as PersonView,
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
  logout: t.boolean({
    description: 'Revoke the token this request was sent with',
    authScopes: { loggedIn: true },
    resolve: async (_root, _args, ctx) => {
      await logout(ctx.em, ctx.authorization);
      return true;
    },
  }),
}));

builder.queryFields((t) => ({
  me: t.field({
    type: PersonRef,
    authScopes: { loggedIn: true },
    resolve: async (_root, _args, ctx) => (await ctx.loaders.person.load(ctx.viewer?.personId ?? -1)) as PersonView,
  }),
}));
