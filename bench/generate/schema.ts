/**
 * The definitions a bulk load must leave exactly as migrations made them: every index, constraint (with whether
 * it is validated) and trigger of the public schema, and every column. Compared with a freshly migrated database;
 * any difference fails the benchmark.
 */
import pg from 'pg';

const DEFINITIONS = `
  select 'index ' || tablename || ' ' || indexname || ': ' || indexdef as d from pg_indexes where schemaname = 'public'
  union all
  select 'constraint ' || conrelid::regclass::text || ' ' || conname || ': ' || pg_get_constraintdef(oid)
         || case when convalidated then '' else ' (NOT VALIDATED)' end
         || case when condeferrable then ' deferrable' else '' end
    from pg_constraint where connamespace = 'public'::regnamespace
  union all
  select 'trigger ' || tgrelid::regclass::text || ' ' || tgname || ': ' || pg_get_triggerdef(oid) || ' enabled=' || tgenabled::text
    from pg_trigger where not tgisinternal
  union all
  select 'column ' || table_name || '.' || column_name || ': ' || data_type || ' ' || is_nullable || ' '
         || coalesce(column_default, '')
    from information_schema.columns where table_schema = 'public'
  order by 1`;

export async function definitions(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ d: string }>(DEFINITIONS)).rows.map((r) => r.d);
  } finally {
    await c.end();
  }
}

/** The definitions one side has and the other lacks, marked `-` (only in `expected`) and `+` (only in `actual`). */
export function differences(expected: readonly string[], actual: readonly string[]): string[] {
  const a = new Set(actual);
  const e = new Set(expected);
  return [
    ...expected.filter((d) => !a.has(d)).map((d) => `- ${d}`),
    ...actual.filter((d) => !e.has(d)).map((d) => `+ ${d}`),
  ];
}
