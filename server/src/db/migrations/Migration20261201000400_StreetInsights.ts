import { Migration } from '@mikro-orm/migrations';

/**
 * Duplicates, followers, merges and the public board:
 * - pg_trgm, and `wish_search_text`: a wish's text as words for trigram similarity — each run of Chinese characters
 *   becomes its overlapping character bigrams ("楼道灯不亮" → "楼道 道灯 灯不 不亮"), Latin letters and digits stay
 *   words. Trigrams of whole Chinese runs barely overlap when a phrase is reworded; of bigrams they do.
 * - GIN trigram indexes over the title, and over title and description together.
 * - `wish_follower`: who follows a wish instead of listing it again (its supporters).
 * - the wish action MERGE (a duplicate closed with a link to the original, in the event's data).
 * - `public_board_setting`: a street that switched its public board off.
 */
export class Migration20261201000400_StreetInsights extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create or replace function wish_search_text(t text) returns text language sql immutable parallel safe as $$
  select coalesce(string_agg(case when m.cjk then substr(m.run, i, 2) else m.run end, ' ' order by m.ord, i), '')
    from (select x.r[1] as run, x.ord, x.r[1] ~ '^[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]' as cjk
            from regexp_matches(lower(coalesce(t, '')), '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]+|[a-z0-9]+', 'g')
                 with ordinality as x(r, ord)) m
    cross join lateral generate_series(1, case when m.cjk then greatest(char_length(m.run) - 1, 1) else 1 end) as i
$$;`);
    this.addSql(`create index if not exists "wish_title_trgm_index" on "wish" using gin (wish_search_text("title") gin_trgm_ops);`);
    this.addSql(`create index if not exists "wish_text_trgm_index" on "wish" using gin (wish_search_text("title" || ' ' || "description") gin_trgm_ops);`);
    this.addSql(`alter type "wish_action" add value if not exists 'MERGE';`);

    this.addSql(`create table "wish_follower" ("wish_id" int not null, "person_id" int not null, "created_at" timestamptz not null, constraint "wish_follower_pkey" primary key ("wish_id", "person_id"));`);
    this.addSql(`create index "wish_follower_person_id_index" on "wish_follower" ("person_id");`);
    this.addSql(`alter table "wish_follower" add constraint "wish_follower_wish_id_foreign" foreign key ("wish_id") references "wish" ("id") on update cascade;`);
    this.addSql(`alter table "wish_follower" add constraint "wish_follower_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);

    this.addSql(`create table "public_board_setting" ("street_id" int not null, "enabled" boolean not null, "updated_at" timestamptz not null, "updated_by_id" int null, constraint "public_board_setting_pkey" primary key ("street_id"));`);
    this.addSql(`alter table "public_board_setting" add constraint "public_board_setting_street_id_foreign" foreign key ("street_id") references "org_unit" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "public_board_setting" add constraint "public_board_setting_updated_by_id_foreign" foreign key ("updated_by_id") references "person" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "public_board_setting" cascade;`);
    this.addSql(`drop table if exists "wish_follower" cascade;`);
    this.addSql(`drop index if exists "wish_text_trgm_index";`);
    this.addSql(`drop index if exists "wish_title_trgm_index";`);
    this.addSql(`drop function if exists wish_search_text(text);`);
    // MERGE stays in wish_action (PostgreSQL cannot drop an enum value; the event log is append-only).
  }

}
