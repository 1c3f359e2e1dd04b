import { Migration } from '@mikro-orm/migrations';

export class Migration20261127054224_StreetServices extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "point_entry_kind" as enum ('BASIC', 'POSITIVE', 'DEDUCTION');`);
    this.addSql(`create type "point_source_type" as enum ('WISH', 'ACTIVITY', 'YEAR', 'MANUAL', 'CORRECTION');`);
    this.addSql(`create type "service_mode" as enum ('SELF_MANAGED', 'PROFESSIONAL_COMPANY', 'COMMUNITY_SUPPORTED');`);
    this.addSql(`create type "committee_status" as enum ('ACTIVE', 'DISSOLVED');`);
    this.addSql(`create type "committee_member_role" as enum ('CHAIR', 'VICE_CHAIR', 'MEMBER');`);
    this.addSql(`create type "activity_status" as enum ('PLANNED', 'CANCELLED', 'FINISHED');`);
    this.addSql(`create type "sign_up_status" as enum ('SIGNED_UP', 'CANCELLED');`);
    this.addSql(`create table "change_event" ("sequence" bigserial primary key, "entity_type" varchar(50) not null, "entity_id" int not null, "action" varchar(50) not null, "actor_id" int null, "at" timestamptz not null, "data" jsonb null);`);
    this.addSql(`create index "change_event_entity_index" on "change_event" ("entity_type", "entity_id");`);

    this.addSql(`create table "point_rule" ("id" serial primary key, "code" varchar(50) not null, "name_zh" varchar(100) not null, "name_en" varchar(100) not null, "kind" "point_entry_kind" not null, "amount" int not null, "cap_per_year" int null, "active" boolean not null default true, "description" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1);`);
    this.addSql(`alter table "point_rule" add constraint "point_rule_code_unique" unique ("code");`);

    this.addSql(`create table "point_entry" ("id" serial primary key, "person_id" int not null, "year" int not null, "kind" "point_entry_kind" not null, "amount" int not null, "rule_id" int null, "reason" varchar(500) not null, "source_type" "point_source_type" not null, "source_key" varchar(100) null, "reverses_id" int null, "recorded_by_id" int null, "at" timestamptz not null);`);
    this.addSql(`create index "point_entry_person_year_index" on "point_entry" ("person_id", "year");`);
    this.addSql(`alter table "point_entry" add constraint "point_entry_rule_source_person_unique" unique ("rule_id", "source_key", "person_id");`);
    this.addSql(`alter table "point_entry" add constraint "point_entry_reverses_unique" unique ("reverses_id");`);

    this.addSql(`create table "property_committee" ("id" serial primary key, "compound_id" int not null, "name" varchar(200) not null, "founded_on" date not null, "service_mode" "service_mode" not null, "company_name" varchar(200) null, "party_organization" varchar(200) null, "status" "committee_status" not null default 'ACTIVE', "dissolved_on" date null, "notes" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1);`);
    this.addSql(`create index "property_committee_compound_id_index" on "property_committee" ("compound_id");`);
    this.addSql(`create unique index "property_committee_one_active_per_compound" on "property_committee" ("compound_id") where "status" = 'ACTIVE';`);

    this.addSql(`create table "property_committee_member" ("id" serial primary key, "committee_id" int not null, "person_id" int not null, "role" "committee_member_role" not null, "is_party_member" boolean not null default false, "joined_on" date not null);`);
    this.addSql(`create index "property_committee_member_person_id_index" on "property_committee_member" ("person_id");`);
    this.addSql(`alter table "property_committee_member" add constraint "property_committee_member_unique" unique ("committee_id", "person_id");`);

    this.addSql(`create table "service_brand" ("id" serial primary key, "code" varchar(50) not null, "name_zh" varchar(100) not null, "name_en" varchar(100) not null, "description" text null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "service_brand" add constraint "service_brand_code_unique" unique ("code");`);

    this.addSql(`create table "monthly_theme" ("id" serial primary key, "street_id" int not null, "year" int not null, "month" int not null, "title" varchar(200) not null, "brand_id" int null, "description" text null, "goals" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1);`);
    this.addSql(`create index "monthly_theme_brand_id_index" on "monthly_theme" ("brand_id");`);
    this.addSql(`alter table "monthly_theme" add constraint "monthly_theme_street_month_unique" unique ("street_id", "year", "month");`);

    this.addSql(`create table "activity" ("id" serial primary key, "theme_id" int null, "organizer_id" int not null, "title" varchar(200) not null, "description" text null, "place" varchar(200) not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "capacity" int not null, "points_per_participant" int not null default 0, "status" "activity_status" not null default 'PLANNED', "created_by_id" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1);`);
    this.addSql(`create index "activity_theme_id_index" on "activity" ("theme_id");`);
    this.addSql(`create index "activity_organizer_id_index" on "activity" ("organizer_id");`);
    this.addSql(`create index "activity_starts_at_index" on "activity" ("starts_at");`);

    this.addSql(`create table "activity_sign_up" ("id" serial primary key, "activity_id" int not null, "person_id" int not null, "status" "sign_up_status" not null, "signed_up_at" timestamptz not null, "cancelled_at" timestamptz null);`);
    this.addSql(`create index "activity_sign_up_person_id_index" on "activity_sign_up" ("person_id");`);
    this.addSql(`alter table "activity_sign_up" add constraint "activity_sign_up_activity_person_unique" unique ("activity_id", "person_id");`);

    this.addSql(`create table "activity_check_in" ("id" serial primary key, "activity_id" int not null, "person_id" int not null, "hours" double precision null, "recorded_by_id" int not null, "at" timestamptz not null);`);
    this.addSql(`create index "activity_check_in_person_id_index" on "activity_check_in" ("person_id");`);
    this.addSql(`alter table "activity_check_in" add constraint "activity_check_in_activity_person_unique" unique ("activity_id", "person_id");`);

    this.addSql(`alter table "change_event" add constraint "change_event_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "point_entry" add constraint "point_entry_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "point_entry" add constraint "point_entry_rule_id_foreign" foreign key ("rule_id") references "point_rule" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "point_entry" add constraint "point_entry_reverses_id_foreign" foreign key ("reverses_id") references "point_entry" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "point_entry" add constraint "point_entry_recorded_by_id_foreign" foreign key ("recorded_by_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "property_committee" add constraint "property_committee_compound_id_foreign" foreign key ("compound_id") references "org_unit" ("id") on update cascade;`);

    this.addSql(`alter table "property_committee_member" add constraint "property_committee_member_committee_id_foreign" foreign key ("committee_id") references "property_committee" ("id") on update cascade;`);
    this.addSql(`alter table "property_committee_member" add constraint "property_committee_member_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);

    this.addSql(`alter table "monthly_theme" add constraint "monthly_theme_street_id_foreign" foreign key ("street_id") references "org_unit" ("id") on update cascade;`);
    this.addSql(`alter table "monthly_theme" add constraint "monthly_theme_brand_id_foreign" foreign key ("brand_id") references "service_brand" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "activity" add constraint "activity_theme_id_foreign" foreign key ("theme_id") references "monthly_theme" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "activity" add constraint "activity_organizer_id_foreign" foreign key ("organizer_id") references "org_unit" ("id") on update cascade;`);
    this.addSql(`alter table "activity" add constraint "activity_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "activity_sign_up" add constraint "activity_sign_up_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade;`);
    this.addSql(`alter table "activity_sign_up" add constraint "activity_sign_up_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);

    this.addSql(`alter table "activity_check_in" add constraint "activity_check_in_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade;`);
    this.addSql(`alter table "activity_check_in" add constraint "activity_check_in_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "activity_check_in" add constraint "activity_check_in_recorded_by_id_foreign" foreign key ("recorded_by_id") references "person" ("id") on update cascade;`);

    this.addSql(`alter table "org_unit" add column "retired_at" timestamptz null, add column "version" int not null default 1;`);

    this.addSql(`alter table "person" add column "active" boolean not null default true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "point_entry" drop constraint "point_entry_rule_id_foreign";`);

    this.addSql(`alter table "point_entry" drop constraint "point_entry_reverses_id_foreign";`);

    this.addSql(`alter table "property_committee_member" drop constraint "property_committee_member_committee_id_foreign";`);

    this.addSql(`alter table "monthly_theme" drop constraint "monthly_theme_brand_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_theme_id_foreign";`);

    this.addSql(`alter table "activity_sign_up" drop constraint "activity_sign_up_activity_id_foreign";`);

    this.addSql(`alter table "activity_check_in" drop constraint "activity_check_in_activity_id_foreign";`);

    this.addSql(`drop table if exists "change_event" cascade;`);

    this.addSql(`drop table if exists "point_rule" cascade;`);

    this.addSql(`drop table if exists "point_entry" cascade;`);

    this.addSql(`drop table if exists "property_committee" cascade;`);

    this.addSql(`drop table if exists "property_committee_member" cascade;`);

    this.addSql(`drop table if exists "service_brand" cascade;`);

    this.addSql(`drop table if exists "monthly_theme" cascade;`);

    this.addSql(`drop table if exists "activity" cascade;`);

    this.addSql(`drop table if exists "activity_sign_up" cascade;`);

    this.addSql(`drop table if exists "activity_check_in" cascade;`);

    this.addSql(`alter table "org_unit" drop column "retired_at", drop column "version";`);

    this.addSql(`alter table "person" drop column "active";`);

    this.addSql(`drop type "point_entry_kind";`);
    this.addSql(`drop type "point_source_type";`);
    this.addSql(`drop type "service_mode";`);
    this.addSql(`drop type "committee_status";`);
    this.addSql(`drop type "committee_member_role";`);
    this.addSql(`drop type "activity_status";`);
    this.addSql(`drop type "sign_up_status";`);
  }

}
