/**
 * Wishes that resemble one about to be listed (or one on a secretary's page): same compound, same category when
 * given, open or closed in the last 30 days, most similar first. Similarity is pg_trgm's over `wish_search_text`
 * (Migration20261201000400_StreetInsights): Chinese text as overlapping character bigrams, so that "楼道灯不亮" and
 * "3号楼楼道灯坏了不亮" share most of their trigrams (0.37) while "楼道灯不亮" and "小区停车位不够" share almost
 * none (0.03). PostgreSQL's own text search configurations do not segment Chinese, so the bigrams stand in for it.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUnder, isVerified, type Viewer } from '../auth/viewer.ts';
import { badInput, forbidden, notFound } from '../kernel/errors.ts';
import { type IdRef, optionalText, requiredRef, requiredText } from '../kernel/input.ts';
import { findVisibleWishes, findWishMasked, type WishView } from '../wishes/wish.queries.ts';

/** At or above this, a wish counts as similar (0–1). Rewordings of one problem score 0.3–0.4, unrelated ones < 0.2. */
export const SIMILARITY_THRESHOLD = 0.25;
export const SIMILAR_WISHES_LIMIT = 5;
/** Closed wishes stay suggestions this long after they closed. */
export const RECENTLY_CLOSED_DAYS = 30;

export interface SimilarWishesInput {
  title: string;
  description?: string | null;
  categoryCode?: string | null;
  /** The compound; undefined: the viewer's own. */
  orgUnitId?: IdRef;
}

export interface SimilarWish {
  /** 0–1. */
  similarity: number;
  /** Masked unless the viewer may see the wish itself (a resident sees other residents' wishes as a screen does). */
  wish: WishView;
}

export async function similarWishes(
  em: EntityManager,
  viewer: Viewer,
  input: SimilarWishesInput,
  now: Date = new Date(),
): Promise<SimilarWish[]> {
  const title = requiredText('title', input.title, 100);
  const description = optionalText('description', input.description, 4000) ?? '';
  const code = input.categoryCode?.trim() || null;
  let categoryId: number | null = null;
  if (code !== null) {
    const [category] = await em.execute<{ id: number }[]>('select id from wish_category where code = ?', [code]);
    if (!category) throw badInput('categoryCode', `unknown category "${code.slice(0, 50)}"`);
    categoryId = category.id;
  }
  let compoundId: number;
  if (input.orgUnitId !== undefined) {
    compoundId = requiredRef(input.orgUnitId, 'Org unit');
  } else {
    const own = viewer.roles.find((r) => r.role === 'RESIDENT')?.orgUnitId;
    if (own === undefined) throw badInput('orgUnitId', 'required: you are not a resident of any compound');
    compoundId = own;
  }
  const [unit] = await em.execute<{ id: number; kind: string; path: string }[]>(
    'select id, kind, path from org_unit where id = ?',
    [compoundId],
  );
  // A compound is the viewer's to ask about when they live there or one of their roles covers it.
  const related = unit && viewer.roles.some((r) => r.orgUnitId === unit.id || isUnder(unit.path, r.scopePath));
  if (!unit || !related) throw notFound('Org unit');
  if (unit.kind !== 'COMPOUND') throw badInput('orgUnitId', 'must be a compound');
  if (!isVerified(viewer)) throw forbidden('Your registration is not verified yet');

  const closedSince = new Date(now.getTime() - RECENTLY_CLOSED_DAYS * 86_400_000);
  const rows = await em.transactional(async (tx) => {
    // `%` uses this threshold, and the GIN trigram indexes serve it.
    await tx.execute(`select set_config('pg_trgm.similarity_threshold', ?, true)`, [String(SIMILARITY_THRESHOLD)]);
    return tx.execute<{ id: number; similarity: number }[]>(
      `select w.id,
              greatest(similarity(wish_search_text(w.title), q.title),
                       similarity(wish_search_text(w.title || ' ' || w.description), q.text))::float8 as similarity
         from wish w,
              (select wish_search_text(?) as title, wish_search_text(? || ' ' || ?) as text) q
        where w.compound_id = ?
          and (?::int is null or w.category_id = ?::int)
          and (w.status in ('SUBMITTED', 'OPEN_FOR_CLAIM', 'DISPATCHED', 'ACCEPTED', 'RESOLVED')
               or (w.status = 'CLOSED' and w.updated_at >= ?))
          and (wish_search_text(w.title) % q.title or wish_search_text(w.title || ' ' || w.description) % q.text)
        order by similarity desc, w.created_at desc, w.id desc
        limit ${SIMILAR_WISHES_LIMIT}`,
      [title, title, description, unit.id, categoryId, categoryId, closedSince],
    );
  });
  const ids = rows.map((r) => r.id);
  const visible = new Map((await findVisibleWishes(em, viewer, ids)).map((w) => [w.id, w]));
  const result: SimilarWish[] = [];
  for (const r of rows) {
    const wish = visible.get(r.id) ?? (await findWishMasked(em, r.id));
    result.push({ similarity: Math.min(1, Math.max(0, Number(r.similarity))), wish });
  }
  return result;
}
