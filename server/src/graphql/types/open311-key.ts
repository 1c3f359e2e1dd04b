/**
 * Open311 API keys for street staff: `open311Keys`, `issueOpen311Key` (the key in clear, once) and
 * `revokeOpen311Key`. Outside systems use a key at /open311/v2/ (http/open311/).
 */
import { forbidden, notFound } from '../../domain/kernel/errors.ts';
import { managesOpen311Keys } from '../../domain/open311/open311-key.policy.ts';
import { findOpen311Key, listOpen311Keys, type Open311KeyRecord } from '../../domain/open311/open311-key.queries.ts';
import { Open311KeyService } from '../../domain/open311/open311-key.service.ts';
import type { PersonRecord } from '../../domain/organisation/person.queries.ts';
import type { WishChannel } from '../../entities/wish.entity.ts';
import { builder } from '../builder.ts';
import type { LoggedInContext } from '../context.ts';
import { decodeId, encodeId } from '../ids.ts';
import { inputMutation } from '../mutation.ts';
import { implementPayload, payloadRef } from '../payload.ts';
import { PersonRef } from './person.ts';
import { WishChannelEnum } from './wish-enums.ts';

const Open311KeyRef = builder.objectRef<Open311KeyRecord>('Open311Key');

Open311KeyRef.implement({
  description: 'An Open311 API key: an outside system lists wishes with it at /open311/v2/ on behalf of one channel.',
  fields: (t) => ({
    id: t.id({ resolve: (k) => encodeId('ApiKey', k.id) }),
    label: t.exposeString('label', { description: 'Who uses it, e.g. "12345 hotline"' }),
    channel: t.field({
      type: WishChannelEnum,
      description: 'The channel of the wishes listed with it',
      resolve: (k) => k.channel,
    }),
    hint: t.exposeString('hint', { description: 'The first characters of the key, to tell keys apart' }),
    issuedAt: t.field({ type: 'DateTime', resolve: (k) => k.issuedAt }),
    issuedBy: t.field({
      type: PersonRef,
      resolve: async (k, _a, ctx) => (await ctx.loaders.person.load(k.issuedById)) as PersonRecord,
    }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, resolve: (k) => k.revokedAt }),
    revokedBy: t.field({
      type: PersonRef,
      nullable: true,
      resolve: (k, _a, ctx) => (k.revokedById === null ? null : ctx.loaders.person.load(k.revokedById)),
    }),
    lastUsedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Its last use (reads are noted at most once a minute)',
      resolve: (k) => k.lastUsedAt,
    }),
    active: t.boolean({ description: 'Not revoked', resolve: (k) => k.revokedAt === null }),
  }),
});

const Open311KeyPayload = payloadRef('Open311KeyPayload');
implementPayload(Open311KeyPayload, 'key', Open311KeyRef, 'Open311 key', (ctx, id) => findOpen311Key(ctx.em, id));

const IssueOpen311KeyPayload = builder.objectRef<{ id: number; apiKey: string }>('IssueOpen311KeyPayload').implement({
  fields: (t) => ({
    key: t.withAuth({ loggedIn: true }).field({
      type: Open311KeyRef,
      resolve: async (p, _a, ctx) => {
        const key = await findOpen311Key(ctx.em, p.id);
        if (!key) throw notFound('Open311 key');
        return key;
      },
    }),
    apiKey: t.exposeString('apiKey', { description: 'The key in clear: shown this once, never again' }),
  }),
});

const IssueOpen311KeyInput = builder.inputType('IssueOpen311KeyInput', {
  fields: (t) => ({
    label: t.string({ required: true, description: 'Who uses it (1–100 characters)' }),
    channel: t.field({ type: WishChannelEnum, required: true }),
  }),
});

const RevokeOpen311KeyInput = builder.inputType('RevokeOpen311KeyInput', {
  fields: (t) => ({ keyId: t.id({ required: true }) }),
});

const service = (ctx: LoggedInContext) => new Open311KeyService(ctx.em, ctx.viewer);

builder.queryFields((t) => ({
  open311Keys: t.withAuth({ loggedIn: true }).field({
    type: [Open311KeyRef],
    description: 'The Open311 API keys, in use first, newest first (at most 200): street staff only',
    resolve: (_r, _a, ctx) => {
      if (!managesOpen311Keys(ctx.viewer)) throw forbidden('Only street staff manage Open311 API keys');
      return listOpen311Keys(ctx.em);
    },
  }),
}));

builder.mutationFields((t) => ({
  issueOpen311Key: t.withAuth({ loggedIn: true }).field({
    type: IssueOpen311KeyPayload,
    description: 'Issue an Open311 API key (street staff): the payload carries the key in clear, once',
    args: { input: t.arg({ type: IssueOpen311KeyInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const { id, key } = await service(ctx).issue({ label: input.label, channel: input.channel as WishChannel });
      return { id, apiKey: key };
    },
  }),
  revokeOpen311Key: inputMutation(
    t,
    Open311KeyPayload,
    RevokeOpen311KeyInput,
    (input, ctx) => service(ctx).revoke({ keyId: decodeId('ApiKey', input.keyId) }),
    'Revoke an Open311 API key (street staff): it lists nothing from then on',
  ),
}));
