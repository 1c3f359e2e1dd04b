import { Migration } from '@mikro-orm/migrations';

/**
 * Photos of wishes (issue 10): uploaded by a person, attached to a wish at listing (SUBMITTED) or at resolution
 * (RESOLVED); the image and its thumbnail live in the photo storage (local disk or S3-compatible). The key that
 * signs photo URLs is made here, once, from PostgreSQL's strong random source, so every replica shares it.
 */
export class Migration20261201000300_Photos extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "photo_stage" as enum ('SUBMITTED', 'RESOLVED');`);
    this.addSql(`create table "photo_url_key" ("id" int not null, "secret" varchar(128) not null, constraint "photo_url_key_pkey" primary key ("id"));`);
    this.addSql(`insert into "photo_url_key" ("id", "secret") values (1, replace(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));`);

    this.addSql(`create table "photo" ("id" serial primary key, "uploader_id" int not null, "wish_id" int null, "stage" "photo_stage" null, "storage_key" varchar(100) not null, "thumbnail_key" varchar(100) not null, "content_type" varchar(50) not null, "width" int not null, "height" int not null, "byte_size" int not null, "created_at" timestamptz not null, "attached_at" timestamptz null);`);
    this.addSql(`create index "photo_uploader_id_index" on "photo" ("uploader_id");`);
    this.addSql(`create index "photo_wish_id_index" on "photo" ("wish_id");`);
    this.addSql(`create index "photo_unattached_created_at_index" on "photo" ("created_at") where "wish_id" is null;`);
    this.addSql(`alter table "photo" add constraint "photo_uploader_id_foreign" foreign key ("uploader_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "photo" add constraint "photo_wish_id_foreign" foreign key ("wish_id") references "wish" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "photo" cascade;`);
    this.addSql(`drop table if exists "photo_url_key" cascade;`);
    this.addSql(`drop type if exists "photo_stage";`);
  }

}
