import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes that keep the read paths flat at the street's size (bench/generate): the lists' default order (newest
 * first) and the 30-day boards read `wish` by creation time; the period statistics read `wish_event` by time; a year's point ranking reads that year's ledger entries.
 */
export class Migration20261130230000_ScaleIndexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index if not exists "wish_created_at_id_index" on "wish" ("created_at" desc nulls last, "id" desc);`);
    this.addSql(`create index if not exists "wish_event_at_index" on "wish_event" ("at");`);
    this.addSql(`create index if not exists "point_entry_year_person_index" on "point_entry" ("year", "person_id") include ("kind", "amount");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "point_entry_year_person_index";`);
    this.addSql(`drop index if exists "wish_event_at_index";`);
    this.addSql(`drop index if exists "wish_created_at_id_index";`);
  }

}
