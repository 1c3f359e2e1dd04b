/**
 * MonthlyTheme: the type, its queries and its mutations. Each part registers where the published schema lists
 * it (volunteering-and-points.ts).
 */

import { activitiesOfTheme } from '../../domain/volunteering/activity.queries.ts';
import { findTheme, findThemes, listThemes, type ThemeView } from '../../domain/volunteering/monthly-theme.queries.ts';
import { MonthlyThemeService } from '../../domain/volunteering/monthly-theme.service.ts';
import { builder } from '../builder.ts';
import type { LoggedInContext } from '../context.ts';
import { encodeId, optionalRef, ref, refs } from '../ids.ts';
import { listArgs, listPage } from '../list.ts';
import { implementDeletedPayload, implementPayload, payloadRef } from '../payload.ts';
import { ActivityRef } from './activity.ts';
import { ServiceBrandRef } from './service-brand.ts';

export const MonthlyThemeRef = builder.objectRef<ThemeView>('MonthlyTheme');
const MonthlyThemePayload = payloadRef('MonthlyThemePayload');
const DeleteMonthlyThemePayload = payloadRef('DeleteMonthlyThemePayload');

export function registerMonthlyTheme(): void {
  MonthlyThemeRef.implement({
    description: "The street's volunteer theme of one month (one per month).",
    fields: (t) => ({
      id: t.id({ resolve: (m) => encodeId('MonthlyTheme', m.id) }),
      year: t.exposeInt('year'),
      month: t.exposeInt('month', { description: '1–12' }),
      title: t.exposeString('title'),
      description: t.exposeString('description', { nullable: true }),
      goals: t.exposeString('goals', { nullable: true }),
      brand: t.field({ type: ServiceBrandRef, nullable: true, resolve: (m) => m.brand }),
      activities: t.withAuth({ loggedIn: true }).field({
        type: [ActivityRef],
        description: 'The activities under this theme, soonest first',
        resolve: (m, _a, ctx) => activitiesOfTheme(ctx.em, ctx.viewer.personId, m.id),
      }),
      createdAt: t.field({ type: 'DateTime', resolve: (m) => m.createdAt }),
      updatedAt: t.field({ type: 'DateTime', resolve: (m) => m.updatedAt }),
      version: t.exposeInt('version', { description: 'Send as expectedVersion to refuse a stale update' }),
    }),
  });
}

export const registerMonthlyThemePayload = () =>
  implementPayload(MonthlyThemePayload, 'monthlyTheme', MonthlyThemeRef, 'Monthly theme', (ctx, id) =>
    findTheme(ctx.em, id),
  );

export const registerDeleteMonthlyThemePayload = () =>
  implementDeletedPayload(DeleteMonthlyThemePayload, 'MonthlyTheme');

let listFilter: ReturnType<typeof defineListFilter>;
const defineListFilter = () =>
  builder.inputType('MonthlyThemeListFilter', {
    fields: (t) => ({
      ids: t.idList(),
      q: t.string({ description: 'Text in the title, description or goals' }),
      year: t.int(),
      month: t.int(),
      brandId: t.id(),
    }),
  });

export function registerMonthlyThemeListFilter(): void {
  listFilter = defineListFilter();
}

export function registerMonthlyThemeQueries(): void {
  builder.queryFields((t) => ({
    monthlyThemes: t.withAuth({ loggedIn: true }).field({
      type: [MonthlyThemeRef],
      description: 'The monthly themes of a year, by month',
      args: { year: t.arg.int({ required: true }) },
      resolve: (_root, args, ctx) => findThemes(ctx.em, { year: args.year }),
    }),
    monthlyTheme: t.withAuth({ loggedIn: true }).field({
      type: MonthlyThemeRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => findTheme(ctx.em, ref('MonthlyTheme', args.id)),
    }),
    monthlyThemeList: t.withAuth({ loggedIn: true }).field({
      type: listPage('MonthlyTheme', MonthlyThemeRef),
      description: 'Monthly themes for staff screens (the list convention); sort "month" is chronological',
      args: listArgs(listFilter),
      resolve: (_root, { filter, ...args }, ctx) => {
        const brandId = optionalRef('ServiceBrand', filter?.brandId);
        return listThemes(ctx.em, filter ? { ...filter, ids: refs('MonthlyTheme', filter.ids), brandId } : null, args);
      },
    }),
  }));
}

const service = (ctx: LoggedInContext) => new MonthlyThemeService(ctx.em, ctx.viewer);

/** The inputs of the theme mutations, and the mutations (printed in the same order). */
export function registerMonthlyThemeMutations(): void {
  const CreateMonthlyThemeInput = builder.inputType('CreateMonthlyThemeInput', {
    fields: (t) => ({
      year: t.int({ required: true }),
      month: t.int({ required: true, description: '1–12' }),
      title: t.string({ required: true }),
      brandId: t.id(),
      description: t.string(),
      goals: t.string(),
    }),
  });
  const UpdateMonthlyThemeInput = builder.inputType('UpdateMonthlyThemeInput', {
    fields: (t) => ({
      id: t.id({ required: true }),
      year: t.int(),
      month: t.int(),
      title: t.string(),
      brandId: t.id({ description: 'null clears it' }),
      description: t.string({ description: 'null clears it' }),
      goals: t.string({ description: 'null clears it' }),
      expectedVersion: t.int({ description: 'The version you edited: CONFLICT if it changed since' }),
    }),
  });
  const DeleteMonthlyThemeInput = builder.inputType('DeleteMonthlyThemeInput', {
    fields: (t) => ({ id: t.id({ required: true }) }),
  });

  builder.mutationFields((t) => ({
    createMonthlyTheme: t.withAuth({ loggedIn: true }).field({
      type: MonthlyThemePayload,
      description: 'STREET_ADMIN; one theme per month (CONFLICT for a second one)',
      args: { input: t.arg({ type: CreateMonthlyThemeInput, required: true }) },
      resolve: (_r, { input }, ctx) =>
        service(ctx).create({ ...input, brandId: optionalRef('ServiceBrand', input.brandId) }),
    }),
    updateMonthlyTheme: t.withAuth({ loggedIn: true }).field({
      type: MonthlyThemePayload,
      description: 'STREET_ADMIN',
      args: { input: t.arg({ type: UpdateMonthlyThemeInput, required: true }) },
      resolve: (_r, { input }, ctx) =>
        service(ctx).update({
          ...input,
          id: ref('MonthlyTheme', input.id),
          brandId: optionalRef('ServiceBrand', input.brandId),
          clearBrand: input.brandId === null,
        }),
    }),
    deleteMonthlyTheme: t.withAuth({ loggedIn: true }).field({
      type: DeleteMonthlyThemePayload,
      description: 'STREET_ADMIN; only a theme without activities',
      args: { input: t.arg({ type: DeleteMonthlyThemeInput, required: true }) },
      resolve: (_r, { input }, ctx) => service(ctx).delete(ref('MonthlyTheme', input.id)),
    }),
  }));
}
