import { Migration } from '@mikro-orm/migrations';

/**
 * The outbox of notifications for channels outside the server (a webhook today; an SMS gateway or WeChat template
 * messages behind it). `notification_channel` lists the channels switched on (a server with the channel configured
 * switches it on at start, one without switches it off); a trigger adds one `notification_delivery` row per new
 * notification and switched-on channel, in the transaction that writes the notification, whatever statement wrote
 * it. Workers on every replica claim due rows with `for update skip locked`.
 */
export class Migration20261201000600_NotificationDelivery extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "notification_delivery_status" as enum ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED');`);
    this.addSql(`create table "notification_channel" ("name" varchar(50) not null, "enabled_at" timestamptz not null, constraint "notification_channel_pkey" primary key ("name"));`);
    this.addSql(`create table "notification_delivery" ("id" serial primary key, "notification_id" int not null, "channel" varchar(50) not null, "status" "notification_delivery_status" not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_attempt_at" timestamptz null, "delivered_at" timestamptz null, "last_error" varchar(300) null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "notification_delivery" add constraint "notification_delivery_notification_channel_unique" unique ("notification_id", "channel");`);
    this.addSql(`create index "notification_delivery_due_index" on "notification_delivery" ("next_attempt_at") where "status" = 'PENDING';`);
    this.addSql(`alter table "notification_delivery" add constraint "notification_delivery_notification_id_foreign" foreign key ("notification_id") references "notification" ("id") on update cascade on delete cascade;`);
    this.addSql(`create function "notification_delivery_enqueue"() returns trigger language plpgsql as $$
begin
  insert into notification_delivery (notification_id, channel, next_attempt_at, created_at)
  select n.id, c.name, now(), now() from inserted n cross join notification_channel c
  on conflict (notification_id, channel) do nothing;
  return null;
end
$$;`);
    this.addSql(`create trigger "notification_delivery_enqueue" after insert on "notification" referencing new table as inserted for each statement execute function "notification_delivery_enqueue"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "notification_delivery_enqueue" on "notification";`);
    this.addSql(`drop function if exists "notification_delivery_enqueue"();`);
    this.addSql(`drop table if exists "notification_delivery" cascade;`);
    this.addSql(`drop table if exists "notification_channel" cascade;`);
    this.addSql(`drop type "notification_delivery_status";`);
  }

}
