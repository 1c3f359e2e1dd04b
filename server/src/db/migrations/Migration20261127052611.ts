import { Migration } from '@mikro-orm/migrations';

export class Migration20261127052611 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "org_unit_kind" as enum ('STREET', 'COMMUNITY', 'COMPOUND', 'GRID', 'PARTNER');`);
    this.addSql(
      `create type "role" as enum ('RESIDENT', 'GRID_WORKER', 'PARTY_MEMBER', 'VOLUNTEER', 'BRANCH_SECRETARY', 'STREET_ADMIN', 'DISPLAY');`,
    );
    this.addSql(`create type "handling_level" as enum ('COMPOUND', 'COMMUNITY', 'STREET');`);
    this.addSql(
      `create type "wish_status" as enum ('SUBMITTED', 'OPEN_FOR_CLAIM', 'DISPATCHED', 'ACCEPTED', 'RESOLVED', 'CLOSED', 'REJECTED', 'CANCELLED');`,
    );
    this.addSql(`create type "wish_channel" as enum ('APP', 'GRID_VISIT', 'HOTLINE', 'WALK_IN');`);
    this.addSql(`create type "assignment_kind" as enum ('ASSIGNEE', 'SUPERVISOR');`);
    this.addSql(
      `create type "wish_action" as enum ('SUBMIT', 'DISPATCH', 'OPEN_FOR_CLAIM', 'CLAIM', 'ACCEPT', 'DECLINE', 'ABANDON', 'RESOLVE', 'EVALUATE', 'REOPEN', 'ESCALATE', 'REJECT', 'CANCEL', 'AUTO_CLOSE');`,
    );
    this.addSql(
      `create table "org_unit" ("id" serial primary key, "kind" "org_unit_kind" not null, "name" varchar(200) not null, "name_zh" varchar(200) not null, "parent_id" int null, "path" varchar(400) not null, "population" int null, "households" int null, "has_property_management" boolean null, "party_organization" varchar(200) null, "description" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`,
    );
    this.addSql(`create index "org_unit_parent_id_index" on "org_unit" ("parent_id");`);
    this.addSql(`create index "org_unit_path_index" on "org_unit" ("path");`);

    this.addSql(
      `create table "person" ("id" serial primary key, "username" varchar(100) null, "display_name" varchar(100) not null, "phone" varchar(30) null, "password_hash" varchar(300) null, "created_at" timestamptz not null);`,
    );
    this.addSql(`alter table "person" add constraint "person_username_unique" unique ("username");`);

    this.addSql(
      `create table "auth_session" ("token_hash" varchar(64) not null, "person_id" int not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "auth_session_pkey" primary key ("token_hash"));`,
    );
    this.addSql(`create index "auth_session_person_id_index" on "auth_session" ("person_id");`);
    this.addSql(`create index "auth_session_expires_at_index" on "auth_session" ("expires_at");`);

    this.addSql(
      `create table "person_role" ("id" serial primary key, "person_id" int not null, "role" "role" not null, "org_unit_id" int not null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "person_role_person_id_index" on "person_role" ("person_id");`);
    this.addSql(`create index "person_role_org_unit_id_index" on "person_role" ("org_unit_id");`);
    this.addSql(
      `alter table "person_role" add constraint "person_role_person_id_role_org_unit_id_unique" unique ("person_id", "role", "org_unit_id");`,
    );

    this.addSql(
      `create table "wish_category" ("id" serial primary key, "code" varchar(50) not null, "name_zh" varchar(100) not null, "name_en" varchar(100) not null, "default_level" "handling_level" not null, "due_in_days" int not null, "sort_order" int not null default 0, "active" boolean not null default true);`,
    );
    this.addSql(`alter table "wish_category" add constraint "wish_category_code_unique" unique ("code");`);

    this.addSql(
      `create table "wish" ("id" serial primary key, "title" varchar(100) not null, "description" text not null, "category_id" int not null, "compound_id" int not null, "handling_unit_id" int not null, "status" "wish_status" not null, "channel" "wish_channel" not null, "resident_id" int null, "listed_by_id" int not null, "rating" int null, "rating_comment" text null, "reopen_count" int not null default 0, "due_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null);`,
    );
    this.addSql(`create index "wish_category_id_index" on "wish" ("category_id");`);
    this.addSql(`create index "wish_compound_id_index" on "wish" ("compound_id");`);
    this.addSql(`create index "wish_handling_unit_id_index" on "wish" ("handling_unit_id");`);
    this.addSql(`create index "wish_status_index" on "wish" ("status");`);
    this.addSql(`create index "wish_resident_id_index" on "wish" ("resident_id");`);
    this.addSql(`create index "wish_listed_by_id_index" on "wish" ("listed_by_id");`);

    this.addSql(
      `create table "meeting" ("id" serial primary key, "wish_id" int not null, "held_at" timestamptz not null, "place" varchar(200) null, "participants" text not null, "decisions" text not null, "recorded_by_id" int not null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "meeting_wish_id_index" on "meeting" ("wish_id");`);

    this.addSql(
      `create table "assignment" ("id" serial primary key, "wish_id" int not null, "person_id" int not null, "kind" "assignment_kind" not null, "active" boolean not null default true, "assigned_at" timestamptz not null, "assigned_by_id" int null, "released_at" timestamptz null);`,
    );
    this.addSql(`create index "assignment_wish_id_index" on "assignment" ("wish_id");`);
    this.addSql(`create index "assignment_person_id_index" on "assignment" ("person_id");`);

    this.addSql(
      `create table "wish_event" ("sequence" bigserial primary key, "wish_id" int not null, "action" "wish_action" not null, "from_status" "wish_status" null, "to_status" "wish_status" not null, "actor_id" int null, "at" timestamptz not null, "note" text null, "data" jsonb null);`,
    );
    this.addSql(`create index "wish_event_wish_id_sequence_index" on "wish_event" ("wish_id", "sequence");`);

    this.addSql(
      `alter table "org_unit" add constraint "org_unit_parent_id_foreign" foreign key ("parent_id") references "org_unit" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "auth_session" add constraint "auth_session_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "person_role" add constraint "person_role_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "person_role" add constraint "person_role_org_unit_id_foreign" foreign key ("org_unit_id") references "org_unit" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "wish" add constraint "wish_category_id_foreign" foreign key ("category_id") references "wish_category" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "wish" add constraint "wish_compound_id_foreign" foreign key ("compound_id") references "org_unit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "wish" add constraint "wish_handling_unit_id_foreign" foreign key ("handling_unit_id") references "org_unit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "wish" add constraint "wish_resident_id_foreign" foreign key ("resident_id") references "person" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "wish" add constraint "wish_listed_by_id_foreign" foreign key ("listed_by_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "meeting" add constraint "meeting_wish_id_foreign" foreign key ("wish_id") references "wish" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "meeting" add constraint "meeting_recorded_by_id_foreign" foreign key ("recorded_by_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "assignment" add constraint "assignment_wish_id_foreign" foreign key ("wish_id") references "wish" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "assignment" add constraint "assignment_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "assignment" add constraint "assignment_assigned_by_id_foreign" foreign key ("assigned_by_id") references "person" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "wish_event" add constraint "wish_event_wish_id_foreign" foreign key ("wish_id") references "wish" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "wish_event" add constraint "wish_event_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on update cascade on delete set null;`,
    );
  }
}
