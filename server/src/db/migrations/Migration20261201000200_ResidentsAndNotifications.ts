import { Migration } from '@mikro-orm/migrations';

/**
 * Residents who register themselves (verification PENDING until staff of their compound verify them; everyone
 * before is VERIFIED), the address line of a wish, and notifications: one row per recipient and cause, the text
 * kept as a message key with its parameters and rendered in the recipient's language when read.
 */
export class Migration20261201000200_ResidentsAndNotifications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "person_verification" as enum ('PENDING', 'VERIFIED', 'REJECTED');`);
    this.addSql(`create type "notification_kind" as enum ('ORDER_DISPATCHED', 'ORDER_OPEN', 'WISH_UPDATED', 'EVALUATION_DUE', 'DUE_SOON', 'OVERDUE', 'ACTIVITY_REMINDER', 'VERIFICATION', 'HOT_SPOT');`);

    this.addSql(`alter table "person" add column "verification" "person_verification" not null default 'VERIFIED', add column "registered_at" timestamptz null, add column "address" varchar(100) null, add column "language" varchar(10) not null default 'zh-CN';`);
    this.addSql(`create index "person_pending_index" on "person" ("registered_at", "id") where "verification" = 'PENDING';`);

    this.addSql(`alter table "wish" add column "address" varchar(100) null;`);

    this.addSql(`create table "notification" ("id" serial primary key, "recipient_id" int not null, "kind" "notification_kind" not null, "message_key" varchar(100) not null, "params" jsonb not null, "wish_id" int null, "activity_id" int null, "dedupe_key" varchar(200) not null, "created_at" timestamptz not null, "read_at" timestamptz null);`);
    this.addSql(`create index "notification_wish_id_index" on "notification" ("wish_id");`);
    this.addSql(`create index "notification_activity_id_index" on "notification" ("activity_id");`);
    this.addSql(`create index "notification_recipient_id_index" on "notification" ("recipient_id", "id");`);
    this.addSql(`create index "notification_unread_index" on "notification" ("recipient_id") where "read_at" is null;`);
    this.addSql(`alter table "notification" add constraint "notification_recipient_dedupe_unique" unique ("recipient_id", "dedupe_key");`);
    this.addSql(`alter table "notification" add constraint "notification_recipient_id_foreign" foreign key ("recipient_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "notification" add constraint "notification_wish_id_foreign" foreign key ("wish_id") references "wish" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "notification" add constraint "notification_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification" cascade;`);
    this.addSql(`alter table "wish" drop column "address";`);
    this.addSql(`drop index if exists "person_pending_index";`);
    this.addSql(`alter table "person" drop column "verification", drop column "registered_at", drop column "address", drop column "language";`);
    this.addSql(`drop type "notification_kind";`);
    this.addSql(`drop type "person_verification";`);
  }

}
