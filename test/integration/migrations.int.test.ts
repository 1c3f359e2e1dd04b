/** Migrations: all listed, forward on an empty database and on a populated older one, in step with the entities. */
import fs from 'node:fs';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { seedDemoData } from '../../seeds/demo/index.ts';
import { migrate } from '../../server/src/db/database.ts';
import { migrationsList } from '../../server/src/db/migrations/index.ts';
import { MIGRATIONS_DIR, ormOptions } from '../../server/src/db/mikro-orm.config.ts';
import { withDatabase } from '../support/db-url.ts';

const server = inject('pgServerUrl');
/** The last migration of the release before this one (the wish loop). */
const PREVIOUS_RELEASE = 'Migration20261127053500_AppendOnlyWishEvents';
const created: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `wishgrid_mig_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  created.push(name);
  return withDatabase(server, name);
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe('migrations', () => {
  it('lists every migration file of the folder, in order', () => {
    const files = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^Migration.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(migrationsList.map((m) => m.name)).toEqual(files);
  });

  it('run forward on an empty database and leave nothing for the entities to change', async () => {
    const orm = await MikroORM.init(ormOptions(await freshDatabase()));
    try {
      expect(await migrate(orm)).toEqual(migrationsList.map((m) => m.name));
      expect(await migrate(orm)).toEqual([]);
      const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim()).toBe('');
    } finally {
      await orm.close(true);
    }
  });

  it('run forward on a database of the previous release holding data, keeping it', async () => {
    const url = await freshDatabase();
    const orm = await MikroORM.init(ormOptions(url));
    try {
      // The schema of the previous release (the wish loop), with data written in its shape.
      await orm.getMigrator().up({ to: PREVIOUS_RELEASE });
      const em = orm.em.fork();
      await em.execute(`
        insert into org_unit (id, kind, name, name_zh, parent_id, path, created_at, updated_at)
          values (1, 'STREET', 'Xiguan Street', '西关街道', null, '/1/', now(), now()),
                 (2, 'COMPOUND', 'Wenxiangyuan', '文香苑', 1, '/1/2/', now(), now());
        insert into person (id, username, display_name, created_at) values (1, 'r', '居民', now());
        insert into person_role (person_id, role, org_unit_id, created_at) values (1, 'RESIDENT', 2, now());
        insert into wish_category (code, name_zh, name_en, default_level, due_in_days, sort_order, active)
          values ('parking', '停车', 'Parking', 'COMPOUND', 7, 1, true);
        insert into wish (title, description, category_id, compound_id, handling_unit_id, status, channel, resident_id,
                          listed_by_id, reopen_count, version, created_at, updated_at)
          values ('停车难', '', 1, 2, 2, 'SUBMITTED', 'APP', 1, 1, 0, 1, now(), now());
        insert into wish_event (wish_id, action, from_status, to_status, actor_id, at)
          values (1, 'SUBMIT', null, 'SUBMITTED', 1, now());`);
      const applied = await migrate(orm);
      expect(applied).toEqual(migrationsList.map((m) => m.name).filter((n) => n > PREVIOUS_RELEASE));
      const [row] = await orm.em.fork().execute<{ wishes: string; events: string; version: number; active: boolean }[]>(
        `select (select count(*) from wish) as wishes, (select count(*) from wish_event) as events,
                (select version from org_unit where id = 2) as version, (select active from person where id = 1) as active`,
      );
      expect(row).toEqual({ wishes: '1', events: '1', version: 1, active: true });
      expect((await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');
    } finally {
      await orm.close(true);
    }
  });

  it('make the event log append-only in the database itself', async () => {
    const orm = await MikroORM.init(ormOptions(await freshDatabase()));
    try {
      await migrate(orm);
      await seedDemoData(orm.em.fork(), { demoPassword: 'x', seed: 3 });
      const em = orm.em.fork();
      await expect(em.execute("update wish_event set note = 'changed'")).rejects.toThrow(/append-only/);
      await expect(em.execute('delete from wish_event')).rejects.toThrow(/append-only/);
      await expect(em.execute('truncate wish_event cascade')).rejects.toThrow(/append-only/);
    } finally {
      await orm.close(true);
    }
  });
});
