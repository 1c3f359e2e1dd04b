/**
 * The list inputs of issue 8, point 5: a sort field is one of the list's own (never `constructor` or
 * `__proto__`), `%`, `_` and `\` in a search match themselves in every list, and every `q` is capped — each
 * probe answered with the contract's BAD_USER_INPUT naming the field, never INTERNAL_SERVER_ERROR.
 */
import { describe, expect } from 'vitest';
import { MAX_SEARCH } from '../../server/src/domain/kernel/list.ts';
import type { GqlResult } from '../support/harness.ts';
import { harnessTest as it } from '../support/harness-test.ts';

/** Every list of the convention, with its filter type. */
const LISTS = [
  ['wishList', 'WishListFilter'],
  ['orgUnitList', 'OrgUnitListFilter'],
  ['personList', 'PersonListFilter'],
  ['wishCategoryList', 'WishCategoryListFilter'],
  ['propertyCommitteeList', 'PropertyCommitteeListFilter'],
  ['serviceBrandList', 'ServiceBrandListFilter'],
  ['monthlyThemeList', 'MonthlyThemeListFilter'],
  ['activityList', 'ActivityListFilter'],
  ['pointRuleList', 'PointRuleListFilter'],
  ['pointEntryList', 'PointEntryListFilter'],
] as const;

const listQuery = (list: string, filter: string) =>
  `query($filter: ${filter}, $sort: ListSort) { ${list}(filter: $filter, sort: $sort, limit: 5) { totalCount } }`;

/** A refusal of the client's input: BAD_USER_INPUT naming `field`, and no data. */
function expectBadInput(r: GqlResult<any>, field: string, what: string) {
  expect(
    r.errors?.map((e) => e.extensions?.code),
    `${what}: ${JSON.stringify(r.errors)}`,
  ).toEqual(['BAD_USER_INPUT']);
  expect(r.errors?.[0]?.extensions?.field, what).toBe(field);
  expect(r.errors?.[0]?.message, what).toContain(field);
  expect(r.data ?? null, what).toBeNull();
}

describe('list inputs', () => {
  it('refuses a sort field that is not one of the list’s own, whatever Object.prototype holds', async ({ h }) => {
    const admin = await h.login('admin');
    await Promise.all(
      LISTS.map(async ([list, filter]) => {
        let offered = '';
        for (const field of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'nope']) {
          const r = await h.gql(listQuery(list, filter), { sort: { field } }, admin);
          expectBadInput(r, 'sort.field', `${list} sort ${field}`);
          offered = /use one of ([\w, ]+)/.exec(r.errors?.[0]?.message ?? '')?.[1] ?? '';
        }
        // Every field the refusal offers sorts.
        const fields = offered.split(', ').filter(Boolean);
        expect(fields.length, list).toBeGreaterThan(0);
        for (const field of fields) {
          const ok = await h.gql(listQuery(list, filter), { sort: { field, order: 'DESC' } }, admin);
          expect(ok.errors, `${list} sort ${field}`).toBeUndefined();
        }
      }),
    );
  });

  it('caps every q at 100 characters, as sent', async ({ h }) => {
    const admin = await h.login('admin');
    const long = 'x'.repeat(MAX_SEARCH + 1);
    for (const [list, filter] of LISTS) {
      for (const q of [long, ` ${'y'.repeat(MAX_SEARCH)}`, 'x'.repeat(60_000)]) {
        expectBadInput(await h.gql(listQuery(list, filter), { filter: { q } }, admin), 'filter.q', `${list} q`);
      }
      const fits = await h.gql(listQuery(list, filter), { filter: { q: 'x'.repeat(MAX_SEARCH) } }, admin);
      expect(fits.errors, list).toBeUndefined();
    }
    const counts = await h.gql(
      'query($f: WishListFilter) { wishStatusCounts(filter: $f) { count } }',
      { f: { q: long } },
      admin,
    );
    expectBadInput(counts, 'filter.q', 'wishStatusCounts q');
  });

  it('matches %, _ and \\ literally in every search', async ({ h }) => {
    const admin = await h.login('admin');
    const resident = await h.login('resident.wenxiangyuan.1');
    const secretary = await h.login('hongshun.secretary');
    const member = (await h.gql('{ me { id } }', {}, await h.login('member.wenxiangyuan.1'))).data.me.id;
    const marked = '满100%减_半价\\券';
    const made = [
      await h.gql(
        'mutation($i: SubmitWishInput!) { submitWish(input: $i) { wish { id } } }',
        { i: { title: marked, description: '优惠券', categoryCode: 'repairs' } },
        resident,
      ),
      await h.gql(
        'mutation($i: CreateServiceBrandInput!) { createServiceBrand(input: $i) { serviceBrand { id } } }',
        { i: { code: 'half_off-1', nameZh: marked, nameEn: 'Half% off_ \\' } },
        admin,
      ),
      await h.gql(
        'mutation($i: UpdatePointRuleInput!) { updatePointRule(input: $i) { rule { id } } }',
        { i: { ruleId: (await h.gql('{ pointRules { id } }', {}, admin)).data.pointRules[0].id, nameEn: marked } },
        admin,
      ),
      await h.gql(
        'mutation($i: RecordPointsInput!) { recordPoints(input: $i) { entry { id } } }',
        { i: { personId: member, kind: 'POSITIVE', amount: 5, reason: marked } },
        secretary,
      ),
    ];
    for (const r of made) expect(r.errors).toBeUndefined();

    /** What a literal, case-insensitive substring search must count: strpos, no pattern at all. */
    const literal = async (table: string, columns: string[], q: string) => {
      const where = columns.map((c) => `strpos(lower(coalesce(${c}, '')), lower($1)) > 0`).join(' or ');
      return Number((await h.db.query(`select count(*) from ${table} where ${where}`, [q])).rows[0].count);
    };
    const searched: [string, string, string, string[]][] = [
      ['wishList', 'WishListFilter', 'wish', ['title', 'description']],
      ['serviceBrandList', 'ServiceBrandListFilter', 'service_brand', ['code', 'name_zh', 'name_en']],
      ['pointRuleList', 'PointRuleListFilter', 'point_rule', ['code', 'name_zh', 'name_en']],
      ['pointEntryList', 'PointEntryListFilter', 'point_entry', ['reason']],
    ];
    for (const [list, filter, table, columns] of searched) {
      const all = (await h.gql(listQuery(list, filter), {}, admin)).data[list].totalCount as number;
      for (const q of ['%', '_', '\\', '%_', '0%', marked]) {
        const r = await h.gql(listQuery(list, filter), { filter: { q } }, admin);
        expect(r.errors, `${list} q=${q}`).toBeUndefined();
        const expected = await literal(table, columns, q);
        expect(r.data[list].totalCount, `${list} q=${q}`).toBe(expected);
        // A wildcard would have matched (nearly) every row.
        if (q === '%' || q === '%_') expect(expected, `${list} q=${q}`).toBeLessThan(all);
      }
      expect((await h.gql(listQuery(list, filter), { filter: { q: marked } }, admin)).data[list].totalCount).toBe(1);
    }
    // The other lists: patterns that would match everything as wildcards match nothing here.
    for (const [list, filter] of LISTS) {
      for (const q of ['%%', '_%_', '\\%\\']) {
        const r = await h.gql(listQuery(list, filter), { filter: { q } }, admin);
        expect(r.errors, `${list} q=${q}`).toBeUndefined();
        expect(r.data[list].totalCount, `${list} q=${q}`).toBe(0);
      }
    }
  });
});
