import { Migration } from '@mikro-orm/migrations';

/** The points ledger and the change log are append-only too: corrections are reversing entries. */
export class Migration20261127054230_AppendOnlyLedgers extends Migration {

  override async up(): Promise<void> {
    for (const table of ['point_entry', 'change_event']) {
      this.addSql(`create trigger ${table}_append_only before update or delete on "${table}"
  for each row execute function wish_event_append_only();`);
      this.addSql(`create trigger ${table}_no_truncate before truncate on "${table}"
  for each statement execute function wish_event_append_only();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['point_entry', 'change_event']) {
      this.addSql(`drop trigger if exists ${table}_no_truncate on "${table}";`);
      this.addSql(`drop trigger if exists ${table}_append_only on "${table}";`);
    }
  }

}
