/**
 * The bulk load as a restore does it (pg_restore's order): the tables' keys, indexes and foreign keys are set
 * aside, the rows are COPYed over several connections at once, then the keys and indexes are built from the
 * loaded rows (in parallel, across tables) and every foreign key is added back and validated against them. The
 * database ends with exactly the definitions it started with — schema.ts checks that against a freshly migrated
 * database. Check constraints and triggers stay in place during the load (the wish_count summary's statement
 * triggers take one aggregate per COPY), except what the caller pauses in `before` and back-fills beside the
 * index builds (wish_event_day: its trigger reads each event's wish, which another connection may still be loading).
 */
import pg from 'pg';
import { copyInto } from './copy.ts';
import type { Table } from './street.ts';

interface Saved {
  /** `alter table … add constraint …` of the primary keys and unique constraints of the loaded tables. */
  keys: { table: string; sql: string }[];
  /** `create index …` of the other indexes of the loaded tables. */
  indexes: { table: string; sql: string }[];
  /** Foreign keys on or towards the loaded tables. */
  foreignKeys: { table: string; name: string; def: string }[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function saveAndDrop(client: pg.Client, tables: readonly string[]): Promise<Saved> {
  const fks = await client.query<{ tbl: string; name: string; def: string }>(
    `select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def
       from pg_constraint c
      where c.contype = 'f' and (c.conrelid::regclass::text = any($1) or c.confrelid::regclass::text = any($1))
      order by c.conrelid::regclass::text, c.conname`,
    [tables],
  );
  const keys = await client.query<{ tbl: string; name: string; def: string }>(
    `select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def
       from pg_constraint c
      where c.contype in ('p', 'u') and c.conrelid::regclass::text = any($1)
      order by c.conrelid::regclass::text, c.conname`,
    [tables],
  );
  const indexes = await client.query<{ tbl: string; name: string; def: string }>(
    `select i.indrelid::regclass::text as tbl, i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i
      where i.indrelid::regclass::text = any($1)
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)
      order by 1, 2`,
    [tables],
  );
  await client.query('begin');
  for (const f of fks.rows) await client.query(`alter table ${q(f.tbl)} drop constraint ${q(f.name)}`);
  for (const k of keys.rows) await client.query(`alter table ${q(k.tbl)} drop constraint ${q(k.name)}`);
  for (const i of indexes.rows) await client.query(`drop index ${i.name}`);
  await client.query('commit');
  return {
    keys: keys.rows.map((k) => ({ table: k.tbl, sql: `alter table ${q(k.tbl)} add constraint ${q(k.name)} ${k.def}` })),
    indexes: indexes.rows.map((i) => ({ table: i.tbl, sql: i.def })),
    foreignKeys: fks.rows.map((f) => ({ table: f.tbl, name: f.name, def: f.def })),
  };
}

/** Runs the jobs over the connections, each connection taking the next job when it is free. */
async function onConnections(clients: readonly pg.Client[], jobs: ((c: pg.Client) => Promise<unknown>)[]) {
  let next = 0;
  await Promise.all(
    clients.map(async (c) => {
      for (let job = jobs[next++]; job; job = jobs[next++]) await job(c);
    }),
  );
}

/** Jobs of statements grouped by table: one table's statements run one after another, tables side by side. */
function byTable(
  items: readonly { table: string; sql: string }[],
  took: [ms: number, sql: string][],
): ((c: pg.Client) => Promise<unknown>)[] {
  const groups = new Map<string, string[]>();
  for (const i of items) groups.set(i.table, [...(groups.get(i.table) ?? []), i.sql]);
  // The biggest groups first, so the last one to finish is a small one.
  return [...groups.values()]
    .sort((a, b) => b.length - a.length)
    .map((sqls) => async (c: pg.Client) => {
      for (const sql of sqls) {
        const t0 = performance.now();
        await c.query(sql);
        took.push([performance.now() - t0, sql]);
      }
    });
}

export interface LoadResult {
  ms: number;
  phases: string[];
}

/**
 * Loads the tables' lines into `url`'s real tables over `connections` connections. Big tables are split into
 * parts COPYed side by side. `after` runs at the end (the serials moved on after the explicit ids).
 */
export async function bulkLoad(
  url: string,
  tables: readonly Table[],
  opts: {
    connections: number;
    partRows: number;
    /** Before the COPY, on one connection (e.g. pausing a summary's trigger). */
    before: (c: pg.Client) => Promise<void>;
    /** Statements run beside the index builds (e.g. a summary's back-fill). */
    besideIndexes: readonly string[];
    after: (c: pg.Client) => Promise<void>;
  },
): Promise<LoadResult> {
  const clients = Array.from({ length: opts.connections }, () => new pg.Client({ connectionString: url }));
  const phases: string[] = [];
  const took: [ms: number, sql: string][] = [];
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  try {
    await Promise.all(clients.map((c) => c.connect()));
    // Sort memory for the index builds; the load's own commits need not wait for the disk (nothing else writes).
    for (const c of clients) {
      await c.query(`set maintenance_work_mem = '512MB'`);
      await c.query('set synchronous_commit = off');
      await c.query('set max_parallel_maintenance_workers = 0');
    }
    const main = clients[0];
    if (!main) throw new Error('bulkLoad: no connection');
    const t0 = performance.now();
    let t = t0;
    const phase = (name: string) => {
      const now = performance.now();
      phases.push(`${name} ${fmt(now - t)}`);
      t = now;
    };
    const saved = await saveAndDrop(
      main,
      tables.map((x) => x.name),
    );
    phase(
      `set aside ${saved.keys.length} keys, ${saved.indexes.length} indexes, ${saved.foreignKeys.length} foreign keys:`,
    );

    await opts.before(main);
    const copies: ((c: pg.Client) => Promise<unknown>)[] = [];
    for (const table of [...tables].sort((a, b) => b.lines.length - a.lines.length)) {
      for (let from = 0; from < table.lines.length; from += opts.partRows) {
        const part = table.lines.slice(from, from + opts.partRows);
        copies.push((c) => copyInto(c, table.name, table.columns, part));
      }
    }
    await onConnections(clients, copies);
    phase(`COPY (${copies.length} parts on ${clients.length} connections):`);

    await onConnections(clients, byTable(saved.keys, took));
    phase('keys:');
    // Index builds only share-lock their table: every index is its own job, the likely longest first (GIN, then
    // by the rows loaded into its table).
    const rowsOf = new Map(tables.map((x) => [x.name, x.lines.length]));
    const cost = (i: { table: string; sql: string }) =>
      (/ using gin /i.test(i.sql) ? 1e12 : 0) + (rowsOf.get(i.table) ?? 0);
    await onConnections(clients, [
      ...[...saved.indexes].sort((a, b) => cost(b) - cost(a)).flatMap((i) => byTable([i], took)),
      ...opts.besideIndexes.flatMap((sql) => byTable([{ table: '', sql }], took)),
    ]);
    phase(`indexes${opts.besideIndexes.length > 0 ? ` (and ${opts.besideIndexes.length} summary back-fill)` : ''}:`);
    // Foreign keys: added unchecked (brief locks, one after another), then validated side by side — a validation
    // locks only its own table against changes, so validations of different tables never wait for each other.
    for (const f of saved.foreignKeys)
      await main.query(`alter table ${q(f.table)} add constraint ${q(f.name)} ${f.def} not valid`);
    await onConnections(
      clients,
      byTable(
        saved.foreignKeys.map((f) => ({
          table: f.table,
          sql: `alter table ${q(f.table)} validate constraint ${q(f.name)}`,
        })),
        took,
      ),
    );
    phase('foreign keys validated:');
    await opts.after(main);
    const ms = performance.now() - t0;
    took.sort((a, b) => b[0] - a[0]);
    phases.push(
      `slowest: ${took
        .slice(0, 4)
        .map(([m, sql]) => `${sql.slice(0, 90)} ${fmt(m)}`)
        .join(' | ')}`,
    );
    return { ms, phases };
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
}
