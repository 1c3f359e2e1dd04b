import { Migration } from '@mikro-orm/migrations';

/** Open311 GeoReport v2: the API keys street staff issue to outside systems (only the key's hash is stored). */
export class Migration20261201000500_Open311Keys extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "open311_key" ("id" serial primary key, "key_hash" varchar(64) not null, "hint" varchar(20) not null, "label" varchar(100) not null, "channel" "wish_channel" not null, "issued_by_id" int not null, "issued_at" timestamptz not null, "revoked_by_id" int null, "revoked_at" timestamptz null, "last_used_at" timestamptz null);`);
    this.addSql(`alter table "open311_key" add constraint "open311_key_key_hash_unique" unique ("key_hash");`);
    this.addSql(`alter table "open311_key" add constraint "open311_key_issued_by_id_foreign" foreign key ("issued_by_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "open311_key" add constraint "open311_key_revoked_by_id_foreign" foreign key ("revoked_by_id") references "person" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "open311_key" cascade;`);
  }

}
