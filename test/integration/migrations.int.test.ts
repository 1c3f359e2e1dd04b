/** Migrations: all listed, forward on an empty database and on a populated older one, in step with the entities. */
import fs from 'node:fs';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { seedDemoData } from '../../seeds/demo-seed.ts';
import { migrate } from '../../server/src/db/database.ts';
import { migrationsList } from '../../server/src/db/migrations/index.ts';
import { MIGRATIONS_DIR, ormOptions } from '../../server/src/db/mikro-orm.config.ts';
import { withDatabase } from '../support/db-url.ts';

const server = inject('pgServerUrl');
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

  it('run forward on a database of the first release holding data, keeping it', async () => {
    const url = await freshDatabase();
    const orm = await MikroORM.init(ormOptions(url));
    try {
      const first = migrationsList[0]!.name;
      await orm.getMigrator().up({ to: first });
      const summary = await seedDemoData(orm.em.fork(), { demoPassword: 'x', seed: 7 });
      await migrate(orm);
      const [row] = await orm.em
        .fork()
        .execute<{ wishes: string; events: string }[]>(
          'select (select count(*) from wish) as wishes, (select count(*) from wish_event) as events',
        );
      expect(Number(row!.wishes)).toBe(Object.values(summary.wishes).reduce((a, b) => a + b, 0));
      expect(Number(row!.events)).toBe(summary.events);
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
