/** What PostgreSQL said when a statement failed: the SQLSTATE and the constraint it names, if any. */
export interface PgFailure {
  code: string;
  constraint: string | null;
  table: string | null;
}

/** MikroORM copies the pg error's own properties onto its exception, so both are read the same way. */
export function pgFailure(error: unknown): PgFailure | null {
  if (!(error instanceof Error)) return null;
  const e = error as Error & { code?: unknown; constraint?: unknown; table?: unknown };
  if (typeof e.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return null;
  return {
    code: e.code,
    constraint: typeof e.constraint === 'string' ? e.constraint : null,
    table: typeof e.table === 'string' ? e.table : null,
  };
}

export const isUniqueViolation = (error: unknown, constraint?: string) => {
  const f = pgFailure(error);
  return f?.code === '23505' && (constraint === undefined || f.constraint === constraint);
};

export const isForeignKeyViolation = (error: unknown) => pgFailure(error)?.code === '23503';
