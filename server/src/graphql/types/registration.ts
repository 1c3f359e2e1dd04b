/**
 * Residents who register themselves: `registerResident` (anyone, no token; rate-limited per client address),
 * `pendingResidents` and `verifyResident` for the grid workers and secretaries of the compound, a person's
 * `verification`, `registeredAt`, `address` and `compound`, and the language a person reads notifications in.
 */
import DataLoader from 'dataloader';
import { languageOf } from '../../domain/notifications/notification.messages.ts';
import { setLanguage } from '../../domain/notifications/notification.service.ts';
import type { OrgUnitRecord } from '../../domain/organisation/org-unit.queries.ts';
import { type RoleFactsOf, seesContacts } from '../../domain/organisation/person.policy.ts';
import type { PersonRecord } from '../../domain/organisation/person.queries.ts';
import { ResidentVerificationService, registerResident } from '../../domain/residents/registration.service.ts';
import { homeCompounds, pendingResidents } from '../../domain/residents/residents.queries.ts';
import { LANGUAGES, type Language, PERSON_VERIFICATIONS } from '../../entities/person.entity.ts';
import { builder, enumValues } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeId } from '../ids.ts';
import { OrgUnitRef } from './org-unit.ts';
import { ownRecord, PersonRef } from './person.ts';

export const PersonVerificationEnum = builder.enumType(enumValues(PERSON_VERIFICATIONS), {
  name: 'PersonVerification',
  description: 'A self-registered resident is PENDING until staff of the compound verify (or refuse) them',
});

/** The GraphQL names of the languages (an enum value cannot hold "-"). */
const LANGUAGE_NAMES: Readonly<Record<Language, 'ZH_CN' | 'EN'>> = { 'zh-CN': 'ZH_CN', en: 'EN' };
const languageOfName = (name: 'ZH_CN' | 'EN'): Language => (name === 'EN' ? 'en' : 'zh-CN');
export const LanguageEnum = builder.enumType(enumValues(LANGUAGES.map((l) => LANGUAGE_NAMES[l])), {
  name: 'Language',
  description: 'The language a person reads notifications in: ZH_CN (Simplified Chinese, the default) or EN',
});

/** A person's roles with their units' paths, through the request's loaders (as person.ts decides contacts). */
const roleFactsOf =
  (ctx: Context): RoleFactsOf =>
  async (personId) => {
    const roles = await ctx.loaders.roles.load(personId);
    const units = await Promise.all(roles.map((r) => ctx.loaders.orgUnit.load(r.orgUnitId)));
    return roles.flatMap((r, i) => {
      const unit = units[i];
      return unit ? [{ role: r.role, path: unit.path }] : [];
    });
  };

/** The home compound of people, batched per request. */
const compoundLoaders = new WeakMap<object, DataLoader<number, number | null>>();
function compoundOf(ctx: Context, personId: number): Promise<number | null> {
  let loader = compoundLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly number[]) => {
      const rows = await homeCompounds(ctx.em, ids);
      return ids.map((id) => rows.find((r) => r.personId === id)?.compoundId ?? null);
    });
    compoundLoaders.set(ctx.loaders, loader);
  }
  return loader.load(personId);
}

/** Personal details follow the contact policy: the person, and staff whose subtree holds one of their units. */
const seesDetails = (ctx: Context, p: PersonRecord) => seesContacts(ctx.viewer, p.id, roleFactsOf(ctx));

builder.objectFields(PersonRef, (t) => ({
  verification: t.field({
    type: PersonVerificationEnum,
    description: 'VERIFIED for everyone staff created; a self-registered resident starts PENDING',
    resolve: (p) => p.verification,
  }),
  registeredAt: t.field({
    type: 'DateTime',
    nullable: true,
    description: 'When a resident registered themselves (null for people staff created)',
    resolve: (p) => p.registeredAt,
  }),
  address: t.string({
    nullable: true,
    description: 'Building, unit, room: visible to the person and to staff whose subtree holds one of their units',
    resolve: async (p, _a, ctx) => ((await seesDetails(ctx, p)) ? p.address : null),
  }),
  compound: t.field({
    type: OrgUnitRef,
    nullable: true,
    description: 'The compound a resident lives in (visible like the address); null for people who are not residents',
    resolve: async (p, _a, ctx) => {
      if (!(await seesDetails(ctx, p))) return null;
      const id = await compoundOf(ctx, p.id);
      return id === null ? null : ((await ctx.loaders.orgUnit.load(id)) as OrgUnitRecord);
    },
  }),
  language: t.field({
    type: LanguageEnum,
    nullable: true,
    description: 'The language the person reads notifications in (only for the person themselves)',
    resolve: (p, _a, ctx) => (ctx.viewer?.personId === p.id ? LANGUAGE_NAMES[languageOf(p.language)] : null),
  }),
}));

