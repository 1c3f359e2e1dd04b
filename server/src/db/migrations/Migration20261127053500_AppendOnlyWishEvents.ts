import { Migration } from '@mikro-orm/migrations';

/** The event log is append-only: the database itself refuses to change or remove an event. */
export class Migration20261127053500_AppendOnlyWishEvents extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace function wish_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'wish_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;`);
    this.addSql(`create trigger wish_event_append_only before update or delete on "wish_event"
  for each row execute function wish_event_append_only();`);
    this.addSql(`create trigger wish_event_no_truncate before truncate on "wish_event"
  for each statement execute function wish_event_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists wish_event_no_truncate on "wish_event";`);
    this.addSql(`drop trigger if exists wish_event_append_only on "wish_event";`);
    this.addSql(`drop function if exists wish_event_append_only();`);
  }

}
