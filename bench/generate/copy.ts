/**
 * `COPY … FROM STDIN` over a plain `pg` client, without pg-copy-streams (not installed): a submittable query
 * that answers the server's CopyInResponse with the rows as CopyData chunks, honouring the socket's
 * back-pressure, then CopyDone. Rows are text-format lines (tab-separated, `\N` for null, ending in `\n`).
 */
import { once } from 'node:events';
import type { Client } from 'pg';

interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.EventEmitter & { writableNeedDrain: boolean };
}

const CHUNK = 1 << 16;

class CopyIn {
  callback: ((err: Error | null, result?: { rowCount: number }) => void) | undefined;
  private error: Error | null = null;
  private rowCount = 0;
  constructor(
    readonly text: string,
    private readonly lines: Iterable<string>,
  ) {}

  submit(connection: PgConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: PgConnection): void {
    this.pump(connection).catch((err: Error) => {
      this.error = err;
      connection.sendCopyFail(String(err.message));
    });
  }

  private async pump(connection: PgConnection): Promise<void> {
    let buf = '';
    for (const line of this.lines) {
      buf += line;
      if (buf.length >= CHUNK) {
        connection.sendCopyFromChunk(Buffer.from(buf, 'utf8'));
        buf = '';
        // pg's sendCopyFromChunk does not return the socket's write result: ask the socket.
        if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
      }
    }
    if (buf.length > 0) connection.sendCopyFromChunk(Buffer.from(buf, 'utf8'));
    connection.endCopyFrom();
  }

  handleCommandComplete(msg: { text?: string }): void {
    const m = /^COPY (\d+)/.exec(msg.text ?? '');
    if (m) this.rowCount = Number(m[1]);
  }

  /** pg detaches the query before telling it of an error: no ReadyForQuery will reach it, so answer now. */
  handleError(err: Error): void {
    this.error = err;
    this.done();
  }

  handleReadyForQuery(): void {
    this.done();
  }

  private done(): void {
    const callback = this.callback;
    this.callback = undefined;
    callback?.(this.error, { rowCount: this.rowCount });
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handleCopyData(): void {}
}

/** COPY the lines into `table (columns)`; resolves with the number of rows the server took. */
export function copyInto(client: Client, table: string, columns: readonly string[], lines: Iterable<string>) {
  const copy = new CopyIn(`copy ${table} (${columns.join(', ')}) from stdin`, lines);
  return new Promise<number>((resolve, reject) => {
    copy.callback = (err, result) => (err ? reject(err) : resolve(result?.rowCount ?? 0));
    (client as unknown as { query(q: CopyIn): void }).query(copy);
  });
}

/** One text-format COPY field. */
export function field(v: string | number | boolean | null | Date): string {
  if (v === null) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v !== 'string') return String(v);
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export const line = (values: readonly (string | number | boolean | null | Date)[]) =>
  `${values.map(field).join('\t')}\n`;

export function must<T>(v: T | undefined): T {
  if (v === undefined) throw new Error('bench/generate: a value is missing');
  return v;
}
