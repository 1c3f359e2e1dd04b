import { Migration } from '@mikro-orm/migrations';

/** The signed sums per person and year of the entries in `source` (a deduction counts against). */
const sums = (source: string) => `insert into point_year_total as s (person_id, year, total)
  select person_id, year, sum(case when kind = 'DEDUCTION' then -amount else amount end) from ${source}
   group by person_id, year order by person_id, year
  on conflict (person_id, year) do update set total = s.total + excluded.total`;

/**
 * `point_year_total`: each person's points balance of a year, kept by the database in the same transaction as every
 * ledger entry (the ledger is append-only: entries only add), so a year's ranking reads one row per member
 * instead of summing the year's ledger (bench/generate). One upsert per statement, keys locked in key order.
 */
export class Migration20261201000120_PointYearTotals extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "point_year_total" ("person_id" int not null, "year" int not null, "total" int not null, constraint "point_year_total_pkey" primary key ("person_id", "year"));`);
    this.addSql(`create or replace function point_year_total_add() returns trigger language plpgsql as $$
begin
  ${sums('point_year_total_new')};
  return null;
end $$;`);
    this.addSql(`create trigger point_year_total_insert after insert on "point_entry" referencing new table as point_year_total_new
  for each statement execute function point_year_total_add();`);
    // The trigger holds its lock until this migration commits: no entry slips between it and the back-fill.
    this.addSql(`${sums('point_entry')};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists point_year_total_insert on "point_entry";`);
    this.addSql(`drop function if exists point_year_total_add();`);
    this.addSql(`drop table if exists "point_year_total";`);
  }

}
