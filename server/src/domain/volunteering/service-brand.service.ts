/**
 * Service brands (邻里节, 应急演练, 红色星期六): street staff create, edit and delete them; each change writes its
 * change_event row in the same transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.ts';
import { recordChange } from '../kernel/change-log.ts';
import { badInput, conflict, invalidTransition, notFound } from '../kernel/errors.ts';
import { type IdRef, optionalText, requiredRef, requiredText } from '../kernel/input.ts';
import { isUniqueViolation } from '../kernel/pg-errors.ts';
import { requireStreetAdmin } from './activity.policy.ts';
import { brandCodeTaken } from './service-brand.queries.ts';
import { MAX_TEXT, present } from './volunteering.input.ts';

const MAX_NAME = 100;
const UNIQUE_BRAND_CODE = 'service_brand_code_unique';

export interface BrandInput {
  code: string;
  nameZh: string;
  nameEn: string;
  description?: string | null;
  active?: boolean | null;
}

export interface BrandUpdate {
  id: IdRef;
  code?: string | null;
  nameZh?: string | null;
  nameEn?: string | null;
  /** Undefined leaves it; null or empty clears it. */
  description?: string | null;
  active?: boolean | null;
}

function brandCode(value: string): string {
  const code = (value ?? '').trim();
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(code)) {
    throw badInput('code', 'must be 1–50 letters, digits, "_" or "-"');
  }
  return code;
}

const codeExists = (code: unknown) => conflict(`A service brand with code "${code}" exists`);

export class ServiceBrandService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(input: BrandInput): Promise<number> {
    const viewer = this.viewer;
    const code = brandCode(input.code);
    const nameZh = requiredText('nameZh', input.nameZh, MAX_NAME);
    const nameEn = requiredText('nameEn', input.nameEn, MAX_NAME);
    const description = optionalText('description', input.description, MAX_TEXT);
    requireStreetAdmin(viewer, 'create service brands');
    if (await brandCodeTaken(this.em, code, null)) throw codeExists(code);
    const at = this.now();
    try {
      return await this.em.transactional(async (tem) => {
        const [row] = await tem.execute<{ id: number }[]>(
          `insert into service_brand (code, name_zh, name_en, description, active, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?) returning id`,
          [code, nameZh, nameEn, description, input.active ?? true, at, at],
        );
        const id = (row as { id: number }).id;
        await recordChange(
          tem,
          {
            entityType: 'ServiceBrand',
            entityId: id,
            action: 'CREATE',
            actorId: viewer.personId,
            data: { code, nameZh, nameEn, description, active: input.active ?? true },
          },
          at,
        );
        return id;
      });
    } catch (error) {
      if (isUniqueViolation(error, UNIQUE_BRAND_CODE)) throw codeExists(code);
      throw error;
    }
  }

  async update(input: BrandUpdate): Promise<number> {
    const viewer = this.viewer;
    const changes: Record<string, unknown> = {};
    if (present(input.code)) changes.code = brandCode(input.code);
    if (present(input.nameZh)) changes.name_zh = requiredText('nameZh', input.nameZh, MAX_NAME);
    if (present(input.nameEn)) changes.name_en = requiredText('nameEn', input.nameEn, MAX_NAME);
    if (input.description !== undefined) changes.description = optionalText('description', input.description, MAX_TEXT);
    if (present(input.active)) changes.active = input.active;
    const id = await this.requireBrand(input.id);
    requireStreetAdmin(viewer, 'edit service brands');
    if (typeof changes.code === 'string' && (await brandCodeTaken(this.em, changes.code, id))) {
      throw codeExists(changes.code);
    }
    const at = this.now();
    const columns = Object.keys(changes);
    try {
      await this.em.transactional(async (tem) => {
        // Brands carry no version: the last edit wins.
        await tem.execute(
          `update service_brand set ${[...columns.map((c) => `${c} = ?`), 'updated_at = ?'].join(', ')} where id = ?`,
          [...columns.map((c) => changes[c]), at, id],
        );
        await recordChange(
          tem,
          { entityType: 'ServiceBrand', entityId: id, action: 'UPDATE', actorId: viewer.personId, data: changes },
          at,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, UNIQUE_BRAND_CODE)) throw codeExists(changes.code);
      throw error;
    }
    return id;
  }

  /** Only a brand no theme uses; otherwise deactivate it. */
  async delete(ref: IdRef): Promise<number> {
    const viewer = this.viewer;
    const id = await this.requireBrand(ref);
    requireStreetAdmin(viewer, 'delete service brands');
    const at = this.now();
    await this.em.transactional(async (tem) => {
      // The row lock waits for themes being linked to the brand meanwhile (they take a key-share lock on it).
      const [row] = await tem.execute<{ code: string; themes: number }[]>(
        `select b.code, (select count(*)::int from monthly_theme t where t.brand_id = b.id) as themes
           from service_brand b where b.id = ? for update`,
        [id],
      );
      if (!row) throw notFound('Service brand');
      if (row.themes > 0) {
        throw invalidTransition(`The brand is used by ${row.themes} monthly theme(s): deactivate it instead`);
      }
      await tem.execute('delete from service_brand where id = ?', [id]);
      await recordChange(
        tem,
        {
          entityType: 'ServiceBrand',
          entityId: id,
          action: 'DELETE',
          actorId: viewer.personId,
          data: { code: row.code },
        },
        at,
      );
    });
    return id;
  }

  private async requireBrand(ref: IdRef): Promise<number> {
    const [brand] = await this.em.execute<{ id: number }[]>('select id from service_brand where id = ?', [
      requiredRef(ref, 'Service brand'),
    ]);
    if (!brand) throw notFound('Service brand');
    return brand.id;
  }
}
