/**
 * One PostgreSQL for the run: TEST_DATABASE_URL (a server URL, e.g. CI's machine PostgreSQL) or, when unset,
 * the embedded PostgreSQL under .data/test-postgres. A template database is migrated and seeded once;
 * each test file clones it into a database of its own and drops it afterwards.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedDemoData } from '../../seeds/demo/index.ts';
import { ROOT_DIR } from '../../server/src/config.ts';
import { migrate } from '../../server/src/db/database.ts';
import {
  type EmbeddedDatabase,
  releaseProcessHooks,
  startEmbeddedPostgres,
} from '../../server/src/db/embedded-postgres.ts';
import { ormOptions } from '../../server/src/db/mikro-orm.config.ts';
import { withDatabase } from './db-url.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDatabase: string;
  }
}

let embedded: EmbeddedDatabase | null = null;
let serverUrl = '';
let template = '';

export async function setup(project: TestProject): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    serverUrl = process.env.TEST_DATABASE_URL;
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: `${ROOT_DIR}/.data/test`,
      port: Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54339),
      log: { info: () => undefined, warn: (m) => console.warn(m) },
    });
    serverUrl = withDatabase(embedded.url, 'postgres');
  }
  template = `wishgrid_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);
  await admin.end();
  const orm = await MikroORM.init(ormOptions(withDatabase(serverUrl, template)));
  try {
    await migrate(orm);
    await seedDemoData(orm.em.fork(), { demoPassword: 'wishgrid-demo', seed: 1 });
  } finally {
    await orm.close(true);
  }
  project.provide('pgServerUrl', serverUrl);
  project.provide('templateDatabase', template);
}

export async function teardown(): Promise<void> {
  if (serverUrl && template) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  }
  await embedded?.stop();
  // Otherwise embedded-postgres's exit hook ends the run with code 0, whatever the tests said.
  releaseProcessHooks();
}
