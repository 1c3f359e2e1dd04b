/**
 * ServiceBrand: the type, its queries and its mutations. Each part registers where the published schema lists
 * it (volunteering-and-points.ts).
 */

import { type BrandView, findBrand, findBrands, listBrands } from '../../domain/volunteering/service-brand.queries.ts';
import { ServiceBrandService } from '../../domain/volunteering/service-brand.service.ts';
import { builder } from '../builder.ts';
import type { LoggedInContext } from '../context.ts';
import { encodeId, ref, refs } from '../ids.ts';
import { listArgs, listPage } from '../list.ts';
import { implementDeletedPayload, implementPayload, payloadRef } from '../payload.ts';

export const ServiceBrandRef = builder.objectRef<BrandView>('ServiceBrand');
const ServiceBrandPayload = payloadRef('ServiceBrandPayload');
const DeleteServiceBrandPayload = payloadRef('DeleteServiceBrandPayload');

export function registerServiceBrand(): void {
  ServiceBrandRef.implement({
    description: 'A standing volunteer service brand (e.g. 邻里节, 应急演练, 红色星期六).',
    fields: (t) => ({
      id: t.id({ resolve: (b) => encodeId('ServiceBrand', b.id) }),
      code: t.exposeString('code'),
      name: t.exposeString('nameEn', { description: 'English name' }),
      nameZh: t.exposeString('nameZh', { description: 'Simplified Chinese name' }),
      nameEn: t.exposeString('nameEn', { description: 'English name (the same as name)' }),
      description: t.exposeString('description', { nullable: true }),
      active: t.exposeBoolean('active', { description: 'Inactive brands are kept for history but not offered' }),
    }),
  });
}

export const registerServiceBrandPayload = () =>
  implementPayload(ServiceBrandPayload, 'serviceBrand', ServiceBrandRef, 'Service brand', (ctx, id) =>
    findBrand(ctx.em, id),
  );

export const registerDeleteServiceBrandPayload = () =>
  implementDeletedPayload(DeleteServiceBrandPayload, 'ServiceBrand');

let listFilter: ReturnType<typeof defineListFilter>;
const defineListFilter = () =>
  builder.inputType('ServiceBrandListFilter', {
    fields: (t) => ({
      ids: t.idList(),
      q: t.string({ description: 'Text in the code or names' }),
      active: t.boolean(),
    }),
  });

export function registerServiceBrandListFilter(): void {
  listFilter = defineListFilter();
}

export function registerServiceBrandQueries(): void {
  builder.queryFields((t) => ({
    serviceBrands: t.withAuth({ loggedIn: true }).field({
      type: [ServiceBrandRef],
      description: 'The volunteer service brands, active ones unless includeInactive',
      args: { includeInactive: t.arg.boolean() },
      resolve: (_root, args, ctx) => findBrands(ctx.em, { includeInactive: args.includeInactive === true }),
    }),
    serviceBrand: t.withAuth({ loggedIn: true }).field({
      type: ServiceBrandRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => findBrand(ctx.em, ref('ServiceBrand', args.id)),
    }),
    serviceBrandList: t.withAuth({ loggedIn: true }).field({
      type: listPage('ServiceBrand', ServiceBrandRef),
      description: 'Service brands for staff screens (the list convention)',
      args: listArgs(listFilter),
      resolve: (_root, { filter, ...args }, ctx) =>
        listBrands(ctx.em, filter ? { ...filter, ids: refs('ServiceBrand', filter.ids) } : null, args),
    }),
  }));
}

const service = (ctx: LoggedInContext) => new ServiceBrandService(ctx.em, ctx.viewer);

/** The inputs of the brand mutations, and the mutations (printed in the same order). */
export function registerServiceBrandMutations(): void {
  const CreateServiceBrandInput = builder.inputType('CreateServiceBrandInput', {
    fields: (t) => ({
      code: t.string({ required: true, description: 'Unique: 1–50 letters, digits, "_" or "-"' }),
      nameZh: t.string({ required: true }),
      nameEn: t.string({ required: true }),
      description: t.string(),
      active: t.boolean({ description: 'Default true' }),
    }),
  });
  const UpdateServiceBrandInput = builder.inputType('UpdateServiceBrandInput', {
    fields: (t) => ({
      id: t.id({ required: true }),
      code: t.string(),
      nameZh: t.string(),
      nameEn: t.string(),
      description: t.string({ description: 'null clears it' }),
      active: t.boolean(),
    }),
  });
  const DeleteServiceBrandInput = builder.inputType('DeleteServiceBrandInput', {
    fields: (t) => ({ id: t.id({ required: true }) }),
  });

  builder.mutationFields((t) => ({
    createServiceBrand: t.withAuth({ loggedIn: true }).field({
      type: ServiceBrandPayload,
      description: 'STREET_ADMIN',
      args: { input: t.arg({ type: CreateServiceBrandInput, required: true }) },
      resolve: (_r, { input }, ctx) => service(ctx).create(input),
    }),
    updateServiceBrand: t.withAuth({ loggedIn: true }).field({
      type: ServiceBrandPayload,
      description: 'STREET_ADMIN',
      args: { input: t.arg({ type: UpdateServiceBrandInput, required: true }) },
      resolve: (_r, { input }, ctx) => service(ctx).update({ ...input, id: ref('ServiceBrand', input.id) }),
    }),
    deleteServiceBrand: t.withAuth({ loggedIn: true }).field({
      type: DeleteServiceBrandPayload,
      description: 'STREET_ADMIN; only a brand no theme uses (deactivate it otherwise)',
      args: { input: t.arg({ type: DeleteServiceBrandInput, required: true }) },
      resolve: (_r, { input }, ctx) => service(ctx).delete(ref('ServiceBrand', input.id)),
    }),
  }));
}
