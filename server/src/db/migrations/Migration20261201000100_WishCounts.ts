import { Migration } from '@mikro-orm/migrations';

/**
 * `wish_count`: how many wishes per compound, category and status, kept by the database in the same transaction
 * as every change to `wish` — the services, the seeds, COPY loads and hand-written SQL alike — so the lists'
 * total counts and the dashboard's all-time counts read at most a few thousand summary rows instead of every
 * wish (bench/generate).
 *
 * Statement triggers with transition tables: one upsert per statement whatever its number of rows (a COPY of
 * 200,000 wishes costs one aggregate), rows whose key did not change (most updates: version, updated_at,
 * handling unit) take no lock, and the keys a statement touches are locked in key order, so two transactions that
 * move wishes in opposite directions between the same two statuses do not deadlock. A count never goes below 0
 * (checked after each upsert — a check constraint would refuse the negative delta row before ON CONFLICT merges
 * it): a summary that disagreed with the table fails the change instead of lying.
 */
export class Migration20261201000100_WishCounts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "wish_count" ("compound_id" int not null, "category_id" int not null, "status" "wish_status" not null, "n" int not null, constraint "wish_count_pkey" primary key ("compound_id", "category_id", "status"));`);
    this.addSql(`create or replace function wish_count_apply() returns trigger language plpgsql as $$
declare
  negative bigint;
begin
  if tg_op = 'TRUNCATE' then
    delete from wish_count;
    return null;
  end if;
  if tg_op = 'INSERT' then
    with changed as (
      insert into wish_count as s (compound_id, category_id, status, n)
      select compound_id, category_id, status, count(*) from wish_count_new
       group by compound_id, category_id, status order by compound_id, category_id, status
      on conflict (compound_id, category_id, status) do update set n = s.n + excluded.n returning s.n)
    select count(*) filter (where n < 0) into negative from changed;
  elsif tg_op = 'DELETE' then
    with changed as (
      insert into wish_count as s (compound_id, category_id, status, n)
      select compound_id, category_id, status, -count(*) from wish_count_old
       group by compound_id, category_id, status order by compound_id, category_id, status
      on conflict (compound_id, category_id, status) do update set n = s.n + excluded.n returning s.n)
    select count(*) filter (where n < 0) into negative from changed;
  else
    with changed as (
      insert into wish_count as s (compound_id, category_id, status, n)
      select compound_id, category_id, status, sum(d) from (
        select compound_id, category_id, status, -1 as d from wish_count_old
        union all
        select compound_id, category_id, status, 1 as d from wish_count_new
      ) delta group by compound_id, category_id, status having sum(d) <> 0
       order by compound_id, category_id, status
      on conflict (compound_id, category_id, status) do update set n = s.n + excluded.n returning s.n)
    select count(*) filter (where n < 0) into negative from changed;
  end if;
  if negative > 0 then
    raise exception 'wish_count would go below zero: the summary has lost track of wish' using errcode = 'check_violation';
  end if;
  return null;
end $$;`);
    this.addSql(`create trigger wish_count_insert after insert on "wish" referencing new table as wish_count_new
  for each statement execute function wish_count_apply();`);
    this.addSql(`create trigger wish_count_update after update on "wish" referencing old table as wish_count_old new table as wish_count_new
  for each statement execute function wish_count_apply();`);
    this.addSql(`create trigger wish_count_delete after delete on "wish" referencing old table as wish_count_old
  for each statement execute function wish_count_apply();`);
    this.addSql(`create trigger wish_count_truncate after truncate on "wish"
  for each statement execute function wish_count_apply();`);
    // The triggers hold their lock on wish until this migration commits: no change slips between them and the back-fill.
    this.addSql(`insert into "wish_count" ("compound_id", "category_id", "status", "n")
  select "compound_id", "category_id", "status", count(*) from "wish" group by "compound_id", "category_id", "status";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists wish_count_truncate on "wish";`);
    this.addSql(`drop trigger if exists wish_count_delete on "wish";`);
    this.addSql(`drop trigger if exists wish_count_update on "wish";`);
    this.addSql(`drop trigger if exists wish_count_insert on "wish";`);
    this.addSql(`drop function if exists wish_count_apply();`);
    this.addSql(`drop table if exists "wish_count";`);
  }

}