const RegisterResidentInput = builder.inputType('RegisterResidentInput', {
  fields: (t) => ({
    username: t.string({ required: true, description: '3–32 characters: letters, digits, ".", "_" or "-"' }),
    password: t.string({ required: true, description: 'At least 8 characters' }),
    displayName: t.string({ required: true }),
    phone: t.string({ required: true, description: 'An 11-digit mainland mobile number' }),
    compoundId: t.id({ required: true, description: 'The compound (小区) the resident lives in' }),
    address: t.string({ required: true, description: 'Building, unit, room (at most 100 characters)' }),
    language: t.field({ type: LanguageEnum, description: 'The language of their notifications (default ZH_CN)' }),
  }),
});

const VerifyResidentInput = builder.inputType('VerifyResidentInput', {
  fields: (t) => ({
    personId: t.id({ required: true }),
    approve: t.boolean({ required: true }),
    reason: t.string({ description: 'Required when refusing: the resident is told' }),
  }),
});

const personOf = async (ctx: Context, id: number) => (await ctx.loaders.person.load(id)) as PersonRecord;

const RegisterResidentPayload = builder.objectRef<number>('RegisterResidentPayload').implement({
  fields: (t) => ({
    // The person who just registered: their own details, though the request had no token.
    person: t.field({ type: PersonRef, resolve: async (id, _a, ctx) => ownRecord(await personOf(ctx, id)) }),
  }),
});

const VerifyResidentPayload = builder.objectRef<number>('VerifyResidentPayload').implement({
  fields: (t) => ({
    person: t.withAuth({ loggedIn: true }).field({ type: PersonRef, resolve: (id, _a, ctx) => personOf(ctx, id) }),
  }),
});

const PendingResidentsPage = builder
  .objectRef<{ totalCount: number; nodes: PersonRecord[] }>('PendingResidentConnection')
  .implement({
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount'),
      nodes: t.field({ type: [PersonRef], resolve: (p) => p.nodes }),
    }),
  });

builder.queryFields((t) => ({
  pendingResidents: t.withAuth({ loggedIn: true }).field({
    type: PendingResidentsPage,
    description:
      'Residents of the compounds in the unit’s subtree who registered and wait for verification, oldest first (for their grid workers and secretaries)',
    args: { orgUnitId: t.arg.id({ required: true }), first: t.arg.int({ description: 'Default 50, at most 200' }) },
    resolve: (_r, args, ctx) => pendingResidents(ctx.em, ctx.viewer, decodeId('OrgUnit', args.orgUnitId), args.first),
  }),
}));

builder.mutationFields((t) => ({
  registerResident: t.field({
    type: RegisterResidentPayload,
    description: 'Register as a resident of a compound (no token needed): PENDING until the compound verifies you',
    args: { input: t.arg({ type: RegisterResidentInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      registerResident(
        ctx.em,
        {
          ...input,
          compoundId: decodeId('OrgUnit', input.compoundId),
          language: input.language ? languageOfName(input.language) : null,
        },
        new Date(),
      ),
  }),
  verifyResident: t.withAuth({ loggedIn: true }).field({
    type: VerifyResidentPayload,
    description: 'Verify or refuse a registered resident (a grid worker or secretary whose area holds the compound)',
    args: { input: t.arg({ type: VerifyResidentInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const { personId, notified } = await new ResidentVerificationService(ctx.em, ctx.viewer).verify({
        personId: decodeId('Person', input.personId),
        approve: input.approve,
        reason: input.reason,
      });
      ctx.hub.publishNotifications(notified);
      return personId;
    },
  }),
  setMyLanguage: t.withAuth({ session: true }).field({
    type: PersonRef,
    description: 'The language you read notifications in (all of them, older ones too)',
    args: { language: t.arg({ type: LanguageEnum, required: true }) },
    resolve: async (_r, args, ctx) => {
      await setLanguage(ctx.em, ctx.viewer.personId, languageOfName(args.language), new Date());
      return personOf(ctx, ctx.viewer.personId);
    },
  }),
}));
