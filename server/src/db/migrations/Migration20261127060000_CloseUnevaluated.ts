import { Migration } from '@mikro-orm/migrations';

/**
 * A wish listed with no resident has nobody to evaluate it: once RESOLVED, its handling secretary closes it with
 * an explicit "no evaluation" close, an event of its own (CLOSE_UNEVALUATED) that no rating statistic counts.
 */
export class Migration20261127060000_CloseUnevaluated extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "wish_action" add value if not exists 'CLOSE_UNEVALUATED';`);
  }

  override async down(): Promise<void> {
    // PostgreSQL cannot drop a value from an enum type, and the event log that may use it is append-only:
    // the value stays (unused by the previous release, which never writes it).
  }

}
