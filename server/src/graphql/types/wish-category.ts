/**
 * WishCategory, a kind of wish: the type with all its fields, the reads (`wishCategories`, `wishCategoryList`,
 * `wishCategory`) and the street staff's mutations. Each part registers where the published schema lists it
 * (organisation-and-committees.ts).
 */
import {
  activeWishCategories,
  findWishCategory,
  listWishCategories,
  type WishCategoryRecord,
} from '../../domain/organisation/wish-category.queries.ts';
import { WishCategoryService } from '../../domain/organisation/wish-category.service.ts';
import { builder } from '../builder.ts';
import type { LoggedInContext } from '../context.ts';
import { decodeId, encodeId, refs } from '../ids.ts';
import { listArgs, listPage } from '../list.ts';
import { inputMutation } from '../mutation.ts';
import { implementPayload, payloadRef } from '../payload.ts';
import { OrgUnitKindEnum } from './org-unit.ts';

export const WishCategoryRef = builder.objectRef<WishCategoryRecord>('WishCategory');
const WishCategoryPayload = payloadRef('WishCategoryPayload');

export function registerWishCategoryType(): void {
  WishCategoryRef.implement({
    description: 'A kind of wish (data, like an Open311 service definition).',
    fields: (t) => ({
      id: t.id({ resolve: (c) => encodeId('WishCategory', c.id) }),
      code: t.exposeString('code'),
      name: t.exposeString('nameEn', { description: 'English name' }),
      nameZh: t.exposeString('nameZh', { description: 'Simplified Chinese name' }),
      dueInDays: t.exposeInt('dueInDays', { description: 'Target days from listing to done' }),
      defaultLevel: t.field({
        type: OrgUnitKindEnum,
        description: 'The level that usually handles it',
        resolve: (c) => c.defaultLevel,
      }),
      active: t.exposeBoolean('active', {
        description: 'Inactive categories stay on old wishes but are not offered for new ones',
      }),
      sortOrder: t.exposeInt('sortOrder'),
    }),
  });
}

/** `wishCategories`: the categories offered for new wishes. */
export function registerWishCategoriesRead(): void {
  builder.queryFields((t) => ({
    wishCategories: t.withAuth({ loggedIn: true }).field({
      type: [WishCategoryRef],
      resolve: (_root, _args, ctx) => activeWishCategories(ctx.em),
    }),
  }));
}

/** `wishCategoryList` with its filter, and `wishCategory`. */
export function registerWishCategoryList(): void {
  const WishCategoryListFilter = builder.inputType('WishCategoryListFilter', {
    fields: (t) => ({
      ids: t.idList({ description: 'Only these categories (react-admin getMany)' }),
      q: t.string({ description: 'Text in the code or the names' }),
      active: t.boolean(),
    }),
  });
  builder.queryFields((t) => ({
    wishCategoryList: t.withAuth({ loggedIn: true }).field({
      type: listPage('WishCategory', WishCategoryRef),
      description: 'Wish categories, active and inactive, for staff screens',
      args: listArgs(WishCategoryListFilter),
      resolve: (_r, { filter, ...args }, ctx) =>
        listWishCategories(ctx.em, filter && { ...filter, ids: refs('WishCategory', filter.ids) }, args),
    }),
    wishCategory: t.withAuth({ loggedIn: true }).field({
      type: WishCategoryRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, args, ctx) => findWishCategory(ctx.em, decodeId('WishCategory', args.id)),
    }),
  }));
}

/** The street staff's mutations of categories, with their inputs and payload. */
export function registerWishCategoryMutations(): void {
  implementPayload(WishCategoryPayload, 'category', WishCategoryRef, 'Wish category', (ctx, id) =>
    findWishCategory(ctx.em, id),
  );

  const CreateWishCategoryInput = builder.inputType('CreateWishCategoryInput', {
    fields: (t) => ({
      code: t.string({ required: true, description: 'Unique: lowercase letters, digits and _ (e.g. noise)' }),
      nameZh: t.string({ required: true }),
      nameEn: t.string({ required: true }),
      defaultLevel: t.field({ type: OrgUnitKindEnum, required: true, description: 'COMPOUND, COMMUNITY or STREET' }),
      dueInDays: t.int({ required: true, description: 'Target days from listing to done, 1–365' }),
      sortOrder: t.int({ description: 'Default: after the last one' }),
    }),
  });

  const UpdateWishCategoryInput = builder.inputType('UpdateWishCategoryInput', {
    fields: (t) => ({
      categoryId: t.id({ required: true }),
      nameZh: t.string(),
      nameEn: t.string(),
      defaultLevel: t.field({ type: OrgUnitKindEnum }),
      dueInDays: t.int(),
      sortOrder: t.int(),
      active: t.boolean(),
    }),
  });

  const DeactivateWishCategoryInput = builder.inputType('DeactivateWishCategoryInput', {
    fields: (t) => ({ categoryId: t.id({ required: true }) }),
  });

  const service = (ctx: LoggedInContext) => new WishCategoryService(ctx.em, ctx.viewer);
  const categoryRef = (id: string) => decodeId('WishCategory', id);

  builder.mutationFields((t) => ({
    createWishCategory: inputMutation(t, WishCategoryPayload, CreateWishCategoryInput, (input, ctx) =>
      service(ctx).createCategory(input),
    ),
    updateWishCategory: inputMutation(t, WishCategoryPayload, UpdateWishCategoryInput, (input, ctx) =>
      service(ctx).updateCategory({ ...input, categoryId: categoryRef(input.categoryId) }),
    ),
    deactivateWishCategory: inputMutation(
      t,
      WishCategoryPayload,
      DeactivateWishCategoryInput,
      (input, ctx) => service(ctx).deactivateCategory({ categoryId: categoryRef(input.categoryId) }),
      'Stop offering a category for new wishes (old wishes keep it)',
    ),
  }));
}
