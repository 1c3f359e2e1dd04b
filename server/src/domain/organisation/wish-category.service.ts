/**
 * Wish categories (the street's): create, update, deactivate. Checks run in the contract's order — input,
 * NOT_FOUND, FORBIDDEN, state, CONFLICT — and every change writes its change_event in the same transaction.
 */
import type { OrgUnitKind } from '../../entities/org-unit.entity.ts';
import { badInput, conflict, forbidden, invalidTransition, notFound } from '../kernel/errors.ts';
import { given, type IdRef, type Maybe, type Patch, requiredRef, requiredText } from '../kernel/input.ts';
import { isUniqueViolation } from '../kernel/pg-errors.ts';
import { ViewerService } from '../kernel/viewer-service.ts';
import { managesWishCategories } from './organisation.policy.ts';
import { categoryCodeTaken, lockWishCategory, type WishCategoryRecord } from './wish-category.queries.ts';

const CATEGORY_CODE = /^[a-z][a-z0-9_]{1,49}$/;
const MAX_NAME = 100;
const HANDLING_LEVELS: readonly OrgUnitKind[] = ['COMPOUND', 'COMMUNITY', 'STREET'];
const MAX_DUE_DAYS = 365;
const NOT_STREET_STAFF = 'Only street staff manage wish categories';

export interface CreateCategoryInput {
  code: string;
  nameZh: string;
  nameEn: string;
  defaultLevel: OrgUnitKind;
  dueInDays: number;
  sortOrder?: Maybe<number>;
}

export interface UpdateCategoryInput extends Patch<Omit<CreateCategoryInput, 'code'>> {
  categoryId: IdRef;
  active?: Maybe<boolean>;
}

type CategoryFields = Partial<Record<keyof WishCategoryRecord, unknown>>;

/** Column ← field, for the fields a change may set. */
const CATEGORY_COLUMNS: Partial<Record<keyof WishCategoryRecord, string>> = {
  nameZh: 'name_zh',
  nameEn: 'name_en',
  defaultLevel: 'default_level',
  dueInDays: 'due_in_days',
  sortOrder: 'sort_order',
  active: 'active',
};

export class WishCategoryService extends ViewerService {
  async createCategory(input: CreateCategoryInput): Promise<number> {
    const code = (input.code ?? '').trim();
    if (!CATEGORY_CODE.test(code)) {
      throw badInput('code', 'must be 2–50 characters: a lowercase letter, then lowercase letters, digits or _');
    }
    const nameZh = requiredText('nameZh', input.nameZh, MAX_NAME);
    const nameEn = requiredText('nameEn', input.nameEn, MAX_NAME);
    const defaultLevel = checkLevel(input.defaultLevel);
    const dueInDays = checkDueDays(input.dueInDays);
    const sortOrder = checkSortOrder(input.sortOrder) ?? null;
    if (!managesWishCategories(this.viewer)) throw forbidden(NOT_STREET_STAFF);
    return this.em.transactional(async (em) => {
      if (await categoryCodeTaken(em, code)) throw conflict(`A category with the code "${code}" already exists`);
      const at = this.now();
      let id: number;
      try {
        const [row] = await em.execute<{ id: number }[]>(
          `insert into wish_category (code, name_zh, name_en, default_level, due_in_days, sort_order, active)
           values (?, ?, ?, ?, ?, coalesce(?::int, (select coalesce(max(sort_order), 0) + 1 from wish_category)), true)
           returning id`,
          [code, nameZh, nameEn, defaultLevel, dueInDays, sortOrder],
        );
        id = (row as { id: number }).id;
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`A category with the code "${code}" already exists`);
        throw err;
      }
      await this.recordChange(em, 'WishCategory', id, 'CREATE', at, {
        code,
        nameZh,
        nameEn,
        defaultLevel,
        dueInDays,
        sortOrder,
      });
      return id;
    });
  }

  async updateCategory(input: UpdateCategoryInput): Promise<number> {
    const categoryId = requiredRef(input.categoryId, 'Wish category');
    const fields: CategoryFields = {};
    if (given(input.nameZh)) fields.nameZh = requiredText('nameZh', input.nameZh, MAX_NAME);
    if (given(input.nameEn)) fields.nameEn = requiredText('nameEn', input.nameEn, MAX_NAME);
    if (given(input.defaultLevel)) fields.defaultLevel = checkLevel(input.defaultLevel);
    if (given(input.dueInDays)) fields.dueInDays = checkDueDays(input.dueInDays);
    if (given(input.sortOrder)) {
      if (input.sortOrder === null) throw badInput('sortOrder', 'must be a number');
      fields.sortOrder = checkSortOrder(input.sortOrder);
    }
    if (given(input.active)) {
      if (input.active === null) throw badInput('active', 'must be true or false');
      fields.active = input.active;
    }
    if (Object.keys(fields).length === 0) throw badInput('input', 'name at least one field to change');
    return this.changeCategory(categoryId, fields, 'UPDATE');
  }

  deactivateCategory(input: { categoryId: IdRef }): Promise<number> {
    const categoryId = requiredRef(input.categoryId, 'Wish category');
    return this.changeCategory(categoryId, { active: false }, 'DEACTIVATE');
  }

  private changeCategory(categoryId: number, fields: CategoryFields, action: 'UPDATE' | 'DEACTIVATE'): Promise<number> {
    return this.em.transactional(async (em) => {
      const category = await lockWishCategory(em, categoryId);
      if (!category) throw notFound('Wish category');
      if (!managesWishCategories(this.viewer)) throw forbidden(NOT_STREET_STAFF);
      if (action === 'DEACTIVATE' && !category.active) {
        throw invalidTransition(`The category "${category.code}" is already inactive`);
      }
      const changed = (Object.keys(fields) as (keyof WishCategoryRecord)[]).filter((k) => fields[k] !== category[k]);
      if (changed.length === 0) return category.id;
      const at = this.now();
      await em.execute(
        `update wish_category set ${changed.map((k) => `${CATEGORY_COLUMNS[k]} = ?`).join(', ')} where id = ?`,
        [...changed.map((k) => fields[k]), category.id],
      );
      await this.recordChange(
        em,
        'WishCategory',
        category.id,
        action,
        at,
        Object.fromEntries(changed.map((k) => [k, { from: category[k], to: fields[k] }])),
      );
      return category.id;
    });
  }
}

function checkLevel(level: Maybe<OrgUnitKind>): OrgUnitKind {
  if (!level || !HANDLING_LEVELS.includes(level)) {
    throw badInput('defaultLevel', `must be one of ${HANDLING_LEVELS.join(', ')}`);
  }
  return level;
}

function checkDueDays(days: Maybe<number>): number {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_DUE_DAYS) {
    throw badInput('dueInDays', `must be a whole number of days, 1–${MAX_DUE_DAYS}`);
  }
  return days;
}

function checkSortOrder(order: Maybe<number>): number | undefined {
  if (order === null || order === undefined) return undefined;
  if (!Number.isInteger(order) || order < 0 || order > 10_000) throw badInput('sortOrder', 'must be 0–10000');
  return order;
}
