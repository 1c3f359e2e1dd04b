import { Migration } from '@mikro-orm/migrations';

export class Migration20261127053459 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "org_unit_path_pattern_index" on "org_unit" ("path" varchar_pattern_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "org_unit_path_pattern_index";`);
  }

}
